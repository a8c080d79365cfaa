"""The robertsfors_vp layout parser: detection, the text helpers, and specific items of both
fixtures (the Robertsfors seed and the Vindeln variant)."""

from __future__ import annotations

import datetime as dt

import pytest

from planparse.layouts.indicators import name_direction
from planparse.model import Direction, GoalLevel, ValueKind
from tests.layouts.common import parsed

SEED = "robertsfors-verksamhetsplan-2025"
VARIANT = "vindeln-verksamhetsplan-2026"









@pytest.mark.parametrize(
    ("name", "direction"),
    [
        ("Aktiviteter med barn och unga som målgrupp ökar", Direction.increase),
        ("Resor med kollektivtrafik per invånare ska öka", Direction.increase),
        ("Andel av befolkningen som försörjs av trygghetssystemen minskar", Direction.decrease),
        ("Antal dygn i slutenvård ska minska", Direction.decrease),
        ("Minskade koldioxidutsläpp från egna fordon", None),  # a leading adjective
        ("Ökad andel e-tjänster", None),
        ("Antal e-tjänster", None),
    ],
)
def test_direction_only_from_a_final_verb(name: str, direction: Direction | None) -> None:
    assert name_direction(name) == direction


def test_seed_facts_and_metadata() -> None:
    doc = parsed(SEED)
    assert (doc.municipality.name, doc.municipality.code) == ("Robertsfors kommun", "2409")
    assert (doc.organ, doc.title, doc.year) == (
        "Kommunstyrelsen",
        "Kommunstyrelsens verksamhetsplan 2025",
        2025,
    )
    m = doc.metadata
    assert m.decided_on == dt.date(2024, 12, 2) and m.revised_on is None  # empty cell
    assert (m.diarienummer, m.version, m.valid_until) == ("KS-2024-1211", "1", "2025")
    assert m.extra == {
        "Värdegrund": "Den nära kommunen med öppenhet mellan människor, idéer och platser."
    }
    assert doc.vision == "Hållbar utveckling för 7500 invånare i Sveriges bästa kommun."


def test_seed_goal_areas_and_page_break_paragraph() -> None:
    doc = parsed(SEED)
    assert [g.number for g in doc.goals] == ["3.1", "3.2", "3.3", "3.4", "3.5"]
    assert all(g.level is GoalLevel.goal_area and not g.children for g in doc.goals)
    assert sum(len(g.activities) for g in doc.goals) == 17
    assert sum(len(a.indicators) for g in doc.goals for a in g.activities) == 61
    g31 = doc.goals[0]
    assert g31.strategic_goal == "Robertsfors kommun ska utvecklas till ett mer hållbart samhälle"
    # the paragraph broken "beroende av" | "varandra:" over pages 6 → 7 is one paragraph
    assert "ömsesidigt beroende av varandra: Social-" in (g31.description or "")
    assert "Anknyter" not in (g31.description or "")
    assert (doc.goals[4].description or "").endswith("- Systematiskt arbetsmiljöarbete i vardagen")


def test_seed_activity_fields() -> None:
    doc = parsed(SEED)
    acts = {a.number: a for g in doc.goals for a in g.activities}
    a = acts["3.1.3"]
    assert a.owner == "Socialutskottet"
    assert a.parties == ["Ekonomikontoret", "IT-kontoret", "Samhällsbyggnadskontoret"]
    assert a.follow_up == ["Delår- och årsbokslut", "Löpande av Socialutskottet"]
    assert a.status is None and a.start_date is None and a.provenance.page == 9
    assert acts["3.2.2"].parties == ["Kommunledningskontoret och samhällsbyggnadsutskottet"]
    assert acts["3.2.1"].follow_up == []
    assert acts["3.4.7"].follow_up == ["Delårsbokslut", "Årsbokslut"]
    assert acts["3.3.1"].implementation.endswith(
        "De kommunala strategierna och utvecklingsplanerna kommer att informeras av dessa forum "
        "och möten och gemensamma arbetsgrupper kan bildas för att föra processen vidare. "
        "Dessa arbetsgrupper kommer huvudsakligen att formos runt sakfrågor eller delområden"
    )
    assert acts["3.5.1"].implementation.startswith(
        "1. Ta fram en tydlig organisationskarta för skyddsorganisation i samverkan.\n2. Jobba"
    )
    # 3.4.4: Uppföljning printed before Genomförande
    assert acts["3.4.4"].implementation.startswith("Sociala sektorn tar fram")
    assert acts["3.4.4"].follow_up == ["Delår- och årsbokslut", "Löpande av Socialutskottet"]


def test_seed_indicators_keep_their_rows_pages() -> None:
    doc = parsed(SEED)
    acts = {a.number: a for g in doc.goals for a in g.activities}
    assert [i.provenance.page for i in acts["3.4.4"].indicators] == [19, 20, 20]
    assert [i.provenance.page for i in acts["3.4.5"].indicators] == [20] * 5 + [21] * 3
    assert [i.provenance.page for i in acts["3.4.7"].indicators] == [22]
    first = acts["3.4.4"].indicators[0]
    assert (first.source, first.unit) == ("Hypergene", "Budgetavvikelse")
    assert [(v.label, v.kind, v.year, v.raw, v.value) for v in first.values] == [
        ("Utfall 2025", ValueKind.outcome, 2025, "Hypergene", None)
    ]
    unit = acts["3.2.1"].indicators[3].unit
    assert unit == "Antal elever i kulturskola Besöksantal ungdomsgårdar Antal deltagartillfällen"


def test_variant_parses() -> None:
    doc = parsed(VARIANT)
    assert (doc.municipality.name, doc.municipality.code, doc.year) == (
        "Vindelns kommun",
        "2404",
        2026,
    )
    assert doc.metadata.revised_on == dt.date(2026, 9, 21) and doc.metadata.version == "2"
    assert doc.vision == "Vindeln – en levande kommun där människor och företag växer tillsammans."
    assert [g.title for g in doc.goals][1] == "ATTRAKTIVA OCH TRYGGA VINDELN"
    acts = {a.number: a for g in doc.goals for a in g.activities}
    assert len(acts) == 10
    assert acts["3.2.2"].description == (
        "Programmet ska ta hänsyn till behoven hos äldre, unga vuxna och nyanlända samt till "
        "möjligheterna att bygga på kommunal och privat mark."
    )
    assert acts["3.2.2"].implementation.startswith("Samhällsbyggnadsavdelningen")  # on page 9
    assert acts["3.1.2"].implementation.splitlines()[0] == (
        "- Dialog med Region Västerbotten om turtäthet på landsbygden"
    )
    assert acts["3.4.2"].parties == []
    values = acts["3.1.1"].indicators[1].values
    assert [(v.kind, v.year, v.raw, v.value) for v in values] == [
        (ValueKind.baseline, 2025, "12 %", 12),
        (ValueKind.outcome, 2026, "19 %", 19),
    ]
    ind = acts["3.2.2"].indicators[2]
    assert (ind.name, ind.values[0].value) == ("Inflyttningsnetto", -14)
    assert [i.provenance.page for i in acts["3.3.1"].indicators] == [10] * 6 + [11] * 2
