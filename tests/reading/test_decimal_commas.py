"""Decimal commas an OCR read as nothing ("7,2" as "72"), given back from the page image's ink:
on someone else's OCR layer, and in the figures our reference reading adds to it."""

from __future__ import annotations

import json
from pathlib import Path

import planparse
from planparse.reading import read_pdf

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_comma_lost_by_an_ocr_layer_comes_back() -> None:
    doc = read_pdf(FIXTURES / "stress-seed7" / "ange_tertial" / "ange_tertial-00-html-ocr.pdf")
    row = next(ln for p in doc.pages for ln in p.lines if "16,0" in ln.text)
    assert row.text == "7,3 16,0"  # the layer has "73"


def test_comma_lost_by_the_reference_reading_comes_back_and_whole_numbers_stay() -> None:
    """Hällefors: the layer lost the row's figures and the reference reading read "7,1" as "71";
    "Medarbetarindex" 72, 74 and 75 are whole numbers (no mark between their figures)."""
    doc = json.loads(planparse.parse(FIXTURES / "holdout-families2" / "orebro_budget" / "hallefors-plan-budget-2022-ocr.pdf").to_json())

    def indicators(goals: list[dict]) -> list[dict]:
        return [i for g in goals for i in g["indicators"]] + [i for g in goals for i in indicators(g["children"])]

    by_name = {i["name"]: [v["raw"] for v in i["values"]] for i in indicators(doc["goals"])}
    assert by_name["Sjukfrånvaro totalt, procent"][:2] == ["7,1", "6,8"]
    assert by_name["Medarbetarindex"][:3] == ["72", "74", "75"]


def test_comma_seen_through_a_band_edge_the_figure_box_takes_in() -> None:
    """Vingåker's OCR'd målavstämning, page 5: the layer reads "7,4" as "74", its box tall
    enough that the crop takes in the header band's lower edge, a row of ink across the whole
    crop. That row is no figure's ink; under it the comma shows, and "6,5" beside it stays."""
    doc = read_pdf(FIXTURES / "holdout-families5" / "ange_tertial" / "vingaker-malavstamning-2027-t2-ocr.pdf")
    name = next(ln for ln in doc.pages[4].lines if "totalt" in ln.text)
    row = [s.text.strip() for ln in doc.pages[4].lines if abs(ln.bbox[1] - name.bbox[1]) < 2 and ln is not name for s in ln.spans]
    assert row == ["6,5", "7,4"]


def test_comma_after_a_narrow_one_on_a_scan_comes_back() -> None:
    """Finspång's scanned plan med budget, page 7: Tesseract reads "11,2" as "112". The comma's
    blot stands more than half a figure's width after the "1" before it (a tabular "1" is
    narrow in its advance) but within one: it is the decimal mark. "86" and "91" stay."""
    doc = read_pdf(FIXTURES / "holdout-families5" / "orebro_budget" / "finspang-plan-budget-2024-scan.pdf")
    words = [s.text.strip() for ln in doc.pages[6].lines for s in ln.spans]
    assert "11,2" in words and "112" not in words
    assert "86" in words and "91" in words
