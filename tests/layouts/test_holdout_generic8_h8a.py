"""holdout-generic8's verksamhetsberättelse in two CSS columns (WeasyPrint) and its English-OCR'd
copy: goals under their areas, each assessed by a sentence of its own after its analysis
("Målet bedöms som delvis uppfyllt."), the analysis the goal's comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.api import parse
from planparse.layouts.typography import Typography
from planparse.reading import read_pdf

SET = Path(__file__).parents[2] / "fixtures/holdout-generic8/verksamhetsberattelse"
NATIVE = SET / "sala-tn-verksamhetsberattelse-2025.pdf"
OCR = SET / "vanersborg-tn-verksamhetsberattelse-2025-ocr.pdf"


@pytest.mark.parametrize("pdf", [NATIVE, OCR])
def test_goals_assessed_by_sentences(pdf: Path) -> None:
    doc = parse(pdf)
    assert [a.title for a in doc.goals] == [
        "En hållbar och klimatsmart kommun", "Trygga och tillgängliga miljöer", "Effektiv och nära service"]
    assert [len(a.children) for a in doc.goals] == [3, 2, 2]
    assert all(a.assessment is None for a in doc.goals)
    goals = [g for a in doc.goals for g in a.children]
    assert goals[0].title == "Energianvändningen i kommunens fastigheter ska minska"
    assert goals[4].title == "Kommunens lekplatser ska vara tillgängliga för barn med funktionsnedsättning"
    assert [g.assessment.value.value if g.assessment else None for g in goals] == [
        "partially_fulfilled", "fulfilled", "not_fulfilled", "partially_fulfilled", "fulfilled", "fulfilled",
        "partially_fulfilled"]
    assert goals[0].assessment is not None and goals[0].assessment.raw == "Målet bedöms som delvis uppfyllt"
    assert goals[0].comment is not None and goals[0].comment.startswith("Energianvändningen minskade med fyra procent")
    assert goals[0].comment.endswith("sköts upp till 2026.")
    assert goals[0].description is None


def test_ocr_titles_in_body_size_told_by_their_leading() -> None:
    """Without bold, the goal titles (wrapped tighter than the text) rank as headings, the
    line under each as text; a paragraph's first line read large ("Nämndens mål utgår från",
    its sentence ending on the next line before another starts) is text too."""
    doc = read_pdf(OCR)
    typo = Typography(doc)
    by_text = {ln.text: ln for ln in doc.pages[0].lines}
    for title in ("Energianvändningen i kommunens", "Andelen fossilfria fordon i kommunens", "Kommunens lekplatser ska vara"):
        assert typo.rank(by_text[title]) == 1
    assert typo.rank(by_text["Energianvändningen minskade med fyra"]) == 0  # its letters came out wide
    assert typo.prose(by_text["Nämndens mål utgår från"])
    assert typo.size(by_text["Andelen fossilfria fordon i kommunens"]) == typo.size(by_text["Kommunens lekplatser ska vara"])


def test_legend_statements_beside_prose_assess_nothing() -> None:
    """A legend ("Så läser du rapporten": "Målet bedöms uppfyllas" … beside the prose, each by
    its traffic light) states no goal's assessment: its sentences do not start at the text's margin."""
    doc = parse(Path(__file__).parents[2] / "fixtures/holdout-generic5/delarsrapport-bilder/kiruna-von-delarsrapport-2-2026-bilder.pdf")
    assert "Så läser du rapporten" not in [g.title for g in doc.goals]
    assert all(g.assessment is None for g in doc.goals)
