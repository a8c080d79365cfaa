"""A follow-up table of the activities read before: "Åtgärd | Ansvarig | Status | Kommentar"
under a chapter "Uppföljning", each row naming an activity listed earlier under its goal.

A plan may list its actions as bullets under each goal and follow them up at the end in one
table, matched by their wording. The rows are no new activities: each gives the activity it
names the fields that activity lacks (status, owner, dates, comment, progress)."""

from __future__ import annotations

from planparse.layouts.known_goals import depth_first
from planparse.layouts.repeated_goals import fill_missing, title_key
from planparse.model import Activity, Goal

_FIELDS = ("status", "owner", "start_date", "end_date", "comment", "progress")


def followed_up(goals: list[Goal], rows: list[Activity]) -> bool:
    """Give each activity of ``goals`` that a row of ``rows`` names that row's fields, when
    every row (two at least) names one; whether they did (nothing is done otherwise)."""
    known: dict[str, Activity] = {}
    for goal in depth_first(goals):
        for act in goal.activities:
            known.setdefault(title_key(act.title), act)
    found = [known.get(title_key(row.title)) for row in rows]
    if len(rows) < 2 or any(act is None for act in found):
        return False
    for row, known_act in zip(rows, found, strict=True):
        assert known_act is not None
        fill_missing(known_act, row, _FIELDS)
    return True
