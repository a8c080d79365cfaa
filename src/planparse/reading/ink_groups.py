"""What an OCR lost between the figures of one word, told by the page image's ink.

- Thousands groups read as one word: "1 500" printed with its space (Swedish sets large
  figures in groups of three) comes out of Tesseract as "1500", the space between the groups
  too narrow for it to cut the word. Figures are set on one advance (tabular figures), so the
  centres of their ink stand evenly apart, and a space between two groups sets one pair of
  centres a space's width further apart than the rest.
- A decimal comma read as nothing: "7,2" comes out as "72". Between two figures' ink stands a
  mark a figure's height would dwarf, low on the line (a comma reaches below the figures' foot).
"""

from __future__ import annotations

import re

import numpy as np

from planparse.reading.ink import _ink_runs
from planparse.reading.ink_words import _row_runs
from planparse.reading.model import Line, Span
from planparse.reading.raster_rules import DARK

_FIGURES = re.compile(r"^(\s*)(\d{4,7})(\s*)$")
# A blank between two figures' ink this share of a figure's advance wide or more is a space: two
# tabular figures stand a quarter to a third of an advance apart (around a "1", more), a space
# adds half an advance.
_SPACE = 0.45


def thousands_spaces(lines: list[Line], image: np.ndarray, dpi: float, ocr_layer: bool = False) -> int:
    """Each OCR'd word of ``lines`` that is a run of four to seven figures and whose ink shows
    a space before each group of three from the right, and nowhere else, gets those spaces
    ("1500" → "1 500"); a year or a figure printed without spaces stays. ``ocr_layer``: the
    lines are someone else's OCR layer, still marked native. Returns how many changed."""
    scale = dpi / 72
    changed = 0
    for ln in lines:
        if ln.method == "native" and not ocr_layer:
            continue
        for s in ln.spans:
            m = _FIGURES.match(s.text)
            if m is None or not _spaced(m[2], _ink_runs(image, s.bbox, scale)):
                continue
            if ln.raw_text is None:
                ln.raw_text = ln.text
            digits = m[2]
            grouped = "".join((" " if k and (len(digits) - k) % 3 == 0 else "") + d for k, d in enumerate(digits))
            s.text = f"{m[1]}{grouped}{m[3]}"
            changed += 1
    return changed


def _spaced(digits: str, runs: list[tuple[float, float]]) -> bool:
    """Whether the ink ``runs`` (x0, x1) of a word of ``digits`` have a space's blank before
    each group of three figures from the right and nowhere else: the figures' advance told
    by the ink's whole width, each wide blank with as many advances of ink right of it as
    the figures and spaces it stands before."""
    if len(runs) < 2:
        return False
    n, groups = len(digits), (len(digits) - 1) // 3
    end = runs[-1][1]
    advance = (end - runs[0][0]) / (n + 0.5 * groups)
    wide = [b[0] for a, b in zip(runs, runs[1:], strict=False) if b[0] - a[1] >= _SPACE * advance]
    if len(wide) != groups:
        return False
    # the j-th wide blank from the right stands before 3j figures and j - 1 spaces
    return all(abs((end - x) / advance - (3 * j + 0.5 * (j - 1))) <= 0.5 for j, x in enumerate(reversed(wide), 1))


_SHORT_FIGURES = re.compile(r"^(\s*)(\d{2,3})(\s*)$")


def lost_decimal_commas(lines: list[Line], image: np.ndarray, dpi: float, ocr_layer: bool = False) -> int:
    """Each OCR'd word of ``lines`` that is two or three figures and whose ink shows a decimal
    mark between two of them (:func:`_decimal_mark`) gets it back as a comma, the Swedish
    decimal mark ("72" → "7,2"). ``ocr_layer`` as for :func:`thousands_spaces`. Returns how
    many changed."""
    scale = dpi / 72
    changed = 0
    every = [t for ln in lines for t in ln.spans]
    for ln in lines:
        if ln.method == "native" and not ocr_layer:
            continue
        for s in ln.spans:
            m = _SHORT_FIGURES.match(s.text)
            if m is None or _opens_heading(s, every):
                continue
            found = _decimal_mark(image, s.bbox, scale, len(m[2]))
            if found is None:
                continue
            if ln.raw_text is None:
                ln.raw_text = ln.text
            s.text = f"{m[1]}{m[2][:found]},{m[2][found:]}{m[3]}"
            changed += 1
    return changed


