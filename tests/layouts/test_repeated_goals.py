"""A goal listed in an overview table with its assessment and then under its own heading with
its indicators and activities is one goal (:mod:`planparse.layouts.repeated_goals`)."""

from __future__ import annotations

from typing import Any

from planparse.layouts.repeated_goals import merge_repeated_goals
from planparse.model import (
    Assessment,
    AssessmentValue,
    Goal,
    GoalLevel,
    Provenance,
    ProvenanceMethod,
)
from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic2")
VASTERAS = "delarsrapport/vasteras-tn-delarsrapport-aug-2026"


def _goal(title: str, **fields: Any) -> Goal:
    where = Provenance(page=1, bbox=(0.0, 0.0, 1.0, 1.0), raw_text=title, method=ProvenanceMethod.native)
    return Goal(uid="", level=GoalLevel.goal, title=title, provenance=where, **fields)


def test_overview_table_and_heading_are_one_goal() -> None:
    doc, gold = DOCS.parsed(VASTERAS), DOCS.gold(VASTERAS)
    got = [(g["title"], g["assessment"]["value"] if g["assessment"] else None, len(g["indicators"]), len(g["activities"]))
           for g in all_goals(doc)]
    assert got == [(g["title"], g["assessment"]["value"] if g["assessment"] else None, len(g["indicators"]), len(g["activities"]))
                   for g in all_goals(gold)]


def test_merge_keeps_the_first_and_fills_what_it_lacks() -> None:
    rated = _goal("Energin ska minska", assessment=Assessment(value=AssessmentValue.fulfilled, raw="grön", confidence=1.0))
    other = _goal("Tryggare parker")
    heading = _goal("Energin  ska minska", description="Analys: enligt plan.", children=[_goal("Delmål")])
    goals = [rated, other, heading]
    merge_repeated_goals(goals)
    assert goals == [rated, other]
    assert rated.assessment is not None and rated.description == "Analys: enligt plan."
    assert [c.title for c in rated.children] == ["Delmål"]
