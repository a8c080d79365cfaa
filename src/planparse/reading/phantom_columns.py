"""Phantom columns: a column boundary under one header label that most of a table's rows run
across in one cell (a rule piece the page image showed in one row only, a shaded row's edge) and
that no row has text on both sides of is no boundary. The columns either side of it become one, so the header does not
read "Kod | Kod | Mål" and the row it split ("" | "KF2" | …) lines up with the others."""

from __future__ import annotations

from planparse.reading.model import Cell, Row, Table, union

_SPANNED = 0.75  # the share of rows that run across it in one cell


def drop_phantom_columns(table: Table) -> None:
    """Remove every phantom boundary of ``table`` (see the module), in place."""
    b = 1
    while b < table.n_cols:
        if _phantom(table, b):
            _remove(table, b)
        else:
            b += 1


def _cells_at(row: Row, b: int) -> tuple[Cell | None, Cell | None, Cell | None]:
    """The cell ending left of boundary ``b``, the one starting at it, and one running across it."""
    left = next((c for c in row.cells if c.col + c.colspan == b), None)
    right = next((c for c in row.cells if c.col == b), None)
    across = next((c for c in row.cells if c.col < b < c.col + c.colspan), None)
    return left, right, across


def _phantom(table: Table, b: int) -> bool:
    if len(table.rows) < 3 or len(table.header) != table.n_cols:
        return False
    if not table.header[b - 1] or table.header[b - 1] != table.header[b]:
        return False  # (one label over both: "Kod | Kod", a spanned "Utfall jan–aug" read three times)
    across = 0
    for row in table.rows:
        left, right, spanning = _cells_at(row, b)
        if spanning is not None:
            across += 1
        elif left is not None and right is not None and left.text.strip() and right.text.strip():
            return False  # text on both sides: a real boundary
    return across >= _SPANNED * len(table.rows)


def _remove(table: Table, b: int) -> None:
    for row in table.rows:
        left, right, spanning = _cells_at(row, b)
        if spanning is not None:
            spanning.colspan -= 1
        elif left is not None and right is not None:
            left.lines = [*left.lines, *right.lines] if right.text.strip() else left.lines
            left.bbox = union([left.bbox, right.bbox])
            left.colspan += right.colspan - 1
            row.cells = [c for c in row.cells if c is not right]
        for c in row.cells:
            if c.col >= b and c is not left:
                c.col -= 1
    table.header = [*table.header[: b - 1], table.header[b - 1] or table.header[b], *table.header[b + 1 :]]
    if len(table.columns) == table.n_cols + 1:
        table.columns = [*table.columns[:b], *table.columns[b + 1 :]]
    table.n_cols -= 1
