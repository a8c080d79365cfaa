"""Running headers and other noise (:mod:`planparse.reading.noise`)."""

from __future__ import annotations

from pathlib import Path

from planparse.reading import read_pdf
from planparse.reading.model import Line, Span
from planparse.reading.noise import continued_headings, running_lines, side_menus

GROFF = Path(__file__).parents[2] / "fixtures/holdout-generic10/verksamhetsberattelse/skelleftea-bmn-verksamhetsberattelse-2026.pdf"


def _line(text: str, y: float, size: float, bold: bool = False) -> Line:
    return Line([Span(text, (70.0, y, 70.0 + 5 * len(text), y + size), size=size, bold=bold)], page=1)


def _body(y: float) -> list[Line]:
    return [_line("Brödtext som fyller sidan med vanlig text i brödstorlek.", y + 14 * k, 11.0) for k in range(10)]


def test_a_later_page_top_repeating_the_cover_in_small_type_is_a_running_header() -> None:
    """Two pages: the organisation and the title on page 1, the same words set small at the top
    of page 2 are its running header; a bold heading at page 2's top repeating a page-1 line
    is content."""
    first = [_line("Verksamhetsberättelse 2026", 70, 14.5, bold=True), _line("Skellefteå kommun", 90, 11.0),
             _line("Ekonomi", 110, 14.0, bold=True), *_body(200)]
    header = [_line("Skellefteå kommun", 45, 10.5), _line("VERKSAMHETSBERÄTTELSE 2026", 47, 9.0)]
    heading = _line("Ekonomi", 70, 14.0, bold=True)
    second = [*header, heading, *_body(100)]
    noise = running_lines([first, second], [842.0, 842.0])
    assert {id(ln) for ln in header} <= noise
    assert id(heading) not in noise and not noise & {id(ln) for ln in first}


def test_a_level_label_close_over_a_goal_at_a_later_page_top_is_content() -> None:
    """"NÄMNDMÅL" set small right over page 2's first goal repeats page 1's "Nämndmål" label,
    but sits on its goal: no running header."""
    first = [_line("Tertialrapport 1 2026", 50, 20.0, bold=True), _line("Nämndmål", 300, 7.5), *_body(320)]
    label = _line("NÄMNDMÅL", 51.7, 7.5)
    second = [label, _line("Barn och unga ska upptäckas tidigt", 59.8, 11.0, bold=True), *_body(100)]
    assert id(label) not in running_lines([first, second], [842.0, 842.0])


def test_groff_running_header_from_page_two_is_noise() -> None:
    doc = read_pdf(GROFF)
    assert [ln.text for ln in doc.pages[1].noise][:2] == ["Skellefteå kommun", "VERKSAMHETSBERÄTTELSE 2026"]
    assert all("VERKSAMHETSBERÄTTELSE" not in ln.text for ln in doc.pages[1].lines)


def test_a_section_label_or_an_ocr_line_at_a_later_page_top_is_content() -> None:
    """"Aktiviteter" at page 2's top, set apart, repeats page 1's label: content. So is any
    OCR'd line (its weight unknown: a heading could look regular)."""
    first = [_line("Arbetsplan 2026", 50, 20.0, bold=True), _line("Aktiviteter", 300, 8.6),
             _line("Förskola och hem", 320, 8.6), *_body(340)]
    label = _line("Aktiviteter", 64.9, 8.6)
    ocr = _line("Förskola och hem", 40, 8.6)
    ocr.method = "repaired"
    second = [ocr, label, *_body(100)]
    noise = running_lines([first, second], [842.0, 842.0])
    assert id(label) not in noise and id(ocr) not in noise


def _at(text: str, x: float, y: float, page: int) -> Line:
    return Line([Span(text, (x, y, x + 6 * len(text), y + 10), "DejaVuSans", 9.5)], page)


def test_a_printed_web_pages_side_menu_is_noise_a_forms_labels_are_not() -> None:
    menu = ["Start", "Mål", "Aktiviteter", "Rapporter"]
    pages = [[_at(w, 40, 90 + 25 * k, p) for k, w in enumerate(menu)] + [_at("Nämndens mål för året", 140, 100, p)]
             for p in (1, 2, 3)]
    found = side_menus(pages, [595.0] * 3)
    assert {ln.text for page in pages for ln in page if id(ln) in found} == set(menu)
    labels = ["Mål", "Ansvarig", "Status"]  # each with its value beside it, on every page
    forms = [[ln for k, w in enumerate(labels) for ln in (_at(w, 40, 90 + 25 * k, p), _at(f"värde {p}{k}", 140, 90 + 25 * k, p))]
             for p in (1, 2, 3)]
    assert side_menus(forms, [595.0] * 3) == set()
    numbers = [[_at(str(p), 40, 60, p), _at("Kommunstyrelsen", 40, 27, p)] for p in (1, 2, 3)]  # a chapter's number
    assert side_menus(numbers, [595.0] * 3) == set()


def test_a_running_header_naming_its_chapter_on_that_chapters_pages_is_noise() -> None:
    """A long report's header names the chapter it is in ("God ekonomisk hushållning" over two of
    its seven pages): too few pages for a running line, but the chapter's title is set larger in
    the body, so the small copies at the top are headers; the title itself stays."""
    pages = [[_line(f"Kapitel {k}", 70, 20.0, bold=True), *_body(200)] for k in range(5)]
    title = _line("God ekonomisk hushållning", 120, 20.0, bold=True)
    headers = [_line("God ekonomisk hushållning", 30, 8.5) for _ in range(2)]
    pages += [[headers[0], title, *_body(200)], [headers[1], *_body(100)]]
    noise = running_lines(pages, [842.0] * 7)
    assert {id(ln) for ln in headers} <= noise and id(title) not in noise


def test_a_continued_caption_alone_on_its_row_is_no_section() -> None:
    """"Kommunfullmäktiges verksamhetsmål (forts.)" over the rest of a table is noise; a table's
    header cell "Mål (forts.)" with its neighbour on the row is not."""
    caption = _line("Kommunfullmäktiges verksamhetsmål (forts.)", 60, 9.0)
    cell = _line("Mål (forts.)", 100, 8.5)
    beside = Line([Span("Bedömning", (300.0, 100.0, 360.0, 108.5), size=8.5)], page=1)
    assert continued_headings([[caption, cell, beside, *_body(150)]]) == {id(caption)}
