"""Goal groups a goal word names in larger type ("Målområde: Trygghet") over numbered goals of
the same level ("KF-mål 1 …"): those nest one level deeper, and so do the lower levels under
them ("Nämndmål 1.1"); a heading set larger than the group's ends it (a chapter above it).
Also: the tree's pruning, the lone goal that is no plan, and the OCR'd area titles over a
"Mål" list that their sizes do not tell.
"""

from __future__ import annotations

import re

from planparse.layouts.base import Builder
from planparse.layouts.facts import adopted_goals, plan_of_other_kind
from planparse.layouts.goal_words import (
    LEVEL_DEPTH,
    bare_tree,
    kind_of_goals,
    names_goals,
    states_goal,
)
from planparse.layouts.headings import Heading
from planparse.layouts.indent_cascade import indent_cascade
from planparse.layouts.known_goals import depth_first, names_document
from planparse.layouts.walk_state import _CITATION, _RUNIN_SPLIT, WalkState
from planparse.model import (
    Activity,
    Assessment,
    AssessmentValue,
    Goal,
    GoalLevel,
    MarkerSource,
    Status,
    StatusValue,
)
from planparse.reading.model import Document, Line
from planparse.text.fold import fold

# A heading ending in the plural of what its subheadings are ("Kommungemensamma objekt",
# "Prioriterade utvecklingsområden"): a chapter over them, no group of them.
_PERIOD = re.compile(r"(?:(?:\s+|\s*[/–-]\s*)(?:19|20)?\d{2})+$")  # "… 2025", "… 2025/2026", "… 2025–2027"
_GOES_ON = re.compile(r"\s*\(?\s*forts(?:ättning)?\.?\s*\)?$", re.IGNORECASE)  # "… (forts.)": the chapter goes on
_NAMES_ITEMS = re.compile(r"\b(?:objekt|\w*omraden|mal(?:en)?|uppdrag(?:en)?|aktiviteter(?:na)?|satsningar(?:na)?)$")


def names_chapter(out: Builder, title: str) -> bool:
    """A heading that names the goals or items under it, or the document: a chapter, no group."""
    # (the year and "(forts.)" cut before folding, which reads "6" as "ö")
    return names_goals(title) or names_document(out, title) or not kind_of_goals(title) and bool(
        _NAMES_ITEMS.search(fold(_PERIOD.sub("", _GOES_ON.sub("", title)))))


def worded_depth(stack: list[tuple[int, Goal]], worded: dict[int, float], nested: set[int],
                 level: GoalLevel, numbered: bool, size: float, styled: dict[int, float] | None = None,
                 text: str = "") -> int:
    """The depth of a goal its goal word names at ``level`` (``size`` its type): the level's
    own, or one under a goal of that level named in larger type without a number (``worded``:
    such goals' type sizes), or one under a goal of a higher level so nested (``nested``), or,
    unnumbered, one under a goal of that level labelled by another goal word (than ``text``,
    this heading's) in larger type (``styled``: "Verksamhetsmål: …" under "Nämndmål: …", both the
    level of goals; two "Nämndmål: …" are siblings whatever sizes an OCR read them in)."""
    d = LEVEL_DEPTH[level]
    for k, g in stack:
        if g.level not in LEVEL_DEPTH:
            continue
        under_nested = LEVEL_DEPTH[g.level] < LEVEL_DEPTH[level] and id(g) in nested
        under_group = numbered and g.level is level and g.number is None and worded.get(id(g), 0.0) > size + 0.3
        under_label = not numbered and styled is not None and g.level is level and g.number is None \
            and max(styled.get(id(g), 0.0), worded.get(id(g), 0.0)) > size + 0.3 \
            and label_word(g.provenance.raw_text or g.title) != label_word(text)  # ("Strategiskt mål: …" under "Perspektiv: …")
        if under_nested or under_group or under_label:
            d = max(d, k + 1)
    return d


def label_word(text: str) -> str:
    """The label before a heading's colon, folded ("Nämndmål: Trygghet" → "namndmal")."""
    head, colon, _ = text.partition(":")
    return fold(head) if colon else ""


