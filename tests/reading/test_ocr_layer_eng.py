"""OCR layers made with Tesseract's English model (no å/ä/ö, no fonts), read from real fixtures:
a one-letter word ending a wrapped heading ("i") is given a tiny font size by the layer, yet
stays on its row; a thousands space given back from the page's ink stands against a reference
OCR that runs the groups together; a figure crop Tesseract reads nothing in at one scale ("11")
is read at another."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import read_pdf
from planparse.reading.model import Document

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
GISLAVED = FIXTURES / "holdout-generic15" / "namndplan" / "gislaved-bun-namndplan-2027-ocr.pdf"
BOTKYRKA = FIXTURES / "holdout-generic16" / "verksamhetsplan" / "botkyrka-kfn-verksamhetsplan-2027-ocr.pdf"
HEBY = FIXTURES / "holdout-generic14" / "delarsrapport" / "heby-sn-delarsrapport-augusti-2026-ocr.pdf"


@pytest.fixture(scope="module")
def gislaved() -> Document:
    return read_pdf(GISLAVED)


def test_a_lone_letter_of_a_wrapped_heading_stays_on_its_row(gislaved: Document) -> None:
    pages = gislaved.image_ruled or gislaved.pages
    texts = [ln.text for ln in pages[1].lines]
    assert "Alla barn och unga ska lyckas i" in texts
    assert "i" not in texts
    assert texts[texts.index("Alla barn och unga ska lyckas i") + 1] == "skolan"


def test_a_thousands_space_from_the_ink_stands_against_the_reference() -> None:
    doc = read_pdf(BOTKYRKA)
    cells = [c.text for p in (doc.image_ruled or doc.pages) for t in p.tables for r in t.rows for c in r.cells]
    assert {"2 140", "1 860", "2 200"} <= set(cells)
    assert not {"2140", "1860", "2200"} & set(cells)


def test_a_figure_read_as_nothing_at_one_scale_is_read_at_another() -> None:
    doc = read_pdf(HEBY)
    assert doc.reread is not None
    assert doc.reread(1, (515.0, 389.0, 540.0, 403.0)) == "11"  # the "Målvärde 2026" cell OCR'd "mi"


TORSAS = FIXTURES / "holdout-families6" / "orebro_budget" / "torsas-plan-budget-2025-ocr.pdf"


def test_a_footnote_star_the_reference_read_as_a_letter_adds_none() -> None:
    """Torsås's OCR'd plan med budget, page 7: the layer reads "heltidsanstallning*" (a
    footnote's star glued on), the Swedish re-OCR "heltidsanställningt" (the star read as a
    "t"), a word the lexicon does not know; without that letter it does, so the word takes
    the reference's marks and not its letter."""
    doc = read_pdf(TORSAS)
    texts = [ln.text for ln in doc.pages[6].lines]
    assert any("heltidsanställning*" in t for t in texts)
    assert not any("heltidsanställningt" in t for t in texts)


def test_a_mark_letter_the_layer_dropped_inside_a_word_comes_back() -> None:
    """Vingåker's OCR'd målavstämning, page 3: the English layer reads "Införa" as "Infra",
    the "ö" read as nothing (a rarer word of its own); the Swedish re-OCR reads "Införa",
    the layer's word with one mark letter more, and a commoner word: it wins."""
    doc = read_pdf(FIXTURES / "holdout-families5" / "ange_tertial" / "vingaker-malavstamning-2027-t2-ocr.pdf")
    texts = [ln.text for ln in doc.pages[2].lines]
    assert "Införa digital ansökan om hemtjänst" in texts
