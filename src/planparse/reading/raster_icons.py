"""Status icons on a colour scan: a page image has no vector shapes, but a filled traffic-light
circle or square is still there as a compact blob of one saturated colour. Each such blob
becomes a filled shape (:class:`~planparse.reading.model.Drawing`) of its colour, so the icon
reading of born-digital documents (:mod:`planparse.layouts.icons`) reads it too.

A blob is an icon when it is icon-sized (4-16 pt each way), about as wide as high, and fills
most of its box (a disc fills 0.79 of it); a coloured letter of a heading or a link fills much
less of its box or is not square. A flag's pennant is wider than high, with nothing coloured
around it.

A grayscale scan has no saturated pixels. On a page without colour, an icon is a compact blob of
one even grey tone, lighter than ink and darker than the paper (:func:`gray_icons`): the tone
is kept (``Drawing.toneless``), and no colour is named from it; only a legend of the same tones
can map it (:mod:`planparse.layouts.icons`). The edges of letters have grey pixels too, but
their tone is uneven (ink in the middle), and a grey letter of a heading has neighbours on its
line."""

from __future__ import annotations

import math

import numpy as np

from planparse.reading.model import Drawing

DPI = 96  # pixels per inch of the rendering searched: an icon of 6 pt is 8 pixels wide
MIN_PT, MAX_PT = 4.0, 16.0
MIN_FILL = 0.6
MIN_SATURATION = 0.35  # (max - min) / max of the pixel's channels
MIN_VALUE = 60  # the brightest channel: darker pixels are ink, whatever their tint
# A pennant on its pole (an activity's flag): a blob wider than high, its pole too thin or too
# grey to count, at least MIN_FLAG_PT high, MIN_FLAG_W wide and filled to FLAG_FILL (a triangle
# fills half its box).
MIN_FLAG_PT, MIN_FLAG_W, FLAG_FILL = 2.0, 3.5, 0.5
MAX_BLOB_PIXELS = 2000  # a coloured area larger than this is a picture or a band, not an icon


