"""Table rules found in a page image: a scan has no vector drawings, but its tables' rules are
still there as long dark runs of pixels. Found here as :class:`Drawing` lines in PDF points,
the same kind the vector reader gives, so a scanned ruled table is read like a native one.
Dark rules are runs of ink; grey hairlines, which a scan makes lighter than ink and breaks up,
are read again against the paper's own tone. The image Tesseract reads is cleaned of those
faint rules and of specks (:func:`rules_and_clean_image`).
"""

from __future__ import annotations

import numpy as np

from planparse.reading import raster_fills
from planparse.reading.model import Drawing

DARK = 160  # a pixel darker than this (0-255 grey) is ink (anti-aliased rules included)
MIN_H = 0.12  # a horizontal rule spans at least this share of the page width
MIN_V_POINTS = 16.0  # a vertical rule is at least this long (points): taller than a letter
MAX_THICK_POINTS = 2.5  # thicker runs are filled areas or bold strokes, not rules
FAINT = 28  # a faint rule's pixels are at least this much darker than the paper
GAP_POINTS = 1.0  # breaks in a faint rule up to this long (points) are bridged
FAINT_THICK_POINTS = 1.5  # a faint rule is a hairline: at most this thick (points) across
MIN_THIN = 0.85  # ... along this share of its length at least (dots: about half)
MAX_SIDE_INK = 0.4  # ... and its neighbouring rows (see _side_ink) ink along this share of it at most
BRIDGED_SIDE_INK = 0.1  # ... at most this share where it is thin only across its bridged breaks (a
# dithered hairline's dots on a 1-bit scan; letters stacked in two text lines have ink beside them)
FRINGE = 14  # a rule's painted over down to this much darker than the paper (its grey fringe)
LETTER_CORE = 100  # in a faint rule's band a pixel darker than this is a letter's, not the rule's
SIDE_POINTS = 2.0  # how far (points) from a faint rule its neighbouring rows are looked at
SPECK_REACH_POINTS = 3.0  # a speck has no other ink within this distance (points)
SPECK_PIXELS = 5  # ... and is at most this many ink pixels (at 200 dpi)


def _pgm(image: bytes) -> np.ndarray | None:
    """The pixels of a binary PGM (P5, 8 bit) image, as :func:`render_gray` makes them."""
    parts: list[bytes] = []
    pos = 0
    while len(parts) < 4:
        while image[pos : pos + 1].isspace():
            pos += 1
        if image[pos : pos + 1] == b"#":
            pos = image.index(b"\n", pos) + 1
            continue
        end = pos
        while not image[end : end + 1].isspace():
            end += 1
        parts.append(image[pos:end])
        pos = end
    if parts[0] != b"P5" or int(parts[3]) > 255:
        return None
    w, h = int(parts[1]), int(parts[2])
    data = np.frombuffer(image, dtype=np.uint8, count=w * h, offset=pos + 1)
    return data.reshape(h, w)


