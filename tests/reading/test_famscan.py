"""Reading rules for family documents on damaged layers (see tests/layouts/test_famscan.py):
the OCR'd leading, running lines read differently on each page, thousands groups, list numbers
and per-cent signs misread."""

from __future__ import annotations

from planparse.reading.ink_groups import _spaced
from planparse.reading.model import Line, Span
from planparse.reading.noise import running_lines
from planparse.reading.ocr_running import ocr_variants
from planparse.reading.paragraphs import line_step
from planparse.text.repair import ocr_list_number, ocr_list_number_words, ocr_percent_words


def _line(text: str, x0: float, y0: float, x1: float, page: int = 1, height: float = 10.0) -> Line:
    return Line(spans=[Span(text=text, bbox=(x0, y0, x1, y0 + height), size=10.0)], page=page, method="ocr")


def test_line_step_is_the_leading_under_wrapped_lines() -> None:
    """Label / value pairs 20 points apart outnumber the wrapped lines of a paragraph 14
    points apart: the leading is the step under the lines that fill the column."""
    lines: list[Line] = []
    y = 100.0
    for _ in range(3):  # a paragraph of three lines, two of them wrapped at the right margin
        lines += [_line("Förvaltningen ska ta fram", 60, y, 520), _line("och genomföra", 60, y + 14, 515),
                  _line("åtgärder.", 60, y + 28, 200)]
        y += 48
        for _ in range(3):  # label and value, a line's space apart
            lines += [_line("Processägare", 60, y, 120), _line("Kommunchef", 60, y + 20, 130)]
            y += 40
    assert line_step(lines) == 14


def test_running_line_read_a_letter_apart_or_in_pieces_is_noise() -> None:
    """"Sorsele kommun Kommunstyrelsens verksamhetsplan 2026" on five pages, OCR'd once as
    "Sårsele …" and once in two pieces: every reading is the running header."""
    head = "Sorsele kommun Kommunstyrelsens verksamhetsplan 2026"
    pages = [[_line(head, 63, 50, 532, page=p, height=7)] for p in range(1, 4)]
    pages.append([_line("Sårsele kommun Kommunstyrelsens verksamhetsplan 2026", 63, 50, 532, page=4, height=7)])
    pages.append([_line("Sorsele kommun Kommunstyrelsens", 63, 50, 300, page=5, height=7),
                  _line("verksamhetsplan 2026", 400, 50, 532, page=5, height=7)])
    for p in pages:
        p.append(_line("Brödtext på sidan", 63, 400, 300, page=p[0].page))
    noise = running_lines(pages, [842.0] * 5)
    assert all(id(ln) in noise for p in pages for ln in p if ln.y0 < 100)
    assert not any(id(ln) in noise for p in pages for ln in p if ln.y0 > 100)


def test_ocr_variants_need_a_long_key_and_the_same_height() -> None:
    """A short key ("Mål 1") is alike too many others; a title under a running header of its
    words ("Verksamhetsplan 2025" under "Nässjö kommun | Verksamhetsplan 2025") is no piece of it."""
    seen = {"mal 1": [(1, 10.0)], "mal 2": [(2, 10.0)], "sorsele kommun plan": [(1, 7.0)],
            "nassjo kommun verksamhetsplan #": [(2, 8.0)]}
    at = {"mal 1": [300.0], "mal 2": [300.0], "sorsele kommun plan": [50.0], "nassjo kommun verksamhetsplan #": [51.0]}
    assert ocr_variants("mal 1", seen, 300.0, at, 10.0) == []
    assert ocr_variants("sarsele kommun plan", seen, 51.0, at, 7.0) == ["sorsele kommun plan"]
    assert ocr_variants("verksamhetsplan #", seen, 51.0, at, 8.0) == ["nassjo kommun verksamhetsplan #"]
    assert ocr_variants("verksamhetsplan #", seen, 66.0, at, 12.0) == []


def test_thousands_space_told_by_the_ink() -> None:
    """Four tabular figures 5 points on: "1500" as printed "1 500" has a wide blank before the
    group of three, a year none."""
    spaced = [(0.0, 2.0), (7.5, 11.0), (12.5, 16.0), (17.5, 21.0)]  # "1", a space, "5", "0", "0"
    year = [(0.0, 4.0), (5.0, 9.0), (10.0, 14.0), (15.0, 19.0)]
    one_unspaced = [(1.5, 3.5), (5.0, 9.0), (10.0, 14.0), (15.0, 19.0)]  # "1" set narrow in its advance
    assert _spaced("1500", spaced)
    assert not _spaced("2025", year)
    assert not _spaced("1500", one_unspaced)
    assert not _spaced("1500", [(0.0, 21.0)])  # touching figures: no telling


def test_list_number_with_its_stop_read_as_three() -> None:
    assert ocr_list_number("1... Genomföra en analys") == "1. Genomföra en analys"
    assert ocr_list_number_words(["1...", " Genomföra", " en"]) == ["1.", " Genomföra", " en"]
    assert ocr_list_number("1... och sedan") == "1... och sedan"


def test_percent_read_as_twenty_in_parentheses() -> None:
    assert ocr_percent_words(["Sjukfrånvaro,", " procentandel", " (20)"]) == ["Sjukfrånvaro,", " procentandel", " (%)"]