def _blobs(mask: np.ndarray, largest: int, widest: int, narrowest: int = 1) -> list[tuple[np.ndarray, np.ndarray]]:
    """The 8-connected components of ``mask`` of at most ``largest`` pixels, at least
    ``narrowest`` and at most ``widest`` pixels each way (the specks and letters of a page,
    thousands, are dropped before their pixels are listed), each as its pixels' (rows, columns), in the order of their first pixel
    (row by row). Labelled by runs, all in numpy: each row's runs of set pixels, the runs
    that touch on the rows either side, and the components of that graph."""
    height, width = mask.shape
    padded = np.zeros((height, width + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    run_rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # exclusive; same order as the starts (row-major)
    n = len(starts)
    if n == 0:
        return []
    # Runs touching (8-connected) a run of the row above: for run j on row r, the runs of row
    # r - 1 from the first ending at or after its start to the last starting at or before its end.
    step = width + 2
    first = np.searchsorted(run_rows, np.arange(height + 1))  # each row's first run
    above = run_rows - 1
    lo = np.maximum(np.searchsorted(run_rows * step + ends, above * step + starts), first[np.maximum(above, 0)])
    hi = np.minimum(np.searchsorted(run_rows * step + starts, above * step + ends, side="right"), first[run_rows])
    count = np.where(run_rows > 0, np.maximum(hi - lo, 0), 0)
    jj = np.repeat(np.arange(n), count)
    ii = np.repeat(lo, count) + np.arange(len(jj)) - np.repeat(np.cumsum(count) - count, count)
    # Components: every run takes the least label it touches, then labels follow their own
    # label (pointer jumping), until nothing changes; a component's label is its first run.
    roots = np.arange(n)
    while len(ii):
        least = np.minimum(roots[ii], roots[jj])
        before = roots.copy()
        np.minimum.at(roots, ii, least)
        np.minimum.at(roots, jj, least)
        for _ in range(4):
            roots = roots[roots]
        if np.array_equal(roots, before):
            break
    order = np.argsort(roots, kind="stable")
    cuts = np.concatenate([[0], np.flatnonzero(np.diff(roots[order])) + 1])
    rows, lo, hi = run_rows[order], starts[order], ends[order]
    sizes = np.add.reduceat(hi - lo, cuts)
    tall = np.maximum.reduceat(rows, cuts) - np.minimum.reduceat(rows, cuts) + 1
    wide = np.maximum.reduceat(hi, cuts) - np.minimum.reduceat(lo, cuts)
    keep = (sizes <= largest) & (tall <= widest) & (wide <= widest) & (tall >= narrowest) & (wide >= narrowest)
    out: list[tuple[np.ndarray, np.ndarray]] = []
    for k in np.flatnonzero(keep):
        a, b = cuts[k], cuts[k + 1] if k + 1 < len(cuts) else len(order)
        ys = np.repeat(rows[a:b], hi[a:b] - lo[a:b])
        xs = np.concatenate([np.arange(x0, x1) for x0, x1 in zip(lo[a:b], hi[a:b], strict=True)])
        out.append((ys, xs))
    return out


def icons(rgb: np.ndarray, dpi: int = DPI) -> list[Drawing]:
    """The filled colour icons in a page image (``rgb``: height × width × 3, uint8), as
    filled shapes in page points."""
    pixels = rgb.astype(np.int16)
    hi = pixels.max(axis=2)
    lo = pixels.min(axis=2)
    mask = (hi >= MIN_VALUE) & ((hi - lo) >= MIN_SATURATION * np.maximum(hi, 1))
    if not mask.any():
        return []
    k = 72.0 / dpi
    out: list[Drawing] = []
    for ys, xs in _blobs(mask, MAX_BLOB_PIXELS, math.ceil(MAX_PT * dpi / 72) + 1, math.floor(MIN_FLAG_PT * dpi / 72)):
        y0, y1, x0, x1 = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
        w, h = (x1 - x0) * k, (y1 - y0) * k
        flag = MIN_FLAG_PT <= h < MIN_PT and MIN_FLAG_W <= w <= MAX_PT and 1.15 <= w / h <= 2.5
        if not (flag or MIN_PT <= w <= MAX_PT and MIN_PT <= h <= MAX_PT and 0.75 <= w / h <= 1.33):
            continue
        if len(ys) < (FLAG_FILL if flag else MIN_FILL) * (x1 - x0) * (y1 - y0):
            continue
        # a letter of a coloured word has coloured neighbours on its line; an icon stands alone
        gap = max(2, round(0.6 * (y1 - y0)), round(0.6 * (x1 - x0)) if flag else 0)
        if mask[y0:y1, max(0, x0 - gap) : x0].any() or mask[y0:y1, x1 : x1 + gap].any():
            continue
        if flag and (mask[max(0, y0 - gap) : y0, x0:x1].any() or mask[y1 : y1 + gap, x0:x1].any()):
            continue
        colour = np.median(rgb[ys, xs], axis=0).astype(int)
        fill = (int(colour[0]) << 16) | (int(colour[1]) << 8) | int(colour[2])
        # light pixels in the middle of the blob: a symbol drawn in it (a white check mark)
        cy0, cy1, cx0, cx1 = y0 + (y1 - y0) // 4, y1 - (y1 - y0) // 4, x0 + (x1 - x0) // 4, x1 - (x1 - x0) // 4
        middle = pixels[cy0:cy1, cx0:cx1]
        light = float(((middle.min(axis=2) >= 120) & ~mask[cy0:cy1, cx0:cx1]).mean()) if middle.size else 0.0
        if flag:  # (the flag's box down its pole: as high as the flag is wide)
            out.append(Drawing(bbox=(x0 * k, y0 * k, x1 * k, y0 * k + w), kind="shape", fill=fill))
            continue
        out.append(Drawing(bbox=(x0 * k, y0 * k, x1 * k, y1 * k), kind="shape", fill=fill,
                           mark=MARK_SHARE < light <= MAX_MARK))  # fmt: skip
    return out


# Grey icons: the tones between ink and paper (at least PAPER_CONTRAST under the paper or the
# shaded row around), how even a blob's tone must be (standard deviation: a disc under JPEG
# noise ≈ 10, the edges of letters ≥ 30), and the share of a page's pixels that may be
# saturated for the page to count as one without colour.
GRAY_MIN = 60
PAPER_CONTRAST = 18
MAX_MARK = 0.3  # the most of an icon's middle a light symbol in it may take
MARK_SHARE = 0.1  # the least: less is noise
PAPER_BLOCK = 24  # pixels: the paper's tone is read per block (an icon is smaller)
GRAY_MAX_SPREAD = 14.0
GRAY_MIN_FILL = 0.55  # (a disc with a white check mark inside fills less of its box)
COLOURLESS_SHARE = 0.0005


def colourless(rgb: np.ndarray) -> bool:
    """Whether a page image holds (almost) no saturated pixel: a grayscale scan."""
    pixels = rgb.astype(np.int16)
    hi = pixels.max(axis=2)
    chroma = hi - pixels.min(axis=2)
    return float(((hi >= MIN_VALUE) & (chroma >= MIN_SATURATION * np.maximum(hi, 1))).mean()) <= COLOURLESS_SHARE


def paper(gray: np.ndarray, b: int = PAPER_BLOCK) -> np.ndarray:
    """The tone of the paper (or of a shaded row) around each pixel: the 90th percentile of its
    block of ``b`` pixels (:data:`PAPER_BLOCK`)."""
    height, width = gray.shape
    ny, nx = -(-height // b), -(-width // b)
    padded = np.pad(gray, ((0, ny * b - height), (0, nx * b - width)), mode="edge")
    blocks = padded.reshape(ny, b, nx, b).transpose(0, 2, 1, 3).reshape(ny, nx, b * b)
    tone = np.percentile(blocks, 90, axis=2)
    return np.repeat(np.repeat(tone, b, axis=0), b, axis=1)[:height, :width]


def _long_runs(mask: np.ndarray, length: int) -> np.ndarray:
    """The pixels of ``mask`` in a run of at least ``length`` along the last axis."""
    height, width = mask.shape
    if width < length:
        return np.zeros_like(mask)
    c = np.zeros((height, width + 1), dtype=np.int32)
    np.cumsum(mask, axis=1, out=c[:, 1:])
    full = (c[:, length:] - c[:, :-length]) == length  # the window starting here is all set
    s = np.zeros((height, width + 1), dtype=np.int32)
    np.cumsum(np.pad(full, ((0, 0), (0, length - 1))), axis=1, out=s[:, 1:])
    covered = s[:, 1:] - np.pad(s[:, 1:], ((0, 0), (length, 0)))[:, :width]  # window starts in (j - length, j]
    return covered > 0


def _rules(mask: np.ndarray, length: int, thickness: int = 0) -> np.ndarray:
    """The pixels of ``mask`` on a horizontal or vertical line longer than any icon. With a
    ``thickness`` (pixels), only a vertical line no thicker than that: icons stacked in a
    table's column (one a row, each touching the rules between the rows) make a long run down
    their middles, but a wide one."""
    down = _long_runs(mask.T, length).T
    if thickness:  # (as wide as an icon, no wider: a shaded band's run is no icon's)
        down &= ~(_long_runs(mask, thickness + 1) & ~_long_runs(mask, length // 2 + 2))
    return _long_runs(mask, length) | down


def _inner(ys: np.ndarray, xs: np.ndarray, height: int, width: int, box: np.ndarray) -> np.ndarray:
    """The tones of a blob's pixels off its rim (all four neighbours in the blob): the rim of a
    small disc is half ink, half paper."""
    own = np.zeros((height + 2, width + 2), dtype=bool)
    own[ys + 1, xs + 1] = True
    inner = own[1:-1, 1:-1] & own[:-2, 1:-1] & own[2:, 1:-1] & own[1:-1, :-2] & own[1:-1, 2:]
    return box[inner].astype(float)


def _unstacked(blobs: list[tuple[np.ndarray, np.ndarray]], widest: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The blobs no wider or higher than ``widest`` pixels, and a blob up to twice as high
    split at its narrowest row in its middle third when that row is a thin neck between two
    halves of one size: two icons in a table's column, one a row, joined by a speck of the
    rule between them."""
    out: list[tuple[np.ndarray, np.ndarray]] = []
    for ys, xs in blobs:
        top, height, width = int(ys.min()), int(ys.max() - ys.min()) + 1, int(xs.max() - xs.min()) + 1
        if height <= widest and width <= widest:
            out.append((ys, xs))
            continue
        if width > widest:
            continue
        rows = np.bincount(ys - top)
        lo, hi = height // 3, height - height // 3
        neck = lo + int(np.argmin(rows[lo:hi]))
        if rows[neck] > NECK * rows.max():
            continue
        halves = [(ys[sel], xs[sel]) for sel in (ys < top + neck, ys > top + neck)]
        sizes = [(int(y.max() - y.min()) + 1, int(x.max() - x.min()) + 1) for y, x in halves if len(y)]
        # two icons alike: the same size within a pixel or two (a neck in a shape is no pair)
        if len(sizes) == 2 and all(abs(a - b) <= max(2, 0.15 * max(a, b)) for a, b in zip(*sizes, strict=True)):
            out += halves
    return out


NECK = 0.3  # a neck's width, at most, against the widest row of the blob
RULE_PT = 2.5  # the thickest table rule (a scan thickens a hairline to a point or two)


def gray_icons(gray: np.ndarray, dpi: int = DPI) -> list[Drawing]:
    """The filled icons of one even grey tone in a page image without colour (``gray``: height
    × width, 0-255), as toneless filled shapes in page points."""
    mask = (gray >= GRAY_MIN) & (gray <= paper(gray) - PAPER_CONTRAST)
    mask &= ~_rules(mask, round(2 * MAX_PT * dpi / 72), round(RULE_PT * dpi / 72))  # an icon touching a table rule
    k = 72.0 / dpi
    out: list[Drawing] = []
    widest = math.ceil(MAX_PT * dpi / 72) + 1
    for ys, xs in _unstacked(_blobs(mask, 2 * MAX_BLOB_PIXELS, 2 * widest + 2, math.floor(MIN_PT * dpi / 72)), widest):
        if len(ys) < 12:
            continue
        y0, y1, x0, x1 = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
        w, h = (x1 - x0) * k, (y1 - y0) * k
        if not (MIN_PT <= w <= MAX_PT and MIN_PT <= h <= MAX_PT and 0.75 <= w / h <= 1.33):
            continue
        if len(ys) < GRAY_MIN_FILL * (x1 - x0) * (y1 - y0):
            continue
        tones = _inner(ys - y0, xs - x0, y1 - y0, x1 - x0, gray[y0:y1, x0:x1])
        if tones.size < 6:
            continue
        tone = float(np.median(tones))
        q1, q3 = np.percentile(tones, [25, 75])
        if float(q3 - q1) >= GRAY_MAX_SPREAD or (gray[y0:y1, x0:x1] < GRAY_MIN).any():
            continue
        # a grey letter has letters of its tone beside it on its line; an icon stands alone
        gap = max(2, round(0.6 * (y1 - y0)))
        near = np.concatenate([gray[y0:y1, max(0, x0 - gap): x0], gray[y0:y1, x1: x1 + gap]], axis=1)
        beside = np.abs(near.astype(np.int16) - round(tone)) <= GRAY_MAX_SPREAD
        if beside.size and beside.mean() > 0.15:
            continue
        # light pixels inside the disc's middle: a symbol (a check mark) drawn in it; a letter's
        # ring ("o", "e") is mostly light there
        cy0, cy1 = y0 + (y1 - y0) // 4, y1 - (y1 - y0) // 4
        cx0, cx1 = x0 + (x1 - x0) // 4, x1 - (x1 - x0) // 4
        light = float((gray[cy0:cy1, cx0:cx1] > tone + 2 * GRAY_MAX_SPREAD).mean())
        if light > MAX_MARK:
            continue
        mark = light > MARK_SHARE
        t = int(round(tone))
        out.append(Drawing(bbox=(x0 * k, y0 * k, x1 * k, y1 * k), kind="shape", fill=(t << 16) | (t << 8) | t,
                           toneless=True, mark=mark))  # fmt: skip
    return out


def page_icons(page: object, fills: list[Drawing] | None = None) -> list[Drawing]:
    """:func:`icons` of a PyMuPDF page, rendered in colour at :data:`DPI`; on a page without
    colour, its :func:`gray_icons`. ``fills``: shaded areas found in the page's grey image,
    given their colour here (:func:`colour_fills`)."""
    import pymupdf

    assert isinstance(page, pymupdf.Page)
    pix = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csRGB, alpha=False)
    rgb = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3)
    colour_fills(rgb, DPI, fills or [])
    found = gray_icons(rgb.mean(axis=2)) if colourless(rgb) else _with_gray(icons(rgb, DPI), rgb)
    # Hundreds of "icons" on a page are the letters of coloured text, not statuses.
    return found if len(found) <= MAX_ICONS else []


MAX_ICONS = 60  # status icons a page can hold (a full activity table's column, its legend)


def _with_gray(found: list[Drawing], rgb: np.ndarray) -> list[Drawing]:
    """A colour page's icons with its grey ones that stand in a column of colour icons (a
    legend's or a status column's "not assessed" disc among the traffic lights): a grey icon
    elsewhere on a colour page is more likely a grey letter or mark of the layout."""
    if not found:
        return found
    grey = [g for g in gray_icons(rgb.mean(axis=2))
            if not any(_meets(g.bbox, f.bbox) for f in found)
            and any(abs((g.bbox[0] + g.bbox[2]) - (f.bbox[0] + f.bbox[2])) / 2 <= (f.bbox[2] - f.bbox[0]) / 2
                    for f in found)]
    return found + grey


def _meets(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two icon boxes are one icon: they share half the smaller's area (icons stacked
    in a column touch at their edges)."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w > 0 and h > 0 and w * h > 0.5 * smaller


FILL_COLOUR_SHARE = 0.5  # the least share of a shaded area's pixels in one colour for it to have that colour
_FILL_INSET = 2.0  # points inside a shaded area's found edges, off its rules and blurred edges


def colour_fills(rgb: np.ndarray, dpi: int, fills: list[Drawing]) -> None:
    """Give each shaded area found in a grey page image (a rect filled with its grey tone)
    the colour it has in the page's colour image ``rgb`` rendered at ``dpi``: the median of
    its saturated pixels, where they are most of it (a colour scan's green, yellow or red
    table cell). Grey areas stay as found."""
    scale = dpi / 72
    for d in fills:
        if d.kind != "rect" or d.fill is None or d.fill != (d.fill & 255) * 0x010101:
            continue
        x0, y0, x1, y1 = (round((v + k * _FILL_INSET) * scale) for v, k in zip(d.bbox, (1, 1, -1, -1), strict=True))
        area = rgb[max(0, y0):max(0, y1), max(0, x0):max(0, x1)].reshape(-1, 3).astype(np.int16)
        if len(area) == 0:
            continue
        hi = area.max(axis=1)
        vivid = (hi >= MIN_VALUE) & (hi - area.min(axis=1) >= MIN_SATURATION * np.maximum(hi, 1))
        if vivid.mean() >= FILL_COLOUR_SHARE:
            r, g, b = (int(v) for v in np.median(area[vivid], axis=0))
            d.fill = (r << 16) | (g << 8) | b
