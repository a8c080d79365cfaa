"""A line-wise OCR layer cut into words, each placed on its ink in the page image.

Adobe Paper Capture, ABBYY and similar OCR products may write their invisible layer one text
line at a time: the words of a line are one string, stretched with horizontal scaling (``Tz``)
from the line's first letter to its last. The letters then lie where the layer's font puts
them, not over their ink: in prose a few points off, across a table row far off ("Andel … %
84 86 90" set evenly from the first cell to the last), so a table's columns are lost and a
word's box is no word's. A layer made so (:func:`line_wise`) has each line cut into its words,
and the words aligned, in order, with the blobs of ink along the line's band of the page image
(:func:`place_words`): each word takes the blobs whose width its letters need, a blob no word
needs (a speck, a rule's trace, a bullet) is left over. The layer's words then stand where
they are printed, as those of a layer written word by word.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

import numpy as np

from planparse.reading.ink import _ink_runs
from planparse.reading.model import Drawing, Line, Span
from planparse.reading.ocr import word_size
from planparse.reading.raster_rules import DARK

# A page's OCR layer is line-wise when at least this share of its spans hold two words or
# more (a word-wise layer's spans are single words, a few run together by the reader).
LINE_WISE_SHARE = 0.5
# The band of a line's box whose ink is aligned where the box has none: its middle.
BAND_MARGIN = 0.3
# Runs of ink closer than this share of an em are one blob (the letters of a word; a word
# space is a quarter of an em or more).
JOIN_EM = 0.3
# Alignment costs (in units of a squared log width ratio over SIGMA², a perfect word 0).
SIGMA = 0.35  # a word's ink may be this far (log ratio) from its letters' width at no great cost
WIDE_GAP_EM = 0.5  # a word over a blank stretch wider than this (in ems) pays for the excess ...
WIDE_GAP_COST = 4.0  # ... this much per em
SHARED_COST = 1.0  # each word beyond the first of a run of blobs (words the image runs together) ...
UNSPACED_COST = 4.0  # ... and for each of them short of a gap between blobs
BLANK_COST = 1.0  # a word over no ink (then dropped: nothing is printed there) ...
BLANK_LETTER_COST = 0.5  # ... and this per character, up to
BLANK_MAX = 4.0  # (OCR junk read from a shaded band's edge, "é", "oe", "eee", is short)
BLANK_RULE_COST = 0.1  # a rule read as "|" (the rules are painted out of the image)
MAX_BLANK_SHARE = 0.34  # more of a line's letters than this over no ink: the alignment failed
LEFT_INK_COST = 1.0  # a blob no word takes ...
LEFT_INK_EM_COST = 2.0  # ... and this per em of its width
PRIOR_COST = 2.0  # a word this far from where the layer set it, over the line's whole width
ROW_GAP = 2  # blank pixel rows inside a word's ink (over "i", "ä") at most; the gap to the next line is more
MAX_SHARED = 3  # at most this many words on one blob run
MAX_STRETCH = 3.0  # a word's blobs at most this many times its letters' width
_SPACE = 0.278  # Helvetica's word space, in ems
BEARINGS = 0.08  # the blank beside a word's first and last letters, in ems (its ink is narrower)
MIN_INK = 0.08  # the least ink of a mark, in ems


def line_wise(lines: list[Line]) -> bool:
    """Whether ``lines`` (one page's OCR layer) were written a line at a time: most of their
    spans hold several words."""
    spans = [s for ln in lines for s in ln.spans if s.text.strip()]
    multi = sum(len(s.text.split()) > 1 for s in spans)
    return bool(spans) and multi >= LINE_WISE_SHARE * len(spans)


@lru_cache(maxsize=4096)
def _em_width(word: str) -> float:
    """``word``'s width in ems in Helvetica: a proportional font's, the layer's own aside (its
    letters are stretched to the line, not set in the printed font)."""
    return sum(_advance(ch) for ch in word)


@lru_cache(maxsize=1024)
def _advance(ch: str) -> float:
    return float(_helvetica().glyph_advance(ord(ch))) or 0.5


@lru_cache(maxsize=1)
def _helvetica() -> Any:
    import pymupdf

    return pymupdf.Font("helv")


def _band(image: np.ndarray, span: Span, scale: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The band (top, bottom in points) of ``span``'s line in the page ``image`` whose ink is
    aligned with its words, and the rows its ink takes. The band is where the line's ink is
    dense, the letters' middle (their x-height, where every letter has ink), and a little below
    it (a comma, a stop). An OCR layer's line box reaches over the descenders of the line above
    and the ascenders of the line below, or over the whole of a neighbouring line (a table's
    header or cell two lines high, boxed as one): of the lines inside the box, blank rows
    between them, the one whose ink reaches across the box as the OCR'd line does, the one at
    the box's middle of those that do. The box's middle without ink."""
    x0, y0, x1, y1 = span.bbox
    h = y1 - y0
    fallback = (y0 + BAND_MARGIN * h, y1 - BAND_MARGIN * h)
    rows, cols = image.shape
    px0, px1 = max(0, int(x0 * scale)), min(cols, int(np.ceil(x1 * scale)))
    py0, py1 = max(0, int(y0 * scale)), min(rows, int(np.ceil(y1 * scale)))
    if px1 - px0 < 2 or py1 - py0 < 3:
        return fallback, fallback
    profile = np.count_nonzero(image[py0:py1, px0:px1] < DARK, axis=1)
    if int(profile.max()) < 2:
        return fallback, fallback
    middle = MIDDLE_SHARE * (py1 - py0)
    zones = _row_runs(profile > max(2, BLANK_SHARE * int(profile.max())))
    reach = {z: _reach(image, span, ((py0 + z[0]) / scale, (py0 + z[1]) / scale), scale) for z in zones}
    best = max(reach.values())
    a, b = _nearest([z for z in zones if reach[z] >= best - REACH_SLACK], middle)
    zone = profile[a:b]
    first, end = _nearest(_row_runs(zone >= DENSE_SHARE * int(zone.max())), middle - a)
    low = max(1, round(BELOW_SHARE * (end - first)))
    return ((py0 + a + first - 1) / scale, (py0 + a + end + low) / scale), ((py0 + a) / scale, (py0 + b) / scale)


