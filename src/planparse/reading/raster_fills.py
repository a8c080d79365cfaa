"""Shaded areas in a page image: a table's header band, its shaded rows and cells. A native PDF
draws them as filled rects, and the table reader takes their edges for the table's rules; a
scan or an OCR'd layer has only the page image, where they are areas of one even tone darker
than the paper. Found here as the same filled rects (:func:`fills`), so a shaded table on a
scan is read like the native one.

Text in a dark band (a header's white labels) is ink lighter than its ground: the gaps between
its letters are dark upright runs that are not rules (:func:`outside_fills`).
"""

from __future__ import annotations

import numpy as np

from planparse.reading.model import Drawing

BLOCK_POINTS = 3.0  # the image is read in squares of this side (points)
MIN_DELTA = 12  # a fill is at least this much darker than the paper (0-255 grey)
SAME_TONE = 8  # the squares of one fill differ from its tone by at most this
MIN_WIDTH_POINTS = 30.0  # a fill is at least this wide: wider than an icon or a check box
MIN_HEIGHT_POINTS = 11.0  # ... and this tall: a line of text with its padding (a progress bar is less)
MAX_BREAK = 3  # squares of another tone (an icon, a dense word) inside a fill's row, at most
EVEN = 0.5  # at least this share of a fill's pixels are of its tone (a photo's are not)
RULE_DARKER = 60  # a line across a fill this much darker than it is a rule ...
MIN_TYPE_POINTS = 3.0  # ... unless it is this tall: type
PAPER_SHARE = 0.25  # a fill has at most this share of its pixels of the paper's tone
DARK_FILL = 110  # a fill darker than this holds light text
EDGE_SLACK_POINTS = 2.5  # see outside_fills


Fill = tuple[int, int, int, int, int]  # top row, bottom row (exclusive), left, right (exclusive), tone


