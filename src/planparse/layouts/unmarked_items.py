"""Items of a list whose marks the text layer lacks: bullets drawn as shapes, or lost by the OCR."""

from __future__ import annotations

from planparse.layouts.field_blocks import commits
from planparse.layouts.goal_words import states_goal
from planparse.layouts.walk_state import WalkState
from planparse.layouts.wraps import did_not_wrap
from planparse.model import Activity
from planparse.reading.model import Line


class UnmarkedItems(WalkState):
    """Whether a line with no list mark of its own is the next item of the list in scope."""

    def drawn_item(self, line: Line) -> bool:
        """A line after a drawn bullet (no glyph in the text layer) that is an item of the list in scope: goals after goal words, a goal's list, focus areas after their lead-in, indicators, an activity list (an "Uppdrag" list only under a goal: under another chapter it lists the remit), or an amount outside any list."""
        if not self.bullets.leads(line):
            return False
        if self.mode == "activities":
            return (self.goal is not None and self.section is None) or self.list_label != "assignment" or (
                self.section is not None and states_goal(self.section_title))  # (a heading stating a goal: its uppdrag)
        if self.mode == "goal_text":
            return True  # after the goal words' paragraphs, as a printed bullet: the goals' list
        if self.mode == "goals":  # (under a heading not yet a goal, a "Mål" label's list)
            return self.section is None or self.list_label == "goal"
        return self.mode == "indicators" or self.mode is None and self.field is None and (any(ch.isdigit() for ch in line.text) or (
            self.section is not None and (not self.section_prose or commits(line.text)) and states_goal(self.section_title)))  # (what is done for it)

    def lost_bullet(self, prev: Line, line: Line, gap: float, height: float) -> bool:
        """An OCR'd line that is the next item of the list whose bullet the OCR lost: after a sentence's end, a capital, set apart from the item above as far as that item is from the one before it (a wrapped line sits closer), or after a bulleted item too short to wrap."""
        return (
            line.method != "native"
            and self.mode in ("goals", "activities", "indicators")
            and prev.text.rstrip().endswith((".", "!", "?"))
            and line.text[:1].isupper()
            and gap > 0.5 * height
            and (gap >= 0.8 * self.item_gap if self.item_gap is not None else self.item_marked and did_not_wrap(prev, line, self.doc))
            # its text where the items' text stands: right of their bullets (a heading at
            # the margin, where the bullets are, is none: "Klimat och hållbar samhällsplanering")
            and line.x0 >= self.item_x + (3 if self.item_marked else -3)
        )

    def activity_point(self, text: str, line: Line, marker: str) -> bool:
        """A bullet set in under a listed activity's bullet on its page (6 to 72 points further in):
        a point of that activity, its description, not an activity of its own. True when so."""
        act, above = self.item, self.item_line  # (the activity a list item: a heading's has no bullet to be set in from)
        if self.mode != "activities" or not isinstance(act, Activity) or not self.item_marked or not marker \
                or marker[:1].isalnum() or above is None or above.page != line.page \
                or not 6 <= line.x0 - self.item_x <= 72:
            return False
        act.description = f"{act.description}\n{text}" if act.description else text
        self.item_line = None
        return True
