"""holdout-generic13's Calc investment budget: a two-row header whose upper cells name the
year ("Budget 2027" over Utgift | Inkomst | Netto), thousands set with U+202F, U+2009 and
U+00A0, incomes with U+2212 or in parentheses, "årligen" under a year, group and Summa rows."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet

DOCS = HoldoutSet("holdout-generic13")
parsed, gold = DOCS.parsed, DOCS.gold

TRELLEBORG = "budget/trelleborg-tn-investeringsbudget-2027-2029"


def _investments(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(i["name"], i["section"], i["is_sum"], [(a["label"], a["year"], a["amount"], a["kind"], a["unit"])
                                                   for a in i["amounts"]]) for i in doc["investments"]]


def test_investments_under_a_two_row_header_equal_gold() -> None:
    """Each amount labelled "<upper> <lower>" ("Budget 2027 Inkomst", "Plan 2028 Netto") with
    the upper cell's year; "−3 000" and "(1 900)" negative; "årligen" no amount; sections from
    the group rows, the Summa rows sums."""
    assert _investments(parsed(TRELLEBORG)) == _investments(gold(TRELLEBORG))


def test_arligen_under_a_year_gives_no_amount() -> None:
    paving = next(i for i in parsed(TRELLEBORG)["investments"] if i["name"] == "Beläggningsprogram")
    assert [(a["label"], a["amount"]) for a in paving["amounts"]] == [("Budget 2027 Utgift", 7000), ("Budget 2027 Netto", 7000)]
