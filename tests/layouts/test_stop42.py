"""Rules mended after the seventh families and twentieth generic sets: a column's lead-in set
out from its list, a minus sign before a budget bullet's amount, a scan's table rules read as
letters, shaded row bands found a little apart on a scan, and the prose under goal words
before a goal table's area heading. Each test fails without its rule."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals

FAMILIES2 = HoldoutSet("holdout-families2")
FAMILIES5 = HoldoutSet("holdout-families5")
GENERIC4 = HoldoutSet("holdout-generic4")
GENERIC20 = HoldoutSet("holdout-generic20")


def _titles(doc: dict[str, Any], level: str | None = None) -> list[str]:
    return [g["title"] for g in all_goals(doc) if level is None or g["level"] == level]


def test_a_columns_lead_in_set_out_from_its_list_is_read_with_its_column() -> None:
    """Söderköping: beside the vision (left column), "För att nå visionen är följande områden
    särskilt prioriterade under 2025:" starts the right column 16 pt left of its bulleted
    focus areas; read across the gutter it joined the vision's heading and the list was lost."""
    rel = "orebro_budget/soderkoping-plan-budget-2025"
    doc, gold = FAMILIES5.parsed(rel), FAMILIES5.gold(rel)
    assert _titles(doc, "focus_area") == _titles(gold, "focus_area")
    assert "Växande företag och fler arbetstillfällen" in _titles(doc, "focus_area")


def test_a_label_set_out_over_a_columns_list_is_no_lead_in() -> None:
    """Brittsbo: "Aktiviteter" set out 14 pt left of the activities beside the goals (a table
    without rules) ends in no colon: the page is read row by row as before, the activities
    stay the goal area's."""
    rel = "arbetsplan/ostersund-brittsbo-skola-arbetsplan-2025-2026"
    doc, gold = GENERIC4.parsed(rel), GENERIC4.gold(rel)

    def parents(d: dict[str, Any]) -> list[tuple[str, list[str]]]:
        return [(g["title"], [a["title"] for a in g["activities"]]) for g in all_goals(d)]

    assert parents(doc) == parents(gold)


def test_a_minus_sign_before_a_bullets_amount_makes_it_negative() -> None:
    """Söderköping: "Effektiviseringskrav inom administrationen −1,8 mnkr" (U+2212)."""
    rel = "orebro_budget/soderkoping-plan-budget-2025"
    lines = {b["name"]: [v["amount"] for v in b["values"]] for b in FAMILIES5.parsed(rel)["budget"]}
    assert lines["Effektiviseringskrav inom administrationen"] == [-1.8]
    assert {b["name"] for b in FAMILIES5.gold(rel)["budget"]} == set(lines)


def test_shaded_row_bands_a_few_points_apart_on_a_scan_are_one_table() -> None:
    """Arvidsjaur (scan, 170 dpi, skew): activity rows are light grey bands with each status in
    an unshaded box between them; the bands' ends are found up to 6 pt apart and the status
    box is taller than a band, so every activity after a table's first was lost."""
    rel = "ange_uppsikt/arvidsjaur-uppsiktsrapport-2026-scan"
    doc, gold = FAMILIES2.parsed(rel), FAMILIES2.gold(rel)

    def activities(d: dict[str, Any]) -> list[tuple[str, str | None]]:
        return [(a["title"], (a["status"] or {}).get("value")) for g in all_goals(d) for a in g["activities"]]

    assert activities(doc) == activities(gold)
    assert len(activities(doc)) == 7


def test_a_scans_rules_read_as_letters_or_dashes_are_no_text() -> None:
    """Borgholm (a book scan): the shaded header's rule read as "NE" and "EON" (boxes a point
    high), a row rule's piece as "—" beside "ska" and the column rule as a lone "I" of no width
    ended up in goal titles and values."""
    rel = "arsredovisning/borgholm-arsredovisning-2025-uppslag-scan"
    doc = GENERIC20.parsed(rel)
    goals = _titles(doc, "goal")
    assert "Fler bostäder ska byggas" in goals
    assert "Kommunens verksamheter ska minska sin klimatpåverkan" in goals
    assert not any(word in t.split() for t in goals for word in ("NE", "EON", "I", "—"))
    assessments = {(g["assessment"] or {}).get("value") for g in all_goals(doc) if g["level"] == "goal"}
    assert assessments == {"fulfilled", "partially_fulfilled", "not_fulfilled"}


def test_prose_under_goal_words_before_a_goal_tables_area_heading_is_no_goal() -> None:
    """Borgholm: "Kommunfullmäktiges mål", a paragraph ("Årsredovisning 2025 · Fastställd …
    Målen följs upp …"), then "Livskvalitet för alla åldrar" over a goal table: the paragraph
    introduced the tables, it is no goal area."""
    rel = "arsredovisning/borgholm-arsredovisning-2025-uppslag-scan"
    doc, gold = GENERIC20.parsed(rel), GENERIC20.gold(rel)
    assert _titles(doc, "goal_area") == _titles(gold, "goal_area")


def test_a_scans_header_labels_and_decimal_commas_are_read_as_printed() -> None:
    """Borgholm: the left page's header OCR'd "utfall 2025" and "Mål 2 025", and "11,2" read
    "11.2" in a column of decimal commas."""
    rel = "arsredovisning/borgholm-arsredovisning-2025-uppslag-scan"

    def values(d: dict[str, Any]) -> dict[str, list[tuple[str, int | None, str | None]]]:
        return {i["name"]: [(v["label"], v["year"], v["raw"]) for v in i["values"]]
                for g in all_goals(d) for i in g["indicators"]}

    doc, gold = values(GENERIC20.parsed(rel)), values(GENERIC20.gold(rel))
    name = "Antal deltagartillfällen per invånare 7–20 år"
    assert doc[name] == gold[name] == [("Utfall 2025", 2025, "11,2"), ("Mål 2025", 2025, "14,0")]


def test_three_levels_labelled_by_goal_words_are_area_goal_and_sub_goal() -> None:
    """Markaryd: "Kommunfullmäktiges mål: …" (15 pt) › "Nämndmål: …" (12.5 pt bold) ›
    "Verksamhetsmål: …" (10.5 pt bold), no numbers; nämndmål and verksamhetsmål both name goals,
    the smaller under the larger."""
    rel = "namndplan/markaryd-mbn-namndplan-2027"
    doc, gold = GENERIC20.parsed(rel), GENERIC20.gold(rel)

    def tree(d: dict[str, Any]) -> list[tuple[str, str, int]]:
        return [(g["level"], g["title"], len(g["children"])) for g in all_goals(d)]

    assert tree(doc) == tree(gold)
    assert {g["level"] for g in all_goals(doc)} == {"goal_area", "goal", "sub_goal"}
