"""The kramfors_vp layout parser: detection, wrapped-hyphen joining, and specific items of
both fixtures (the Kramfors seed and the Sollefteå variant)."""

from __future__ import annotations

import datetime as dt

import pytest

from planparse.layouts import parse_document
from planparse.model import BudgetKind
from planparse.reading import read_pdf
from tests.gold import FIXTURES
from tests.layouts.common import parsed

SEED = "kramfors-klf-verksamhetsplan-2025"
VARIANT = "solleftea-verksamhetsplan-2026"


def test_seed_facts() -> None:
    doc = parsed(SEED)
    assert (doc.municipality.name, doc.municipality.code) == ("Kramfors kommun", "2282")
    assert (doc.organ, doc.unit, doc.title, doc.year) == (
        "Kommunstyrelsen",
        "Kommunledningsförvaltningen",
        "Verksamhetsplan 2025",
        2025,
    )
    m = doc.metadata
    assert m.diarienummer == "KS 2024/628"
    assert m.decided_on == dt.date(2024, 11, 26)
    assert m.revised_on is None  # "-" in the grid
    assert m.valid_until == "2025-12-31"
    assert m.extra == {"Ansvarig för uppföljning": "Verksamhetsutvecklare"}


def test_seed_goals_indicators_activities() -> None:
    doc = parsed(SEED)
    assert [g.number for g in doc.goals] == ["1", "2", "3", "4", "5", "6", "7"]
    assert doc.goals[3].title == "Kramfors kommun är en klimatsmart och ekologiskt hållbar kommun."
    assert sum(len(g.indicators) for g in doc.goals) == 32
    assert sum(len(g.activities) for g in doc.goals) == 47
    goal6 = doc.goals[5]
    assert "Resultat av frågan Jag trivs på jobbet." in [i.name for i in goal6.indicators]
    assert all(not i.values for g in doc.goals for i in g.indicators)
    # the 5.7.2 list continues from page 9 to page 10
    acts = {a.number: a for a in doc.goals[6].activities}
    assert acts["7.4"].provenance.page == 9
    assert acts["7.5"].provenance.page == 10
    goal1 = {a.number: a for a in doc.goals[0].activities}
    assert goal1["1.3"].title.endswith("4K-initiativet (kompetens, kapital, kontakter och kunder).")
    assert all(a.status is None and a.owner is None for g in doc.goals for a in g.activities)


def test_seed_tables() -> None:
    doc = parsed(SEED)
    assert len(doc.budget) == 17
    first = doc.budget[0]
    assert first.name == "Kommunledningsförvaltningen"
    assert [(v.label, v.year, v.amount) for v in first.values] == [
        ("Budget helår 2024", 2024, 223947),
        ("Budget helår 2025", 2025, 231871),
    ]
    assert len(doc.investments) == 22  # the "Summa:" row is not an investment
    assert [inv.provenance.page for inv in doc.investments[-3:]] == [15, 15, 15]
    assert (
        sum(a.amount or 0 for inv in doc.investments for a in inv.amounts if a.year == 2027)
        == 56325
    )
    assert [c.process for c in doc.controls] == [
        "Avslut av anställning",
        "Informationssäkerhet",
        "IT-säkerhet",
    ]
    assert doc.controls[1].risk_value == 16
    assert len(doc.risks) == 10  # the 4 × 4 matrix is not read as risks
    assert (doc.risks[0].consequence, doc.risks[0].probability, doc.risks[0].score) == (4, 3, 12)


def test_variant_parses() -> None:
    doc = parsed(VARIANT)
    assert (doc.municipality.code, doc.unit, doc.year) == (
        "2283",
        "Kommunstyrelseförvaltningen",
        2026,
    )
    assert doc.metadata.revised_on == dt.date(2025, 12, 9)
    assert doc.metadata.extra == {
        "Ansvarig för uppföljning": "Controller",
        "Granskad av": "Ekonomichef",
    }
    assert [g.number for g in doc.goals] == ["1", "2", "4", "5", "6", "7", "8"]
    assert doc.goals[4].indicators and not doc.goals[4].activities  # Mål 6: no Uppdrag section
    assert sum(len(g.activities) for g in doc.goals) == 31
    assert doc.goals[1].activities[2].number == "2.3"
    assert doc.goals[1].activities[2].provenance.page == 6
    last = doc.budget[-1]
    assert last.name == "Exploateringsintäkter"
    assert [(v.kind, v.amount) for v in last.values] == [
        (BudgetKind.outcome, -1050),
        (BudgetKind.budget, -2500),
        (BudgetKind.budget, -2740),
    ]
    assert len(doc.budget) == 15  # the repeated "tkr" row after the page break is no line
    assert len(doc.investments) == 12
    assert doc.controls[2].process == "Attest av leverantörsfakturor"
    assert len(doc.controls) == 4 and len(doc.risks) == 8


@pytest.mark.parametrize(
    "pdf",
    [
        "stress/kramfors_vp/kramfors_vp-00-docx.pdf",  # title, municipality, office, board
        "holdout-families4/kramfors_vp/alvsbyn-verksamhetsplan-2025.pdf",  # office and board on one line
    ],
)
def test_cover_organ_and_unit_by_their_words(pdf: str) -> None:
    """The organ is the cover line naming a board ("Kommunstyrelsen"), the unit the one naming
    an office ("…förvaltningen", "…kontoret"), wherever they stand around the title."""
    doc = parse_document(read_pdf(FIXTURES / pdf), layout="kramfors_vp")
    assert doc.organ == "Kommunstyrelsen"
    assert doc.unit is not None and doc.unit.endswith(("förvaltningen", "kontoret"))