def _reach(image: np.ndarray, span: Span, rows: tuple[float, float], scale: float) -> float:
    """How near the ink along ``rows`` (points) comes to the ends of ``span``'s box: 1.0 when
    it starts at the box's left and ends at its right, less by the share of the box's width it
    falls short. An end where the OCR read a rule ("| 2026") is not looked at: the rule is
    painted out, the text may stand well inside it."""
    x0, _, x1, _ = span.bbox
    words = span.text.split()
    runs = _ink_runs(image, (x0, rows[0], x1, rows[1]), scale)
    if not runs or not words:
        return 0.0
    width = max(x1 - x0, 1.0)
    short = [(runs[0][0] - x0) / width] if not _rule_mark(words[0]) else []
    short += [(x1 - runs[-1][1]) / width] if not _rule_mark(words[-1]) else []
    return 1.0 - sum(short) / len(short) if short else 1.0


def _row_runs(on: np.ndarray) -> list[tuple[int, int]]:
    """The runs of True in ``on`` as [first, end)."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, v in enumerate([*on.tolist(), False]):
        if v and start is None:
            start = i
        elif not v and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _nearest(runs: list[tuple[int, int]], at: float) -> tuple[int, int]:
    return min(runs, key=lambda r: 0.0 if r[0] <= at < r[1] else min(abs(r[0] - at), abs(r[1] - at)))


# A row of a line's box with at least this share of its densest row's ink is in the letters'
# middle; the middle of the letters of a line's box from the OCR layer's font lies about this
# far down it; a comma or a stop reaches this share of the middle's height below it.
DENSE_SHARE = 0.35
REACH_SLACK = 0.1  # (lines whose ink reaches over this share of the box less than the widest are
# taken as reaching as far)
BLANK_SHARE = 0.05  # (a row with less than this share of the box's densest row's ink is between lines)
MIDDLE_SHARE = 0.59
BELOW_SHARE = 0.25


def _runs(image: np.ndarray, span: Span, band: tuple[float, float], scale: float) -> list[tuple[float, float]]:
    """The runs of ink along ``band`` of ``span``'s line, as (x0, x1) in points."""
    x0, y0, x1, y1 = span.bbox
    h = y1 - y0
    # (a line's first or last letter may lie a little outside the layer's box; further out,
    # past a gap, is something else: a bullet, the next column's text)
    box = (max(0.0, x0 - 0.5 * h), band[0], x1 + 0.5 * h, band[1])
    return [(a, b) for a, b in _ink_runs(image, box, scale) if b > x0 - 0.15 * h and a < x1 + 0.15 * h]


