"""A draft's marks in the text layer: line numbers in the margin, struck text in a reviewer's
colour, comment balloons and raised footnote figures (:mod:`planparse.reading.line_numbers`,
:mod:`planparse.reading.markup`, :func:`planparse.reading.footnotes.drop_raised_digits`)."""

from __future__ import annotations

from planparse.reading import footnotes, line_numbers, markup
from planparse.reading.model import Drawing, Line, Span

RED = 0xB00020


def _line(words: list[tuple[str, float]], y0: float, size: float = 10.0, color: int = 0) -> Line:
    spans = [Span(t, (x0, y0, x0 + 0.5 * size * len(t), y0 + size), size=size, color=color) for t, x0 in words]
    return Line(spans=spans, page=1)


def _numbered_page(gap: float = 20.0) -> list[Line]:
    texts = ["Inledning", "Nämnden beskriver här hur den bidrar", "till kommunfullmäktiges mål.",
             "Mål 1: Kommunens fordon ska bli", "fossilfria och energisnåla", "Omställningen ska ske i takt"]
    return [_line([(str(k + 1), 52.0), (t, 52.0 + 5.0 + gap)], 100.0 + 14 * k) for k, t in enumerate(texts)]


def test_line_numbers_in_the_margin_are_no_text() -> None:
    lines = line_numbers.strip(_numbered_page())
    assert [ln.text for ln in lines][:4] == ["Inledning", "Nämnden beskriver här hur den bidrar",
                                             "till kommunfullmäktiges mål.", "Mål 1: Kommunens fordon ska bli"]


def test_numbered_headings_a_word_space_from_their_text_keep_their_numbers() -> None:
    lines = line_numbers.strip(_numbered_page(gap=3.0))
    assert lines[0].text == "1 Inledning"


def test_numbers_that_do_not_count_up_are_no_line_numbers() -> None:
    page = _numbered_page()
    page[2].spans[0] = Span("9", page[2].spans[0].bbox, size=10.0)
    page[4].spans[0] = Span("2", page[4].spans[0].bbox, size=10.0)
    assert line_numbers.strip(page)[0].text == "1 Inledning"


def test_text_struck_in_a_reviewers_colour_is_left_out() -> None:
    kept = _line([("Omställningen ska ske i takt med", 72.0)], 200.0)
    struck = Span("före", (240.0, 200.0, 260.0, 210.0), size=10.0, color=RED)
    kept.spans.append(struck)
    strike = Drawing(bbox=(240.0, 205.0, 260.0, 205.6), kind="hline")
    rule = Drawing(bbox=(40.0, 300.0, 560.0, 300.5), kind="hline")
    lines, drawings = markup.drop_struck([kept], [strike, rule])
    assert lines[0].text == "Omställningen ska ske i takt med"
    assert drawings == [rule]


def test_black_struck_text_is_an_item_marked_done_and_stays() -> None:
    line = _line([("Utreda behovet av en resursskola", 72.0)], 200.0)
    strike = Drawing(bbox=(72.0, 205.0, 72.0 + 5.0 * 32, 205.6), kind="hline")
    lines, drawings = markup.drop_struck([line], [strike])
    assert lines[0].text == "Utreda behovet av en resursskola" and drawings == [strike]


def test_a_comment_balloon_and_its_box_are_left_out() -> None:
    body = _line([("Mål 1: Alla elever ska lämna grundskolan", 72.0)], 242.0)
    label = _line([("Kommentar [PE1]: Stämmer beloppet", 452.0)], 250.0, 7.0)
    rest = _line([("med budgetberedningen?", 452.0)], 258.0, 7.0)
    box = Drawing(bbox=(448.0, 246.0, 580.0, 270.0), kind="rect")
    lines, drawings = markup.drop_balloons([body, label, rest], [box])
    assert [ln.text for ln in lines] == ["Mål 1: Alla elever ska lämna grundskolan"] and drawings == []


def test_a_raised_small_figure_after_a_word_with_its_note_below_is_no_text() -> None:
    word = Span("centralorten", (107.8, 599.6, 165.2, 609.5), size=8.5)
    mark = Span("2", (165.2, 597.5, 168.4, 603.5), size=5.1)
    cell = Line(spans=[word], page=1)
    raised = Line(spans=[mark], page=1)
    note = _line([("2", 72.0), ("Aktiviteten finansieras delvis med statsbidrag.", 80.0)], 766.0, 7.5)
    lines = footnotes.drop_raised_digits([cell, raised, note], 842.0)
    assert raised not in lines and note in lines


def test_a_figure_of_the_text_stays_without_a_note_below() -> None:
    word = Span("centralorten", (107.8, 599.6, 165.2, 609.5), size=8.5)
    mark = Line(spans=[Span("2", (165.2, 597.5, 168.4, 603.5), size=5.1)], page=1)
    assert mark in footnotes.drop_raised_digits([Line(spans=[word], page=1), mark], 842.0)
