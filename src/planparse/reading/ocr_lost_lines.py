"""Lines of a scan that Tesseract's page layout analysis passed over: on a photographed or
unevenly lit page it can take a line of text for part of a picture and read nothing there (a
commitment's title between its heading and its labels, lost). The page image's ink that no
OCR'd word covers is looked for in bands of text height; each such band is cut out, the ink
of the words read around it painted white, and read again on its own. A band's reading is
kept only when most of its letters make words the lexicon knows (a photo, a logo or a
signature reads as noise)."""

from __future__ import annotations

import numpy as np

from planparse.reading import ocr
from planparse.reading.model import BBox, Line, Span
from planparse.reading.ocr_dark_bands import _pgm as pgm_bytes
from planparse.reading.raster_icons import _long_runs, paper

INK = 90  # how much darker than the paper around it a pixel must be to be ink
MIN_WIDTH_PT = 60.0  # a lost line reaches at least this far (a speck, a bullet or a stroke does not)
MIN_ROW_SHARE = 0.25  # of a band's width: a row of the band has ink along this much of it at least
PAD = 12  # pixels of white round a band's image
KNOWN_SHARE = 0.6  # of the band's letters in words the lexicon knows
BAND_PSM = 6  # a band is read as one block of text (the page's layout analysis passed it over once)
PAPER_BLOCK = 32  # pixels: the paper's tone is read per block (a line's ink is a small part of one)
MAX_BANDS = 8  # bands read again on a page, at most (more: a picture's texture, not lost lines)


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """The runs of True in a 1-D array, as (start, end) with end exclusive."""
    edges = np.diff(np.concatenate([[0], flags.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=True))


def lost_bands(pixels: np.ndarray, lines: list[Line], dpi: float) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels: x0, y0, x1, y1) of the page image's bands of ink, each of about a text
    line's height and at least :data:`MIN_WIDTH_PT` wide, that no OCR'd word's box covers."""
    words = [s.bbox for ln in lines for s in ln.spans if s.text.strip()]
    if len(words) < 5:
        return []
    k = dpi / 72
    heights = sorted(b[3] - b[1] for b in words)
    tall = heights[len(heights) // 2] * k  # a word's usual height, in pixels
    ink = pixels.astype(np.int16) < paper(pixels, PAPER_BLOCK) - INK
    row_ink = 0.1 * MIN_WIDTH_PT * k  # (a line's row: a stroke every few letters)
    if not (np.count_nonzero(_outside(ink.copy(), words, k), axis=1) >= row_ink).any():
        return []  # (nothing but words, even before frames and rules are taken out: the usual page)
    # (no letter is taller than three lines or wider than a long word: a page's edge, a frame, a rule)
    ink &= ~_long_runs(ink.T, round(3 * tall)).T & ~_long_runs(ink, round(12 * tall))
    ink = _outside(ink, words, k)
    out: list[tuple[int, int, int, int]] = []
    rows = np.count_nonzero(ink, axis=1)
    for top, bottom in _runs(rows >= row_ink):
        if not 0.5 * tall <= bottom - top <= 3 * tall:
            continue
        cols = np.flatnonzero(ink[top:bottom].any(axis=0))
        # the band's ink in pieces no further apart than two letters' height: a line's words
        pieces = np.split(cols, np.flatnonzero(np.diff(cols) > 2 * tall) + 1) if len(cols) else []
        for piece in pieces:
            x0, x1 = int(piece[0]), int(piece[-1]) + 1
            if x1 - x0 < MIN_WIDTH_PT * k:
                continue
            share = np.count_nonzero(ink[top:bottom, x0:x1].any(axis=1)) / (bottom - top)
            if share >= MIN_ROW_SHARE:
                out.append((x0, top, x1, bottom))
    return out if len(out) <= MAX_BANDS else []


def _outside(ink: np.ndarray, words: list[BBox], k: float) -> np.ndarray:
    """``ink`` (in place) without the pixels of the words' boxes and a little round each (its
    letters' edges)."""
    for x0, y0, x1, y1 in words:
        pad = 0.3 * (y1 - y0) * k
        ink[max(0, int(y0 * k - pad)) : int(y1 * k + pad) + 1, max(0, int(x0 * k - pad)) : int(x1 * k + pad) + 1] = False
    return ink


def _text_read(words: list[Span]) -> bool:
    """Whether a band's reading is text: two known words of three letters or more at least, and
    :data:`KNOWN_SHARE` of its letters in known words (a rule's or a picture's specks read as
    "ay +" are none)."""
    from planparse.text.repair import known_word

    tokens = [w.strip(".,:;()–-") for s in words for w in s.text.split()]
    total = sum(sum(ch.isalpha() for ch in w) for w in tokens)
    # (a word in capitals is no evidence: specks read as letters come out as "RN TEE RR")
    known = [w for w in tokens if len(w) >= 3 and w.isalpha() and not w.isupper() and known_word(w.lower())]
    worded = [w for w in tokens if len(w) >= 2 and any(ch.isalpha() for ch in w)]
    return len(known) >= 2 and sum(len(w) for w in known) >= KNOWN_SHARE * total and len(known) >= 0.7 * len(worded)


def read_lost_lines(image: bytes, lines: list[Line], page: int, lang: str, dpi: int) -> list[Line]:
    """``lines`` (a scan's OCR'd page, its image ``image`` as PGM) with the lines read again
    in the bands no word covers (:func:`lost_bands`), in reading order."""
    from planparse.reading.raster_rules import _pgm

    pixels = _pgm(image)
    if pixels is None:
        return lines
    # (looked for at half the resolution, a quarter of the pixels: a line's ink is plain there too)
    bands = [(2 * x0, 2 * y0, 2 * x1, 2 * y1) for x0, y0, x1, y1 in lost_bands(pixels[::2, ::2], lines, dpi / 2)]
    if not bands:
        return lines
    k = dpi / 72
    blank = pixels.copy()
    for ln in lines:  # (the words read already, painted out of the bands' images)
        for s in ln.spans:
            x0, y0, x1, y1 = (round(v * k) for v in s.bbox)
            blank[max(0, y0) : y1 + 1, max(0, x0) : x1 + 1] = 255
    found: list[Line] = []
    for x0, y0, x1, y1 in bands:
        cut = blank[max(0, y0 - PAD // 2) : y1 + PAD // 2, max(0, x0 - PAD // 2) : x1 + PAD // 2]
        framed = np.pad(cut, PAD, constant_values=255)
        pnm = pgm_bytes(framed)
        read = ocr.ocr_pages({page: pnm}, lang, workers=1, dpi=dpi, psm=BAND_PSM)[page]
        words = [s for ln in read for s in ln.spans if s.text.strip()]
        if not _text_read(words):
            continue
        ox, oy = (max(0, x0 - PAD // 2) - PAD) / k, (max(0, y0 - PAD // 2) - PAD) / k
        for ln in read:
            spans = [Span(text=s.text, bbox=_moved(s.bbox, ox, oy), size=s.size) for s in ln.spans]
            if spans:
                found.append(Line(spans=spans, page=page, method="ocr"))
    if not found:
        return lines
    return sorted([*lines, *found], key=lambda ln: (round(ln.y0 / 4), ln.x0))


def _moved(box: BBox, dx: float, dy: float) -> BBox:
    return (round(box[0] + dx, 2), round(box[1] + dy, 2), round(box[2] + dx, 2), round(box[3] + dy, 2))
