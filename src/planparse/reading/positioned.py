"""Tables rebuilt from positioned text: unruled tables, OCR'd layers and scans.

A table without rules is only text set in columns. Given a header row (the caller decides
which rows are headers, e.g. by their vocabulary labels), the columns start where the header's
words start; the rows below are split into cells by the x of their words until the text no
longer fits the columns (a paragraph across them, a heading, a wide vertical gap). A row with
text only in the first column continues the cell above it (a wrapped name).
"""

from __future__ import annotations

from collections.abc import Callable

from planparse.reading.model import Cell, Line, Row, Span, Table, union

# How far left of a column's start a word may begin and still belong to it (points).
_SLACK = 6.0


def visual_rows(lines: list[Line]) -> list[list[Line]]:
    """Lines of one page grouped by baseline (their vertical centres within half a line),
    top to bottom, each row left to right."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda x: (round(x.bbox[1], 1), x.bbox[0])):
        yc = (ln.bbox[1] + ln.bbox[3]) / 2
        if rows:
            last = rows[-1]
            ref = last[0]
            h = max(ref.bbox[3] - ref.bbox[1], 1.0)
            if abs((ref.bbox[1] + ref.bbox[3]) / 2 - yc) < 0.5 * h:
                last.append(ln)
                last.sort(key=lambda x: x.bbox[0])
                continue
        rows.append([ln])
    return rows


# What OCR makes of a table's vertical rules: never a word of a cell.
_RULES = frozenset({"|", "||", "¦", "[", "]"})


def _spans(row: list[Line]) -> list[Span]:
    return sorted((s for ln in row for s in ln.spans if s.text.strip() and s.text.strip() not in _RULES),
                  key=lambda s: s.bbox[0])


def header_cells(header: list[Line]) -> list[list[Span]]:
    """A header row's words grouped into cells: words one word space apart (an OCR'd layer
    has a span per word) name one column ("Verksamhetens aktiviteter")."""
    cells: list[list[Span]] = []
    for s in _spans(header):
        if cells and s.bbox[0] - cells[-1][-1].bbox[2] < _word_space(s):
            cells[-1].append(s)
        else:
            cells.append([s])
    return cells


def _cell_text(spans: list[Span]) -> str:
    return " ".join(s.text.strip() for s in spans)


def _column(x0: float, starts: list[float]) -> int:
    col = 0
    for i, start in enumerate(starts):
        if x0 >= start - _SLACK:
            col = i
    return col


def _fits(row: list[Line], starts: list[float], right: float) -> bool:
    """Every word starts inside a column and none runs far into the next column's start
    (a paragraph set across the columns does)."""
    prev: Span | None = None
    for s in _spans(row):
        if s.bbox[0] < starts[0] - 2 * _SLACK or s.bbox[0] > right + 2 * _SLACK:
            return False
        col = _column(s.bbox[0], starts)
        if col + 1 < len(starts) and s.bbox[2] > starts[col + 1] + 3 * _SLACK:
            return False
        if prev is not None and _column(prev.bbox[0], starts) != col and s.bbox[0] - prev.bbox[2] < _word_space(s):
            return False  # one word space across a column start: a sentence, not two cells
        prev = s
    return True


def _word_space(s: Span) -> float:
    return 0.75 * max(s.bbox[3] - s.bbox[1], 1.0)


def _full_width(row: list[Line], starts: list[float], right: float) -> bool:
    """A row set across the columns inside the table's width (a comment or description row)."""
    spans = _spans(row)
    return bool(spans) and spans[0].bbox[0] >= starts[0] - _SLACK and max(s.bbox[2] for s in spans) <= right + 2 * _SLACK


def _row(cells_spans: dict[int, list[Span]], page: int, method: str) -> Row:
    cells = []
    for col, spans in sorted(cells_spans.items()):
        line = Line(spans=spans, page=page, method=method)  # type: ignore[arg-type]
        cells.append(Cell(lines=[line], bbox=line.bbox, col=col))
    return Row(cells=cells, page=page, bbox=union([c.bbox for c in cells]))


def _wrapped(prev: Row, vr: list[Line], by_col: dict[int, list[Span]]) -> bool:
    """A row right under a row of more cells, a cell going on in lower case: the cells of
    the row above wrap ("Ta fram koncept … i Ånge | Avslutad enligt" over "kommun | plan")."""
    if prev.full_width or len(by_col) >= len([c for c in prev.cells if c.text]):
        return False
    gap = min(ln.bbox[1] for ln in vr) - prev.bbox[3]
    h = max(ln.bbox[3] - ln.bbox[1] for ln in vr)
    return gap < 0.7 * h and any(spans[0].text.strip()[:1].islower() for spans in by_col.values())


