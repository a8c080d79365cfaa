"""Goals as a numbered list right under an area's heading, with no "Mål" label over them.

A work plan may print its goals as Word's List Number list under each area heading ("1<tab>Barnen
ska …", the list counting on over the areas). Such a list holds goals when its items state one
("ska" after their subject) and end in no full stop (a proposal's numbered points, "1. Nämnden
antar …", "2. Förvaltningen får i uppdrag …", are sentences). The heading becomes their area.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse.model import GoalLevel
from planparse.reading.model import Line, Page, Table
from planparse.text.assemble import list_item as item_of

if TYPE_CHECKING:
    from planparse.layouts.engine import Walk


def _goal_item(text: str) -> bool:
    """A goal's statement: "ska" (or "skall") right after its subject ("Barnen ska …", "Alla
    barn ska …"), no sentence's end, a title's length."""
    words = text.lower().split()
    return 4 <= len(words) <= 25 and any(w in ("ska", "skall") for w in words[1:4]) \
        and not text.rstrip().endswith((".", ":", ";", "!", "?"))


def numbered_goal(w: Walk, line: Line, item: tuple[str, str]) -> bool:
    """Read ``item`` (marker, text) as the next goal of a numbered goal list when it is one:
    the first right under an unnumbered heading not yet a goal (nothing open), or the next of a
    list opened so (its goals keep the list's number, without the dot)."""
    marker, text = item[0].rstrip(".)"), item[1]
    if not marker.isdigit() or not _goal_item(text):
        return False
    going_on = w.mode == "goals" and w.list_goal is not None and w.list_goal.number is not None and w.item is w.list_goal
    opens = w.mode is None and w.field is None and w.section is not None and w.activity is None
    if not (going_on or opens):
        return False
    if opens:
        w.flush()
        w.mode, w.mode_level, w.item = "goals", GoalLevel.goal, None
    w.list_item(text, line, item[0])
    if w.list_goal is not None:
        w.list_goal.number = marker
    return True


def counts_on_goal(w: Walk, marker: str) -> bool:
    """Whether a numbered line ("2.") after a bulleted list counts on from the number of the goal
    in scope ("1. Leveranstiden …" over its bulleted activities): the next goal, no item of the
    list, however an OCR'd layer sizes it."""
    last = item_of(w.item_line.text) if w.item_line is not None else None
    here, number = marker.rstrip(".)"), (w.goal.number or "").rstrip(".") if w.goal is not None else ""
    return last is not None and not last[0][:1].isdigit() and here.isdigit() and number.isdigit() and int(here) == int(number) + 1


def side_frame(page: Page, table: Table) -> bool:
    """A framed one-column box standing beside the running text ("Faktaruta"): lines of text
    beside it (wholly left or right of it, at its height), and others that run across its left
    edge above or below it (one column of text, no second column it would be part of). Its
    lines are no goal's or item's text."""
    x0, y0, x1, y1 = table.bbox
    beside = crossing = 0
    for ln in page.lines:
        if ln.bbox[3] > y0 and ln.bbox[1] < y1:
            beside += ln.bbox[2] <= x0 or ln.bbox[0] >= x1
        elif ln.bbox[0] < x0 - 20 and ln.bbox[2] > x0 + 20:
            crossing += 1
    return beside >= 2 and crossing >= 3 and x1 - x0 < 0.45 * page.width
