"""The generic parser on the third blind hold-out set (fixtures/holdout-generic3/): a browser's
activity and budget tables, a legend telling a green disc from one with a check mark, and a
school plan's "Mål | Aktiviteter | Ansvarig" table; values read off each document's gold. One
general cause each: a CSS progress bar's rects are no table rules; a table whose rules run
between its rows has no rule under its last row; the line between a heading's rule and a
shaded header is no row; legend entries are told apart by colour and check mark; a raster bar
is measured inside its frame; an activity cell listing bullets holds one activity a bullet,
each with the row's owner."""

from __future__ import annotations

from typing import Any

from planparse.reading import read_pdf
from tests.layouts.holdout import HoldoutSet
from tests.layouts.holdout import all_goals as goals

DOCS = HoldoutSet("holdout-generic3")
HOLDOUT = DOCS.root
parsed, gold = DOCS.parsed, DOCS.gold
HUDIKSVALL = "arsbokslut/hudiksvall_kfn_verksamhetsberattelse_2025"
TRELLEBORG = "arsbokslut/trelleborg_mbn_arsbokslut_2025"
ESKILSTUNA = "arbetsplan/eskilstuna_skogsangsskolan_arbetsplan_2025"


def activities_by_goal(doc: dict[str, Any], *fields: str) -> dict[str, list[tuple[Any, ...]]]:
    """Each goal's activities (title and ``fields``; a status by its value), by the goal's title."""

    def value(act: dict[str, Any], f: str) -> Any:
        v = act.get(f)
        return v["value"] if isinstance(v, dict) else v

    return {g["title"]: [(a["title"], *(value(a, f) for f in fields)) for a in g["activities"]]
            for g in goals(doc) if g["activities"]}  # fmt: skip


def test_browser_activity_tables_keep_every_row() -> None:
    """Hudiksvall (headless Chromium): the progress bars' rects cut the rows' rules apart and
    the last row has no rule under it, so each "Aktivitet | Status | Färdiggrad" table was its
    header row alone and no activity was read."""
    doc = read_pdf(HOLDOUT / f"{HUDIKSVALL}.pdf")
    tables = [t for p in doc.pages for t in p.tables if t.header[:1] == ["Aktivitet"]]
    want = [len(g["activities"]) for g in goals(gold(HUDIKSVALL)) if g["activities"]]
    assert [len(t.body) for t in tables] == want
    assert all(t.n_cols == 3 for t in tables)


def test_browser_activities_with_status_and_progress() -> None:
    """Hudiksvall: every goal's activities with their status (vector squares, no legend) and
    the per cent printed beside each bar."""
    assert activities_by_goal(parsed(HUDIKSVALL), "status", "progress") == \
        activities_by_goal(gold(HUDIKSVALL), "status", "progress")


def test_budget_table_broken_over_a_page_with_its_sum_row() -> None:
    """Hudiksvall: "Belopp i mnkr." between the heading's rule and the shaded header was read as
    the table's first row (its columns then taken from that line), and the sum row on the next
    page, under a heavier rule and with none below it, was lost."""
    def lines(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [(b["name"], b["is_sum"], [(v["kind"], v["year"], v["amount"], v["unit"]) for v in b["values"]])
                for b in doc["budget"]]

    assert lines(parsed(HUDIKSVALL)) == lines(gold(HUDIKSVALL))


def test_legend_tells_green_from_green_with_a_check_mark() -> None:
    """Trelleborg: the legend names a green disc with a check mark "Klar" and a plain green disc
    "Pågår enligt plan"; both were mapped to the first entry of their colour (completed)."""
    got, want = activities_by_goal(parsed(TRELLEBORG), "status"), activities_by_goal(gold(TRELLEBORG), "status")
    assert got == want
    assert {s for acts in want.values() for _, s in acts} >= {"completed", "in_progress"}


def test_raster_progress_bar_measured_inside_its_frame() -> None:
    """Trelleborg: each PNG progress bar has a one-pixel grey frame; a full bar read 99 %."""
    got, want = activities_by_goal(parsed(TRELLEBORG), "progress"), activities_by_goal(gold(TRELLEBORG), "progress")
    assert got == want
    assert 100 in {p for acts in want.values() for _, p in acts}


def test_bulleted_activity_cell_beside_an_owner_column() -> None:
    """Eskilstuna: a "Mål | Aktiviteter | Ansvarig" row lists its activities as bullets in one
    cell; the first bullet was read as one activity and the others as its description."""
    got, want = activities_by_goal(parsed(ESKILSTUNA), "owner"), activities_by_goal(gold(ESKILSTUNA), "owner")
    assert got == want
    assert any(len(acts) > 1 for acts in want.values())
