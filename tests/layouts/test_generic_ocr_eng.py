"""The generic parser on OCR layers made with Tesseract's English model, real fixtures: a goal
whose heading wraps over a lone "i" keeps its goals and activities; a heading number whose dot
the OCR read as a figure ("271"), a title wrapped after "och" with a wide gap and an owner's
speck read as a stop; an OCR'd
indicator value the layer misread ("mi") read again, and a header label with a speck before it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import planparse
from tests.layouts.holdout import all_goals

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _parsed(rel: str) -> dict[str, Any]:
    return json.loads(planparse.parse(FIXTURES / rel).to_json())  # type: ignore[no-any-return]


def test_a_goal_heading_wrapped_over_a_lone_letter_keeps_its_goals() -> None:
    doc = _parsed("holdout-generic15/namndplan/gislaved-bun-namndplan-2027-ocr.pdf")
    top = doc["goals"][0]
    assert top["title"] == "Alla barn och unga ska lyckas i skolan"
    assert top["children"][0]["title"] == "Fler elever ska nå kunskapskraven i alla ämnen"
    # (the first activity's title OCR'd a tenth over the body's size and a little wider: a heading)
    assert [a["title"] for a in top["children"][0]["activities"]] == [
        "Läsfrämjande lyft i förskoleklass och lågstadiet", "Matematikcoacher på varje högstadieskola"]
    assert [g["title"] for g in doc["goals"]] == [
        "Alla barn och unga ska lyckas i skolan", "Kommunen ska vara en attraktiv arbetsgivare",
        "Hållbar utveckling för kommande generationer"]


def test_a_heading_number_with_its_dot_read_as_a_figure() -> None:
    doc = _parsed("holdout-generic4/namndplan/ocr-nynashamn-socialnamnden-namndplan-2026.pdf")
    found = {(g["number"], g["title"]) for g in all_goals(doc)}
    assert ("2.1", "Personer med beroendeproblematik ska få en sammanhållen vård- och stödkedja") in found
    owners = {a["title"]: a["owner"] for g in all_goals(doc) for a in g["activities"]}
    assert owners["Minska antalet externa placeringar genom utökad rekrytering av familjehem"] == \
        "Enhetschef familjehem"  # (the layer's speck read as a stop cut)


def test_a_misread_value_and_a_specked_header_label() -> None:
    doc = _parsed("holdout-generic14/delarsrapport/heby-sn-delarsrapport-augusti-2026-ocr.pdf")
    inds = {i["name"]: i for g in all_goals(doc) for i in g["indicators"]}
    values = inds["Antal olika personal per brukare och 14 dagar"]["values"]
    assert [(v["label"], v["raw"]) for v in values] == [
        ("Utfall 2025", "15"), ("Utfall aug 2026", "13"), ("Målvärde 2026", "11")]
    labels = [v["label"] for v in inds["Andel brukare med aktuell genomförandeplan, %"]["values"]]
    assert labels == ["Utfall 2025", "Utfall aug 2026", "Målvärde 2026"]
