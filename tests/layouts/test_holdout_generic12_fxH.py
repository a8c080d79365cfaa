"""The generic parser on holdout-generic12's WeasyPrint årsbokslut with matplotlib charts and
assessment pills, and its Writer delårsrapport rewritten by pdftocairo."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic12")
parsed, gold = DOCS.parsed, DOCS.gold

CHARTS = "arsbokslut/karlskrona-kfn-arsbokslut-2025"
VARBERG = "delarsrapport/varberg-sn-delarsrapport-augusti-2026"


def _tree(doc: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    return [(g["level"], g["title"], g["assessment"] and g["assessment"]["value"]) for g in all_goals(doc)]


def test_a_chart_between_the_area_heading_and_its_goals_keeps_the_tree() -> None:
    """The målområde heading over a bar chart heads the goals under the chart; each goal's
    coloured pill ("Uppfyllt", beside its title or under it) is its assessment."""
    assert _tree(parsed(CHARTS)) == _tree(gold(CHARTS))


def test_chart_words_and_the_assessment_column_give_no_values() -> None:
    """Indicators from the tables only, with their year and target values; the Bedömning
    column assesses the indicator and is no value of it."""
    def values(doc: dict[str, Any]) -> list[tuple[str, list[tuple[str, str]]]]:
        return [(i["name"], [(v["label"], v["raw"]) for v in i["values"]]) for g in all_goals(doc) for i in g["indicators"]]

    assert values(parsed(CHARTS)) == values(gold(CHARTS))


def test_an_assessment_over_a_page_break_is_the_goals_above() -> None:
    """"Bedömning: Uppfyllt" first on page 2, the goal's heading last on page 1: the goal's."""
    assert _tree(parsed(VARBERG)) == _tree(gold(VARBERG))
