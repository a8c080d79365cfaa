"""Upside-down scanned sheets (:mod:`planparse.reading.orientation`): holdout-generic14's Orsa
verksamhetsplan is a two-sheet scan whose second sheet was fed upside down (its image turned
180°, the page itself not rotated). Expected titles are read off the page images and the
document's gold JSON."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pymupdf
import pytest

import planparse
from planparse.model import PlanDocument
from planparse.reading import ocr, orientation

SETS = Path(__file__).resolve().parents[2] / "fixtures"
ORSA = SETS / "holdout-generic14" / "verksamhetsplan" / "orsa-bmn-verksamhetsplan-2027-scan.pdf"
HANINGE = SETS / "holdout-generic18" / "arsredovisning" / "haninge-arsredovisning-2025-utdrag-scan.pdf"
UPRIGHT_SCAN = SETS / "holdout-generic13" / "arsredovisning" / "vimmerby-ks-arsredovisning-2025-scan.pdf"


@pytest.fixture(scope="module")
def orsa() -> PlanDocument:
    return planparse.parse(ORSA)


def _titles(goals: list, kind: str) -> list[str]:
    out: list[str] = []
    for g in goals:
        items = g["activities"] if kind == "activities" else [g]
        out += [x["title"] for x in items]
        out += _titles(g.get("children", []), kind)
    return out


def test_the_upside_down_sheet_is_turned_and_read(orsa: PlanDocument) -> None:
    """Sheet 2 holds goal area "Hållbar miljö" and its goals; read upside down it came out as
    "ZAe zepIis £z0Z UejdsjaywesHaA" and no goals."""
    data = json.loads(orsa.to_json())
    gold = json.loads(ORSA.with_suffix(".json").read_text(encoding="utf-8"))
    assert _titles(data["goals"], "goals") == _titles(gold["goals"], "goals")
    assert [w["page"] for w in data["warnings"] if w["code"] == "page_turned"] == [2]
    assert "Inventering av avlopp runt Skattungen" in _titles(data["goals"], "activities")


def test_upright_scans_are_not_turned() -> None:
    path, _, langs = ocr.tesseract_info()
    assert path is not None and "osd" in langs
    with pymupdf.open(UPRIGHT_SCAN) as pdf, pymupdf.open(ORSA) as orsa_pdf:
        assert orientation.turned_pages(pdf, [1], path, True) == {}
        assert orientation.turned_pages(orsa_pdf, [1, 2], path, True) == {2: 180}
        assert orsa_pdf[1].rotation == 180


def test_ink_above_below_tells_a_line_from_its_turned_copy() -> None:
    """A drawn line of text: ascenders above a dense x-height band, a shorter descender tail."""
    line = np.full((30, 200), 255, dtype=np.uint8)
    line[5:12, 10:190:6] = 0  # ascenders: sparse strokes above the band
    line[12:22, 10:190] = 0  # the x-height band
    line[22:25, 10:190:30] = 0  # a few descenders
    assert orientation.ink_above_below(line) > 1.0
    assert orientation.ink_above_below(line[::-1, ::-1]) < 1.0


def test_a_sheet_fed_sideways_is_turned_a_quarter_and_read() -> None:
    """holdout-generic18's Haninge scan: sheet 2 is a landscape page whose 1-bit image holds the
    portrait page turned a quarter; unturned it gave no goal and no indicator."""
    path, _, langs = ocr.tesseract_info()
    assert path is not None and "osd" in langs
    with pymupdf.open(HANINGE) as pdf:
        assert orientation.turned_pages(pdf, [1, 2], path, True) == {2: 90}
        assert pdf[1].rect.width < pdf[1].rect.height  # read as the upright, portrait page
    data = json.loads(planparse.parse(HANINGE).to_json())
    assert [w["page"] for w in data["warnings"] if w["code"] == "page_turned"] == [2]
    goals = [g for area in data["goals"] for g in area["children"]]
    turned = [g for g in goals if g["provenance"]["page"] == 2]
    assert [g["title"] for g in turned] == ["Invånarna ska känna sig trygga i sitt bostadsområde"]
    assert turned[0]["assessment"]["value"] == "partially_fulfilled"
    assert [i["name"] for i in turned[0]["indicators"]] == [
        "Andel invånare som känner sig trygga utomhus på kvällen, %"]


def test_tile_votes_tell_lines_across_from_lines_down() -> None:
    """Lines of text drawn as bands with word gaps: across when upright, down when turned."""
    page = np.full((192, 192), 255, dtype=np.uint8)
    for y in range(8, 184, 16):
        for x in range(4, 188, 30):
            page[y:y + 8, x:x + 26] = 0  # a word of a line: 8 px high, 4 px gap to the next
    assert orientation.tile_votes(page) == (4, 0)
    assert orientation.tile_votes(page.T) == (0, 4)
