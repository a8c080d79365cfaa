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
