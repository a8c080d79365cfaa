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


def test_a_traffic_light_standing_upright_beside_a_goal_heading_gives_its_lit_lamps_colour() -> None:
    """Orust: each nämndmål heading followed on its line by a small PNG traffic light (6 × 15
    pt, a dark housing, the lit lamp green, yellow or red), explained by a Teckenförklaring of
    the same pictures; its dominant colour is the housing's."""
    rel = "arsbokslut/orust-kfn-arsbokslut-2025"
    doc, gold = DOCS.parsed(rel), DOCS.gold(rel)

    def assessed(d: dict[str, Any]) -> list[tuple[str, str | None]]:
        return [(g["title"], (g["assessment"] or {}).get("value")) for g in all_goals(d) if g["level"] == "goal"]

    assert assessed(doc) == assessed(gold)
    assert {a for _, a in assessed(doc)} == {"fulfilled", "partially_fulfilled", "not_fulfilled"}
