"""Straighten an OCR'd page: a scan is rarely square on the glass, and its words climb or fall
along a line. Tesseract places each word where it sits in the tilted image, so a table row's
cells land at different heights and a column's cells at different x. A rotation by the page's
own tilt, measured from its text lines, puts them back on level rows and straight columns.

Only OCR'd pages are straightened: a native text layer is square by construction.
"""

from __future__ import annotations

from dataclasses import replace

from planparse.reading.model import BBox, Drawing, Line

MIN_SPREAD = 60.0  # a line must span this much (points) to say anything about the tilt
MIN_LINES = 3  # lines that must agree before a page is rotated
MIN_SLOPE = 0.001  # below this (about 0.06 degrees) the page is left as it is
MAX_SLOPE = 0.05  # above this (about 3 degrees) it is not a tilt but a rotated layout


def _line_slope(line: Line) -> tuple[float, float] | None:
    """The least-squares slope of a line's word centres, and its spread in x."""
    points = [((s.bbox[0] + s.bbox[2]) / 2, (s.bbox[1] + s.bbox[3]) / 2) for s in line.spans if s.text.strip()]
    if len(points) < 2:
        return None
    xs = [p[0] for p in points]
    spread = max(xs) - min(xs)
    if spread < MIN_SPREAD:
        return None
    mx = sum(xs) / len(xs)
    my = sum(p[1] for p in points) / len(points)
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in points)
    return sxy / sxx, spread


def page_slope(lines: list[Line]) -> float:
    """The page's tilt as dy/dx: the spread-weighted median of its lines' slopes; 0.0 when too
    few lines say, or they say it is level."""
    found = sorted(s for s in (_line_slope(ln) for ln in lines) if s is not None and abs(s[0]) <= MAX_SLOPE)
    if len(found) < MIN_LINES:
        return 0.0
    half = sum(w for _, w in found) / 2
    acc = 0.0
    for slope, weight in found:
        acc += weight
        if acc >= half:
            return slope if abs(slope) >= MIN_SLOPE else 0.0
    return 0.0  # pragma: no cover - the loop always reaches half


def _turn(bbox: BBox, slope: float, cx: float, cy: float) -> BBox:
    """``bbox`` moved as its centre moves when the page turns by -atan(slope) about (cx, cy)."""
    x0, y0, x1, y1 = bbox
    xc, yc = (x0 + x1) / 2, (y0 + y1) / 2
    dx = slope * (yc - cy)
    dy = -slope * (xc - cx)
    return (round(x0 + dx, 2), round(y0 + dy, 2), round(x1 + dx, 2), round(y1 + dy, 2))


def straighten(lines: list[Line], drawings: list[Drawing], width: float, height: float) -> float:
    """Level an OCR'd page's words and its rules found in the page image, in place; the slope
    that was removed (0.0: the page was level)."""
    slope = page_slope(lines)
    if not slope:
        return 0.0
    cx, cy = width / 2, height / 2
    for ln in lines:
        for s in ln.spans:
            s.bbox = _turn(s.bbox, slope, cx, cy)
    for k, d in enumerate(drawings):
        x0, y0, x1, y1 = _turn(d.bbox, slope, cx, cy)
        # A tilted rule's box is as tall (wide) as it climbs: level, it is only as thick as it is.
        if d.kind == "hline":
            climb = abs(slope) * (x1 - x0)
            shrink = max(0.0, min(climb, (y1 - y0) - 0.5)) / 2
            y0, y1 = y0 + shrink, y1 - shrink
        elif d.kind == "vline":
            climb = abs(slope) * (y1 - y0)
            shrink = max(0.0, min(climb, (x1 - x0) - 0.5)) / 2
            x0, x1 = x0 + shrink, x1 - shrink
        drawings[k] = replace(d, bbox=(round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)))
    return slope
