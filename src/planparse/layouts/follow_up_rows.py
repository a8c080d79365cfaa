"""A follow-up table of the activities read before: "Åtgärd | Ansvarig | Status | Kommentar"
under a chapter "Uppföljning", each row naming an activity listed earlier under its goal.

A plan may list its actions as bullets under each goal and follow them up at the end in one
table, matched by their wording. The rows are no new activities: each gives the activity it
names the fields that activity lacks (status, owner, dates, comment, progress)."""

from __future__ import annotations

from planparse.layouts.known_goals import depth_first
from planparse.model import Activity, Goal
from planparse.text.fold import fold

_FIELDS = ("status", "owner", "start_date", "end_date", "comment", "progress")


def _key(title: str) -> str:
    return " ".join(fold(title).rstrip(". ").split())


def followed_up(goals: list[Goal], rows: list[Activity]) -> bool:
    """Give each activity of ``goals`` that a row of ``rows`` names that row's fields, when
    every row (two at least) names one; whether they did (nothing is done otherwise)."""
    known: dict[str, Activity] = {}
    for goal in depth_first(goals):
        for act in goal.activities:
            known.setdefault(_key(act.title), act)
    found = [known.get(_key(row.title)) for row in rows]
    if len(rows) < 2 or any(act is None for act in found):
        return False
    for row, known_act in zip(rows, found, strict=True):
        for name in _FIELDS:
            if getattr(known_act, name) is None and getattr(row, name) is not None:
                setattr(known_act, name, getattr(row, name))
    return True
