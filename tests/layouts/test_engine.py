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
