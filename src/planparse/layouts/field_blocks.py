"""Activities told by how they are written: fields that serve a block of activities
("Aktivitet: …" lines, or a list's items, and under the last of them "Ansvarig: …", "Klart: …",
"Mätetal: …", which are every one's); the activity a label in the singular names on the line
under it ("Aktivitet" / "Tillgänglighetsinventering av vallokalerna"); a commitment ("Vi ska
…") under a goal."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from planparse.model import Activity
from planparse.text.numbers import parse_date, parse_end_date

if TYPE_CHECKING:
    from planparse.layouts.walk_fields import FieldWalk

ONE_ACTIVITY = frozenset({"aktivitet", "atgard", "insats"})  # an activity label in the singular (folded)
_ROW_FIELDS = ("owner", "start_date", "end_date", "status")


def block(w: FieldWalk) -> list[Activity]:
    """The goal's activities a field label after them serves all alike: two activities or more
    of which only the last has taken a field (or the others have taken the same, from the
    block); empty otherwise."""
    goal = w.owner_goal()
    acts = goal.activities if goal is not None else []
    last = acts[-1] if acts else None
    if last is None or len(acts) < 2 or w.activity is not last or any(
            any(getattr(a, f) not in (None, getattr(last, f)) for f in _ROW_FIELDS) or a.indicators or a.description
            for a in acts[:-1]):
        return []
    return list(acts)


def set_field(w: FieldWalk, target: Activity, field: str, value: str) -> None:
    """Set an activity's date or text field (appended to text already there), on each activity of
    its block."""
    for act in block(w) or [target]:
        if field in ("start_date", "end_date"):
            setattr(act, field, (parse_end_date if field == "end_date" else parse_date)(value))
        else:
            current = getattr(act, field)
            setattr(act, field, f"{current}\n{value}" if current else value)


_COMMITS = re.compile(r"(?:vi|kommunen|nämnden|förvaltningen)\s+(?:ska|skall|kommer att|lovar att|åtar oss att)\s+\w", re.IGNORECASE)


def commits(text: str) -> bool:
    """Whether an item is a commitment ("Vi ska erbjuda hembesök …"): what is done for the goal
    over it, however much prose stands between the two."""
    return _COMMITS.match(text.strip()) is not None
