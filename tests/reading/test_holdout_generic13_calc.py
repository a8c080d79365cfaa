"""holdout-generic13's LibreOffice Calc print (openpyxl workbook), reading layer: group rows
left without borders between ruled rows, and a header cell merged down over two rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import read_pdf
from planparse.reading.model import Table

CALC = Path(__file__).parents[2] / "fixtures/holdout-generic13/budget/trelleborg-tn-investeringsbudget-2027-2029.pdf"


@pytest.fixture(scope="module")
def tables() -> list[Table]:
    return read_pdf(CALC).pages[0].tables


def test_unruled_group_rows_between_grids_are_rows_of_one_table(tables: list[Table]) -> None:
    """"Gator och trafik", "Parker och grönområden", "Fastigheter" stand in bands without
    column rules between grids ruled on the same columns, one row high: the header's grid and
    the three grids of projects are one table, each group row a row spanning it."""
    assert len(tables) == 1
    table = tables[0]
    groups = [r.cells[0].text for r in table.rows if r.full_width]
    assert groups == ["Gator och trafik", "Parker och grönområden", "Fastigheter"]
    assert [r.cells[0].text for r in table.rows][-2:] == ["Summa fastigheter", "Summa investeringar"]
    assert table.n_cols == 6


def test_a_cell_merged_down_over_the_header_reads_once(tables: list[Table]) -> None:
    """"Projekt", merged over both header rows and centred on the hidden rule between them,
    is one label, not "Projekt Projekt"."""
    table = tables[0]
    assert table.header == ["Projekt", "Budget 2027", "Budget 2027", "Budget 2027", "Plan 2028", "Plan 2029"]
    assert [c.text for c in table.rows[1].cells] == ["", "Utgift", "Inkomst", "Netto", "Netto", "Netto"]
