"""Where an activity table prints its statuses: as words in full-width status rows, as icons
with their labels beside them, or as icons alone in the status rows."""

from __future__ import annotations

from planparse.layouts.goal_tables import first_text, is_comment, label_beside
from planparse.layouts.icons import Markers
from planparse.layouts.tables import match_status_prefix
from planparse.model import Status
from planparse.reading.model import Table


def status_rows(table: Table) -> bool:
    """Most full-width rows (comments and group rows aside) start with a printed status."""
    rows = [r for r in table.body if r.full_width and r.cells and not is_comment(r)
            and not all(ln.bold for c in r.cells for ln in c.lines)]
    return bool(rows) and sum(1 for r in rows if match_status_prefix(r.cells[0].text)) >= 0.5 * len(rows)


def status_row_icons(markers: Markers, table: Table) -> dict[int, Status]:
    """The statuses of a table whose status rows (full-width, under each activity's row) print
    an icon alone on its line, no word: each such row's status by id, when no other body row
    has an icon."""
    out: dict[int, Status] = {}
    for r in table.body:
        marks = markers.near(r.page, r.bbox)
        if marks and not r.full_width:
            return {}
        if marks and any(ln.bbox[1] <= (marks[0].bbox[1] + marks[0].bbox[3]) / 2 <= ln.bbox[3]
                         for c in r.cells for ln in c.lines):
            return {}  # words beside the icon: a status line, read as text
        if marks and (status := markers.status(marks[0])) is not None:
            out[id(r)] = status
    return out if any(not r.full_width for r in table.body) else {}


def labelled_markers(markers: Markers, table: Table) -> bool:
    """Every status icon is printed beside its status label ("● Pågående enligt plan"), at the
    row's start or on a line of the row: the labels are read as text, the icons only draw them."""
    marked = [(r, m) for r in table.body for m in markers.near(r.page, r.bbox)]
    return bool(marked) and all(match_status_prefix(first_text(r)) or label_beside(r, m.bbox) for r, m in marked)
