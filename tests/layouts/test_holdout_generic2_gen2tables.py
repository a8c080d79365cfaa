"""The generic parser on the second blind hold-out set (fixtures/holdout-generic2/): tables and
run-in goals. Values read off each document's gold; one general cause each (run-in "Mål N"
goals, a Kontrollmoment column, curriculum goal tables with Symbol-font bullets, "Mått:" lists,
a table caption's unit and year, the analysis under an assessment line)."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals
from tests.real_scoring import dirty_strings

DOCS = HoldoutSet("holdout-generic2")
parsed, gold = DOCS.parsed, DOCS.gold

MOTALA = "internkontrollplan/motala-sn-internkontrollplan-2027"
ESLOV = "arbetsplan-forskola/eslov-angen-forskola-arbetsplan-2026-2027"
KRISTIANSTAD = "budgetskrivelse/kristianstad-tn-budgetskrivelse-2027"
FALUN = "verksamhetsberattelse/falun-omsorgsnamnden-verksamhetsberattelse-2025-ocr"


def goal_tree(doc: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(title, parent title) of every goal, depth first."""
    out: list[tuple[str, str | None]] = []

    def visit(g: dict[str, Any], parent: str | None) -> None:
        out.append((g["title"], parent))
        for c in g.get("children", []):
            visit(c, g["title"])

    for g in doc.get("goals", []):
        visit(g, None)
    return out


def test_runin_goal_lines_are_goals_under_no_invented_group() -> None:
    """"Mål 1 Ekonomi i balans. Nämndens verksamhet …": goal 1, its title up to the first full
    stop and the sentence after it its description; the heading "Nämndens mål som den interna
    kontrollen stödjer" only says goals follow."""
    want = [(g["number"], g["title"], g["description"]) for g in all_goals(gold(MOTALA))]
    got = [(g["number"], g["title"], g["description"]) for g in all_goals(parsed(MOTALA))]
    assert got == want
    assert len(want) == 3


def test_kontrollmoment_beside_a_process_column_is_the_controls_method() -> None:
    want = [(c["process"], c["method"], c["responsible"]) for c in gold(MOTALA)["controls"]]
    got = [(c["process"], c["method"], c["responsible"]) for c in parsed(MOTALA)["controls"]]
    assert got == want
    assert all(m for _, m, _ in want)


def test_curriculum_goal_table_rows_are_goals_with_their_bulleted_activities() -> None:
    """"Mål ur läroplanen | Så här gör vi | Så följer vi upp": the first cell's goal, each Word
    bullet (the Symbol font's private-use glyph, also alone on its line) an activity, the
    follow-up cell's bullets the follow-up of each."""
    def acts(doc: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
        return [(g["title"], a["title"], a["follow_up"]) for g in all_goals(doc) for a in g.get("activities", [])]

    want = acts(gold(ESLOV))
    assert len(want) == 11
    assert acts(parsed(ESLOV)) == want
    gold_goals = [t for t, _ in goal_tree(gold(ESLOV))]
    assert [t for t, _ in goal_tree(parsed(ESLOV))] == gold_goals
    assert dirty_strings(parsed(ESLOV)) == []


def test_private_use_characters_are_dirty() -> None:
    assert dirty_strings({"title": "\uf0b7 Vi använder materialet"}) != []
    assert dirty_strings({"title": "Vi använder materialet"}) == []


def test_matt_bullets_under_a_numbered_goal_are_its_indicators() -> None:
    """Numbered nämndmål with "Mått:" set in under each: the bullets are the goal's indicators,
    the next number the next goal; the prose under "Nämndens mål" before the
    "Kommunfullmäktiges mål: …" headings is their intro, no goal."""
    def inds(doc: dict[str, Any]) -> list[tuple[str, str]]:
        return [(g["title"], i["name"]) for g in all_goals(doc) for i in g.get("indicators", [])]

    assert inds(parsed(KRISTIANSTAD)) == inds(gold(KRISTIANSTAD))
    assert len(inds(gold(KRISTIANSTAD))) == 6
    assert goal_tree(parsed(KRISTIANSTAD)) == goal_tree(gold(KRISTIANSTAD))


def amounts(doc: dict[str, Any]) -> list[tuple[str, Any, Any, Any, Any]]:
    out = [(b["name"], v["kind"], v["year"], v["amount"], v["unit"]) for b in doc["budget"] for v in b["values"]]
    out += [(i["name"], "investment", a["year"], a["amount"], a["unit"]) for i in doc["investments"] for a in i["amounts"]]
    return out


def test_table_caption_gives_unit_and_year() -> None:
    """"Tabell 1. Driftbudget 2027 per verksamhet, mnkr" over Intäkter | Kostnader |
    Nettokostnad: mnkr, and 2027 for the account columns; "Tabell 3. Investeringar, mnkr" over
    the investments: mnkr."""
    got = amounts(parsed(KRISTIANSTAD))
    want = amounts(gold(KRISTIANSTAD))
    assert got == want
    assert ("Summa", "budget", 2027, -357.2, "mnkr") in want


def test_caption_at_the_foot_of_the_page_before_gives_the_unit() -> None:
    """An OCR'd layer: "Driftredovisning per verksamhet, tkr" at the foot of page 1, its table
    on page 2."""
    got = amounts(parsed(FALUN))
    want = amounts(gold(FALUN))
    assert got == want
    assert {u for *_, u in want} == {"tkr"}


def test_paragraph_under_an_assessment_line_is_the_goals_comment() -> None:
    """"Måluppfyllelse: (icon) Delvis uppfyllt" and then the analysis: the goal's comment."""
    want = [(g["title"], g["comment"]) for g in all_goals(gold(FALUN))]
    got = [(g["title"], g["comment"]) for g in all_goals(parsed(FALUN))]
    assert got == want
    assert all(c for _, c in want)
