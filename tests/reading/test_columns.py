"""Pages set in two columns: the gutter is found only where running text fills both sides."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import read_pdf

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_two_column_page_is_read_left_column_first() -> None:
    doc = read_pdf(FIXTURES / "generic" / "verksamhetsberattelse-word-two-columns.pdf")
    page = doc.pages[0]
    assert page.two_columns
    texts = [ln.text for ln in page.lines]
    # the title and the right column's first line share a baseline but stay two lines
    assert "Verksamhetsberättelse 2024" in texts
    right = next(i for i, t in enumerate(texts) if t.startswith("planer har antagits"))
    left_last = next(i for i, t in enumerate(texts) if t.startswith("flera av kommunens tätorter"))
    assert right == left_last + 1  # the sentence goes on at the top of the right column


@pytest.mark.parametrize(
    "pdf",
    [
        "lulea-plan-budget-2019.pdf",  # budget tables side by side with text
        "robertsfors-verksamhetsplan-2025.pdf",  # a cover grid of labels and values
        "generic/delarsrapport-word-table-grid.pdf",
        "real/simrishamn_kfn_arsbokslut_2025_printtopdf.pdf",
    ],
)
def test_single_column_pages_are_not_taken_for_two(pdf: str) -> None:
    doc = read_pdf(FIXTURES / pdf)
    assert not any(p.two_columns for p in doc.pages)
