"""Goal levels settled on the finished tree of the generic parser, from label words and nesting.

The walk gives a level as it meets a heading; some only the finished tree can tell:

- A group is a ``goal_area``, whatever word labels it (Målområde, Fokusområde, Perspektiv,
  Utvecklingsområde, Prioriterat område, none): a ``focus_area`` that holds goals is a
  ``goal_area``. One that holds none stays: the items of a list a lead-in names ("… är följande
  prioriterade under 2018:") are the focus areas of the Örebro-style plans, read by the generic
  parser too. (This runs for the generic parser only; a family's declaration keeps its levels.)
- An item labelled as kommunfullmäktige's goal in its own line ("Kommunfullmäktiges mål: …",
  "Inriktningsmål 1: …", "2.1 Inriktningsmål: …", "Strategiskt mål: …") is a ``goal``, and the
  goals under it (its nämndmål, verksamhetsmål) are ``sub_goal``. So is an item that states a
  goal ("1. Linköping har en likvärdig utbildning") over goals labelled as the nämnd's
  ("Nämndmål 1.1 …"); one naming a topic ("Livslångt lärande") over them is their area. Standing alone with no goals
  under it, the label keeps the group level the walk gave it (a region's "Strategiskt mål 1 …"
  chapters); over goals that hold goals of their own (three levels labelled, "Kommunfullmäktiges
  mål" › "Nämndmål" › "Verksamhetsmål") it is their ``goal_area``, the lowest ``sub_goal``.
- A top-level "Mål 1. …" with no goals under it is a ``goal``: the word "Mål" names a goal, not
  a group, however high its number puts it.
- A ``focus_area`` with no goals under it that states a goal ("Barn och elever ska känna sig
  trygga …") is a ``goal`` too, beside a goal of its own kind with activities, or assessed (an
  area is not "Delvis uppfyllt", a goal is).
- A top-level ``goal`` with goals under it (a numbered chapter "2.1 Normer och värden" over its
  goal list) is their ``goal_area``: a goal holds sub-goals, never goals. So is one whose title
  names a topic over sub-goals that each state a goal ("2.1 Lärande och kunskapsresultat" over
  "2.1.1 Fler elever ska nå …"): they are its goals. (Labelled as kommunfullmäktige's, or
  stating a goal itself, it stays a goal over sub-goals.)
"""

from __future__ import annotations

import re

from planparse.layouts.base import OUTLINE_NUMBER
from planparse.layouts.goal_words import states_goal
from planparse.layouts.known_goals import depth_first
from planparse.layouts.listed_measures import measures_in_order
from planparse.layouts.outline import outline_numbers
from planparse.layouts.owners import owners_in_titles
from planparse.layouts.repeated_goals import (
    merge_adjacent_repeats,
    merge_follow_up,
    merge_repeated_goals,
)
from planparse.model import Goal, GoalLevel
from planparse.text.fold import plain
from planparse.text.repair import ocr_list_stops

_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?"  # "2.1 Inriktningsmål: …"
_KF_WORD = (r"(?:(?:kommun|region)fullm[aä]ktiges\s+(?:mal|inriktningsmal|strategiska\s+mal|prioriterade\s+mal)"
            r"|inriktningsmal|strategiska\s+mal|strategiskt\s+mal)")
# the label, its own number ("1", "(1)", "2.1"), then a colon or the number and the goal's title
_KF_LABEL = re.compile(rf"^{_NUMBER}{_KF_WORD}\s*(?:(?:\(\d{{1,2}}\)|\d{{1,2}}(?:\.\d{{1,2}})*)\s*[:.–-]?|:)\s*\w")
_MAL_N = re.compile(r"^mal\s+\d{1,2}\b")  # "Mål 1. …", "Mål 2: …"


def kf_labelled(text: str) -> bool:
    """Whether a heading line names its goal as kommunfullmäktige's ("Inriktningsmål 1: …")."""
    return _KF_LABEL.match(plain(text.strip())) is not None


_BOARD_GOAL = re.compile(rf"^{_NUMBER}(?:namndmal|namndens\s+mal|verksamhetsmal|forvaltningsmal)\b")


def _board_labelled(goal: Goal) -> bool:
    """Whether a goal's line names it as the nämnd's own ("Nämndmål 1.1 Fler elever …")."""
    return _BOARD_GOAL.match(plain(goal.provenance.raw_text.strip())) is not None


def _holds_goals(goal: Goal) -> bool:
    return any(c.level is not GoalLevel.sub_goal for c in goal.children)


def _area_over_goals(g: Goal) -> bool:
    """Whether a goal over sub-goals is their area: its title names a topic ("2.1 Lärande och
    kunskapsresultat"), states no goal and is labelled as no kommunfullmäktige's goal, while the
    items under it state one ("2.1.1 Fler elever ska nå kunskapskraven"), or carry a goal's
    activities or indicators ("2.1.2 Färre olika personal hos varje brukare": no verb), or are
    a list under it without numbers ("3.1 Barn och unga" / "Mål" / "• Fler unga deltar …")."""
    kids = g.children
    listed = bool(g.number) and not any(c.number for c in kids)  # (a numbered topic over a "Mål" label's list)
    return bool(kids) and all(c.level is GoalLevel.sub_goal and (states_goal(c.title) or c.activities or c.indicators or listed)
                              for c in kids) \
        and (listed or any(states_goal(c.title) for c in kids)) and not states_goal(g.title) and not kf_labelled(g.provenance.raw_text)


