"""holdout-generic13: a goal table naming its goals again (the indicator table under the
activity table) adds to those goals; turned Status / Bedömning headers give their values."""

from __future__ import annotations

from pathlib import Path

from planparse import parse

ROOT = Path(__file__).resolve().parents[2]
BERATTELSE = ROOT / "fixtures/holdout-generic13/verksamhetsberattelse/sollentuna-un-verksamhetsberattelse-2025.pdf"


def test_goals_named_again_in_the_indicator_table_are_one_goal_each() -> None:
    plan = parse(BERATTELSE)
    goals = [g for area in plan.goals for g in area.children]
    assert len(goals) == 5
    assert [len(g.indicators) for g in goals] == [1, 1, 1, 1, 0]
    assert [len(g.activities) for g in goals] == [3, 4, 3, 2, 2]
    assert [g.assessment.value.value if g.assessment else None for g in goals] == [
        "partially_fulfilled", "fulfilled", "not_fulfilled", "partially_fulfilled", "fulfilled"]
    statuses = [a.status.value.value if a.status else None for g in goals for a in g.activities]
    assert statuses[:3] == ["completed", "in_progress", "in_progress_deviation"]
    assert goals[0].indicators[0].values[0].label == "Utfall 2023"
