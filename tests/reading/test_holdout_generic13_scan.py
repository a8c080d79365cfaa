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
