"""Tables rebuilt from vector rules and positioned text, and joined across page breaks.

Ruled tables come from the page's horizontal and vertical rules (cell borders, grid lines,
rect edges). Tables ruled only horizontally get their columns from the gaps in the text.
Every row keeps its own page and bbox; a table that continues on the next page is joined to
its start and its repeated header row dropped.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from operator import itemgetter

from rapidfuzz import fuzz

from planparse.reading.by_height import ByHeight, of_list
from planparse.reading.model import (
    BBox,
    Cell,
    Drawing,
    Line,
    RawPage,
    Row,
    Span,
    Table,
    union,
    within,
)
from planparse.reading.phantom_columns import drop_phantom_columns
from planparse.reading.rotated_labels import rotated_label
from planparse.reading.rule_cuts import cut_at_rules
from planparse.reading.stacked_rows import split_stacked
from planparse.reading.weight import MIN_LETTERS
from planparse.text.control_labels import control_header
from planparse.text.fold import fold, plain

TOL = 2.0


@dataclass
class _Seg:
    pos: float  # y of a horizontal, x of a vertical segment
    a: float  # start along the segment
    b: float  # end along the segment
    shade: bool = False  # a vertical that is a side of a shaded band (a fill, no stroke)


CELL_SPACING = 4.0  # points: the widest gap a browser's border-spacing leaves between rows


def _cell_boxes(drawings: list[Drawing]) -> dict[int, BBox]:
    """Filled cells of rows a browser sets apart (``border-spacing``): each filled rect whose
    column goes on in a filled rect just under it, less than :data:`CELL_SPACING` lower,
    reaches down to the middle of the gap, and that one up to it, so the rows share a rule.
    A row's end cells drawn with rounded corners (shapes abutting a filled rect of the same
    row) count as rects. Returns the changed or adopted boxes by drawing id."""
    rects = [d for d in drawings if d.kind == "rect" and d.fill is not None and not d.is_icon]
    ends = [
        d for d in drawings
        if d.kind == "shape" and d.fill is not None and not d.is_icon and any(
            abs(d.bbox[1] - r.bbox[1]) <= TOL and abs(d.bbox[3] - r.bbox[3]) <= TOL
            and (abs(d.bbox[2] - r.bbox[0]) <= TOL or abs(d.bbox[0] - r.bbox[2]) <= TOL)
            for r in rects
        )
    ]
    cells = sorted(rects + ends, key=lambda d: d.bbox[1])
    tops = [d.bbox[1] for d in cells]
    boxes: dict[int, BBox] = {id(d): d.bbox for d in ends}
    for a in cells:
        ax0, _, ax1, ay1 = boxes.get(id(a), a.bbox)
        for b in cells[bisect_right(tops, ay1 + 0.5) : bisect_right(tops, ay1 + CELL_SPACING)]:
            bx0, by0, bx1, by1 = boxes.get(id(b), b.bbox)
            if abs(ax0 - bx0) <= TOL and abs(ax1 - bx1) <= TOL and 0.5 < by0 - ay1 <= CELL_SPACING:
                mid = (ay1 + by0) / 2
                a_box = boxes.get(id(a), a.bbox)
                boxes[id(a)] = (a_box[0], a_box[1], a_box[2], mid)
                boxes[id(b)] = (bx0, mid, bx1, by1)
    return boxes


def _segments(
    drawings: list[Drawing], page_w: float, page_h: float, lines: list[Line] | None = None,
    card_drawings: list[Drawing] | None = None, spans: ByHeight[Span] | None = None,
) -> tuple[list[_Seg], list[_Seg]]:
    """The page's rules as segments (``card_drawings``: :func:`_cards` of ``drawings``, and
    ``spans``: the spans of ``lines`` by height, when known)."""
    hs: list[_Seg] = []
    vs: list[_Seg] = []
    cards = {id(d) for d in (_cards(drawings) if card_drawings is None else card_drawings)} | _accent_strips(drawings)
    cells = _cell_boxes(drawings)
    icons = sorted((d for d in drawings if d.is_icon), key=lambda d: d.bbox[1])
    tops = [i.bbox[1] for i in icons]
    for d in drawings:
        if id(d) in cards or (lines is not None and _bar(d, lines, page_w, spans)):
            continue
        if icons:
            # the icons that may hold d: an icon is 16 pt high at most, its top near d's
            near = icons[bisect_left(tops, d.bbox[3] - ICON_SLACK - 17):bisect_right(tops, d.bbox[1] + ICON_SLACK + 1)]
            if any(i is not d and within(d.bbox, i.bbox, 0) and i.bbox != d.bbox for i in near):
                continue  # a stroke of a mark drawn on a status icon (an "!"'s bar and dot), no rule
            if d.kind == "vline" and any(within(d.bbox, i.bbox, ICON_SLACK) for i in near):
                continue  # an icon's own stroke (a scanned smiley's outline), no rule
        x0, y0, x1, y1 = cells.get(id(d), d.bbox)
        if id(d) in cells and d.kind == "shape":
            hs += [_Seg(y0, x0, x1), _Seg(y1, x0, x1)]
            vs += [_Seg(x0, y0, y1), _Seg(x1, y0, y1)]
            continue
        if d.kind == "hline":
            hs.append(_Seg((y0 + y1) / 2, x0, x1))
        elif d.kind == "vline":
            vs.append(_Seg((x0 + x1) / 2, y0, y1))
        elif d.kind == "rect" and not d.is_icon:
            if (x1 - x0) > 0.9 * page_w and (y1 - y0) > 0.9 * page_h:
                continue  # page background
            hs += [_Seg(y0, x0, x1), _Seg(y1, x0, x1)]
            shade = d.fill is not None and d.stroke is None
            vs += [_Seg(x0, y0, y1, shade), _Seg(x1, y0, y1, shade)]
    return _join_collinear(hs), vs


def _bar(d: Drawing, lines: list[Line], page_w: float, spans: ByHeight[Span] | None = None) -> bool:
    """A progress bar drawn as vectors (a browser's CSS bar in a "Färdiggrad" cell, its track
    and its coloured part, however short): a filled rect a few points high inside a cell, with
    no text on it. Its edges are no rules: taken for rules they would sit between a table's row
    rules and cut its rows apart."""
    x0, y0, x1, y1 = d.bbox
    if d.kind != "rect" or d.fill is None or d.fill == 0xFFFFFF or d.is_icon:
        return False
    if not BAR_HEIGHT[0] <= y1 - y0 <= BAR_HEIGHT[1] or x1 - x0 > page_w / 2:
        return False
    if spans is not None:
        return not any(x0 <= (s.bbox[0] + s.bbox[2]) / 2 <= x1 for s in spans.within(y0, y1))
    return not any(x0 <= s.xc <= x1 and y0 <= s.yc <= y1 for ln in lines for s in ln.spans)


BAR_HEIGHT = (4.0, 10.0)  # points: a progress bar's height; a thinner fill is a thick rule
CARD_STRIP = 6.0  # points: the widest accent strip down a card's side


def _cards(drawings: list[Drawing]) -> list[Drawing]:
    """The shaded boxes that are cards, and their strips: a filled rect with a
    narrow filled strip of another colour down its left or right side, as high as the box (a
    report's goal card or callout with a coloured border). A card is a box of text, not a
    table: its edges are no rules, and rules above and below it are two tables."""
    fills = [d for d in drawings if d.kind == "rect" and d.fill is not None]
    strips = [d for d in fills if d.bbox[2] - d.bbox[0] <= CARD_STRIP < d.bbox[3] - d.bbox[1]]
    out: dict[int, Drawing] = {}
    out.update({id(box): box for box in _framing_boxes(fills)})
    # the fills by bottom and by top edge: a row's neighbours abut it above or below (a page
    # of icons and bars has hundreds of fills, so not every pair is looked at)
    by_bottom = sorted((d.bbox[3], i) for i, d in enumerate(fills))
    by_top = sorted((d.bbox[1], i) for i, d in enumerate(fills))

    def abutting(y0: float, y1: float) -> list[Drawing]:
        found = {i for edges, lo, hi in ((by_bottom, y0 - CELL_SPACING, y0 + TOL), (by_top, y1 - TOL, y1 + CELL_SPACING))
                 for _, i in edges[bisect_left(edges, (lo, -1)):bisect_right(edges, (hi, len(fills)))]}
        return [fills[i] for i in sorted(found)]

    for box in fills if strips else ():  # (a card needs a strip: without any, only framing boxes)
        x0, y0, x1, y1 = box.bbox
        if x1 - x0 <= 4 * CARD_STRIP or y1 - y0 <= BAR_HEIGHT[1]:
            continue  # (a progress bar's track and its short filled part: no card of text)
        if any(other is not box and other.bbox[2] - other.bbox[0] > CARD_STRIP and x0 - TOL <= other.bbox[0]
               and other.bbox[2] <= x1 + TOL and (abs(other.bbox[0] - x0) <= TOL or abs(other.bbox[2] - x1) <= TOL)
               for other in abutting(y0, y1)):
            # a row of a table: its cells' fills abut it above or below, or a border-spacing apart
            continue
        for strip in strips:
            sx0, sy0, sx1, sy1 = strip.bbox
            if strip.fill != box.fill and abs(sy0 - y0) <= TOL and abs(sy1 - y1) <= TOL and (
                abs(sx0 - x0) <= TOL or abs(sx1 - x1) <= TOL
            ):
                out.update({id(box): box, id(strip): strip})
    return list(out.values())


def _accent_strips(drawings: list[Drawing]) -> set[int]:
    """Ids of accent strips: a fill at most :data:`CARD_STRIP` wide down the left or right side
    of a wider filled box, as high as it (a browser's ``border-left`` on a card or a table's
    row). Its inner edge is no column's rule."""
    fills = [d for d in drawings if d.kind == "rect" and d.fill is not None and not d.is_icon]
    out: set[int] = set()
    for strip in fills:
        sx0, sy0, sx1, sy1 = strip.bbox
        if not sx1 - sx0 <= CARD_STRIP < sy1 - sy0:
            continue
        if any(box is not strip and box.fill != strip.fill and box.bbox[2] - box.bbox[0] > 4 * CARD_STRIP
               and abs(box.bbox[1] - sy0) <= TOL and abs(box.bbox[3] - sy1) <= TOL
               and (abs(box.bbox[0] - sx0) <= TOL or abs(box.bbox[2] - sx1) <= TOL) for box in fills):
            out.add(id(strip))
    return out


CARD_INSET = 4.0  # points: the least margin between a card's edge and a table set inside it


def _framing_boxes(fills: list[Drawing]) -> list[Drawing]:
    """Filled rects that frame a table: a box (a browser's card, whose clipped fill draws only
    its border) holding filled cells set in from both its sides by a margin. A table's own
    background reaches its cells' outer edges; a card's edges are no rules of the table."""
    out = []
    for box in fills:
        x0, y0, x1, y1 = box.bbox
        if y1 - y0 < 40 or x1 - x0 < 100:
            continue  # (room for a table: this keeps the search to a page's few big boxes)
        inside = (
            d for d in fills
            if d is not box and d.bbox != box.bbox and y0 <= d.bbox[1] and d.bbox[3] <= y1
            and d.bbox[0] >= x0 + CARD_INSET and d.bbox[2] <= x1 - CARD_INSET
        )
        if next(inside, None) is not None and next(inside, None) is not None:  # (two: no need to count on)
            out.append(box)
    return out


def _join_collinear(hs: list[_Seg]) -> list[_Seg]:
    """Horizontal rules drawn cell by cell (a browser's collapsed borders: one segment under each
    cell of a row ruled only horizontally) joined into the row's one rule where they abut or
    overlap; each joined rule at the top of its pieces."""
    clusters: list[list[_Seg]] = []
    for h in sorted(hs, key=lambda h: h.pos):
        if clusters and h.pos - clusters[-1][0].pos <= 0.5:
            clusters[-1].append(h)
        else:
            clusters.append([h])
    out: list[_Seg] = []
    for cluster in clusters:
        joined: list[_Seg] = []
        for h in sorted(cluster, key=lambda h: (h.a, h.b)):
            last = joined[-1] if joined else None
            if last is not None and h.a - last.b <= 1.0:
                joined[-1] = _Seg(min(last.pos, h.pos), last.a, max(last.b, h.b))
            else:
                joined.append(h)
        out.extend(joined)
    return out


def _merge_positions(values: list[float], tol: float = TOL) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


_BAND = 24.0
SHADE_GAP = 24.0  # points: an unshaded row of one line between shaded rows of one table


def _groups(
    hs: list[_Seg], vs: list[_Seg], lines: list[Line] | None = None, cards: list[BBox] | None = None,
    frames: list[BBox] | None = None,
) -> list[tuple[list[_Seg], list[_Seg]]]:
    """Connected components of rules that touch or cross. Stacked rules with a card between
    them (``cards``, see :func:`_cards`) are not joined, nor two rules of which a framed card
    (``frames``, see :func:`_rounded_cards`) holds one only."""
    n_h = len(hs)
    parent = list(range(n_h + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    # Verticals filed by the bands of height _BAND their extent covers: a horizontal looks only
    # at those in its own band. The components do not depend on the order of the joins.
    bands: dict[int, list[int]] = {}
    everywhere: list[int] = []  # verticals without a finite extent
    for j, v in enumerate(vs):
        lo, hi = v.a - TOL, v.b + TOL
        if not (math.isfinite(lo) and math.isfinite(hi) and math.isfinite(v.pos)) or hi - lo > 1e5:
            everywhere.append(j)
            continue
        for band in range(math.floor(lo / _BAND), math.floor(hi / _BAND) + 1):
            bands.setdefault(band, []).append(j)
    # Within a band, verticals sorted by x: a horizontal looks only at those within its extent.
    v_pos = [v.pos for v in vs]
    by_x: dict[int, tuple[list[float], list[int]]] = {}
    for band, members in bands.items():
        members.sort(key=v_pos.__getitem__)
        by_x[band] = ([v_pos[j] for j in members], members)
    no_band: tuple[list[float], list[int]] = ([], [])
    crossed: set[int] = set()  # horizontal rules that touch a vertical one (a grid's rules)
    ruled: set[int] = set()  # those touching a vertical that is no side of a shaded band
    shade_h: dict[int, float] = {}  # the height of the shaded band a horizontal bounds
    v_lo = [v.a - TOL for v in vs]
    v_hi = [v.b + TOL for v in vs]
    for i, h in enumerate(hs):
        xs, members = by_x.get(math.floor(h.pos / _BAND), no_band) if math.isfinite(h.pos) else no_band
        lo, hi, y = h.a - TOL, h.b + TOL, h.pos
        near = members[bisect_left(xs, lo) : bisect_right(xs, hi)]
        root = -1  # the horizontal's root once it crosses a vertical: the verticals join it
        for j in (*near, *everywhere) if everywhere else near:
            if lo <= v_pos[j] <= hi and v_lo[j] <= y <= v_hi[j]:
                if root < 0:
                    root = find(i)
                    crossed.add(i)
                if not vs[j].shade:
                    ruled.add(i)
                else:
                    shade_h[i] = max(shade_h.get(i, 0.0), vs[j].b - vs[j].a)
                k = n_h + j  # find(k), inline: thousands of crossings on a page of grids
                while parent[k] != k:
                    parent[k] = parent[parent[k]]
                    k = parent[k]
                if k != root:
                    parent[k] = root
    # A column rule drawn in pieces end to end is one rule: a cell merged down over rows (a
    # browser's rowspan) crosses none of the row rules its piece beside it runs between
    runs = sorted((j for j in range(len(vs)) if not vs[j].shade and math.isfinite(v_pos[j])), key=lambda j: (v_pos[j], vs[j].a))
    for j1, j2 in zip(runs, runs[1:], strict=False):
        if abs(v_pos[j2] - v_pos[j1]) <= TOL and vs[j1].a < vs[j2].a <= vs[j1].b + TOL:
            join(n_h + j1, n_h + j2)
    # Horizontal rules stacked with the same extent belong together (tables ruled only
    # horizontally), provided they are close enough to be rows of one table. Rules of a grid
    # are joined by its vertical rules already: two grids stacked under each other (a budget
    # table, a heading, an investment table) stay two tables.
    order = sorted(range(n_h), key=[h.pos for h in hs].__getitem__)
    tall = -1.0  # the height over which a band between two rules is tall (see below), when first needed
    native = any(ln.method == "native" for ln in (lines or [])[:1])
    # how far apart two rules' ends may be on rules of one table (a scan's shaded bands are
    # found a few points either way at their ends, their widths alike: a heading's band over
    # a table is wider or narrower)
    same = 4.0 if native or not lines else 8.0
    index: _Near | None = None  # the lines by centre and the verticals by end, made when first needed
    for k in range(1, len(order)):
        above = _rule_above(hs, order, k)
        if above < 0:
            continue
        h1, h2 = hs[order[above]], hs[order[k]]
        # (shaded bands apart by one unshaded row, a group's title, are rows of one table: the
        # unshaded row as high as the shaded ones, however large the type, or a row that wraps,
        # taller than a line, whose text fills the band)
        gap = max(SHADE_GAP, 1.15 * min(shade_h.get(order[above], 0.0), shade_h.get(order[k], 0.0)))
        if order[above] in crossed and order[k] in crossed and (
                order[above] in ruled or order[k] in ruled or h2.pos - h1.pos > gap):
            if order[above] in ruled or order[k] in ruled or h2.pos - h1.pos > 3 * SHADE_GAP:
                # two grids: one table only across an unruled group row between them
                if index is None:
                    index = _Near(lines or [], vs)
                if not _group_row_between(hs, order, above, h1, h2, index):
                    continue
            else:
                if index is None:
                    index = _Near(lines or [], vs)
                if not _filled_band(h1, h2, index.boxes(), 1.5 if same < 5 else 2.0) or not _one_cell_text(h1, h2, index):
                    continue
        if abs(h1.a - h2.a) <= same and abs(h1.b - h2.b) <= same and h2.pos - h1.pos >= 0 \
                and abs((h1.b - h1.a) - (h2.b - h2.a)) <= 8.0:
            if cards and any(h1.pos < c[1] and c[3] < h2.pos and c[0] < h1.b and h1.a < c[2] for c in cards):
                continue
            if frames and any(_holds(f, h1) != _holds(f, h2) for f in frames):
                continue
            # A band taller than a few lines is a row only where text fills it: between two
            # tables ruled alike stand a heading and a paragraph, with space around them. (On
            # a scan 120 pt, as a rule's trace may be lost and its rows' heights are rough.)
            if tall < 0:
                heights = sorted(b[3] - b[1] for ln in lines or [] if (b := ln.bbox)[3] > b[1])
                tall = min(_TALL_BAND_LINES * heights[len(heights) // 2], _TALL_BAND) if heights and native else _TALL_BAND
            if h2.pos - h1.pos >= tall:
                if index is None:
                    index = _Near(lines or [], vs)
                if not _filled_band(h1, h2, index.boxes()):
                    continue
            join(order[above], order[k])
    comps: dict[int, tuple[list[_Seg], list[_Seg]]] = {}
    for i, h in enumerate(hs):
        comps.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        comps.setdefault(find(n_h + j), ([], []))[1].append(v)
    return list(comps.values())


class _Near:
    """What :func:`_groups` looks up between two rules, indexed once per page: the lines by
    vertical centre, and the vertical rules by where they start and end. A look-up returns a
    superset of the matches (by a hair's margin), which the caller tests as before; lines come
    back in the page's order. The lines' boxes are read when first asked for (a line without
    spans has none), all at once, as a scan over every line would."""

    _MARGIN = 1e-6  # points either side of a looked-up range (float rounding of y - TOL and the like)

    def __init__(self, lines: list[Line], vs: list[_Seg]) -> None:
        self.lines = lines
        self._boxes: list[BBox] | None = None
        self._centres: tuple[list[float], list[int], list[int]] | None = None
        self.vs = vs
        self._ends: dict[bool, tuple[list[float], list[int]]] = {}

    def boxes(self) -> list[BBox]:
        """The lines' boxes, in the lines' order."""
        if self._boxes is None:
            self._boxes = [ln.bbox for ln in self.lines]
        return self._boxes

    def lines_between(self, lo: float, hi: float) -> list[Line]:
        """The lines whose centre may lie between ``lo`` and ``hi`` (and any whose centre is
        not a number), in the page's order."""
        if self._centres is None:
            centred = sorted(((b[1] + b[3]) / 2, i) for i, b in enumerate(self.boxes()) if not math.isnan(b[1] + b[3]))
            odd = [i for i, b in enumerate(self.boxes()) if math.isnan(b[1] + b[3])]
            self._centres = ([c for c, _ in centred], [i for _, i in centred], odd)
        ys, idx, odd = self._centres
        if math.isnan(lo) or math.isnan(hi):
            return list(self.lines)
        picked = idx[bisect_left(ys, lo - self._MARGIN) : bisect_right(ys, hi + self._MARGIN)] + odd
        return [self.lines[i] for i in sorted(picked)]

    def rules_ending(self, y: float, at_bottom: bool) -> list[_Seg]:
        """The vertical rules that may end (``at_bottom``) or start within TOL of ``y``."""
        if math.isnan(y):
            return []  # (abs(end - y) <= TOL holds for none)
        found = self._ends.get(at_bottom)
        if found is None:
            ends = sorted(((v.b if at_bottom else v.a), j) for j, v in enumerate(self.vs)
                          if not math.isnan(v.b if at_bottom else v.a))
            found = self._ends[at_bottom] = ([e for e, _ in ends], [j for _, j in ends])
        ys, idx = found
        lo = bisect_left(ys, y - TOL - self._MARGIN)
        hi = bisect_right(ys, y + TOL + self._MARGIN)
        return [self.vs[j] for j in sorted(idx[lo:hi])]


def _group_row_between(hs: list[_Seg], order: list[int], above_k: int, h1: _Seg, h2: _Seg, near: _Near) -> bool:
    """The band between two grids stacked on the same columns is a group row of one table
    (a spreadsheet's "Gator och trafik" left without borders between ruled rows): the grid
    above ends and the one below starts with column rules at the same places, the band is no
    higher than the lower of the rows next to it nor than about two lines, and it holds one
    line of text, which starts in the first column. A heading between two tables has space
    around it, or other columns.
    ``order[:above_k]`` are the indexes of the rules above ``h1``, for the grid's row height;
    ``near`` the page's lines and vertical rules."""
    band = h2.pos - h1.pos
    if band < 4 or abs(h1.a - h2.a) > 4 or abs(h1.b - h2.b) > 4:
        return False

    def ends(y: float, at_bottom: bool) -> list[float]:
        return _merge_positions([v.pos for v in near.rules_ending(y, at_bottom)
                                 if abs((v.b if at_bottom else v.a) - y) <= TOL and h1.a - TOL <= v.pos <= h1.b + TOL])

    upper, lower = ends(h1.pos, True), ends(h2.pos, False)
    if len(upper) < 3 or len(upper) != len(lower) or any(abs(a - b) > TOL for a, b in zip(upper, lower, strict=True)):
        return False
    above = [hs[i].pos for i in order[:above_k] if hs[i].a < h1.b and h1.a < hs[i].b and hs[i].pos < h1.pos - TOL]
    below = [h.pos for h in hs if h.a < h2.b and h2.a < h.b and h.pos > h2.pos + TOL]
    pitches = ([h1.pos - max(above)] if above else []) + ([min(below) - h2.pos] if below else [])
    if not pitches or band > 1.25 * min(pitches):
        return False
    inside = [ln for ln in near.lines_between(h1.pos, h2.pos)
              if h1.pos < (ln.bbox[1] + ln.bbox[3]) / 2 < h2.pos and h1.a - 1 <= ln.bbox[0] <= h1.b]
    if len(inside) == 1 and inside[0].bbox[2] > h1.b:  # a row of cells on one baseline: their wraps too
        inside += [ln for ln in near.lines_between(h1.pos, h2.pos)
                   if h1.pos < (ln.bbox[1] + ln.bbox[3]) / 2 < h2.pos and h1.b < ln.bbox[0] < inside[0].bbox[2]]
    return bool(inside) and max(ln.bbox[1] for ln in inside) - min(ln.bbox[1] for ln in inside) <= 2 and all(
        upper[0] < ln.bbox[0] < upper[1] and ln.bbox[3] - ln.bbox[1] <= band + 1 < 2.2 * (ln.bbox[3] - ln.bbox[1])
        for ln in inside)


def _holds(box: BBox, h: _Seg) -> bool:
    return box[0] - TOL <= h.a and h.b <= box[2] + TOL and box[1] - TOL <= h.pos <= box[3] + TOL


def _rounded_cards(drawings: list[Drawing]) -> list[BBox]:
    """Boxes of a browser's cards: filled and outlined shapes other than a rect (rounded
    corners), big enough to hold a table. A table inside one ends at its edge: a rule of the
    card below is no row of it."""
    return [d.bbox for d in drawings if d.is_framed and d.bbox[2] - d.bbox[0] >= 100 and d.bbox[3] - d.bbox[1] >= 40]


_ABOVE_LOOKBACK = 40  # rules looked back through for the one above (rules of cards beside it)


def _rule_above(hs: list[_Seg], order: list[int], k: int) -> int:
    """The position in ``order`` of the nearest rule above ``hs[order[k]]`` that shares some of
    its width, -1 if none: tables side by side (a grid of cards, two per row) interleave their
    rules down the page, and a table's rows are the rules above one another, not the page's
    next rule in another column."""
    h = hs[order[k]]
    for m in range(k - 1, max(-1, k - 1 - _ABOVE_LOOKBACK), -1):
        g = hs[order[m]]
        if g.a < h.b and h.a < g.b and not (g.b - g.a < min(_STROKE, 0.1 * (h.b - h.a)) and h.a < g.a and g.b < h.b):
            return m
    return -1


_STROKE = 24.0  # points: a stroke this short inside a rule's reach (a sparkline's level piece) is no rule above it
_TALL_BAND_LINES = 4.5  # the page's median line heights over which a band between two rules is tall
_TALL_BAND = 120.0  # points: a tall band at most (on a scan, always)


def _filled_band(h1: _Seg, h2: _Seg, boxes: list[BBox], lines: float = 1.5) -> bool:
    """Text fills the band between two rules line after line, without a gap wider than a
    blank line (``lines`` of the text's height; on a scan, whose rules are found a point or
    two either way, more): a tall row (a long description wrapped in a narrow cell), not two
    tables. ``boxes`` are the page's lines' boxes: those starting under the rules count (a row's
    cells on one baseline are one line by now, reaching past a cell's rule)."""
    inside = sorted(
        (b for b in boxes if h1.pos < (b[1] + b[3]) / 2 < h2.pos and h1.a - 1 <= b[0] <= h1.b),
        key=lambda b: b[1],
    )
    if not inside:
        return False
    height = sorted(b[3] - b[1] for b in inside)[len(inside) // 2]
    reach, widest = h1.pos, 0.0
    for b in inside:
        widest = max(widest, b[1] - reach)
        reach = max(reach, b[3])
    widest = max(widest, h2.pos - reach)
    return widest <= max(lines * height, 8.0)


def _one_cell_text(h1: _Seg, h2: _Seg, near: _Near) -> bool:
    """The lines between two rules are a row's wrapped text: two lines or more, one under the
    other, set in from the rules' start (a cell's padding) and all in one size (OCR'd, within
    a point and a half: a size read from word boxes varies with the letters); a heading and
    its paragraph between two tables start at the tables' edge or differ in size. A row of one
    line in its first cell that runs on past the cell's rule (its cells on one baseline) counts
    the lines its later cells wrap into."""
    inside = [ln for ln in near.lines_between(h1.pos, h2.pos)
              if h1.pos < (ln.bbox[1] + ln.bbox[3]) / 2 < h2.pos and h1.a - 1 <= ln.bbox[0] <= h1.b]
    if len(inside) == 1 and inside[0].bbox[2] > h1.b:  # a row of cells on one baseline: their wraps too
        inside += [ln for ln in near.lines_between(h1.pos, h2.pos)
                   if h1.pos < (ln.bbox[1] + ln.bbox[3]) / 2 < h2.pos and h1.b < ln.bbox[0] < inside[0].bbox[2]]
    tops = sorted(ln.bbox[1] for ln in inside)
    return len(tops) >= 2 and tops[-1] - tops[0] >= 0.5 * (inside[0].bbox[3] - inside[0].bbox[1]) and all(ln.bbox[0] >= h1.a + 2 for ln in inside) and \
        max(ln.size for ln in inside) - min(ln.size for ln in inside) <= (0.3 if inside[0].method == "native" else 1.5)


@dataclass
class _Region:
    bbox: BBox
    ys: list[float]
    xs: list[float]
    vs: list[_Seg]
    ruled_columns: bool
    hs: list[_Seg] = field(default_factory=list)


def _regions(raw: RawPage, carried: Table | None = None) -> list[_Region]:
    card_drawings = _cards(raw.drawings)
    hs, vs = _segments(raw.drawings, raw.width, raw.height, raw.lines, card_drawings, raw.spans_by_height)
    scanned = any(ln.method != "native" for ln in raw.lines)
    regions = []
    cards = [d.bbox for d in card_drawings]
    groups = _groups(hs, vs, raw.lines, cards, _rounded_cards(raw.drawings))
    for g_hs, g_vs in groups:
        if scanned:
            g_vs = _ruled_sides_only(g_vs)
        striped = bool(g_vs) and all(v.shade for v in g_vs)  # columns only from shaded cells' sides
        if not _sides_of_shades_only(g_vs, _merge_positions([h.pos for h in g_hs])):
            kept = within_shades(g_hs, g_vs) if striped else _within_grid(g_hs, g_vs)  # (a shaded header's sides frame no grid)
            lowest = max((k.pos for k in kept), default=math.inf)
            kept_rules = {(k.pos, k.a, k.b, k.shade) for k in kept}  # (as ``in`` compares them: by value)
            lone = [h for h in g_hs if (h.pos, h.a, h.b, h.shade) not in kept_rules and h.pos > lowest]
            if scanned and len(lone) >= 2:  # (rules of their own under the grid: a scan's band
                groups.append((lone, []))  # whose short sides are lost, a header at the foot)
            g_hs = kept
        ys = _merge_positions([h.pos for h in g_hs])
        if len(ys) < 2:
            continue
        x0 = min([h.a for h in g_hs] + [v.pos for v in g_vs])
        x1 = max([h.b for h in g_hs] + [v.pos for v in g_vs])
        xs = _columns([v.pos for v in g_vs], x0, x1, scanned)
        ruled = len(xs) > 2  # a rule between columns (a frame's sides alone divide nothing)
        if ruled and (lost := [seg for seg in _lost_end_rules(ys, g_vs, x0, x1) if scanned or seg.pos > _FOOT * raw.height]):
            # (born digital: a row broken over the page, its column rules run on to the page's foot)
            g_hs = [*g_hs, *lost]
            ys = _merge_positions([h.pos for h in g_hs])
        if not ruled and len(ys) < 3 and len(_with_open_header(ys, x0, x1, raw)) < 3 and not _carried_row(
                carried, ys, x0, x1, raw) and not (scanned and _header_at_foot(ys, x0, x1, raw)):
            # two lone rules are a frame or a separator, not a table (nor a header's and one
            # row's), unless a row carried from the page before or a scan's header band at the
            # page's foot (its short side rules lost)
            continue
        if x1 - x0 < 40 or ys[-1] - ys[0] < 8:
            continue
        # A table's top and bottom rules run across it. A box touching the table (a running
        # header's band just above it) is trimmed off; boxes joined by connectors (an org
        # chart) have no such rules at all and are no table.
        full = [y for y in ys if _rule_gap(g_hs, y, x0, x1) <= FIGURE_GAP
                or scanned and y in (ys[0], ys[-1]) and _closed_by_columns(y, g_vs, y == ys[0])]
        if len(full) < 2:
            continue
        if full[0] != ys[0] or full[-1] != ys[-1]:
            ys = [y for y in ys if full[0] <= y <= full[-1]]
            if len(ys) < 3:
                continue  # one band left of a figure: an org chart's bottom row of boxes
            g_vs = [v for v in g_vs if v.b > ys[0] + TOL and v.a < ys[-1] - TOL]
            xs = _columns([v.pos for v in g_vs], x0, x1, scanned)
            ruled = len(xs) > 2
        shaded = ruled and _sides_of_shades_only(g_vs, ys)
        if shaded:
            ruled = False
            if len(ys) >= 4 and _shaded_band(g_vs, ys[1], ys[2]) and not _shaded_band(g_vs, ys[0], ys[1]) \
                    and _lead_in(_band_spans(raw, x0, x1, ys[0], ys[1])):
                ys = ys[1:]  # the rule above the shaded header is a heading's, the line under it no row
        parts = _split_at_headings(ys, x0, x1, raw, _open_bands(ys, g_vs, x0, x1, raw)) if ruled and not striped else [
            r for part in _split_at_headings(ys, x0, x1, raw) for q in _split_at_header_bands(part, x0, x1, raw)
            for r in ([q] if striped else _split_at_open_headers(q, x0, x1, raw))
        ]
        if striped:
            parts = _header_with_rows(parts)
        for part in parts:
            if ruled and len(part) == 2 and len(xs) == 2:
                continue  # one framed box (a running header's band, a callout): text, not a table
            px0, px1 = x0, x1
            if len(parts) > 1:  # a part's own extent: the table under it may be a little wider
                own = [h for h in g_hs if part[0] - TOL <= h.pos <= part[-1] + TOL]
                px0, px1 = min(h.a for h in own), max(h.b for h in own)
            if len(part) >= 3 or (ruled and len(part) >= 2) or (len(part) == 2 and (
                    _carried_row(carried, part, px0, px1, raw) or _header_at_foot(part, px0, px1, raw) or (not ruled and len(_with_open_header(part, px0, px1, raw)) == 3))):
                # (the sides of a shaded header's cells are the columns of the rows under it)
                sides = _columns([v.pos for v in g_vs if part[0] - TOL <= v.a and v.b <= part[1 if shaded else -1] + TOL
                                  and px0 - TOL <= v.pos <= px1 + TOL], px0, px1, scanned) if shaded or striped else xs
                if not ruled:
                    part = _with_open_last_row(_with_open_header(part, px0, px1, raw), sides, px0, px1, raw)
                elif striped and len(sides) > 2:  # (a header unshaded over the shades: a browser's zebra table)
                    part = _with_open_striped_row(_with_open_header(part, px0, px1, raw), sides, px0, px1, raw)
                if ruled and striped and len(sides) < 3:
                    continue  # no shaded cell in this part: a heading's paragraph between two tables
                regions.append(_Region((px0, part[0], px1, part[-1]), part, sides, g_vs, ruled, g_hs))
    return regions


_LOST_RULE_REACH = 8.0  # points: column rules running past the last row rule by this much end a row
_FOOT = 0.8  # of the page's height: where a born-digital page's foot starts


def _closed_by_columns(y: float, vs: list[_Seg], top: bool) -> bool:
    """A scanned grid's outer row rule at ``y`` that the scan broke into stretches (a dithered
    hairline on a 1-bit scan) is still its edge where three column rules or more start
    (``top``) or end there together: they close the grid."""
    return sum(1 for v in vs if abs((v.a if top else v.b) - y) <= 2 * TOL) >= 3


def _lost_end_rules(ys: list[float], vs: list[_Seg], x0: float, x1: float) -> list[_Seg]:
    """A scanned grid's top or bottom rule where the scan lost it, across the grid (``x0`` to
    ``x1``): three column rules or more that run on past the outer row rule and end together
    (within a few points) mark where it was."""
    lost = []
    below = sorted(v.b for v in vs if v.b > ys[-1] + _LOST_RULE_REACH)
    above = sorted(v.a for v in vs if v.a < ys[0] - _LOST_RULE_REACH)
    for ends in (below, above):
        if len(ends) >= 3 and ends[-1] - ends[0] <= 4:
            lost.append(_Seg(pos=ends[len(ends) // 2], a=x0, b=x1))
    return lost


def _header_with_rows(parts: list[list[float]]) -> list[list[float]]:
    """Parts of a shaded table split at its header bands, each header kept with the rows under
    it: a part that is one band (a header, above a second shaded band such as a group row)
    goes on into the part after it."""
    out: list[list[float]] = []
    for part in parts:
        if out and sum(b - a > 5 for a, b in zip(out[-1], out[-1][1:], strict=False)) <= 1 \
                and abs(out[-1][-1] - part[0]) <= TOL:
            out[-1] = out[-1] + part[1:]
        else:
            out.append(list(part))
    return out


def _carried_row(carried: Table | None, ys: list[float], x0: float, x1: float, raw: RawPage) -> bool:
    """Two lone rules at the top of a page, as wide as the table ruled only horizontally that
    ran to the foot of the page before, framing a band that is no header: that table's last
    row, carried over the break (a browser's ``border-bottom`` under it)."""
    if carried is None or not carried.header or len(carried.columns) < 3:
        return False
    band = _band_spans(raw, x0, x1, ys[0], ys[1])
    return bool(band) and _goes_on(carried, x0, ys[0], x1, band, raw)


def _goes_on(carried: Table, x0: float, top: float, x1: float, first_band: list[Span], raw: RawPage) -> bool:
    """Whether a table from ``x0`` to ``x1`` starting at ``top`` is where ``carried`` goes on:
    as wide as it, ``carried`` ran to the foot of its page and this starts at the top of
    this page, and its first band (``first_band``) is no header of its own."""
    cols = carried.columns
    if abs(cols[0] - x0) > 6 or abs(cols[-1] - x1) > 6:
        return False
    if carried.rows[-1].bbox[3] < FOOT * raw.height - 60 or top > (1 - FOOT) * raw.height + 40:
        return False
    return not _header_band(first_band, True, fonts=_fonts(raw))


def _with_open_header(ys: list[float], x0: float, x1: float, raw: RawPage) -> list[float]:
    """A table ruled only horizontally whose header row has a rule under it but none above (a
    browser's ``border-bottom`` under the header cells): the band just above its first rule is
    its header when it sits on that rule as the first row's text sits on the rule under it, and
    is styled and worded as a header (:func:`_header_band`)."""
    if len(ys) < 2:
        return ys
    first, below = ys[0], ys[1]
    row = _band_spans(raw, x0, x1, first, below)
    if not row:
        return ys
    pad = min(s.bbox[1] for s in row) - first
    foot = below - max(s.bbox[3] for s in row)
    above = [s for s in _band_spans(raw, x0, x1, first - (below - first), first) if s.bbox[3] <= first + 1]
    base = max((s.bbox[3] for s in above), default=0.0)
    low = min((s.bbox[1] for s in above if s.bbox[3] >= base - 0.5 * s.size), default=base)
    # the one line on the rule (no text above it), and labels centred beside a wrapped one
    head = [s for s in above if s.bbox[3] >= base - 0.5 * s.size or s.bbox[3] > low + 0.5 * s.size]
    plain = _header_rule(raw, x0, x1, first, below)
    # (an OCR'd layer's boxes sit loosely on their letters: there the header may stand up to
    # two thirds of its letters' height above its rule)
    loose = 0.0 if not head or raw.lines and raw.lines[0].method == "native" else 0.65 * max(s.bbox[3] - s.bbox[1] for s in head)
    if not head or first - base > max(foot + TOL, loose):
        return ys
    # (the header's lower line alone may be no header: "tkr" under "Investeringsprojekt, | 2026 | …")
    full = _with_upper_line(head, x0, x1, raw, plain)
    if full is head and not _header_band(head, plain=plain, fonts=_fonts(raw), money=True,
                                           controls=any(ln.method == "native" for ln in raw.lines[:1])):
        return ys
    return [min(s.bbox[1] for s in full) - pad, *ys]


def _with_upper_line(head: list[Span], x0: float, x1: float, raw: RawPage, plain: bool) -> list[Span]:
    """An open header with the line set just above it when that line is the upper half of
    header labels wrapped over two lines ("Budget" over "2025", "Nämnd, mnkr" beside it): no
    further above it than a line's spacing, none of its pieces running over two of the lower
    line's labels, and the two together still a header (:func:`_header_band`)."""
    top = min(s.bbox[1] for s in head)
    tall = max(s.bbox[3] - s.bbox[1] for s in head)
    upper = [s for s in _band_spans(raw, x0, x1, top - 2 * tall, top) if top - 0.6 * tall <= s.bbox[3] <= top + 1]
    if not upper or any(sum(1 for h in head if h.bbox[0] < s.bbox[2] and s.bbox[0] < h.bbox[2]) > 1 for s in upper):
        return head
    return head + upper if _header_band(head + upper, plain=plain, fonts=_fonts(raw), money=True) else head


def _header_rule(raw: RawPage, x0: float, x1: float, first: float, second: float) -> bool:
    """The rule under a header set apart from the rule under the first row: drawn darker or
    thicker (a booktabs-style table whose header is in body type, neither bold nor shaded). A
    rule may be drawn a cell at a time (a browser's ``border-bottom`` on each cell): its pieces
    of one tone and width at one height are one rule."""
    def look(y: float) -> set[tuple[int | None, float]]:
        reach: dict[tuple[int | None, float], float] = {}
        for d in raw.drawings:
            if d.kind == "hline" and abs((d.bbox[1] + d.bbox[3]) / 2 - y) <= TOL:
                key = (d.stroke if d.fill is None else d.fill, round(d.bbox[3] - d.bbox[1], 1))
                reach[key] = reach.get(key, 0.0) + d.bbox[2] - d.bbox[0]
        return {key for key, length in reach.items() if length >= 0.9 * (x1 - x0)}

    top, under = look(first), look(second)
    if len(top) != 1 or len(under) != 1 or top == under:
        return False
    (tone, width), (tone2, width2) = next(iter(top)), next(iter(under))
    return width > width2 or (tone is not None and tone2 is not None and _luma(tone) < _luma(tone2))


def _luma(rgb: int) -> float:
    return 0.299 * (rgb >> 16) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255)


def _with_open_last_row(ys: list[float], sides: list[float], x0: float, x1: float, raw: RawPage) -> list[float]:
    """A table ruled only horizontally whose rules run between its rows (a browser's
    ``border-top`` on every row but the first, a sum row under a heavier rule) has no rule under
    its last row. The band just below its last rule is that row when its text sits as far under
    the rule as the text of the row above sits under its own, is no larger than that row's, and
    fills two or more of the table's columns without crossing any (a paragraph after a table
    runs across them)."""
    if len(ys) < 3:
        return ys
    top, last = ys[-2], ys[-1]
    above = _band_spans(raw, x0, x1, top, last)
    if not above:
        return ys
    pad = min(s.bbox[1] for s in above) - top
    size = max(s.size for s in above)
    pitch = last - top
    below = [s for s in _band_spans(raw, x0, x1, last, last + pitch) if s.bbox[1] >= last - 1]
    # (OCR'd boxes hug the ink: their distance under a rule varies by a few points more, and
    # an OCR'd word's size is told from its box: a tenth or so apart from row to row)
    fonts = bool(_fonts(raw) and below and below[0].font)
    slack = TOL if fonts else max(TOL, 0.3 * size)
    if not below or min(s.bbox[1] for s in below) - last > pad + slack or not _no_larger(below, size, fonts):
        return ys
    if _header_band(below, fonts=_fonts(raw)):
        return ys  # the next table's open header, no row of this one
    bottom = max(s.bbox[3] for s in below)
    if bottom > last + 1.5 * pitch:
        return ys
    # the columns: the rules', or the gaps between the header's labels, or (a label left-aligned
    # over a cell's longer text) the gaps no row above has text in
    body = _band_spans(raw, x0, x1, ys[0], last)
    gaps = _infer_columns(body, x0, x1)
    # (each column's edge where its text starts: a left-aligned cell's longer text runs past
    # the middle of the gap over it)
    starts = [x0, *(min((s.bbox[0] for s in body if s.bbox[0] >= g), default=g) - 1.0 for g in gaps[1:-1]), x1]
    options = [sides] if len(sides) > 2 else [_infer_columns(_band_spans(raw, x0, x1, ys[0], ys[1]), x0, x1),
                                              gaps, starts, [x0, *_segment_joins(raw, x0, x1, ys[0], last), x1]]
    if any(_fills_columns(below, cols[1:-1]) for cols in options):
        return [*ys, bottom + pad]
    return ys


def _no_larger(spans: list[Span], size: float, fonts: bool) -> bool:
    """Whether ``spans`` are set no larger than ``size`` (an open row's test against the row
    above it; an OCR'd word's size is told from its box: a tenth or so apart from row to row)."""
    return max(s.size for s in spans) <= (size + 0.5 if fonts else 1.12 * size)


def _fills_columns(spans: list[Span], inner: list[float]) -> bool:
    """Whether ``spans`` fall in two or more of the columns parted at ``inner`` without crossing
    a column's edge (a paragraph after a table runs across them)."""
    return not any(s.bbox[0] < c - 3 and s.bbox[2] > c + 3 for s in spans for c in inner) \
        and len({bisect_right(inner, s.xc) for s in spans}) >= 2


def _with_open_striped_row(ys: list[float], sides: list[float], x0: float, x1: float, raw: RawPage) -> list[float]:
    """A zebra table (columns only from its shaded cells' sides) whose last row is unshaded has
    no edge under that row: the shades end with the row above (or with the header, when one row
    stands under it). The text just under the last shade is that row when it starts as far under
    it as the band above's text starts under its own top, is set no larger, is no header, and
    falls in two or more of the columns without crossing any; its cells' wrapped lines (each
    starting where a cell's first line starts, a line's gap under it) belong to it."""
    top, last = ys[-2], ys[-1]
    above = _band_spans(raw, x0, x1, top, last)
    if not above:
        return ys
    pad = min(s.bbox[1] for s in above) - top
    size = max(s.size for s in above)
    fonts = _fonts(raw)
    slack = TOL if fonts else max(TOL, 0.3 * size)
    near = [s for s in _band_spans(raw, x0, x1, last, last + pad + slack + 2 * size) if s.bbox[1] >= last - 1]
    if not near:
        return ys
    first_top = min(s.bbox[1] for s in near)
    if first_top - last > pad + slack:
        return ys
    row = [s for s in near if s.bbox[1] - first_top <= 0.3 * max(s.size, 1)]
    if not _no_larger(row, size, fonts) or _header_band(row, fonts=fonts) or not _fills_columns(row, sides[1:-1]):
        return ys
    starts = [s.bbox[0] for s in row]
    bottom = max(s.bbox[3] for s in row)
    while True:  # a cell's wrapped lines
        more = [s for s in _band_spans(raw, x0, x1, bottom - 1, bottom + 2 * size)
                if bottom - 1 <= s.bbox[1] <= bottom + 0.6 * max(s.size, 1)
                and any(abs(s.bbox[0] - x) <= 1.5 for x in starts) and abs(s.size - row[0].size) <= 0.5]
        if not more:
            break
        bottom = max(s.bbox[3] for s in more)
    return [*ys, bottom + pad]


def _segment_joins(raw: RawPage, x0: float, x1: float, top: float, bottom: float) -> list[float]:
    """Where the pieces of the table's rules meet, on two rules or more: the column edges of a
    table drawn cell by cell (each cell's own bottom border), whose joined rules show none."""
    ends: dict[float, set[float]] = {}  # a rule's height -> its pieces' ends and starts
    for d in raw.drawings:
        if d.kind == "hline" and top - TOL <= d.bbox[1] <= bottom + TOL and x0 - TOL <= d.bbox[0] and d.bbox[2] <= x1 + TOL:
            ends.setdefault(round(d.bbox[1]), set()).update((round(d.bbox[0]), round(d.bbox[2])))
    count: dict[float, int] = {}
    for xs in ends.values():
        for x in xs:
            if x0 + TOL < x < x1 - TOL:
                count[x] = count.get(x, 0) + 1
    return sorted(x for x, n in count.items() if n >= 2)


def _shaded_band(vs: list[_Seg], top: float, bottom: float) -> bool:
    return any(v.a - TOL <= (top + bottom) / 2 <= v.b + TOL for v in vs)


def _header_at_foot(ys: list[float], x0: float, x1: float, raw: RawPage) -> bool:
    """A lone band styled as a table's header with nothing under it but the page's foot: the
    header of a table whose rows the page break carries to the next page."""
    top, bottom = ys[0], ys[-1]
    fills = [d.bbox for d in raw.drawings if d.kind == "rect" and d.fill is not None and d.fill != 0xFFFFFF]
    shaded = band_shaded(fills, top, bottom, x0, x1)
    return _header_band(_band_spans(raw, x0, x1, top, bottom), shaded, fonts=_fonts(raw)) and not any(
        bottom < ln.bbox[1] < FOOT * raw.height for ln in raw.lines)


FOOT = 0.9  # the share of a page's height above its footer


def _sides_of_shades_only(vs: list[_Seg], ys: list[float]) -> bool:
    """Rules stacked with the same extent whose only verticals are the sides of a few bands
    (a browser's shaded header cells over rows ruled only horizontally): no ruled columns. Its
    columns come from the header's words, and a later header starts a table of its own."""
    bands = list(zip(ys, ys[1:], strict=False))
    if len(bands) < 2:
        return False
    mids = [(top + bottom) / 2 for top, bottom in bands]
    if not all(math.isfinite(m) for m in mids) or any(b < a for a, b in zip(mids, mids[1:], strict=False)):
        covered = sum(1 for mid in mids if any(v.a - TOL <= mid <= v.b + TOL for v in vs))
    else:  # the bands' middles each vertical covers, found by bisection (a grid has hundreds)
        hit: set[int] = set()
        for v in vs:
            lo, hi = v.a - TOL, v.b + TOL
            if lo <= hi:
                hit.update(range(bisect_left(mids, lo), bisect_right(mids, hi)))
        covered = len(hit)
    return 2 * covered <= len(bands)


def _ruled_sides_only(vs: list[_Seg]) -> list[_Seg]:
    """A scanned table's verticals without the sides of shaded bands that no rule is under,
    when the table has ruled columns (three ruled verticals at least: its sides and one
    between): a band found in the image only in part (a skewed scan's header band) has a side
    inside a column, which is no column's edge."""
    rules = [v.pos for v in vs if not v.shade]
    if len(_merge_positions(rules)) < 3:
        return vs
    return [v for v in vs if not v.shade or any(abs(v.pos - x) <= SCAN_SIDE for x in rules)]


def _columns(verticals: list[float], x0: float, x1: float, scanned: bool) -> list[float]:
    """A region's column boundaries from its vertical segments' positions. On a page read from
    its image the sides of a table's shaded bands, levelled each by its own centre, land a
    point or two apart: those near a side are that side, not a narrow column."""
    if scanned:
        verticals = [x for x in verticals if x0 + SCAN_SIDE < x < x1 - SCAN_SIDE]
    return _merge_positions([*verticals, x0, x1])


SCAN_SIDE = 8.0  # points
ICON_SLACK = 2.0  # points: a vertical inside an icon's box, this much around it, is the icon's


BOLD_HEADING = 1.1  # a bold line this much larger than a table's rows is a heading between two tables


def _open_bands(ys: list[float], vs: list[_Seg], x0: float, x1: float, raw: RawPage) -> set[int]:
    """The bands between a ruled grid's rules that no vertical rule crosses and whose text all
    starts in the grid's left half: between two grids set one under the other (a heading with
    its underline between them), no header row of cells across."""
    half = (x0 + x1) / 2
    return {k for k, (top, bottom) in enumerate(zip(ys, ys[1:], strict=False))
            if not any(v.a <= top + TOL and v.b >= bottom - TOL for v in vs)
            and all(s.bbox[0] < half for s in _band_spans(raw, x0, x1, top, bottom))}


def _split_at_headings(ys: list[float], x0: float, x1: float, raw: RawPage, only: set[int] | None = None) -> list[list[float]]:
    """Rules stacked with the same extent that are two tables with a heading between them
    (a budget table, "6.2 Investeringsbudget", an investment table): the band between two
    rules whose text is a single line in a larger font than the rest of the rows splits them.
    So does a band of several lines one of which is set larger than the rows at the rules'
    very start, where no cell's padding sets it in (a browser's "Mål 2: …" heading, its
    paragraphs and the next table's open header between two tables ruled only horizontally);
    a bold line needs less to be larger (:data:`BOLD_HEADING`: a 12 pt bold goal heading over
    10.5 pt rows; a bold header row is set at the rows' size)."""
    spans = [_band_spans(raw, x0, x1, top, bottom) for top, bottom in zip(ys, ys[1:], strict=False)]
    bands = [[s.size for s in band] for band in spans]
    sizes = sorted(sz for band in bands for sz in band)
    if not sizes:
        return [ys]
    body = sizes[len(sizes) // 2]
    # (an OCR layer's word boxes are fitted to the ink: a letter's side bearing sets them in)
    start = x0 + (1.0 if _fonts(raw) else 2.0)

    def headed(band: list[Span]) -> bool:
        rows = {round(s.yc) for s in band}
        return len(rows) >= 2 and any(s.size > (BOLD_HEADING if s.bold else 1.15) * body and s.bbox[0] <= start
                                      for s in band)

    parts: list[list[float]] = [[ys[0]]]
    for k, band in enumerate(bands):  # (in a ruled grid only where no vertical rule crosses: ``only``)
        if band and (only is None or k in only) and (min(band) > 1.15 * body or headed(spans[k])):
            parts.append([ys[k + 1]])
        else:
            parts[-1].append(ys[k + 1])
    return parts


def _band_spans(raw: RawPage, x0: float, x1: float, top: float, bottom: float) -> list[Span]:
    index = raw.spans_by_height
    if index is None:
        return [s for ln in raw.lines for s in ln.spans
                if s.text.strip() and x0 - 1 <= s.xc <= x1 + 1 and top <= s.yc <= bottom]
    lo, hi = x0 - 1, x1 + 1
    return [s for s in index.within(top, bottom) if lo <= (s.bbox[0] + s.bbox[2]) / 2 <= hi and s.text.strip()]


def _fonts(raw: RawPage) -> bool:
    """Whether the page's text layer has real fonts (an OCR layer's one glyphless font has no
    bold: its header is known by its words alone)."""
    return not raw.ocr_font


def _header_band(
    spans: list[Span], shaded: bool = False, *, plain: bool = False, fonts: bool = True, money: bool = False,
    controls: bool = False,
) -> bool:
    """A band styled and worded as a table header: two or more phrases apart, bold (or on a
    shade of its own, or ``plain`` when a rule of its own sets it apart) where the layer has
    fonts, and most of them column labels the vocabulary knows ("VT 2024", a term and its year,
    is one; with ``money``, a budget table's "Budget 2026", "Avvikelse" too), or with ``controls``
    a control plan's labels ("Rutin/process | Risk | Riskvärde | Kontrollmetod")."""
    from planparse import vocabulary

    if not spans:
        return False
    if fonts and spans[0].font and not shaded and not plain and not all(s.bold for s in spans):
        return False
    phrases: list[str] = []
    reach = -1e9
    for s in sorted(spans, key=lambda s: s.bbox[0]):
        if s.bbox[0] - reach > 8 or not phrases:
            phrases.append(s.text.strip())
        else:
            phrases[-1] += " " + s.text.strip()
        reach = max(reach, s.bbox[2])
    # (a label with its year, "Utfall 2024", or a year alone is a column label too)
    # (and without the "|" OCR reads from a lost column rule beside a label: "| Bedömning")
    def labels(texts: list[str]) -> bool:
        bare = [_YEAR.sub("", t).strip(" |¦") for t in texts]
        known = sum(1 for t in bare if not t or _TERM.fullmatch(t) or (money and _MONEY.fullmatch(fold(t)))
                    or vocabulary.match_label(t) is not None)
        # (on a shade of its own, one label beside a name the vocabulary lacks: "Nämndmål | Bedömning")
        return len(texts) >= 2 and known >= (1 if shaded else 2) and 2 * known >= len(texts)

    # (with ``money``, a label per text run too: right-aligned money columns' labels stand
    # closer than a gap, "Budget 2026 Utfall jan–aug 2026 Prognos 2026")
    runs = [_YEAR.sub("", s.text).strip() for s in spans] if money and fonts else []
    return labels(phrases) or (sum(1 for t in runs if _MONEY.fullmatch(fold(t))) >= 2 and labels(runs)) \
        or controls and control_header(phrases)


_YEAR = re.compile(r"\s*\b(?:19|20)\d{2}\b")  # a label's year ("Utfall 2024"), with the space before it
_TERM = re.compile(r"VT|HT|T[1-3]|Q[1-4]|Tertial [1-3]")  # a term before its year ("VT 2024")
# a money column's label without its year ("Budget 2026", "Prognos", "Avvikelse")
_MONEY = re.compile(r"budget|bokslut|prognos|avvikelse|plan|utfall(?: \w{3}[–-]\w{3})?")  # "Utfall jan–aug"


def _split_at_header_bands(ys: list[float], x0: float, x1: float, raw: RawPage) -> list[list[float]]:
    """Rules stacked with the same extent that are two tables ruled only horizontally, with a
    heading and a paragraph between them (an indicator table, "Prioriterad utveckling", an
    activity table): a later band styled as a header starts a table with columns of its own.
    The band just above it goes with neither table when its text runs across the columns of
    the table above (a paragraph, not a row)."""
    pairs = list(zip(ys, ys[1:], strict=False))
    bands = [_band_spans(raw, x0, x1, top, bottom) for top, bottom in pairs]
    fills = [d.bbox for d in raw.drawings if d.kind == "rect" and d.fill is not None and d.fill != 0xFFFFFF]
    heads = [k for k, band in enumerate(bands)  # (no spans, no header: its shade not looked for)
             if band and _header_band(band, band_shaded(fills, *pairs[k], x0, x1), fonts=_fonts(raw))]
    cuts = [k for k in heads if k >= 2 and k - 1 not in heads]
    if heads and heads[0] == 1 and (_lead_in(bands[0]) or _runs_across(bands[0], _infer_columns(bands[1], x0, x1))):
        ys, bands, cuts = ys[1:], bands[1:], [k - 1 for k in cuts]  # (the rule above: a heading's)
    if not cuts:
        return [ys]
    parts: list[list[float]] = []
    start = 0
    for k in cuts:
        columns = _infer_columns(bands[start], x0, x1)[1:-1]
        across = _runs_across(bands[k - 1], [x0, *columns, x1])
        end = k - 1 if across and k - 1 > start + 1 else k
        parts.append(ys[start:end + 1])
        start = k
    parts.append(ys[start:])
    return [p for p in parts if len(p) >= 2]


def _split_at_open_headers(ys: list[float], x0: float, x1: float, raw: RawPage) -> list[list[float]]:
    """Rules stacked with the same extent that are two tables ruled only horizontally, the
    second's header with a rule under it but none above (a browser's ``border-bottom`` under
    the header cells), a heading and its lines between the two: one band holds the heading,
    its lines and that header. Where the lowest line of such a band opens a table as
    :func:`_with_open_header` has it, sitting on the band's lower rule, with more text above
    it in the band, the first table ends at the band's upper rule and the second starts at its
    lower rule (its header found again above it); the text above the header goes with
    neither. The band under the first rule is looked at too (:func:`_first_band_parts`)."""
    if len(ys) < 3:
        return [ys]
    parts = _first_band_parts(ys, x0, x1, raw)
    for k in range(1, len(ys) - 2):
        rest = ys[k + 1:]  # the second table's rules, from the band's lower rule on
        opened = _with_open_header(rest, x0, x1, raw)
        if len(opened) > len(rest) and any(s.bbox[3] < opened[0] for s in _band_spans(raw, x0, x1, ys[k], ys[k + 1])):
            parts.append([ys[k + 1]])
        else:
            parts[-1].append(ys[k + 1])
    parts[-1].append(ys[-1])
    return [p for p in parts if len(p) >= 2]


def _first_band_parts(ys: list[float], x0: float, x1: float, raw: RawPage) -> list[list[float]]:
    """The parts that the band under the first rule starts, as :func:`_split_at_open_headers`
    begins them: that band's lowest line an open header on the second rule, with text above it
    in the band. Under a table's own open header (the first rule the rule under it) the text is
    that table's last row, left without a rule under it (fpdf2's ``HORIZONTAL_LINES``): the first
    table ends under that row, the second starts at the second rule. Text running across the
    second table's columns under no header of its own is prose under a rule of the page (a
    running header's): that rule is no table's."""
    rest = ys[1:]
    opened = _with_open_header(rest, x0, x1, raw)
    band = _band_spans(raw, x0, x1, ys[0], ys[1])
    above = [s for s in band if s.bbox[3] < opened[0]]
    if len(opened) == len(rest) or not above:
        return [ys[:2]]
    bottom = max(s.bbox[3] for s in above)
    if len(_with_open_header(ys, x0, x1, raw)) > len(ys):
        return [[ys[0], (bottom + opened[0]) / 2], [ys[1]]]
    head = [s for s in band if s.bbox[1] >= opened[0] - 1]
    if _runs_across(above, _infer_columns(head, x0, x1)):
        return [[ys[1]]]
    return [ys[:2]]


def band_shaded(fills: list[BBox], top: float, bottom: float, x0: float, x1: float) -> bool:
    """Whether fills as high as the band cover nine tenths of its width: a shaded band, drawn
    as one rect or cell by cell."""
    own = sorted((f[0], f[2]) for f in fills if abs(f[1] - top) <= TOL and abs(f[3] - bottom) <= TOL)
    covered, reach = 0.0, x0
    for a, b in own:
        covered += max(0.0, min(b, x1) - max(a, reach))
        reach = max(reach, b)
    return covered >= 0.9 * (x1 - x0)


def _runs_across(spans: list[Span], columns: list[float]) -> bool:
    """Text that runs across the inner boundaries of ``columns`` (a paragraph over a table,
    not one of its rows)."""
    return any(s.bbox[0] < c - 3 and s.bbox[2] > c + 3 for s in spans for c in columns[1:-1])


def _lead_in(spans: list[Span]) -> bool:
    """A band of one line of plain text with no gap between its words ("Belopp i mnkr."): the
    sentence between a heading's rule and a table's header, no row of the table (its title row
    is bold, or cells apart)."""
    if not spans or any(s.bold for s in spans) or not spans[0].font:
        return False
    ordered = sorted(spans, key=lambda s: s.bbox[0])
    if max(s.yc for s in spans) - min(s.yc for s in spans) > 0.5 * max(s.size for s in spans):
        return False
    return all(b.bbox[0] - a.bbox[2] <= 8 for a, b in zip(ordered, ordered[1:], strict=False))


# A table's top and bottom rules run across its whole width; a break wider than this in
# either means separate boxes side by side (a figure).
FIGURE_GAP = 8.0


def _rule_gap(hs: list[_Seg], y: float, x0: float, x1: float) -> float:
    """The widest stretch of [x0, x1] that the horizontal rules at ``y`` leave uncovered."""
    segs = sorted((h.a, h.b) for h in hs if abs(h.pos - y) <= TOL)
    reach, gap = x0, 0.0
    for a, b in segs:
        gap = max(gap, a - reach)
        reach = max(reach, b)
    return max(gap, x1 - reach)


def _within_grid(hs: list[_Seg], vs: list[_Seg]) -> list[_Seg]:
    """The horizontal rules of a grid, without lone rules stacked above or below it (a page
    header's rule just above a table): where vertical rules frame at least two rows, a
    horizontal rule outside their extent that touches none of them is not part of the table."""
    if len(vs) < 2:
        return hs
    top = min(v.a for v in vs) - TOL
    bottom = max(v.b for v in vs) + TOL
    inside = [h for h in hs if top <= h.pos <= bottom]
    if len(_merge_positions([h.pos for h in inside])) < 3:
        return hs

    def touches(h: _Seg) -> bool:
        return any(h.a - TOL <= v.pos <= h.b + TOL and v.a - TOL <= h.pos <= v.b + TOL for v in vs)

    return [h for h in hs if top <= h.pos <= bottom or touches(h)]


def within_shades(hs: list[_Seg], vs: list[_Seg]) -> list[_Seg]:
    """The horizontal rules of a table whose only verticals are the sides of shaded cells (a
    header's fill, a zebra table's stripes): those within the shades' extent, and those that
    go on from it band by band, each band no higher than the table's rows (an unshaded last
    row, "Summa", under the last stripe). A rule farther away (a heading's rule above the
    table, its paragraph between) is no rule of the table."""
    top = min(v.a for v in vs) - TOL
    bottom = max(v.b for v in vs) + TOL
    ys = _merge_positions([h.pos for h in hs])
    inside = [y for y in ys if top <= y <= bottom]
    heights = sorted(b - a for a, b in zip(inside, inside[1:], strict=False))
    if not heights:
        return hs
    row = heights[len(heights) // 2]
    lo, hi = inside[0], inside[-1]
    for y in reversed([y for y in ys if y < lo]):
        if lo - y > ROW_SLACK * row:
            break
        lo = y
    for y in (y for y in ys if y > hi):
        if y - hi > ROW_SLACK * row:
            break
        hi = y
    return [h for h in hs if lo - TOL <= h.pos <= hi + TOL]


ROW_SLACK = 1.5  # a band this many times a table's median row high is no row of it


def _infer_columns(spans: list[Span], x0: float, x1: float, gap: float = 8.0) -> list[float]:
    """Column boundaries of an unruled table: x positions no span covers, across all rows, in
    gaps between words wider than ``gap`` points (a cell's padding at the table's left edge
    wider than 8)."""
    covered = sorted((s.bbox[0], s.bbox[2]) for s in spans if s.text.strip())
    gaps: list[float] = []
    reach = x0
    for a, b in covered:
        if a - reach > (gap if reach > x0 else max(gap, 8.0)):
            gaps.append((a + reach) / 2)
        reach = max(reach, b)
    return [x0, *gaps, x1]


MIN_BODY_GAP = 4.0  # points between words that a column boundary can go through


HEADER_GAP_EM = 0.65  # a gap between header labels this many ems wide parts two columns


def _header_gap(head: list[Span], fonts: bool) -> float:
    """The narrowest gap between two header labels that parts columns: 8 points, or less for a
    small font of a real text layer, where a word space is a third of an em and two cells'
    paddings ("Utfall 2026 | Bedömning" 8 points apart at 8.5 points) are near an em. An OCR
    layer's sizes and boxes are the tesseract's guesses: it keeps the 8 points."""
    sizes = sorted(s.size for s in head if s.size > 0)
    if not fonts or not sizes:
        return 8.0
    return min(8.0, HEADER_GAP_EM * sizes[len(sizes) // 2])


def _header_columns(region: _Region, spans: list[Span], fonts: bool = True) -> list[float]:
    """Columns of a table ruled only horizontally. Its first row, the header, names every
    column, so its gaps decide; rows below may hold full-width cells (comments) that would
    cover every gap. Without a usable header, the gaps no span covers in any row."""
    x0, x1 = region.bbox[0], region.bbox[2]
    if len(region.ys) >= 2:
        top, bottom = region.ys[0], region.ys[1]
        head = [s for s in spans if top - 1 <= s.yc <= bottom + 1 and not _speck_label(s.text)]
        cols = _between_labels(_infer_columns(head, x0, x1, _header_gap(head, fonts)), head)
        if len(cols) >= 4 or (len(cols) == 3 and _labels_only(head, cols)):  # three or more header columns, or two labels
            # (born-digital too: a name wraps within its column, past the middle of the header's gap)
            body = [s for s in spans if not top - 1 <= s.yc <= bottom + 1]
            return _body_columns(_fit_to_body(cols, head, body), head, body)
    return _infer_columns(spans, x0, x1)


def _label_word(text: str) -> bool:
    """A header word that is a column's label on its own ("Utfall", "Budget", "Avvikelse")."""
    from planparse import vocabulary

    t = text.strip().strip(",.:;")
    return bool(t) and (_MONEY.fullmatch(fold(t)) is not None or vocabulary.match_label(t) is not None)


def _between_labels(cols: list[float], head: list[Span]) -> list[float]:
    """Header columns also parted between two words of one header line that are each a
    column's label ("Budget Utfall Avvikelse": figures' labels set right, a few points
    apart, narrower than a gap that parts columns), at the middle of their gap where no word
    of the header's other lines stands ("2025" under "Budget" and under "Utfall")."""
    words = [s for s in head if s.text.strip()]
    extra: list[float] = []
    for s in words:
        if not _label_word(s.text):
            continue
        nxt = min((t for t in words if t is not s and abs(t.yc - s.yc) < 0.5 * (s.bbox[3] - s.bbox[1])
                   and t.bbox[0] >= s.bbox[2]), key=lambda t: t.bbox[0], default=None)
        if nxt is None or nxt.bbox[0] - s.bbox[2] < MIN_BODY_GAP or not _label_word(nxt.text):
            continue
        x = (s.bbox[2] + nxt.bbox[0]) / 2
        if not any(t.bbox[0] < x < t.bbox[2] for t in words) and all(abs(x - c) > MIN_BODY_GAP for c in cols):
            extra.append(x)
    return sorted([*cols, *extra]) if extra else cols


def _body_columns(cols: list[float], head: list[Span], body: list[Span]) -> list[float]:
    """A header's columns that cut through the body's words, replaced by the body's own.
    Labels set left or centred over figures set right ("2027" over "12 000", "Total utgift"
    over "14 500") leave their gaps where the figures stand: a boundary there splits a
    column's figures between two cells. Where the body, read alone, parts at its own gaps
    into as many columns as the header, each label standing over its own, those gaps are
    the columns. A comment across the table covers the body's gaps and keeps the header's."""
    words = [s for s in body if s.text.strip()]
    if not any(s.bbox[0] + 1 < x < s.bbox[2] - 1 for x in cols[1:-1] for s in words):
        return cols
    own = _infer_columns(words, cols[0], cols[-1])
    if len(own) != len(cols):
        return cols
    for a, b, c, d in zip(cols, cols[1:], own, own[1:], strict=False):
        labels = [s for s in head if a <= s.xc < b and s.text.strip()]
        if not labels or not all(c <= s.xc < d for s in labels):
            return cols
    return own


def _speck_label(text: str) -> bool:
    """A header word that is punctuation alone ("|", ".", "—"): no column's label but the trace
    of a rule or a speck an OCR layer read between the labels; a column it set up would take
    the body's words from their own columns."""
    t = text.strip()
    return 0 < len(t) <= 3 and all(c in BORDER_GLYPHS or c in SPECK_DASHES for c in t)


def _labels_only(head: list[Span], cols: list[float]) -> bool:
    """Whether each column of a header row holds a label, one the vocabulary knows ("Nämndmål |
    Bedömning"): a two-column table's header, not a line of text with a gap."""
    from planparse import vocabulary

    texts = [" ".join(s.text.strip() for s in head if a <= s.xc < b) for a, b in zip(cols, cols[1:], strict=False)]
    return all(texts) and any(vocabulary.match_label(t) is not None for t in texts)


def _fit_to_body(cols: list[float], head: list[Span], body: list[Span]) -> list[float]:
    """Column boundaries set between the header's words moved to where the body's words leave
    a gap too. An OCR'd line is a span per word: a name that runs on under the next column's
    heading ("Andel chefer med 10-30 medarbetare, procent" under "Indikatorer") would lose its
    last words to that column at the header gap's middle. Each boundary goes to the middle of
    the last stretch of its header gap that no body word covers (the next column's text starts
    after it); a word spanning the whole gap (a comment across the table) says nothing, and
    where the body fills the gap, the next column starts where its label starts."""
    out = [cols[0]]
    for x in cols[1:-1]:
        left = max((s.bbox[2] for s in head if s.bbox[2] <= x), default=x)
        right = min((s.bbox[0] for s in head if s.bbox[0] >= x), default=x)
        covered = sorted(
            (max(left, s.bbox[0]), min(right, s.bbox[2]))
            for s in body
            if s.text.strip() and s.bbox[0] < right and s.bbox[2] > left and not (s.bbox[0] <= left and s.bbox[2] >= right)
        )
        best = None
        reach = left
        for a, b in [*covered, (right, right)]:
            if a - reach >= MIN_BODY_GAP:
                best = (a + reach) / 2
            reach = max(reach, b)
        # no such stretch (the body's text runs on under the gap to the next column's icons):
        # the next column starts where its label does
        out.append(best if best is not None else max(x, right - 1.0))
    return [*out, cols[-1]]


def extract_tables(raw: RawPage, carried: Table | None = None) -> tuple[list[Table], list[Line]]:
    """The page's tables (one page each, not yet joined) and the lines outside them.
    ``carried`` is the table that ends the previous page: an unruled table at the top of this
    page without a header of its own takes its columns."""
    raw.spans_by_height = ByHeight(lambda: (s for ln in raw.lines for s in ln.spans), _yc)
    try:
        return _extract_tables(raw, carried)
    finally:
        raw.spans_by_height = None


def _yc(s: Span) -> float:
    return (s.bbox[1] + s.bbox[3]) / 2


def _extract_tables(raw: RawPage, carried: Table | None) -> tuple[list[Table], list[Line]]:
    regions = _regions(raw, carried)
    tables: list[Table] = []
    taken: set[int] = set()
    if not regions:
        return tables, list(raw.lines)
    # Every span with its centre, computed once for all regions and cells.
    centred = [(i, s, s.xc, s.yc) for i, ln in enumerate(raw.lines) for s in ln.spans]
    centred_by_height = of_list(centred, itemgetter(3))
    page_icons = [d for d in raw.drawings if d.is_icon]
    # The page's shaded rects (a header row's fill, a heading's band) and their vertical
    # extents, listed once: every row asked whether it looks like a header would otherwise go
    # through all the drawings.
    filled = [d.bbox for d in raw.drawings if d.fill is not None and d.fill != 0xFFFFFF and d.kind == "rect"]
    shades = [(b[1], b[3]) for b in filled]
    for region in sorted(regions, key=lambda r: r.bbox[1]):
        x0, y0, x1, y1 = region.bbox[0] - 1, region.bbox[1] - 1, region.bbox[2] + 1, region.bbox[3] + 1
        members = [m for m in centred_by_height.within(y0, y1) if m[0] not in taken and x0 <= m[2] <= x1]
        if not members:
            continue
        spans_by_line = [(i, s) for i, s, _, _ in members]
        xs = region.xs if region.ruled_columns or len(region.xs) > 2 else _header_columns(
            region, [s for _, s in spans_by_line], _fonts(raw)
        )
        body_only = not tables and carried is not None and _takes_columns(region, xs, carried, raw)
        if body_only and carried is not None:
            region = _with_rows_above(region, raw)
            y0 = region.bbox[1] - 1
            members = [m for m in centred_by_height.within(y0, y1) if m[0] not in taken and x0 <= m[2] <= x1]
            spans_by_line = [(i, s) for i, s, _, _ in members]
            head = [s for c in carried.rows[0].cells for ln in c.lines for s in ln.spans]
            xs = _fit_to_body(carried.columns, head, [s for _, s in spans_by_line])
        table = _build(raw, region, xs, members, page_icons, shades, body_only)
        if table is None:
            continue
        drop_phantom_columns(table)
        if not region.ruled_columns:
            table.columns = xs
        bands = _heading_bands(table, filled)
        if bands:
            table.rows = [r for r in table.rows if r not in bands]
        if table.rows:
            parts, headings = _split_at_headers(table, shades)
            tables.extend(parts)
            bands = [*bands, *headings]
        # (a band's text goes back to the page: a heading)
        taken.update(i for i, s in spans_by_line if not any(_inside(s, r.bbox) for r in bands))
    _repeated_headers(tables)
    outside = [ln for i, ln in enumerate(raw.lines) if i not in taken]
    # A line partly inside a table region keeps only its outside spans.
    return tables, outside


def _inside(span: Span, box: BBox) -> bool:
    return box[0] - 1 <= span.xc <= box[2] + 1 and box[1] - 1 <= span.yc <= box[3] + 1


def _heading_bands(table: Table, filled: list[BBox]) -> list[Row]:
    """The rows of ``table`` that are headings set on shaded bands across it, at its top (above
    its header) or its foot (a planning system's export sets each goal's title on a band right
    under the table before, its assessment in a box at the band's right end): a row shaded
    across the table's width where the row next to it is not, holding one line of text at its
    left and at most a status word at its right. ``filled``: the boxes of the page's shaded rects."""
    rows = table.rows
    if not rows or table.n_cols < 2:
        return []
    x0, _, x1, _ = table.bbox
    wide = [b for b in filled if b[2] - b[0] >= 0.9 * (x1 - x0) and b[0] <= x0 + 3 and b[2] >= x1 - 3]

    def shaded(row: Row) -> bool:  # (by a band of its own: not a box shaded behind the whole table)
        h = row.bbox[3] - row.bbox[1]
        return any(b[1] <= row.bbox[1] + TOL and b[3] >= row.bbox[3] - TOL and b[3] - b[1] <= 1.5 * h + 2 * TOL for b in wide)

    def band(row: Row) -> bool:
        filled = [c for c in row.cells if c.text.strip()]
        if not filled or len(filled) > 2 or filled[0].col != 0 or len(filled[0].lines) != 1:
            return False
        if _NUMBER.match(filled[0].text.strip()) or not shaded(row):
            return False
        return len(filled) == 1 or _status_word(filled[1].text)

    if not wide or not any(band(r) for r in (rows[0], rows[-1])):
        return []
    end = len(rows)
    while end > 0 and band(rows[end - 1]) and (end == 1 or not shaded(rows[end - 2]) or band(rows[end - 2])):
        end -= 1
    start = 0
    while start < end and band(rows[start]) and start + 1 < end and rows[start + 1].is_header:
        start += 1
    return rows[:start] + rows[end:]


def _status_word(text: str) -> bool:
    """A status or assessment of the vocabulary, and nothing else ("Delvis uppfyllt", "Klar")."""
    from planparse import vocabulary

    text = text.strip()
    if not text or len(text) > 40:
        return False
    m = vocabulary.match_status(text) or vocabulary.match_assessment(text)
    return m is not None and m.confidence >= 0.9


def _repeated_headers(tables: list[Table]) -> None:
    """A table without a header whose first row reads as another table's header on the page
    ("Nämndmål | Bedömning" over each goal, one band's shade lost on a scan) has that header."""
    heads = {tuple(t for t in tb.header if t.strip()) for tb in tables if tb.header and tb.rows[0].is_header}
    for tb in tables:
        first = tb.rows[0] if tb.rows else None
        if first is None or tb.header or len(tb.rows) < 2:
            continue
        labels = [_label_without_specks(first.cell_text(c)) if first.cells and first.cells[0].lines
                  and first.cells[0].lines[0].method != "native" else first.cell_text(c) for c in range(tb.n_cols)]
        if tuple(t for t in labels if t.strip()) in heads:
            first.is_header = True
            tb.header = labels


def _takes_columns(region: _Region, xs: list[float], carried: Table, raw: RawPage) -> bool:
    """An unruled region whose first band is no header, as wide as the unruled table that
    ends the previous page with more columns: that table's rows, carried over the break."""
    cols = carried.columns
    if region.ruled_columns or len(cols) <= len(xs) or not carried.header or not carried.rows[0].is_header:
        return False
    x0, top, x1, _ = region.bbox
    return _goes_on(carried, x0, top, x1, _band_spans(raw, x0, x1, region.ys[0], region.ys[1]), raw)


def _with_rows_above(region: _Region, raw: RawPage) -> _Region:
    """A carried table's rows set without a shade above its first shaded one (a group's
    title at the top of the page): the lines stacked right above the region, each within
    a row's spacing of the next, join it as a band of their own."""
    x0, top, x1, bottom = region.bbox
    above = sorted((ln for ln in raw.lines if ln.bbox[3] <= top + 1 and x0 - 1 <= ln.bbox[0] and ln.bbox[2] <= x1 + 1),
                   key=lambda ln: -ln.bbox[3])
    reach = top
    for ln in above:
        if reach - ln.bbox[3] > ROW_GAP:
            break
        reach = ln.bbox[1] - 1
    if reach >= top:
        return region
    return replace(region, bbox=(x0, reach, x1, bottom), ys=[reach, *region.ys])


ROW_GAP = 8.0  # points between a row's text and the shade of the next row


def _build(
    raw: RawPage, region: _Region, xs: list[float], spans_by_line: list[tuple[int, Span, float, float]],
    page_icons: list[Drawing], shades: list[tuple[float, float]], body_only: bool = False,
) -> Table | None:
    """The region's rows and cells; ``spans_by_line`` are (line index, span, span centre x, y),
    ``page_icons`` the page's icon drawings, ``shades`` the top and bottom of its shaded rects.
    A ``body_only`` region goes on with a table of the previous page: no header."""
    n_cols = len(xs) - 1
    if n_cols < 1:
        return None
    rows: list[Row] = []
    index = _index_sorted if _well_spaced(xs) else _index
    native = bool(spans_by_line) and raw.lines[spans_by_line[0][0]].method == "native"
    by_height = of_list(spans_by_line, itemgetter(3))
    bands = list(zip(region.ys, region.ys[1:], strict=False))
    if native and not region.ruled_columns and len(xs) > 2:
        bands = [part for top, bottom in bands
                 for part in _split_at_across(top, bottom, by_height.within(top - 1, bottom + 1), xs)]
    bands = [part for top, bottom in bands for part in split_stacked(
        top, bottom, [s for _, s, _, _ in by_height.within(top - 1, bottom + 1)], xs)]
    for top, bottom in bands:
        if bottom - top < 3:
            continue
        mid = (top + bottom) / 2
        y0, y1 = top - 1, bottom + 1
        in_row = by_height.within(y0, y1)  # the spans of this row's band
        covering = [v.pos for v in region.vs if v.a - TOL <= mid <= v.b + TOL] if region.ruled_columns else []
        # (an unshaded row between shaded ones, a zebra table's: the shaded rows' columns)
        unshaded = region.ruled_columns and not covering and len(xs) > 2 and all(v.shade for v in region.vs)
        if region.ruled_columns and not unshaded:
            bounds = _merge_positions(covering + [region.bbox[0], region.bbox[2]])
            if len(bounds) == 2 and _rules_read_as_bars(in_row, xs, raw):
                bounds = xs  # the row's own rules lost in the image, read as "|" in its text
            elif len(bounds) == 2 and len(xs) > 2 and _label_per_column(in_row, xs, raw):
                bounds = xs  # light rules on a dark header band, lost in the image
            elif (top, bottom) == bands[0] and len(bounds) < len(xs) and any(t <= top + TOL and b >= bottom - TOL for t, b in shades) \
                    and (labelled := _labels_under_lost_rules(in_row, xs, raw)) is not None:
                bounds, in_row = xs, labelled  # (the same on a shaded band, some of its rules kept)
        elif in_row and raw.lines[in_row[0][0]].method != "native":
            crossed = _run_across(in_row, xs)
            bounds = [x for x in xs if x not in crossed]
            if crossed and all(xc < bounds[1] for _, _, xc, _ in in_row):
                bounds = [xs[0], xs[-1]]  # a title over the table's columns: one cell
        elif in_row and len(xs) > 2:
            # a born-digital span is a run of words: one on the row's first line across a
            # column's start is a row spanning the columns (a group's title, a comment)
            top_line = min(m[3] for m in in_row)
            crossed = {x for x in xs[1:-1] if any(
                yc - top_line < 2 and s.bbox[0] < x - WIDE and s.bbox[2] > x + WIDE for _, s, _, yc in in_row)}
            bounds = [x for x in xs if x not in crossed]
        else:
            bounds = xs
        if covering:  # (a rule drawn through a run parts two cells' texts; an OCR'd word, where they abut)
            in_row = cut_at_rules(in_row, sorted(covering), glued_only=not native)
        cells: list[Cell] = []
        for left, right in zip(bounds, bounds[1:], strict=False):
            if right - left < 3:
                continue
            col = index(xs, left)
            span_cols = max(1, index(xs, right) - col)
            box = (left, top, right, bottom)
            x0, x1 = left - 1, right + 1
            members = [(i, s) for i, s, xc, _ in in_row if x0 <= xc <= x1]
            text = _lines(members, raw) if members or not raw.rotated else rotated_label(box, raw.rotated, raw.number)
            cells.append(Cell(lines=text, bbox=box, col=col, colspan=span_cols))
        icons = [
            d
            for d in page_icons
            if top <= (d.bbox[1] + d.bbox[3]) / 2 <= bottom
            and region.bbox[0] <= d.bbox[0] <= region.bbox[2]
        ]
        # (a row without text holding an icon or two: a status row, its icon the status; not a
        # row of many small shapes, a line of text drawn as glyph outlines)
        if not any(c.lines for c in cells) and not 1 <= len(icons) <= 2:
            continue
        rows.append(
            Row(cells=cells, page=raw.number, bbox=(region.bbox[0], top, region.bbox[2], bottom), icons=icons)
        )
    if not rows:
        return None
    if region.ruled_columns:
        _merge_row_spans(rows, region.hs, any(ln.method != "native" for ln in raw.lines))
    header = not body_only and (_looks_like_header(rows[0], shades) or _header_by_contrast(rows))
    title = None
    if not body_only and _title_over_header(rows, shades):
        title, rows, header = rows[0], rows[1:], True
    rows = join_wrapped_rows(rows, header)
    rows = _split_stacked(rows, header)
    mend_broken_words(rows)
    first = rows[0]
    if title is not None:
        title.is_header = True
        rows = [title, *rows]
    table = Table(rows=rows, n_cols=n_cols)
    if header:
        first.is_header = True
        _split_spanned_labels(first, rows[1:])
        table.header = [first.cell_text(c) for c in range(n_cols)]
        if any(ln.method != "native" for c in first.cells for ln in c.lines):
            table.header = [_label_without_specks(t) for t in table.header]
        if sum(1 for t in table.header if t.strip()) >= 2:
            for r in rows[1:]:  # the header again under a group row (each goal's indicators under their own): no data
                if [r.cell_text(c) for c in range(n_cols)] == table.header:
                    r.is_header = True
    return table


def _split_spanned_labels(header: Row, body: list[Row]) -> None:
    """A header cell across columns whose words part at the columns' edges into labels of the
    vocabulary, one to a column ("Startdatum Slutdatum" where the rule between the two was
    lost on a dark header bar), becomes a cell per column (in place). A label centred over
    its columns ("Utfall" over "2024 | 2025") or one whose parts are no labels stays."""
    from planparse import vocabulary

    cells: list[Cell] = []
    for c in header.cells:
        edges = [next((b.bbox for r in body for b in r.cells if b.col == col and b.colspan == 1), None)
                 for col in range(c.col, c.col + c.colspan)]
        words = [(ln, s) for ln in c.lines for s in ln.spans if s.text.strip()]
        if c.colspan < 2 or len(c.lines) != 1 or None in edges or not words:
            cells.append(c)
            continue
        by_col: list[list[Span]] = [[] for _ in edges]
        for _, s in words:
            k = next((k for k, e in enumerate(edges) if e is not None and e[0] - 1 <= s.bbox[0] and s.bbox[2] <= e[2] + 1), None)
            if k is None:
                break
            by_col[k].append(s)
        texts = [" ".join(s.text.strip() for s in col) for col in by_col]
        if sum(len(col) for col in by_col) < len(words) or not all(t and vocabulary.match_label(t) for t in texts):
            cells.append(c)
            continue
        line = c.lines[0]
        for k, (col, e) in enumerate(zip(by_col, edges, strict=True)):
            assert e is not None
            cells.append(Cell(lines=[Line(spans=col, page=line.page, method=line.method)],
                              bbox=(e[0], c.bbox[1], e[2], c.bbox[3]), col=c.col + k))
    header.cells = cells


def _rules_read_as_bars(in_row: list[tuple[int, Span, float, float]], xs: list[float], raw: RawPage) -> bool:
    """An OCR'd row whose words hold a "|" at each inner column rule of the table and nowhere
    else: the rules the image lost under the row, read as text."""
    if len(xs) < 3 or not in_row or raw.lines[in_row[0][0]].method == "native":
        return False
    bars = [s for _, s, _, _ in in_row if s.text.strip() in ("|", "¦")]
    near = [any(abs(s.xc - x) < 8 for s in bars) for x in xs[1:-1]]
    return len(bars) == len(xs) - 2 and all(near)


def _label_per_column(in_row: list[tuple[int, Span, float, float]], xs: list[float], raw: RawPage) -> bool:
    """An OCR'd row without rules between its cells whose words fill every column of the table,
    none running across a column's start at a word space: a header on a dark band ("Process
    Kontrollmoment Ansvarig …"), whose light column rules the image has lost, not a row
    spanning the columns (a group's title, a comment)."""
    if not in_row or raw.lines[in_row[0][0]].method == "native":
        return False
    filled = {min(max(bisect_right(xs, xc) - 1, 0), len(xs) - 2) for _, s, xc, _ in in_row if s.text.strip(" |")}
    return len(filled) == len(xs) - 1 and not _run_across(in_row, xs)


def _labels_under_lost_rules(
    in_row: list[tuple[int, Span, float, float]], xs: list[float], raw: RawPage,
) -> list[tuple[int, Span, float, float]] | None:
    """The first row of an OCR'd grid of four columns or more, on a shaded band, whose rules the
    image lost over some of its columns (a dark header band ruled only in places): its words cut where two
    columns' labels ran together ("MålvärdeUtfall"), if then they fill every column but one in
    six (a white label the engine could not read) and none runs across a column's start at a
    word space. Else None."""
    if not in_row or raw.lines[in_row[0][0]].method == "native" or len(xs) < 5:
        return None
    cut = cut_at_rules(in_row, xs[1:-1], glued_only=True)
    filled = {min(max(bisect_right(xs, xc) - 1, 0), len(xs) - 2) for _, s, xc, _ in cut if s.text.strip(" |")}
    n = len(xs) - 1
    return cut if len(filled) >= n - n // 6 and not _run_across(in_row, xs) else None


def _split_at_across(
    top: float, bottom: float, spans_by_line: list[tuple[int, Span, float, float]], xs: list[float],
) -> list[tuple[float, float]]:
    """A band of an unruled born-digital table (one shade) holding a row and, under it, lines
    that run across the columns (a goal's "Kommentar:" under its title and icon): two rows,
    the second spanning the columns."""
    lines: dict[float, list[Span]] = {}
    for _, s, _, yc in spans_by_line:
        if top - 1 <= yc <= bottom + 1:
            lines.setdefault(round(yc), []).append(s)
    ys = sorted(lines)
    for y in ys[1:]:
        if any(s.bbox[0] < x - WIDE and s.bbox[2] > x + WIDE for s in lines[y] for x in xs[1:-1]):
            cut = min(s.bbox[1] for s in lines[y]) - 0.5
            above = max(s.bbox[3] for k in ys if k < y for s in lines[k])
            if cut > above:
                return [(top, cut), (cut, bottom)]
            break
    return [(top, bottom)]


def _title_over_header(rows: list[Row], shades: list[tuple[float, float]]) -> bool:
    """A first row that is one cell merged over every column ("Aktiviteter 2026"), above a
    row of column labels: the table's title over its header, as Word sets a caption inside
    the grid."""
    if len(rows) < 3 or not rows[0].cells or not rows[0].cells[0].text.strip():
        return False
    if len(rows[0].cells) > 1:
        # a title in the first cell alone, its text run on over the empty cells beside it (as
        # a spreadsheet prints it over its gridlines), above labels in the first column and in
        # every other but one
        filled = [c for c in rows[1].cells if c.text.strip()]
        return not any(c.text.strip() for c in rows[0].cells[1:]) and bool(rows[1].cells[0].text.strip()) \
            and len(filled) >= max(3, len(rows[1].cells) - 1) and _looks_like_header(rows[1], shades)
    n = len(rows[1].cells)
    return rows[0].cells[0].colspan >= n >= 2 and _looks_like_header(rows[1], shades)


def _run_across(in_row: list[tuple[int, Span, float, float]], xs: list[float]) -> set[float]:
    """The inner column boundaries of an unruled OCR'd table that a line of the row runs across
    at a word space: a row spanning the columns (a goal's title over its activities, a
    comment), which shaded bands draw as one cell, as their rules would."""
    crossed: set[float] = set()
    by_line: dict[int, list[Span]] = {}
    for i, s, _, _ in in_row:
        by_line.setdefault(i, []).append(s)
    for spans in by_line.values():
        spans.sort(key=lambda s: s.bbox[0])
        for a, b in zip(spans, spans[1:], strict=False):
            if b.bbox[0] - a.bbox[2] > WORD_SPACE * max(a.size, b.size, 1.0):
                continue
            crossed.update(x for x in xs[1:-1] if a.xc < x < b.xc)
    return crossed


# An OCR'd word space is at most this share of the font size; a column gap is wider.
WORD_SPACE = 0.45
WIDE = 20.0  # points a born-digital span reaches either side of a column's start to run across it


def _merge_row_spans(rows: list[Row], hs: list[_Seg], scanned: bool = False) -> None:
    """Cells merged down over several rows (a goal beside each of its activities): where no
    rule separates a cell from the one above it, its lines belong to the cell above, and it
    is left empty, as a spanned cell reads. On a ``scanned`` page a rule the scan broke still
    separates (see :func:`_ruled_under`)."""
    for above, row in zip(rows, rows[1:], strict=False):
        y = row.bbox[1]
        if abs(above.bbox[3] - y) > TOL or not any(abs(h.pos - y) <= TOL for h in hs):
            continue  # not adjacent bands of one grid
        for c in row.cells:
            if _ruled_under(c.bbox[0], c.bbox[2], y, hs, scanned):
                continue
            top = next((t for t in above.cells if abs(t.bbox[0] - c.bbox[0]) <= TOL and abs(t.bbox[2] - c.bbox[2]) <= TOL), None)
            c.merged_up = top is not None and bool(top.lines or top.merged_up)
            if top is not None and c.lines:  # (a line centred on the hidden rule is in both bands: once)
                held = {id(s) for ln in top.lines for s in ln.spans}
                top.lines.extend(ln for ln in c.lines if not all(id(s) in held for s in ln.spans))
                c.lines = []


def _split_stacked(rows: list[Row], header: bool) -> list[Row]:
    """Body rows between two rules that hold several rows set one under another (a table ruled
    only above and below its body, booktabs' style): parted at each line of the other column
    with the fewest lines of two or more (a status or an owner a row), when every column starts
    a line level with each (each row whole: not a cell's title over its text beside a one-line
    owner), none in lower case (no cells wrapped side by side)."""
    out: list[Row] = []
    for k, row in enumerate(rows):
        filled = [c for c in row.cells if c.lines]
        below = rows[k + 1] if k + 1 < len(rows) else None
        if (k == 0 and header) or len(filled) < 2 or filled[0].col != 0 or (below is not None and any(c.merged_up for c in below.cells)):
            out.append(row)
            continue
        others = filled[1:]
        key = min((c for c in others if len(c.lines) >= 2), key=lambda c: len(c.lines), default=None)  # (a status a row)
        starts = [ln.bbox[1] for ln in key.lines] if key is not None else []
        firsts = [next((ln for ln in c.lines if abs(ln.bbox[1] - y) <= 2), None) for c in filled for y in starts[1:]]
        if len(starts) < 2 or any(ln is not None and ln.text[:1].islower() for ln in firsts) \
                or not all(any(abs(ln.bbox[1] - y) <= 2 for ln in filled[0].lines) for y in starts) \
                or not all(any(abs(o.bbox[1] - y) <= 2 for o in c.lines) for c in others for y in starts):
            out.append(row)
            continue
        edges = [row.bbox[1], *(y - 1 for y in starts[1:]), row.bbox[3]]
        for top, bottom in zip(edges, edges[1:], strict=False):
            cells = [Cell(lines=[ln for ln in c.lines if top <= ln.bbox[1] < bottom], bbox=(c.bbox[0], top, c.bbox[2], bottom),
                          col=c.col, colspan=c.colspan) for c in row.cells]
            out.append(Row(cells=cells, page=row.page, bbox=(row.bbox[0], top, row.bbox[2], bottom)))
    return out


def _ruled_under(x0: float, x1: float, y: float, hs: list[_Seg], scanned: bool) -> bool:
    """Whether a rule at ``y`` parts a cell from ``x0`` to ``x1`` from the one above: a rule
    crosses its middle, or, on a scanned page, runs on well into it (the rest of a rule whose
    dots the scan lost: a merged cell's neighbours' rules end at its sides)."""
    mid = (x0 + x1) / 2
    at = [h for h in hs if abs(h.pos - y) <= TOL]
    if any(h.a - TOL <= mid <= h.b + TOL for h in at):
        return True
    return scanned and any(min(h.b, x1) - max(h.a, x0) > _INTO_CELL for h in at)


_INTO_CELL = 4.0  # points a scanned rule runs into a cell past its side to be the cell's own


_LEAD_DASH = re.compile(r"^[-–—_~]+(?=\w)")


_SPLIT_YEAR = re.compile(r"(?<!\d )(?<![\d,.])\b(1(?= 9)|2(?= 0)) (\d{3})\b(?! ?\d)")
_SMALL_LABELS = frozenset({"kr", "tkr", "mnkr", "mdkr", "st", "antal", "och", "av", "i", "per"})


def _label_without_specks(text: str) -> str:
    """An OCR'd header cell's label without the specks read after it as short words ("Status
    fä" → "Status"): when the whole text is no vocabulary label but its words before one or two
    letters' words are. Words of punctuation alone ("Indikator —.") and a dash glued before a
    label ("-2024", "-Mål 2026": a speck or the rule's end) go too: no header labels by them.
    A year read in two ("2 025") is one, a first letter read small ("utfall") a capital (units
    aside: "tkr"). Any other text is kept as read."""
    from planparse import vocabulary

    words = [_LEAD_DASH.sub("", w) for w in text.split() if not _speck_label(w)]
    if not words:
        return text
    # a year read in two ("Mål 2 025") and a label's capital read small ("utfall 2025")
    text = _SPLIT_YEAR.sub(r"\1\2", " ".join(words))
    if text[:1].islower() and text.split()[0] not in _SMALL_LABELS:
        text = text[0].upper() + text[1:]
    words = text.split()
    if len(words) < 2 or vocabulary.match_label(text) is not None:
        return text
    for n in range(len(words) - 1, 0, -1):
        if not all(len(w) <= 2 for w in words[n:]):
            break
        head = " ".join(words[:n])
        m = vocabulary.match_label(head)
        if m is not None and m.confidence >= 0.85:
            return head
    return text


def mend_broken_words(rows: list[Row]) -> None:
    """A word too long for its narrow cell is broken where the cell ends ("Kommunledning" /
    "skontoret"). A producer that keeps the space at an ordinary wrap ("IT och " /
    "digitalisering") shows such a break as a line without that space, the next line going
    on in lower case: the two lines are one, joined without a space. On an OCR'd layer, which
    keeps no spaces, a line that fills its column to the edge shows it. Producers that drop
    the space at every wrap (nothing to tell the two apart) are left alone. A line that ends
    without the space also when the word and its space do not fit: where both sides are words
    of their own ("konstgräset" / "är"), the wrap is ordinary."""
    cells = [c for r in rows for c in r.cells if len(c.lines) >= 2]
    # An OCR'd layer keeps no evidence in its spaces (every word carries one, or none does).
    ocr = bool(cells) and all(ln.method != "native" for c in cells for ln in c.lines)
    edge: dict[int, float] = {}  # OCR: the right edge of each column's text
    if ocr:
        cells = [c for c in cells if c.colspan == 1]  # a row set across the columns has no edge to fill
        rights: dict[int, list[float]] = {}
        for c in cells:
            rights.setdefault(c.col, []).extend(_text_right(ln) for ln in c.lines)
        for col, xs in rights.items():
            # the edge most lines reach: a speck read as "." after one word is no edge
            xs.sort()
            edge[col] = xs[min(len(xs) - 1, round(0.9 * (len(xs) - 1)))]
    # Without that evidence only a certain break is mended ("Kommunledningsförva" / "ltningen"),
    # or pieces that are no words of their own (see _pieces).
    certain = not ocr and not any(ln.spans[-1].text[-1:].isspace() for c in cells for ln in c.lines[:-1] if ln.spans)
    columns: dict[int, tuple[float, float]] = {}  # where each column's lines start and end at most
    for c in (c for r in rows for c in r.cells if c.colspan == 1):
        for ln in c.lines:
            b = ln.bbox
            lo, hi = columns.get(c.col, (b[0], b[2]))
            columns[c.col] = (min(lo, b[0]), max(hi, b[2]))

    def broken_at(prev: Line, col: int) -> bool:
        return not ocr or _text_right(prev) >= edge[col] - 0.6 * max(prev.size, 1.0)

    for c in cells:
        mended: list[Line] = [c.lines[0]]
        last = c.lines[0]  # the visual line above, whose edge tells a break
        for ln in c.lines[1:]:
            prev, above, last = mended[-1], last, ln
            # a cell's border, right after the word it broke, read as "|" or a speck (taken out later)
            bar = ocr and len(prev.spans) > 1 and border_glyph(prev.spans[-1].text)
            ends = prev.spans[:-1] if bar else prev.spans
            tail = ends[-1].text if ends else ""
            head = ln.spans[0].text if ln.spans else ""
            if ocr:  # an OCR'd word span carries its space before or after it
                tail, head = tail.rstrip(), head.lstrip()
                if tail.endswith(".") and tail[-2:-1].isalpha() and head[:1].isalpha() \
                        and _certain_break(tail[:-1].split()[-1], head.split()[0]):
                    tail = tail[:-1]  # a speck read as a stop after a word's first piece ("Ju." / "nsele")
            plain = ocr and tail[-1:].isalpha() and _ending_repaired(tail.split()[-1], head.split()[0] if head.split() else "")
            if plain:
                head = head.replace(head.split()[0], plain, 1)
            if tail[-1:].isalpha() and head[:1].isalpha() and head[:1].islower() and (ln.page, ln.bbox[1]) > (prev.page, prev.bbox[1]) \
                    and broken_at(above, c.col) and (_certain_break(tail.split()[-1], head.split()[0])
                                                     or _pieces(tail.split()[-1], head.split()[0], len(ln.text.split()) == 1)
                                                     or (c.col in columns and _wider_than_cell(ends[-1], ln.spans[0], columns[c.col]))
                                                     if certain else
                                                     _broken_word(tail.split()[-1], head.split()[0], strict=ocr,
                                                                  letter=len(prev.text.split()) > 1,
                                                                  alone=len(ln.text.split()) == 1, spaced=not ocr)):
                if ocr:
                    end = replace(ends[-1], text=tail)
                    first = replace(ln.spans[0], text=head)
                    spans = [*ends[:-1], end, first, *ln.spans[1:]]
                else:
                    spans = [*prev.spans, *ln.spans]
                mended[-1] = Line(spans=spans, page=prev.page, method=prev.method)
            else:
                mended.append(ln)
        c.lines = mended


def _wider_than_cell(end: Span, start: Span, column: tuple[float, float]) -> bool:
    """The last word of a line and the first of the next are one word too wide for the cell:
    together wider than the column's lines ever run, after a line full to the column's edge,
    making a known word ("Bibliotek Tillgänglighet" / "sanpassning"). A producer moves a word
    that fits onto the next line whole; it breaks only a word that fits on no line."""
    from planparse.text.repair import known_word, word_zipf

    a, b = end.text.split()[-1], start.text.split()[0]
    if word_zipf(b.strip(_PUNCT).casefold()) >= 1.0:
        return False  # a word of its own goes on the line under one that filled the column

    def width(span: Span, word: str) -> float:
        return (span.bbox[2] - span.bbox[0]) * len(word) / max(len(span.text), 1)

    left, right = column
    return (width(end, a) + width(start, b) > right - left + 2  # too wide for any line
            and end.bbox[2] + width(start, b[:1]) > right  # and the line before full: not a letter more
            # the word list has the word, or the lower piece is none ("kommunpolitikers" /
            # "ambassadörskap": two compounds a browser moved whole, each a word)
            and known_word(joined := (a + b).strip(_PUNCT).casefold())
            and (word_zipf(joined) >= 1.0 or not known_word(b.strip(_PUNCT).casefold())))


_PLAIN = str.maketrans("åäöÅÄÖ", "aaoAAO")


def _ending_repaired(left: str, right: str) -> str | None:
    """A word's ending on the next line that the lexicon repair of an English OCR layer
    took for a Swedish word ("investering" / "ar" made "är", "direktupphandl" / "ingar" made
    "ingår"): a piece with å, ä or ö that, read without them, makes a word with the line
    before, and with them none: a common word after a piece of three letters or fewer, a
    known word or compound after a left piece that is neither ("investeringar",
    "direktupphandlingar"); the ending as read, or None."""
    from planparse.text.repair import known_word, word_zipf

    plain = right.translate(_PLAIN)
    if plain == right or not right.isalpha() or not left.isalpha():
        return None
    if len(right) <= 3 and word_zipf(left + plain) >= 3.0 and word_zipf(left + right) < 1.0:
        return plain
    if not known_word(left) and known_word(left + plain) and not known_word(left + right):
        return plain  # the left piece no word: "direktupphandl" / "ingår"
    return None


def _text_right(line: Line) -> float:
    """Where an OCR'd line's text ends: a cell's border read as "|" or a speck after its last
    word is no text ("Ombyggna |", "Ombyggna ."); counted, it would set the column's edge past every word that
    really fills the cell."""
    words = [s for s in line.spans if s.text.strip()]
    if len(words) > 1 and border_glyph(words[-1].text):
        return words[-2].bbox[2]
    return line.bbox[2]


# What OCR reads from a cell's border beside a word: a bar, or a speck read as punctuation.
BORDER_GLYPHS = frozenset("|¦.,:;'\"‘’`")
SPECK_DASHES = frozenset("-–—_~")  # a speck or a rule's end read as a dash


def border_glyph(text: str) -> bool:
    """An OCR'd word that is only a cell border's trace: a bar or a speck or both ("|", "|.",
    a lone "." boxed over the rule)."""
    t = text.strip()
    return 0 < len(t) <= 3 and set(t) <= BORDER_GLYPHS


def join_wrapped_rows(rows: list[Row], header: bool = False) -> list[Row]:
    """Rows ruled line by line (a shaded band per text line) where a cell wraps: a row whose
    every cell goes on in lower case under a filled cell of the row above, with no amount in
    it, is the rest of that row ("Arrangörsbidrag för" / "kulturföreningar", "Ej" /
    "aktuellt"); its lines join the cells above. Nothing joins a ``header`` first row: under
    a repeated header, a row broken by the page goes on ("Antal tillsvidareanställ" / "da")."""
    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out and not (header and len(out) == 1) else None
        filled = [c for c in row.cells if c.lines]
        above = {c.col: c for c in prev.cells if c.lines} if prev is not None else {}
        if prev is None or not filled or not all(
            c.col in above and c.text[:1].islower() and (not any(ch.isdigit() for ch in c.text) or _prose(c.text))
            for c in filled
        ):
            out.append(row)
            continue
        for c in filled:
            above[c.col].lines.extend(c.lines)
            above[c.col].bbox = union([above[c.col].bbox, c.bbox])
        prev.bbox = union([prev.bbox, row.bbox])
        prev.icons.extend(row.icons)
    return out


def _prose(text: str) -> bool:
    """A cell's text that is words with figures among them ("i 6 av 22 lokaler"), no amount."""
    words = text.split()
    return len(words) >= 4 and sum(w.isalpha() for w in words) >= 3


# Swedish words of one letter: "i" at a line's end is the preposition ("i" / "områden").
_ONE_LETTER_WORDS = frozenset({"i", "å", "ö"})


# Consonant pairs a Swedish word can start with; a line going on with any other pair
# ("ltningen", "nsele") is the rest of a broken word.
_ONSETS = frozenset(
    ["bj", "bl", "br", "ch", "dj", "dr", "dv", "gj", "kj", "sf", "fj", "fl", "fr", "gl", "gn", "gr", "hj", "kl", "kn", "kr", "kv", "lj", "pj", "pl", "pr", "ps", "sc", "sh", "sj", "sk", "sl", "sm", "sn", "sp", "st", "sv", "th", "tj", "tr", "tv", "vr"]
)
_VOWELS = frozenset("aeiouyåäöé")


# What may stand around a word's pieces: punctuation and quotes ('"Det' / 'svåra').
_PUNCT = ".,:;()\"'«»“”‘’"


def _pieces(left: str, right: str, alone: bool) -> bool:
    """Where wraps keep no evidence: two pieces that are no words and make one together
    ("Inflyttningsn" / "etto"), or a word's ending alone on its line that makes a known word
    ("Kommunledningskontor" / "et")."""
    from planparse.text.repair import known_word, word_zipf

    a, b = (w.strip(_PUNCT).casefold() for w in (left, right))
    # (a piece without a vowel is no word, whatever the lexicon's abbreviations say: "ng"; nor
    # is one letter that is no Swedish word of one letter: "Upphandlingssamordnar" / "e")
    lone = len(b) == 1 and b not in _ONE_LETTER_WORDS
    if len(a) >= 6 and word_zipf(a) < 1.0 and (word_zipf(b) < 1.0 or not set(b) & _VOWELS or lone) and known_word(a + b) \
            and not (known_word(a) and known_word(b) and not lone):  # two compounds of their own: "kommunpolitikers" / "ambassadörskap"
        return True
    return alone and b in _ENDINGS and _broken_word(left, right, alone=True)


def _certain_break(left: str, right: str) -> bool:
    """Two pieces of one word beyond doubt, for producers whose wraps keep no evidence: the
    right piece starts as no Swedish word can ("Kommunledningsförva" / "ltningen", "Ju" /
    "nsele"). Decided without the lexicon, which a born-digital document need not load."""
    b = right.strip(_PUNCT).casefold()
    return len(b) >= 3 and b[0] not in _VOWELS and b[1] not in _VOWELS and b[:2] not in _ONSETS and b.isalpha()


# Endings a long word broken at a narrow cell's edge leaves alone on the next line
# ("Exploateringsintäkt" / "er"); some are words too ("er", "ens"), never alone under a name.
_ENDINGS = frozenset({"er", "ar", "or", "en", "et", "na", "erna", "arna", "orna", "ena", "ens", "ets", "ns", "ts"})


def _broken_word(left: str, right: str, strict: bool = False, letter: bool = False, alone: bool = False,
                 spaced: bool = False) -> bool:
    """Two pieces of one word, not two words: either is no word of its own (two letters or
    more, in the lexicon: "Kommunledning" / "skontoret", "Kommunfullmäktig" / "e"), or the two
    together are a common word ("investering" / "ar"). "konstgräset" / "är" are two words, and
so is a function word before a word the lexicon lacks ("och" / "effekthemtagning").
    With ``letter`` (the left piece ends a line of words), a one-letter left piece may be a
    word: "bilar i" / "bilpoolen" are two words, "Handelsområde c" / "entrum" one.
    ``strict`` (an OCR'd layer, where a long compound the lexicon lacks is common): a right
    piece that starts as no Swedish word can, or a left piece the lexicon lacks that makes a
    word it has with the right one ("Träningsma" / "skiner"), is a break; else the right
    piece must be no word of its own ("Budgetavvikelse" / "för" are two words; so is a long
    compound the lexicon makes of its parts after a word: "tema" / "frisknärvaro"), unless the
    left piece is no word nor compound and the right one an ending: a short, not very common
    word ("bostadsetablerin" / "gar") or one that makes a known word ("pensionsåtagand" / "en"),
    or, ``alone`` on its line, a word's ending after a long word that makes a known word with
    it ("Exploateringsintäkt" / "er"). ``spaced`` (the producer keeps the space at a wrap, and
    this line has none): a rarer word together is a break too ("skadegörelse" / "brott")."""
    from planparse.text.repair import known_word, word_zipf

    a, b = (w.strip(_PUNCT).casefold() for w in (left, right))

    def real(w: str, shortest: int = 2) -> bool:
        return (len(w) >= shortest or w in _ONE_LETTER_WORDS) and word_zipf(w) >= 1.0

    if strict:
        b = b.rstrip("-")  # "individ-" / "och": the first part of a compound, a word of its own
        if _certain_break(a, b):
            return True  # the right piece starts as no Swedish word can: "Ju" / "nsele"
        if word_zipf(a) < 1.0 and word_zipf(a + b) >= 1.0:
            return True  # no word on the left, a word the lexicon has together: "Träningsma" / "skiner"
        if word_zipf(a) >= 5.0:
            return False  # "och" / "avståndsmarkeringar": a line ending in a common word wraps
        if not known_word(a) and (known_word(a + b) or (len(b) <= 3 and word_zipf(b) < 5.0)):
            return True  # no word before a word's ending: "pensionsåtagand" / "en", "bostadsetablerin" / "gar"
        if alone and len(a) >= 8 and b in _ENDINGS and known_word(a + b):
            return True  # an ending alone on the line under a long word: "Exploateringsintäkt" / "er"
        if word_zipf(a) >= 2.0 and not a.endswith("s") and len(b) >= 8 and known_word(b) and word_zipf(a + b) < 1.0:
            return False  # a word, then a compound the lexicon makes of its parts: "tema" / "frisknärvaro"
        return not real(b) or word_zipf(a + b) >= 3.0
    if real(a, 1 if letter else 2) and real(b) and word_zipf(a + b) < min(word_zipf(a), word_zipf(b)) - 2.5:
        return False  # two common words, joined a rare token of the word list: "i" / "alla"
    if len(b) >= 3 and b not in _ENDINGS and word_zipf(b) >= 6.5 and known_word(a):
        return False  # a word, then a function word starting the line: "Budgetavvikelse" / "för"
    if word_zipf(a + b) >= (1.0 if spaced else 3.0) or _certain_break(a, b):
        return True
    if len(b) >= 2 and b not in _ENDINGS and word_zipf(b) >= 5.0 and not known_word(re.split(r"[/-]", a)[-1] + b):
        return False  # "hälsoinspiratör" / "på": a common word starts the line, nothing known together
    # "och" / "effekthemtagning": a function word ends the line; a compound the lexicon lacks follows
    return word_zipf(a) < 5.5 and not (real(a, 1 if letter else 2) and real(b))


_NUMBER = re.compile(r"^[−–-]?\(?\d[\d \u00a0.,]*\)?\s*%?$")


def _split_at_headers(table: Table, shades: list[tuple[float, float]]) -> tuple[list[Table], list[Row]]:
    """Two tables drawn as one grid (an activity table and the "Mått | Mål | Utfall" table
    right under it): a later row styled as a header (bold or shaded) with labels in two or
    more cells and no amounts starts a table of its own. A header naming its value columns by
    year ("Indikator | Utfall 2025 | Mål 2026") does so under another table only (under a title's
    rows it is the grid's first table), and the rows across the grid right above it ("Strategiskt
    mål …", the goal it measures) go back to the page: the tables' headings, no row of either."""
    if not table.header:
        return [table], []
    starts = [0]
    dated = _vocabulary_header(table.rows[0])
    headings: list[Row] = []
    for i, row in enumerate(table.rows[1:], start=1):
        if not _labels_row(row) or not _vocabulary_header(row, dated):
            continue
        if [fold(t) for t in row.texts] == [fold(t) for t in table.rows[0].texts]:
            continue  # the header repeated
        if _looks_like_header(row, shades) and not table.rows[i - 1].is_header \
                and not _looks_like_header(table.rows[i - 1], shades):
            starts.append(i)
            if not _vocabulary_header(row):  # (named by year: see above)
                above = i
                while above - 1 > starts[-2] + 1 and table.rows[above - 1].full_width:
                    above -= 1
                headings += table.rows[above:i]
    if len(starts) == 1:
        return [table], []
    out = []
    heading_ids = {id(r) for r in headings}
    for a, b in zip(starts, [*starts[1:], len(table.rows)], strict=True):
        part = _own_columns(Table(rows=[r for r in table.rows[a:b] if id(r) not in heading_ids], n_cols=table.n_cols))
        part.rows[0].is_header = True
        part.header = [part.rows[0].cell_text(c) for c in range(part.n_cols)]
        out.append(part)
    return out, headings


def _own_columns(table: Table) -> Table:
    """A table split off a grid drawn with another (two tables abutting, each with its own
    column rules) with only the columns its own cells start: the other table's column rules
    part none of its cells, whose every one would otherwise span two columns and read twice."""
    starts = sorted({c.col for r in table.rows for c in r.cells})
    if len(starts) == table.n_cols:
        return table
    width = max([table.n_cols, *(c.col + c.colspan for r in table.rows for c in r.cells)])  # (a cell past the grid)
    new = [bisect_right(starts, col) - 1 for col in range(width)]  # each grid column's own
    for row in table.rows:
        for cell in row.cells:
            last = new[cell.col + cell.colspan - 1]
            cell.col = new[cell.col]
            cell.colspan = last - cell.col + 1
    table.n_cols = len(starts)
    return table


def _index(xs: list[float], x: float) -> int:
    """The index of the position nearest ``x`` (the first of equally near ones)."""
    best, best_d = 0, abs(xs[0] - x)
    for i in range(1, len(xs)):
        d = abs(xs[i] - x)
        if d < best_d:
            best, best_d = i, d
    return best


def _well_spaced(xs: list[float]) -> bool:
    """Positions that rise by more than a millionth of a point each, all within a million
    points of zero: their distances to any such ``x`` fall before the nearest one and rise
    after it without two ever rounding equal, so :func:`_index_sorted` finds what
    :func:`_index` does."""
    return all(math.isfinite(v) and -1e6 < v < 1e6 for v in xs) and all(
        b - a > 1e-6 for a, b in zip(xs, xs[1:], strict=False)
    )


def _index_sorted(xs: list[float], x: float) -> int:
    """:func:`_index` of well-spaced positions (:func:`_well_spaced`): the nearest of the
    two around ``x`` (the first when equally near), found by bisection."""
    if not (math.isfinite(x) and -1e6 < x < 1e6):
        return _index(xs, x)
    k = bisect_left(xs, x)
    if k == 0:
        return 0
    if k == len(xs):
        return k - 1
    return k - 1 if abs(xs[k - 1] - x) <= abs(xs[k] - x) else k


def _reading_order(lines: list[Line], keys: Iterable[int]) -> list[int]:
    """``keys`` (indices into ``lines``) top to bottom, and left to right among lines level
    with each other (their centres as near as :func:`planparse.reading.merge_baselines` asks): a
    card's "Slutdatum …" a point higher than the title left of it comes after that title."""
    order = sorted(keys, key=lambda k: lines[k].bbox[1::-1])  # (y0, x0)
    rows: list[list[int]] = []
    ref = 0.0
    for k in order:
        b = lines[k].bbox
        yc, size = (b[1] + b[3]) / 2, lines[k].size
        if rows and abs(yc - ref) <= max(2.0, 0.3 * min(size, lines[rows[-1][0]].size)):
            rows[-1].append(k)
            continue
        rows.append([k])
        ref = yc
    return [k for row in rows for k in sorted(row, key=lambda k: lines[k].bbox[0])]


def _lines(members: list[tuple[int, Span]], raw: RawPage) -> list[Line]:
    by_line: dict[int, list[Span]] = {}
    for i, s in members:
        by_line.setdefault(i, []).append(s)
    out = []
    for i in _reading_order(raw.lines, by_line):
        src = raw.lines[i]
        spans = by_line[i]
        if len(spans) > 1:
            spans.sort(key=lambda s: s.bbox[0])
        raw_text = None
        if src.raw_text is not None and len(spans) == len(src.spans):
            raw_text = src.raw_text
        line = Line(spans, src.page, src.method, raw_text)
        if len(spans) == len(src.spans) and all(a is b for a, b in zip(spans, src.spans, strict=True)):
            line.share_facts(src)  # (the whole line in the cell: its text and box are the line's)
        out.append(line)
    return out


def _header_by_contrast(rows: list[Row]) -> bool:
    """A first row in plain type that is a header by what is under it: labels in every
    column and no amounts ("Mnkr | Budget 2025 | Prognos 2025 | Avvikelse", "Projekt | 2025 |
    2026"), over rows that hold amounts in the labelled value columns."""
    if len(rows) < 2:
        return False
    first = rows[0]
    cols = [c.col for c in first.cells if c.text.strip()]
    if len(cols) < 2 or len(cols) < len(first.cells) - 1 or not _labels_row(first):
        return False
    if any(len(c.text) > 60 for c in first.cells):
        return False  # a sentence, not a label
    numeric = sum(1 for r in rows[1:] if any(
        c.col in cols[1:] and _NUMBER.match(c.text.strip()) for c in r.cells if c.text.strip()))
    return 2 * numeric >= len(rows) - 1


# A value column's heading: a word or two and a year ("Utfall 2017", "Målvärde 2019",
# "Budget 2025/26"), as an indicator or budget table's header names its columns.
_PERIOD_HEADER = re.compile(r"(?:[^\W\d_][\w/.-]*\s+){1,3}(?:19|20)\d\d(?:/\d\d(?:\d\d)?)?")


def _looks_like_header(row: Row, shades: list[tuple[float, float]]) -> bool:
    """Bold throughout, labels the vocabulary knows and no amounts, or on a shaded band
    (``shades``: the top and bottom of the page's filled, non-white rects)."""
    spans = [s for c in row.cells for ln in c.lines for s in ln.spans]
    if not spans or len(row.cells) < 2:
        return False
    if all(s.bold for s in spans):
        return True
    # (an OCR'd row's weight is read from the strokes of its words of some letters: a year or
    # a sign too short to judge is none the less bold in a bold row, "Utfall 2025")
    judged = [s for s in spans if sum(ch.isalpha() for ch in s.text) >= MIN_LETTERS]
    if len(judged) >= 2 and all(s.bold for s in judged) and not row.native:
        return True
    top, bottom = row.bbox[1] + TOL, row.bbox[3] - TOL
    if any(t <= top and b >= bottom for t, b in shades):
        return True  # (the cheap test first: the label lookups below cost more)
    # A header in plain type (an OCR'd row has no bold; Word's "Table Grid" none either) names
    # its columns with vocabulary labels and holds no amounts
    from planparse import vocabulary

    texts = [c.text for c in row.cells if c.text.strip()]
    named = [
        t
        for t in texts
        if _PERIOD_HEADER.fullmatch(t.strip())
        or ((m := vocabulary.match_label(t)) is not None and m.confidence >= 0.85)
    ]
    native = bool(row.cells[0].lines) and row.cells[0].lines[0].method == "native"
    return len(named) >= 2 and len(named) >= 0.6 * len(texts) and (not native or _labels_row(row))


def join_continued(
    pages_tables: list[list[Table]], page_lines: list[list[Line]]
) -> None:
    """Join a table that starts a page to the table that ended the previous page.

    Joined when nothing but noise separates them and their columns line up. A repeated
    header row on the continuation is dropped. Works in place on ``pages_tables``; a table
    may run over any number of pages.
    """
    carry: Table | None = None  # the table that ends the previous page, wherever it started
    for k, tables in enumerate(pages_tables):
        if carry is not None and tables and _continues(carry, tables[0], page_lines[k]):
            nxt = tables.pop(0)
            rows = nxt.rows
            # (a label wrapped at its hyphen, "Risk- värde", is the header's "Risk-värde")
            if carry.header and _header_again(_row_grid(rows[0], nxt.n_cols), carry.header,
                                              rows[0].cells[0].lines[0].method != "native"
                                              if rows[0].cells and rows[0].cells[0].lines else False):
                rows = rows[1:]
            for r in rows:
                r.is_header = False
            if rows and _split_row(carry.rows, rows[0]):
                rows = rows[1:]
            carry.rows.extend(rows)
            if tables:
                carry = tables[-1]
        else:
            if carry is not None and _name_goes_on(carry, page_lines[k], tables):
                page_lines[k].pop(0)
            carry = tables[-1] if tables else None
        if carry is not None and _text_below(carry, page_lines[k]):
            carry = None


def _header_again(texts: list[str], header: list[str], ocr: bool) -> bool:
    """Whether a continuation's first row (its cells' ``texts``) is the table's ``header``
    repeated: the same labels, spaces aside (a label wrapped at its hyphen, "Risk- värde", is
    "Risk-värde"); on an ``ocr`` layer three in four of its labels found in the header's at the
    same column, a word the engine lost on the dark band ("mål (KF)" under "Strategiskt mål (KF)",
    "Klart" not read) or a letter misread (80 % alike), and nothing where the header has none."""
    squeezed = ["".join(fold(t).split()) for t in texts]
    labels = ["".join(fold(t).split()) for t in header]
    if squeezed == labels:
        return True
    if not ocr:
        return False
    pairs = [(a, b) for a, b in zip(squeezed, labels, strict=False) if a]
    if len(pairs) >= 3 and all(b for _, b in pairs) and sum(a in b or fuzz.ratio(a, b) >= 80 for a, b in pairs) >= 0.75 * len(pairs):
        return True
    # (its cells run together where the band's rules were lost: its words, three in four the header's)
    words, known = {w for t in texts for w in fold(t).split()}, {w for t in header for w in fold(t).split()}
    return len(words) >= 3 and sum(w in known for w in words) >= 0.75 * len(words)


# What OCR reads from the rules either side of a lone cell line: never a word of the name.
_SIDE_RULES = frozenset({"[", "]", "|", "¦", "I", "l"})


def _name_goes_on(table: Table, lines: list[Line], tables: list[Table]) -> bool:
    """An OCR'd table's last row broken by the page with only its name's last line on the
    next page, where no table was found (one line in a box of rules): that page's first line,
    in lower case (rule glyphs read beside it aside: "[ reinvesteringar I"), set inside the
    name column, goes on with the name ("Mindre" / "reinvesteringar"); its lines join the
    name cell. True when so (the caller takes the line out of the page's text)."""
    if not lines or not table.rows or table.rows[-1].is_header:
        return False
    first = min(lines, key=lambda ln: ln.bbox[1])
    if first is not lines[0] or first.method == "native" or any(t.bbox[1] < first.bbox[1] for t in tables):
        return False
    last = table.rows[-1]
    name = next((c for c in last.cells if c.col == 0 and c.colspan == 1 and c.lines), None)
    head = next((c for c in table.rows[0].cells if c.col == 1), None) if table.rows[0].is_header else None
    if name is None or head is None:
        return False
    spans = list(first.spans)
    while spans and spans[0].text.strip() in _SIDE_RULES:
        spans.pop(0)
    while len(spans) > 1 and spans[-1].text.strip() in _SIDE_RULES:
        spans.pop()
    if not spans or not spans[0].text.strip()[:1].islower() or any(ch.isdigit() for s in spans for ch in s.text):
        return False
    if spans[0].bbox[0] < name.bbox[0] - 6 or spans[-1].bbox[2] > head.bbox[0]:
        return False
    spans[0] = replace(spans[0], text=spans[0].text.lstrip())
    name.lines.append(Line(spans=spans, page=first.page, method=first.method))
    mend_broken_words([last])
    return True


def _split_row(rows: list[Row], first: Row) -> bool:
    """A row broken by the page: the continuation's first row has text in the first column,
    and only in columns the last of ``rows`` also fills, each going on in lower case ("Antal
    tillsvidareanställ" / "da medarbetare", "Börja källsortera" / "avfallet" beside its
    description's rest). Its lines join the cells above; True when so.
    A word broken there is mended with the evidence of the whole table."""
    last = rows[-1]
    filled = [c for c in first.cells if c.lines]
    above = {c.col: c for c in last.cells if c.lines}
    if not filled or filled[0].col != 0 or any(c.col not in above or not c.text[:1].islower() for c in filled):
        return False  # only wrapped cells go on: a row of units ("| tkr | tkr") stays a row
    for c in filled:
        above[c.col].lines.extend(c.lines)
    mend_broken_words(rows)
    return True


def _text_below(table: Table, lines: list[Line]) -> bool:
    last_page = table.rows[-1].page
    bottom = max(r.bbox[3] for r in table.rows if r.page == last_page)
    return any(ln.y0 > bottom and ln.page == last_page for ln in lines)


def _vocabulary_header(row: Row, dated: bool = False) -> bool:
    """Most of the row's cells are column labels the vocabulary knows ("Mått | Mål | Utfall"), or
    with ``dated`` value columns named with a year beside one ("Indikator | Utfall 2025 | Mål
    2026"), unlike the label rows of a cover's form grid ("Dokumentansvarig | Beslutsinstans | …")."""
    from planparse import vocabulary

    filled = [c.text if row.native else _label_without_specks(c.text) for c in row.cells if c.text]  # ("Status TT")
    periods = [t for t in filled if _period_status(t)]
    # (a bare period after the statuses named by theirs is one more: "Bedömning T2 | Helår")
    known = sum(1 for t in filled if vocabulary.match_label(t) is not None or t in periods
                or periods and vocabulary.PERIOD_WORDS.fullmatch(plain(t).strip()) is not None)
    years = sum(1 for t in filled if _PERIOD_HEADER.fullmatch(t.strip()) and vocabulary.match_label(t) is None) if dated else 0
    return known >= 1 and known + years >= 2 and 2 * (known + years) >= len(filled)


def _period_status(text: str) -> bool:
    """A status or assessment column named with its period ("Status april", "Bedömning T1"):
    a label the vocabulary knows. (A value column named by its year, "Mål 2026", is not: see
    ``dated``.)"""
    from planparse import vocabulary

    m = vocabulary.match_column_label(text)
    return m is not None and m.value in ("status", "assessment")


def _labels_row(row: Row) -> bool:
    """Labels in two or more cells and no amounts: a header's look."""
    filled = [c.text for c in row.cells if c.text]
    return len(filled) >= 2 and not any(_NUMBER.match(t) and not re.fullmatch(r"(19|20)\d\d", t) for t in filled)


# A line that says the table goes on ("(forts.)", "Lärande och kunskap, forts.",
# "Fortsättning"): no text between the two parts.
_GOES_ON = re.compile(r"(?:^|[\s,(–-])(?:forts\.?|fortsättning|fortsätter)\s*\)?:?$", re.IGNORECASE)


def _continues(prev: Table, nxt: Table, lines: list[Line]) -> bool:
    if any(ln.bbox[3] < nxt.bbox[1] and not _GOES_ON.search(ln.text.strip()) for ln in lines):
        return False
    first = nxt.rows[0]
    own_header = nxt.header and prev.header and _labels_row(first) and _vocabulary_header(first)
    if own_header and not _header_again(nxt.header, prev.header, not first.native):
        return False  # a header of its own: another table starts at the top of the page
    return (
        nxt.n_cols == prev.n_cols
        and abs(nxt.bbox[0] - prev.bbox[0]) <= 6
        and abs(nxt.bbox[2] - prev.bbox[2]) <= 6
    )


def _row_grid(row: Row, n: int) -> list[str]:
    return [row.cell_text(c) for c in range(n)]


__all__ = ["extract_tables", "join_continued", "mend_broken_words", "union"]
