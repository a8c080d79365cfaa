"""Paragraphs of a block of text lines, by their positions: the shape of a text field.

Native lines carry their font size and leading; OCR'd line boxes hug the ink, so there the
step from one line to the next against the document's usual step tells a paragraph break.
"""

from __future__ import annotations

import re

from planparse.reading.model import Line, is_bullet
from planparse.text.assemble import join_lines, list_item


def line_step(lines: list[Line]) -> float | None:
    """The usual step from one OCR'd line to the next below it in the same column (the
    leading), or None for native lines or too few of them."""
    pairs = [
        (a, b) for a, b in zip(lines, lines[1:], strict=False)
        if a.method != "native" and a.page == b.page and abs(a.x0 - b.x0) < 5 and 0 < b.y0 - a.y0 < 2 * (a.bbox[3] - a.bbox[1])
    ]
    # A line that fills its column wrapped: the step under it is the leading itself, where a
    # document of short label and value lines ("Processägare" / "Kommunchef") or short
    # paragraphs holds more steps across a paragraph's space than within one.
    right: dict[int, float] = {}
    for ln in lines:
        right[ln.page] = max(right.get(ln.page, 0.0), ln.bbox[2])
    wrapped = sorted(b.y0 - a.y0 for a, b in pairs if a.bbox[2] > right[a.page] - 0.15 * (right[a.page] - a.x0))
    steps = sorted(b.y0 - a.y0 for a, b in pairs)
    if len(wrapped) >= 5 and len(steps) >= 3:
        return min(steps[len(steps) // 2], wrapped[len(wrapped) // 2])
    return steps[len(steps) // 2] if len(steps) >= 3 else None


_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")


def paragraphs(lines: list[Line], step: float | None = None, texts: list[str] | None = None,
               gap: float | None = 0.6) -> list[str]:
    """Paragraphs of a block of lines (``texts``: their text as it stands, when the caller
    trimmed it); a page break starts one only after a sentence that ended short of the lines'
    right edge (with ``gap`` None), a bullet or a numbered item always does, and a
    "•" bullet is written "- ". Native lines: a vertical gap over ``gap`` × the font size (with
    None: a quarter of it over the block's own line spacing, at most 0.6, or a point over that
    spacing after a sentence's end before a capital), or a line step well
    above the usual leading (line boxes that include their leading hide the gap). OCR'd boxes
    hug the ink: a step clearly above the usual ``step`` (see :func:`line_step`), or without
    one, against the line height, tells."""
    texts = texts if texts is not None else [ln.text for ln in lines]
    gaps = [b.y0 - a.bbox[3] for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page]
    lead = min(gaps, default=0.0)
    right = max((ln.bbox[2] for ln in lines), default=0.0)
    paras: list[list[str]] = []
    prev: Line | None = None
    prev_text = ""
    for ln, text in zip(lines, texts, strict=True):
        size = max(ln.size, 1)
        if prev is None or is_bullet(text) or _NUMBERED.match(text):
            new = True
        elif ln.page != prev.page:
            # over a page break, only a sentence that ended short of the lines' right edge
            new = gap is None and ln.method == "native" and prev_text.rstrip().endswith((".", "!", "?")) \
                and text[:1].isupper() and prev.bbox[2] < right - 0.15 * (right - min(x.bbox[0] for x in lines))
        elif ln.method == "native":
            limit = gap * size if gap is not None else min(lead + 0.25 * size, 0.6 * size)
            new = ln.y0 - prev.bbox[3] > limit or ln.y0 - prev.y0 > 1.7 * max(size, prev.size) or (
                # a sentence's end, a capital, and a point of space more than the block's leading
                gap is None and ln.y0 - prev.bbox[3] > lead + 1.0 and prev_text.rstrip().endswith((".", "!", "?"))
                and text[:1].isupper()) or (
                # back up the page, in another style: the text beside a box's title (a side box, then its column)
                ln.y0 < prev.y0 - 1 and (abs(ln.size - prev.size) >= 0.5 or ln.bold != prev.bold)) or (
                # set in by an em or more after a sentence's end: a paragraph of its own ("Analysen görs …" under the title)
                ln.x0 - prev.x0 >= size and prev_text.rstrip().endswith((".", "!", "?")) and text[:1].isupper())
        else:
            dy = ln.y0 - prev.y0
            new = dy > 1.2 * step if step else dy > 2.0 * max(ln.bbox[3] - ln.bbox[1], prev.bbox[3] - prev.bbox[1])
        if new:
            paras.append([text])
        else:
            paras[-1].append(text)
        prev, prev_text = ln, text
    out = [join_lines(p) for p in paras]
    return [f"- {t.lstrip()[1:].strip()}" if is_bullet(t) else t for t in out]


def list_text(lines: list[Line], step: float | None = None) -> str | None:
    """Paragraphs of ``lines`` as a contract text field: "\\n" between paragraphs, a bulleted
    paragraph as a "- " line."""
    paras = []
    for p in paragraphs(lines, step):
        item = list_item(p)
        paras.append(f"- {item[1]}" if item is not None and not item[0][:1].isdigit() else p)
    return "\n".join(p for p in paras if p) or None
