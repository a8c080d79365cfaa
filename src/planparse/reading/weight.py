"""Bold words on a scan: an OCR'd word has no font, but its strokes are in the page image. A
bold face's stems are about half again as thick as the regular face's at the same size, so a
word whose strokes are clearly heavier, for its letter size, than the page's usual text is set
in bold (a table's header row, an activity's title over its description)."""

from __future__ import annotations

import numpy as np

from planparse.reading.model import Line, Span
from planparse.reading.raster_rules import _paper, _pgm

HEAVY = 1.22  # a bold word's strokes are at least this much thicker than the page's median
MIN_WORDS = 20  # words a page needs before its usual stroke is known
MIN_LETTERS = 3  # shorter words say too little about their strokes
GRAIN = 40  # a scan's grain is at most this much darker than its paper (0-255 grey)
STRETCHED = 1.25  # a word box taller than this for its letters, against the page's usual, may be stretched
SPECK_EDGE_POINTS = 1.0  # a word box's edge this far out from its ink was stretched by a speck


def stroke(ink: np.ndarray) -> float:
    """The typical thickness (pixels) of a word's upright strokes: the mean length of its runs
    of ink along the pixel rows, those longer than twice their median left out (the bars of
    "e", "t", "f" run along a row); 0.0 without ink. (The median alone is a whole number of
    pixels: a regular stem of 2 and a bold one of 2.6 would both be 2 or 3.)"""
    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    edges = np.diff(padded, axis=1)
    _, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    if not len(starts):
        return 0.0
    runs = ends - starts
    return float(runs[runs <= 2 * np.median(runs)].mean())


def mark_bold(lines: list[Line], image: bytes, dpi: int) -> None:
    """Set ``bold`` on the OCR'd words of ``lines`` whose strokes are heavy for their size
    (see the module's doc), in place; a page with too few words is left as it is."""
    pixels = _pgm(image)
    if pixels is None:
        return
    level = (_paper(pixels) + int(np.percentile(pixels, 1))) // 2
    k = dpi / 72.0
    weights: list[tuple[int, int, float]] = []  # (line, span, stroke per point of size)
    for i, ln in enumerate(lines):
        size = ln.size
        if size <= 0:
            continue
        for j, s in enumerate(ln.spans):
            if sum(c.isalpha() for c in s.text) < MIN_LETTERS:
                continue
            x0, y0, x1, y1 = (round(v * k) for v in s.bbox)
            box = pixels[max(0, y0) : y1, max(0, x0) : x1]
            if box.size == 0:
                continue
            w = stroke(box < level)
            if w > 0:
                weights.append((i, j, w / (size * k)))
    if len(weights) < MIN_WORDS:
        return
    usual = float(np.median([w for _, _, w in weights]))
    for i, j, w in weights:
        if w >= HEAVY * usual:
            lines[i].spans[j].bold = True


def usual_size(lines: list[Line]) -> float | None:
    """The median letter size its word boxes tell of ``lines`` (words of two letters or figures
    at least), None without such words."""
    from planparse.reading.ocr import word_size

    sizes = sorted(word_size(s.text, s.bbox[3] - s.bbox[1]) for ln in lines for s in ln.spans
                   if sum(c.isalnum() for c in s.text) >= 2)
    return sizes[len(sizes) // 2] if sizes else None


def fit_boxes(lines: list[Line], image: bytes, dpi: int, usual: float | None = None) -> None:
    """Cut the OCR'd word boxes of ``lines`` to the ink inside them, in place, and give each
    line the size its fitted boxes tell (see :func:`planparse.reading.ocr.line_size`).

    Tesseract boxes a word over what its own binarising kept of the page: on a scan's grainy
    paper a few grey specks above or under the word stretch its box to half again its height,
    and the line's size told from it reads a body row of a table as a heading. Ink is what is
    darker than the paper by :data:`GRAIN` (a scan's grain is lighter, the blurred top of a
    thin ascender darker); a pixel row or column with a single ink pixel is a speck's, not a
    letter's. Only a box that tells a size a quarter above ``usual`` (the document's usual size,
    by default the page's: see :func:`usual_size`) is looked at, and
    only its top and bottom are cut; a box without ink at that level is left as it is."""
    from planparse.reading.ocr import line_size, word_size

    pixels = _pgm(image)
    if pixels is None:
        return
    level = _paper(pixels) - GRAIN
    k = dpi / 72.0
    usual = usual or usual_size(lines)
    if usual is None:
        return
    for ln in lines:
        changed = False
        for s in ln.spans:
            if word_size(s.text, s.bbox[3] - s.bbox[1]) <= STRETCHED * usual:
                continue  # a box of the page's usual letter size, or a word too short to tell
            box = _ink_box(pixels, s, level, k)
            if box is not None and box != s.bbox:
                s.bbox = box
                changed = True
        if changed:
            size = line_size(ln.spans)
            for s in ln.spans:
                s.size = size


def _ink_box(pixels: np.ndarray, s: Span, level: int, k: float) -> tuple[float, float, float, float] | None:
    x0, y0, x1, y1 = (round(v * k) for v in s.bbox)
    x0, y0 = max(0, x0), max(0, y0)
    ink = pixels[y0:y1, x0:x1] < level
    if ink.size == 0:
        return None
    per_row = ink.sum(axis=1)
    rows = np.flatnonzero(per_row >= 2)
    cols = np.flatnonzero(ink.sum(axis=0) >= 2)
    if not rows.size or not cols.size:
        return None
    rows = _without_edge_rules(rows, per_row, ink.shape[1], k)
    # (up and down only: a word's left edge places it in a table's column)
    fitted = (s.bbox[0], (y0 + rows[0]) / k, s.bbox[2], (y0 + rows[-1] + 1) / k)
    # Only an edge that moves well in is a speck's: Tesseract's own box is a pixel or so wider
    # than the ink at this level all round, and the gaps between words and lines are measured
    # from its boxes.
    return tuple(  # type: ignore[return-value]
        round(float(new), 2) if abs(new - old) > SPECK_EDGE_POINTS else old for new, old in zip(fitted, s.bbox, strict=True)
    )


RULE_GAP_POINTS = 1.5  # a rule under (over) a word is set off from its letters by this much at least
RULE_THICK_POINTS = 3.0  # ... and is a band this thin (a rule's blurred fringe in)
RULE_WIDTH = 0.5  # ... inked along this share of the box's width in its fullest row


def _without_edge_rules(rows: np.ndarray, per_row: np.ndarray, width: int, k: float) -> np.ndarray:
    """``rows`` (the inked pixel rows of a word box, ascending) without a table rule at the box's
    bottom or top: Tesseract boxes a word over a tilted scan's rule that touches its line, and
    the box's height then reads the line as a heading. The rule is a thin band across the box,
    apart from the letters (an accent's dot is narrow, an underline's band is no letter
    either)."""
    gap = max(2, round(RULE_GAP_POINTS * k))
    for _ in range(2):
        breaks = np.flatnonzero(np.diff(rows) > gap)
        if not breaks.size:
            return rows
        for part, rest in ((rows[breaks[-1] + 1 :], rows[: breaks[-1] + 1]), (rows[: breaks[0] + 1], rows[breaks[0] + 1 :])):
            if part[-1] - part[0] + 1 <= RULE_THICK_POINTS * k and per_row[part].max() >= RULE_WIDTH * width:
                rows = rest
                break
        else:
            return rows
    return rows
