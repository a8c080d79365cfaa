"""Goal rows with their activities indented under them in one table ("Mål och aktivitet |
Ansvarig | Bedömning / status"): a goal row in bold, its first cell further left, its
assessment beside; the activity rows under it indented and regular, each with its owner and
status. Told from the rows alone, so a part of the table broken onto the next page without
its header is read the same way."""

from __future__ import annotations

from dataclasses import dataclass

from planparse import vocabulary
from planparse.layouts.base import provenance
from planparse.model import Activity, Assessment, AssessmentValue, Status, StatusValue
from planparse.reading.model import Cell, Row, Table

_INDENT = 6.0  # points an activity row's first cell starts right of its goal row's


@dataclass
class Item:
    """One row read: a goal (with its assessment) or an activity (with its owner and status)."""

    row: Row
    title: str
    is_goal: bool
    mark: str | None  # the assessment's or status's printed word
    owner: str | None


def _first(row: Row) -> Cell | None:
    return next((c for c in row.cells if c.text and c.lines), None)


def _mark_cell(row: Row, first: Cell) -> Cell | None:
    """The row's last filled cell after its first: the assessment or status."""
    return next((c for c in reversed(row.cells) if c is not first and c.text), None)


def indented_items(table: Table) -> list[Item] | None:
    """The table's rows as goals and activities when its first column holds rows at two
    indents, every row further left bold with an assessment word beside it and every indented
    row regular with a status word; None for any other table."""
    rows = [r for r in table.body if _first(r) is not None]
    if len(rows) < 3:
        return None
    firsts = [_first(r) for r in rows]
    xs = [min(ln.x0 for ln in c.lines) for c in firsts if c is not None]
    left = min(xs)
    items: list[Item] = []
    goals = acts = 0
    for row, cell, x in zip(rows, firsts, xs, strict=True):
        assert cell is not None
        if cell.col != 0:
            return None
        outdented = x < left + 1.0
        if not outdented and x < left + _INDENT:
            return None
        bold = all(ln.bold for ln in cell.lines)
        mark = _mark_cell(row, cell)
        word = mark.text if mark is not None else None
        others = [c.text for c in row.cells if c is not cell and c is not mark and c.text]
        if outdented:
            if not bold or (word is not None and vocabulary.match_assessment(word) is None):
                return None
            goals += word is not None
        else:
            if bold or word is None or vocabulary.match_status(word) is None:
                return None
            acts += 1
        items.append(Item(row, cell.text, outdented, word, others[0] if others else None))
    return items if goals and acts else None


def assessment_of(word: str | None) -> Assessment | None:
    m = vocabulary.match_assessment(word)
    return Assessment(value=AssessmentValue(m.value), raw=word or "", confidence=m.confidence) if m is not None else None


def status_of(word: str | None) -> Status | None:
    m = vocabulary.match_status(word)
    return Status(value=StatusValue(m.value), raw=word or "", confidence=m.confidence) if m is not None else None


def activity_of(item: Item) -> Activity:
    return Activity(uid="", title=item.title, owner=item.owner, status=status_of(item.mark), provenance=provenance(item.row))
