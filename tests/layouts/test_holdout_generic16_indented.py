"""holdout-generic16, Göteborg: one måluppföljning table per målområde, each goal row bold
with its assessment pill beside and its activities indented under it, the second table broken
onto the next page without its header (:mod:`planparse.layouts.indented_rows`); indicator
tables; superscript footnote markers after names."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic16")
GOTEBORG = "delarsrapport/goteborg-ifn-delarsrapport-augusti-2026"


def _tree(doc: dict[str, Any]) -> list[tuple[str, str, str | None, list[tuple[str, str | None, str | None]]]]:
    return [(g["level"], g["title"], (g["assessment"] or {}).get("value"),
             [(a["title"], a["owner"], (a["status"] or {}).get("value")) for a in g["activities"]])
            for g in all_goals(doc)]


def test_indented_activities_under_goal_rows() -> None:
    doc = DOCS.parsed(GOTEBORG)
    assert _tree(doc) == _tree(DOCS.gold(GOTEBORG))
    assert [len(g["children"]) for g in doc["goals"]] == [2, 2]


def test_indicators_belong_to_the_area_without_footnote_marks() -> None:
    doc = DOCS.parsed(GOTEBORG)
    got = [(i["name"], [v["raw"] for v in i["values"]]) for g in doc["goals"] for i in g["indicators"]]
    want = [i["name"] for g in DOCS.gold(GOTEBORG)["goals"] for i in g["indicators"]]
    assert [n for n, _ in got] == want
    assert got[0][1][:4] == ["38", "39", "41", "45"]
    assert [b["name"] for b in doc["budget"]] == [b["name"] for b in DOCS.gold(GOTEBORG)["budget"]]
