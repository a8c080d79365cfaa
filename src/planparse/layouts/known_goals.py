"""Goals read before, found again: by the number or title an activity table's "Mål" column
names, by the title a chapter heading repeats (a summary table's goal printed again), and
headings that name the document itself rather than a goal of it; and numbers that go back."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from planparse.layouts.code_columns import code_of
from planparse.layouts.facts import DOC_TYPES
from planparse.layouts.goal_words import states_goal
from planparse.model import Goal, GoalLevel
from planparse.text.fold import fold

if TYPE_CHECKING:
    from planparse.layouts.base import Builder
    from planparse.layouts.headings import Heading
    from planparse.layouts.walk_state import WalkState


def depth_first(goals: list[Goal]) -> list[Goal]:
    """Every goal of the tree ``goals``, depth first."""
    out: list[Goal] = []
    for g in goals:
        out += [g, *depth_first(g.children)]
    return out


def repeats_title(goal: Goal, key: str) -> bool:
    """Whether ``key`` (a folded title without its final dot) is ``goal``'s title, OCR slips allowed."""
    return fuzz.ratio(fold(goal.title).rstrip(". "), key) >= 92


_WORDED_NUMBER = re.compile(r"\w*mal (\d+(?:\.\d+)*)")


def named_goal(goals: list[Goal], key: str) -> Goal | None:
    """The first goal in the tree ``goals`` (depth first) numbered ``key`` ("1.1") or titled so;
    for "Mål 2" the first numbered 2 that states a goal (not the chapter "2. Bakgrund")."""
    key = key.strip().rstrip(".")
    if (worded := _WORDED_NUMBER.fullmatch(fold(key))) is not None:
        key = worded[1]
    found: list[Goal] = []
    todo = list(goals) if key else []
    while todo:
        goal = todo.pop(0)
        if key == (goal.number or "").rstrip(".") or fold(key) == fold(goal.title):
            if worded is None:
                return goal
            found.append(goal)
        todo[:0] = goal.children
    if not found and (code := code_of(key)) is not None and code != key:
        return named_goal(goals, code)  # an OCR'd code: "Mla" for "M1a"
    return next((g for g in found if states_goal(g.title)), found[0] if found else None)


def known_goal(goals: list[Goal], title: str) -> Goal | None:
    """The latest goal of the top two levels read so far whose title ``title`` repeats (OCR
    slips allowed)."""
    key = fold(title).rstrip(". ")
    return next((g for g in reversed(goals + [c for g in goals for c in g.children]) if repeats_title(g, key)), None)


def goal_path(goals: list[Goal], key: str, listed: set[int]) -> list[Goal]:
    """The goals from the top down to the unnumbered goal read from a table or list (its id in
    ``listed``) whose folded title is ``key``; empty when there is none."""
    return _path_to(goals, lambda g: id(g) in listed and g.number is None and fold(g.title) == key)


def sibling_goal_level(goals: list[Goal], styled: dict[int, float], size: float) -> GoalLevel | None:
    """The level of a top-level heading made a goal, from the goal before it at the top: a goal's,
    where that goal's heading was styled alike (``styled``: sizes by goal id; ``size``: this one's)."""
    last = goals[-1] if goals else None
    if last is not None and last.level is GoalLevel.goal and abs(styled.get(id(last), -9.0) - size) < 0.3:
        return last.level
    return None


def _path_to(goals: list[Goal], found: Callable[[Goal], bool]) -> list[Goal]:
    """The goals from the top down to the first goal (depth first) that ``found`` accepts; empty
    when there is none."""
    paths = [[g] for g in goals]
    while paths:
        path = paths.pop(0)
        if found(path[-1]):
            return path
        paths[:0] = [[*path, c] for c in path[-1].children]
    return []


