"""Group rows of an activity table with text statuses: a full-width row that names a goal
read before ("Mål 1. Alla elever …", a merged bold row over an Aktivitet | Ansvar | Klart |
Status table) hands the activity rows under it to that goal, whichever goal is in scope."""

from __future__ import annotations

from planparse.layouts.goal_words import states_goal, unlabelled
from planparse.layouts.goals_again import number_of
from planparse.layouts.known_goals import depth_first, repeats_title
from planparse.model import Goal
from planparse.reading.model import Row, Table
from planparse.text.fold import fold


def _named(text: str) -> tuple[str | None, str]:
    """A goal row's number and title: "1.1 Alla elever ska …", "Mål 2: …", or "Mål: …" (no number)."""
    number, title = number_of(text)
    return number, (unlabelled(text) if number is None else title)


def row_goal(goals: list[Goal], row: Row) -> Goal | None:
    """The goal read before that a full-width row names: by its title (OCR slips allowed),
    after a goal word and number that, where printed, must be the goal's own."""
    if not (row.full_width or first_only(row)) or not row.cells:
        return None
    number, title = _named(row.cells[0].text)
    key = fold(title).rstrip(". ")
    return next((g for g in depth_first(goals) if key and repeats_title(g, key)
                 and (number is None or g.number is None or number == g.number.rstrip("."))), None)


def goal_parts(goals: list[Goal], table: Table) -> list[tuple[Goal | None, Table]]:
    """The table cut at its rows naming goals: each part (header and the rows under such a row)
    with the goal named (None: the rows before any, for the goal in scope); parts without rows
    left out."""
    header = [r for r in table.rows if r.is_header]
    parts: list[tuple[Goal | None, list[Row]]] = [(None, [])]
    for row in table.body:
        goal = row_goal(goals, row)
        if goal is not None:
            parts.append((goal, []))
        else:
            parts[-1][1].append(row)
    return [(g, Table(rows=header + rows, n_cols=table.n_cols, header=table.header, columns=table.columns))
            for g, rows in parts if rows]


def _goal_like(text: str) -> bool:
    """A goal's statement as a row names it: a short sentence with no full stop and no label."""
    t = text.strip()
    return states_goal(t) and len(t.split()) <= 15 and not t.endswith(".") and ":" not in t


def first_only(row: Row) -> bool:
    """Whether only the row's first cell holds text (a group row whose rules run across)."""
    return bool(row.cells) and row.cells[0].col == 0 and bool(row.cells[0].text.strip()) and not any(
        c.text.strip() for c in row.cells[1:])


def labelled_goal_rows(goals: list[Goal], table: Table) -> list[tuple[str | None, str, Row]]:
    """Rows of an activity table that name a goal not read before: full-width by its goal word and
    number ("Mål 1: Trafiksäkerheten ska öka", a merged row of a spreadsheet's list), or the first
    cell alone stating a goal ("Fler ska ta del av regionens kulturutbud" over its activities,
    one of two such rows at least): the goals the rows under them belong to, as (number, title, row)."""
    out: list[tuple[str | None, str, Row]] = []
    for row in table.body:
        if row.full_width and row.cells and fold(row.cells[0].text).startswith(("mal", "namndmal", "delmal")):
            number, title = _named(row.cells[0].text)
            if (number is not None or title != row.cells[0].text.strip()) and title and row_goal(goals, row) is None:
                out.append((number, title, row))
    stated = [r for r in table.body if not r.full_width and first_only(r) and _goal_like(r.cells[0].text)]
    if len(stated) >= 2 and not out and table.body and table.body[0] is stated[0]:  # (heading the rows: no description row)
        out = [(None, r.cells[0].text.strip(), r) for r in stated if row_goal(goals, r) is None]
    return out
