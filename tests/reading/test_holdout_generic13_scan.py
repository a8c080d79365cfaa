"""The two-column annual report of holdout-generic13, scanned (200 dpi, about 1° of skew):
its columns read one after the other, its tables inside one column each. Expected values are
read off the page image and the document's gold JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import read_pdf
from planparse.reading.columns import _column_edge
from planparse.reading.model import Document

SCAN = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-generic13" / "arsredovisning" / \
    "vimmerby-ks-arsredovisning-2025-scan.pdf"


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_pdf(SCAN)


def test_scanned_two_columns_are_read_one_after_the_other(doc: Document) -> None:
    """A right column of headings, short "Bedömning" lines and tables beside running text:
    row by row few of the text's rows have a filled row beside them, but each column on its
    own runs down the page, so the gutter is found and the columns are not interleaved."""
    page = doc.pages[0]
    assert page.two_columns
    texts = [ln.text for ln in page.lines]
    assert "Vimmerby kommun redovisar för 2025 ett" in texts  # not joined with "Bedömning: Uppfyllt"
    assert "bostadsbyggandet har tagit fart i flera" in texts  # beside a table row: kept
    last_left = texts.index("Bedömning: Delvis uppfyllt")
    assert texts[last_left + 1] == "Fler bostäder ska byggas i alla"  # the right column's first line


def test_column_edge_is_the_leftmost_of_starts_a_few_points_apart() -> None:
    """An OCR'd column's lines start a point or three apart, a table's cells in it a little
    further in: the edge is where the column's own lines start, not the cells' indent."""
    starts = [57.0] * 10 + [310.4, 310.7, 310.9, 311.0, 311.4] + [313.4, 313.5, 313.6, 313.9, 313.7, 313.2]
    assert _column_edge(starts, 595.0) == 310.4
    assert _column_edge([57.0] * 10 + [300.0, 340.0, 380.0], 595.0) is None  # no edge most lines share


def test_tables_ruled_only_under_rows_split_at_a_heading_and_an_open_header(doc: Document) -> None:
    """Indicator tables ruled only under their header and rows, one column of the page: the
    band between one table's last rule and the next's holds a goal heading, its "Bedömning"
    and the next table's header sitting on its rule. That header starts a table of its own;
    the heading and its line go with neither."""
    tables = doc.pages[0].tables
    indicators = [t for t in tables if t.rows[0].texts[0] == "Indikator"]
    assert len(indicators) == 5
    assert all(len(t.rows) == 2 for t in indicators)  # a header and one row each
    assert [t.rows[1].texts[0] for t in indicators[1:3]] == ["Gästnätter i kommunen, tusental", "Nöjd kund-index för företagare"]
    texts = [ln.text for ln in doc.pages[0].lines]
    assert "Företagsklimatet ska förbättras" in texts and "Bedömning: Ej uppfyllt" in texts


def test_header_wrapped_over_two_lines_names_every_column(doc: Document) -> None:
    """A budget table's header with its labels wrapped ("Budget" over "2025") and set right,
    a few points apart ("Budget Utfall Avvikelse"): both lines are the header, and each label
    its own column."""
    budget = next(t for t in doc.pages[0].tables if t.rows[0].texts[0].startswith("Nämnd"))
    assert [" ".join(t.split()) for t in budget.rows[0].texts] == ["Nämnd, mnkr", "Budget 2025", "Utfall 2025", "Avvikelse"]
    assert budget.rows[1].texts == ["Kommunstyrelsen", "98,4", "96,1", "2,3"]
    assert budget.rows[-1].texts[0] == "Summa" and len(budget.rows) == 6
