"""A plan kept in a spreadsheet and printed with its gridlines: every line of the page is a row
of one ruled grid (headings, paragraphs, labels and values each in a merged cell of their own),
with the plan's real tables (rows of several filled cells) among them. Read as one table, none
of it would be read; the grid is taken apart again into the page's lines and its tables. So is a
grid of bold one-cell rows (a goal's title across the sheet) over sub-tables that each have a
bold header row of their own."""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.layouts.headings import numbered
from planparse.reading.model import Cell, Line, Row, Table

_PROSE_ROWS = 3  # sentences alone in their rows, at least, that say the grid is a page of text
_MIN_ROWS = 8
_HEADINGS = 2  # numbered headings alone in their rows, at least ("3.1 MILJÖ OCH NATUR", "Uppdrag 3.1.1")


_YEAR_HEAD = re.compile(r"(?:\w+\s+)?(?:19|20)\d\d")  # "2024", "Mål 2026" over a column
_MARKER = re.compile(r"^(?:[•\-–▪◦]|\d{1,2}[.)])$")  # a list item's bullet or number in a cell of its own


def _cells(row: Row) -> list[Cell]:
    """The row's cells that hold text, left to right."""
    return [c for c in sorted(row.cells, key=lambda c: c.col) if c.text.strip()]


def _item(row: Row) -> bool:
    cells = _cells(row)
    return len(cells) == 2 and bool(_MARKER.match(cells[0].text.strip())) and bool(cells[1].lines)


def _text(row: Row) -> str:
    return " ".join(ln.text for c in _cells(row) for ln in c.lines)


def _label(text: str) -> bool:
    """A label alone in its row ("Bedömning", "Kommentar"): the next field, no row of the table above."""
    return len(text.split()) <= 3 and vocabulary.match_label(text) is not None


def _prose(row: Row) -> bool:
    text = _text(row)
    return len(_cells(row)) == 1 and len(text.split()) >= 8 and text.rstrip().endswith(".")


def _bold(row: Row) -> bool:
    return all(ln.bold for c in _cells(row) for ln in c.lines) and bool(_cells(row))


def _inner_header(row: Row) -> bool:
    """A row of a sub-table's header inside the grid: two cells or more, all bold, each a label,
    a year or a short column word ("Indikator | 2024 | 2025 | Mål 2026", "Aktivitet | Ansvarig |
    Status", "Nr | Mål"), no row of bold content."""
    cells = _cells(row)
    return len(cells) >= 2 and _bold(row) and any(_label(c.text) for c in cells) and all(
        _label(t) or _YEAR_HEAD.fullmatch(t) or len(t) <= 3 for c in cells if (t := c.text.strip()))


def _headed_sheet(rows: list[Row]) -> bool:
    """A sheet whose parts are headed by bold rows of one cell (a goal's title across the sheet)
    over sub-tables each with a bold header row of its own inside the grid (not the table's own
    header repeated after a page break), or whose one table starts under title rows of one cell
    each."""
    top = _text(rows[0])
    first = next((k for k, r in enumerate(rows) if k > 0 and _inner_header(r) and _text(r) != top), None)
    return first is not None and (all(len(_cells(r)) <= 1 for r in rows[:first])
                                  or any(len(_cells(r)) == 1 and _bold(r) for r in rows[1:]))


def sheet_parts(table: Table) -> list[Line | Table]:
    """``table`` taken apart if it is a printed sheet's grid (half its rows or more one filled cell
    or a list item, sentences or items and numbered headings among them): its one-cell rows as
    lines, a bullet's or number's cell and its text as one line, each run of rows of several cells
    (and the one-cell rows under them up to a numbered heading, a label or a list item) a table of its own
    headed by its first row; else [table]."""
    rows = table.rows
    single = [r for r in rows if len(_cells(r)) <= 1 or _item(r)]
    headings = sum(1 for r in single if not _item(r) and numbered(_text(r)) is not None)
    headed = _headed_sheet(rows)
    if not headed and (len(rows) < _MIN_ROWS or 2 * len(single) < len(rows) or sum(_prose(r) or _item(r) for r in rows)
                       < _PROSE_ROWS or headings < _HEADINGS):
        return [table]  # (an activity table, its rows' descriptions a cell each, has no numbered headings among them)
    out: list[Line | Table] = []
    run: list[Row] = []

    def close() -> None:
        if run:
            run[0].is_header = True
            out.append(Table(rows=list(run), n_cols=table.n_cols, header=[run[0].cell_text(c) for c in range(table.n_cols)],
                             columns=table.columns))
            run.clear()

    for row in rows:
        cells = _cells(row)
        bullet = _item(row)
        if run and len(cells) == 1 and not bullet and numbered(_text(row)) is None and not _label(_text(row)) \
                and not (headed and _bold(row)):
            run.append(row)  # a row of a table's own across it (an activity's description, its comment)
            continue
        if len(cells) >= 2 and run and (all(_label(c.text) for c in cells) or headed and _inner_header(row)):
            close()  # the next table's header ("Mått | Mål | Utfall" under the activity table)
        if len(cells) <= 1 or bullet:
            close()
            row.is_header = False
            if bullet:
                first = cells[1].lines[0]
                out.append(Line(cells[0].lines[0].spans + first.spans, first.page, first.method))
                out.extend(cells[1].lines[1:])
            else:
                out.extend(ln for c in cells for ln in c.lines)
        else:
            run.append(row)
    close()
    return out
