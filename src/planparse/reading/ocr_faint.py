"""Faint text an OCR left out: labels printed in light grey ("Mål", "Ansvarig", "Status" beside
their values, a planning system's print), which Tesseract's binarisation takes for paper, so
someone else's OCR layer and the Swedish reading both lack them. On a page image with clean
white paper the words read already are painted out, everything darker than :data:`FAINT`
made black, and the page read again; a line of it is kept when its words are words (the
lexicon's or the vocabulary's labels) and it overlaps no line read before."""

from __future__ import annotations

import numpy as np

from planparse.reading import ocr
from planparse.reading.model import Line, overlap
from planparse.reading.ocr_dark_bands import _pgm as pgm_bytes

PAPER = 245  # the page's usual tone at least: clean white paper (a rendering, not a grey scan)
FAINT = 235  # a pixel darker than this is ink of faint text
MIN_INK = 0.0005  # of the page's pixels: faint ink left once the words read are painted out
PAD = 0.3  # of a word's height: painted out round its box too
DARKEST = 110  # a faint line's darkest ink (its 1st percentile tone) is no darker than this


def faint_lines(pixels: np.ndarray, lines: list[Line], page: int, lang: str, dpi: int) -> list[Line]:
    """The lines of faint text (see the module's docstring) on the page image ``pixels`` (grey,
    at ``dpi``) that ``lines`` lack."""
    if pixels.size == 0 or float(np.median(pixels)) < PAPER:
        return []
    k = dpi / 72
    blank = pixels.copy()
    for ln in lines:
        for s in ln.spans:
            pad = PAD * (s.bbox[3] - s.bbox[1])
            x0, y0 = max(0, round((s.bbox[0] - pad) * k)), max(0, round((s.bbox[1] - pad) * k))
            blank[y0 : round((s.bbox[3] + pad) * k) + 1, x0 : round((s.bbox[2] + pad) * k) + 1] = 255
    ink = blank < FAINT
    if np.count_nonzero(ink) < MIN_INK * ink.size:
        return []
    read = ocr.ocr_pages({page: pgm_bytes(np.where(ink, 0, 255).astype(np.uint8))}, lang, workers=1, dpi=dpi)[page]
    taken = [ln.bbox for ln in lines]
    return [ln for ln in read if _words(ln) and not any(overlap(ln.bbox, b) for b in taken) and _faint(pixels, ln, k)]


def _faint(pixels: np.ndarray, line: Line, k: float) -> bool:
    """Whether the line's ink on the page is faint: none of it near black (black text the
    layer lost is another reader's to find)."""
    x0, y0, x1, y1 = (max(0, round(v * k)) for v in line.bbox)
    box = pixels[y0 : y1 + 1, x0 : x1 + 1]
    return box.size > 0 and float(np.percentile(box, 1)) >= DARKEST


def _words(line: Line) -> bool:
    """Whether the line's words are words: a label the vocabulary knows, or most letters in
    words the lexicon knows."""
    from planparse import vocabulary
    from planparse.text.repair import known_word

    text = line.text.strip(" :.")
    if len(text) < 3:
        return False
    if (m := vocabulary.match_label(text)) is not None and m.confidence >= 0.95:
        return True
    tokens = [w.strip(".,:;()–-") for w in text.split()]
    known = [w for w in tokens if len(w) >= 3 and w.isalpha() and known_word(w.lower())]
    return bool(known) and sum(map(len, known)) >= 0.7 * sum(map(len, tokens))
