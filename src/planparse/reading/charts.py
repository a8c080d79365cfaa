"""Charts drawn as vector graphics with their text in the layer (a plotting library's SVG or
PDF output): their tick labels, years, legend and title are a picture's words, not content.

A chart is found by its axes: a vertical rule (the value axis) and a horizontal rule (the
category axis) meeting at their lower left corner, with tick marks, short strokes standing out
from the axes, along them. A table's grid has corners like it but no such strokes. The chart's
area is the filled box drawn under the whole figure when there is one (the figure's
background), else the axes' box grown by room for the tick labels and the title.
"""

from __future__ import annotations

from planparse.reading.model import BBox, Drawing, Line
from planparse.reading.pills import filled, light

TOL = 1.5  # points: how far a tick's or corner's ends may miss the axis
TICK_MAX = 8.0  # points: the longest tick mark
MIN_TICKS = 3  # tick marks that make two meeting rules a chart's axes
ROOM = 30.0  # points: room round the axes for tick labels and the title, without a figure box


def _ticks(axis_x: float, y0: float, y1: float, base: float, x0: float, x1: float, rules: list[Drawing]) -> int:
    """Tick marks out of a value axis at ``axis_x`` (left of it) or a category axis at
    ``base`` (under it)."""
    def tick(d: Drawing) -> bool:
        b = d.bbox
        if d.kind == "hline":
            return 0 < b[2] - b[0] <= TICK_MAX and abs(b[2] - axis_x) <= TOL and y0 - TOL <= b[1] <= y1 + TOL
        return 0 < b[3] - b[1] <= TICK_MAX and abs(b[1] - base) <= TOL and x0 - TOL <= b[0] <= x1 + TOL

    return sum(1 for d in rules if tick(d))


def _inside(inner: BBox, outer: BBox, slack: float = 0.5) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def chart_areas(drawings: list[Drawing]) -> list[BBox]:
    """The areas of the charts drawn on a page (see the module's docstring)."""
    rules = [d for d in drawings if d.kind in ("hline", "vline")]
    short = [d for d in rules if max(d.bbox[2] - d.bbox[0], d.bbox[3] - d.bbox[1]) <= TICK_MAX]
    if len(short) < MIN_TICKS:
        return []
    starts: dict[tuple[int, int], list[Drawing]] = {}  # long horizontal rules by their left end
    for d in rules:
        if d.kind == "hline" and d.bbox[2] - d.bbox[0] > 3 * TICK_MAX:
            starts.setdefault((round(d.bbox[0]), round(d.bbox[1])), []).append(d)
    out: list[BBox] = []
    for v in (d for d in rules if d.kind == "vline" and d.bbox[3] - d.bbox[1] > 3 * TICK_MAX):
        x, top, base = v.bbox[0], v.bbox[1], v.bbox[3]
        corner = [h for dx in (-1, 0, 1) for dy in (-1, 0, 1) for h in starts.get((round(x) + dx, round(base) + dy), ())]
        for h in corner:
            if abs(h.bbox[0] - x) > TOL or abs(h.bbox[1] - base) > TOL:
                continue
            axes = (x, top, h.bbox[2], base)
            if _ticks(x, top, base, base, x, h.bbox[2], short) < MIN_TICKS:
                continue
            # (the axes' own box filled is no figure's: the figure's leaves room for the labels)
            frames = [d.bbox for d in drawings if d.kind == "rect" and d.fill is not None and _inside(axes, d.bbox)
                      and d.bbox[0] < x - TICK_MAX and d.bbox[3] > base + TICK_MAX]  # fmt: skip
            framed = [f for f in frames if (f[2] - f[0]) * (f[3] - f[1]) <= 4 * (axes[2] - axes[0]) * (axes[3] - axes[1])]
            area = min(framed, key=lambda f: (f[2] - f[0]) * (f[3] - f[1])) if framed else (
                x - ROOM, top - ROOM, h.bbox[2] + TOL, base + ROOM)
            if not any(_inside(area, a) for a in out):
                out = [a for a in out if not _inside(a, area)] + [area]
    return out


TILE_SIDE = (18.0, 90.0)  # points: the sides of a badge tile ("7 HÅLLBAR ENERGI FÖR ALLA")


def tile_areas(lines: list[Line], drawings: list[Drawing]) -> list[BBox]:
    """Badge tiles: small, nearly square coloured boxes with words of their own in light capitals
    inside (a global goal's "7" over "HÅLLBAR ENERGI FÖR ALLA", white on its colour), a picture
    set beside a heading, not content. A box holding a number alone (a heading's number white on
    a square) is none: the number is the heading's; nor is a table's header cell ("Antal" over
    "2025", white on the header's colour)."""
    out: list[BBox] = []
    for d in drawings:
        w, h = d.bbox[2] - d.bbox[0], d.bbox[3] - d.bbox[1]
        if d.kind != "rect" or not filled(d) or not (TILE_SIDE[0] <= min(w, h) and max(w, h) <= TILE_SIDE[1]) \
                or max(w, h) > 1.35 * min(w, h):
            continue
        inside = [ln for ln in lines if _inside(ln.bbox, d.bbox, 1.0)]
        if len(inside) >= 2 and all(light(s.color) for ln in inside for s in ln.spans if s.text.strip()) \
                and any(sum(ch.isalpha() for ch in ln.text) >= 3 and ln.text.isupper() for ln in inside):
            out.append(d.bbox)
    return out


def chart_lines(lines: list[Line], areas: list[BBox]) -> set[int]:
    """The ids of ``lines`` that stand wholly inside one of the chart ``areas``."""
    return {id(ln) for ln in lines if any(_inside(ln.bbox, a, 1.0) for a in areas)}


def trim_tiles(lines: list[Line], tiles: list[BBox]) -> None:
    """Take out of ``lines`` the spans inside a badge tile (:func:`tile_areas`) that a line
    across it holds (the tile's "7" on the baseline of the heading beside it)."""
    for ln in lines:
        if len(ln.spans) > 1 and any(_inside(s.bbox, t, 1.0) for s in ln.spans for t in tiles):
            kept = [s for s in ln.spans if not any(_inside(s.bbox, t, 1.0) for t in tiles)]
            if kept:
                ln.spans = kept


def outside_charts(drawings: list[Drawing], areas: list[BBox]) -> list[Drawing]:
    """``drawings`` without those of the charts (the figure's box, axes, bars, legend)."""
    return [d for d in drawings if not any(_inside(d.bbox, a, 1.0) for a in areas)]


def space_between(top: float, bottom: float, areas: list[BBox]) -> float:
    """The height from ``top`` down to ``bottom`` that no chart of ``areas`` takes: a chart
    between a heading and the next sets them no further apart in the text."""
    taken = sorted((max(a[1], top), min(a[3], bottom)) for a in areas if min(a[3], bottom) > max(a[1], top))
    free, at = 0.0, top
    for y0, y1 in taken:
        free += max(0.0, y0 - at)
        at = max(at, y1)
    return free + max(0.0, bottom - at)
