"""holdout-generic17's scanned årsredovisning parsed: the indicator table on its second page
(a shaded header band Tesseract reads as "Indikator TRR3 | | ERANER | |") is an indicator
table of the goal before it, its year columns read again from the page image; a "%" unit
read as "NV" or "246" is given back; a figure out of its row's form ("253" among "1,4 | 1,9 |
2,0", "9" among "78 | 79 | 81") is read again and taken where the crops agree on the row's
form. The OCR'd delårsrapport's goal, indicator and activity tables are read."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.model import PlanDocument

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-generic17"
SKOVDE = FIXTURES / "arsredovisning" / "skovde-arsredovisning-2025-utdrag-scan.pdf"
ALE = FIXTURES / "delarsrapport" / "ale-von-delarsrapport-augusti-2026-ocr.pdf"


@pytest.fixture(scope="module")
def skovde() -> PlanDocument:
    return planparse.parse(SKOVDE)


def _indicators(doc: PlanDocument) -> dict[str, list[tuple[str, str]]]:
    return {i.name: [(v.label, v.raw) for v in i.values] for g in doc.iter_goals() for i in g.indicators}


def test_a_garbled_header_band_still_names_an_indicator_table(skovde: PlanDocument) -> None:
    goal = next(g for g in skovde.iter_goals() if g.title == "Skövde kommun ska vara en attraktiv arbetsgivare")
    assert [i.name for i in goal.indicators] == ["Hållbart medarbetarengagemang (HME), index", "Sjukfrånvaro, %"]
    assert [v.label for v in goal.indicators[0].values] == ["2023", "2024", "2025", "Mål 2025"]
    assert not any(w.code == "table_skipped" for w in skovde.warnings)


def test_per_cent_units_and_odd_figures_are_read_again(skovde: PlanDocument) -> None:
    found = _indicators(skovde)
    assert "Andel brukare som är nöjda med hemtjänsten, %" in found
    assert found["Resultat i procent av skatter och statsbidrag"][2] == ("2025", "2,3")
    assert found["Hållbart medarbetarengagemang (HME), index"][1] == ("2024", "79")


def test_the_ocr_layers_tables_are_read() -> None:
    doc = planparse.parse(ALE)
    goals = [g for g in doc.iter_goals() if g.level.value == "goal"]
    assert len(goals) == 4 and all(g.assessment is not None for g in goals)
    assert sum(len(g.indicators) for g in goals) == 5
    assert len(doc.budget) == 6
