"""Pages set in two columns: the gutter is found only where running text fills both sides."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import read_pdf
from planparse.reading.columns import row_end

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
        "holdout-families3/robertsfors_vp/lycksele-verksamhetsplan-2026.pdf",  # ... with values under labels
        "generic/delarsrapport-word-table-grid.pdf",
        "real/simrishamn_kfn_arsbokslut_2025_printtopdf.pdf",
        "holdout-generic17/delarsrapport/molndal-von-delarsrapport-augusti-2026.pdf",  # ruled tables across the page
    ],
)
def test_single_column_pages_are_not_taken_for_two(pdf: str) -> None:
    doc = read_pdf(FIXTURES / pdf)
    assert not any(p.two_columns for p in doc.pages)


def test_ocr_two_column_page_is_read_column_by_column() -> None:
    """An English-OCR'd layer of a two-column page: its pieces of a line ("Andelen fossilfria
    fordon" · "i kommunens"), baselines a point or two apart and headings between short
    paragraph ends still show the gutter, so lines on one row in the two columns stay apart."""
    doc = read_pdf(FIXTURES / "holdout-generic8" / "verksamhetsberattelse" / "vanersborg-tn-verksamhetsberattelse-2025-ocr.pdf")
    page = doc.pages[0]
    assert page.two_columns
    texts = [ln.text for ln in page.lines]
    assert "kommunens gator, parker, fastigheter och" in texts  # not joined with the right column's line
    left_last = texts.index("Målet bedöms som inte uppfyllt.")
    assert texts[left_last + 1] == "Trygga och tillgängliga miljöer"  # the right column's first line
    assert "Andelen fossilfria fordon i kommunens" in texts


def test_row_end_joins_pieces_a_word_apart_not_cells() -> None:
    row = [(50.0, 100.0, 190.0, 110.0), (196.0, 100.0, 270.0, 110.0), (300.0, 100.0, 330.0, 110.0)]
    assert row_end(row[0], row) == row[1]  # a word's space: one row of text; the cell 30 pt on is none of it


def test_two_columns_whose_right_one_is_short() -> None:
    """The text ends six lines into the right column: few rows stand side by side, yet the page
    is in two columns (as wide as each other, nothing across the gutter, running text in both),
    and the right column's lines stay out of the left column's bullets."""
    doc = read_pdf(FIXTURES / "holdout-generic4" / "arbetsplan" / "skelleftea-tallbacken-forskola-arbetsplan-2025-2026.pdf")
    page = doc.pages[1]
    assert page.two_columns
    texts = [ln.text for ln in page.lines]
    assert "att använda och utveckla sitt modersmål." in texts
    assert texts.index("Uppföljning") > texts.index("barn att komma in i lekgrupper.")


def test_list_heavy_columns_are_read_column_by_column() -> None:
    """Two columns of bullet lists (a preschool arbetsplan): most rows are short, the last
    lines of items that end without a stop, under a line that fills the column. They count as
    running text, so the "Mål" bullets of the left column are not joined with the right
    column's lines on their baselines."""
    doc = read_pdf(FIXTURES / "holdout-generic16" / "arbetsplan" / "lomma-forskolan-strandangen-arbetsplan-2026-2027.pdf")
    page = doc.pages[0]
    assert page.two_columns
    texts = [ln.text for ln in page.lines]
    assert "✿ Barnen visar omtanke om varandra och tar" in texts
    first = texts.index("✿ Barnen visar omtanke om varandra och tar")
    assert texts[first + 1] == "hänsyn i leken"
    assert texts.index("dokumentera barnens upptäckter") < texts.index("Mål", first + 20)  # the left column first


def test_a_tables_figure_columns_are_no_text_column() -> None:
    """An unruled indicator table (pandoc → Writer/Web): the figures right of the names ("84 86
    Öka", "85 87") stand beyond an empty band, but they are no column of text; the rows read
    across, the header before the first row's name."""
    doc = read_pdf(FIXTURES / "holdout-families21/orebro_budget/saffle-plan-budget-2026.pdf")
    page = next(p for p in doc.pages if any("Målvärde" in ln.text for ln in p.lines))
    texts = [ln.text for ln in page.lines]
    assert not page.two_columns
    header = next(k for k, t in enumerate(texts) if "Målvärde" in t)
    assert header < next(k for k, t in enumerate(texts) if t.startswith("Andel brukare"))
