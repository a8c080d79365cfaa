"""holdout-generic16: a verksamhetsplan whose unnumbered headings are told by size and weight
together (målområde 16 pt bold → nämndmål 12.5 pt regular → aktivitet 9.5 pt bold over 9.5 pt
body), an "Ansvarig: …" line under each activity, and its English-OCR'd copy (no weight, sizes
within their noise): the line straight over the owner line is an activity of the nämndmål in
scope, with that owner (:mod:`planparse.layouts.owned_titles`)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.layouts.holdout import HoldoutSet, all_goals, goals

DOCS = HoldoutSet("holdout-generic16")
HUDDINGE = "verksamhetsplan/huddinge-kfn-verksamhetsplan-2027"
BOTKYRKA = "verksamhetsplan/botkyrka-kfn-verksamhetsplan-2027-ocr"


def _activities(doc: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    return [(g["title"], a["title"], a["owner"]) for g in all_goals(doc) for a in g["activities"]]


@pytest.mark.parametrize("name", [HUDDINGE, BOTKYRKA])
def test_line_over_an_owner_line_is_an_activity(name: str) -> None:
    doc, gold = DOCS.parsed(name), DOCS.gold(name)
    assert len(_activities(gold)) == 11
    assert _activities(doc) == _activities(gold)
    # no activity is read as a goal: the tree keeps its three areas and five nämndmål
    assert [(t, p) for _, t, p in goals(doc)] == [(t, p) for _, t, p in goals(gold)]
    assert [g["level"] for g in all_goals(doc)] == [g["level"] for g in all_goals(gold)]