def settle_levels(goals: list[Goal], top: bool = True) -> None:
    """Set the levels the finished tree tells (see the module's doc) on ``goals``, in place."""
    # (or every one at the top states a goal: "Fler företag i Blekinge ska exportera" over its activity table)
    goal_beside = top and (any(g.level is GoalLevel.goal and not g.children for g in goals) or all(states_goal(g.title) for g in goals))
    for g in goals:
        if g.level is GoalLevel.focus_area and not g.children and states_goal(g.title) \
                and (goal_beside and g.activities or g.assessment is not None):
            g.level = GoalLevel.goal  # one of a list of goals with their activities, or assessed
        raw = g.provenance.raw_text
        if g.level is GoalLevel.focus_area and _holds_goals(g):
            g.level = GoalLevel.goal_area
        if top and g.level is GoalLevel.goal_area and _holds_goals(g) and not any(_holds_goals(c) for c in g.children) and (
                kf_labelled(raw) or states_goal(g.title) and any(_board_labelled(c) for c in g.children)):
            g.level = GoalLevel.goal
            for c in g.children:
                if c.level in (GoalLevel.goal, GoalLevel.focus_area) and not _holds_goals(c):
                    c.level = GoalLevel.sub_goal
        elif top and g.level is GoalLevel.goal_area and not g.children and (
                _MAL_N.match(plain(raw.strip())) or (g.activities or g.indicators) and states_goal(g.title)):
            g.level = GoalLevel.goal  # ("1 Fler barn ska delta …" over its activities: a goal, no area)
        elif top and g.level is GoalLevel.goal and any(c.level is GoalLevel.goal for c in g.children):
            g.level = GoalLevel.goal_area  # a goal holds no goals: a numbered chapter over them is their area
        elif top and g.level is GoalLevel.goal and _area_over_goals(g):
            g.level = GoalLevel.goal_area
            for c in g.children:
                c.level = GoalLevel.goal
        elif not top and g.level is GoalLevel.goal:
            for c in g.children:  # a goal under a goal of an area (three levels labelled by goal words)
                if c.level is GoalLevel.goal:
                    c.level = GoalLevel.sub_goal
        if top and g.level is GoalLevel.goal_area:
            for c in g.children:  # an area's goal another word named an area ("Strategiskt mål: …" under "Perspektiv: …")
                c.level = GoalLevel.goal if c.level is GoalLevel.goal_area and not c.children else c.level
        settle_levels(g.children, top=False)


def finish_tree(goals: list[Goal], generic: bool) -> None:
    """The finished tree's last touches: outline markers as numbers, a goal listed twice as one,
    owners named in titles, indicator tables under a goal table given to its goals in order
    (:mod:`.listed_measures`); the generic parser's levels."""
    outline_numbers(goals)
    _numbers_under_titles(goals)
    measures_in_order(goals)
    merge_follow_up(goals)
    merge_adjacent_repeats(goals)
    for goal in goals:  # (two reports in one file may repeat a top-level title: kept apart)
        merge_repeated_goals(goal.children)
    owners_in_titles(goals)
    _references_over_titles(goals)
    _ocr_list_stops(goals)
    if generic:
        settle_levels(goals)


_TITLE_NUMBER = re.compile(r"^(.*\S)\s+(\d{1,2}(?:\.\d{1,2}){1,3})$")


def _numbers_under_titles(goals: list[Goal], parent: Goal | None = None) -> None:
    """A goal's number printed under its goal word, below the label column's first line
    ("Prestationsmål" / "1.1" beside the title): read as its description's first line, or
    on an OCR'd layer as its title's last word when it extends its parent's ("… alkolås 1.2")."""
    for goal in goals:
        head, _, rest = (goal.description or "").partition("\n")
        tail = _TITLE_NUMBER.match(goal.title)
        if goal.number is None and OUTLINE_NUMBER.fullmatch(head.strip()):
            goal.number, goal.description = head.strip(), rest or None
        elif goal.number is None and tail and parent is not None and parent.number \
                and tail[2].startswith(f"{parent.number.rstrip('.')}."):
            goal.title, goal.number = tail[1], tail[2]
        _numbers_under_titles(goal.children, goal)


def _ocr_list_stops(goals: list[Goal]) -> None:
    """The document's OCR'd activities, and its indicators: a misread final stop mended
    (:func:`ocr_list_stops`, over all the document's items of the kind: one goal may have two)."""
    tree = depth_first(goals)
    acts = [a for g in tree for a in g.activities if a.provenance.method != "native"]
    for act, title in zip(acts, ocr_list_stops([a.title for a in acts]), strict=True):
        act.title = title
    inds = [i for g in tree for i in g.indicators if i.provenance.method != "native"]
    for ind, name in zip(inds, ocr_list_stops([i.name for i in inds]), strict=True):
        ind.name = name


# a case's reference: "Dnr BUN 2025/118", "KS/2025:412", "KF 2025-06-16 § 87"
_REFERENCE = re.compile(r"(?:Dnr\.?\s*)?(?P<ref>[A-ZÅÄÖ]{2,5}(?:[ /]20\d\d[/:]\d{1,4}| 20\d\d-\d\d-\d\d § ?\d{1,4}))")


def _references_over_titles(goals: list[Goal]) -> None:
    """An activity (an uppdrag) whose cell opens with the reference of the decision that gave it,
    over its title: the reference is its number, the text under it its title."""
    for goal in goals:
        for act in goal.activities:
            m = _REFERENCE.fullmatch(act.title.strip())
            if m is not None and act.number is None and act.description:
                title, _, rest = act.description.partition("\n\n")
                act.number, act.title, act.description = m["ref"], " ".join(title.split()), rest or None
        _references_over_titles(goal.children)