def group_end(stack: list[tuple[int, Goal]], worded: dict[int, float], size: float, styled: dict[int, float],
              line: Line) -> int | None:
    """Where a heading in type ``size`` cuts the goal stack: at the first group whose goal word
    was set smaller ("Ekonomi" after "Målområde: Trygghet" in smaller type), else None. A group
    whose words stand right over the heading (a card's "Målområde: Ett rikt kulturliv" over its
    title), or whose goals' headings are set as this one, holds it: no cut there."""
    def holds(g: Goal) -> bool:
        b = g.provenance.bbox
        kicker = not (g.children or g.activities or g.indicators) and b is not None and g.provenance.page == line.page \
            and 0 <= line.bbox[1] - b[3] <= 2 * (line.bbox[3] - line.bbox[1])
        return kicker or any(abs(styled.get(id(c), 0.0) - size) < 0.3 for c in g.children)

    return next((i for i, (_, g) in enumerate(stack) if worded.get(id(g), size) < size - 0.3 and not holds(g)), None)


def area_end(stack: list[tuple[int, Goal]], styled: dict[int, float], size: float) -> int | None:
    """Where a goal-area heading in type ``size`` cuts the goal stack: at the first goal made
    from a heading set no larger (``styled``: such goals' type sizes), the area before it."""
    return next((i for i, (_, g) in enumerate(stack) if 0.0 < styled.get(id(g), 0.0) <= size + 0.3), None)


def area_depth(stack: list[tuple[int, Goal]], styled: dict[int, float], size: float) -> int | None:
    """The depth of a goal in type ``size`` under the open goal area made from an unnumbered
    heading set larger, else None."""
    area = next((k for k, g in stack if g.level is GoalLevel.goal_area and g.number is None
                 and styled.get(id(g), 0.0) > size + 0.3), None)
    return None if area is None else area + 1


def group_level(stack: list[tuple[int, Goal]], level: GoalLevel, top: GoalLevel | None) -> GoalLevel | None:
    """The level of a group over a goal its goal word names ("Nämndmål: …"; not a "Fokusområde: …"): a
    goal area over a goal when no goal area is open and the layout's top level (``top``) is
    the goal area (a family whose top level is another declares its own groups), else None."""
    if top is not GoalLevel.goal_area or level is not GoalLevel.goal or any(d < 2 for d, _ in stack):
        return None
    return GoalLevel.goal_area


# A goal word as a label before the title ("Nämndmål: …"), not a title of goal words ("Mål för …")
_LABELLED = re.compile(r"^\s*\S+\s*:\s*\S")


def labelled(text: str) -> bool:
    """Whether a heading opens with a word used as a label before a colon ("Nämndmål: …")."""
    return bool(_LABELLED.match(text))


# A goal list's label alone on its line, as work plans print it under each area heading.
_BARE_GOAL_LABELS = frozenset({"mal", "malen", "vara mal", "mal for omradet"})


def bare_goal_label(title: str) -> bool:
    """Whether a heading is only the label of a goal list ("Mål", "Våra mål")."""
    return fold(title).rstrip(" :") in _BARE_GOAL_LABELS


def lone_goal(goals: list[Goal]) -> bool:
    """Whether the tree is one goal with nothing under it: a guideline's "Mål för
    krisberedskapen" and its prose, no plan (a plan states goals, and follows them up)."""
    return len(goals) == 1 and not (goals[0].children or goals[0].activities or goals[0].indicators or goals[0].assessment)


def settled_goals(doc: Document, goals: list[Goal], title: str) -> list[Goal]:
    """The generic parser's goal tree once the walk is done: a decision's adopted goals
    (:func:`~planparse.layouts.facts.adopted_goals`) where the walk found none, only bare goals
    (the minutes' own headings and points), a cascade told by indentation alone
    (:mod:`~planparse.layouts.indent_cascade`) where it found nothing, one lone goal or a plan
    of another kind, which otherwise keeps none (a likabehandlingsplan's åtgärder are routines, issue 11)."""
    bare = not any(g.activities or g.indicators for g in depth_first(goals))
    cascade = indent_cascade(doc) if goals and bare and not any(g.children for g in goals) else None
    if cascade:
        return cascade  # (numbered statements kept with nothing under them: their indentation tells more)
    adopted = adopted_goals(doc) if bare else []
    other_kind = plan_of_other_kind(title, doc)
    if goals and not adopted and not other_kind and not lone_goal(goals) and not bare_tree(doc, goals):
        return goals
    settled = adopted if bare else adopted_goals(doc)
    return settled or ([] if other_kind else cascade if cascade is not None else indent_cascade(doc))