def table_from_rows(header: list[Line], body: list[list[Line]]) -> Table:
    """A table whose columns start at the header's words; body rows split by word position,
    a row with text in the first column only joined to the cell above."""
    cells = header_cells(header)
    starts = [c[0].bbox[0] for c in cells]
    page, method = header[0].page, header[0].method
    head = _row(dict(enumerate(cells)), page, method)
    head.is_header = True
    rows: list[Row] = [head]
    right = max(c[-1].bbox[2] for c in cells)
    for vr in body:
        if not _fits(vr, starts, max(right, starts[-1] + 120)):  # set across the columns
            line = Line(spans=_spans(vr), page=vr[0].page, method=vr[0].method)
            prev_cell = rows[-1].cells[0] if len(rows) > 1 and rows[-1].full_width else None
            if prev_cell is not None:
                prev_cell.lines.append(line)
                prev_cell.bbox = rows[-1].bbox = union([prev_cell.bbox, line.bbox])
            else:
                rows.append(Row(cells=[Cell(lines=[line], bbox=line.bbox, col=0, colspan=len(starts))],
                                page=line.page, bbox=line.bbox))
            continue
        by_col: dict[int, list[Span]] = {}
        for s in _spans(vr):
            by_col.setdefault(_column(s.bbox[0], starts), []).append(s)
        if len(rows) > 1 and (set(by_col) == {0} or _wrapped(rows[-1], vr, by_col)):  # the cells wrap
            prev = rows[-1]
            for col, spans in sorted(by_col.items()):
                cell = next((c for c in prev.cells if c.col == col or c.colspan > 1), None)
                line = Line(spans=spans, page=vr[0].page, method=vr[0].method)
                if cell is None:
                    prev.cells.append(Cell(lines=[line], bbox=line.bbox, col=col))
                    prev.cells.sort(key=lambda c: c.col)
                else:
                    cell.lines.append(line)
                    cell.bbox = union([ln.bbox for ln in cell.lines])
                prev.bbox = union([prev.bbox, line.bbox])
            continue
        rows.append(_row(by_col, vr[0].page, vr[0].method))
    return Table(rows=rows, n_cols=len(starts), header=[_cell_text(c) for c in cells])


def find_tables(
    lines: list[Line], is_header: Callable[[list[str]], bool], is_break: Callable[[Line], bool]
) -> list[tuple[Table, list[Line]]]:
    """Unruled tables among one page's ``lines``: (table, the lines it consumed). A visual row
    whose words ``is_header`` accepts opens a table; it runs while rows fit its columns and no
    line ``is_break`` (a heading) and the vertical gaps stay under three line heights."""
    found: list[tuple[Table, list[Line]]] = []
    rows = visual_rows(lines)
    margin = min((ln.x0 for ln in lines if len(ln.text) > 20), default=0.0)
    k = 0
    while k < len(rows):
        header = rows[k]
        cells = header_cells(header)
        words = [_cell_text(c) for c in cells]
        if len(words) < 2 or not is_header(words):
            k += 1
            continue
        starts = [c[0].bbox[0] for c in cells]
        right = max(s.bbox[2] for s in _spans(header))
        # A table set in from the text margin (cell padding): rows across the columns that stay
        # inside it are its own (descriptions, comments), however far apart.
        indented = starts[0] - margin >= 3
        body: list[list[Line]] = []
        j = k + 1
        prev = header
        while j < len(rows):
            vr = rows[j]
            h = max(prev[0].bbox[3] - prev[0].bbox[1], 1.0)
            if vr[0].bbox[1] - max(ln.bbox[3] for ln in prev) > 3 * h or any(is_break(ln) for ln in vr):
                break
            texts = [_cell_text(c) for c in header_cells(vr)]
            if texts != words and len(texts) > 1 and is_header(texts):
                break  # another table's header
            close = vr[0].bbox[1] - max(ln.bbox[3] for ln in prev) < 0.9 * h or (
                indented and min(ln.x0 for ln in vr) >= starts[0] - 2.5)
            if not _fits(vr, starts, max(right, starts[-1] + 120)) and not (
                (body or indented) and close and _full_width(vr, starts, max(right, starts[-1] + 120))
            ):
                break
            body.append(vr)
            prev = vr
            j += 1
        if body:
            found.append((table_from_rows(header, body), [ln for r in [header, *body] for ln in r]))
            k = j
        else:
            k += 1
    return found
