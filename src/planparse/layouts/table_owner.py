"""Whose an indicator table is: the activity it stands under, or the goal in scope."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse.layouts.goal_words import states_goal
from planparse.model import Activity, Goal
from planparse.reading.model import Table

if TYPE_CHECKING:
    from planparse.layouts.engine import Walk


def _after(act: Activity, table: Table | None) -> bool:
    """Whether ``act`` starts below ``table`` (or there is no table before it)."""
    if table is None:
        return True
    last = table.rows[-1]
    p = act.provenance
    return p.page > last.page or (p.page == last.page and p.bbox[1] >= last.bbox[3] - 1)


def _closes_list(w: Walk, before: Table | None) -> bool:
    """The activity in scope is the last of a list of two or more items under the goal, none
    with a table of its own between them, or the one bulleted item under a list's label: a
    table under the list measures the goal."""
    goal, act = w.goal, w.activity
    if goal is None or act is None or w.mode not in ("activities", "indicators") or not goal.activities \
            or goal.activities[-1] is not act:  # (or the list closed by an "Indikatorer" label over the table)
        return False
    return sum(1 for a in goal.activities if _after(a, before)) >= 2 or (w.item_marked and w.list_label is not None)


def indicator_owner(w: Walk, labels: list[str | None], activity_from_table: bool, before: Table | None) -> Goal | Activity | None:
    """The owner of an indicator table: the activity in scope (a heading, a list item), except
    one read from an activity table or closing a list; else the goal, except where columns of
    years alone stand outside every goal ("Enhet | Årsarbetare 2024": a chapter's statistics),
    or the goal stated under the goal's "Mål" label (:meth:`measured`)."""
    from_table = activity_from_table or (w.activity is not None and w.activity is w.table_activity)
    if w.activity is not None and not from_table and not _closes_list(w, before):
        return w.activity
    if not w.stack and all(lab in (None, "year") for lab in labels) and not (
            w.section is not None and states_goal(w.section_title)):  # (a heading stating a goal over it owns it)
        return None
    return w.measured(w.owner_goal())
