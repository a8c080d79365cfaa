"""The generic parser on holdout-generic12's groff tbl investment budget (ps2pdf) and its A5
work plan printed two pages to an A4 landscape sheet."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, activities, all_goals, goals

DOCS = HoldoutSet("holdout-generic12")
parsed, gold = DOCS.parsed, DOCS.gold

UDDEVALLA = "budget/uddevalla-sbn-investeringsbudget-2027-2029"
ALINGSAS = "arbetsplan/alingsas-forskolan-blaklockan-arbetsplan-2026-2027"


def _investments(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(i["name"], i["section"], i["is_sum"], [(a["label"], a["year"], a["amount"]) for a in i["amounts"]])
            for i in doc["investments"]]


def test_investments_of_a_tbl_table_with_labels_left_and_figures_right() -> None:
    """Each project's figures under their year, "årligen" no amount, "(4 500)" an income, the
    bold group rows the sections and the Summa rows sums."""
    assert _investments(parsed(UDDEVALLA)) == _investments(gold(UDDEVALLA))


def test_two_up_work_plan_areas_with_a_lead_in_paragraph() -> None:
    """Read page by page, each bold body-type area heading over one lead-in paragraph and a
    bare "Mål" is a goal area, its "Mål" bullets goals and its "Så här gör vi" / "Aktiviteter"
    bullets its activities, across the sheet's two pages and on to the next sheet."""
    doc, want = parsed(ALINGSAS), gold(ALINGSAS)
    assert [(g["level"], g["title"], g["provenance"]["page"]) for g in all_goals(doc)] == \
        [(g["level"], g["title"], g["provenance"]["page"]) for g in all_goals(want)]
    assert goals(doc) == goals(want)
    assert activities(doc) == activities(want)
