"""Icons drawn as vectors that the plain icon test (one small filled shape) misses or misreads:
a traffic light (a dark housing holding three lamps, one lit) is one marker, a shape only
outlined in grey (a hollow diamond or ring) is a grey icon, and a light dot drawn on a coloured
icon is that icon's mark, no icon of its own."""

from __future__ import annotations

import math

from planparse.layouts.marker import Marker, color_name, in_bar, inside, light
from planparse.reading.model import BBox, Drawing, Page, within

LAMP = (8.0, 40.0)  # points: the smallest and largest lamp of a traffic light


def mark_on_icon(d: Drawing, drawings: list[Drawing]) -> bool:
    """Whether ``d`` is a light dot drawn on a coloured icon (its mark, not an icon)."""
    return d.fill is not None and d.is_icon and light(d.fill) and any(
        o.is_icon and o.fill is not None and not light(o.fill) and inside(d.bbox, o.bbox) for o in drawings)


def _squarish(d: Drawing, side: float) -> bool:
    w, h = d.bbox[2] - d.bbox[0], d.bbox[3] - d.bbox[1]
    return 0.8 <= w / max(h, 0.1) <= 1.25 and 0.6 * side <= min(w, h) <= side


def traffic_lights(page: Page) -> list[Marker]:
    """The page's traffic lights: a dark filled housing about three times as long as it is wide,
    holding three lamps in a line, one lit in a colour and the others dark or grey. Each is
    one marker of the lit lamp's colour over the whole housing (``tall``: a title level with
    any part of it is its owner, however its lamps sit)."""
    fills = [d for d in page.drawings if d.fill is not None and d.kind in ("shape", "rect")]
    out: list[Marker] = []
    for box in fills:
        w, h = box.bbox[2] - box.bbox[0], box.bbox[3] - box.bbox[1]
        short = min(w, h)
        if color_name(box.fill or 0) is not None or not LAMP[0] <= short <= LAMP[1] or not 2.4 <= max(w, h) / short <= 3.6:
            continue
        lamps = [d for d in fills if d is not box and inside(d.bbox, box.bbox) and _squarish(d, short)]
        lit = [d for d in lamps if color_name(d.fill or 0) not in (None, "grey")]
        if len(lamps) == 3 and len(lit) == 1:
            out.append(Marker(page.number, box.bbox, color_name(lit[0].fill or 0), tall=True))
    return out


HOLLOW = (6.0, 16.0)  # points: the smallest and largest side of a hollow status icon


def hollow_icons(page: Page) -> list[Marker]:
    """Hollow status icons: a shape other than a rect (a diamond, a ring, a triangle) only
    outlined in grey, of an icon's size and about as wide as tall, round no filled shape (a
    ring drawn round a coloured disc is that disc's). The convention's grey, "ej påbörjad" /
    "ej bedömd", unless the legend names it otherwise."""
    out: list[Marker] = []
    lit = [d.bbox for d in page.drawings if d.fill is not None and d.kind == "shape" and color_name(d.fill) not in (None, "grey")]
    rings = [d.bbox for d in page.drawings if d.fill is None and d.kind == "shape" and d.stroke is not None]
    for d in page.drawings:
        w, h = d.bbox[2] - d.bbox[0], d.bbox[3] - d.bbox[1]
        if d.fill is not None or d.kind != "shape" or d.stroke is None or color_name(d.stroke) != "grey" \
                or not HOLLOW[0] <= min(w, h) <= max(w, h) <= HOLLOW[1] or not 0.8 <= w / h <= 1.25:
            continue
        if _unlit_lamp(d.bbox, lit, rings):
            continue  # an unlit lamp of a light drawn as three discs in a line, one lit: no icon
        if not any(o.fill is not None and o.bbox[0] < d.bbox[2] and d.bbox[0] < o.bbox[2]
                   and o.bbox[1] < d.bbox[3] and d.bbox[1] < o.bbox[3] for o in page.drawings):
            out.append(Marker(page.number, d.bbox, "grey", rgb=d.stroke))
    return out


def _unlit_lamp(box: BBox, lit: list[BBox], rings: list[BBox]) -> bool:
    """Whether the ring ``box`` is one of three like discs in a column or a row, each less than
    one and a half discs below (or beside) the one before, one of them lit: a light's lamps
    (icons of a table's rows stand a row's height apart)."""
    size = box[2] - box[0]
    for axis in (1, 0):
        line = sorted((b for b in (*lit, *rings) if abs((b[2] - b[0]) - size) <= 0.2 * size
                       and abs(b[1 - axis] - box[1 - axis]) < 0.2 * size), key=lambda b: b[axis])
        k = line.index(box) if box in line else -1
        for run in (line[i:i + 3] for i in range(max(0, k - 2), k + 1)):
            if len(run) == 3 and all(0 < q[axis] - p[axis] <= 1.5 * size for p, q in zip(run, run[1:], strict=False)) \
                    and sum(b in lit for b in run) == 1:
                return True
    return False


