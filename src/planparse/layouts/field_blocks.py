"""Activities told by how they are written: fields that serve a block of activities
("Aktivitet: …" lines, or a list's items, and under the last of them "Ansvarig: …", "Klart: …",
"Mätetal: …", which are every one's); the activity a label in the singular names on the line
under it ("Aktivitet" / "Tillgänglighetsinventering av vallokalerna"); a commitment ("Vi ska
…") under a goal."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from planparse import vocabulary
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


_ROW_FIELDS = ("owner", "start_date", "end_date", "status")  # one value each, set in a row
_SECOND_LABEL = re.compile(r"\s+(?:\|\s+)?[A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?:\s+\S.*$")
_THEN_LABEL = re.compile(r"(?<=\.)\s+[A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?:\s+\S.*$")  # a value's label after a full stop
_VALUES = ("assessment", "status")


def _status_tail(value: str) -> str | None:
    """The status an owner's value ends with, unlabelled ("Samordnare Försenad · Färdiggrad 30 %"), or None."""
    words = value.split()
    for k in range(min(len(words) - 1, 6), 0, -1):
        tail = " ".join(words[-k:])
        if k < len(words) and words[-k][:1].isupper() and ":" not in tail and (m := vocabulary.match_status(tail)) is not None \
                and m.confidence >= 0.95 and not vocabulary.match_status(words[-k - 1]):
            return tail
    return None


def second_field(label: str, value: str, read: Callable[[str], tuple[str | None, str]]) -> tuple[str, str | None, str] | None:
    """A field's value that holds a second labelled field (``read`` tells a label line's label
    and value): a status or assessment after a full stop ("Utfall 2026: 61 %. Bedömning: Ej
    uppfyllt"), or a row's next field ("Ansvarig: X   Klart: Y", "X | Klart: Y | Kostnad: Z").
    An owner's value may end in the row's status, unlabelled ("Samordnare Försenad · Färdiggrad 30 %").
    (The value before it, the second's label, its value); the label None for a field the contract
    has not, after a bar, which is left out. None when the value holds no second field."""
    if label == "owner" and (status := _status_tail(value)) is not None:
        return value[:-len(status)].strip(), "status", status  # "Ansvarig: Samordnare Försenad · Färdiggrad 30 %"
    if label not in _VALUES and (then := _THEN_LABEL.search(value)) and (found := read(then[0].strip()))[0] in _VALUES:
        return value[:then.start()].strip(), found[0], found[1]
    second = _SECOND_LABEL.search(value) if label in _ROW_FIELDS else None
    if second is not None and ((found := read(second[0].lstrip(" |").strip()))[0] in _ROW_FIELDS or "|" in second[0][:3]):
        return value[:second.start()].strip(), found[0] if found[0] in _ROW_FIELDS else None, found[1]
    return None
