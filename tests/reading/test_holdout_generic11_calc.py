"""holdout-generic11's LibreOffice Calc print, reading layer: the sheet's title in its first
cell over the column labels, and figures run together with the next cell's text across a
gridline."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import read_pdf
from planparse.reading.model import Document, Span
from planparse.reading.rule_cuts import cut_at_rules

CALC = Path(__file__).parents[2] / "fixtures/holdout-generic11/budget/vasteras-tn-budget-2027-2029.pdf"


@pytest.fixture(scope="module")
def calc() -> Document:
    return read_pdf(CALC)


def test_a_sheet_title_over_the_column_labels_is_no_header(calc: Document) -> None:
    """"Tekniska nämnden – driftbudget, tkr" in the first cell, its text run on over the empty
    cells beside it: the table's title; the row of labels under it is the header."""
    drift, invest = calc.pages[0].tables[0], calc.pages[1].tables[0]
    assert drift.header == ["Verksamhet", "Bokslut 2025", "Budget 2026", "Budget 2027", "Plan 2028", "Plan 2029"]
    assert [r.cells[0].text for r in drift.body[:2]] == ["Gata och park", "Gatudrift och underhåll"]
    assert invest.header == ["Projekt", "Beskrivning", "Total utgift", "2027", "2028", "2029", "Ansvarig"]


def test_a_run_across_a_gridline_is_two_cells(calc: Document) -> None:
    """"0 Projektchef stadsmiljö" (a right-aligned 0 at the rule, the next cell's text after
    it) is read as "0" and "Projektchef stadsmiljö"."""
    row = next(r for r in calc.pages[1].tables[0].body if r.cells[0].text == "Ombyggnad Stora Gatan etapp 2")
    assert [c.text for c in row.cells][-2:] == ["0", "Projektchef stadsmiljö"]


def test_cut_at_rules_cuts_at_the_space_nearest_the_rule() -> None:
    span = Span("2029 Ansvarig", (660.7, 94.0, 719.9, 102.9), size=8.8, bold=True)
    parts = [s for _, s, _, _ in cut_at_rules([(0, span, span.xc, span.yc)], [681.2])]
    assert [p.text for p in parts] == ["2029", "Ansvarig"]
    assert parts[0].bbox[2] < 681.2 < parts[1].bbox[0] and all(p.bold for p in parts)
    words = Span("Slitlager och bärlager", (215.0, 0.0, 300.0, 9.0))  # no rule through it
    assert [s.text for _, s, _, _ in cut_at_rules([(0, words, words.xc, 4.5)], [392.4])] == [words.text]


def test_cut_at_rules_parts_a_label_run_on_into_the_next_cell() -> None:
    """A label too long for its cell runs on under the rule up to the next cell's label with no
    space between; an OCR'd word ("socialpsykiatrEj") is cut there however little it crosses."""
    span = Span("Utfall jan–aug 2026Prognos 2026", (306.0, 311.0, 463.0, 320.0))
    parts = [s.text for _, s, _, _ in cut_at_rules([(0, span, span.xc, span.yc)], [386.0])]
    assert parts == ["Utfall jan–aug 2026", "Prognos 2026"]
    word = Span(" socialpsykiatrEj", (360.0, 226.0, 428.0, 235.0))
    parts = [s.text for _, s, _, _ in cut_at_rules([(0, word, word.xc, word.yc)], [423.0], glued_only=True)]
    assert parts == [" socialpsykiatr", " Ej"]
    plain = Span(" Enhetschef", (300.0, 226.0, 428.0, 235.0))  # an OCR'd word with no abutting capital stays
    assert [s.text for _, s, _, _ in cut_at_rules([(0, plain, plain.xc, plain.yc)], [423.0], glued_only=True)] == [" Enhetschef"]
