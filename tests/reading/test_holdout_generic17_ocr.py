"""holdout-generic17's damaged copies, read: the English OCR layer of a Writer-like
delårsrapport (Tesseract's GlyphLessFont, one font for every word) gets its bold words from
the ink of the page image, so its table headers are headers (their years, too short to judge,
aside); on the scanned
årsredovisning a word box Tesseract stretched over a tilted table rule under its line is cut
back to its letters (measured against the document's usual letter size), so the line stays
body text."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import read_pdf
from planparse.reading.model import Document

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-generic17"
ALE = FIXTURES / "delarsrapport" / "ale-von-delarsrapport-augusti-2026-ocr.pdf"
SKOVDE = FIXTURES / "arsredovisning" / "skovde-arsredovisning-2025-utdrag-scan.pdf"


@pytest.fixture(scope="module")
def ale() -> Document:
    return read_pdf(ALE)


def test_an_ocr_layer_in_one_font_gets_its_bold_from_the_ink(ale: Document) -> None:
    pages = ale.image_ruled or ale.pages
    headings = [ln for ln in pages[0].lines if ln.text in ("Sammanfattning", "Trygg och värdig äldreomsorg")]
    assert len(headings) == 2 and all(ln.bold for ln in headings)
    body = next(ln for ln in pages[0].lines if ln.text.startswith("Nämnden prognostiserar"))
    assert not any(s.bold for s in body.spans)


def test_its_plain_type_table_headers_are_headers(ale: Document) -> None:
    pages = ale.image_ruled or ale.pages
    headers = [t.header for p in pages for t in p.tables]
    assert ["Nämndmål", "Bedömning"] in headers
    assert sum(1 for h in headers if h[:2] == ["Indikator", "Utfall 2025"]) == 4
    assert all(h for h in headers)
    # (a year too short to judge by its strokes does not keep its bold row from being a header)
    row = next(t.rows[0] for p in pages for t in p.tables if t.header[:1] == ["Indikator"])
    assert row.is_header and not all(s.bold for c in row.cells for ln in c.lines for s in ln.spans)


def test_a_word_box_over_a_tilted_rule_is_cut_to_its_letters() -> None:
    doc = read_pdf(SKOVDE)
    line = doc.pages[1].lines[0]
    assert line.text.startswith("Medarbetarindex")
    goal = next(ln for ln in doc.pages[0].lines if ln.text.startswith("Skövde kommun ska vara"))
    assert line.size <= goal.size and not line.bold
    assert all(s.bbox[3] - s.bbox[1] < 15 for s in line.spans)
