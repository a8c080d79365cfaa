"""holdout-families3: "Samlad bedömning" is the assessment's label; on an English-OCR'd layer a
chapter title's wrapped line is part of the chapter heading, a heading number read without its
dots ("322") gets them back, and a note under an indicator table is no indicator."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-families3")


def test_samlad_bedomning_labels_the_assessment() -> None:
    doc = DOCS.parsed("ange_tertial/nordanstig-malavstamning-2024-t2")
    got = {g["number"]: g["assessment"]["value"] if g["assessment"] else None for g in all_goals(doc)}
    assert got["3.1.1"] == "fulfilled"
    assert got["3.2.1"] == "barely_fulfilled"
    assert got["3.2.2"] == "not_assessed"
    assert got["4.1"] == "fulfilled"


def test_ocrd_chapter_wrap_dotless_number_and_table_note() -> None:
    doc = DOCS.parsed("ange_tertial/sandviken-malavstamning-2026-t2-ocr")
    gold = DOCS.gold("ange_tertial/sandviken-malavstamning-2026-t2-ocr")
    assert [(g["number"], g["level"]) for g in all_goals(doc)] == [(g["number"], g["level"]) for g in all_goals(gold)]
    top = doc["goals"][-1]
    assert (top["number"], top["level"]) == ("4.1", "goal")  # no goal area made of the chapter's second line
    assert [i["name"] for i in top["indicators"]] == ["Resultat i procent av skatter och bidrag", "Budgetavvikelse, mnkr"]
