"""The generic parser on the fifth blind hold-out set (fixtures/holdout-generic5/). Values read
off each document's gold; one general cause each (an internal-control follow-up is controls,
never goals; "KF-mål N" goal words under an unnumbered "Målområde: X" of larger type; goal
titles in body type that wrap; a caption's unit before its full stop; "Utgångsvärde" as a
baseline; a chapter's year-column statistics outside every goal)."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, goals

DOCS = HoldoutSet("holdout-generic5")
parsed, gold = DOCS.parsed, DOCS.gold

HUDIKSVALL = "internkontroll-uppfoljning/hudiksvall-tn-uppfoljning-internkontroll-2025"
LJUSDAL = "verksamhetsplan-budget/ljusdal-ks-verksamhetsplan-budget-2026"


def _controls(doc: dict[str, Any]) -> list[tuple[str, str | None, str | None, Any, Any]]:
    return [(c["process"], c["method"], c["responsible"], c["risk"], c["risk_value"]) for c in doc["controls"]]


def test_control_follow_up_gives_controls_and_no_goal_tree() -> None:
    """"Process | Kontrollmoment | Ansvarig | Resultat | Åtgärd | Status" with group rows
    merged over the width (Ekonomi, Personal): one control per row, the group rows none; the
    Åtgärd column makes no activities and the table no goal."""
    assert parsed(HUDIKSVALL)["goals"] == gold(HUDIKSVALL)["goals"] == []
    want = _controls(gold(HUDIKSVALL))
    assert len(want) == 8
    assert _controls(parsed(HUDIKSVALL)) == want
    codes = {w["code"] for w in parsed(HUDIKSVALL)["warnings"]}
    assert "no_goal_tree" in codes and "no_plan_content" not in codes  # its controls are plan content


def test_kf_goals_nest_under_their_malomrade_and_nämndmål_under_them() -> None:
    """"Målområde: X" (larger type) > "KF-mål 1<tab>Title" > "Nämndmål 1.1<tab>Title" over
    two lines in body type: three levels, numbers as printed, wrapped titles whole (a typed
    hyphen at the break joined: "kompetens-" / "försörjning")."""
    want = goals(gold(LJUSDAL))
    assert len(want) == 17
    assert goals(parsed(LJUSDAL)) == want
    levels = [(g["level"], [c["level"] for c in g["children"]]) for g in parsed(LJUSDAL)["goals"]]
    assert levels == [(g["level"], [c["level"] for c in g["children"]]) for g in gold(LJUSDAL)["goals"]]


def _indicators(doc: dict[str, Any]) -> list[tuple[str, list[tuple[Any, ...]]]]:
    out = []
    def visit(g: dict[str, Any]) -> None:
        for i in g.get("indicators", []):
            out.append((i["name"], [(v["label"], v["kind"], v["year"], v["value"]) for v in i["values"]]))
        for c in g.get("children", []):
            visit(c)
    for g in doc["goals"]:
        visit(g)
    return out


def test_utgangsvarde_is_a_baseline_and_the_personal_table_no_indicators() -> None:
    """"Utgångsvärde 2024" is the baseline the "Målvärde 2026" is set from; the chapter
    "Personal" after the budget (Avdelning | Årsarbetare dec 2024 | …) is no goal."""
    want = _indicators(gold(LJUSDAL))
    assert {v[1] for _, vals in want for v in vals} == {"baseline", "target"}
    assert _indicators(parsed(LJUSDAL)) == want


def test_caption_unit_before_a_full_stop() -> None:
    """"Nettokostnad per verksamhet, tkr." and "Investeringar per projekt, tkr. Beloppen …"
    give the tables' unit."""
    doc, ref = parsed(LJUSDAL), gold(LJUSDAL)
    units = {v["unit"] for b in doc["budget"] for v in b["values"]} | {a["unit"] for i in doc["investments"] for a in i["amounts"]}
    assert units == {"tkr"}
    assert [(b["name"], [(v["label"], v["amount"]) for v in b["values"]]) for b in doc["budget"]] == [
        (b["name"], [(v["label"], v["amount"]) for v in b["values"]]) for b in ref["budget"]]


GNOSJO = "verksamhetsplan/gnosjo-kfn-verksamhetsplan-2026"


def test_bracketed_owner_after_an_activity_title_is_its_owner() -> None:
    """"• Meröppet bibliotek i Hillerstorp (Ansvarig: Bibliotekschef)": title and owner."""
    def acts(doc: dict[str, Any]) -> list[tuple[str, str | None]]:
        return [(a["title"], a["owner"]) for g in doc["goals"] for c in g["children"] for a in c["activities"]]

    want = acts(gold(GNOSJO))
    assert len(want) == 6 and all(owner for _, owner in want)
    assert acts(parsed(GNOSJO)) == want
