"""The parsers on holdout-generic11's Calc spreadsheet print, its Writer plan with a /Rotate 90
page and its kramfors-family plan from Chromium."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic11")
parsed, gold = DOCS.parsed, DOCS.gold

HARNOSAND = "verksamhetsplan/harnosand-ksf-verksamhetsplan-2027"


def test_a_units_row_naming_the_name_column_is_no_budget_line() -> None:
    """Detaljbudget's second header row "Verksamhet | tkr | tkr | tkr" sets the columns' unit
    and is no budget line, though its name cell is filled."""
    doc = parsed(HARNOSAND)
    assert [b["name"] for b in doc["budget"]] == [b["name"] for b in gold(HARNOSAND)["budget"]]
    assert {v["unit"] for b in doc["budget"] for v in b["values"]} == {"tkr"}


VAXJO = "verksamhetsplan/vaxjo-un-verksamhetsplan-2027"


def _activity_goals(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return [(g["title"], a["title"]) for g in all_goals(doc) for a in g["activities"]]


def test_merged_rows_naming_goals_group_the_activity_rows_under_them() -> None:
    """On the /Rotate 90 page the merged rows "Mål 1. …" of the Aktivitet | Ansvar | Klart |
    Status table name the goals read on page 1: the rows under each are that goal's
    activities, and the heading over the table ("Bilaga: Aktivitetsplan 2027") is no goal."""
    doc = parsed(VAXJO)
    assert _activity_goals(doc) == _activity_goals(gold(VAXJO))
    assert [g["title"] for g in all_goals(doc)] == [g["title"] for g in all_goals(gold(VAXJO))]


VASTERAS = "budget/vasteras-tn-budget-2027-2029"


def test_a_calc_sheet_reads_its_budget_lines_and_investments() -> None:
    """The Calc print's title rows over the column labels, and cells run together across a
    gridline, give every budget line and investment with its figures by their column labels."""
    doc, want = parsed(VASTERAS), gold(VASTERAS)
    for key, amounts in (("budget", "values"), ("investments", "amounts")):
        got = [(b["name"], b["section"], b["is_sum"], [(v["label"], v["year"], v["amount"]) for v in b[amounts]])
               for b in doc[key]]
        assert got == [(b["name"], b["section"], b["is_sum"], [(v["label"], v["year"], v["amount"]) for v in b[amounts]])
                       for b in want[key]]
