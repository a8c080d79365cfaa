"""Goal words set as a heading ("Kommunfullmäktiges inriktningsmål", "Verksamhetsmål") and the
headings under them, up to the next heading as large: each a goal though nothing measured
follows it (a plan's goals stated and explained in a sentence), the first one's style their
level's and smaller headings stating goals the goals under them; goal words as the heading of a
kind of goals beside the kind before them ("Verksamhetsmål" after "Finansiella mål") their group.
A pending heading stating a goal whose prose reports on it (an assessment in a sentence, an
activity's status closing a paragraph) is a goal too."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from planparse.layouts.base import provenance
from planparse.layouts.goal_words import kind_of_goals, states_goal
from planparse.layouts.headings import Heading
from planparse.layouts.prose_activities import reports_in_prose
from planparse.model import Goal, GoalLevel
from planparse.reading.model import Line, group_paragraphs
from planparse.text.fold import fold

if TYPE_CHECKING:
    from planparse.layouts.walk_state import WalkState


class WordsScope(NamedTuple):
    """Goal words set as a heading, in scope until a heading as large or numbered."""

    size: float  # the words' heading's size
    level: GoalLevel  # the level they name
    first: tuple[float, bool] | None  # the size and boldness of the first heading under them
    areas: bool  # they name goal areas too ("Målområden och mål"): headings as large under them are the areas


def settle_pending(w: WalkState) -> None:
    """Make the pending heading a goal before the next heading takes its place, though no goal
    content followed it: when it is in goal words' scope (:func:`heads_under_words`), or states a goal
    and its prose reports on it ("Äldre ska kunna bo kvar hemma." over "… Målet bedöms som
    uppfyllt.", or paragraphs closed by "Arbetet pågår.": read after the walk)."""
    if w.section is None:
        return
    worded = id(w.section) == w.worded_section
    if not worded and not (states_goal(w.section_title) and reports_in_prose(group_paragraphs(w.section_prose))):
        return
    goal = w.owner_goal()  # the pending heading made a goal
    if goal is not None and worded and not (w.words_scope is not None and w.words_scope.areas and goal.level is GoalLevel.goal_area):
        w.listed.add(id(goal))  # (an area under "Målområden och mål" stays only with goals under it)


def heads_under_words(w: WalkState, head: Heading, line: Line) -> tuple[bool, GoalLevel | None]:
    """Under goal words set as a heading ("Kommunfullmäktiges inriktningsmål"), up to the next
    heading as large or numbered, a heading styled as the first one under them is a goal of the
    words' level and a smaller one stating a goal is a goal under it, even with only a paragraph
    under it (a plan's goals stated and explained, nothing measured): whether ``head`` is one of
    them, and the level the words name it."""
    if (scope := w.words_scope) is None:
        return False, None
    size = w.typo.size(line)
    if scope.areas and not head.number and abs(size - scope.size) <= 0.3 and line.bold == w.typo.has_fonts(line):
        return True, GoalLevel.goal_area  # "Målområden och mål" over areas as large, each over its goals
    if head.number or size >= scope.size - 0.3 or scope.first is None and w.mode != "goal_text" and not scope.areas:  # (or after their list)
        w.words_scope = None
        return False, None
    first = scope.first or (size, line.bold)
    w.words_scope = scope._replace(first=first)
    if abs(first[0] - size) <= 0.3 and first[1] == line.bold:
        return True, scope.level
    return size < first[0] - 0.3 and states_goal(head.title), None


def names_areas(title: str) -> bool:
    """Whether goal words set as a heading name goal areas as well as goals ("Målområden och
    mål", "Fokusområden och mål"): headings as large under them are the areas."""
    folded = fold(title)
    return bool(re.search(r"\b\w*omraden(?:a)?\b", folded)) and bool(re.search(r"\bmal(?:en)?\b", folded))


def words_list(w: WalkState, line: Line, title: str) -> None:
    """Goal words set as a heading start a new list: goals made from headings no larger end. Set
    as the heading of a kind of goals before them ("Verksamhetsmål" after "Finansiella mål", each
    over its goals), they are a group of the goals that follow, as that one is."""
    size, last = w.typo.size(line), w.out.goals[-1] if w.out.goals else None
    w.pop_styled(size)
    if w.stack or last is None or not kind_of_goals(last.title) or abs(w.styled.get(id(last), 0.0) - size) > 0.3:
        return
    group = Goal(uid="", level=last.level, title=title, provenance=provenance(line))
    w.push_goal(group, 1, line)
    w.styled[id(group)] = size
    w.listed.add(id(group))
