"""Detection: every fixture goes to its own family, and to no other; a PDF of an unknown
layout goes to the generic parser with a warning."""

from __future__ import annotations

import pymupdf
import pytest

import planparse
from planparse.layouts import GENERIC, THRESHOLD, registry
from tests.layouts.common import NAMES, family_of, parsed, read

FAMILIES = sorted(name for name in registry() if name != GENERIC)


def test_every_family_has_fixtures() -> None:
    assert sorted({family_of(n) for n in NAMES}) == FAMILIES
    for family in FAMILIES:
        assert sum(family_of(n) == family for n in NAMES) >= 2, f"{family}: a seed and a variant"


@pytest.mark.parametrize("name", NAMES)
def test_fixture_scores_high_for_its_family_only(name: str) -> None:
    doc = read(name)
    own = family_of(name)
    for family in FAMILIES:
        score = registry()[family]().detect(doc).score
        if family == own:
            assert score >= 0.8, f"{name}: {family} scores only {score}"
        else:
            assert score < THRESHOLD, f"{name}: {family} scores {score}, over the threshold"


@pytest.mark.parametrize("name", NAMES)
def test_fixture_is_parsed_by_its_family_without_warnings(name: str) -> None:
    """No warning but for tables of no role (staff counts, meeting dates), each named by its header."""
    doc = parsed(name)
    assert doc.source.parser == family_of(name)
    assert doc.source.layout_confidence >= 0.8
    assert [w for w in doc.warnings if w.code != "table_skipped"] == []
    for w in doc.warnings:
        assert "no header" not in w.message, w.message  # a data table has a header to name


def _letter() -> bytes:
    """A one-page Swedish letter: a real PDF, but no planning layout."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    text = (
        "Ånge kommun\n2025-03-12\n\nKallelse till sammanträde\n\n"
        "Kommunstyrelsens arbetsutskott kallas till sammanträde i Ånge kommunhus, "
        "sammanträdesrummet Ljungan, tisdagen den 18 mars 2025 klockan 09.00.\n\n"
        "Ärenden enligt bifogad föredragningslista.\n\nMed vänlig hälsning\nKommunsekreteraren"
    )
    page.insert_textbox(pymupdf.Rect(72, 72, 523, 770), text, fontsize=11, fontname="helv")
    return pdf.tobytes()


def test_unrelated_pdf_gets_generic_parser_and_warning() -> None:
    ranked = planparse.detect(_letter(), filename="kallelse.pdf")
    assert all(d.score < THRESHOLD for d in ranked)
    doc = planparse.parse(_letter(), filename="kallelse.pdf")
    assert doc.source.parser == GENERIC
    # No plan content is said, never left to an empty result alone (issue 11).
    assert [w.code for w in doc.warnings] == ["layout_unknown", "no_plan_content"]
    assert doc.municipality.code == "2260"
    assert doc.goals == []
