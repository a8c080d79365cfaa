"""holdout-generic20 (blind, real-document kinds): what its blind score showed and this stop
mended. Each test fails without its rule."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic20")


def _amounts(doc: dict[str, Any]) -> list[tuple[str, list[tuple[str, str, int | None, float]]]]:
    return [(b["name"], [(v["label"], v["kind"], v["year"], v["amount"]) for v in b["values"]]) for b in doc["budget"]]


def test_account_columns_of_a_later_year_than_the_budget_column_are_that_years_budget() -> None:
    """Skara's driftbudget 2027: "Budget 2026 | Intäkter 2027 | Kostnader 2027 | Nettokostnad
    2027" in mnkr; the accounts of the plan's year are its budget, not an outcome."""
    rel = "budget/skara-von-driftbudget-2027"
    assert _amounts(DOCS.parsed(rel)) == _amounts(DOCS.gold(rel))


def test_laroplanens_mal_labels_the_goal_list_of_a_preschool_plan() -> None:
    """Götene: "Läroplanens mål" over bullets (U+F0B7) is the goal list of each area, "Så här
    gör vi" its activities."""
    rel = "arbetsplan/gotene-forskolan-larkan-arbetsplan-2026-2027"
    doc, gold = DOCS.parsed(rel), DOCS.gold(rel)
    assert [(g["level"], g["title"]) for g in all_goals(doc)] == [(g["level"], g["title"]) for g in all_goals(gold)]
