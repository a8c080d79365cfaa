"""A 300 dpi 1-bit (bilevel, fax-like) scan: holdout-generic18's Haninge årsredovisning excerpt.
Its tables' grey hairlines are dithered into dots, and its bold column headings come out as
blocky glyphs. Expected values are read off the page image and the document's gold JSON."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pymupdf

import planparse
from planparse.reading import raster_rules, read_pdf, stutter
from planparse.reading.model import Line, Span
from planparse.reading.pymupdf_backend import render_gray

HANINGE = (Path(__file__).resolve().parents[2] / "fixtures" / "holdout-generic18" / "arsredovisning"
           / "haninge-arsredovisning-2025-utdrag-scan.pdf")


@cache
def _page_one() -> bytes:
    with pymupdf.open(HANINGE) as pdf:
        return render_gray(pdf[0], 200)


def test_a_dotted_column_rule_is_a_rule() -> None:
    """The first table's rule between "Indikator" and "2023" (x ≈ 291 pt, y 243–295) is a
    dithered hairline whose dots leave a sixth of its length blank; measured only on its inked
    pixels it was no rule, and the 2023 column ran into the names ("… bostäder 612")."""
    found = raster_rules.rules(_page_one(), 200)
    assert any(d.kind == "vline" and 289 <= d.bbox[0] <= 293 and d.bbox[1] <= 246 and d.bbox[3] >= 292
               for d in found)


def test_no_column_rule_through_a_line_of_text() -> None:
    """Bridging a rule's breaks must not carry a rule through text: on page 3 of a grey scan
    (holdout-families2's Ljusnarsberg) a table's column rule at x ≈ 327 pt stops for a text
    line that runs across the table (y ≈ 352–364); the rule's group taken on through the
    line's letters cut the text in two."""
    scan = HANINGE.parents[2] / "holdout-families2" / "ange_tertial" / "ljusnarsberg-malavstamning-2023-t2-scan.pdf"
    with pymupdf.open(scan) as pdf:
        found = raster_rules.rules(render_gray(pdf[2], 200), 200)
    column = [d for d in found if d.kind == "vline" and 320 <= d.bbox[0] <= 334]
    assert column and not [d for d in column if d.bbox[1] < 358 < d.bbox[3]]


def test_a_year_read_with_its_last_digit_twice_is_read_again() -> None:
    """Tesseract read the bold heading "2023" of the first table as "20233"; read on its own
    the cut says "2023". A real five-digit figure the cut does not confirm stays."""
    image = raster_rules.without_rules(_page_one(), 200)
    heading = Span(text=" 20233", bbox=(298.0, 248.0, 320.0, 255.0), size=9.0)
    other = Span(text=" 20233", bbox=(180.0, 162.0, 210.0, 170.0), size=9.0)  # over words of a title
    lines = [Line(spans=[Span(text="Indikator", bbox=(72.0, 243.0, 115.0, 255.0), size=9.0), heading],
                  page=1, method="ocr"),
             Line(spans=[other], page=1, method="ocr")]
    assert stutter.mend_stuttered_years(lines, image, 200) == 1
    assert heading.text == " 2023" and other.text == " 20233"


def test_the_indicator_tables_keep_their_year_columns() -> None:
    data = json.loads(planparse.parse(HANINGE).to_json())
    first = data["goals"][0]["children"][0]
    assert [i["name"] for i in first["indicators"]] == [
        "Antal färdigställda bostäder", "Antal bostäder i antagna detaljplaner"]
    assert [(v["label"], v["raw"]) for v in first["indicators"][0]["values"]] == [
        ("2023", "612"), ("2024", "488"), ("2025", "731"), ("Mål 2025", "600")]
    doc = read_pdf(str(HANINGE))
    headers = [t.header for t in doc.pages[0].tables]
    assert ["Indikator", "2023", "2024", "2025", "Mål 2025"] in headers


def test_broken_row_rules_still_part_the_rows() -> None:
    """The third table's bottom rule and the fourth's rule between its two indicator rows are
    broken where the scan lost the hairline's dots (gaps of 11 to 64 points): the third table
    was read as prose rows ("Utvecklingen följer …" as an indicator) and the fourth's two
    names ran into one cell."""
    doc = read_pdf(str(HANINGE))
    names = [t.rows[k].cells[0].text.split() for t in doc.pages[0].tables for k in range(1, len(t.rows))]
    assert [" ".join(n[:3]) for n in names] == [  # (the names' ends hold OCR's misreadings of "%")
        "Antal färdigställda bostäder", "Antal bostäder i", "Andel fossilfria fordon",
        "Andel elever i", "Andel öppet arbetslösa", "Antal deltagare i"]
    turned = doc.pages[1].tables
    assert [c.text for c in turned[0].rows[1].cells][1:] == ["63", "61", "64", "70"]
