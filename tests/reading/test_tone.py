"""Grey words on a scan told from their ink (planparse.reading.tone)."""

from __future__ import annotations

import numpy as np

from planparse.reading.model import Line, Span
from planparse.reading.tone import mark_grey

DPI = 72  # one pixel a point


def _page(lines: list[tuple[float, int]]) -> tuple[bytes, list[Line]]:
    """A PGM page of paper (247) with, per (y, ink) given, a line of four words, each word a
    box of upright strokes in that ink; and the OCR'd lines over them."""
    pixels = np.full((400, 300), 247, dtype=np.uint8)
    out: list[Line] = []
    for y, ink in lines:
        spans = []
        for k in range(4):
            x = 20 + 60 * k
            for sx in range(x, x + 40, 4):
                pixels[int(y) : int(y) + 10, sx : sx + 2] = ink
            spans.append(Span(text=("" if k == 0 else " ") + "ordet", bbox=(x, y, x + 40, y + 10), size=10.0))
        out.append(Line(spans=spans, page=1, method="ocr"))
    header = b"P5 300 400 255\n"
    return header + pixels.tobytes(), out


def test_a_line_printed_grey_over_black_text_gets_its_grey() -> None:
    image, lines = _page([(20, 120), *((40 + 20 * k, 30) for k in range(8))])
    mark_grey(lines, image, DPI)
    assert all(s.color != 0 for s in lines[0].spans)
    level = lines[0].spans[0].color & 255
    assert 100 <= level <= 140
    assert all(s.color == 0 for ln in lines[1:] for s in ln.spans)


def test_black_text_alone_and_a_page_of_few_words_keep_black() -> None:
    image, lines = _page([(40 + 20 * k, 30) for k in range(8)])
    mark_grey(lines, image, DPI)
    assert all(s.color == 0 for ln in lines for s in ln.spans)
    image, lines = _page([(20, 120), (40, 30), (60, 30)])  # 12 words: the usual ink unknown
    mark_grey(lines, image, DPI)
    assert all(s.color == 0 for ln in lines for s in ln.spans)
