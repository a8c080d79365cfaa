"""The orebro_budget layout parser: detection, and specific items of both fixtures."""

from __future__ import annotations

from pathlib import Path

import planparse
from tests.gold import FIXTURES
from tests.layouts.common import parsed


def test_seed_facts() -> None:
    doc = parsed("orebro-plan-budget-2018")
    assert (doc.municipality.name, doc.municipality.code) == ("Örebro kommun", "1880")
    assert doc.title == "Kommunstyrelsens plan med budget 2018"
    assert doc.year == 2018 and doc.organ == "Kommunstyrelsen"
    assert str(doc.metadata.decided_on) == "2018-01-16"
    assert doc.metadata.extra == {"paragraph": "§ 1", "decision_status": "Förslag till beslut"}
    assert doc.vision == "En hållbart växande kommun"


def test_seed_focus_area_with_activities() -> None:
    doc = parsed("orebro-plan-budget-2018")
    goal = next(g for g in doc.goals if g.title == "Intern serviceyta och stöd för verksamhetsutveckling")
    assert goal.level.value == "focus_area" and goal.provenance.page == 4
    assert goal.description and not goal.description.startswith("Grunduppdrag")
    assert len(goal.activities) == 5
    last = goal.activities[-1]  # its bullet starts on the next page
    assert last.title.endswith("inför nytt förfrågningsunderlag.") and last.provenance.page == 5
    assert last.status is None and last.start_date is None and last.owner is None


def test_seed_indicator_table() -> None:
    doc = parsed("orebro-plan-budget-2018")
    goal = next(g for g in doc.goals if g.indicators)
    assert goal.title == "Örebro kommun ska vara en attraktiv arbetsgivare"
    assert goal.comment and goal.comment.splitlines()[0] == "*Hållbart medarbetarengagemang (HME)"
    by_name = {i.name: i for i in goal.indicators}
    index = by_name["Anställningstrygghetsindex, bestående av"]
    assert [(v.group.value if v.group else None, v.raw) for v in index.values] == [
        ("total", "79,8"), ("total", "***"), ("total", "Öka"), ("women", "79,9"), ("men", "79,3")
    ]
    assert index.direction.value == "increase"
    sub = by_name["Anställningstrygghetsindex, bestående av: Andel timavlönade årsarbetare (åa)"]
    assert sub.values == [] and sub.direction is None
    assert by_name["Sjukfrånvaro i procent av arbetstiden"].direction.value == "decrease"
    assert "Arbetsmiljöcertifierade chefer: Antal" in by_name


def test_seed_budget_lines() -> None:
    doc = parsed("orebro-plan-budget-2018")
    lines = {b.name: b.values[0] for b in doc.budget}
    assert lines["Digitaliseringssatsning 2017-2019"].year is None
    assert lines["Sociala investeringar"].amount == 11.3 and lines["Sociala investeringar"].year == 2018
    assert "kommungemensamma statsbidrag" in lines
    netto = lines["Anslaget för Kommunstyrelseförvaltningen netto"]
    assert netto.label == "Kommunstyrelseförvaltningens samlade ekonomi"


def test_variant_parses() -> None:
    doc = parsed("lulea-plan-budget-2019")
    assert (doc.municipality.code, doc.year) == ("2580", 2019)
    assert doc.vision == "Ett hållbart och växande Luleå"
    lines = {b.name: b.values[0] for b in doc.budget}
    assert (lines["Feriearbete för ungdomar"].amount, lines["Feriearbete för ungdomar"].unit.value) == (2400, "tkr")
    assert lines["Anslaget för Kommunstyrelseförvaltningen"].amount == 1012.4
    digital = next(g for g in doc.goals if g.title == "Digital utveckling och IT-försörjning")
    assert digital.provenance.page == 3 and [a.provenance.page for a in digital.activities] == [4, 4, 4]
    goal = next(g for g in doc.goals if g.indicators)
    pages = [i.provenance.page for i in goal.indicators]
    assert pages[:3] == [8, 8, 8] and set(pages[3:]) == {9}
    count = next(i for i in goal.indicators if i.name == "Antal tillsvidareanställda medarbetare")
    assert [v.value for v in count.values][:2] == [1300, 1342]


def test_missing_section_degrades_one_field_with_a_warning(tmp_path: Path) -> None:
    """The plan with every "Prioriterad utveckling" heading blacked out (and so no activities):
    the rest is parsed, and a warning names the section that was not found."""
    import pymupdf

    pdf = pymupdf.open(FIXTURES / "orebro-plan-budget-2018.pdf")
    for page in pdf:
        for rect in page.search_for("Prioriterad utveckling"):
            page.add_redact_annot(rect)
        page.apply_redactions()
    damaged = tmp_path / "no-priorities.pdf"
    pdf.save(damaged)
    doc = planparse.parse(damaged, layout="orebro_budget")
    codes = [w.code for w in doc.warnings]
    assert "section_missing" in codes
    assert "Prioriterad utveckling" in next(w.message for w in doc.warnings if w.code == "section_missing")
    titles = [g.title for g in doc.goals]
    assert "Digitalisering och verksamhetsutveckling" in titles  # the priority list still read
    assert "Örebro kommun ska vara en attraktiv arbetsgivare" in titles
    goal = next(g for g in doc.goals if g.title == "Örebro kommun ska vara en attraktiv arbetsgivare")
    assert len(goal.indicators) == 13