GAUGE = (20.0, 80.0)  # points: the smallest and largest ring of a gauge


def gauges(page: Page) -> list[Marker]:
    """Gauges: a grey ring outlined round a figure ("71 %"), a coloured arc drawn over part of
    it as far as the share reached, its colour the assessment. The ring alone (nothing reached)
    is grey."""
    out: list[Marker] = []
    rings = [d for d in page.drawings if d.fill is None and d.kind == "shape" and d.stroke is not None
             and color_name(d.stroke) == "grey" and GAUGE[0] <= d.bbox[2] - d.bbox[0] <= GAUGE[1]
             and 0.9 <= (d.bbox[2] - d.bbox[0]) / max(d.bbox[3] - d.bbox[1], 0.1) <= 1.1]
    for ring in rings:
        x0, y0, x1, y1 = ring.bbox
        if not any(ln.text.rstrip().endswith("%") and x0 < ln.bbox[0] and ln.bbox[2] < x1 and y0 < ln.bbox[1]
                   and ln.bbox[3] < y1 for ln in page.lines):
            continue  # (a ring with no share in it: a drawing)
        arcs = [d for d in page.drawings if d is not ring and d.fill is None and d.stroke is not None
                and color_name(d.stroke) not in (None, "grey") and within(d.bbox, ring.bbox, 4)]
        colour = arcs[0].stroke if arcs else ring.stroke
        out.append(Marker(page.number, ring.bbox, color_name(colour or 0), tall=True, gauge=True, rgb=colour))
    return out


def drawn_shapes(page: Page) -> list[Marker]:
    """The page's icons this module finds: traffic lights, hollow shapes and gauges."""
    return traffic_lights(page) + hollow_icons(page) + gauges(page)


ICON_MAX = 20.0  # points: the largest disc beside text in a document's usual 9-12 pt type (Drawing.is_icon)
SCALED_ICON = 1.3  # an icon is at most this many times its page's text size


def page_text_size(page: Page) -> float:
    """The size most of a page's text is set in (an OCR'd line's is told from its words' boxes),
    0 for a page without text."""
    sizes: dict[float, int] = {}
    for ln in page.lines:
        if ln.size > 0:
            size = round(ln.size) if ln.method != "native" else ln.size  # OCR'd sizes vary by a fraction
            sizes[size] = sizes.get(size, 0) + len(ln.text)
    return max(sizes, key=lambda k: sizes[k]) if sizes else 0.0


def scaled_icon(d: Drawing, text_size: float) -> bool:
    """A filled round or square shape larger than an icon of ordinary type, on a page set in
    large type (a slide: text 14-20 pt on a 960 pt page), no larger than that type: an icon
    drawn to the page's scale. Rectangles are left out (a table's cells, a swatch of a chart)."""
    if d.fill is None or d.kind != "shape" or d.is_icon or text_size * SCALED_ICON <= ICON_MAX:
        return False
    w, h = d.bbox[2] - d.bbox[0], d.bbox[3] - d.bbox[1]
    return ICON_MAX < max(w, h) <= text_size * SCALED_ICON and 0.8 <= w / max(h, 0.1) <= 1.25


def in_other_card(icon: BBox, line: BBox, drawings: list[Drawing]) -> bool:
    """Whether a card holds the line and not the icon: cards side by side (a browser's grid,
    each a filled and outlined shape with rounded corners) put the next card's icon on the
    line's band, right of its text; that icon is the other card's title's."""
    return any(d.is_framed and inside(line, d.bbox) and not inside(icon, d.bbox) for d in drawings)


BALL = (5.0, 20.0)  # points: the smallest and largest Harvey ball


def harvey_balls(page: Page) -> tuple[list[Marker], set[int]]:
    """Harvey balls: circles outlined alike, each filled to a quarter, a half, three quarters,
    whole or not at all (a wedge drawn inside the outline, or the disc filled): the share of a
    goal reached, as steps (quarters filled, 4), read through the document's legend of them.
    Only on a page where one at least is partly filled (an outline alone elsewhere is a hollow
    icon), and only circles outlined as that one is. The markers, and the ids of their drawings."""
    def ball(d: Drawing) -> bool:
        w, h = d.bbox[2] - d.bbox[0], d.bbox[3] - d.bbox[1]
        return d.kind == "shape" and d.stroke is not None and BALL[0] <= min(w, h) and max(w, h) <= BALL[1] and 0.85 <= w / h <= 1.18

    rings = [d for d in page.drawings if d.fill is None and ball(d)]
    fills = [d for d in page.drawings if d.fill is not None and d.kind == "shape" and d.area is not None]
    found: list[tuple[Drawing, float, list[Drawing]]] = []
    for ring in rings:
        inner = [d for d in fills if within(d.bbox, ring.bbox, 0.8)]
        r = (ring.bbox[2] - ring.bbox[0] + ring.bbox[3] - ring.bbox[1]) / 4
        found.append((ring, sum(d.area or 0.0 for d in inner) / (math.pi * r * r), inner))
    used = {id(d) for _, _, inner in found for d in inner}
    found += [(d, 1.0, [d]) for d in fills if ball(d) and id(d) not in used]  # a filled disc outlined by its own stroke
    partial = [d for d, share, _ in found if 0.15 <= share <= 0.85]
    if not partial:
        return [], set()
    # (the balls are drawn alike: other circles, a traffic light's lamps, are none of them)
    found = [(d, share, inner) for d, share, inner in found
             if any(d.stroke == p.stroke and abs((d.bbox[2] - d.bbox[0]) - (p.bbox[2] - p.bbox[0])) <= 0.15 * (p.bbox[2] - p.bbox[0])
                    for p in partial)]
    return ([Marker(page.number, d.bbox, None, steps=(min(4, round(share * 4)), 4)) for d, share, _ in found],
            {id(x) for d, _, inner in found for x in (d, *inner)})


