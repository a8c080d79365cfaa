"""A goal listed twice under one parent: an overview table ("Nämndmål | Bedömning") names each
goal with its assessment, then each goal has its own heading with its analysis, indicators and
activities. Both readings are the one goal."""

from __future__ import annotations

import re

from planparse.layouts.known_goals import depth_first
from planparse.model import Activity, Goal
from planparse.text.fold import fold

_FIELDS = ("number", "strategic_goal", "description", "assessment", "comment")


def fill_missing(target: Goal | Activity, source: Goal | Activity, fields: tuple[str, ...]) -> None:
    """Set each of ``fields`` that ``target`` lacks (None) to ``source``'s, where it has one."""
    for name in fields:
        if getattr(target, name) is None and getattr(source, name) is not None:
            setattr(target, name, getattr(source, name))


def title_key(title: str) -> str:
    """A title as its repeats are matched: folded, its final stop and extra spaces cut."""
    return " ".join(fold(title).rstrip(". ").split())


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
        _absorb(first, goal)
        goals.remove(goal)
    for goal in goals:
        merge_repeated_goals(goal.children)


def _absorb(first: Goal, goal: Goal) -> None:
    """``goal``, a repeat of ``first``, taken into it: its indicators, activities and children
    after ``first``'s, and the fields ``first`` lacks."""
    fill_missing(first, goal, _FIELDS)
    first.indicators += goal.indicators
    first.activities += goal.activities
    first.children += goal.children


def merge_adjacent_repeats(goals: list[Goal]) -> None:
    """A top-level goal right after one of the same title merged into it: the heading repeated
    on each page or slide of its area ("Målområde 1: Goda kunskapsresultat" over each goal's
    slide). Repeats apart (two reports in one file, each with its areas) stay apart."""
    k = 1
    while k < len(goals):
        first, goal = goals[k - 1], goals[k]
        if goal.level is not first.level or title_key(goal.title) != title_key(first.title):
            k += 1
            continue
        _absorb(first, goal)
        del goals[k]


_FOLLOW_UP = re.compile(r"\b(?:\w*uppfoljning|aterrapportering|statusrapport|lagesrapport)\b")
_ACTIVITY_FIELDS = ("status", "start_date", "end_date", "owner", "comment", "progress", "description")


def merge_follow_up(goals: list[Goal]) -> None:
    """A top-level group titled as a follow-up ("Bilaga 2: Uppföljning T1 2027") whose goals all
    repeat goals read before: each repeat fills its first reading's missing fields (the
    assessment, its activities' statuses and dates, matched by title) and the group goes."""
    for k, group in enumerate(list(goals)):
        if _quoted(goals, group):
            goals.remove(group)
            continue
        if not k or not group.children or not _FOLLOW_UP.search(fold(group.title)):
            continue
        before = {title_key(g.title): g for g in depth_first(goals[:goals.index(group)])}
        if not all(title_key(c.title) in before for c in group.children):
            continue
        for child in group.children:
            first = before[title_key(child.title)]
            fill_missing(first, child, _FIELDS)
            merge_activities(first, child.activities)
            first.indicators += [i for i in child.indicators if title_key(i.name) not in {title_key(j.name) for j in first.indicators}]
        goals.remove(group)


def merge_activities(goal: Goal, acts: list[Activity]) -> None:
    """``acts`` added to ``goal``'s; one it has already (by title) fills that one's missing fields
    (its status and dates from a follow-up that names it again)."""
    known = {title_key(a.title): a for a in goal.activities}
    for act in acts:
        if (first := known.get(title_key(act.title))) is None:
            goal.activities.append(act)
        else:
            fill_missing(first, act, _ACTIVITY_FIELDS)


_DECISION = re.compile(r"(?:\w+s )?(?:beslut|forslag till beslut|beslutsforslag)")


def _quoted(goals: list[Goal], group: Goal) -> bool:
    """Whether ``group`` is a decision's section ("Beslut": "… fastställer verksamhetsplan 2027
    med följande mål: 1. …") quoting goals the plan itself states elsewhere in the tree, with
    nothing of their own."""
    if not group.children or not _DECISION.fullmatch(fold(group.title).strip(" :")):
        return False
    rest = {title_key(g.title) for g in depth_first([g for g in goals if g is not group])}
    return all(title_key(c.title) in rest and not (c.activities or c.indicators or c.children or c.assessment) for c in group.children)
