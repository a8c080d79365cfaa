"""The English-OCR'd robertsfors_vp copy of holdout-families5 (Mönsterås, Tesseract ``-l eng``
layer over page images), end to end: its contents page, its indicator table and its titles.

Expected values come from the document's gold (written from the builder's content model) and
the page images, never from the parser's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import planparse
from planparse.model import PlanDocument
from planparse.reading import read_pdf

HOLDOUT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-families5" / "robertsfors_vp"
MONSTERAS = HOLDOUT / "monsteras-verksamhetsplan-2027-ocr.pdf"


@pytest.fixture(scope="module")
def monsteras() -> PlanDocument:
    return planparse.parse(MONSTERAS)


def test_contents_entries_with_page_numbers_on_lines_of_their_own_are_no_content(monsteras: PlanDocument) -> None:
    """Page 2 is a contents page whose leaders the OCR read as letters and whose last page
    number ("6") it set on a line of its own; the entries "Uppdrag 3.2.1" / "Uppdrag 3.2.2"
    under it are contents, not activities of a goal made from the cover's title."""
    assert [g.title for g in monsteras.goals] == ["UTBILDNING OCH KOMPETENS", "HÅLLBAR SAMHÄLLSBYGGNAD"]
    assert all(a.title for g in monsteras.iter_goals() for a in g.activities)


def test_indicator_table_whose_header_label_lost_a_speck_keeps_its_rows(monsteras: PlanDocument) -> None:
    """Page 4: the header's "Indikator" was OCR'd as "‘Indikator"; without the quote its box
    starts 4 pt right of the cells under it, which must not end the table at its first row."""
    gold = json.loads(MONSTERAS.with_suffix(".json").read_text(encoding="utf-8"))
    want = [i["name"] for i in gold["goals"][0]["activities"][0]["indicators"]]
    got = [i.name for i in monsteras.goals[0].activities[0].indicators]
    assert len(want) == 11
    assert len(got) == len(want)
    assert sum(a == b for a, b in zip(got, want, strict=True)) >= 10  # (one name keeps an OCR misread)
    first = monsteras.goals[0].activities[0].indicators[0]
    assert first.name == "Andel elever med hög frånvaro ska minska"
    assert [v.raw for v in first.values] == ["9"]


def test_a_rule_beside_a_title_is_not_read_as_i() -> None:
    """Page 4: a hair-wide "|" (a cell's edge) set apart after "… frånvaro." ends the OCR'd line;
    it is a rule, so the title does not end in " I"."""
    page = read_pdf(MONSTERAS).pages[3]
    line = next(ln for ln in page.lines if ln.text.startswith("Förvaltningen ska samordna"))
    assert not line.text.rstrip().endswith(" I")


def test_activity_title_from_the_ocr_layer(monsteras: PlanDocument) -> None:
    assert monsteras.goals[0].activities[0].title == "Förvaltningen ska samordna stödet till elever med hög frånvaro."
