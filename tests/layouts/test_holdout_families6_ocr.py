"""The English-OCR'd robertsfors_vp copy of holdout-families6 (Herrljunga, Tesseract ``-l eng``
layer over 220 dpi page images), end to end: its contents page and a one-word list value under
a label. Expected values come from the document's gold (written from the builder's content
model), never from the parser's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import planparse
from planparse.model import PlanDocument
from planparse.reading import contents, read_pdf

HERRLJUNGA = (Path(__file__).resolve().parents[2] / "fixtures" / "holdout-families6" / "robertsfors_vp"
              / "herrljunga-verksamhetsplan-2027-ocr.pdf")


@pytest.fixture(scope="module")
def herrljunga() -> PlanDocument:
    return planparse.parse(HERRLJUNGA)


def test_goal_tree_equals_gold(herrljunga: PlanDocument) -> None:
    """Page 2's contents (leaders read as letters, "3,2 LIVSMILJÖ …" with its dot read as a
    comma, the page numbers "6" and "2/6" on lines of their own) add nothing to the tree, and
    "Årsredovisning", a follow-up list value OCR'd a tenth over the body's size, opens no goal."""
    gold = json.loads(HERRLJUNGA.with_suffix(".json").read_text(encoding="utf-8"))
    assert [(g.number, g.title) for g in herrljunga.goals] == [(g["number"], g["title"]) for g in gold["goals"]]
    assert [[a.number for a in g.activities] for g in herrljunga.goals] == [
        [a["number"] for a in g["activities"]] for g in gold["goals"]]
    assert all(not g.children for g in herrljunga.goals)
    first = herrljunga.goals[0].activities[0]
    assert first.follow_up == ["Delårsrapport", "Årsredovisning"]


def test_contents_page_entries_after_a_garbled_leader() -> None:
    page = read_pdf(HERRLJUNGA).pages[1]
    assert page.lines == [] or all(contents._PAGE_REF.match(ln.text.strip()) is None for ln in page.lines)
    assert not any(ln.text.startswith("Uppdrag 3.2.1") for ln in page.lines)


TORSAS = HERRLJUNGA.parents[1] / "orebro_budget" / "torsas-plan-budget-2025-ocr.pdf"


def test_focus_areas_and_their_activities_equal_gold() -> None:
    """Torsås (orebro_budget, English-OCR'd layer, 240 dpi): a Grunduppdrag sentence OCR'd a
    step over the body's size that wraps after "… i samverkan med" is no heading, and a bullet
    read as "‘*" is a bullet: each focus area keeps its title and its two activities."""
    doc = planparse.parse(TORSAS)
    gold = json.loads(TORSAS.with_suffix(".json").read_text(encoding="utf-8"))
    want = [(g["title"], [a["title"] for a in g["activities"]]) for g in gold["goals"] if g["level"] == "focus_area"]
    got = [(g.title, [a.title for a in g.activities]) for g in doc.goals if g.level.value == "focus_area"]
    assert got == want
