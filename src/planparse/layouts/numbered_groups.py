"""Goals marked by a goal word and numbered inside the document's outline: "Mål 3 …" under
the section "3.2 Ökad materialåtervinning" set larger, "Delmål 1.1" under "Huvudmål 1"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse.layouts.goal_words import goal_word
from planparse.layouts.headings import Heading
from planparse.reading.model import Line

if TYPE_CHECKING:
    from planparse.layouts.walk_state import WalkState


def under_numbered_heading(w: WalkState, number: str | None, line: Line) -> int:
    """The depth of a goal-word heading numbered on its own ("Mål 3 Mer av hushållens …") right
    under a section numbered in the document's outline and set larger ("3.2 Ökad
    materialåtervinning", no goal word): one under that section, which groups it; else 0."""
    if number is None or "." in number.rstrip("."):
        return 0
    depth, top = next(((k, g) for k, g in reversed(w.stack) if "." in (g.number or "").rstrip(".")), (0, None))
    if top is None or goal_word(top.title) is not None or top.provenance.bbox is None:
        return 0
    b = top.provenance.bbox
    return depth + 1 if b[3] - b[1] > line.bbox[3] - line.bbox[1] + 1.0 else 0


def under_parent_number(w: WalkState, head: Heading) -> int:
    """The depth of a heading marked by a goal word and numbered under a goal read before
    ("Delmål 1.1" after "Huvudmål 1", whose goal word set it deeper than its number does): one
    under that goal; else 0."""
    number = (head.number or "").rstrip(".")
    if not head.marked or "." not in number:
        return 0
    return next((k + 1 for k, g in reversed(w.stack) if number.startswith(f"{(g.number or '').rstrip('.')}.") and g.number), 0)
