"""Goal levels from label words and nesting (layouts/goal_levels.py), on small real hold-out
documents: a top-level group is a goal area whatever word labels it ("Fokusområde: …"); an item
labelled as kommunfullmäktige's goal ("Kommunfullmäktiges mål: …", "Strategiskt mål: …",
"Inriktningsmål 1: …") is a goal and its nämndmål / verksamhetsmål are sub-goals; a top-level
"Mål 1. …" holding no goals is a goal."""

from __future__ import annotations

from typing import Any

from planparse.layouts.goal_levels import kf_labelled
from tests.layouts.holdout import HoldoutSet

SET1, SET2, SET6, SET11, SET14 = (HoldoutSet(n) for n in ("holdout-generic", "holdout-generic2", "holdout-generic6",
                                                           "holdout-generic11", "holdout-generic14"))


def _levels(doc: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(g["level"], [c["level"] for c in g["children"]]) for g in doc["goals"]]


def test_a_fokusomrade_is_a_goal_area() -> None:
    """Gävle KFN (2 pages): "Fokusområde: Ett rikt kulturliv för alla" over its goals."""
    rel = "tertialrapport/gavle-kfn-tertialrapport-2-2025"
    got = _levels(SET1.parsed(rel))
    assert got == _levels(SET1.gold(rel))
    assert got and all(level == "goal_area" and kids and set(kids) == {"goal"} for level, kids in got)


def test_kommunfullmaktiges_mal_is_a_goal_and_its_namndmal_sub_goals() -> None:
    """Kristianstad TN (3 pages): "Kommunfullmäktiges mål: …" headings, "Nämndmål" under each."""
    rel = "budgetskrivelse/kristianstad-tn-budgetskrivelse-2027"
    got = _levels(SET2.parsed(rel))
    assert got == _levels(SET2.gold(rel))
    assert got and all(level == "goal" and kids and set(kids) == {"sub_goal"} for level, kids in got)


def test_inriktningsmal_with_its_number_is_a_goal_and_its_namndmal_sub_goals() -> None:
    """Västerås TN (4 pages): "Inriktningsmål 1: Ett hållbart Västerås", a Nämndmål table under it."""
    rel = "delarsrapport/vasteras-tn-delarsrapport-aug-2026"
    got = _levels(SET2.parsed(rel))  # (each nämndmål is printed twice: the table, then its heading)
    assert [lv for lv, _ in got] == [lv for lv, _ in _levels(SET2.gold(rel))] == ["goal", "goal"]
    assert all(set(kids) == {"sub_goal"} for _, kids in got)


def test_strategiskt_mal_is_a_goal_and_its_verksamhetsmal_sub_goals() -> None:
    rel = "arsbokslut/sundsvall-sn-arsbokslut-2025"
    got = _levels(SET1.parsed(rel))
    assert got == _levels(SET1.gold(rel))
    assert got and all(level == "goal" and set(kids) == {"sub_goal"} for level, kids in got)


def test_goals_of_no_group_stay_goals() -> None:
    """Växjö's "Mål 1. …" headings hold no goals: top-level goals, no goal areas."""
    for docs, rel in ((SET11, "verksamhetsplan/vaxjo-un-verksamhetsplan-2027"),):
        got = _levels(docs.parsed(rel))
        assert got and got == _levels(docs.gold(rel)) and all(lv == "goal" and not kids for lv, kids in got)


def test_the_kf_label_stands_in_the_goals_own_line() -> None:
    for text in ("Kommunfullmäktiges mål: Kristianstad är en attraktiv kommun", "Inriktningsmål (1): Trygghet",
                 "2.1 Inriktningsmål: Jönköping ska vara trygg", "Strategiskt mål: Fler i arbete",
                 "Kommunfullmäktiges inriktningsmål 2: Goda förutsättningar"):
        assert kf_labelled(text), text
    for text in ("KOMMUNFULLMÄKTIGES MÅL", "Kommunfullmäktiges mål och nämndens mål", "Mål 1: Trygghet",
                 "Nämndmål 1.1 Fler elever", "Målområde: Trygghet"):
        assert not kf_labelled(text), text


def test_numbered_chapter_over_a_goal_list_is_their_goal_area() -> None:
    """Eslöv's preschool plan: "2.1 Normer och värden" over the "Förskolan ska …" goals of the
    curriculum. A goal holds sub-goals, never goals: the chapter is the goals' area."""
    rel = "arbetsplan-forskola/eslov-angen-forskola-arbetsplan-2026-2027"
    got = _levels(SET2.parsed(rel))
    assert got == _levels(SET2.gold(rel))
    assert got and all(level == "goal_area" and set(kids) == {"goal"} for level, kids in got)


def test_goal_stated_beside_goals_with_activities_is_a_goal() -> None:
    """Trollhättan BUN's tertial report: three goals, each with its activities; the walk read
    the first as a goal and the other two as focus areas. Beside a goal, a top-level item that
    states a goal ("Barn och elever ska känna sig trygga …") and holds activities is one."""
    set9 = HoldoutSet("holdout-generic9")
    rel = "tertialrapport/trollhattan-bun-tertialrapport-1-2026"
    got = _levels(set9.parsed(rel))
    assert got == _levels(set9.gold(rel))
    assert got == [("goal", [])] * 3


def test_an_assessed_goal_stated_under_no_group_is_a_goal() -> None:
    """Lycksele KFN: four headings that state goals ("Fler barn och unga ska delta …"), each with
    "Bedömning: Delvis uppfyllt", and the activity table's group rows naming them: goals, not
    focus areas (an area is not assessed)."""
    rel = "verksamhetsberattelse/lycksele-kfn-verksamhetsberattelse-2025"
    got = _levels(SET14.parsed(rel))
    assert got == _levels(SET14.gold(rel)) == [("goal", [])] * 4


def test_a_stated_goal_over_namndmal_is_a_goal_and_they_its_sub_goals() -> None:
    """Linköping UN: "1. Linköping har en likvärdig utbildning …" (a kommunfullmäktige goal,
    stated, under "Kommunfullmäktiges mål och nämndens mål") over "Nämndmål 1.1 …": goal and
    sub_goals. Kungsbacka's topic "Livslångt lärande" over its nämndmål stays their area."""
    rel = "namndplan/linkoping-un-namndplan-2026"
    got = _levels(SET1.parsed(rel))
    assert got == _levels(SET1.gold(rel))
    assert got and all(level == "goal" and set(kids) == {"sub_goal"} for level, kids in got)
    rel = "namndplan/kungsbacka-fg-namndplan-2026"
    assert {level for level, _ in _levels(SET6.parsed(rel))} == {"goal_area"}

