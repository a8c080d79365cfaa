"""A table inside a goal table's cell: a nämnd's årsbokslut lists each goal's activities in its
row's "Aktiviteter" cell as a small table of their own ("Aktivitet | Status | Färdiggrad", a
status icon and a progress bar a row). The cell's lines are rebuilt into that table from their
positions, as an unruled table on the page is, and read as the goal's activity table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from planparse.layouts import roles
from planparse.layouts.goal_words import states_goal
from planparse.layouts.roles import Role
from planparse.layouts.sheet_grid import sheet_parts
from planparse.layouts.table_headers import is_table_header
from planparse.model import Goal
from planparse.reading import positioned as pos
from planparse.reading.model import BBox, Line, Row, Table

if TYPE_CHECKING:
    from planparse.layouts.engine import Walk


def nested_table(w: Walk, row: Row, col: int) -> tuple[Table, BBox] | None:
    """The activity table the cell at ``col`` of ``row`` holds and the cell's box, or None: a
    header row of the vocabulary's labels first in the cell and rows under it."""
    cell = roles.cell(row, col)
    if cell is None or len(cell.lines) < 2:
        return None
    marks = [m.bbox for m in w.markers.near(row.page, cell.bbox, right_of=cell.bbox[0])
             if m.bbox[2] <= cell.bbox[2] + 1]
    table = _ruled(w, cell.lines, cell.bbox, marks)
    if table is None:
        found = pos.find_tables(cell.lines, is_table_header, lambda line: False, marks)
        if len(found) != 1 or len(found[0][1]) < len(cell.lines) - 1:
            return None  # (no table, or one that leaves the cell's text beside it)
        table = found[0][0]
    return (table, cell.bbox) if table.body and roles.classify(table) is Role.activities else None


def _ruled(w: Walk, lines: list[Line], box: BBox, marks: list[BBox]) -> Table | None:
    """The cell's table parted into rows by the rules drawn across it inside the cell (a row's
    wrapped title and the figure set at its middle are one row), its header the first row's
    lines when the vocabulary takes them for one; None without such rules."""
    page = next(p for p in w.doc.pages if p.number == lines[0].page)
    rules = sorted({round(d.bbox[1], 1) for d in page.drawings if d.kind == "hline"
                    and box[0] - 2 <= d.bbox[0] and d.bbox[2] <= box[2] + 2 and d.bbox[2] - d.bbox[0] >= 0.6 * (box[2] - box[0])
                    and box[1] + 2 < d.bbox[1] < box[3] - 2})
    if not rules:
        return None
    bands: list[list[Line]] = [[] for _ in range(len(rules) + 1)]
    for ln in lines:
        mid = (ln.bbox[1] + ln.bbox[3]) / 2
        bands[sum(1 for y in rules if y < mid)].append(ln)
    header, *body = [b for b in bands if b]
    words = [s.text.strip() for ln in header for s in ln.spans if s.text.strip()]
    if not body or not is_table_header([" ".join(words)]) and not is_table_header(words):
        return None
    return pos.table_from_rows(header, body, marks)


def read_nested(w: Walk, goal: Goal, table: Table, box: BBox) -> None:
    """``table``, inside the cell ``box``, read as the activity table of ``goal`` (see
    :func:`.table_walk.read_table`) with the icons inside the cell alone (the goal's own
    assessment icon stands level with its rows in the cell before), the walk's table and
    activity in scope left as they were."""
    from planparse.layouts.table_walk import read_table

    last, activity, table_activity, markers = w.last_table, w.activity, w.table_activity, w.markers
    w.markers = replace(markers, by_page={table.page: [m for m in markers.by_page.get(table.page, [])
                                                        if box[0] - 1 <= m.bbox[0] and m.bbox[2] <= box[2] + 1]})
    w.goal, w.activity, w.table_activity, w.last_table = goal, None, None, None
    try:
        read_table(w, table)
    finally:
        w.last_table, w.activity, w.table_activity, w.markers = last, activity, table_activity, markers


def box_parts(box: Table, is_break: Callable[[Line], bool]) -> list[Line | Table]:
    """A framed text box (a planning system's card: "Nämndmål", "Analys", an indicator table,
    "Aktiviteter") holding an unruled table of its own: its lines in order with that table
    rebuilt from their positions in their place; the box itself when it holds none."""
    if not box.text_box:
        return [box]
    lines = [ln for r in box.rows for c in r.cells for ln in c.lines]
    found = pos.find_tables(lines, is_table_header, is_break)
    if not found:
        return [box]
    taken = {id(ln): t for t, used in found for ln in used}
    out: list[Line | Table] = []
    for ln in lines:
        if id(ln) not in taken:
            out.append(ln)
        elif (t := taken[id(ln)]) not in out:
            out.append(t)
    return out


def table_parts(table: Table, is_break: Callable[[Line], bool]) -> list[Line | Table]:
    """A page's table as the walk reads it: a sheet's grid in its parts
    (:func:`~planparse.layouts.sheet_grid.sheet_parts`), a card's text box with its own table
    rebuilt (:func:`box_parts`), a title row over the header as the lines before the table
    (:func:`titled_parts`)."""
    out: list[Line | Table] = []
    for part in sheet_parts(table):
        for piece in box_parts(part, is_break) if isinstance(part, Table) else [part]:
            out += titled_parts(piece) if isinstance(piece, Table) else [piece]
    return out


def titled_parts(table: Table) -> list[Line | Table]:
    """A table whose first row is one cell merged across all columns stating a goal (its title
    over its activities: "Vattenförsörjningen ska vara robust") over a row of column labels: the
    title's lines, then the table under its real header; else the table as it is."""
    rows = table.rows
    if len(rows) < 3 or not rows[0].full_width or not states_goal(rows[0].cells[0].text) or rows[1].full_width \
            or not is_table_header([c.text for c in rows[1].cells if c.text.strip()]):
        return [table]  # (a caption that states no goal, "Folkbibliotek" over its statistics, stays the table's)
    head = replace(rows[1], is_header=True)
    labels = {c.col: c.text for c in head.cells}
    return [*rows[0].cells[0].lines, replace(table, rows=[head, *[replace(r, is_header=False) for r in rows[2:]]],
                                              header=[labels.get(i, "") for i in range(table.n_cols)])]
