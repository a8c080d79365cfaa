"""OCR'd heading numbers that lost their dots get them back where the numbering calls for them."""

from __future__ import annotations

from planparse.reading.heading_numbers import dotted_heading_numbers
from planparse.reading.model import Line, Span


def _line(text: str, method: str = "ocr") -> Line:
    spans, x = [], 60.0
    for word in text.split():
        spans.append(Span(text=word, bbox=(x, 100, x + 6 * len(word), 110), size=10))
        x += 6 * len(word) + 3
    return Line(spans=spans, page=1, method=method)  # type: ignore[arg-type]


def test_the_next_number_of_the_outline_gets_its_dots() -> None:
    lines = [_line("3.2.1 Antalet företag ska öka"), _line("Bedömning"), _line("322 Besöksnäringen ska stärkas"),
             _line("33 Kommunen ska vara klimatsmart")]
    dotted_heading_numbers(lines)
    assert [ln.text for ln in (lines[2], lines[3])] == ["3.2.2 Besöksnäringen ska stärkas", "3.3 Kommunen ska vara klimatsmart"]


def test_a_figure_that_is_no_next_number_stays() -> None:
    lines = [_line("3.2.1 Antalet företag ska öka"), _line("512 Personer fick stöd"), _line("31 Kommunen ska")]
    dotted_heading_numbers(lines)
    assert lines[1].text == "512 Personer fick stöd"
    assert lines[2].text == "31 Kommunen ska"  # 3.1 comes before 3.2.1, not after it


def test_native_text_and_documents_without_dotted_numbers_are_left_alone() -> None:
    native = [_line("3.2.1 Antalet företag ska öka", "native"), _line("322 Besöksnäringen ska stärkas", "native")]
    alone = [_line("322 Besöksnäringen ska stärkas")]
    dotted_heading_numbers(native)
    dotted_heading_numbers(alone)
    assert native[1].text == "322 Besöksnäringen ska stärkas"
    assert alone[0].text == "322 Besöksnäringen ska stärkas"


def test_a_dot_read_as_a_figure_is_given_back_under_its_chapter() -> None:
    # (nynashamn-socialnamnden-namndplan-2026, OCR'd: "2.1" read "271" under "2: Trygghet …")
    lines = [_line("1.2. Barn och unga ska få stöd"), _line("2: Trygghet och delaktighet"),
             _line("271 Personer med beroendeproblematik ska få"), _line("2.2 Våldsutsatta ska få skydd")]
    dotted_heading_numbers(lines)
    assert lines[2].text == "2.1 Personer med beroendeproblematik ska få"


def test_a_chapter_number_read_from_native_text_or_a_figure_off_the_numbering_stays() -> None:
    native = [_line("2: Trygghet och delaktighet", "native"), _line("271 Personer med beroende")]
    off = [_line("2: Trygghet och delaktighet"), _line("371 Personer med beroende")]
    dotted_heading_numbers(native)
    dotted_heading_numbers(off)
    assert native[1].text == "271 Personer med beroende"
    assert off[1].text == "371 Personer med beroende"  # 2.1 or 3 come after 2, 3.1 does not
