"""A form's value boxes beside its rows: a status chosen in each activity's drop-down (an
AcroForm field), its box drawn shaded at the row's right end. Stacked boxes read as a one-column
table, a lone box as a line; either way the value belongs to the line it stands level with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse.layouts.icon_lines import chip_item
from planparse.layouts.tables import column_of, header_labels, status_line
from planparse.reading.model import Cell, Line, Page, Table, within

if TYPE_CHECKING:
    from planparse.layouts.engine import Walk


def field_column(blocks: list[Line | Table], pages: dict[int, Page]) -> tuple[dict[int, Line], set[int]]:
    """A form's column of value boxes (a status chosen in each activity's drop-down, its box
    drawn shaded at the row's right end): boxes stacked into a one-column table, each row
    level with a line left of it. The row's value belongs to that line, not to a table: the
    line each value stands beside (by id), and the ids of those tables (and of a lone box's line).
    A table rebuilt from positioned lines gets the values in its status cells."""
    beside: dict[int, Line] = {}
    tables: set[int] = set()
    # (a chip's box has rounded corners: a shape)
    rects = {n: [d.bbox for d in page.drawings if d.kind == "rect" or d.kind == "shape" and d.fill is not None]
             for n, page in pages.items()}
    for t in blocks:
        if isinstance(t, Line):  # one box alone: a line of a status inside a drawn box
            if any(within(t.bbox, b, 1) for b in rects[t.page]) and status_line(t) is not None \
                    and len(left := _left_of(t, t.bbox[0], pages[t.page])) == 1:
                beside[id(left[0])] = t
                tables.add(id(t))
            continue
        if t.n_cols > 1 or not t.rows:
            continue
        found: dict[int, Line] = {}
        for row in t.rows:
            cell = [ln for c in row.cells for ln in c.lines]
            if len(cell) != 1:
                break
            if len(left := _left_of(cell[0], t.bbox[0], pages[row.page])) != 1:
                break
            found[id(left[0])] = cell[0]
        else:
            beside.update(found)
            tables.add(id(t))
    _fill_status_cells(blocks, beside)
    return beside, tables


def _left_of(line: Line, x: float, page: Page) -> list[Line]:
    mid = (line.bbox[1] + line.bbox[3]) / 2
    return [o for o in page.lines if o.bbox[2] <= x and o.bbox[1] < mid < o.bbox[3]]


def _fill_status_cells(blocks: list[Line | Table], beside: dict[int, Line]) -> None:
    """A table rebuilt from positioned lines whose status column the form's value boxes fill
    (its cells empty in the text, each box level with its row's title): each box's line put in
    its row's status cell (in place), so the rows read as activities with their statuses."""
    values = list(beside.values())
    for t in blocks if values else []:
        if not isinstance(t, Table) or (col := column_of(header_labels(t), "status")) is None:
            continue
        for row in t.body:
            value = next((v for v in values if v.page == row.page and row.bbox[1] - 1 <= (v.bbox[1] + v.bbox[3]) / 2 <= row.bbox[3] + 1
                          and v.bbox[0] >= row.bbox[0]), None)
            if value is None or row.cell_text(col):
                continue
            row.cells = [c for c in row.cells if c.col != col]
            for c in row.cells:
                c.colspan = 1
            row.cells.append(Cell(lines=[value], bbox=value.bbox, col=col))
            row.cells.sort(key=lambda c: c.col)


def beside_row(w: Walk, line: Line, box: Line) -> None:
    """A line with a status in a box level with it at its right (a form's drop-down, a card's
    chip): the line read as an activity row (:func:`.icon_lines.chip_item`) or as any line, the
    activity it is the last line of taking the box's status."""
    if not chip_item(w, line, box):
        w.line(line)
    if w.activity is not None and (w.item_line is line or any(ln is line for ln in w.field_lines)):  # (or its field's)
        w.activity.status = status_line(box) or w.activity.status
