"""How a table row sits among the rows above it: one starting an item (text beside its title),
a paragraph of its own, or a row with text in one cell only; and the row an item was read from."""

from __future__ import annotations

from planparse.model import Activity
from planparse.reading.model import Row


def source_row(item: Activity, rows: list[Row]) -> Row | None:
    """The one of ``rows`` ``item`` was read from (its provenance's page and box), or None."""
    p = item.provenance
    return next((r for r in rows if r.page == p.page and all(abs(a - b) < 0.2 for a, b in zip(r.bbox, p.bbox, strict=True))),
                None)


def row_starts_item(row: Row, col: int) -> bool:
    """A row with text beside its title (an assessment, a date) starts an item."""
    return any(c.text for c in row.cells if c.col != col)


def set_apart(above: Row | None, row: Row) -> bool:
    """A row separated from the one above by more than a line's leading: its own paragraph,
    not a wrapped title."""
    if above is None or above.page != row.page:
        return False
    lines = [ln for c in row.cells for ln in c.lines]
    height = max((ln.bbox[3] - ln.bbox[1] for ln in lines), default=10.0)
    # (by the text: rows a browser's border-spacing sets apart have boxes that nearly meet)
    top = min((ln.bbox[1] for ln in lines), default=row.bbox[1])
    bottom = max((ln.bbox[3] for c in above.cells for ln in c.lines), default=above.bbox[3])
    return max(row.bbox[1] - above.bbox[3], top - bottom) > 0.45 * height


def row_alone(above: Row | None, row: Row, col: int) -> bool:
    """A row with text in the title column only under a title row with text beside its title
    (dates, a status): a paragraph of its own (a description), not a wrapped title."""
    return above is not None and row_starts_item(above, col) and not row_starts_item(row, col) \
        and not row.full_width


def alone(row: Row) -> bool:
    """A row with text in one cell only (a full-width row, or one whose rules were not seen)."""
    return row.full_width or sum(1 for c in row.cells if c.text) == 1
