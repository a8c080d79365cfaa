"""Rules mended at stop 59, each on the blind hold-out document that showed it. Each test fails
without its rule: the expected values are the documents' hand-written gold."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, activities, all_goals, goals, indicators, tree

GENERIC74 = HoldoutSet("holdout-generic74")
GENERIC75 = HoldoutSet("holdout-generic75")
GENERIC76 = HoldoutSet("holdout-generic76")


def statuses(doc: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(title, status value) of every activity, depth first."""
    return [(a["title"], (a["status"] or {}).get("value")) for g in all_goals(doc) for a in g["activities"]]


def indicator_names(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """(goal title, indicator name) of every goal's indicator."""
    return [(g["title"], i["name"]) for g in all_goals(doc) for i in g["indicators"]]


def test_an_indicator_table_drawn_under_an_activity_table_in_one_grid() -> None:
    """Ludvika's follow-up: "Indikator | Utfall 2025 | Utfall 2026 | Mål 2026" ruled on under
    "Åtgärd | Ansvar | Tidplan | Status", bold like its header: its columns are named by a label
    and years, and the indicators were read as activities. (Each delmål also carries global-goal
    tiles, "7" over "HÅLLBAR ENERGI FÖR ALLA" in white on the goal's colour: no goals, and the
    "7" on the heading's baseline no part of its title.)"""
    GENERIC74.same("verksamhetsberattelse/ludvika-uppfoljning-hallbarhetsprogram-2026", goals, statuses, indicators)


def test_a_goal_matrix_groups_its_goals_by_the_numbered_kf_goal_column() -> None:
    """Eksjö's målmatris: "1. Barn och unga ska …" in the "Strategiskt mål (KF)" column over its
    nämndmål rows: the area kept its number in its title."""
    GENERIC75.same("namndplan/eksjo-namndplan-2026", tree, goals, activities)


def test_a_key_to_the_statuses_in_words_is_no_activity_table() -> None:
    """Västerås' delårsrapport: "Så här läser du rapporten" with "Status | Innebörd" (Klar, Pågår,
    Försenad, …) and "Bedömning | Innebörd" tables: each status read as an activity, the page's
    heading as a goal. Norberg's guide to the follow-up model (a negative) likewise."""
    GENERIC76.same("delarsrapport/vasteras-delarsrapport-aug-2026", tree, statuses)
    assert not any(a for g in all_goals(GENERIC76.parsed("other/norberg-sa-har-foljer-vi-upp")) for a in g["activities"])


def test_a_scanned_header_row_with_specks_starts_a_table_of_its_own() -> None:
    """Kungsör's scanned verksamhetsberättelse: "Aktivitet | Status TT" (a speck read after the
    label) ruled on under the indicator table: its activities were read as indicators."""
    GENERIC76.same("verksamhetsberattelse/kungsor-sn-verksamhetsberattelse-2025-skannad", statuses, indicator_names)


GENERIC77 = HoldoutSet("holdout-generic77")
GENERIC78 = HoldoutSet("holdout-generic78")


def budget_lines(doc: dict[str, Any]) -> list[tuple[str, bool, list[tuple[str, int | None, str, Any]]]]:
    """(name, is_sum, values as (label, year, kind, amount)) of every budget line."""
    return [(b["name"], b["is_sum"], [(v["label"], v["year"], v["kind"], v["amount"]) for v in b["values"]])
            for b in doc["budget"]]


def test_goals_listed_with_drawn_bullets_after_goal_words() -> None:
    """Örebro's Mål och budget: "Kommunfullmäktiges mål", a lead-in sentence, then four goals
    whose bullets Chromium drew as circles: the lead-in and the four run together were two goals.
    Its balansbudget ("Balansräkning | Bokslut | Budget | Budget | Plan | Plan") was skipped as
    an årsredovisning's statement: with budget years it is a budget."""
    GENERIC78.same("mal-och-budget/orebro-mal-och-budget-2027", goals, budget_lines)


def test_a_control_plan_led_by_a_number_column() -> None:
    """Håbo's internkontrollplan: "Nr | Process/rutin | Risk | Kontrollmoment | …": the number
    column first hid the plan's labels, and its eight controls were skipped. (A process broken
    mid-word in its narrow cell, "Handläggning" / "stider", is still read as two words.)"""
    doc = GENERIC77.parsed("internkontrollplan/habo-tn-internkontrollplan-2027")
    gold = GENERIC77.gold("internkontrollplan/habo-tn-internkontrollplan-2027")
    assert len(doc["controls"]) == len(gold["controls"]) == 10
    assert [c["process"] for c in doc["controls"]][:5] == [c["process"] for c in gold["controls"]][:5]


def test_a_control_plan_written_as_records() -> None:
    """Tierp's internkontrollplan: no table, each control a numbered heading over "Risk: …",
    "Kontrollmoment: …", "Metod: …", "Ansvarig: …", "Riskvärde: 12 (sannolikhet 4 × konsekvens 3)":
    no control was read."""
    doc = GENERIC77.parsed("internkontrollplan/tierp-bun-internkontrollplan-2027")
    gold = GENERIC77.gold("internkontrollplan/tierp-bun-internkontrollplan-2027")
    fields = ("process", "risk", "risk_value", "responsible")
    assert [[c[f] for f in fields] for c in doc["controls"]] == [[c[f] for f in fields] for c in gold["controls"]]
