"""Grey words on a scan: an OCR'd word has no colour, but its ink is in the page image. Running
text is printed black; a heading style in grey or a colour (Word's blue-grey "Rubrik 2", a grey
sans title) comes out of a grayscale scan clearly lighter at its strokes' cores. A line whose
words are all that much lighter than the page's usual text gets their grey as its colour, as a
native layer would give it; a heading set in the body's size is then told by its ink
(:meth:`planparse.layouts.typography.Typography.rank`)."""

from __future__ import annotations

import numpy as np

from planparse.reading.model import Line
from planparse.reading.raster_rules import _paper, _pgm

MIN_WORDS = 20  # words a page needs before its usual ink is known
MIN_LETTERS = 3  # shorter words have too few ink pixels to tell their tone
INK = 60  # a pixel this much darker than the paper (0-255 grey) is ink, a grey heading's too
CORE = 20  # a word's tone: this percentile of its ink pixels (its strokes' cores, not their edges)
LIGHTER = 0.3  # a grey word is lighter than the usual text by this share of the paper-to-ink range


def word_tone(box: np.ndarray, paper: int) -> float | None:
    """The grey (0-255) of the cores of a word's strokes in ``box``; None without ink enough."""
    ink = box[box < paper - INK]
    return float(np.percentile(ink, CORE)) if ink.size >= 10 else None


def mark_grey(lines: list[Line], image: bytes, dpi: int) -> None:
    """Give the OCR'd lines of ``lines`` whose words are all printed in grey (see the module's
    doc) that grey as their spans' colour, in place; a page with too few words is left as it is."""
    pixels = _pgm(image)
    if pixels is None:
        return
    paper = _paper(pixels)
    k = dpi / 72.0
    tones: dict[int, list[float]] = {}
    for i, ln in enumerate(lines):
        for s in ln.spans:
            if sum(c.isalpha() for c in s.text) < MIN_LETTERS:
                continue
            x0, y0, x1, y1 = (round(v * k) for v in s.bbox)
            box = pixels[max(0, y0) : y1, max(0, x0) : x1]
            if box.size and (tone := word_tone(box, paper)) is not None:
                tones.setdefault(i, []).append(tone)
    words = [t for ts in tones.values() for t in ts]
    if len(words) < MIN_WORDS:
        return
    usual = float(np.median(words))
    grey = usual + LIGHTER * (paper - usual)
    for i, ts in tones.items():
        if len(ts) >= 2 and min(ts) >= grey:
            level = int(np.median(ts))
            for s in lines[i].spans:
                s.color = level << 16 | level << 8 | level
