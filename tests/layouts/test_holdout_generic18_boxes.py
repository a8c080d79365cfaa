"""holdout-generic18 (fixer boxes18): arbetsplaner of the set.

Håbo, two text boxes side by side: each box's goal has a "Så här gör vi" list, and two of
them stand level. One label twice on a row ("Så här gör vi | Så här gör vi") heads two lists
side by side, no table: the goals' wrapped titles and their bullets stay theirs."""

from __future__ import annotations

from planparse.layouts.table_headers import is_table_header
from tests.layouts.holdout import HoldoutSet, all_goals, goals

DOCS = HoldoutSet("holdout-generic18")
HABO = "arbetsplan/habo-forskolan-skogsbrynet-arbetsplan-2026-2027"


def _activities(doc: dict) -> list[tuple[str, list[str]]]:
    return [(g["title"], [a["title"] for a in g["activities"]]) for g in all_goals(doc)]


def test_one_label_twice_is_no_table_header() -> None:
    assert not is_table_header(["Så här gör vi", "Så här gör vi"])
    assert is_table_header(["Aktivitet", "Ansvarig", "Status"])


def test_text_boxes_side_by_side_keep_their_goals_and_lists() -> None:
    doc, gold = DOCS.parsed(HABO), DOCS.gold(HABO)
    titles = [t for _, t, _ in goals(doc)]
    assert [t for _, t, _ in goals(gold)] == [t for t in titles if t in {t for _, t, _ in goals(gold)}]
    assert [a for a in _activities(doc) if a[1]] == _activities(gold)


OSTERAKER = "arbetsplan/osteraker-sjohagens-skola-arbetsplan-2026-2027"


def test_uppfoljning_column_is_each_rows_follow_up() -> None:
    """Österåker: "Mål | Aktivitet | Ansvarig | Uppföljning", the Mål cell spanning its
    activity rows: each row's Uppföljning cell is its activity's follow-up (one string)."""
    doc, gold = DOCS.parsed(OSTERAKER), DOCS.gold(OSTERAKER)
    got = [(a["title"], a["owner"], a["follow_up"]) for g in all_goals(doc) for a in g["activities"]]
    assert got == [(a["title"], a["owner"], a["follow_up"]) for g in all_goals(gold) for a in g["activities"]]
    assert ("Rastvärdar i gula västar på alla raster", "Biträdande rektor", ["Trygghetsenkät i november"]) in got


def test_a_title_block_naming_the_school_and_municipality_is_no_goal_area() -> None:
    """Håbo: "Förskolan Skogsbrynet, Håbo kommun" under the title names whose plan it is (the
    organ and the municipality): the goals stand at the top of the tree, as in gold."""
    doc, gold = DOCS.parsed(HABO), DOCS.gold(HABO)
    assert [g["title"] for g in doc["goals"]] == [g["title"] for g in gold["goals"]]
