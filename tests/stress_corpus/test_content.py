"""Stress-corpus content modules: gold agrees with the blocks it was written with.

No rendering here: every gold title and name must be printed by the blocks (headings as
``blocks.heading_text`` prints them under every numbering style), statuses and assessments must
be printed as gold says (text, or an icon of the status's convention colour), gold must be a
valid contract document once the driver's fields are filled, and generation is deterministic.
"""

from __future__ import annotations

import copy
import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures" / "build"))

from stress.blocks import Heading, Icon, IconLine, Style, TableBlock  # noqa: E402
from stress.content import FAMILIES, ICON_INDEX, STATUS_ICON_INDEX, generate  # noqa: E402
from stress.content._common import (  # noqa: E402
    ASSESSMENT_ICONS,
    CONVENTION_ASSESSMENTS,
    CONVENTION_STATUSES,
    STATUS_ICONS,
    block_texts,
    gold_titles,
)

from planparse.model import PlanDocument  # noqa: E402

INDEXES = (0, 1, 2, ICON_INDEX, 7, 11)
CASES = [(f, i) for f in FAMILIES for i in INDEXES]


def _generate(family: str, index: int) -> tuple[Any, dict[str, Any]]:
    return generate(family, random.Random(f"test:{family}:{index}"), index)