_FRONT_CHAPTERS = frozenset({"inledning", "sammanfattning", "forord", "bakgrund", "syfte",
                             # an annual report's own chapters, over its key figures: no goals
                             "forvaltningsberattelse", "vasentliga handelser", "resultatrakning", "balansrakning",
                             "kassaflodesanalys", "noter", "redovisningsprinciper"})
# A heading that is a document kind's word alone, perhaps with its year ("Verksamhetsberättelse",
# "Årsbokslut 2025"): the report's own chapter, no goal of it.
_KIND_ALONE = re.compile(rf"(?:{'|'.join(pattern for pattern, _ in DOC_TYPES)})(?: \d{{4}}(?:[-/]\d{{2,4}})?)?")
_REGISTRY = re.compile(r"(?:dnr|diarienr|diarienummer)\b.*\d")  # a registry number ("Dnr KS 2025/263")
_NAME_PARTS = re.compile(r"\s*[,·•|–—]\s*|\s+-\s+")


def names_document(out: Builder, title: str) -> bool:
    """Whether a heading names the document or whose it is ("Region Västerbotten", a title
    block's "Förskolan Skogsbrynet, Håbo kommun"): no goal."""
    names = {fold(n) for n in (out.title, out.organ, out.municipality.name) if n}
    if fold(title) in names or fold(title) in _FRONT_CHAPTERS or _KIND_ALONE.fullmatch(fold(title).strip(" .:")):
        return True  # (or a chapter of the document's own: "Inledning" over the goal table, "Verksamhetsberättelse")
    parts = [fold(p) for p in _NAME_PARTS.split(title) if p.strip() and not _REGISTRY.match(p.strip().lower())]
    return bool(parts) and all(p in names for p in parts)  # (its registry number beside them: "· Dnr RS 2025/1744")


def number_goes_back(head: Heading, chapter: str | None) -> bool:
    """A plain "N." heading whose number is not past ``chapter``, the number the goals in scope
    are numbered under ("3.1"): the numbering never goes back, so it is a list's item."""
    if not head.number or head.depth != 1 or head.marked or head.kind not in ("goal", "section") or not chapter:
        return False
    first, number = chapter.split(".")[0], head.number.rstrip(".")
    return number.isdigit() and first.isdigit() and int(number) <= int(first)


# A table's or figure's caption naming the goal it belongs to: "Tabell 1. Indikatorer för målet
# invånarna ska ha god tillgång till …" (the table on a page of tables, away from its goal).
_CAPTION_GOAL = re.compile(r"^(?:tabell|tab|figur|diagram|bilaga)\s*\d{1,2}\s+.*?\bmalet\s+(?P<title>\S.*)$")


def caption_goal(goals: list[Goal], text: str) -> list[Goal]:
    """The path (top down) to the goal read before that a caption names, else []."""
    m = _CAPTION_GOAL.match(fold(text))
    if m is None:
        return []
    key = m["title"].rstrip(". :")
    return _path_to(goals, lambda g: repeats_title(g, key))


# A list's label naming the goal by its number: "Indikatorer för miljömål 1" after its delmål 1.2.
_LIST_OF_GOAL = re.compile(r"^(?:indikatorer|nyckeltal|matetal|matt)\s+(?:for|till)\s+\w*mal(?:et)?\s+(?P<number>\d{1,2}(?:\.\d{1,2})*)\.?$")


def captioned_goal(w: WalkState, text: str) -> bool:
    """Whether ``text`` is a caption naming a goal read before; if so that goal is in scope
    again (what the table under the caption holds is its own), the open field stored first.
    A list's label naming a goal by its number puts it in scope too, and is read on as a label."""
    path = caption_goal(w.out.goals, text)
    label = None if path else _LIST_OF_GOAL.match(fold(text))
    if label is not None:
        path = _path_to(w.out.goals, lambda g: (g.number or "").rstrip(".") == label["number"])
    if path:
        w.flush()
        w.stack = [(k + 1, g) for k, g in enumerate(path)]
        w.goal, w.activity, w.section, w.mode = path[-1], None, None, None
    return bool(path) and label is None
