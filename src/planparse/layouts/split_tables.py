"""A table too wide for its page, printed as a spreadsheet prints it: the first columns on one
page ("Aktivitet | Ansvar"), the rest of the same rows on the next ("Status | Kommentar"). The
second part opens the next page with no name column of its own, one row for each of the first
part's rows that carry an item (group rows naming a goal have no cells there); its cells are
put back beside those rows."""

from __future__ import annotations

from dataclasses import replace

from planparse.layouts.goal_rows import first_only
from planparse.layouts.tables import header_labels
from planparse.reading.model import Cell, Line, Row, Table

# the labels of columns that only go beside an item's name
_BESIDE = frozenset({"status", "comment", "start_date", "end_date", "progress", "owner", "assessment"})


def join_split_columns(blocks: list[Line | Table]) -> list[Line | Table]:
    """``blocks`` with each table's later columns, printed on the next page, joined to it."""
    out: list[Line | Table] = []
    for block in blocks:
        before = next((b for b in reversed(out) if isinstance(b, Table)), None)
        if isinstance(block, Table) and before is not None and _continues_across(before, block, out):
            out[out.index(before)] = _joined(before, block)
            continue
        out.append(block)
    return out


def _item_rows(table: Table) -> list[Row]:
    return [r for r in table.body if not first_only(r) and not r.full_width]


def _continues_across(left: Table, right: Table, read: list[Line | Table]) -> bool:
    labels = header_labels(right)
    return right.page == left.pages[-1] + 1 and bool(right.header) and all(lab in _BESIDE for lab in labels) \
        and "activities" not in labels and len(right.body) == len(_item_rows(left)) > 1 \
        and not any(isinstance(b, Table) and b.page == right.page for b in read)


def _joined(left: Table, right: Table) -> Table:
    shift = left.n_cols
    rows: list[Row] = []
    extra = iter(right.body)
    head = next((r for r in right.rows if r.is_header), None)
    items = {id(r) for r in _item_rows(left)}
    for row in left.rows:
        add = head if row.is_header else next(extra) if id(row) in items else None
        cells = [*row.cells, *(Cell(lines=c.lines, bbox=c.bbox, col=c.col + shift, colspan=c.colspan)
                               for c in (add.cells if add is not None else []))]
        rows.append(replace(row, cells=cells))
    return replace(left, rows=rows, n_cols=left.n_cols + right.n_cols, header=[*left.header, *right.header])