def has_content(goal: Goal, listed: set[int]) -> bool:
    """Whether a goal carries content: activities, indicators, an assessment, a place in a list of
    goals, or numbered goals under it that state goals as it does ("1. Alla elever ska nå
    kunskapskraven" over "1.1 Läsförmågan ska stärkas …": a goal tree of statements alone)."""
    return bool(goal.activities or goal.indicators or goal.assessment or id(goal) in listed) or any(
        has_content(c, listed) for c in goal.children
    ) or bool(goal.number and goal.children and states_goal(goal.title)
              and all(c.number and states_goal(c.title) for c in goal.children))


_GOAL_CHAPTER = re.compile(r"(?:\w+s )?(?:vara |overgripande )?\w*mal(?:en)?(?: for \w+)?$")


def titles_goals(title: str) -> bool:
    """Whether a chapter's title is the goal word ("Mål för grundskolan", "Våra mål", "Nämndens mål")."""
    return bool(_GOAL_CHAPTER.match(fold(_PERIOD.sub("", title)).strip())) or names_goals(title)


def _goal_chapter(goal: Goal, listed: set[int]) -> list[Goal]:
    """A numbered chapter titled by the goal word ("2 Mål för lokalförsörjningen", "3 Våra mål")
    over two or more numbered headings of its own numbering and nothing else: the headings are
    the goals (listed in ``listed``), the chapter none; else ``goal`` as it is."""
    number = (goal.number or "").rstrip(".")
    if not number or len(goal.children) < 2 or goal.activities or goal.indicators or goal.assessment \
            or not titles_goals(goal.title) \
            or not all((c.number or "").startswith(f"{number}.") for c in goal.children):
        return [goal]
    listed.update(id(c) for c in goal.children)
    return goal.children


def prune(goals: list[Goal], listed: set[int], bare: bool = True, title: str | None = None) -> list[Goal]:
    """Keep goals that carry content, were listed as goals, or are numbered beside goals that
    do; chapters and styled headings with no goal content anywhere ("1 Inledning") drop out, and
    so do bare top-level goals that point elsewhere (:func:`without_pointers`, ``title`` the
    document's)."""
    goals = without_pointers(goals, title) if title is not None else goals
    goals = [c for g in goals for c in _goal_chapter(g, listed)]
    goals = [_named_only(g) for g in goals]
    if sum(1 for g in depth_first(goals) if _numbered_activities(g, dry=True)) >= 2:  # (the document's way, not one goal's)
        for g in depth_first(goals):
            _numbered_activities(g)
    if not any(has_content(g, listed) for g in goals):  # (a numbered list of three goal statements or more is goals)
        return goals if len(goals) >= 3 and all(g.number and states_goal(g.title) for g in goals) else []
    kept = [g for g in goals if (has_content(g, listed) or (bare and g.number and g.level is not GoalLevel.goal_area))
            and (any(ch.isalnum() for ch in g.title) or g.children or g.activities or g.indicators)]
    for g in kept:  # (a title of no letter nor figure, "—", is a rule or a dash a cell began with)
        g.children = prune(g.children, listed, bare) if any(has_content(c, listed) for c in g.children) else g.children
    return kept


_WORD_AND_NUMBER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:mal|delmal|namndmal|malomrade)\s+(\d{1,2}(?:\.\d{1,2})*)\.?")


def _named_only(goal: Goal) -> Goal:
    """A heading of only a goal word and number ("2.1 Mål 1") over the one goal a "Mål:" label
    states under it, and nothing else: that goal, numbered by the heading."""
    m = _WORD_AND_NUMBER.fullmatch(fold(goal.title).strip())
    if m is None or len(goal.children) != 1 or goal.activities or goal.indicators or goal.assessment or goal.description:
        return goal
    child = goal.children[0]
    child.number = child.number or m[1]
    child.level = GoalLevel.goal if goal.level in GROUPS else goal.level  # (the heading's place in the tree)
    return child


