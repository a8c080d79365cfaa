"""Goal cells that name goals read before: by number and title among the goals in scope, by
their number alone ("Mål nr | Aktivitet": "2" on each row of the goal's activities), or every
goal cell of a table naming goals read before (a summing-up matrix at a report's end, an activity
plan after the goals), which then adds to them instead of adding goals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse.layouts.base import OUTLINE_NUMBER
from planparse.layouts.cell_items import row_text
from planparse.layouts.headings import NAMND_PREFIXES, numbered
from planparse.model import Goal, goals_in
from planparse.reading.model import Table
from planparse.text.fold import fold

if TYPE_CHECKING:
    from planparse.layouts.engine import Walk

def number_of(title: str) -> tuple[str | None, str]:
    """A goal cell's number and title ("1.1 Alla elever ska …" → "1.1", "Alla elever ska …")."""
    num = numbered(title)
    if num is None or num[0] not in (None, "mål", "mal", *NAMND_PREFIXES) or not num[2]:
        return None, title
    return num[1].rstrip("."), num[2]


def named_again(w: Walk, table: Table, col: int) -> dict[int, Goal]:
    """The goal read before that each row's goal cell names, by the row's id, when every goal cell
    names one (two rows or more): a summing-up matrix at a report's end ("Samlad bedömning av
    nämndmålen"), or an activity plan after the goals ("Mål | Aktivitet | Ansvarig"); else empty."""
    known = {fold(g.title): g for g in goals_in(w.out.goals)}
    rows = [(r, known.get(fold(number_of(row_text(r, col))[1]))) for r in table.body if row_text(r, col)]
    return {id(r): g for r, g in rows if g is not None} if len(rows) >= 2 and all(g is not None for _, g in rows) else {}


def by_number(w: Walk, cell: str) -> Goal | None:
    """The goal read before that a goal cell names by its number alone ("Mål nr | Aktivitet …":
    "2" on each of the goal's activities' rows)."""
    if not OUTLINE_NUMBER.fullmatch(cell.strip()):
        return None
    number = cell.strip().rstrip(".")
    found = [g for g in goals_in(w.out.goals) if (g.number or "").rstrip(".") == number]
    return found[0] if len(found) == 1 else None


def read_before(siblings: list[Goal], title: str) -> Goal | None:
    """The goal among ``siblings`` a goal cell names again (same number and title)."""
    number, title = number_of(title)
    return next((g for g in siblings if g.number == number and fold(g.title) == fold(title)), None)