def _runs(mask: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """(line index, start, end) of runs of True at least ``min_len`` long, per row of ``mask``."""
    # only rows with that much ink at all can hold such a run (most of a page's rows cannot)
    lines = np.flatnonzero(np.count_nonzero(mask, axis=1) >= min_len)
    if lines.size == 0:
        return []
    sub = mask[lines]
    padded = np.zeros((sub.shape[0], sub.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = sub
    edges = np.diff(padded, axis=1)
    out = []
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    index = lines.tolist()
    for r, a, b in zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True):
        if b - a >= min_len:
            out.append((index[r], a, b))
    return out


def _group(runs: list[tuple[int, int, int]], max_thick: int) -> list[tuple[int, int, int, int]]:
    """Runs on adjacent lines that overlap, as (first line, last line, start, end)."""
    out: list[list[int]] = []
    for r, a, b in sorted(runs):
        target = None
        for g in reversed(out):
            if g[1] < r - 1:
                break
            if g[1] == r - 1 and a < g[3] and b > g[2]:
                target = g
                break
        if target is None:
            out.append([r, r, a, b])
        else:
            target[1], target[2], target[3] = r, min(target[2], a), max(target[3], b)
    # A rule is thin, but a skewed one climbs across lines along its length (up to about
    # 0.7 degrees is allowed).
    return [(g[0], g[1], g[2], g[3]) for g in out if g[1] - g[0] + 1 <= max_thick + 0.012 * (g[3] - g[2])]


def _paper(pixels: np.ndarray) -> int:
    """The page's paper tone: the median grey of a sample of its pixels (most of a page is
    paper, whatever the scanner's tint)."""
    return int(np.median(pixels[::7, ::7]))


def _close(mask: np.ndarray, gap: int) -> np.ndarray:
    """``mask`` with gaps of up to ``gap`` pixels along each row filled: a faint rule that JPEG
    noise broke into dashes is one run again."""
    out = mask.copy()
    for k in range(1, gap + 1):
        bridged = mask[:, : -k - 1] & mask[:, k + 1 :]
        for j in range(1, k + 1):
            out[:, j : j + bridged.shape[1]] |= bridged
    return out


def _found(
    ink: np.ndarray, scale: float, thick: int, gap: int = 0
) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int, int, int]]]:
    """Horizontal groups (first row, last row, start, end) and vertical groups (first column,
    last column, start, end) of ink runs long enough to be rules."""
    # A slightly skewed scan steps its rules by a pixel now and then: each pixel row (column)
    # is read together with the next, so a rule's run goes on across a step. A horizontal
    # rule's row with the next two: at about 0.8 degrees a hairline's steps, two rows
    # together, are shorter than a rule's least run, and only three rows reach it.
    across = ink.copy()
    across[:-1] |= ink[1:]
    across[:-2] |= ink[2:]
    down = ink.copy()
    down[:, :-1] |= ink[:, 1:]
    if gap:
        across = _close(across, gap)
        down = _close(down.T, gap).T
    hs = [_traced(across, g) for g in _group(_runs(across, round(MIN_H * ink.shape[1])), thick)]
    vs = _group(_runs(down.T, round(MIN_V_POINTS / scale)), thick)
    return hs, vs


