"""Sum rows of budget tables: lines named as no sum that are one by their figures, every
sum checked against the rows it sums (a mismatch is a warning, the printed value kept), and
the section a sum row belongs to."""

from __future__ import annotations

from collections.abc import Sequence

from planparse.layouts.base import Builder
from planparse.layouts.figures import adds_up
from planparse.layouts.roles import summed_rows
from planparse.model import BudgetLine, Investment


def mark_unnamed_sum(lines: list[BudgetLine], columns: dict[int, dict[int, int | float]]) -> None:
    """A line named as no sum ("Verksamhetens nettokostnader", "Resultat") that is, in two
    columns or more, the sum of every line since the previous sum (a subtotal), of the
    previous sum and the lines since (a running total: "Resultat" under "Nettokostnader" and
    "Regionbidrag"), or, right after sums, of the sums above (a total of subtotals: "Nämndens
    nettokostnad" under "Summa kultur" and "Summa fritid"), is a sum row."""
    start = 0
    for k, line in enumerate(lines):
        if line.is_sum:
            start = k + 1
            continue
        printed = columns.get(id(line), {})
        if len(printed) < 2:
            continue
        since = lines[start:k]
        subtotals = [p for p in lines[:k] if p.is_sum] if start and start == k else []
        if any(_adds_to(parts, printed, columns) for parts in (since, lines[start - 1:k] if start else [], subtotals)
               if len(parts) >= 2):
            line.is_sum = True
            start = k + 1


def _adds_to(parts: list[BudgetLine], printed: dict[int, int | float], columns: dict[int, dict[int, int | float]]) -> bool:
    for col, value in printed.items():
        addends = [columns.get(id(p), {}).get(col) for p in parts]
        if any(a is None for a in addends) or not adds_up([a for a in addends if a is not None], value):
            return False
    return True


def check_sums(
    lines: list[BudgetLine], columns: dict[int, dict[int, int | float]], header: list[str], out: Builder
) -> None:
    """Compare every sum row with the rows since the previous sum, column by column; a
    mismatch (a sign error in the source, a missing row) is a warning, the printed value kept."""
    start = 0
    for k, line in enumerate(lines):
        if not line.is_sum:
            continue
        every = [p for p in lines[start:k] if not p.is_sum]
        parts = summed_rows(line.name, every, line.section)
        start = k + 1
        if len(parts) < len(every) and _adds_to(every, columns.get(id(line), {}), columns):
            parts = every  # ("Summa nämnder" adds the kommunstyrelse too: every row adds up)
        if len(parts) < 2:
            continue
        for col, printed in sorted(columns.get(id(line), {}).items()):
            addends = [columns[id(p)][col] for p in parts if col in columns.get(id(p), {})]
            if len(addends) < 2:
                continue
            total = sum(addends)
            if not adds_up(addends, printed):
                label = header[col] if col < len(header) else str(col)
                out.warn(
                    "sum_mismatch",
                    f"sum row {line.name!r}, column {label!r}: printed {_figure(printed)}, "
                    f"rows above add up to {_figure(total)} (difference {_figure(printed - total, sign=True)})",
                    line.provenance.page,
                )


def _figure(value: float, sign: bool = False) -> str:
    """A figure as a reader writes it: no exponent, no float noise ("-6443250", "+0.3")."""
    rounded = round(value, 6)
    text = str(int(rounded)) if rounded == int(rounded) else f"{rounded:f}".rstrip("0")
    return f"+{text}" if sign and rounded > 0 else text


def sum_sections(rows: Sequence[BudgetLine | Investment]) -> None:
    """The section of each sum row: that of the rows it sums (the rows since the previous sum,
    or, right after a sum, every row above: a sum of subtotals) where they share one; null
    where they span sections ("Summa nämnden" under "Kultur" and "Fritid")."""
    since: list[BudgetLine | Investment] = []
    every: list[BudgetLine | Investment] = []
    for row in rows:
        if not row.is_sum:
            since.append(row)
            every.append(row)
            continue
        sections = {r.section for r in since or every}
        row.section = sections.pop() if len(sections) == 1 else None
        since = []