def _numbered_activities(goal: Goal, dry: bool = False) -> bool:
    """A numbered goal stating a goal ("MBN 1 Tillsynen ska vara förebyggande") whose numbered
    headings under it, bare, state none ("MBN 1.1 Tillsynsbesök på alla C-anläggningar"): they
    are its activities, numbered under it. Whether it is such a goal (``dry``: nothing changed)."""
    number = (goal.number or "").rstrip(".")
    kids = goal.children
    if not number or not kids or goal.activities or not states_goal(goal.title) or any(
            not (c.number or "").startswith(f"{number}.") or states_goal(c.title) or c.children or c.activities
            or c.indicators or c.assessment and c.assessment.source is not MarkerSource.icon for c in kids):
        return False
    if dry:
        return True
    goal.activities = [Activity(uid="", number=c.number, title=c.title, description=c.description, provenance=c.provenance,
                                status=_as_status(c.assessment)) for c in kids]
    goal.children = []
    if goal.level in GROUPS:  # (a group of nothing but activities is the goal they serve)
        goal.level = GoalLevel.goal
    return True


GROUPS = (GoalLevel.goal_area, GoalLevel.focus_area)  # levels whose goals hold goals
# An icon read on a heading as its goal's assessment, read again as the activity's status it is
# (the Swedish convention's colours: green done, yellow under way, red late, grey not begun).
_STATUS_OF = {AssessmentValue.fulfilled: StatusValue.completed, AssessmentValue.partially_fulfilled: StatusValue.in_progress,
              AssessmentValue.not_fulfilled: StatusValue.in_progress_deviation, AssessmentValue.not_assessed: StatusValue.not_started}


def _as_status(assessment: Assessment | None) -> Status | None:
    value = _STATUS_OF.get(assessment.value) if assessment is not None else None
    return Status(value=value, raw=assessment.raw, confidence=assessment.confidence, source=assessment.source) \
        if assessment is not None and value is not None else None


def named_again(pending: Line | None, title: str, level: GoalLevel | None, head: Heading) -> bool:
    """Whether the goal-word heading ``head`` ("Målområde: Trygg uppväxt", a slide's breadcrumb)
    names the pending unnumbered heading that goal words of its level stood over ("Målområde" /
    "Trygg uppväxt" on the divider before): one goal, made where it was first printed."""
    return pending is not None and level is head.level and head.number is None and fold(title) == fold(head.title)


def styled_alike(heading: Line | None, line: Line, has_fonts: bool) -> bool:
    """Whether ``line`` is styled as ``heading``, the one the open goal was made from (the next
    area of a work plan whose headings and list labels are all bold body type)."""
    return heading is not None and has_fonts and (heading.size, heading.bold, heading.italic) == (
        line.size, line.bold, line.italic)


# A sentence that sends the reader elsewhere for the goals: "Målen … står i bilaga 1", "se bilaga".
_ELSEWHERE = re.compile(r"\b(?:star|finns|redovisas|beskrivs|aterfinns|framgar)\b.*\b(?:i|av) bilaga\b|\bse bilaga\b")


def without_pointers(goals: list[Goal], title: str | None) -> list[Goal]:
    """The top-level goals less the bare ones that are no goal: the document's own title (its
    running footer read as a heading), or a sentence pointing to where the goals stand."""
    def pointer(g: Goal) -> bool:
        bare = not (g.children or g.activities or g.indicators or g.assessment)
        return bare and (title is not None and fold(g.title) == fold(title) or _ELSEWHERE.search(fold(g.title)) is not None)

    return [g for g in goals if not pointer(g)]


def runin_goals(w: WalkState, text: str) -> None:
    """A curriculum's run-in list after its lead-in: "Förskolan ska ge varje barn
    förutsättningar att utveckla - nyfikenhet …, - förmåga att …" → one goal per item."""
    parts = _RUNIN_SPLIT.split(text)
    parent = w.stack[-1][1] if w.stack else None
    for part in parts[1:]:
        title = _CITATION.sub("", part).strip().rstrip(",;").strip()
        if len(title) < 3:
            continue
        assert w.runin_prov is not None
        goal = Goal(uid="", level=GoalLevel.goal, title=title, provenance=w.runin_prov)
        (parent.children if parent is not None else w.out.goals).append(goal)
        w.listed.add(id(goal))
