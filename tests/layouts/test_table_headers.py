"""Which rows of words are a table's column labels."""

from __future__ import annotations

from planparse.layouts.table_headers import is_table_header


def test_term_and_year_columns_are_labels() -> None:
    """"Utfall vt 2026" / "Mål vt 2027": a label with its term and year, as "Utfall 2026"."""
    assert is_table_header(["Indikator", "Utfall vt 2026", "Mål vt 2027"])
    assert is_table_header(["Indikator", "Utfall 2026", "Mål 2027"])


def test_label_and_value_is_a_field() -> None:
    """A description list's item ("Status: | Klar", its value a label word too) is a field."""
    assert not is_table_header(["Status:", "Klar"])
    assert is_table_header(["Aktivitet", "Status"])


def test_a_goal_table_header_with_an_ocr_rule_glued_to_a_label() -> None:
    """An OCR'd goal table's header ("Mål | Bedömning helår |Trend", the column's rule read as "|")
    heads a table; a goal and its assessment alone side by side (a card) do not."""
    assert is_table_header(["Mål", "Bedömning helår", "|Trend"])
    assert not is_table_header(["Mål", "Bedömning"])
