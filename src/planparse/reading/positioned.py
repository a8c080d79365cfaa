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


def _spans(row: list[Line]) -> list[Span]:
    return sorted((s for ln in row for s in ln.spans if s.text.strip()), key=lambda s: s.bbox[0])


def _phrases(spans: list[Span]) -> list[list[Span]]:
    """A header row's words grouped into column labels: words closer than about a letter
    height belong to one label ("Verksamhetens" "aktiviteter" from an OCR'd layer, where
    every word is its own span); a wider gap starts the next column."""
    out: list[list[Span]] = []
    for s in spans:
        if out:
            prev = out[-1][-1]
            if s.bbox[0] - prev.bbox[2] < 0.9 * max(s.size, prev.size, 1.0):
                out[-1].append(s)
                continue
        out.append([s])
    return out


def _label(phrase: list[Span]) -> str:
    return " ".join(s.text.strip() for s in phrase)


def _column(x0: float, starts: list[float]) -> int:
    col = 0
    for i, start in enumerate(starts):
        if x0 >= start - _SLACK:
            col = i
    return col


def _fits(row: list[Line], starts: list[float], right: float) -> bool:
    """Every word starts inside a column and none runs far into the next column's start
    (a paragraph set across the columns does)."""
    for s in _spans(row):
        if s.bbox[0] < starts[0] - 2 * _SLACK or s.bbox[0] > right + 2 * _SLACK:
            return False
        col = _column(s.bbox[0], starts)
        if col + 1 < len(starts) and s.bbox[2] > starts[col + 1] + 3 * _SLACK:
            return False
    return True


def _row(cells_spans: dict[int, list[Span]], page: int, method: str) -> Row:
    cells = []
    for col, spans in sorted(cells_spans.items()):
        line = Line(spans=spans, page=page, method=method)  # type: ignore[arg-type]
        cells.append(Cell(lines=[line], bbox=line.bbox, col=col))
    return Row(cells=cells, page=page, bbox=union([c.bbox for c in cells]))


def table_from_rows(header: list[Line], body: list[list[Line]]) -> Table:
    """A table whose columns start at the header's words; body rows split by word position,
    a row with text in the first column only joined to the cell above."""
    phrases = _phrases(_spans(header))
    starts = [p[0].bbox[0] for p in phrases]
    page, method = header[0].page, header[0].method
    head = _row(dict(enumerate(phrases)), page, method)
    head.is_header = True
    rows: list[Row] = [head]
    for vr in body:
        by_col: dict[int, list[Span]] = {}
        for s in _spans(vr):
            by_col.setdefault(_column(s.bbox[0], starts), []).append(s)
        if set(by_col) == {0} and len(rows) > 1:  # the first cell wraps
            prev = rows[-1]
            first = next((c for c in prev.cells if c.col == 0), None)
            if first is not None:
                first.lines.append(Line(spans=by_col[0], page=vr[0].page, method=vr[0].method))
                first.bbox = union([ln.bbox for ln in first.lines])
                prev.bbox = union([prev.bbox, first.bbox])
                continue
        rows.append(_row(by_col, vr[0].page, vr[0].method))
    return Table(rows=rows, n_cols=len(starts), header=[_label(p) for p in phrases])


def find_tables(
    lines: list[Line], is_header: Callable[[list[str]], bool], is_break: Callable[[Line], bool]
) -> list[tuple[Table, list[Line]]]:
    """Unruled tables among one page's ``lines``: (table, the lines it consumed). A visual row
    whose words ``is_header`` accepts opens a table; it runs while rows fit its columns and no
    line ``is_break`` (a heading) and the vertical gaps stay under three line heights."""
    found: list[tuple[Table, list[Line]]] = []
    rows = visual_rows(lines)
    k = 0
    while k < len(rows):
        header = rows[k]
        phrases = _phrases(_spans(header))
        words = [_label(p) for p in phrases]
        if len(words) < 2 or not is_header(words):
            k += 1
            continue
        starts = [p[0].bbox[0] for p in phrases]
        right = max(s.bbox[2] for s in _spans(header))
        body: list[list[Line]] = []
        j = k + 1
        prev = header
        while j < len(rows):
            vr = rows[j]
            h = max(prev[0].bbox[3] - prev[0].bbox[1], 1.0)
            if vr[0].bbox[1] - max(ln.bbox[3] for ln in prev) > 3 * h or any(is_break(ln) for ln in vr):
                break
            if not _fits(vr, starts, max(right, starts[-1] + 120)):
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
