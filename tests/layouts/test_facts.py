"""Document period from the title words (issue 11, "Document metadata")."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.layouts.facts import period_of
from planparse.text.fold import fold


@pytest.mark.parametrize(("text", "kind", "number"), [
    ("Delårsrapport augusti 2025", "delar", 2),
    ("Delårsrapport per mars 2024", "delar", 1),
    ("Delårsrapport januari–augusti 2025", "delar", 2),
    ("Delårsrapport 1 2025", "delar", 1),
    ("Delårsbokslut 2025", "delar", None),
    ("Tertialrapport 2 2025", "tertial", 2),
    ("Målavstämning, tertial 1 2026", "tertial", 1),
    ("Uppföljning T2 2025", "tertial", 2),
    ("Månadsrapport oktober 2025", "month", 10),
    ("Arbetsplan ht 2019", "term", 2),
])
def test_period_of(text: str, kind: str, number: int | None) -> None:
    period = period_of(fold(text), text)
    assert period is not None and (period.kind.value, period.number) == (kind, number)


def test_no_period_words() -> None:
    assert period_of(fold("Verksamhetsplan 2026"), "Verksamhetsplan 2026") is None


def test_ocr_title_by_its_line_size() -> None:
    """An OCR'd title's words each get a size estimate of their own ("2026/2027" read largest):
    the title is the largest line, all of it."""
    pdf = Path(__file__).resolve().parents[2] / "fixtures/holdout-generic10/arbetsplan/kalmar-bjorkskolan-arbetsplan-2026-2027-ocr.pdf"
    assert planparse.parse(pdf).title == "Arbetsplan läsåret 2026/2027"


def test_decomposed_swedish_reads_as_composed() -> None:
    """Umeå's arbetsplan (LuaLaTeX) writes "å" as "a" and a combining ring: read composed, its
    letterhead "Umeå kommun · Förskoleförvaltningen" names the municipality."""
    from planparse.reading import read_pdf
    from tests.gold import FIXTURES

    pdf = FIXTURES / "holdout-generic11/arbetsplan/umea-forskolan-tallkotten-arbetsplan-2026-2027.pdf"
    texts = [s.text for p in read_pdf(pdf).pages for ln in p.lines for s in ln.spans]
    assert "\u030a" not in "".join(texts) and any("Umeå" in t for t in texts)
    doc = planparse.parse(pdf)
    assert (doc.municipality.name, doc.municipality.code) == ("Umeå kommun", "2480")


@pytest.mark.parametrize(
    ("pdf", "school"),
    [
        ("holdout-generic11/arbetsplan/umea-forskolan-tallkotten-arbetsplan-2026-2027.pdf", "Förskolan Tallkotten"),
        ("holdout-generic4/arbetsplan/lerum-aspenas-forskola-arbetsplan-2025-2026.pdf", "Aspenäs förskola"),
        ("holdout-generic17/arbetsplan/ockero-buro-skola-arbetsplan-2026-2027.pdf", "Burö skola"),
    ],
)
def test_a_schools_work_plan_is_the_schools(pdf: str, school: str) -> None:
    """An arbetsplan's organ is the school or preschool it names, under whatever förvaltning's
    letterhead ("Umeå kommun · Förskoleförvaltningen")."""
    from tests.gold import FIXTURES

    assert planparse.parse(FIXTURES / pdf).organ == school