def _joined(runs: list[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    """``runs`` with those less than ``gap`` apart joined into one blob."""
    out: list[tuple[float, float]] = []
    for a, b in runs:
        if out and a - out[-1][1] < gap:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _marks_only(word: str) -> bool:
    return not any(ch.isalnum() for ch in word)


def _rule_mark(word: str) -> bool:
    """What OCR makes of a table's vertical rule ("|"): over no ink once the rules are painted
    out of the image, where it is dropped (the rule is among the page's drawings)."""
    return set(word) <= _RULE_MARKS


_RULE_MARKS = frozenset("|¦")


def place_words(words: list[str], runs: list[tuple[float, float]],
                extent: tuple[float, float]) -> list[tuple[float, float] | None] | None:
    """The x extent of each of ``words`` (in order) on the ``runs`` of ink of its line, aligned
    by width: runs a letter gap apart are joined into blobs, then a dynamic programme over
    (words placed, blobs used) gives each word (or a few the image runs together) a run of
    blobs about as wide as its letters at the line's scale, near where the layer set it (its
    letters spread evenly over ``extent``, the layer's line). Words run together take one blob
    only at a cost for each space the image does not show: a word of OCR junk over no ink
    (read from a shaded band's grain) is left without ink rather than run into its neighbour.
    A word that takes none gets None. None when there is nothing to align."""
    n = len(words)
    widths = [_em_width(w) for w in words]
    letters = sum(w for w, word in zip(widths, words, strict=True) if not _marks_only(word))
    if not n or not runs or letters <= 0:
        return None
    em = sum(b - a for a, b in runs) / letters  # the ink of the line per em of its letters
    blobs = _joined(runs, JOIN_EM * em)
    m = len(blobs)
    starts = [sum(widths[:i]) + _SPACE * i for i in range(n)]
    spread = (extent[1] - extent[0]) / max(starts[-1] + widths[-1], 1e-6)
    centres = [extent[0] + spread * (a + w / 2) for a, w in zip(starts, widths, strict=True)]
    span_width = max(extent[1] - extent[0], 1.0)
    blank = [BLANK_RULE_COST if _rule_mark(w) else min(BLANK_MAX, BLANK_COST + BLANK_LETTER_COST * len(w))
             for w in words]
    inf = math.inf
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    gaps = [blobs[j + 1][0] - blobs[j][1] for j in range(m - 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            c = cost[i][j]
            if c == inf:
                continue
            if j < m:  # blob j left over
                v = c + LEFT_INK_COST + LEFT_INK_EM_COST * (blobs[j][1] - blobs[j][0]) / em
                if v < cost[i][j + 1]:
                    cost[i][j + 1], back[i][j + 1] = v, (i, j, 0)
            if i < n:  # word i over no ink
                v = c + blank[i]
                if v < cost[i + 1][j]:
                    cost[i + 1][j], back[i + 1][j] = v, (i, j, -1)
            for k in range(1, min(MAX_SHARED, n - i) + 1):  # words i .. i+k-1 on blobs j .. q
                if k > 1 and (_rule_mark(words[i]) or _rule_mark(words[i + k - 1])):
                    break  # (a rule's mark is no word of a run)
                want = max(sum(widths[i : i + k]) + _SPACE * (k - 1) - BEARINGS, MIN_INK) * em
                extra = (SHARED_COST + UNSPACED_COST) * (k - 1)
                wide = 0.0
                for q in range(j, m):
                    if q > j:
                        wide += max(0.0, gaps[q - 1] / em - WIDE_GAP_EM)
                        if q - j <= k - 1:
                            extra -= UNSPACED_COST  # a space the image shows
                    have = blobs[q][1] - blobs[j][0]
                    if have > MAX_STRETCH * want:
                        break
                    off = abs((blobs[j][0] + blobs[q][1]) / 2 - (centres[i] + centres[i + k - 1]) / 2)
                    v = c + (math.log(have / want) / SIGMA) ** 2 + WIDE_GAP_COST * wide + extra \
                        + PRIOR_COST * off / span_width
                    if v < cost[i + k][q + 1]:
                        cost[i + k][q + 1], back[i + k][q + 1] = v, (i, j, k)
    if cost[n][m] == inf:
        return None
    placed: list[tuple[float, float] | None] = [None] * n
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        pi, pj, k = step
        if k > 0:
            x0, x1 = blobs[pj][0], blobs[j - 1][1]
            share = [widths[t] for t in range(pi, i)]
            total = sum(share) + _SPACE * (k - 1)
            at = x0
            for t, w in zip(range(pi, i), share, strict=True):
                end = at + (x1 - x0) * w / total if total else x1
                placed[t] = (at, end)
                at = end + (x1 - x0) * _SPACE / total
        i, j = pi, pj
    return placed


_LIST_NUMBER = re.compile(r"\d{1,2}[.)]")


def split_line_wise(lines: list[Line], image: np.ndarray, dpi: float) -> int:
    """Each span of several words of ``lines`` (a line-wise OCR layer's, one page; see
    :func:`line_wise`) cut into its words, each boxed over its ink in the page ``image`` (grey
    pixels at ``dpi``; the rules painted out). A word over no ink is dropped: nothing is printed
    there (what an OCR reads from a shaded band's edge, a rule read as "|"). A span whose words
    cannot be aligned stays whole.

    Two OCR lines may share a band of the page (a figure its cell sets higher, read as a line
    of its own): the ink of the one is no word of the other's. The spans are placed fewest
    words first, and the ink of each placed word is painted out of the image the others are
    aligned on. Every span of the page takes the size its ink's height tells
    (:func:`_ink_size`). Returns the number of spans cut."""
    scale = dpi / 72
    work = image.copy()
    pieces: dict[int, list[Span]] = {}
    spans = sorted((s for ln in lines for s in ln.spans if s.text.strip()), key=lambda s: len(s.text.split()))
    for s in spans:
        words = s.text.split()
        band, zone = _band(image, s, scale)
        if len(words) < 2:
            if any(ch.isalnum() for ch in s.text):
                _paint(work, s.bbox[0], s.bbox[2], zone, scale)
                s.size = _ink_size(image, [s], scale) or s.size  # (sized as the lines cut into words)
            continue
        seen, shown = work, image
        if _on_dark(image, s, band, scale):  # light letters on a dark band (a table's header)
            seen, shown = _inverted(work, s, scale), _inverted(image, s, scale)
            band, zone = _band(shown, s, scale)
        placed = place_words(words, _runs(seen, s, band, scale), (s.bbox[0], s.bbox[2]))
        if placed is None or sum(len(w) for w, p in zip(words, placed, strict=True) if p is None and not _rule_mark(w)) \
                > MAX_BLANK_SHARE * sum(map(len, words)):
            continue
        _, y0, _, y1 = s.bbox
        if placed[0] is None and len(placed) > 1 and placed[1] is not None and _LIST_NUMBER.fullmatch(words[0]):
            # a list's number the alignment left without ink (its run joined with the next
            # word's): it stands at the line's start, before that word
            placed[0] = (s.bbox[0], max(s.bbox[0], placed[1][0] - 1))
        out = [Span(word + " ", (round(at[0], 2), y0, round(at[1], 2), y1), s.font, s.size, s.bold, s.italic, s.color)
               for word, at in zip(words, placed, strict=True) if at is not None]
        for piece in out:
            if any(ch.isalnum() for ch in piece.text):
                _paint(work, piece.bbox[0], piece.bbox[2], zone, scale)
        size = _ink_size(shown, out, scale)
        if size:
            for piece in out:
                piece.size = size
        pieces[id(s)] = out
    for ln in lines:
        if any(id(s) in pieces for s in ln.spans):
            ln.spans = [p for s in ln.spans for p in pieces.get(id(s), [s])]
    return len(pieces)


def _on_dark(image: np.ndarray, span: Span, band: tuple[float, float], scale: float) -> bool:
    """Whether ``span``'s line stands on a dark band: most of its band's pixels are ink."""
    x0, _, x1, _ = span.bbox
    region = image[max(0, int(band[0] * scale)) : int(np.ceil(band[1] * scale)), max(0, int(x0 * scale)) : int(np.ceil(x1 * scale))]
    return bool(region.size) and int(np.median(region)) < DARK


def _inverted(image: np.ndarray, span: Span, scale: float) -> np.ndarray:
    """``image`` with ``span``'s box in negative: light letters on a dark band read as ink."""
    x0, y0, x1, y1 = span.bbox
    out = image.copy()
    reach = 0.5 * (y1 - y0)  # (as far as its runs are looked for: see _runs)
    rows = slice(max(0, int(y0 * scale)), int(np.ceil(y1 * scale)))
    cols = slice(max(0, int((x0 - reach) * scale)), int(np.ceil((x1 + reach) * scale)))
    out[rows, cols] = 255 - out[rows, cols]
    return out


def _ink_size(image: np.ndarray, words: list[Span], scale: float) -> float:
    """The font size of a line of ``words`` (boxed over their ink) told by how high their ink
    stands, as for a page OCR'd here (:func:`planparse.reading.ocr.line_size`): a line-wise
    layer's size is that of the OCR'd line's box, as high as its tallest letters reach, a table
    row two text lines high if the OCR took it so, and stretched with the line (a font's size
    is scaled by ``Tz`` as well), so a heading and the body text may share it. 0.0 when no
    word of two letters or figures has ink."""
    sizes = []
    for w in words:
        if sum(ch.isalnum() for ch in w.text) < 2:
            continue
        height = _ink_height(image, w.bbox, scale)
        if height:
            sizes.append(word_size(w.text.strip(), height))
    sizes.sort()
    return round(sizes[len(sizes) // 2], 1) if sizes else 0.0


def _ink_height(image: np.ndarray, box: tuple[float, float, float, float], scale: float) -> float:
    """How high (points) the ink of the word boxed by ``box`` stands: its rows of ink, those
    of the lines above and below (past a blank row or two) left out; 0.0 without ink."""
    x0, y0, x1, y1 = box
    h, w = image.shape
    px0, px1 = max(0, int(x0 * scale)), min(w, int(np.ceil(x1 * scale)))
    py0, py1 = max(0, int(y0 * scale)), min(h, int(np.ceil(y1 * scale)))
    if px1 - px0 < 1 or py1 - py0 < 3:
        return 0.0
    rows = (np.count_nonzero(image[py0:py1, px0:px1] < DARK, axis=1) >= 2).tolist()
    mid = len(rows) // 2
    runs: list[list[int]] = []  # [first, end) of the runs of ink rows, blanks of LETTER_GAP joined
    for i, on in enumerate(rows):
        if not on:
            continue
        if runs and i - runs[-1][1] <= ROW_GAP:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    if not runs:
        return 0.0
    # the run at the middle of the box, else the one nearest it
    first, end = min(runs, key=lambda r: 0 if r[0] <= mid < r[1] else min(abs(r[0] - mid), abs(r[1] - 1 - mid)))
    return (end - first) / scale


def _paint(image: np.ndarray, x0: float, x1: float, band: tuple[float, float], scale: float) -> None:
    """From ``x0`` to ``x1`` along ``band`` (points) painted white in ``image``: a word's ink
    taken."""
    image[max(0, int(band[0] * scale)) : int(np.ceil(band[1] * scale)), max(0, int(x0 * scale)) : int(np.ceil(x1 * scale))] = 255


def without_rules(image: np.ndarray, drawings: list[Drawing], dpi: float) -> np.ndarray:
    """``image`` with the table rules among ``drawings`` (found in it) painted white: a
    vertical rule between two cells is no word's ink, and across a line's band it would join
    or split its blobs."""
    scale = dpi / 72
    rules = [d.bbox for d in drawings if d.kind in ("hline", "vline")]
    if not rules:
        return image
    clean = image.copy()
    for x0, y0, x1, y1 in rules:
        clean[max(0, int(y0 * scale) - 1) : int(np.ceil(y1 * scale)) + 1,
              max(0, int(x0 * scale) - 1) : int(np.ceil(x1 * scale)) + 1] = 255
    return clean
