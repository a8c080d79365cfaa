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


def test_bold_one_line_headings_are_goals_of_one_level(doc: PlanDocument) -> None:
    """"Besöksnäringen ska växa under hela året" and "Företagsklimatet ska förbättras" are one
    line each, bold, their letters' boxes a point apart in size and about the body's: both
    goals under their area, siblings, each with its own assessment and indicator."""
    area = next(g for g in doc.goals if g.title == "Ett hållbart näringsliv och turism")
    assert area.level.value == "goal_area" and area.assessment is None
    assert [c.title for c in area.children] == ["Besöksnäringen ska växa under hela året", "Företagsklimatet ska förbättras"]
    assert [c.level.value for c in area.children] == ["goal", "goal"]
    assert [c.assessment.value.value for c in area.children if c.assessment] == ["fulfilled", "not_fulfilled"]
    assert [[i.name for i in c.indicators] for c in area.children] == [
        ["Gästnätter i kommunen, tusental"], ["Nöjd kund-index för företagare"]]


def test_scanned_report_goal_tree_and_budget(doc: PlanDocument) -> None:
    assert [g.title for g in doc.goals] == [
        "Attraktiv kommun att bo och leva i", "Ett hållbart näringsliv och turism", "God ekonomisk hushållning"]
    assert sum(1 + len(g.children) for g in doc.goals) == 8
    assert [b.name for b in doc.budget] == [
        "Kommunstyrelsen", "Barn- och utbildningsnämnden", "Socialnämnden", "Samhällsbyggnadsnämnden", "Summa"]
    assert [v.label for v in doc.budget[0].values] == ["Budget 2025", "Utfall 2025", "Avvikelse"]
