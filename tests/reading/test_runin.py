"""Run-in headings parted from the paragraph they open (:mod:`planparse.reading.runin`)."""

from __future__ import annotations

from planparse.reading.model import Line, Span
from planparse.reading.runin import split_heads


def _line(y: float, *parts: tuple[str, bool]) -> Line:
    x, spans = 63.0, []
    for text, bold in parts:
        spans.append(Span(text=text, bbox=(x, y, x + 5.0 * len(text), y + 11.0), size=11.0, bold=bold))
        x += 5.0 * len(text)
    return Line(spans=spans, page=1, method="native")


def test_a_bold_sentence_opening_a_paragraph_is_its_heading_without_its_full_stop() -> None:
    lines = split_heads([_line(100.0, ("Barn och unga ska få stöd tidigt.", True), (" Antalet anmälningar ökade.", False))])
    assert [ln.text for ln in lines] == ["Barn och unga ska få stöd tidigt", "Antalet anmälningar ökade."]


def test_a_bold_sentence_filling_its_line_is_a_heading_when_the_paragraph_goes_on_under_it() -> None:
    """Mora (holdout-generic68): the head ends at the line's end, the regular text runs on below."""
    lines = split_heads([_line(100.0, ("Personer med funktionsnedsättning ska ha sysselsättning.", True)),
                         _line(113.0, ("Daglig verksamhet har utökats.", False))])
    assert [ln.text for ln in lines] == ["Personer med funktionsnedsättning ska ha sysselsättning", "Daglig verksamhet har utökats."]


def test_a_bold_line_with_a_heading_apart_from_the_text_keeps_its_text() -> None:
    lines = split_heads([_line(100.0, ("Året i korthet.", True)), _line(140.0, ("Nämnden har arbetat.", False))])
    assert lines[0].text == "Året i korthet."
