"""The layout engine on documents from other producers (the stress corpus): rules that hold
for any layout, checked against the PDFs' own text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import planparse
from planparse.layouts.headings import section_label
from planparse.model import PlanDocument

STRESS = Path(__file__).resolve().parents[2] / "fixtures" / "stress"


@cache
def stress(name: str) -> PlanDocument:
    family = name.rsplit("-", 2)[0]
    return planparse.parse(STRESS / family / f"{name}.pdf")


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("Uppdrag till förvaltningen", "assignment"),
        ("Nyckeltal kopplade till målet", "indicator"),
        ("Aktiviteter under 2025", "activities"),
        ("Mål för årets finansiella resultat", None),  # a goal heading, not the "Mål" label
        ("Organisation", None),
    ],
)
def test_section_label_names_a_list_whatever_qualifies_it(title: str, label: str | None) -> None:
    assert section_label(title) == label


def test_numbered_assignment_section_lists_activities() -> None:
    """"4.1.2. Uppdrag till förvaltningen" over "1. …", "2. …" (reportlab, unstyled headings)."""
    doc = stress("kramfors_vp-02-reportlab")
    goal = next(g for g in doc.goals if g.title == "Laholm kommun är en trygg kommun med god beredskap")
    assert [a.title for a in goal.activities] == [
        "Ta fram en plan för nödvattenförsörjning tillsammans med det kommunala VA-bolaget.",
        "Fastställa kontinuitetsplaner för samtliga avdelningar.",
    ]
    assert [i.name for i in goal.indicators] == [
        "Antal genomförda krisledningsövningar.",
        "Andel verksamheter med fastställd kontinuitetsplan.",
    ]


def test_chapter_named_by_its_content_is_not_a_goal() -> None:
    """"5 Mål och nyckeltal" holds the goals; it is not one (Word export via LibreOffice)."""
    doc = stress("kramfors_vp-00-docx")
    titles = [g.title for g in doc.goals]
    assert "Mål och nyckeltal" not in titles
    assert doc.source.parser == "kramfors_vp"  # its signals, and no other family's


HOLDOUT10 = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-generic10"


def test_description_list_under_enumerated_activities() -> None:
    """pdfLaTeX: "Uppdrag och aktiviteter" over an enumerate, each item with a description list
    ("Status: Klar", "Ansvarig: …", "Klart: 2026-12-15"): the items are the goal's activities and
    the list their fields; "Status: | Klar" (a label and a value that is a label too) is no table
    header that would swallow the fields below it."""
    doc = planparse.parse(HOLDOUT10 / "namndplan/uppsala-ubn-namndplan-2027.pdf")
    goals = [g for area in doc.goals for g in area.children]
    assert [len(g.activities) for g in goals] == [2, 2, 2, 2, 1, 1]
    assert all(not g.children for g in goals)  # no "Uppdrag och aktiviteter" sub-goal
    done = goals[1].activities[1]
    assert done.title == "Följa upp frånvaron varje månad med en gemensam rutin"
    assert done.status is not None and done.status.value.value == "completed" and done.status.raw == "Klar"
    assert done.owner == "Rektorer i gymnasieskolan" and str(done.end_date) == "2026-12-15"
    late = goals[3].activities[0]
    assert late.status is not None and late.status.value.value == "in_progress_deviation" and late.owner == "Elevhälsochef"


def test_forecast_label_assesses_the_goal() -> None:
    """"Prognos helår: Uppfylls delvis" under a nämndmål (a Ghostscript-distilled delår report):
    the goal's assessment, in the report's own wording."""
    doc = planparse.parse(HOLDOUT10 / "delarsrapport/jonkoping-tn-delarsrapport-augusti-2026.pdf")
    goals = [g for area in doc.goals for g in area.children]
    assert [(g.assessment.value.value, g.assessment.raw) if g.assessment else None for g in goals] == [
        ("partially_fulfilled", "Uppfylls delvis"), ("fulfilled", "Uppfylls"),
        ("not_fulfilled", "Uppfylls inte"), ("not_assessed", "Kan ej bedömas")]


@pytest.mark.parametrize("name", ["falkenberg-angskolan-arbetsplan-2026-2027", "kalmar-bjorkskolan-arbetsplan-2026-2027-ocr"])
def test_work_plan_areas_over_goal_lists(name: str) -> None:
    """A pandoc work plan (native, and English-OCR'd, where the area titles read in body size):
    each area title over its "Mål" list is a goal area, the areas siblings; the indicator table
    "Indikator | Utfall vt 2026 | Mål vt 2027" is read, and ends before the next area's title."""
    doc = planparse.parse(HOLDOUT10 / f"arbetsplan/{name}.pdf")
    assert [a.title for a in doc.goals] == ["Normer och värden", "Kunskaper", "Elevernas ansvar och inflytande"]
    assert [len(a.children) for a in doc.goals] == [2, 3, 1]
    assert [len(a.activities) for a in doc.goals] == [3, 4, 2]
    assert [len(a.indicators) for a in doc.goals] == [1, 2, 0]
    ind = doc.goals[0].indicators[0]
    assert ind.name == "Andel elever i åk 5 som känner sig trygga, %"
    assert [(v.kind.value, v.year, v.value) for v in ind.values] == [("outcome", 2026, 87), ("target", 2027, 92)]


def test_groff_tables_set_with_spaces_give_goals_indicators_and_budget() -> None:
    """groff -mom's tbl tables (columns set with spaces): every nämndmål under its KF goal with
    its indicators' values, the budget lines, and the goals' vector circles as assessments."""
    doc = planparse.parse(HOLDOUT10 / "verksamhetsberattelse/skelleftea-bmn-verksamhetsberattelse-2026.pdf")
    goals = [(g.title, [c.title for c in g.children]) for g in doc.goals]
    assert goals[0] == ("Skellefteå växer hållbart", ["Handläggningstiden för bygglov ska minska",
                                                      "Tillsynen av förorenade områden ska öka"])
    first = doc.goals[0].children[0]
    assert first.assessment is not None and first.assessment.value.value == "partially_fulfilled"
    assert [(v.label, v.value) for v in first.indicators[0].values] == [("2024", 41), ("2025", 37), ("2026", 33), ("Mål 2026", 28)]
    assert [(b.name, b.is_sum) for b in doc.budget][-1] == ("Summa nämnden", True)
    assert len(doc.budget) == 6


def test_running_header_over_a_repeated_table_header_is_no_row() -> None:
    """groff -ms: page 2 opens with a running header set in two parts and the control table's
    header repeated (tbl .TH): the table goes on under that header, the running header is no
    control."""
    doc = planparse.parse(HOLDOUT10 / "internkontrollplan/linkoping-sn-internkontrollplan-2027.pdf")
    assert len(doc.controls) == 9
    assert all(c.risk_value is not None for c in doc.controls)
