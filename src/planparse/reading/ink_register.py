"""Someone else's OCR layer set off its page image as a whole: made at one resolution and
placed at another (every position a few per cent too large, the words drifting right and down
across the page) or shifted by a margin. The layer's line boxes are fitted back onto the ink
lines of the image by one scale and offset down the page and one across it, before its words
are fitted to their ink one by one (:mod:`planparse.reading.ink`), which mends only small
slips."""

from __future__ import annotations

import numpy as np

from planparse.reading.model import Line, Span
from planparse.reading.raster_icons import _long_runs

SCALES = np.arange(0.95, 1.0501, 0.0025)  # the scales tried, each axis
SHIFT = 30.0  # pt: the largest offset tried, each way
GAIN = 1.25  # a fit at least this much better than the layer as it stands is taken
KNOWN_GAIN = 1.1  # an earlier page's fit, this much better
MIN_LINES = 8
_INK = 128  # a pixel darker than this is ink
_RUN_PT = 20.0  # a dark run longer than this (points) is a rule's or a fill's, no letter's


Mapping = tuple[float, float, float, float]  # sx, tx, sy, ty: x' = sx x + tx, y' = sy y + ty


def register(lines: list[Line], image: np.ndarray, dpi: float, known: Mapping | None = None) -> Mapping | None:
    """Move the spans of ``lines`` (a page's OCR layer, in points) onto the ink of ``image``
    (its page image at ``dpi``) where one scale and offset per axis fits them far better than
    their own positions (:data:`GAIN`), or where ``known`` (the mapping an earlier page of the
    layer took: one tool set every page off alike) fits them better (:data:`KNOWN_GAIN`); the
    mapping taken, or None."""
    boxes = np.array([ln.bbox for ln in lines if ln.text.strip()], dtype=float)
    if len(boxes) < MIN_LINES:
        return None
    dark = image < _INK
    run = max(2, round(_RUN_PT * dpi / 72))  # (a rule or a shaded band is no letter's ink)
    dark &= ~_long_runs(dark, run) & ~_long_runs(dark.T, run).T
    ink = dark.astype(np.float64)
    table = np.zeros((ink.shape[0] + 1, ink.shape[1] + 1))
    table[1:, 1:] = ink.cumsum(0).cumsum(1)
    density = float(ink.mean())
    px = dpi / 72.0

    def score(b: np.ndarray) -> np.ndarray:
        """Ink inside each mapping's boxes beyond the page's mean density, summed; ``b`` has
        shape (mappings, boxes, 4) in points."""
        x0 = np.clip(np.rint(b[..., 0] * px), 0, ink.shape[1]).astype(int)
        x1 = np.clip(np.rint(b[..., 2] * px), 0, ink.shape[1]).astype(int)
        y0 = np.clip(np.rint(b[..., 1] * px), 0, ink.shape[0]).astype(int)
        y1 = np.clip(np.rint(b[..., 3] * px), 0, ink.shape[0]).astype(int)
        inside = table[y1, x1] - table[y0, x1] - table[y1, x0] + table[y0, x0]
        area = np.maximum(x1 - x0, 0) * np.maximum(y1 - y0, 0)
        return np.asarray((inside - density * area).sum(axis=-1))

    def best(axis: int, fixed: np.ndarray) -> tuple[float, float, float]:
        shifts = np.arange(-SHIFT, SHIFT + 0.01, 1.0)
        s, t = np.meshgrid(SCALES, shifts, indexing="ij")
        s, t = s.ravel(), t.ravel()
        mapped = np.repeat(fixed[None], len(s), axis=0)
        for k in (axis, axis + 2):
            mapped[..., k] = fixed[None, :, k] * s[:, None] + t[:, None]
        scores = score(mapped)
        i = int(np.argmax(scores))
        return float(s[i]), float(t[i]), float(scores[i])

    here = float(score(boxes[None])[0])
    sy, ty, _ = best(1, boxes)
    sx, tx, there = best(0, _mapped(boxes, (1.0, 0.0, sy, ty)))
    mapping: Mapping | None = (sx, tx, sy, ty)
    if there <= 0 or here > 0 and there < GAIN * here or _identity((sx, tx, sy, ty)) \
            or min(sx, sy) <= SCALES[0] + 1e-6 or max(sx, sy) >= SCALES[-1] - 1e-6:  # (a fit at the range's edge: none)
        mapping = None
        if known is not None and (mine := float(score(_mapped(boxes, known)[None])[0])) > 0 \
                and (here <= 0 or mine >= KNOWN_GAIN * here):
            mapping = known
    if mapping is not None:
        for ln in lines:
            ln.spans = [_moved(s, mapping) for s in ln.spans]
    return mapping


def _identity(m: Mapping) -> bool:
    return abs(m[0] - 1) < 0.004 and abs(m[2] - 1) < 0.004 and abs(m[1]) < 1.5 and abs(m[3]) < 1.5


def _mapped(boxes: np.ndarray, m: Mapping) -> np.ndarray:
    out = boxes.copy()
    out[:, 0], out[:, 2] = boxes[:, 0] * m[0] + m[1], boxes[:, 2] * m[0] + m[1]
    out[:, 1], out[:, 3] = boxes[:, 1] * m[2] + m[3], boxes[:, 3] * m[2] + m[3]
    return out


def _moved(span: Span, m: Mapping) -> Span:
    sx, tx, sy, ty = m
    x0, y0, x1, y1 = span.bbox
    return Span(span.text, (x0 * sx + tx, y0 * sy + ty, x1 * sx + tx, y1 * sy + ty), span.font,
                span.size * sy, span.bold, span.italic, span.color)