def _traced(mask: np.ndarray, g: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """A horizontal group with its ends followed on along the rule. A skewed rule is a stair of
    runs, one a pixel row; the last step at either end can be shorter than a rule's least
    run, and the group would stop a step short of the table's side (a bottom rule that seems
    not to run across its table). From each end, the run on the next row up or down that
    goes on from it further out is the rule's, step after step."""
    first, last, a, b = g
    for toward in (-1, 1):
        end = a if toward < 0 else b - 1  # the group's outermost ink column on that side
        # (the rule's row at that end: the one inked furthest in from it, not a letter's
        # stroke that touches the band there)
        inward = mask[first : last + 1, b - 1 : a - 1 if a else None : -1] if toward > 0 else mask[first : last + 1, a:b]
        reach_in = np.where(inward.all(axis=1), inward.shape[1], inward.argmin(axis=1))
        if not reach_in.any():
            continue
        row = first + int(reach_in.argmax())
        while True:
            best: tuple[int, int] | None = None
            for r in (row - 1, row + 1):
                if not 0 <= r < mask.shape[0] or not mask[r, end]:
                    continue  # (the next step overlaps this one: a rule's runs do, "across")
                reach = end
                while 0 <= reach + toward < mask.shape[1] and mask[r, reach + toward]:
                    reach += toward
                if reach != end and (best is None or (reach - best[1]) * toward > 0):
                    best = (r, reach)
            if best is None:
                break
            row, end = best
            first, last = min(first, row), max(last, row)
        if toward < 0:
            a = end
        else:
            b = end + 1
    return first, last, a, b


def _side_ink(ink: np.ndarray, g: tuple[int, int, int, int], off: int) -> float:
    """The most ink, as a share of a horizontal group's length (a vertical one's: pass the
    transposed mask), on a pixel row 3 to ``off`` rows above or below it: a rule stands on its
    own, a row of letters' feet (a serif font's baseline) has the letters above it."""
    first, last, a, b = g
    rows = [*range(first - off, first - 2), *range(last + 3, last + off + 1)]
    rows = [r for r in rows if 0 <= r < ink.shape[0]]
    if not rows:
        return 0.0
    return float(ink[rows, a:b].mean(axis=1).max())


def _thin_share(ink: np.ndarray, g: tuple[int, int, int, int], most: int, gap: int = 0) -> float:
    """The share of a horizontal group's length (a vertical one's: pass the transposed mask)
    where its band holds a thin stroke: 1 to ``most`` ink pixels across. A rule, even a broken
    or skewed one, is thin nearly all along; a dotted leader is empty between its dots, a word
    in bold is a row of letters as tall as the band."""
    first, last, a, b = g
    if b - a > 4 * most:  # (its ends, where the rules it meets cross it, are not its own)
        a, b = a + most, b - most
    count = ink[max(0, first - 1) : last + 2, a:b].sum(axis=0)
    inked = _close((count >= 1)[None, :], gap)[0] if gap else count >= 1
    return float((inked & (count <= most)).mean())


def _faint_rule(ink: np.ndarray, g: tuple[int, int, int, int], off: int, most: int, gap: int = 0) -> bool:
    """Whether a group found at the faint level is a rule: thin all along and on its own. With
    ``gap``, one thin only across the breaks its finding bridged is a rule when it stands
    clear of all ink beside it (see :data:`BRIDGED_SIDE_INK`)."""
    side = _side_ink(ink, g, off)
    if side >= MAX_SIDE_INK:
        return False
    if _thin_share(ink, g, most) >= MIN_THIN:
        return True
    return bool(gap) and side < BRIDGED_SIDE_INK and _thin_share(ink, g, most, gap) >= MIN_THIN


def _longer(dark: Groups, faint: Groups, near: int) -> tuple[Groups, Groups]:
    """The rules of both passes, each rule once, as (rules with ink dark somewhere along them,
    rules only faint): a faint group on the same line as dark ones replaces them when it is
    longer than each (a grey rule whose darkest stretches alone pass as ink: its pieces are one
    rule), else it is left out."""
    kept = list(dark)
    replaced: Groups = []
    extra: Groups = []
    for g in faint:
        same = [d for d in kept if _overlaps(g, [d], near)]
        if any(d[3] - d[2] >= g[3] - g[2] for d in same):
            continue
        kept = [d for d in kept if d not in same]
        if same:  # (the rule is the pieces together: a dark stretch may reach past the faint one)
            g = (min(g[0], *(d[0] for d in same)), max(g[1], *(d[1] for d in same)),
                 min(g[2], *(d[2] for d in same)), max(g[3], *(d[3] for d in same)))
        (replaced if same else extra).append(g)
    return sorted(kept + replaced), extra


def _overlaps(g: tuple[int, int, int, int], others: list[tuple[int, int, int, int]], near: int) -> bool:
    """Whether ``g`` lies on one of ``others`` (within ``near`` pixels across, overlapping along)."""
    first, last, a, b = g
    return any(o[0] - near <= last and first <= o[1] + near and a < o[3] and b > o[2] for o in others)


Groups = list[tuple[int, int, int, int]]


def _rule_groups(
    pixels: np.ndarray, dpi: int, shaded: list[raster_fills.Fill] | None = None
) -> tuple[Groups, Groups, Groups, Groups]:
    """The horizontal and vertical rules' pixel groups (see :func:`_group`) in a page's pixels,
    those dark enough to be ink and the faint ones (see below). ``shaded``: the page's fills
    (see :func:`raster_fills.fills`), whose ground is no faint ink."""
    scale = 72.0 / dpi
    thick = max(1, round(MAX_THICK_POINTS / scale))
    ink = pixels < DARK
    # A fill darker than the ink level (a colour scan's green or red cell in grey) is no ink:
    # on it only what is darker than its ground is, so the rules along its edges stay rules
    # and are not one thick group with the fill.
    for top, bottom, left, right, tone in shaded or ():
        if raster_fills.DARK_FILL <= tone < DARK:  # (a darker one holds light text: see outside_fills)
            ink[top:bottom, left:right] = pixels[top:bottom, left:right] < tone - FAINT
    hs, vs = _found(ink, scale, thick)
    # Thin grey rules (a hairline in a light grey, blurred by the scan) stay lighter than the
    # ink threshold: read again against the paper's own tone, with short breaks bridged. A run
    # found so is a rule only where it stands alone (paper on both sides) and the first pass
    # has no rule there.
    faint_level = _paper(pixels) - FAINT
    if faint_level > DARK:
        faint = pixels < faint_level
        # A shaded band's ground is darker than the faint level: a grey side rule next to it
        # (a table's frame beside its shaded header) would be one group with the band, far
        # too thick for a rule, and be lost with it all down the table. On a band, a faint
        # rule (a header's column divider) is read against the band's own tone.
        for top, bottom, left, right, tone in shaded or ():
            faint[top:bottom, left:right] = pixels[top:bottom, left:right] < tone - FAINT
        off = max(3, round(SIDE_POINTS / scale))
        gap = max(1, round(GAP_POINTS / scale))
        fh, fv = _found(faint, scale, thick, gap)
        most = max(2, round(FAINT_THICK_POINTS / scale))
        # (an upright one is thin across the breaks its finding bridged: a hairline dithered
        # into dots on a 1-bit scan is blank along a sixth of its length; a text line's feet
        # bridged so would pass as a row rule, but nothing in text stands that long upright)
        fh = [g for g in fh if _faint_rule(faint, g, off, most)]
        fv = [g for g in fv if _faint_rule(faint.T, g, off, most, gap)]
        hs, fh = _longer(hs, fh, thick)
        vs, fv = _longer(vs, fv, thick)
    else:
        fh, fv = [], []
    return hs, vs, fh, fv


def rules(image: bytes, dpi: int) -> list[Drawing]:
    """Horizontal and vertical rules in a page image rendered at ``dpi``."""
    return rules_and_clean_image(image, dpi)[0]


def _drawings(hs: Groups, vs: Groups, scale: float) -> list[Drawing]:
    out: list[Drawing] = []
    for y0, y1, x0, x1 in hs:
        out.append(Drawing(bbox=(x0 * scale, y0 * scale, x1 * scale, (y1 + 1) * scale), kind="hline", stroke=0))
    for x0, x1, y0, y1 in vs:
        out.append(Drawing(bbox=(x0 * scale, y0 * scale, (x1 + 1) * scale, y1 * scale), kind="vline", stroke=0))
    return [
        Drawing(bbox=tuple(round(v, 2) for v in d.bbox), kind=d.kind, stroke=0)  # type: ignore[arg-type]
        for d in out
    ]


def _erase(pixels: np.ndarray, groups: Groups, level: int, most: int, paper: int, cores: bool = False) -> None:
    """Paint the thin ink of horizontal faint-rule groups (vertical ones: pass the transposed
    pixels) over with the paper tone, column by column, the rule's grey fringe with it: where a
    letter crosses the rule (more ink across the band than a rule is thick), the column is left
    alone. With ``cores`` the pixels darker than :data:`LETTER_CORE` stay: a row rule tilted
    with the page has a group as tall as its tilt, and a row of letters may stand in its band
    with their feet (painted over, "Kollektivtrafik" reads "Kallaktivtrafik", "0,6" "U,0"); a
    faint rule has no such dark pixels."""
    for first, last, a, b in groups:
        top, bottom = max(0, first - 2), min(pixels.shape[0], last + 3)
        band = pixels[top:bottom, a:b]
        ink = band < level
        thin = ink.sum(axis=0) <= most
        band[ink & thin[None, :] & ((band >= LETTER_CORE) if cores else True)] = paper


def _on_fill(g: tuple[int, int, int, int], shaded: list[raster_fills.Fill], across: bool) -> bool:
    """Whether a rule group (horizontal: ``across``) touches one of the fills: it crosses or
    borders the fill's area, a few pixels of slack around it."""
    first, last, a, b = g
    for top, bottom, left, right, _ in shaded:
        lo, hi, start, end = (top, bottom, left, right) if across else (left, right, top, bottom)
        if first <= hi + 3 and last >= lo - 3 and a < end and b > start:
            return True
    return False


def without_rules(image: bytes, dpi: int) -> bytes:
    """The page image cleaned for OCR (see :func:`rules_and_clean_image`)."""
    return rules_and_clean_image(image, dpi)[1]


def _specks(pixels: np.ndarray, dpi: int) -> np.ndarray:
    """The pixels of specks: dark dots of a few pixels with no other ink around them (a scan's
    dust and noise), which Tesseract reads as "=", "I", ";" or glues to a word's box. A letter's
    pixels, an umlaut's dots and a full stop have ink of their letters or of themselves near."""
    paper = _paper(pixels)
    level = (paper + int(np.percentile(pixels[::3, ::3], 1))) // 2
    ink = pixels < level
    r = max(2, round(SPECK_REACH_POINTS * dpi / 72))
    most = max(2, round(SPECK_PIXELS * (dpi / 200) ** 2))
    # ink pixels in the (2r+1)-square around each pixel, from the integral image
    k = 2 * r + 1
    # (16-bit sums wrap around on a page, but a window's difference of them is exact: it
    # holds at most k * k < 2 ** 16 pixels; half the memory traffic of 32 bits)
    whole = np.zeros((ink.shape[0] + k, ink.shape[1] + k), dtype=np.uint16)
    whole[r + 1 : r + 1 + ink.shape[0], r + 1 : r + 1 + ink.shape[1]] = ink
    whole = whole.cumsum(0, dtype=np.uint16).cumsum(1, dtype=np.uint16)
    around = whole[k:, k:] - whole[:-k, k:] - whole[k:, :-k] + whole[:-k, :-k]
    speck = ink & (around <= most)
    # with its grey fringe: the paler pixels next to it
    grown = speck.copy()
    grown[1:] |= speck[:-1]
    grown[:-1] |= speck[1:]
    grown[:, 1:] |= grown[:, :-1].copy()
    grown[:, :-1] |= grown[:, 1:].copy()
    return grown & (pixels < paper)


def rules_and_clean_image(image: bytes, dpi: int, level: bool = True) -> tuple[list[Drawing], bytes]:
    """The rules in a page image rendered at ``dpi``, and the image cleaned for OCR: the rules
    found only at the faint level painted over in the paper's tone (Tesseract reads a faint
    rule's broken grey line as letters, "SS", "RA", and its noise as words of their own, while
    it keeps a dark rule's cells apart), and the page's specks (see :func:`_specks`).

    A page scanned askew steps a hairline by a pixel every sixty or so, into runs too short
    for a rule: where the page read sheared level (each pixel column moved by its tilt) shows
    clearly more rule than read as it is, that reading is taken, put back where it stands (a
    tilted rule boxed as tall as it climbs, for :func:`.deskew.straighten` to level with the
    page's words); ``level`` False leaves the page as it is read."""
    pixels = _pgm(image)
    if pixels is None:
        return [], image
    paper = _paper(pixels)
    found = _read(pixels, dpi)
    drawings, clean = _result(image, pixels, found, dpi, paper)
    shifts = _shifts(pixels.shape[1], _skew(pixels, paper)) if level else None
    if shifts is not None:
        levelled = _read(_shear(pixels, shifts, paper), dpi)
        if _rule_length(levelled) > LEVEL_GAIN * _rule_length(found):
            # (the image Tesseract reads stays the one cleaned as it is: cleaned level and put
            # back, its letters' pixels change, and so may its reading of them)
            drawings = _unsheared(levelled, dpi, shifts)
    return drawings, clean


Reading = tuple[Groups, Groups, Groups, Groups, list[raster_fills.Fill]]


def _read(pixels: np.ndarray, dpi: int) -> Reading:
    """The rules' groups of a page's pixels, dark and faint (see :func:`_rule_groups`), outside
    its fills, and the fills."""
    shaded = raster_fills.fills(pixels, dpi)
    hs, vs, fh, fv = _rule_groups(pixels, dpi, shaded)
    if shaded:
        hs, fh = (raster_fills.outside_fills(g, shaded, True, dpi) for g in (hs, fh))
        vs, fv = (raster_fills.outside_fills(g, shaded, False, dpi) for g in (vs, fv))
    return hs, vs, fh, fv, shaded


def _rule_length(read: Reading) -> int:
    """The length of the horizontal rules of a reading, each counted once."""
    return sum(g[3] - g[2] for g in _distinct(read[0] + read[2]))


def _distinct(groups: Groups) -> Groups:
    """Horizontal groups with those on overlapping rows and spans joined: a rule the dark and
    the faint reading both found, or found twice, is one."""
    out: list[tuple[int, int, int, int]] = []
    for g in sorted(groups):
        k = next((k for k, o in enumerate(out) if g[0] <= o[1] + 1 and o[0] <= g[1] + 1 and g[2] <= o[3] and o[2] <= g[3]), None)
        if k is None:
            out.append(g)
        else:
            o = out[k]
            out[k] = (min(o[0], g[0]), max(o[1], g[1]), min(o[2], g[2]), max(o[3], g[3]))
    return out


def _result(image: bytes, pixels: np.ndarray, read: Reading, dpi: int, paper: int) -> tuple[list[Drawing], bytes]:
    """The drawings of a reading and the page cleaned (see :func:`rules_and_clean_image`)."""
    hs, vs, fh, fv, shaded = read
    scale = 72.0 / dpi
    found = _drawings(sorted(hs + fh), sorted(vs + fv), scale) + raster_fills.drawings(shaded, scale)
    clean = pixels.copy()
    most = max(2, round(MAX_THICK_POINTS / scale)) + 4
    level = paper - FRINGE
    # (a faint rule on a shaded band stays: painted in the paper's tone it would cut a white
    # stripe through the band, and Tesseract may then lose the band's text)
    _erase(clean, [g for g in fh if not _on_fill(g, shaded, True)], level, most, paper, cores=True)
    _erase(clean.T, [g for g in fv if not _on_fill(g, shaded, False)], level, most, paper)
    clean[_specks(clean, dpi)] = paper
    if np.array_equal(clean, pixels):
        return found, image
    return found, image[: len(image) - clean.size] + clean.tobytes()


def _unsheared(read: Reading, dpi: int, shifts: np.ndarray) -> list[Drawing]:
    """The drawings of a reading of the page sheared by ``shifts``, put back where they stand."""
    hs, vs, fh, fv, shaded = read
    scale = 72.0 / dpi
    return _drawings(sorted(_unsheared_rows(_distinct(hs + fh), shifts)), sorted(_unsheared_columns(vs + fv, shifts)),
                     scale) + raster_fills.drawings([_unsheared_fill(f, shifts) for f in shaded], scale)


LEVEL_GAIN = 1.25  # a sheared reading is taken when it holds this much more rule length
MIN_SKEW = 0.009  # a tilt (dy/dx) below this, about half a degree, is read as it is (see _found)
MAX_SKEW = 0.035  # about 2 degrees: more is no scanner's tilt


def _skew(pixels: np.ndarray, paper: int) -> float:
    """The page's tilt as dy/dx: the slope along which the rows of its ink are sharpest (the
    projection of text lines and rules peaks when read along them), 0.0 below :data:`MIN_SKEW`."""
    ink = pixels[::4, ::4] < paper - 40
    ys, xs = np.nonzero(ink)
    if ys.size < 200:
        return 0.0
    xs = xs - xs.mean()

    def sharpness(slope: float) -> float:
        idx = np.round(ys + xs * slope).astype(np.int64)
        counts = np.bincount(idx - idx.min()).astype(np.float64)
        return float((counts * counts).sum())

    # (ink along y = b + slope·x projects sharpest read along y - slope·x)
    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.001), key=sharpness)
    best = -float(max(np.arange(coarse - 0.001, coarse + 0.001 + 1e-9, 0.00025), key=sharpness))
    return best if abs(best) >= MIN_SKEW else 0.0