def _opens_heading(figure: Span, spans: list[Span]) -> bool:
    """Whether ``figure`` opens its baseline with words after it: a heading's number ("2.2
    Våldsutsatta …", its stop lost), no figure of a table's row."""
    yc = (figure.bbox[1] + figure.bbox[3]) / 2
    beside = [t for t in spans if t is not figure and t.bbox[1] <= yc <= t.bbox[3]]
    return not any(t.bbox[2] <= figure.bbox[0] for t in beside) and any(
        t.bbox[0] >= figure.bbox[2] and any(ch.isalpha() for ch in t.text) for t in beside)


def with_decimal_comma(text: str, image: np.ndarray) -> str:
    """A figure ``text`` Tesseract read from ``image`` (a cell's crop holding that figure
    alone), with the decimal comma the crop's ink shows and the reading lost ("71" → "7,1")."""
    m = _SHORT_FIGURES.match(text)
    found = _decimal_mark(image, (0.0, 0.0, float(image.shape[1]), float(image.shape[0])), 1.0, len(m[2])) if m else None
    return text if m is None or found is None else f"{m[1]}{m[2][:found]},{m[2][found:]}{m[3]}"


def _decimal_mark(image: np.ndarray, box: tuple[float, float, float, float], scale: float, n: int) -> int | None:
    """Where a word of ``n`` figures has a decimal mark in its ink (how many figures stand
    before it), or None. The word's ink falls into ``n`` runs of columns as tall as its
    figures and one more between two of them: narrow (at most half a figure's width), low
    (its top under the figures' middle), not a speck (a fifth of their height at least), one
    blot (specks strewn down a column are noise) and close to the figure before it (within a
    figure's width: a tabular "1" stands narrow in its advance, "11,2"). A row of
    the crop inked across its whole width is no figure's ink (a rule or a coloured band's edge
    the box's slack took in) and is left out, as is a thin run at the crop's side inked far
    taller than the figures (a column's rule the box took in beside them)."""
    h, w = image.shape
    px0, px1 = max(0, int(box[0] * scale)), min(w, int(np.ceil(box[2] * scale)))
    py0, py1 = max(0, int(box[1] * scale) - 2), min(h, int(np.ceil(box[3] * scale)) + 3)
    if px1 - px0 < 4 or py1 - py0 < 6:
        return None
    ink = image[py0:py1, px0:px1] < DARK
    ink[ink.all(axis=1)] = False  # a rule or a band's edge the crop took in: figures stand apart
    runs = _row_runs(np.count_nonzero(ink, axis=0) > 0)  # (first column, past the last) of each run of inked columns
    runs = _without_side_rules(ink, runs)
    if len(runs) != n + 1:
        return None
    extents = []  # (top, past the bottom) of each run's ink
    for a, b in runs:
        rows = np.flatnonzero(ink[:, a:b].any(axis=1))
        extents.append((int(rows[0]), int(rows[-1]) + 1))
    tall = max(bottom - top for top, bottom in extents)
    marks = [k for k in range(1, n) if extents[k][1] - extents[k][0] < 0.5 * tall]
    if len(marks) != 1:
        return None
    k = marks[0]
    figures = [j for j in range(n + 1) if j != k]
    top, foot = min(extents[j][0] for j in figures), max(extents[j][1] for j in figures)
    width = max(runs[j][1] - runs[j][0] for j in figures)
    (mark_top, mark_bottom), (a, b) = extents[k], runs[k]
    # (a comma reaches below the figures' foot, a stop stays on it: either is a decimal mark)
    if (any(extents[j][1] - extents[j][0] < 0.7 * tall for j in figures) or b - a > 0.5 * width
            or mark_top < top + 0.5 * (foot - top) or mark_bottom - mark_top < 0.2 * (foot - top)
            or a - runs[k - 1][1] > width):
        return None
    # one blot, not specks strewn down a column: ink on every row of the mark
    return k if bool(ink[mark_top:mark_bottom, a:b].any(axis=1).all()) else None


def _without_side_rules(ink: np.ndarray, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``runs`` (of inked columns of a figure's crop ``ink``) without a first or last one that
    is a column's rule: thin (a third of the widest other run at most) and inked over half
    as tall again as any other run."""
    def tall(a: int, b: int) -> int:
        rows = np.flatnonzero(ink[:, a:b].any(axis=1))
        return int(rows[-1] - rows[0] + 1)

    for side in (-1, 0):
        if len(runs) < 3:
            break
        a, b = runs[side]
        rest = runs[:-1] if side == -1 else runs[1:]
        if 3 * (b - a) <= max(y - x for x, y in rest) and 2 * tall(a, b) > 3 * max(tall(x, y) for x, y in rest):
            runs = rest
    return runs
