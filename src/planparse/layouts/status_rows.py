"""Where an activity table prints its statuses: as words in full-width status rows, as icons
with their labels beside them, or as icons alone in the status rows."""

from __future__ import annotations

from planparse.layouts import roles
from planparse.layouts.goal_tables import first_text, is_comment, label_beside
from planparse.layouts.icons import Markers
from planparse.layouts.marker import Marker
from planparse.layouts.tables import header_labels, match_status_prefix, title_column
from planparse.model import Status
from planparse.reading.model import Row, Table


def status_rows(table: Table) -> bool:
    """Most full-width rows (comments and group rows aside) start with a printed status."""
    rows = [r for r in table.body if r.full_width and r.cells and not is_comment(r)
            and not all(ln.bold for c in r.cells for ln in c.lines)]
    return bool(rows) and sum(1 for r in rows if match_status_prefix(r.cells[0].text)) >= 0.5 * len(rows)


def status_row_icons(markers: Markers, table: Table) -> dict[int, Status]:
    """The statuses of a table whose status rows (under each activity's row) print an icon
    alone on its line, no word: each such row's status by id, when no other body row has an
    icon. A status row spans the table, or (its columns not ruled) holds nothing but the icon
    and a comment in the title column, directly under an activity's row (:func:`under_activity`)."""
    out: dict[int, Status] = {}
    title_col = title_column(header_labels(table))
    above = None
    for r in table.body:
        marks = markers.near(r.page, r.bbox)
        if marks and not r.full_width and not under_activity(r, above, marks, title_col):
            return {}
        if marks and any(ln.bbox[1] <= (marks[0].bbox[1] + marks[0].bbox[3]) / 2 <= ln.bbox[3]
                         for c in r.cells for ln in c.lines):
            return {}  # words beside the icon: a status line, read as text
        if marks and (status := markers.status(marks[0])) is not None:
            out[id(r)] = status
        above = None if marks else r
    return out if any(not r.full_width and id(r) not in out for r in table.body) else {}


def under_activity(row: Row, above: Row | None, marks: list[Marker], title_col: int) -> bool:
    """A row that holds nothing but status icons and comment text in the title column, under
    an activity's row without an icon: that activity's status row, no activity of its own. The
    row above is an activity's: text beside its title (dates), or a bold title over this row's
    regular text; an icon alone under any row is a status."""
    cell = roles.cell(row, title_col)
    if cell is None or any(c.text for c in row.cells if c is not cell) or above is None:
        return False
    if any(not cell.bbox[0] - 2 <= (m.bbox[0] + m.bbox[2]) / 2 <= cell.bbox[2] + 2 for m in marks):
        return False  # an icon in a column of its own: the row's status, the row an activity's
    lines = [ln for c in above.cells for ln in c.lines]
    return not cell.text or any(c.text for c in above.cells if c.col != title_col) or (
        bool(lines) and lines[0].bold and not any(ln.bold for ln in cell.lines))


def labelled_markers(markers: Markers, table: Table) -> bool:
    """Every status icon is printed beside its status label ("● Pågående enligt plan"), at the
    row's start or on a line of the row: the labels are read as text, the icons only draw them."""
    marked = [(r, m) for r in table.body for m in markers.near(r.page, r.bbox)]
    return bool(marked) and all(match_status_prefix(first_text(r)) or label_beside(r, m.bbox) for r, m in marked)
