"""Indicator tables under a table of goals, one per goal it lists, go to the goals in order
(Borås tekniska nämnden: "Nämndmål | Bedömning | Kommentar" lists two goals, then one
indicator table for each)."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic")
BORAS = "verksamhetsberattelse/boras-tn-verksamhetsberattelse-2025"


def _measures(doc: dict) -> list[tuple[str, list[str]]]:
    return [(g["title"], [i["name"] for i in g["indicators"]]) for g in all_goals(doc) if g["level"] == "goal"]


def test_indicator_tables_follow_the_goals_of_a_goal_table_in_order() -> None:
    got = _measures(DOCS.parsed(BORAS))
    assert got[:2] == [
        ("Gång- och cykeltrafiken ska öka", ["Antal cykelpassager vid fasta mätpunkter"]),
        ("Fler invånare ska uppleva att gatorna är trygga och väl upplysta",
         ["Andel invånare som är nöjda med gatubelysningen (%)"])]
    assert got == _measures(DOCS.gold(BORAS))
