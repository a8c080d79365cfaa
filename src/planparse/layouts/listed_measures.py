"""Indicator tables under a table of goals, one per goal it lists.

A report may list its goals in one table ("Nämndmål | Bedömning | Kommentar", a goal a row)
and then print an indicator table for each of them, in the same order, with no heading
between. The walk gives every such table to the goal in scope, the table's last; when as many
indicator tables follow as the goal table has goals, and only the last goal got any, the
tables go to the goals in order.
"""

from __future__ import annotations

from planparse.model import Goal, Indicator, Provenance

_ADJOINING = 2.0  # points: two rows of one table, the second starting where the first ends


def _one_table(goals: list[Goal]) -> bool:
    """Whether ``goals`` are consecutive rows of one table: on one page, each row starting where
    the one above ends."""
    rows = [g.provenance for g in goals]
    return all(p is not None and " | " in p.raw_text for p in rows) and all(
        a is not None and b is not None and a.page == b.page and abs(b.bbox[1] - a.bbox[3]) <= _ADJOINING
        for a, b in zip(rows, rows[1:], strict=False))


def _tables(indicators: list[Indicator]) -> list[list[Indicator]]:
    """``indicators`` parted by the table they were read from: a new table where a row does not
    follow the one above within its own height (a header row stands between two tables)."""
    out: list[list[Indicator]] = []
    last: Provenance | None = None
    for ind in indicators:
        p = ind.provenance
        if p is None:
            return []
        if last is None or p.page != last.page or p.bbox[1] - last.bbox[3] > last.bbox[3] - last.bbox[1]:
            out.append([])
        out[-1].append(ind)
        last = p
    return out


def _runs(goals: list[Goal]) -> list[list[Goal]]:
    """The longest runs of sibling goals that are rows of one table."""
    runs: list[list[Goal]] = []
    for g in goals:
        if runs and _one_table([runs[-1][-1], g]):
            runs[-1].append(g)
        else:
            runs.append([g])
    return runs


def measures_in_order(goals: list[Goal]) -> None:
    """Give the indicator tables under a goal table to its goals in order (see the module's
    docstring), through the whole tree, in place."""
    for run in _runs(goals):
        last = run[-1]
        if len(run) >= 2 and not any(g.indicators or g.children for g in run[:-1]):
            tables = _tables(last.indicators)
            if len(tables) == len(run):
                for goal, inds in zip(run, tables, strict=True):
                    goal.indicators = inds
    for g in goals:
        measures_in_order(g.children)
