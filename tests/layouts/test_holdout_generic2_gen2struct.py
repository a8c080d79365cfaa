"""The generic parser on the second blind hold-out set (fixtures/holdout-generic2/): the
document structure causes (gen2struct). Values are read off each document's gold; one general
cause each: a sammanträdesprotokoll is no plan, goal-table cells numbered "1.1 …", activity
tables naming their goal in a "Mål" column, "Aktiviteter – …" headings as list labels, headings
told only by size and weight nested over each other, a goal cell merged down over its
activities' rows, a summary table's group column and its goals printed again as chapters,
one-indicator tables named in the header's first cell, regions as the municipality."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals
from tests.layouts.holdout import goals as tree

DOCS = HoldoutSet("holdout-generic2")
parsed, gold = DOCS.parsed, DOCS.gold

HALMSTAD = "verksamhetsplan/halmstad-buf-verksamhetsplan-2026-t2"
VASTERBOTTEN = "arsredovisning/region-vasterbotten-arsredovisning-2025"
VAXJO = "namndplan/vaxjo-kfn-namndplan-2027"
UMEA = "verksamhetsplan/umea-aldrenamnden-verksamhetsplan-budget-2027"
OSTERSUND = "protokoll/ostersund-bun-protokoll-2026-09-17"


def activities(doc: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    """(goal title, activity title, owner) of every activity."""
    return [(g["title"], a["title"], a.get("owner")) for g in all_goals(doc) for a in g.get("activities", [])]


def indicators(doc: dict[str, Any]) -> list[tuple[str, str, list[tuple[Any, ...]]]]:
    """(goal title, indicator name, values as (label, group, value)) of every goal's indicator."""
    return [(g["title"], i["name"], [(v["label"], v.get("group"), v.get("value")) for v in i.get("values", [])])
            for g in all_goals(doc) for i in g.get("indicators", [])]


def test_protokoll_is_no_plan() -> None:
    # § paragraphs, a protokoll's letterhead and signature boxes: no goal tree, however its §§
    # summarise a delårsrapport or list a school's "Åtgärder"; its type is other, no period
    out, want = parsed(OSTERSUND), gold(OSTERSUND)
    assert out["goals"] == want["goals"] == []
    assert out["document_type"] == want["document_type"] == "other"
    assert out["period"] is want["period"] is None
    assert out["title"] == want["title"]
    assert "no_plan_content" in {w["code"] for w in out["warnings"]}


def test_goal_table_numbers_and_activity_goal_column() -> None:
    # "1.1 Alla elever …" in a Nämndmål cell: number and title; an activity table's "Mål" column
    # names the nämndmål each activity belongs to; "Aktiviteter – …" over it is no goal
    out, want = parsed(HALMSTAD), gold(HALMSTAD)
    assert tree(out) == tree(want)
    assert activities(out) == activities(want)


def test_styled_headings_nest_by_size() -> None:
    # no heading styles: 14 pt bold målområden over 12 pt bold nämndmål; the 12 pt subheadings
    # under "Nämndens ansvar" have no goal content and stay out
    out, want = parsed(VAXJO), gold(VAXJO)
    assert [(t, p) for _, t, p in tree(out)] == [(t, p) for _, t, p in tree(want)]
    assert [g["level"] for g in all_goals(out)] == [g["level"] for g in all_goals(want)]


def test_account_columns_make_a_budget_table() -> None:
    # "Verksamhet | Intäkter | Kostnader | Netto" (tkr in the caption above) is a budget table
    out, want = parsed(VAXJO), gold(VAXJO)
    assert [(b["name"], b["is_sum"]) for b in out["budget"]] == [(b["name"], b["is_sum"]) for b in want["budget"]]
    assert [[(v["label"], v["amount"], v["unit"]) for v in b["values"]] for b in out["budget"]] == \
        [[(v["label"], v["amount"], v["unit"]) for v in b["values"]] for b in want["budget"]]


def test_goal_cell_merged_down_is_one_goal() -> None:
    # a Nämndmål cell merged over three activity rows, its last word on the third row
    out, want = parsed(UMEA), gold(UMEA)
    assert tree(out) == tree(want)
    assert activities(out) == activities(want)
    assert out["document_type"] == want["document_type"]  # "Verksamhetsplan med budget"


def test_change_column_is_other() -> None:
    out, want = parsed(UMEA), gold(UMEA)
    got = [(v["label"], v["kind"], v["year"], v["amount"]) for b in out["budget"] for v in b["values"]]
    assert got == [(v["label"], v["kind"], v["year"], v["amount"]) for b in want["budget"] for v in b["values"]]
    assert ("Förändring", "other", None, 26600) in got


def test_summary_groups_and_chapters_are_one_tree() -> None:
    # "Perspektiv | Strategiskt mål | Bedömning": the perspektiv groups its goals; each goal's
    # chapter ("Strategiskt mål: …") is the same goal again, and its indicators are its own;
    # "Region Västerbotten" under the title is the region, no goal
    out, want = parsed(VASTERBOTTEN), gold(VASTERBOTTEN)
    assert tree(out) == tree(want)
    assert [g["level"] for g in all_goals(out)] == [g["level"] for g in all_goals(want)]
    assert out["municipality"] == want["municipality"] == {"name": "Region Västerbotten", "code": None}
    assert [(g["assessment"] or {}).get("raw") for g in all_goals(out)] == \
        [(g["assessment"] or {}).get("raw") for g in all_goals(want)]


def test_indicator_named_in_header_with_group_rows() -> None:
    # the indicator's name in the header's first cell, Kvinnor / Män / Totalt rows under it
    out, want = parsed(VASTERBOTTEN), gold(VASTERBOTTEN)
    assert indicators(out) == indicators(want)
    assert len(indicators(out)) == 5


def test_the_namnd_owns_its_forvaltnings_plan() -> None:
    # the förvaltning's letterhead over "… · Barn- och ungdomsnämnden": the nämnd is the organ,
    # the förvaltning the unit
    out, want = parsed(HALMSTAD), gold(HALMSTAD)
    assert (out["organ"], out["unit"]) == (want["organ"], want["unit"]) == (
        "Barn- och ungdomsnämnden", "Barn- och ungdomsförvaltningen")
