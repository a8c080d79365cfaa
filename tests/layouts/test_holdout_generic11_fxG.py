"""The parsers on holdout-generic11's Calc spreadsheet print, its Writer plan with a /Rotate 90
page and its kramfors-family plan from Chromium."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet

DOCS = HoldoutSet("holdout-generic11")
parsed, gold = DOCS.parsed, DOCS.gold

HARNOSAND = "verksamhetsplan/harnosand-ksf-verksamhetsplan-2027"


def test_a_units_row_naming_the_name_column_is_no_budget_line() -> None:
    """Detaljbudget's second header row "Verksamhet | tkr | tkr | tkr" sets the columns' unit
    and is no budget line, though its name cell is filled."""
    doc = parsed(HARNOSAND)
    assert [b["name"] for b in doc["budget"]] == [b["name"] for b in gold(HARNOSAND)["budget"]]
    assert {v["unit"] for b in doc["budget"] for v in b["values"]} == {"tkr"}
