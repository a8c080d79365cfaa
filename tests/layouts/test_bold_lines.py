"""Goal headings on a scan told by their strokes: bold lines in about the body's size (the
two-column annual report of holdout-generic13, scanned). Expected values from its gold JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.model import PlanDocument

SCAN = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-generic13" / "arsredovisning" / \
    "vimmerby-ks-arsredovisning-2025-scan.pdf"


@pytest.fixture(scope="module")
def doc() -> PlanDocument:
    return planparse.parse(SCAN)


def test_bold_one_line_heading_is_a_goal(doc: PlanDocument) -> None:
    """"Besöksnäringen ska växa under hela året" is one line, bold in the image, its letters'
    boxes about the body's size: a goal under its area with its own assessment and
    indicator (not the area's). ("Företagsklimatet ska förbättras", read a point smaller,
    still lands under it: see the report.)"""
    area = next(g for g in doc.goals if g.title == "Ett hållbart näringsliv och turism")
    assert area.level.value == "goal_area" and area.assessment is None and not area.indicators
    goal = area.children[0]
    assert goal.title == "Besöksnäringen ska växa under hela året" and goal.level.value == "goal"
    assert goal.assessment is not None and goal.assessment.value.value == "fulfilled"
    assert [i.name for i in goal.indicators] == ["Gästnätter i kommunen, tusental"]


def test_scanned_report_goal_tree_and_budget(doc: PlanDocument) -> None:
    assert [g.title for g in doc.goals] == [
        "Attraktiv kommun att bo och leva i", "Ett hållbart näringsliv och turism", "God ekonomisk hushållning"]
    assert [b.name for b in doc.budget] == [
        "Kommunstyrelsen", "Barn- och utbildningsnämnden", "Socialnämnden", "Samhällsbyggnadsnämnden", "Summa"]
    assert [v.label for v in doc.budget[0].values] == ["Budget 2025", "Utfall 2025", "Avvikelse"]
