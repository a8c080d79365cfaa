"""Documents of the second blind family hold-out (fixtures/holdout-families2/) of the
kramfors_vp, orebro_budget and robertsfors_vp families, rendered by Chromium and reportlab.
Each test names a structural rule the set showed missing and asserts values read off the gold
that its author wrote from the content model."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import planparse

HOLDOUT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-families2"


@cache
def parsed(family: str, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(gold, the parse as JSON) of hold-out document ``name``."""
    gold = json.loads((HOLDOUT / family / f"{name}.json").read_text(encoding="utf-8"))
    doc = json.loads(planparse.parse(HOLDOUT / family / f"{name}.pdf").to_json())
    return gold, doc


def _walk(goals: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for g in goals:
        yield g
        yield from _walk(g.get("children", []))


def _goals(doc: dict[str, Any]) -> list[tuple[str | None, str, str]]:
    return [(g["number"], g["level"], g["title"]) for g in _walk(doc["goals"])]


def test_contents_entries_with_page_numbers_apart_are_no_goals() -> None:
    """A contents page under "Innehållsförteckning" whose page numbers stand apart at the right
    margin (no dot leader): its "3.N Mål K – …" entries are no goals, only the chapter's."""
    for name in ("dorotea-verksamhetsplan-2025", "overkalix-verksamhetsplan-2026"):
        gold, doc = parsed("kramfors_vp", name)
        assert _goals(doc) == _goals(gold), name
        assert all(g["provenance"]["page"] > 2 for g in doc["goals"]), name


def test_browser_rows_set_apart_by_border_spacing_are_one_table() -> None:
    """Chromium's Detaljbudget and Investeringsbudget: cells filled row by row with a gap
    between the rows (border-spacing) and rounded header end cells form one table each."""
    gold, doc = parsed("kramfors_vp", "overkalix-verksamhetsplan-2026")
    assert [(b["name"], [v["amount"] for v in b["values"]]) for b in doc["budget"]] == [
        (b["name"], [v["amount"] for v in b["values"]]) for b in gold["budget"]
    ]
    assert [(i["name"], i["responsible"]) for i in doc["investments"]] == [
        (i["name"], i["responsible"]) for i in gold["investments"]
    ]


def test_browser_indicator_table_rows_apart_give_the_goals_indicators() -> None:
    """Karlskoga (Chromium): the Tot/K/M indicator table's rows set apart are its indicators."""
    gold, doc = parsed("orebro_budget", "karlskoga-plan-budget-2021")
    want = [(g["title"], [i["name"] for i in g["indicators"]]) for g in _walk(gold["goals"])]
    got = [(g["title"], [i["name"] for i in g["indicators"]]) for g in _walk(doc["goals"])]
    assert got == want
    assert any(names for _, names in want)


def test_card_framing_a_table_is_no_table() -> None:
    """Vännäs (Chromium): a goal area's card, a filled box with the uppdrag and their indicator
    tables set in from its sides, is no one-cell table: the uppdrag and indicators are read."""
    gold, doc = parsed("robertsfors_vp", "vannas-verksamhetsplan-2026")
    assert _goals(doc) == _goals(gold)

    def acts(d: dict[str, Any]) -> list[tuple[str, str, str | None, list[str]]]:
        return [
            (a["number"], a["title"], a["owner"], [i["name"] for i in a["indicators"]])
            for g in _walk(d["goals"]) for a in g["activities"]
        ]

    assert acts(doc) == acts(gold)
    values = [
        [v["raw"] for v in i["values"]]
        for g in _walk(doc["goals"]) for a in g["activities"] for i in a["indicators"]
    ]
    assert values == [
        [v["raw"] for v in i["values"]]
        for g in _walk(gold["goals"]) for a in g["activities"] for i in a["indicators"]
    ]


def test_contents_without_leaders_in_reportlab_robertsfors() -> None:
    """Bjurholm (reportlab, headings not bold): the contents entries, their page numbers set
    apart, are no goal areas or uppdrag; the chapter's are."""
    gold, doc = parsed("robertsfors_vp", "bjurholm-verksamhetsplan-2025")
    assert _goals(doc) == _goals(gold)
    assert [a["number"] for g in _walk(doc["goals"]) for a in g["activities"]] == [
        a["number"] for g in _walk(gold["goals"]) for a in g["activities"]
    ]
