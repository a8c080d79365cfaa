"""A table header of two bold pieces is no two-list grid (reading/heading_grid): an unruled
indicator table's "Mått | Mål Utfall" and a risk table's "Område | Konsekvens Sannolikhet
Totalpoäng" keep their rows in reading order."""

from __future__ import annotations

import json

import planparse
from planparse.reading import read_pdf
from tests.layouts.holdout import FIXTURES


def test_an_unruled_indicator_tables_note_stays_the_goals_description() -> None:
    doc = json.loads(planparse.parse(FIXTURES / "stress/ange_tertial/ange_tertial-01-docx.pdf").to_json())
    assert "Måtten avser kommunförvaltningen, alltså inte de helägda bolagen." in json.dumps(doc, ensure_ascii=False)


def test_a_risk_tables_header_stays_one_line() -> None:
    doc = read_pdf(FIXTURES / "stress/kramfors_vp/kramfors_vp-01-html-scan.pdf")
    assert "omrade konsekvens sannolikhet totalpoang" in doc.folded_text
