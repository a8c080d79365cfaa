"""A draft's review marks, printed with the text (Word's "Alla markeringar"): deleted text
struck through, comment balloons in the margin ("Kommentar [AB1]: …"), and footnote marks
raised small after a word. None of them is the text as it will read: struck words are gone
from it, a balloon is a reviewer's note, a mark points to a note at the page's foot."""

from __future__ import annotations

import re

from planparse.reading.model import Drawing, Line, within

STRIKE_MIDDLE = (0.3, 0.7)  # a strike crosses its text between these shares of the text's height
STRIKE_COVER = 0.8  # and along this share of its width, at least
RULE_THICK = 1.5  # points: a strike is a rule, no thicker

# A comment balloon's label, as Word prints it in Swedish or English: "Kommentar [AB1]:"
# (on an OCR'd layer the balloon's edge may come first as a speck: "a Kommentar [AB1]:")
_BALLOON = re.compile(r"(?:\S{1,2}\s+)?(?P<label>(?:Kommentar|Kommenterad|Commented|Comment)\s*\[[^\W\d_]{1,5}\d{1,3}\])",
                      re.IGNORECASE)


def drop_struck(lines: list[Line], drawings: list[Drawing]) -> tuple[list[Line], list[Drawing]]:
    """Spans of born-digital ``lines`` in a colour that a thin rule strikes through (across
    their middle, nearly end to end) left out, lines left empty with them; the strikes left out of
    ``drawings`` (they are no table's rules). Unchanged where nothing is struck."""
    rules = [d for d in drawings if d.kind == "hline" and d.bbox[3] - d.bbox[1] <= RULE_THICK]
    if not rules:
        return lines, drawings
    strikes: set[int] = set()
    out: list[Line] = []
    for ln in lines:
        if ln.method != "native":
            out.append(ln)
            continue
        kept = []
        for s in ln.spans:
            hit = _strike(s.bbox, rules) if s.text.strip() and _coloured(s.color) else None
            if hit is None:
                kept.append(s)
            else:
                strikes.add(id(hit))
        if len(kept) == len(ln.spans):
            out.append(ln)
        elif any(s.text.strip() for s in kept):
            ln.spans = kept
            out.append(ln)
    if not strikes:
        return lines, drawings
    return out, [d for d in drawings if id(d) not in strikes]


def _coloured(color: int) -> bool:
    """Whether text of ``color`` (sRGB) is set in a colour, not black or grey: a reviewer's
    tracked deletion is in its author's colour; black text struck through is a list's way of
    marking an item done ("Genomstrukna uppdrag är avslutade"), and stays."""
    r, g, b = (color >> 16) & 0xFF, (color >> 8) & 0xFF, color & 0xFF
    return max(r, g, b) - min(r, g, b) > 60


def _strike(box: tuple[float, float, float, float], rules: list[Drawing]) -> Drawing | None:
    x0, y0, x1, y1 = box
    lo, hi = y0 + STRIKE_MIDDLE[0] * (y1 - y0), y0 + STRIKE_MIDDLE[1] * (y1 - y0)
    for d in rules:
        y = (d.bbox[1] + d.bbox[3]) / 2
        if not lo <= y <= hi:
            continue
        cover = min(x1, d.bbox[2]) - max(x0, d.bbox[0])
        # a strike of this text: across most of it, and not running far past it (a table's rule)
        if cover >= STRIKE_COVER * (x1 - x0) and d.bbox[2] - d.bbox[0] <= (x1 - x0) + 12:
            return d
    return None


def drop_balloons(lines: list[Line], drawings: list[Drawing]) -> tuple[list[Line], list[Drawing]]:
    """Comment balloons left out: a line that opens with a balloon's label, and with it every
    line inside the smallest box drawn round it (the box too); without a box, the lines stacked
    right under the label in its column. Unchanged where there is none."""
    labels = [ln for ln in lines if _BALLOON.match(ln.text)]
    if not labels:
        return lines, drawings
    gone: set[int] = set()
    boxes: set[int] = set()
    for label in labels:
        around = [d for d in drawings if d.kind == "rect" and within(label.bbox, d.bbox, 2)]
        if around:
            box = min(around, key=lambda d: (d.bbox[2] - d.bbox[0]) * (d.bbox[3] - d.bbox[1]))
            boxes.add(id(box))
            gone.update(id(ln) for ln in lines if within(ln.bbox, box.bbox, 2))
            continue
        gone.add(id(label))
        bottom = label.bbox[3]
        left = next((s.bbox[0] for s in label.spans if s.text.strip()[:1].lower() == "k"), label.bbox[0])
        for ln in sorted(lines, key=lambda ln: ln.bbox[1]):
            if ln.bbox[1] >= bottom - 1 and ln.bbox[1] - bottom < 0.8 * label.size \
                    and abs(ln.bbox[0] - left) < 3 and id(ln) not in gone:
                gone.add(id(ln))
                bottom = ln.bbox[3]
    return [ln for ln in lines if id(ln) not in gone], [d for d in drawings if id(d) not in boxes]
