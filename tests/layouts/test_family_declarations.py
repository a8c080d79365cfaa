"""Robertsfors and Kramfors are declarations on the layout engine: documents of the same
template from other producers (WeasyPrint, reportlab, LibreOffice), an OCR'd layer and the
template's wording variants read like the family's own fixtures. Expected values are the stress
corpus's gold, generated from its content model (fixtures/build/stress/), not by the parser."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from planparse.layouts import parse_document
from planparse.layouts.base import LayoutParser
from planparse.layouts.kramfors import KramforsParser
from planparse.layouts.robertsfors import RobertsforsParser
from planparse.model import PlanDocument
from planparse.reading import read_pdf
from tests.gold import FIXTURES

STRESS = FIXTURES / "stress"


@lru_cache(maxsize=8)
def _parsed(name: str) -> PlanDocument:
    family = name.split("-")[0]
    return parse_document(read_pdf(STRESS / family / f"{name}.pdf"))


def _gold(name: str) -> dict[str, Any]:
    family = name.split("-")[0]
    return dict(json.loads(Path(STRESS / family / f"{name}.json").read_text(encoding="utf-8")))


def _gold_activities(gold: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(a.get("number"), a["title"]) for g in gold["goals"] for a in g.get("activities", [])]


def test_families_have_no_walk_of_their_own() -> None:
    for cls in (RobertsforsParser, KramforsParser):
        assert cls.parse is LayoutParser.parse and cls.spec is not None


@pytest.mark.parametrize("name", ["robertsfors_vp-00-html", "robertsfors_vp-00-reportlab"])
def test_robertsfors_other_producers_strategic_goals_and_vision(name: str) -> None:
    """WeasyPrint wraps a strategic goal with wider line spacing than Word: still one paragraph;
    the vision printed bold italic at body size is read."""
    doc, gold = _parsed(name), _gold(name)
    assert doc.source.parser == "robertsfors_vp"
    assert [g.strategic_goal for g in doc.goals] == [g["strategic_goal"] for g in gold["goals"]]
    assert doc.vision == gold["vision"]
    assert doc.metadata.extra == gold["metadata"]["extra"]


def test_robertsfors_numbered_uppdrag_variant_is_detected() -> None:
    """'3.1.1 Uppdrag' (number first) and 'Indikatorer' tables are the same template."""
    doc, gold = _parsed("robertsfors_vp-02-html"), _gold("robertsfors_vp-02-html")
    assert doc.source.parser == "robertsfors_vp"
    assert [(a.number, a.title) for g in doc.goals for a in g.activities] == _gold_activities(gold)


def test_robertsfors_ocr_layer_labels_are_not_activities() -> None:
    """On an OCR'd layer a prose line naming labels is no table header, and 'Strategimål: …'
    is a label, not a heading or part of the goal area's title."""
    doc, gold = _parsed("robertsfors_vp-00-reportlab-ocr"), _gold("robertsfors_vp-00-reportlab-ocr")
    assert [g.title for g in doc.goals] == [g["title"] for g in gold["goals"]]
    assert [a.number for g in doc.goals for a in g.activities] == [n for n, _ in _gold_activities(gold)]


def test_robertsfors_indicator_table_with_units_is_no_budget() -> None:
    doc = _parsed("robertsfors_vp-00-docx")
    assert doc.budget == [] and _gold("robertsfors_vp-00-docx")["budget"] == []


@pytest.mark.parametrize("name", ["kramfors_vp-00-docx", "kramfors_vp-02-html"])
def test_kramfors_variants_number_their_assignments(name: str) -> None:
    """'5.1.2. Uppdrag' (LibreOffice) and '4.1.2. Uppdrag till förvaltningen' head the numbered
    assignment list; each item is numbered under its goal."""
    doc, gold = _parsed(name), _gold(name)
    assert doc.source.parser == "kramfors_vp"
    assert [(a.number, a.title) for g in doc.goals for a in g.activities] == _gold_activities(gold)