def _shifts(width: int, slope: float) -> np.ndarray | None:
    """How far each pixel column's level line stands below the page's middle one, or None
    for a level page."""
    if not slope:
        return None
    return np.round((np.arange(width) - width / 2) * slope).astype(np.int64)


def _shear(pixels: np.ndarray, shifts: np.ndarray, fill: int) -> np.ndarray:
    """``pixels`` with column x moved up by ``shifts[x]`` (down for a negative shift), the
    rows left bare in ``fill``."""
    rows = np.arange(pixels.shape[0])[:, None] + shifts[None, :]
    inside = (rows >= 0) & (rows < pixels.shape[0])
    out = pixels[np.clip(rows, 0, pixels.shape[0] - 1), np.arange(pixels.shape[1])[None, :]]
    out[~inside] = fill
    return out


def _unsheared_rows(groups: Groups, shifts: np.ndarray) -> Groups:
    """Horizontal groups (first row, last row, start, end) found in a sheared image, boxed
    where they stand on the page: as tall as the rule climbs over its length."""
    out = []
    for y0, y1, x0, x1 in groups:
        a, b = int(shifts[x0]), int(shifts[min(x1, len(shifts) - 1)])
        out.append((y0 + min(a, b), y1 + max(a, b), x0, x1))
    return out


