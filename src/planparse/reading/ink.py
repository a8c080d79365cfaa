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

import re
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
_RULE_DASHES = frozenset("-–—_=~")  # what OCR reads along a rule
_MAX_SPLITS = 3  # a word box is split at most so many times deep


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
    if depth < _MAX_SPLITS and widest[0] >= max(GAP_SHARE * height, MIN_GAP_POINTS):
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
               rules: Sequence[tuple[float, float]] = (), may_split: bool = True,
               columns: Sequence[tuple[float, float]] = ()) -> int:
    """Fit every word box of ``lines`` (an OCR layer's, one page) to the ink of the page
    ``image`` (grey pixels at ``dpi``): boxes cut to their ink, a box over two words with a
    column gap between split in two (not with ``may_split`` False: words already placed on
    their ink, see :mod:`planparse.reading.ink_words`). ``rules``: the bands (top, bottom in
    points) of the horizontal rules found in the image; their ink is no word's. A word of
    letters or figures, or of dashes alone, on a rule's band over no ink at all, even faint,
    but the rule's (and that of the vertical rules at ``columns``, their x0, x1 in points, that
    it crosses) is what the OCR made of a faint rule ("are", "hte", "——" along a table's
    rule) and is dropped (elsewhere an inkless box is only set off its word). Returns the
    number of words split."""
    scale = dpi / 72
    clean = image
    if rules:
        clean = image.copy()
        for top, bottom in rules:
            clean[max(0, int(top * scale) - 1) : int(np.ceil(bottom * scale)) + 1, :] = 255
    unruled = clean
    if rules and columns:
        unruled = clean.copy()
        for left, right in columns:
            unruled[:, max(0, int(left * scale) - 1) : int(np.ceil(right * scale)) + 1] = 255
    split = 0
    for ln in lines:
        spans: list[Span] = []
        for s in ln.spans:
            if not s.text.strip():
                spans.append(s)
                continue
            on_rule = any(top < s.bbox[3] and bottom > s.bbox[1] for top, bottom in rules)
            if on_rule and (any(ch.isalnum() for ch in s.text) or set(s.text.strip()) <= _RULE_DASHES) \
                    and _inkless(s, unruled, scale):
                continue  # nothing printed there but the rule through the box: a misread rule
            fitted = _fit(s, clean, scale, 0 if may_split else _MAX_SPLITS)
            split += len(fitted) - 1
            spans.extend(fitted)
        if len(spans) != len(ln.spans):
            ln.spans = spans
    return split


def _one_run(profile: np.ndarray) -> tuple[int, int] | None:
    """The one run of non-zero entries of ``profile`` (pixel counts, those under
    :data:`MIN_COLUMN` taken as blank) holding :data:`BLOT_PIXELS` or more, as (start, end);
    None when there is none or more than one (specks of a few pixels are no run)."""
    counts = np.where(profile < MIN_COLUMN, 0, profile).tolist()
    found: list[tuple[int, int]] = []
    start, total = None, 0
    for i, c in enumerate([*counts, 0]):
        if c and start is None:
            start, total = i, 0
        if c:
            total += c
        elif start is not None:
            if total >= BLOT_PIXELS:
                found.append((start, i))
            start = None
    return found[0] if len(found) == 1 else None


BLOT_PIXELS = 8  # a run of ink with fewer pixels than this is a speck of the scan, no mark


