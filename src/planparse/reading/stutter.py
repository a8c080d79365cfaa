"""Years read with their last digit twice: on a bilevel (1-bit, fax-like) scan Tesseract reads
a bold column heading "2023" as "20233" now and then, its box no wider than the four digits'.
A table's header of years then has a number where a year stands and is no header. Such a word
is read again on its own, cut from the page image as a single line of figures
(:func:`planparse.reading.ocr.read_figures`); only when that reading is the year without the
repeated digit is the word mended."""

from __future__ import annotations

import re

import numpy as np

from planparse.reading import ocr
from planparse.reading.model import Line
from planparse.reading.raster_rules import _paper, _pgm

# a year (19xx, 20xx) whose last digit comes twice
_STUTTER = re.compile(r"((?:19|20)\d(\d))\2")
MARGIN_POINTS = 3.0  # the word's cut: its line's height and this much either side
FRAME = 20  # white pixels around the cut


def mend_stuttered_years(lines: list[Line], image: bytes, dpi: int) -> int:
    """Mend the stuttered years of ``lines`` read from ``image`` (a page at ``dpi``), in place;
    the number mended."""
    found = [(ln, s, m) for ln in lines for s in ln.spans if (m := _STUTTER.fullmatch(s.text.strip()))]
    pixels = _pgm(image) if found else None
    if pixels is None:
        return 0
    k = dpi / 72.0
    paper = _paper(pixels)
    mended = 0
    for ln, s, m in found:
        x0, x1 = round((s.bbox[0] - MARGIN_POINTS) * k), round((s.bbox[2] + MARGIN_POINTS) * k)
        y0, y1 = round(min(ln.bbox[1], s.bbox[1]) * k), round(max(ln.bbox[3], s.bbox[3]) * k)
        cut = pixels[max(0, y0 - 2): y1 + 2, max(0, x0): x1]
        if cut.size == 0:
            continue
        framed = np.full((cut.shape[0] + 2 * FRAME, cut.shape[1] + 2 * FRAME), paper, dtype=np.uint8)
        framed[FRAME:FRAME + cut.shape[0], FRAME:FRAME + cut.shape[1]] = cut
        pgm = b"P5\n%d %d\n255\n" % (framed.shape[1], framed.shape[0]) + framed.tobytes()
        if ocr.read_figures(pgm) == m.group(1):
            s.text = s.text.replace(m.group(0), m.group(1))
            mended += 1
    return mended
