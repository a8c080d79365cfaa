"""Someone else's OCR layer's word boxes fitted to the ink of the page image under them.

An OCR layer's word box is where that OCR engine put the word, not always where its ink is: a
speck beside a word stretches its box ("“Kommunledningsst" boxed from the gutter), and two
words set either side of a table's column gap come out as one word ("gamla_Fritid", one box
over both cells). Read against the page image, each box is cut to the ink inside it, and a
word box with a blank stretch inside it wider than any space between letters or words is
two words, split at that gap. Unruled tables rebuilt from word positions
(:mod:`planparse.reading.positioned`) then see each word in its own column.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from planparse.reading.model import Line, Span
from planparse.reading.raster_rules import DARK

SPECK_PIXELS = 4  # a run of ink columns with fewer ink pixels than this is a speck (a stop has more)
MIN_COLUMN = 2  # a pixel column with fewer ink pixels than this is blank (a speck's trace)
GAP_SHARE = 0.5  # a blank stretch at least this share of the box height splits a word box
MIN_GAP_POINTS = 5.0  # ... and at least this wide (points): wider than a word space
FAINT = 210  # a word box without a pixel this dark (0-255 grey), rules aside, has nothing printed
PAD_POINTS = 0.4  # a box cut to its ink keeps this margin (points)
_SEPARATORS = "_|¦,;:"


def _ink_runs(image: np.ndarray, box: tuple[float, float, float, float], scale: float,
              dark: int = DARK) -> list[tuple[float, float]]:
    """The runs of ink columns inside ``box`` (points), specks left out, as (x0, x1) in points.
    (A rule through the box inks every column: the box is then neither cut nor split.)"""
    h, w = image.shape
    x0, y0, x1, y1 = box
    trim = 0.0
    px0, px1 = max(0, int(x0 * scale)), min(w, int(np.ceil(x1 * scale)))
    py0, py1 = max(0, int((y0 + trim) * scale)), min(h, int(np.ceil((y1 - trim) * scale)))
    if px1 - px0 < 2 or py1 - py0 < 2:
        return []
    profile = np.count_nonzero(image[py0:py1, px0:px1] < dark, axis=0)
    profile[profile < MIN_COLUMN] = 0
    runs: list[tuple[float, float]] = []
    start = None
    total = 0
    for i, count in enumerate([*profile.tolist(), 0]):
        if count and start is None:
            start, total = i, 0
        if count:
            total += count
        elif start is not None:
            if total >= SPECK_PIXELS:
                runs.append(((px0 + start) / scale, (px0 + i) / scale))
            start = None
    return runs


def _cut(text: str, share: float) -> tuple[str, str] | None:
    """``text`` cut in two where ``share`` of its letters lie left of a gap: at a separator
    OCR read in the gap ("gamla_Fritid") near that place, else at it; None when a piece would
    be empty."""
    core = text.strip()
    if len(core) < 2:
        return None
    at = min(max(round(share * len(core)), 1), len(core) - 1)
    near = [i for i in range(max(at - 2, 0), min(at + 2, len(core))) if core[i] in _SEPARATORS]
    if near:
        i = min(near, key=lambda i: abs(i - at))
        left, right = core[:i], core[i + 1 :]
    else:
        left, right = core[:at], core[at:]
    if not left.strip(_SEPARATORS) or not right.strip(_SEPARATORS):
        return None
    return left, right


def _apart(pieces: tuple[str, str], wide: bool) -> bool:
    """Whether two pieces of a word box may be two words: both words of two letters or more
    ("gamla" / "Fritid"); across a gap ``wide`` as a line is high (a column gap), also a word
    and a figure. A figure is never split ("2025-1" / "0-31": a narrow "1" is no gap)."""
    letters = [sum(ch.isalpha() for ch in p) for p in pieces]
    if all(n >= 2 for n in letters):
        return True
    return wide and max(letters) >= 2 and all(any(ch.isalnum() for ch in p) for p in pieces)


def _fit(span: Span, image: np.ndarray, scale: float, depth: int = 0) -> list[Span]:
    """``span`` cut to its ink, or split in two at a blank stretch inside it."""
    x0, y0, x1, y1 = span.bbox
    runs = _ink_runs(image, span.bbox, scale)
    if not runs:
        return [span]  # no ink under it: a box the layer placed loosely; left as it is
    height = y1 - y0
    gaps = [(runs[k + 1][0] - runs[k][1], k) for k in range(len(runs) - 1)]
    widest = max(gaps, default=(0.0, -1))
    if depth < 3 and widest[0] >= max(GAP_SHARE * height, MIN_GAP_POINTS):
        k = widest[1]
        left_ink = sum(b - a for a, b in runs[: k + 1])
        right_ink = sum(b - a for a, b in runs[k + 1 :])
        pieces = _cut(span.text, left_ink / max(left_ink + right_ink, 1e-6))
        # each piece's ink as wide as its letters need (OCR'd junk over a pattern is not)
        inked = pieces is not None and all(
            ink >= 0.2 * height * len(p) for ink, p in ((runs[k][1] - runs[0][0], pieces[0]),
                                                       (runs[-1][1] - runs[k + 1][0], pieces[1])))
        if pieces is not None and inked and _apart(pieces, widest[0] >= height):
            trail = span.text[len(span.text.rstrip()) :] or " "
            a = Span(pieces[0] + " ", (x0, y0, runs[k][1], y1), span.font, span.size, span.bold, span.italic, span.color)
            b = Span(pieces[1] + trail, (runs[k + 1][0], y0, x1, y1), span.font, span.size, span.bold, span.italic,
                     span.color)
            return _fit(a, image, scale, depth + 1) + _fit(b, image, scale, depth + 1)
    nx0, nx1 = max(x0, runs[0][0] - PAD_POINTS), min(x1, runs[-1][1] + PAD_POINTS)
    if (nx0, nx1) != (x0, x1) and nx1 > nx0:
        span.bbox = (nx0, y0, nx1, y1)
    return [span]


def _inkless(span: Span, image: np.ndarray, scale: float) -> bool:
    """Nothing printed under ``span``'s box: not a pixel even faintly dark, specks aside, or,
    for a word of three letters or more, ink over less than a tenth of a letter's height a
    letter ("hte" over a speck)."""
    runs = _ink_runs(image, span.bbox, scale, FAINT)
    n = len(span.text.strip())
    return not runs or (n >= 3 and runs[-1][1] - runs[0][0] < 0.1 * (span.bbox[3] - span.bbox[1]) * n)


def fit_to_ink(lines: list[Line], image: np.ndarray, dpi: float,
               rules: Sequence[tuple[float, float]] = ()) -> int:
    """Fit every word box of ``lines`` (an OCR layer's, one page) to the ink of the page
    ``image`` (grey pixels at ``dpi``): boxes cut to their ink, a box over two words with a
    column gap between split in two. ``rules``: the bands (top, bottom in points) of the
    horizontal rules found in the image; their ink is no word's. A word of letters or figures
    on a rule's band over no ink at all, even faint, but the rule's is what the OCR made of a
    faint rule ("are", "hte" along a table's rule) and is dropped (elsewhere an inkless box is
    only set off its word). Returns the number of words split."""
    scale = dpi / 72
    clean = image
    if rules:
        clean = image.copy()
        for top, bottom in rules:
            clean[max(0, int(top * scale) - 1) : int(np.ceil(bottom * scale)) + 1, :] = 255
    split = 0
    for ln in lines:
        spans: list[Span] = []
        for s in ln.spans:
            if not s.text.strip():
                spans.append(s)
                continue
            on_rule = any(top < s.bbox[3] and bottom > s.bbox[1] for top, bottom in rules)
            if on_rule and any(ch.isalnum() for ch in s.text) and _inkless(s, clean, scale):
                continue  # nothing printed there but the rule through the box: a misread rule
            fitted = _fit(s, clean, scale)
            split += len(fitted) - 1
            spans.extend(fitted)
        if len(spans) != len(ln.spans):
            ln.spans = spans
    return split