def _blob(image: np.ndarray, box: tuple[float, float, float, float], scale: float) -> tuple[float, float, float, float, float] | None:
    """The one blot of ink inside ``box`` (points), specks of the scan aside, as (x0, y0, x1,
    y1 in points, the share of its bounding box it fills); None when the box holds no ink or
    more than one blot."""
    h, w = image.shape
    px0, px1 = max(0, int(box[0] * scale)), min(w, int(np.ceil(box[2] * scale)))
    py0, py1 = max(0, int(box[1] * scale)), min(h, int(np.ceil(box[3] * scale)))
    if px1 - px0 < 3 or py1 - py0 < 3:
        return None
    ink = image[py0:py1, px0:px1] < DARK
    cols = _one_run(np.count_nonzero(ink, axis=0))
    if cols is None:
        return None
    rows = _one_run(np.count_nonzero(ink[:, cols[0] : cols[1]], axis=1))
    if rows is None:
        return None
    area = (cols[1] - cols[0]) * (rows[1] - rows[0])
    fill = float(np.count_nonzero(ink[rows[0] : rows[1], cols[0] : cols[1]])) / area
    return ((px0 + cols[0]) / scale, (py0 + rows[0]) / scale, (px0 + cols[1]) / scale, (py0 + rows[1]) / scale, fill)


def _bullet_shape(found: tuple[float, float, float, float, float], y0: float, height: float) -> bool:
    """Whether a blot (:func:`_blob`) on a line's band from ``y0``, ``height`` high, is a
    bullet: filled, about as wide as high, a fifth to a half of the line's height (a stop is
    far smaller, a status icon as high as the line or more, a letter "o" a ring), inside the
    band's middle half or so (OCR'd line boxes sit loosely on their letters)."""
    bx0, by0, bx1, by1, fill = found
    bw, bh = bx1 - bx0, by1 - by0
    centre = ((by0 + by1) / 2 - y0) / height
    return 0.2 * height <= bh <= 0.55 * height and 0.6 <= bw / bh <= 1.6 and fill >= 0.7 and 0.25 <= centre <= 0.8


def lost_bullets(lines: list[Line], image: np.ndarray, dpi: float) -> int:
    """Bullets an OCR layer read as nothing, given back as "•": a line starting with a word
    of letters with, left of its letters and clear of them, one filled round blot of ink
    (:func:`_bullet_shape`) and nothing else on the line's band: outside the word's box and
    any other (a glyph the layer read for the bullet is one: see
    :func:`planparse.text.repair.ocr_bullet`), or
    inside it (the OCR boxed the bullet with the word), set off from the letters by a gap
    wider than any between two letters. The bullet gets the blot's box, the word the rest of
    its box. Returns the number of bullets added."""
    scale = dpi / 72
    added = 0
    boxes = [s.bbox for ln in lines for s in ln.spans if s.text.strip()]
    for ln in lines:
        spans = [s for s in ln.spans if s.text.strip()]
        if not spans:
            continue
        first = min(spans, key=lambda s: s.bbox[0])
        word = first.text.strip()
        if not word[:1].isalpha() or not any(ch.isalpha() for ch in word[1:]):
            continue
        y0, y1 = ln.bbox[1], ln.bbox[3]
        height = y1 - y0
        if height <= 0:
            continue
        x = first.bbox[0]
        band = (y0 - 0.1 * height, y1 + 0.1 * height)
        found = _blob(image, (x - 2.5 * height, band[0], x - 0.15 * height, band[1]), scale)
        if found is not None and x - found[2] < 0.2 * height:
            found = None
        rest = None
        if found is None:
            runs = _ink_runs(image, first.bbox, scale)
            if len(runs) >= 2 and runs[1][0] - runs[0][1] >= 0.25 * height:
                found = _blob(image, (runs[0][0] - 0.5, band[0], runs[1][0] - 0.5, band[1]), scale)
                rest = runs[1][0]
        if found is None or not _bullet_shape(found, y0, height):
            continue
        if rest is None and any(b[0] < found[2] and found[0] < b[2] and b[1] < found[3] and found[1] < b[3] for b in boxes):
            continue  # the layer read the bullet as a word of its own ("¢", "«", "e")
        spaced = first.text.endswith(" ")  # words carry their space after them, or before
        bullet = Span("• " if spaced else "•", found[:4], first.font, first.size, first.bold,
                      first.italic, first.color)
        if not spaced:
            first.text = " " + first.text.lstrip()
        if rest is not None:
            first.bbox = (max(rest - PAD_POINTS, found[2]), *first.bbox[1:])
        at = next(k for k, s in enumerate(ln.spans) if s is first)
        ln.spans = [*ln.spans[:at], bullet, *ln.spans[at:]]
        added += 1
    return added


