"""A follow-up table that carries one status or assessment per period ("Bedömning T1 | Bedömning
T2 | Helår", "Status april | Status augusti | Status december", "Föregående bedömning | Aktuell
bedömning"): the row's status is its latest, the last period filled in (or the one the header
calls current). The first of the period columns is the one the walk reads, so each row's latest
cell is put there; the earlier periods are history the contract has no place for."""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.layouts.icons import Markers
from planparse.reading.model import Cell, Row, Table
from planparse.text.fold import plain

_PERIOD = vocabulary.PERIOD_WORDS
_CURRENT = re.compile(r"\b(?:aktuell|nuvarande|senaste)\b")
_EARLIER = re.compile(r"\b(?:foregaende|tidigare|forra)\b")
_BLANK = frozenset({"", "-", "–", "—", "..", "…"})


def latest_period(table: Table, markers: Markers) -> None:
    """Each body row's latest status and assessment moved into the first of its period columns,
    and that column's header named by its label alone ("Status"), in place; the icons of a row's
    earlier periods taken out of ``markers`` (a row of dots, one a period: its last is the
    row's). Tables without such columns are left as they are."""
    if not table.header or not table.body:
        return
    headers = [plain(h) for h in table.header]
    labels = [_label_of(h) for h in headers]
    head = next((r for r in table.rows if r.is_header), None)
    for label in ("status", "assessment"):
        cols = _period_columns(labels, headers, label)
        if not cols:
            continue
        current = next((k for k in cols if _CURRENT.search(headers[k])), None)
        if head is not None:
            _latest_icons(table, head, cols, current, markers)
        for row in table.body:
            cells = {k: c for k in cols for c in row.cells if c.col <= k < c.col + c.colspan}
            if len({id(c) for c in cells.values()}) < len(cells):
                continue  # a cell across the periods: a comment, no period's status
            filled = [k for k in cols if k in cells and _filled(cells[k])]
            if not filled:
                continue
            pick = current if current in filled else filled[-1]
            if pick != cols[0] and cols[0] in cells:
                cells[cols[0]].lines = cells[pick].lines
        table.header[cols[0]] = "Status" if label == "status" else "Bedömning"


def _latest_icons(table: Table, head: Row, cols: list[int], current: int | None, markers: Markers) -> None:
    spans = [next(((c.bbox[0], c.bbox[2]) for c in head.cells if c.col <= k < c.col + c.colspan), None) for k in cols]
    for row in table.body:
        near = markers.near(row.page, row.bbox)
        by_col = [[m for m in near if span is not None and span[0] <= (m.bbox[0] + m.bbox[2]) / 2 <= span[1]] for span in spans]
        filled = [i for i, found in enumerate(by_col) if found]
        if len(filled) < 2:
            continue
        keep = cols.index(current) if current is not None and cols.index(current) in filled else filled[-1]
        stale = {id(m) for i in filled if i != keep for m in by_col[i]}
        markers.by_page[row.page] = [m for m in markers.by_page[row.page] if id(m) not in stale]


def _label_of(header: str) -> str | None:
    """The label a period column's header gives without its period ("status april" → status,
    "aktuell bedömning" → assessment); None for a header that names no period."""
    base = " ".join(_EARLIER.sub(" ", _CURRENT.sub(" ", header)).split())
    m = vocabulary.match_column_label(base) if base != header else None
    if m is None and base == header and _PERIOD.search(header):
        m = vocabulary.match_column_label(header)
    return m.value if m is not None and m.confidence >= 0.9 else None


def _period_columns(labels: list[str | None], headers: list[str], label: str) -> list[int]:
    """The columns of ``label`` whose headers name a period (with the bare periods right after
    them, "Helår"), when there are two or more; else none."""
    # (a header cell across two grid columns repeats its text: one column)
    cols = [k for k, lab in enumerate(labels) if lab == label and (k == 0 or headers[k - 1] != headers[k])]
    if not cols:
        return []
    k = cols[-1] + 1
    while k < len(headers) and (headers[k] == headers[k - 1] or headers[k] and _PERIOD.fullmatch(headers[k].strip())):
        if headers[k] != headers[k - 1]:
            cols.append(k)
        k += 1
    return cols if len(cols) >= 2 else []


def _filled(cell: Cell) -> bool:
    return cell.text.strip() not in _BLANK