def _block_tones(pixels: np.ndarray, b: int) -> np.ndarray:
    """The ground of each ``b`` × ``b`` square, whatever text is on it: where most of it is
    dark, its darker quarter (the light letters of a dark band are left out), elsewhere its
    lighter quarter (dark letters on paper or on a light fill are left out)."""
    rows, cols = pixels.shape[0] // b, pixels.shape[1] // b
    squares = pixels[: rows * b, : cols * b].reshape(rows, b, cols, b).swapaxes(1, 2).reshape(rows, cols, b * b)
    n = b * b
    ks = [n // 4, n // 2, (3 * n) // 4]
    parts = np.partition(squares, ks, axis=2)
    low, mid, high = parts[:, :, ks[0]], parts[:, :, ks[1]], parts[:, :, ks[2]]
    return np.where(mid < DARK_FILL, low, high).astype(np.int16)


def _row_runs(tones: np.ndarray, paper: int, min_len: int) -> list[tuple[int, int, int]]:
    """(start, end, tone) of the runs of squares of one tone darker than the paper on one row of
    squares; a run goes on over up to ``MAX_BREAK`` squares of another tone."""
    runs: list[tuple[int, int, int]] = []
    start, tone, last = -1, 0, -1
    for k, t in enumerate(tones.tolist()):
        if start >= 0 and abs(t - tone) <= SAME_TONE:
            last = k
            continue
        if start >= 0 and k - last <= MAX_BREAK:
            continue
        if start >= 0 and last + 1 - start >= min_len:
            runs.append((start, last + 1, tone))
        start, tone, last = (k, t, k) if t < paper - MIN_DELTA else (-1, 0, -1)
    if start >= 0 and last + 1 - start >= min_len:
        runs.append((start, last + 1, tone))
    return runs


def _stack(runs_by_row: list[list[tuple[int, int, int]]]) -> list[list[int]]:
    """Runs on rows of squares at most one row apart that overlap along most of the shorter one
    and have one tone, as [first row, last row, start, end, tone] (start and end: the widest
    run's). A row a fill's runs miss (a line of dense type across it) does not cut it."""
    groups: list[list[int]] = []
    for r, runs in enumerate(runs_by_row):
        live = [g for g in groups if g[1] >= r - 2]
        for a, b, t in runs:
            match = next((g for g in live if g[1] < r and _joins(g, a, b, t)), None)
            if match is None:
                groups.append([r, r, a, b, t])
                continue
            match[1] = r
            if b - a > match[3] - match[2]:
                match[2], match[3] = a, b
    return groups


def _joins(g: list[int], a: int, b: int, tone: int) -> bool:
    """Whether the run from square ``a`` to ``b`` of ``tone`` goes on the group ``g``."""
    overlap = min(b, g[3]) - max(a, g[2])
    return overlap >= 0.8 * min(b - a, g[3] - g[2]) and abs(g[4] - tone) <= SAME_TONE


def _edge(profile: np.ndarray, tone: int, inside: int, step: int, bridge: int = 0) -> int:
    """The first pixel line, from ``inside`` outwards by ``step``, whose ground is no longer the
    fill's tone; the fill's edge is the line before it. Up to ``bridge`` lines of another
    ground with the tone again after them are walked over (a bold light letter's stroke
    across a dark bar)."""
    k = inside
    while True:
        j = k + step
        while 0 <= j < len(profile) and abs(int(profile[j]) - tone) > SAME_TONE + 4 and abs(j - k) <= bridge:
            j += step
        if not 0 <= j < len(profile) or abs(int(profile[j]) - tone) > SAME_TONE + 4:
            return k
        k = j


def _bars_to_their_sides(pixels: np.ndarray, found: list[Fill], near: int) -> list[Fill]:
    """Dark fills standing alone (paper above and below: a heading's bar, light type on it)
    walked out to their sides. The bar's bold light letters break its squares' runs, so it
    may be found starting or ending far inside it (or in pieces); across the bar, a column's
    median ground, through the letters too, is the bar's tone. A dark band stacked on other
    fills (a table's header) is left as found."""
    out: list[Fill] = []
    for f in found:
        top, bottom, left, right, tone = f
        alone = not any(g is not f and g[0] - near <= bottom and top <= g[1] + near and g[2] < right and left < g[3]
                        and (g[1] <= top + 1 or g[0] >= bottom - 1) for g in found)
        if tone < DARK_FILL and alone:
            across = np.median(pixels[top + 1 : max(top + 2, bottom - 1), :], axis=0)
            bridge = max(2, (bottom - top) // 2)  # (a letter is narrower than its bar is tall)
            f = (top, bottom, min(left, _edge(across, tone, left + 1, -1, bridge)),
                 max(right, _edge(across, tone, right - 2, 1, bridge) + 1), tone)
        if not any(g[:4] == f[:4] for g in out):  # (pieces of one bar walked to its sides)
            out.append(f)
    return out


def _stretches(profile: np.ndarray, tone: int, max_gap: int, min_text: int) -> list[tuple[int, int]]:
    """The start and end (exclusive) of the runs of ``profile`` within the fill's tone, longest
    first, runs apart by up to ``max_gap`` lines darker than it (a line of type across the
    fill, at least ``min_text`` lines tall or only a little darker) taken as one; paper or a
    rule between two runs parts them (two cells of one colour, one over the other)."""
    ok = np.abs(profile.astype(np.int16) - tone) <= SAME_TONE
    padded = np.concatenate(([False], ok, [False])).astype(np.int8)
    # (a run of a line or two is a gap's noise, not the fill)
    found = [(a, e) for a, e in zip(np.flatnonzero(np.diff(padded) == 1).tolist(),
                                    np.flatnonzero(np.diff(padded) == -1).tolist(), strict=True) if e - a >= 3]
    if not found:
        return [(0, 0)]
    runs = [list(found[0])]
    for a, e in found[1:]:
        gap = profile[runs[-1][1] : a]
        # (a rule is a thin dark line, type is taller or greyer; paper is lighter)
        text = a - runs[-1][1] >= min_text or bool(np.all(gap >= tone - RULE_DARKER))
        if a - runs[-1][1] <= max_gap and bool(np.all(gap < tone + SAME_TONE)) and text:
            runs[-1][1] = e
        else:
            runs.append([a, e])
    return [(r[0], r[1]) for r in sorted(runs, key=lambda r: r[0] - r[1])]


def fills(pixels: np.ndarray, dpi: int) -> list[Fill]:
    """The even shaded areas of a page's pixels (see the module docstring), in pixels."""
    # The paper's tone: the page's margins at least are paper, though its median may be a
    # table's shading on a page full of table
    paper = int(np.percentile(pixels[::7, ::7], 90))
    b = max(4, round(BLOCK_POINTS * dpi / 72))
    tones = _block_tones(pixels, b)
    min_w = max(2, round(MIN_WIDTH_POINTS * dpi / 72 / b))
    min_h = MIN_HEIGHT_POINTS * dpi / 72
    groups = _stack([_row_runs(row, paper, min_w) for row in tones])
    out: list[Fill] = []
    for r0, r1, a, c, _ in groups:
        if (r1 - r0 + 1) * b < min_h - 2 * b:
            continue
        # the fill's tone: most of its squares' (its first run's may be its blurred edge)
        tone = int(np.median(tones[r0 : r1 + 1, a:c]))
        # edges to the pixel: top and bottom, the longest stretch of lines whose median ground
        # across the fill is its tone, looked for from four squares outside it on each side
        x0, x1, y0, y1 = a * b, c * b, r0 * b, (r1 + 1) * b
        lo_y, lo_x = max(0, y0 - 4 * b), max(0, x0 - b)
        down = np.median(pixels[lo_y : y1 + 4 * b, x0 + b : max(x0 + b + 1, x1 - b)], axis=1)
        stretches = _stretches(down, tone, 4 * b, round(MIN_TYPE_POINTS * dpi / 72))
        for k, (top, bottom) in enumerate(stretches):
            if k and bottom - top < min_h:
                continue  # (the longest is looked at as before; another only a fill's height)
            if (found := _fill_at(pixels, lo_y + top, lo_y + bottom, x0, x1, lo_x, b, tone, paper, dpi)) is not None:
                out.append(found)
    # a fill mostly on another is a detail or a piece of it (a progress bar, an icon's ring)
    kept = sorted(f for f in out if not any(g is not f and _within(f, g) for g in out))
    apart = [f for f in _apart([f for f in kept if f[1] - f[0] >= min_h], 5 * b) if f[1] - f[0] >= min_h]
    return _bars_to_their_sides(pixels, _pieces_joined(apart, 5 * b), b)


def _fill_at(pixels: np.ndarray, top: int, bottom: int, x0: int, x1: int, lo_x: int, b: int, tone: int, paper: int,
             dpi: int) -> Fill | None:
    """The fill from pixel line ``top`` to ``bottom`` of the group of squares from ``x0`` to
    ``x1``, its sides walked to from inside, or None where it is no even shaded area."""
    min_h = MIN_HEIGHT_POINTS * dpi / 72
    # (across, a column of pixels through a word is dark: the sides are walked to from inside)
    across = np.median(pixels[top + 1 : max(top + 2, bottom - 1), lo_x : x1 + b], axis=0)
    left = lo_x + _edge(across, tone, x0 + b - lo_x, -1)
    right = lo_x + _edge(across, tone, x1 - b - 1 - lo_x, 1) + 1
    if bottom - top < min_h or right - left < MIN_WIDTH_POINTS * dpi / 72:
        return None
    area = pixels[top:bottom, left:right]
    if np.count_nonzero(np.abs(area.astype(np.int16) - tone) <= SAME_TONE + 4) < EVEN * area.size:
        return None  # a photo or a drawing: no even ground
    if np.count_nonzero(area >= paper - MIN_DELTA // 2) > PAPER_SHARE * area.size:
        return None  # paper after all (a scan's grain under dense type)
    return top, bottom, left, right, tone


def _apart(found: list[Fill], near: int) -> list[Fill]:
    """Fills stacked one on the other (a table's row bands) meet at one line: where two found
    overlap (each edge ran on into the other's similar tone) or leave a gap of up to ``near``
    pixels (a band too pale to be found whole), halfway between. And the sides of a stack of
    fills found up to ``near`` pixels apart (blur, a row's first letters) line up on the
    outermost: a shaded table's bands share its sides, and sides a little apart would be
    columns."""
    out = sorted([list(f) for f in found])
    for f, g in ((f, g) for f in out for g in out if f is not g):
        if f[0] < g[0] <= f[1] + near and f[1] < g[1] and min(f[3], g[3]) - max(f[2], g[2]) > 0:
            f[1] = g[0] = (f[1] + g[0]) // 2
    for _ in range(len(out)):  # (a stack's sides line up pair by pair, down the stack)
        moved = False
        for f, g in ((f, g) for f in out for g in out if f[1] == g[0]):
            for side, outer in ((2, min), (3, max)):
                if f[side] != g[side] and abs(f[side] - g[side]) <= near:
                    f[side] = g[side] = outer(f[side], g[side])
                    moved = True
        if not moved:
            break
    return [(f[0], f[1], f[2], f[3], f[4]) for f in out]


def _pieces_joined(found: list[Fill], near: int) -> list[Fill]:
    """Two fills of one tone, one on the other and meeting at one line, their right sides
    together and the one's left side within the other's: one band, the upper piece's left
    part lost under a row's bold first line (its type too dense for the fill's ground)."""
    out = sorted(found)
    k = 0
    while k + 1 < len(out):
        (t0, b0, l0, r0, tone0), (t1, b1, l1, r1, tone1) = out[k], out[k + 1]
        if b0 == t1 and abs(tone0 - tone1) <= SAME_TONE and abs(r0 - r1) <= near and min(l0, l1) < max(l0, l1) < r0:
            out[k : k + 2] = [(t0, b1, min(l0, l1), max(r0, r1), (tone0 + tone1) // 2)]
            continue
        k += 1
    return out


def _within(f: Fill, g: Fill) -> bool:
    """Whether fill ``f`` is the smaller and lies mostly on fill ``g`` (its part or a detail)."""
    h = min(f[1], g[1]) - max(f[0], g[0])
    w = min(f[3], g[3]) - max(f[2], g[2])
    own = (f[1] - f[0]) * (f[3] - f[2])
    return h > 0 and w > 0 and h * w >= 0.6 * own and own < (g[1] - g[0]) * (g[3] - g[2])


def outside_fills(groups: list[tuple[int, int, int, int]], found: list[Fill], across: bool, dpi: int) -> list[tuple[int, int, int, int]]:
    """Rule groups (first line, last line, start, end; ``across``: horizontal ones) that do
    not lie inside a dark fill: there, a dark run is the ground between light letters. (A
    fill's found edge may lie a little inside its blurred true edge: a point or two of slack.)"""
    slack = round(EDGE_SLACK_POINTS * dpi / 72)

    def inside(g: tuple[int, int, int, int], f: Fill) -> bool:
        top, bottom, left, right, tone = f
        # across the run: within the fill; along it: mostly on the fill
        a, b, lo, hi = (top, bottom, left, right) if across else (left, right, top, bottom)
        along = min(g[3], hi) - max(g[2], lo)
        return tone < DARK_FILL and a - slack <= g[0] and g[1] <= b + slack and along >= 0.75 * (g[3] - g[2])
    return [g for g in groups if not any(inside(g, f) for f in found)]


def drawings(found: list[Fill], scale: float) -> list[Drawing]:
    """The fills as filled rects in points (``scale``: points per pixel), grey of their tone."""
    return [Drawing(bbox=(round(left * scale, 2), round(top * scale, 2), round(right * scale, 2), round(bottom * scale, 2)),
                    kind="rect", fill=tone * 0x010101)
            for top, bottom, left, right, tone in found]
