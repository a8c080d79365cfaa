"""Third hold-out set (fixtures/holdout-generic3/): a flat ODT delårsrapport with "Nämndsmål:"
headings, a python-docx delårsrapport whose budget has merged group rows, and an image-only
annual report (skewed scan) with one-row indicator tables and a resultaträkning with a sum row."""

from __future__ import annotations

from typing import Any

import pytest

from planparse.layouts.headings import goal_word
from planparse.model import GoalLevel
from planparse.reading.ocr import choose_language, tesseract_info
from tests.layouts.holdout import HoldoutSet

DOCS = HoldoutSet("holdout-generic3")
parsed, gold = DOCS.parsed, DOCS.gold

# The scan is read by Tesseract (Swedish), its figures and units read again with the English model.
needs_ocr = pytest.mark.skipif(
    choose_language() != "swe" or "eng" not in tesseract_info()[2],
    reason="Tesseract with its Swedish and English models is not installed",
)


def tree(doc: dict[str, Any]) -> list[tuple[str, str | None, str]]:
    """(title, parent title, level) of every goal, depth first."""
    out: list[tuple[str, str | None, str]] = []

    def visit(g: dict[str, Any], parent: str | None) -> None:
        out.append((g["title"], parent, g["level"]))
        for c in g.get("children", []):
            visit(c, g["title"])

    for g in doc["goals"]:
        visit(g, None)
    return out


def indicators(doc: dict[str, Any]) -> dict[str, list[tuple[str, list[tuple[Any, ...]]]]]:
    """Each goal's indicators: name and values (label, kind, year, raw, value)."""
    out: dict[str, list[tuple[str, list[tuple[Any, ...]]]]] = {}

    def visit(g: dict[str, Any]) -> None:
        out[g["title"]] = [
            (i["name"], [(v["label"], v["kind"], v.get("year"), v["raw"], v["value"]) for v in i["values"]])
            for i in g.get("indicators", [])
        ]
        for c in g.get("children", []):
            visit(c)

    for g in doc["goals"]:
        visit(g)
    return out


def test_goal_word_with_the_genitive_s() -> None:
    assert goal_word("Nämndsmål: Fler barn och unga ska vara fysiskt aktiva") == (
        GoalLevel.goal, "Fler barn och unga ska vara fysiskt aktiva")
    assert goal_word("Nämndmål: Trygghet") == (GoalLevel.goal, "Trygghet")


MALMO = "delarsrapport/malmo_fritidsnamnden_delar2_2025"


def test_namndsmal_headings_are_goals_without_their_prefix() -> None:
    out = parsed(MALMO)
    assert tree(out) == tree(gold(MALMO))
    assert not [t for t, _, _ in tree(out) if t.lower().startswith("nämndsmål")]


def test_indicator_tables_with_a_wrapped_header_and_a_row_over_the_page_break() -> None:
    out, want = parsed(MALMO), gold(MALMO)
    assert indicators(out) == indicators(want)
    assessed = {g["title"]: (g.get("assessment") or {}).get("value") for g in want["goals"][0]["children"]}
    got = {g["title"]: (g.get("assessment") or {}).get("value") for g in out["goals"][0]["children"]}
    assert got == assessed


JONKOPING = "delarsrapport/jonkoping_socialnamnden_delar2_2025"


def test_budget_group_rows_merged_across_the_row_are_no_lines() -> None:
    out, want = parsed(JONKOPING), gold(JONKOPING)
    names = [b["name"] for b in out["budget"]]
    assert names == [b["name"] for b in want["budget"]]
    assert "Individ- och familjeomsorg" not in names and "Funktionsstöd" not in names
    assert all(v["amount"] is not None for b in out["budget"] for v in b["values"])


MOLNDAL = "arsredovisning/molndal_arsredovisning_2024_scan"


@needs_ocr
def test_scan_sum_row_over_a_skewed_bottom_rule_is_read() -> None:
    out = parsed(MOLNDAL)
    lines = {b["name"]: b for b in out["budget"]}
    net = lines["Verksamhetens nettokostnad"]
    assert net["is_sum"]
    assert [(v["label"], v["amount"], v["unit"]) for v in net["values"]] == [
        ("Utfall 2023", -3900.4, "mnkr"), ("Budget 2024", -4053.5, "mnkr"), ("Utfall 2024", -4051.4, "mnkr")]
    assert [b["name"] for b in out["budget"]] == [b["name"] for b in gold(MOLNDAL)["budget"]]


@needs_ocr
def test_scan_indicator_names_keep_their_per_cent_unit() -> None:
    out, want = parsed(MOLNDAL), gold(MOLNDAL)
    got = {t: [n for n, _ in inds] for t, inds in indicators(out).items()}
    assert got == {t: [n for n, _ in inds] for t, inds in indicators(want).items()}
    labels = {n: [v[0] for v in vals] for inds in indicators(out).values() for n, vals in inds}
    assert labels["Andel elever i åk 9 behöriga till yrkesprogram, %"] == ["Utfall 2022", "Utfall 2023", "Utfall 2024"]
