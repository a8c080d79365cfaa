"""A planning system's printout lines: breadcrumbs and rows of fields without colons."""

from __future__ import annotations

from planparse.layouts.printout_lines import field_row, steps


def test_breadcrumb_steps() -> None:
    assert steps("Kommunfullmäktige › Kultur- och fritidsnämnden › Mål 1") == [
        "Kommunfullmäktige", "Kultur- och fritidsnämnden", "Mål 1"]
    assert steps("Start > Nämnder > Socialnämnden") == ["Start", "Nämnder", "Socialnämnden"]
    assert steps("Andelen ska vara > 90 %") is None  # a comparison, not a path
    assert steps("Kultur och fritid") is None


def test_a_row_of_fields_without_colons_is_written_with_them() -> None:
    assert field_row("Ansvarig Fritidschef Status ■Delvis uppfyllt Trend ↑") == \
        "Ansvarig: Fritidschef | Status: ■Delvis uppfyllt | Trend: ↑"
    assert field_row("Ansvarig Planchef Status Färdiggrad 60 %") == "Ansvarig: Planchef | Färdiggrad: 60 %"  # status an icon
    assert field_row("Start 2026-01-01 Slut 2026-12-31") == "Start: 2026-01-01 | Slut: 2026-12-31"


def test_prose_and_labelled_lines_are_no_rows_of_fields() -> None:
    assert field_row("Status för arbetet är god enligt rektor") is None  # one label only
    assert field_row("Ansvarig är rektor och Status följs upp") is None  # a sentence
    assert field_row("Ansvarig: Rektor | Status: Klar") is None  # colons already
