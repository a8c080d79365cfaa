"""A goal table whose assessment is a mark in one of several columns, each headed by an
assessment ("Mål | Uppfyllt | Delvis uppfyllt | Ej uppfyllt", an "X" in one cell of each row):
the goal's assessment is the header of the column holding its mark; ``raw`` is the mark as
printed, ``source`` text."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from planparse import vocabulary
from planparse.model import Assessment, AssessmentValue, Status, StatusValue
from planparse.reading.model import Row, Table

V = TypeVar("V", AssessmentValue, StatusValue)
MATRIX_MIN = 2  # the fewest columns headed by an assessment that make a matrix
_MARK = re.compile(r"[xX✓✔✗✘✕✖×●■]")


def _headed_columns(table: Table, match: Callable[[str], vocabulary.Match | None], value: Callable[[str], V]) -> dict[int, V]:
    """The columns after the first headed each by a value ``match`` reads, exactly (no other words),
    by their values; empty unless there are :data:`MATRIX_MIN` of them, of different values."""
    out: dict[int, V] = {}
    for i, h in enumerate(table.header[1:], start=1):
        m = match(h) if h.strip() else None
        if m is not None and m.confidence >= 0.95:
            out[i] = value(m.value)
    return out if len(set(out.values())) >= MATRIX_MIN else {}


def matrix_columns(table: Table) -> dict[int, AssessmentValue]:
    """The columns headed each by an assessment (see :func:`_headed_columns`)."""
    return _headed_columns(table, vocabulary.match_assessment, AssessmentValue)


def matrix_assessment(row: Row, columns: dict[int, AssessmentValue]) -> Assessment | None:
    """The assessment of the one matrix column whose cell in ``row`` holds a mark alone."""
    marked = [(c.col, c.text.strip()) for c in row.cells if c.col in columns and _MARK.fullmatch(c.text.strip())]
    if len(marked) != 1:
        return None
    col, mark = marked[0]
    return Assessment(value=columns[col], raw=mark, confidence=1.0)


def marked_matrix(table: Table) -> bool:
    """Whether the table is such a matrix: its columns headed by assessments, and some body row
    holding a mark in one of them."""
    columns = matrix_columns(table)
    return bool(columns) and any(matrix_assessment(r, columns) is not None for r in table.body)


def status_columns(table: Table) -> dict[int, StatusValue]:
    """An activity table's columns headed each by a status ("Aktivitet | Klar | Pågår | Ej
    påbörjad", a form where a cross marks the one that holds; see :func:`_headed_columns`)."""
    return _headed_columns(table, vocabulary.match_status, StatusValue)


def matrix_status(row: Row, columns: dict[int, StatusValue], header: list[str]) -> Status | None:
    """The status of the one status column whose cell in ``row`` is marked: a cross as printed,
    or on a scan whatever short reading the OCR made of a pen's cross ("xx", "><")."""
    marked = [c.col for c in row.cells if c.col in columns and 0 < len(c.text.strip()) <= _PEN_MARK]
    if len(marked) != 1:
        return None
    return Status(value=columns[marked[0]], raw=header[marked[0]].strip(), confidence=0.9)


_PEN_MARK = 3  # characters: the longest reading of a hand-drawn cross