CROSSING_SHARE = 0.85  # a rule's row (column) in a cell's image is ink along this share of it at least
CROSSING_FRINGE = 0.5  # ... and its grey fringe beside it along this share


def without_crossing_rules(image: bytes, margin: int) -> bytes:
    """A cell's image (a PGM with a white frame ``margin`` pixels wide around the cut) with the
    rules that cross the whole cut painted white: a row (column) that is ink along nearly all
    of the cut's width (height), with the grey rows (columns) of its fringe next to it. A
    letter or a figure never fills a row of a cut wider than itself, so only rules go."""
    pixels = _pgm(image)
    if pixels is None or min(pixels.shape) <= 2 * margin + 2:
        return image
    clean = pixels.copy()
    inner = clean[margin : clean.shape[0] - margin, margin : clean.shape[1] - margin]
    paper = int(np.median(inner))
    for view in (inner, inner.T):  # rows, then columns
        dark = (view < paper - 3 * FRINGE).mean(axis=1)
        grey = (view < paper - FRINGE).mean(axis=1)
        rule = dark >= CROSSING_SHARE
        if not rule.any():
            continue
        grown = rule.copy()
        for _ in range(2):  # the fringe: up to two grey rows on either side
            near = np.zeros_like(grown)
            near[1:] |= grown[:-1]
            near[:-1] |= grown[1:]
            grown |= near & (grey >= CROSSING_FRINGE)
        view[grown] = 255
    if np.array_equal(clean, pixels):
        return image
    return image[: len(image) - clean.size] + clean.tobytes()


def _unsheared_columns(groups: Groups, shifts: np.ndarray) -> Groups:
    """Vertical groups (first column, last column, start, end) of a sheared image on the page."""
    out = []
    for x0, x1, y0, y1 in groups:
        a, b = int(shifts[x0]), int(shifts[min(x1, len(shifts) - 1)])
        out.append((x0, x1, y0 + min(a, b), y1 + max(a, b)))
    return out


def _unsheared_fill(fill: raster_fills.Fill, shifts: np.ndarray) -> raster_fills.Fill:
    """A fill found in a sheared image, moved as its middle moves (a filled box is turned
    about its middle later, with the page's words: see :func:`.deskew.straighten`)."""
    top, bottom, left, right, tone = fill
    shift = int(shifts[min((left + right) // 2, len(shifts) - 1)])
    return top + shift, bottom + shift, left, right, tone