def rating_rows(page: Page) -> tuple[list[Marker], set[int]]:
    """Ratings drawn as rows of four to ten like shapes (stars, squares), evenly spaced, each filled
    in one colour or only outlined, the filled ones first: steps (filled, shapes), read through
    the document's legend of them. Only on a page where one row at least is partly filled. The
    markers, and the ids of the drawings they are made of."""
    shapes = sorted((d for d in page.drawings if d.kind == "shape" and d.stroke is not None
                     and 4.0 <= d.bbox[2] - d.bbox[0] <= BALL[1]), key=lambda d: (round(d.bbox[1]), d.bbox[0]))
    runs: list[list[Drawing]] = []
    for d in shapes:
        last = runs[-1][-1] if runs else None
        w = d.bbox[2] - d.bbox[0]
        if last is not None and abs(last.bbox[1] - d.bbox[1]) < 0.5 and last.stroke == d.stroke \
                and abs((last.bbox[2] - last.bbox[0]) - w) < 0.1 * w and 0 < d.bbox[0] - last.bbox[0] <= 1.6 * w \
                and (len(runs[-1]) < 2 or abs((d.bbox[0] - last.bbox[0]) - (last.bbox[0] - runs[-1][-2].bbox[0])) < 0.1 * w):
            runs[-1].append(d)
        else:
            runs.append([d])
    rated = []
    for run in runs:
        filled = [d.fill for d in run if d.fill is not None]
        k = len(filled)
        if 4 <= len(run) <= 10 and len(set(filled)) <= 1 and all(d.fill is not None for d in run[:k]):
            rated.append((run, k))
    if not any(0 < k < len(run) for run, k in rated):
        return [], set()
    return ([Marker(page.number, (run[0].bbox[0], run[0].bbox[1], run[-1].bbox[2], run[-1].bbox[3]), None, steps=(k, len(run)))
             for run, k in rated], {id(d) for run, _ in rated for d in run})


def step_markers(page: Page) -> tuple[list[Marker], set[int]]:
    """The page's markers read as steps of a scale (:func:`harvey_balls`, :func:`rating_rows`)
    and the ids of the drawings they are made of."""
    balls, ball_parts = harvey_balls(page)
    ratings, rating_parts = rating_rows(page)
    return balls + ratings, ball_parts | rating_parts


def plain_icons(page: Page, bars: list[Marker], parts: set[int]) -> list[Marker]:
    """The page's icons of one small filled shape or picture each (a coloured disc, a grey tone
    on a scan, a progress bar's picture), but for a bar's own fill (``bars``) and the parts of
    markers read as steps (``parts``, :func:`step_markers`)."""
    found: list[Marker] = []
    symbols: list[Drawing] | None = None  # (both worked out when first needed)
    text_size: float | None = None
    for d in page.drawings:
        if mark_on_icon(d, page.drawings) or in_bar(d, bars) or id(d) in parts:
            continue
        if d.fill is not None and d.is_icon and d.toneless:
            found.append(Marker(page.number, d.bbox, None, tone=d.fill & 255, mark=d.mark))
        elif d.fill is not None and (d.is_icon or scaled_icon(d, text_size := text_size or page_text_size(page))) \
                and color_name(d.fill) is not None:
            if not d.mark and not light(d.fill) and symbols is None:
                symbols = [e for e in page.drawings if light(e.stroke if e.fill is None else e.fill)]
            mark = d.mark or (not light(d.fill) and any(inside(e.bbox, d.bbox) for e in symbols or ()))
            found.append(Marker(page.number, d.bbox, color_name(d.fill), mark=mark, rgb=d.fill))
    for im in page.images:
        if im.is_icon and im.color is not None and color_name(im.color) is not None:
            found.append(Marker(page.number, im.bbox, color_name(im.color), mark=im.mark, rgb=im.color))
        elif im.is_bar:
            found.append(Marker(page.number, im.bbox, None, im.fill, steps=im.steps))
    return found
