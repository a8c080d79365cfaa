"""A follow-up table that carries one status or assessment per period ("Bedömning T1 | Bedömning
T2 | Helår", "Status april | Status augusti | Status december", "Föregående bedömning | Aktuell
bedömning"): the row's status is its latest, the last period filled in (or the one the header
calls current). The first of the period columns is the one the walk reads, so each row's latest
cell is put there; the earlier periods are history the contract has no place for."""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.reading.model import Cell, Table
from planparse.text.fold import fold

_PERIOD = re.compile(
    r"\b(?:t\s?[1-3]|tertial\s*[1-3]|delar\s*[1-3]?|helar|arsbokslut|bokslut|q[1-4]|kvartal\s*[1-4]|prognos"
    r"|jan\w*|feb\w*|mars?|apr\w*|maj|jun\w*|jul\w*|aug\w*|sep\w*|okt\w*|nov\w*|dec\w*|(?:19|20)\d\d)\b")
_CURRENT = re.compile(r"\b(?:aktuell|nuvarande|senaste)\b")
_EARLIER = re.compile(r"\b(?:foregaende|tidigare|forra)\b")
_BLANK = frozenset({"", "-", "–", "—", "..", "…"})


def latest_period(table: Table) -> None:
    """Each body row's latest status and assessment moved into the first of its period columns,
    and that column's header named by its label alone ("Status"), in place; tables without such
    columns are left as they are."""
    if not table.header or not table.body:
        return
    headers = [fold(h) for h in table.header]
    labels = [_label_of(h) for h in headers]
    for label in ("status", "assessment"):
        cols = _period_columns(labels, headers, label)
        if not cols:
            continue
        current = next((k for k in cols if _CURRENT.search(headers[k])), None)
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


def _label_of(header: str) -> str | None:
    """The label a period column's header gives without its period ("status april" → status)."""
    base = " ".join(_EARLIER.sub(" ", _CURRENT.sub(" ", _PERIOD.sub(" ", header))).split())
    m = vocabulary.match_label(base) if base and base != header else None
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