def _walk(gold: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    goals: list[dict[str, Any]] = []
    acts: list[dict[str, Any]] = []

    def visit(g: dict[str, Any]) -> None:
        goals.append(g)
        acts.extend(g["activities"])
        for c in g["children"]:
            visit(c)

    for g in gold["goals"]:
        visit(g)
    return goals, acts


@pytest.mark.parametrize(("family", "index"), CASES)
def test_every_gold_title_is_printed(family: str, index: int) -> None:
    doc, gold = _generate(family, index)
    for numbering in ("plain", "dot", "mal"):
        printed = "\n".join(block_texts(doc.blocks, Style(numbering=numbering)))
        missing = [t for t in gold_titles(gold) if t not in printed]
        assert not missing, f"{family} {index} ({numbering}): not printed: {missing[:3]}"
    assert gold["goals"], f"{family} {index}: no goals"


@pytest.mark.parametrize(("family", "index"), CASES)
def test_goal_numbers_are_printed_with_their_headings(family: str, index: int) -> None:
    doc, gold = _generate(family, index)
    headings = [h for h in doc.blocks if isinstance(h, Heading)]
    goals, _ = _walk(gold)
    for g in goals:
        if g["number"] is None or family == "kramfors_vp":  # kramfors: "Mål K" is in the text
            continue
        assert any(h.number == g["number"] and h.text == g["title"] for h in headings), g["title"]
    if family == "kramfors_vp":
        for g in goals:
            assert any(f"Mål {g['number']}" in h.text and h.text.endswith(g["title"]) for h in headings)


def _printed_cells(doc: Any) -> list[Any]:
    cells: list[Any] = []
    for b in doc.blocks:
        if isinstance(b, TableBlock):
            cells += [c for row in b.rows for c in row]
        elif isinstance(b, IconLine):
            cells.append((b.icon, b.text))
    return cells


@pytest.mark.parametrize("family", ["ange_tertial", "ange_uppsikt"])
@pytest.mark.parametrize("index", INDEXES)
def test_statuses_are_printed_as_gold_says(family: str, index: int) -> None:
    doc, gold = _generate(family, index)
    goals, acts = _walk(gold)
    statuses = [a["status"] for a in acts]
    assert statuses and all(statuses)
    cells = _printed_cells(doc)
    icon_only = [c for c in cells if isinstance(c, Icon)]
    if index % 4 == ICON_INDEX:
        # Icons alone: convention values only, one icon per status, and a legend.
        assert all(s["value"] in CONVENTION_STATUSES for s in statuses)
        assert [STATUS_ICONS[s["value"]].color for s in statuses] == [i.color for i in icon_only]
        assert any(getattr(b, "text", "").startswith("Teckenförklaring") for b in doc.blocks)
        assessments = [g["assessment"] for g in goals if g["assessment"]]
        assert all(a["value"] in CONVENTION_ASSESSMENTS for a in assessments)
        lines = [b for b in doc.blocks if isinstance(b, IconLine) and not b.text]
        assert [ASSESSMENT_ICONS[a["value"]].color for a in assessments] == [b.icon.color for b in lines]
    else:
        assert not icon_only
        texts = [c[1] if isinstance(c, tuple) else c for c in cells]
        for s in statuses:
            assert s["raw"] in texts
        if index % 4 == 1:
            assert any(isinstance(c, tuple) for c in cells)


def test_statuses_cover_every_value() -> None:
    seen: set[str] = set()
    for family in ("ange_tertial", "ange_uppsikt"):
        for index in range(8):
            _, gold = _generate(family, index)
            seen |= {a["status"]["value"] for a in _walk(gold)[1]}
    assert seen == set(STATUS_ICONS)


@pytest.mark.parametrize(("family", "index"), CASES)
def test_gold_is_a_contract_document(family: str, index: int) -> None:
    _, gold = _generate(family, index)
    assert '"page"' not in json.dumps(gold), "gold carries no page numbers (renderers paginate)"
    doc = copy.deepcopy(gold)
    doc["uid"] = ""
    doc["source"].update(file=f"{family}.pdf", page_count=1, sha256="", parser_version="", layout_confidence=1.0)

    def fill(node: Any) -> None:
        if isinstance(node, dict):
            if "provenance" in node:
                node["uid"] = ""
                node["provenance"].update(page=1, bbox=(0, 0, 0, 0), raw_text="")
            for key in ("status", "assessment"):
                if node.get(key):
                    node[key]["confidence"] = 1.0  # gold leaves confidence out
            for v in node.values():
                fill(v)
        elif isinstance(node, list):
            for v in node:
                fill(v)

    fill(doc)
    PlanDocument.model_validate(doc)
    assert gold["source"]["parser"] == family


@pytest.mark.parametrize("family", ["orebro_budget", "kramfors_vp"])
def test_budget_families_carry_amounts(family: str) -> None:
    _, gold = _generate(family, 0)
    assert gold["budget"] and all(v["amount"] is not None for b in gold["budget"] for v in b["values"])
    if family == "kramfors_vp":
        assert gold["investments"] and all(i["amounts"] for i in gold["investments"])


@pytest.mark.parametrize("family", FAMILIES)
def test_generation_is_deterministic_and_varies(family: str) -> None:
    a, b = _generate(family, 0), _generate(family, 0)
    assert a[1] == b[1] and a[0].blocks == b[0].blocks
    titles = {tuple(gold_titles(_generate(family, i)[1])) for i in range(4)}
    assert len(titles) == 4


ICONS_ONLY = ("kramfors_vp", "orebro_budget", "robertsfors_vp")  # no text statuses otherwise


@pytest.mark.parametrize("family", ICONS_ONLY)
def test_status_icon_variant_prints_gold_as_icons(family: str) -> None:
    """The icon-status variant: each activity's status is an icon of its convention colour
    (in a table cell or before its title), each goal assessment an icon alone on its line, in
    gold's order; the other contents carry neither."""
    doc, gold = _generate(family, STATUS_ICON_INDEX)
    goals, acts = _walk(gold)
    statuses = [a["status"] for a in acts if a["status"]]
    assert statuses and all(s["value"] in CONVENTION_STATUSES for s in statuses)
    assert any(getattr(b, "text", "").startswith("Teckenförklaring") for b in doc.blocks)
    titles = {a["title"] for a in acts}
    printed: list[Icon] = []  # table cells and icons before a title (legend lines name a value)
    alone: list[Icon] = []
    for b in doc.blocks:
        if isinstance(b, TableBlock):
            printed += [c for row in b.rows for c in row if isinstance(c, Icon)]
        elif isinstance(b, IconLine) and not b.text:
            alone.append(b.icon)
        elif isinstance(b, IconLine) and b.text in titles:
            printed.append(b.icon)
    assert [STATUS_ICONS[s["value"]].color for s in statuses] == [i.color for i in printed]
    assessments = [g["assessment"] for g in goals if g["assessment"]]
    assert [ASSESSMENT_ICONS[a["value"]].color for a in assessments] == [i.color for i in alone]
    for index in (0, 1, 2, ICON_INDEX):
        _, other = _generate(family, index)
        goals, acts = _walk(other)
        assert not any(a["status"] for a in acts) and not any(g["assessment"] for g in goals)
