"""Unruled tables rebuilt from positioned words (:mod:`planparse.reading.positioned`): OCR'd
strokes and header labels, and OCR'd copies of the stress corpus (expected values read off the
documents' gold JSON)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import planparse
from planparse.model import PlanDocument
from planparse.reading.model import Line, Span
from planparse.reading.positioned import _phrases, _word

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
GROFF_SCAN = FIXTURES / "holdout-generic10/internkontrollplan/norrkoping-sn-internkontrollplan-2027-scan.pdf"
KRAMFORS = FIXTURES / "stress" / "kramfors_vp"
SCAN = KRAMFORS / "kramfors_vp-01-html-scan.pdf"
OCR_LAYER = KRAMFORS / "kramfors_vp-00-docx-ocr.pdf"


def _ocr_line(words: list[tuple[str, tuple[float, float, float, float]]]) -> Line:
    return Line([Span(t, b, size=9.0) for t, b in words], page=1, method="ocr")


def test_a_dash_taller_than_wide_is_a_stroke_not_a_word() -> None:
    """Tesseract boxes a dash tight to its ink, wider than tall; a narrow box as tall as the line
    read as "-" or "—" is a stroke of the scan (a scratch, a rule's piece) and no word. A real
    dash stays (a value: no figure), and so does any dash of a layer whose boxes are the font's."""
    assert not _word(Span("—", (430.6, 572.8, 433.4, 584.3)), "ocr")
    assert _word(Span("—", (430.6, 576.5, 439.4, 578.5)), "ocr")
    assert _word(Span("-", (314.3, 526.7, 318.2, 538.6)), "native")
    # a PDF's own OCR layer boxes every word as tall as its font: "Mental träning - Forskning"
    assert _word(Span("-", (314.3, 526.7, 318.2, 538.6)), "repaired")


def test_a_stroke_between_two_header_labels_does_not_join_them() -> None:
    """"Riskvärde | Kontrollmoment" two columns, though a stroke read as "-" sits in the gap."""
    header = _ocr_line([("Process", (71.3, 528.1, 100.4, 538.6)), ("Risk", (159.8, 528.1, 178.2, 538.6)),
                        ("Riskvärde", (268.2, 528.1, 307.4, 535.0)), ("-", (314.3, 526.7, 318.2, 538.6)),
                        ("Kontrollmoment", (321.1, 528.1, 384.8, 535.0)), ("Ansvarig", (436.3, 528.1, 471.6, 538.9))])
    labels = [" ".join(s.text for s in p) for p in _phrases([header])]
    assert labels == ["Process", "Risk", "Riskvärde", "Kontrollmoment", "Ansvarig"]


def test_scanned_groff_control_table_gives_every_control() -> None:
    """The groff -ms internkontrollplan as a skewed 170 dpi scan: nine controls, each with its
    risk value and its Kontrollmoment, the last row alone on page 2 under the repeated header."""
    doc = planparse.parse(GROFF_SCAN)
    assert len(doc.controls) == 9
    assert [c.risk_value for c in doc.controls] == [9, 12, 8, 6, 6, 12, 9, 8, 6]
    assert doc.controls[1].process == "Orosanmälningar barn och unga"
    assert doc.controls[5].method == "Loggkontroll av 30 slumpvis valda användare"
    assert doc.controls[-1].provenance.page == 2


def _gold(pdf: Path) -> dict[str, list[dict[str, object]]]:
    return json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scan() -> PlanDocument:
    return planparse.parse(SCAN)


def test_header_labels_split_where_the_body_has_a_column(scan: PlanDocument) -> None:
    """Page 6: "Riskvärde" and "Kontrollmetod" are set closer than a letter height in the
    scan's header and were one label, so the risk value and the method shared a cell and
    neither was read. The body's words start under "Kontrollmetod" row after row: a column."""
    gold = _gold(SCAN)["controls"]
    assert [c.risk_value for c in scan.controls] == [g["risk_value"] for g in gold]
    assert [c.method for c in scan.controls][:2] == [g["method"] for g in gold][:2]


def test_row_going_on_in_lower_case_is_one_row(scan: PlanDocument) -> None:
    """Page 6: "Registrering av" / "allmänna handlingar" (every cell of the second line going
    on in lower case, tight under the first) was two control points."""
    assert [c.process for c in scan.controls] == [g["process"] for g in _gold(SCAN)["controls"]]


def test_header_label_wrapped_after_a_slash_is_no_row() -> None:
    """Page 8 of the Word copy OCR'd in English: "Rutin/" / "process" (and "Kontrollmeto" /
    "d") wrap the header's labels; "process" was read as a control point of its own."""
    doc = planparse.parse(OCR_LAYER)
    assert "process" not in [c.process for c in doc.controls]
    assert len(doc.controls) == len(_gold(OCR_LAYER)["controls"])


VINGAKER_OCR = FIXTURES / "holdout-families5/ange_tertial/vingaker-malavstamning-2027-t2-ocr.pdf"


def test_one_row_table_keeps_the_status_column_its_header_lost() -> None:
    """Vingåker's OCR'd målavstämning, pages 4 and 5: one-activity tables whose header lost its
    white "Status" label ("Verksamhetens aktiviteter | Slutdatum"). One row can't show the
    column by two rows' words; its words there, a gutter after the title, are a status label
    ("Avbruten", "Pågående enligt plan"), so the column is kept and the title ends before it.
    A status of two words under a read "Status" label ("Avslutad med avvikelse") is no column
    of its own."""
    from planparse.layouts.table_headers import is_table_header
    from planparse.reading import read_pdf
    from planparse.reading.positioned import find_tables

    doc = read_pdf(VINGAKER_OCR)
    rows: dict[str, list[str]] = {}
    for page in doc.pages[2:5]:
        for t, _ in find_tables(page.lines, is_table_header, lambda ln: False):
            for r in t.body:
                if not r.full_width:
                    rows[r.cells[0].text.split(" Kommentar")[0].strip()] = [c.text.strip() for c in r.cells[1:]]
    assert rows["Upphandla ett nytt livsmedelsavtal med krav på närproducerat"] == ["Avbruten", "2027-06-30"]
    assert rows["Erbjuda hälsosamtal till alla medarbetare inom vård och omsorg"][1:] == ["2027-11-30"]
    assert rows["Erbjuda hälsosamtal till alla medarbetare inom vård och omsorg"][0].endswith("Pågående enligt plan")
    assert rows["Installera solceller på tre kommunala fastigheter"] == ["Avslutad med avvikelse", "2027-05-31"]


HERRLJUNGA_OCR = FIXTURES / "holdout-families6/robertsfors_vp/herrljunga-verksamhetsplan-2027-ocr.pdf"


def test_ocr_row_whose_name_runs_on_to_its_value_stays_a_row() -> None:
    """Herrljunga's OCR'd verksamhetsplan, indicator tables "Indikator | 2026 | Källa | Mått":
    on page 4 the layer sets "ranking" one word space before "212", which starts where the
    2026 column starts (a figure at its column's start, no sentence running on); on page 6
    "Medborgarundersökning" and "Andel" are one glued word over the Mått column's start, cut
    there (its halves abut by construction, no sentence either). Both rows keep their cells."""
    from planparse.layouts.table_headers import is_table_header
    from planparse.reading import read_pdf
    from planparse.reading.positioned import find_tables

    doc = read_pdf(HERRLJUNGA_OCR)
    rows: dict[str, list[str]] = {}
    for page in (doc.pages[3], doc.pages[5]):
        for t, _ in find_tables(page.lines, is_table_header, lambda ln: False):
            for r in t.body:
                rows[r.cells[0].text.strip()] = [c.text.strip() for c in r.cells[1:]]
    assert rows["Företagsklimat enligt Svenskt Näringsliv, ranking"][:2] == ["212", "Svenskt Näringsliv"]
    assert rows["Andel invånare nöjda med sin boendemiljö"][0] == "68"


MULLSJO_OCR = FIXTURES / "holdout-families6/kramfors_vp/mullsjo-verksamhetsplan-2028-ocr.pdf"


def test_ocr_row_keeps_its_cells_past_a_dash_speck_at_a_column_start() -> None:
    """Mullsjö's OCR'd verksamhetsplan, page 7, the internal-control table: the layer reads a
    speck "—_" (a dash with a speck beside it) at the end of the Kontrollmetod cell, set
    against "Fastighetssamordnare" in the Ansvarig column. A dash with specks is one glyph of
    an edge, no word of a sentence running across the columns: the row keeps its cells and
    the dash is dropped."""
    from planparse.layouts.table_headers import is_table_header
    from planparse.reading import read_pdf
    from planparse.reading.positioned import find_tables

    doc = read_pdf(MULLSJO_OCR)
    heading = re.compile(r"\d+\.\d+ [A-ZÅÄÖ]")  # "5.2 Riskvärdering" under the table
    rows = [[c.text.strip() for c in r.cells]
            for t, _ in find_tables(doc.pages[6].lines, is_table_header, lambda ln: bool(heading.match(ln.text)))
            for r in t.body]
    row = next(r for r in rows if r[0] == "Nyckelhantering")
    assert row[2:] == ["4", "Inventering av utlämnade nycklar två gånger per år.", "Fastighetssamordnare"]
