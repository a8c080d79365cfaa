"""The document-information reader (layouts/doc_info.py) on real fixture covers."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import pytest

import planparse
from planparse.layouts.doc_info import Found
from planparse.layouts.front_info import read_front
from planparse.reading import read_pdf

FIX = Path(__file__).resolve().parents[2] / "fixtures"


@lru_cache(maxsize=16)
def front(rel: str) -> Found:
    doc = read_pdf(FIX / rel)
    return read_front([p for p in doc.pages if p.lines or p.tables][:3])


def test_row_of_labels_over_row_of_values_in_a_table_with_a_header() -> None:
    """Dorotea's grid: labels in one row, values in the row below; the first label row is the
    table's header. Unknown bold labels go to extra; "-" is not stated."""
    meta = planparse.parse(FIX / "holdout-families2/kramfors_vp/dorotea-verksamhetsplan-2025.pdf").metadata
    assert (meta.diarienummer, meta.decided_on, meta.decided_by, meta.responsible) == (
        "KS 2024/0977", dt.date(2024, 12, 2), "Kommunstyrelsen", "Förvaltningschef")
    assert (meta.revised_on, meta.version, meta.valid_until) == (dt.date(2025, 3, 10), "2", "2025-12-31")
    assert meta.extra == {"Ansvarig för uppföljning": "Controller", "Granskad av": "Ekonomichef"}


def test_grid_after_a_title_page() -> None:
    """The html producer's grid stands on page 2, after a title page."""
    f = front("stress/kramfors_vp/kramfors_vp-00-html.pdf")
    assert (f.meta.diarienummer, f.meta.applies_to, f.document_type) == ("KS 2024/759", "Kommunledningskontoret", "Verksamhetsplan")


def test_label_cell_beside_value_cell() -> None:
    """A two-column table: label | value; "Beslutad av" names the organ and the date."""
    f = front("holdout-generic7/riktlinje/hallsberg-ks-riktlinjer-representation-och-gavor.pdf")
    m = f.meta
    assert (m.diarienummer, m.decided_by, m.decided_on, m.responsible, m.valid_until) == (
        "KS 2026/118", "Kommunstyrelsen", dt.date(2026, 4, 14), "Kanslichef", "2029-12-31")
    assert f.document_type == "Riktlinje"


def test_label_line_with_its_value_on_the_same_baseline() -> None:
    m = front("holdout-generic5/regional-verksamhetsplan/region-jamtland-harjedalen-hsf-verksamhetsplan-2026.pdf").meta
    assert (m.decided_by, m.decided_on, m.diarienummer) == ("Regionstyrelsen", dt.date(2025, 12, 9), "RS/1874/2025")


@pytest.mark.parametrize(("rel", "responsible", "decided_on"), [
    ("holdout-generic14/arbetsplan/hjo-sjoangsskolan-arbetsplan-2026-2027.pdf", "Maria Holm", dt.date(2026, 8, 18)),
    ("holdout-generic12/arbetsplan/alingsas-forskolan-blaklockan-arbetsplan-2026-2027.pdf", "Sara Holm", dt.date(2026, 8, 18)),
    ("holdout-generic/likabehandlingsplan/nacka-ekangen-likabehandlingsplan-2025-2026.pdf", "Rektor Eva Sandberg", None),
])
def test_running_text_labels(rel: str, responsible: str, decided_on: dt.date | None) -> None:
    """"Rektor: Maria Holm · Fastställd 2026-08-18": the role is the label, the name the value;
    "Ansvarig för planen: Rektor Eva Sandberg": the value as printed after the label."""
    m = front(rel).meta
    assert (m.responsible, m.decided_on) == (responsible, decided_on)


def test_decision_with_organ_date_and_paragraph() -> None:
    m = front("holdout-generic10/namndplan/uppsala-ubn-namndplan-2027.pdf").meta
    assert (m.diarienummer, m.decided_by, m.decided_on) == ("UBN-2026-01187", "Utbildningsnämnden", dt.date(2026, 12, 9))
    m = front("holdout-generic10/verksamhetsplan/helsingborg-von-verksamhetsplan-2027.pdf").meta
    assert (m.decided_by, m.decided_on) == ("Vård- och omsorgsnämnden", dt.date(2026, 12, 15))


def test_dnr_in_the_running_header() -> None:
    assert front("holdout-generic12/delarsrapport/varberg-sn-delarsrapport-augusti-2026.pdf").meta.diarienummer == "SN 2026/0412"
    assert front("holdout-generic11/budget/vasteras-tn-budget-2027-2029.pdf").meta.diarienummer == "TN 2026/00418"


def test_bold_label_line_over_its_value_without_a_table() -> None:
    m = front("holdout-families2/robertsfors_vp/vannas-verksamhetsplan-2026.pdf").meta
    assert (m.responsible, m.decided_by, m.diarienummer) == ("Kommundirektör", "Kommunstyrelsen", "KS 2025/0455")


def test_no_value_without_a_document_label() -> None:
    """An activity table's "Ansvarig | Klart senast" header and an activity's "Ansvarig:" line
    are no document information; "Beslutande:" in a protokoll is no "Beslutad"."""
    assert front("holdout-generic4/namndplan/ocr-nynashamn-socialnamnden-namndplan-2026.pdf").meta.responsible is None
    assert front("holdout-generic16/verksamhetsplan/huddinge-kfn-verksamhetsplan-2027.pdf").meta.responsible is None
    assert front("holdout-generic2/protokoll/ostersund-bun-protokoll-2026-09-17.pdf").meta.decided_by is None


def test_a_grid_of_labels_over_values_without_rules() -> None:
    """Lycksele's cover sets "Dokumentnamn  Dokumenttyp  Fastställt  Senast reviderad
    Giltighetstid" as one line of spaced labels, the values under them (a name running past its
    column, a value on its own line beside), and a second such grid under it: each value is
    the label's whose column it starts in."""
    meta = front("holdout-families3/robertsfors_vp/lycksele-verksamhetsplan-2026.pdf").meta
    assert (meta.document_name, meta.decided_on, meta.valid_until) == (
        "Kommunstyrelsens verksamhetsplan 2026", dt.date(2025, 12, 14), "2026")
    assert (meta.responsible, meta.decided_by, meta.diarienummer, meta.version, meta.applies_to) == (
        "Kommunchef", "Kommunstyrelsen", "KS 2025/389", "1", "Kommunstyrelsens förvaltning")


def test_a_grid_without_rules_whose_labels_and_values_wrap_in_narrow_columns() -> None:
    """A Word-made cover page (the stress corpus' docx Robertsfors variant, page 3) breaks its
    grid's labels and values at narrow columns' edges ("Dokumentnam" / "n", "Senast" /
    "reviderad", "Kommunstyrelse" / "ns" / "verksamhetsplan"): the labels are completed by the
    line under them, and a piece without the space the producer keeps at a wrap goes on in
    the next one."""
    meta = front("stress/robertsfors_vp/robertsfors_vp-01-docx.pdf").meta
    assert (meta.document_name, meta.decided_by, meta.diarienummer, meta.responsible) == (
        "Kommunstyrelsens verksamhetsplan 2027", "Kommunstyrelsen", "KS-2026-1198", "Ekonomichef")
    assert meta.applies_to == "Kommunstyrelsens verksamheter och utskott"
