"""Unruled tables rebuilt from positioned words (:mod:`planparse.reading.positioned`), on
OCR'd copies of the stress corpus. Expected values are read off the documents' gold JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import planparse
from planparse.model import PlanDocument

KRAMFORS = Path(__file__).resolve().parents[2] / "fixtures" / "stress" / "kramfors_vp"
SCAN = KRAMFORS / "kramfors_vp-01-html-scan.pdf"
OCR_LAYER = KRAMFORS / "kramfors_vp-00-docx-ocr.pdf"


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
