"""Documents of the stress corpus built from seed 13 (a development seed no parser was tuned
on before): each failed in a way that names a structural rule. Scored against the gold the
stress generator wrote from its content model, with the accuracy benchmark's own scorer."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import planparse
from planparse.reading import read_pdf

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.accuracy import score  # noqa: E402

SEED13 = ROOT / "fixtures" / "stress-seed13"


def test_unruled_activity_table_is_no_two_column_page() -> None:
    """reportlab's unruled activity tables: a first column of many lines (title and
    description) beside a status and a date. The later column holds a few lines beside many:
    no second column of running text, so the header "Verksamhetens aktiviteter | Status |
    Slutdatum" reads as one row, the family is detected and the document equals its gold."""
    pdf = SEED13 / "ange_tertial" / "ange_tertial-02-reportlab.pdf"
    assert not any(p.two_columns for p in read_pdf(pdf).pages)
    gold = json.loads((SEED13 / "ange_tertial" / "ange_tertial-02-reportlab.json").read_text(encoding="utf-8"))
    doc = json.loads(planparse.parse(pdf).to_json())
    assert doc["source"]["parser"] == "ange_tertial"
    result = score(gold, doc)
    assert {k: v[2] for k, v in result["scores"].items() if v[2] is not None} == {
        "goals": 1.0, "activities": 1.0, "indicators": 1.0}
    assert {k: v for k, v in result["fields"].items() if v is not None and v < 1.0} == {}