# A range of figures or weekdays the English OCR set with a hyphen, or an em dash ("7-18",
# "2023-2025,", "13—16", "fredag-lördag"): the dash may be the en dash a range is printed with.
_DAY = r"(?i:(?:m[aå]n|tis|ons|tors|fre|l[oö6é]r|s[oö6é]n)dag(?:ar)?)"  # (as an English OCR reads them too)
_RANGE = re.compile(  # "2021-2025", "F-3" (förskoleklass–åk 3)
    rf"^(\s*\(?(?:\d{{1,4}}|F|{_DAY}))[-—]((?:\d{{1,4}}|{_DAY})[,.;:)]?\s*)$")
# A dash at least this wide for the figures' height is an en dash: measured on the corpora's
# OCR'd copies, hyphens 0.25-0.41, en dashes 0.50-0.81 (fonts differ in both).
EN_DASH_SHARE = 0.46


def range_candidates(lines: list[Line]) -> list[Span]:
    """The spans of ``lines`` that read as a range of figures or weekdays with a hyphen or an em
    dash (:data:`_RANGE`)."""
    return [s for ln in lines for s in ln.spans if _RANGE.match(s.text)]


def en_dashes(spans: list[Span], image: np.ndarray, dpi: float) -> int:
    """Ranges of figures (:func:`range_candidates`) whose dash is as long as an en dash: the
    dash's ink, a flat run between the figures' tall ones, is at least
    :data:`EN_DASH_SHARE` of the figures' height wide (a hyphen is a quarter to a third of an
    em, figures about seven tenths high; an en dash half an em). The hyphen becomes "–". A
    dash touching a figure, or no clear dash, leaves the hyphen; a table rule through the box
    is no ink of it. Returns the number changed."""
    scale = dpi / 72
    h, w = image.shape
    changed = 0
    for s in spans:
        m = _RANGE.match(s.text)
        if m is None:
            continue
        x0, y0, x1, y1 = s.bbox
        px0, px1 = max(0, int(x0 * scale)), min(w, int(np.ceil(x1 * scale)))
        py0, py1 = max(0, int(y0 * scale)), min(h, int(np.ceil(y1 * scale)))
        if px1 - px0 < 4 or py1 - py0 < 4:
            continue
        ink = image[py0:py1, px0:px1] < DARK
        ink[ink.mean(axis=1) > 0.9] = False  # a table's rule through the box
        cols: list[bool] = (np.count_nonzero(ink, axis=0) > 0).tolist()
        runs: list[tuple[int, int, int]] = []  # (first column, end column, ink rows high)
        start = None
        for i, on in enumerate([*cols, False]):
            if on and start is None:
                start = i
            elif not on and start is not None:
                rows = np.flatnonzero(ink[:, start:i].any(axis=1))
                runs.append((start, i, int(rows[-1] - rows[0] + 1)))
                start = None
        tall = max((r[2] for r in runs), default=0)
        if tall < 6:
            continue
        runs = [r for r in runs if r[1] - r[0] > 2 or r[2] > 0.2 * tall]  # specks of the scan aside
        tall_at = [k for k, r in enumerate(runs) if r[2] >= 0.5 * tall]
        runs = runs[tall_at[0] : tall_at[-1] + 1]  # a stop or comma after the figures aside
        flat = [k for k, r in enumerate(runs) if r[2] <= 0.3 * tall]
        if len(flat) != 1 or not (0 < flat[0] < len(runs) - 1):
            continue
        dash = runs[flat[0]]
        if all(r[2] >= 0.5 * tall for k, r in enumerate(runs) if k != flat[0]) \
                and (dash[1] - dash[0]) >= EN_DASH_SHARE * tall:
            s.text = f"{m.group(1)}–{m.group(2)}"
            changed += 1
    return changed
