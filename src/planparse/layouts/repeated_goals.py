"""A goal listed twice under one parent: an overview table ("Nämndmål | Bedömning") names each
goal with its assessment, then each goal has its own heading with its analysis, indicators and
activities. Both readings are the one goal."""

from __future__ import annotations

from planparse.model import Goal
from planparse.text.fold import fold

_FIELDS = ("number", "strategic_goal", "description", "assessment", "comment")


def merge_repeated_goals(goals: list[Goal]) -> None:
    """Siblings of the same title merged into the first, recursively: the later one's
    indicators, activities and children go on after the first's, and it fills the fields the
    first lacks."""
    kept: dict[str, Goal] = {}
    for goal in list(goals):
        key = " ".join(fold(goal.title).split())
        first = kept.get(key)
        if first is None:
            kept[key] = goal
            continue
        for name in _FIELDS:
            if getattr(first, name) is None and getattr(goal, name) is not None:
                setattr(first, name, getattr(goal, name))
        first.indicators += goal.indicators
        first.activities += goal.activities
        first.children += goal.children
        goals.remove(goal)
    for goal in goals:
        merge_repeated_goals(goal.children)
