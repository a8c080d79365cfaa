"""holdout-generic17 (fixer g17c): an investment budget whose only unit statement is a reading
note on the page before its table ("Belopp i tusental kronor (tkr)."): the table takes the unit
the last line of prose before it states (:func:`planparse.layouts.captions.stated_before`)."""

from __future__ import annotations

from typing import Any

from planparse.layouts.captions import stated_unit
from planparse.model import AmountUnit
from tests.layouts.holdout import HoldoutSet

DOCS = HoldoutSet("holdout-generic17")
STAFFANSTORP = "budget/staffanstorp-ks-investeringsbudget-2027-2031"


def _amounts(doc: dict[str, Any]) -> list[tuple[str, list[tuple[Any, ...]]]]:
    return [(i["name"], [(a["year"], a["amount"], a["unit"], a["label"]) for a in i["amounts"]])
            for i in doc["investments"]]


def test_unit_stated_in_a_reading_note_before_the_table() -> None:
    doc, gold = DOCS.parsed(STAFFANSTORP), DOCS.gold(STAFFANSTORP)
    assert {a["unit"] for i in doc["investments"] for a in i["amounts"]} == {"tkr"}
    assert _amounts(doc) == _amounts(gold)


def test_unit_words_as_written() -> None:
    assert stated_unit("Belopp i tusental kronor (tkr). Inkomster står inom parentes.") is AmountUnit.tkr
    assert stated_unit("Beloppen anges i tusentals kronor") is AmountUnit.tkr
    assert stated_unit("Belopp i tusen kronor") is AmountUnit.tkr
    assert stated_unit("Tabellen redovisas i miljoner kronor.") is AmountUnit.mnkr
    assert stated_unit("Kommunen växer och belopp ökar.") is None


TAXA = "taxa/upplands-vasby-bmn-taxa-miljobalken-2027"


def test_a_taxas_fee_table_is_no_budget() -> None:
    """A taxa (its title names one) is a steering document: its fee table (Ärendetyp | Timmar |
    Avgift, kr) gives no budget lines, "delårsrapporten" in its prose does not make it a report,
    it has no year of its own, and "Antagen av kommunfullmäktige …" is its decision."""
    doc, gold = DOCS.parsed(TAXA), DOCS.gold(TAXA)
    assert doc["budget"] == gold["budget"] == []
    assert (doc["document_type"], doc["year"], doc["period"]) == ("other", None, None)
    assert doc["metadata"] == gold["metadata"]
    assert any(w["code"] == "table_skipped" for w in doc["warnings"])


VALLENTUNA = "verksamhetsplan/vallentuna-un-verksamhetsplan-2027"


def _levels(goals: list[dict[str, Any]]) -> list[tuple[str | None, str, list[tuple[str | None, str]]]]:
    return [(g["number"], g["level"], [(c["number"], c["level"]) for c in g["children"]]) for g in goals]


def test_topic_heading_over_goal_statements_is_their_area() -> None:
    """"2.1 Lärande och kunskapsresultat" (a topic, the plan's målområde) over "2.1.1 Fler elever
    ska nå …" (each a goal stated): goal_area over goals, not goal over sub_goals
    (:func:`planparse.layouts.goal_levels.settle_levels`)."""
    doc, gold = DOCS.parsed(VALLENTUNA), DOCS.gold(VALLENTUNA)
    assert _levels(doc["goals"]) == _levels(gold["goals"])
    assert {g["level"] for g in doc["goals"]} == {"goal_area"}
