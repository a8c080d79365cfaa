"""Indicator tables set on their side: the labels down the first column, the periods across.

    Indikator | Antal invånare 31 december
    År        | 2024  | 2025  | 2027
    Utfall    | 2 712 | 2 695 |
    Målvärde  |       |       | 2 720

Pandoc and hand-made Word cards print one indicator so. The first column names the parts: the
indicator label, a period row ("År", "Period") whose cells are years, then one row per kind of
value ("Utfall", "Målvärde"); each filled cell is a value labelled by its row and its column's
year ("Utfall 2024").
"""

from __future__ import annotations

from planparse import vocabulary
from planparse.layouts.base import YEAR, provenance
from planparse.layouts.indicators import value_kind
from planparse.layouts.roles import years_down
from planparse.model import Indicator, IndicatorValue, ValueKind
from planparse.reading.model import Table
from planparse.text.fold import fold
from planparse.text.numbers import parse_number

_PERIOD_WORDS = frozenset({"ar", "period", "artal", "tidpunkt"})


def _is_label(text: str, value: str) -> bool:
    m = vocabulary.match_label(text)
    return m is not None and m.value == value


def transposed_indicators(table: Table) -> list[Indicator]:
    """The one indicator of a table set on its side (see the module's doc), else none."""
    if years_down(table):
        return _columns_down(table)
    grid = table.grid()
    if len(grid) < 3 or table.n_cols < 3 or not _is_label(grid[0][0], "indicator"):
        return []
    years_row = next((k for k, r in enumerate(grid[1:3], 1) if fold(r[0]).strip().rstrip(":") in _PERIOD_WORDS), None)
    if years_row is None:
        return []
    years = {i: c.strip() for i, c in enumerate(grid[years_row]) if i and YEAR.fullmatch(c.strip())}
    if len(years) < 2 or any(grid[years_row][i].strip() for i in range(1, table.n_cols) if i not in years):
        return []
    value_rows = [k for k in range(1, len(grid)) if k != years_row]
    kinds = {k: value_kind(f"{grid[k][0].strip()} 2000")[0] for k in value_rows}
    if not value_rows or any(kinds[k] is ValueKind.other for k in value_rows):
        return []
    name = " ".join(c.strip() for c in grid[0][1:] if c.strip())
    if not name:
        return []
    ind = Indicator(uid="", name=name, provenance=provenance(table.rows[0]))
    for k in value_rows:
        for i, year in sorted(years.items()):
            raw = grid[k][i].strip()
            if not raw:
                continue
            label = f"{grid[k][0].strip()} {year}"
            kind, y = value_kind(label)
            ind.values.append(IndicatorValue(label=label, kind=kind, year=y, raw=raw, value=parse_number(raw)))
    return [ind]


def _columns_down(table: Table) -> list[Indicator]:
    """The indicators of a table set with its periods down the first column, one a column: a
    year's row its outcome ("2024 | 218,9"), a row naming a target its target ("Mål 2025 | 225,0")."""
    out: list[Indicator] = []
    for col in range(1, table.n_cols):
        name = table.header[col].strip()
        if not name:
            continue
        ind = Indicator(uid="", name=name, provenance=provenance(table.rows[0]))
        for row in table.body:
            period, raw = row.cell_text(0).strip(), row.cell_text(col).strip()
            if not raw:
                continue
            label = f"Utfall {period}" if YEAR.fullmatch(period) else period
            kind, year = value_kind(label)
            ind.values.append(IndicatorValue(label=label, kind=kind, year=year, raw=raw, value=parse_number(raw)))
        out.append(ind)
    return out
