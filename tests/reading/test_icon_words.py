"""Words Tesseract reads from a status icon in a scanned page are not text."""

from __future__ import annotations

from planparse.reading import _without_icon_words
from planparse.reading.model import Line, Span


def _line(*words: tuple[str, float]) -> Line:
    return Line(spans=[Span(text, (x, 100.0, x + 6.0 * len(text), 110.0)) for text, x in words], page=1, method="ocr")


def test_words_on_an_icon_are_dropped_and_the_rest_kept() -> None:
    icon = (300.0, 99.0, 311.0, 111.0)  # a green dot after the title, read as "OO"
    title = _line(("Verka", 50.0), ("för", 90.0), ("kunskapsspridning.", 120.0), ("OO", 301.0))
    alone = _line(("ee", 301.0))  # an icon on a line of its own
    other = Line(spans=[Span("Status", (50.0, 130.0, 86.0, 140.0))], page=1, method="ocr")
    out = _without_icon_words([title, alone, other], [icon])
    assert [ln.text for ln in out] == ["Verka för kunskapsspridning.", "Status"]


def test_lines_without_icons_are_untouched() -> None:
    line = _line(("Arbeta", 50.0), ("för", 90.0))
    assert _without_icon_words([line], [(400.0, 0.0, 410.0, 10.0)]) == [line]
