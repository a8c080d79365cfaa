"""A "Mål" label: the goals listed under it, or the one goal the paragraph under it states."""

from __future__ import annotations

import re

from planparse.layouts.walk_state import WalkState
from planparse.model import Goal, GoalLevel
from planparse.reading.model import Line

_RUN_IN = re.compile(r"[A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+){0,2}: \S")  # "Resultat: …", "Åtgärder framåt: …"
_COMPANY = re.compile(r"\b(?:AB|Aktiebolag)$")  # "Flen Bostäder AB"


class GoalLabel(WalkState):
    """The goals a "Mål" label opens."""

    def open_goal_label(self, value: str, line: Line) -> None:
        """A "Mål" label over a list opens the list of goals; "Mål: …" with a value is the goal that owns what follows."""
        if self.section is not None and self.section_level is None and not self.stack:
            if _COMPANY.search(self.section_title or ""):
                self.section = None  # a company's name over its ägardirektiv's goals: their owner, no area
            else:
                self.section_level = GoalLevel.goal_area  # the heading over a "Mål" list: the goals' area
        self.mode, self.mode_level = "goals", self.spec.level(self.depth() + 1) if self.stack else GoalLevel.goal
        self.list_label = "goal"
        if value:  # "Mål: Örebro kommun ska vara en attraktiv arbetsgivare": owns what follows
            self.list_item(value, line)
            self.mode = None
            if isinstance(self.item, Goal):
                self.goal, self.activity = self.item, None

    def state_goal(self, line: Line) -> bool:
        """The paragraph right under a "Mål" label alone, no list: the one goal it states, which
        the measures and assessment of the goal in scope then measure (:meth:`measured`)."""
        if self.mode != "goals" or self.list_label != "goal" or self.item is not None or self.field is not None \
                or self.typo.rank(line) or line.text.rstrip().endswith(":"):
            return False
        self.list_item(line.text, line)
        self.stated = self.item if isinstance(self.item, Goal) else None
        return True

    def stated_ended(self, prev: Line, line: Line) -> bool:
        """The item above has ended: a note goes on under it in smaller type ("Nämndens bedömning …"), or the stated
        goal's sentence has ("Resultat" under it, a label in body type on an OCR'd page, is none of it), or its
        sentence has and a run-in label opens the next paragraph ("Resultat: Andelen …" under "Mål: …")."""
        return (self.typo.has_fonts(line) and line.size < prev.size - 1.0) or prev.text.rstrip().endswith(".") and (
            self.item is self.stated and len(line.text.split()) <= 2 or _RUN_IN.match(line.text) is not None)

    def retract_stated(self) -> None:
        """A list right after that paragraph: the paragraph led it in, no goal of its own."""
        goal, self.stated = self.stated, None
        if goal is None or self.item is not goal:
            return
        parent = self.stack[-1][1] if self.stack else None
        siblings = parent.children if parent is not None else self.out.goals
        siblings[:] = [g for g in siblings if g is not goal]
        self.listed.discard(id(goal))
        if parent is not None:
            parent.description = "\n".join(filter(None, [parent.description, goal.title]))
        self.item, self.item_line = None, None
