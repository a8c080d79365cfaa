"""Image-only scans of the hold-out corpus, OCR'd by planparse itself, parsed end to end.

Every expected value is read off the documents' gold JSON (written by the hold-out's author
from the content, never from a parse) or off the rendered page images."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.model import Goal, PlanDocument
from planparse.reading import read_pdf

HOLDOUT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout"
SUNDSVALL = HOLDOUT / "ange_tertial" / "sundsvall-malavstamning-t1-2025-scan.pdf"
RAGUNDA = HOLDOUT / "ange_uppsikt" / "ragunda-uppsikt-samhallsbyggnad-2026-scan.pdf"
SORSELE = HOLDOUT / "robertsfors_vp" / "sorsele-ks-verksamhetsplan-2026-scan.pdf"


def _goals(goals: list[Goal]) -> list[Goal]:
    out: list[Goal] = []
    for g in goals:
        out.append(g)
        out.extend(_goals(g.children))
    return out


def _goal(doc: PlanDocument, number: str) -> Goal:
    return next(g for g in _goals(doc.goals) if g.number == number)


@pytest.fixture(scope="module")
def sundsvall() -> PlanDocument:
    return planparse.parse(SUNDSVALL)


@pytest.fixture(scope="module")
def ragunda() -> PlanDocument:
    return planparse.parse(RAGUNDA)


def test_grey_table_frame_beside_a_shaded_header(sundsvall: PlanDocument) -> None:
    """Page 3: an activity table (Verksamhetens aktiviteter | Status | Slutdatum) and, a few
    points under it, an indicator table (Mått | Mål | Utfall), both framed by grey hairlines
    with a shaded header. The frames' sides were lost (read as one group with the shaded band,
    too thick for a rule), so the two tables' horizontal rules ran together into one table and
    the indicators came out as activities. Gold: goal 4.1's indicators with Mål and Utfall."""
    goal = _goal(sundsvall, "4.1")
    assert [a.end_date.isoformat() if a.end_date else None for a in goal.activities] == ["2025-12-31"]
    assert goal.activities[0].status is not None and goal.activities[0].status.value.value == "in_progress"
    values = {(v.label, v.raw) for ind in goal.indicators for v in ind.values}
    assert {("Mål", "6,0"), ("Utfall", "7,4"), ("Mål", "50,0")} <= values
    assert len(goal.indicators) == 3


def test_heading_between_two_framed_tables_is_no_row(sundsvall: PlanDocument) -> None:
    """Page 2: "3.3.2 Medborgarna ska uppleva ..." stands between two framed tables; it was read
    as a row of one table running from the first to the second. Gold: 3.3.1 has two
    activities (completed, in progress), 3.3.2 one (in progress with deviation)."""
    first, second = _goal(sundsvall, "3.3.1"), _goal(sundsvall, "3.3.2")
    assert [a.status.value.value if a.status else None for a in first.activities] == ["completed", "in_progress"]
    assert [a.status.value.value if a.status else None for a in second.activities] == ["in_progress_deviation"]
    assert second.title == "Medborgarna ska uppleva ett gott bemötande i kontakten med kommunen"


def test_column_divider_inside_a_shaded_header() -> None:
    """Page 3, the indicator table's shaded header: the divider between "Mål" and "Utfall" is
    a grey line on the grey band; read against the band's tone it parts the two labels."""
    page = read_pdf(SUNDSVALL).pages[2]
    table = next(t for t in page.tables if t.header and t.header[0].startswith("Mått"))
    assert table.n_cols == 3
    # (the first label's cell has specks of the band read after it: "Mått l -")
    assert [c.text.split()[0].casefold() for c in table.rows[0].cells] == ["mått", "mål", "utfall"]


def test_bold_title_over_its_description(ragunda: PlanDocument) -> None:
    """The activity cells hold a bold title over a regular description, with no space between
    them; on the scan the bold is told from the strokes. Gold titles (and statuses) of goal
    1.2's activities."""
    goal = next(g for g in _goals(ragunda.goals) if g.title.startswith("Kommunens service ska vara"))
    assert [a.title for a in goal.activities] == [
        "Införa digital signering av avtal och beslut",
        "Ta fram en plan för utfasning av pappersblanketter i hela kommunen",
        "Utveckla chattfunktion på kommunens webbplats",
    ]
    assert [a.status.value.value if a.status else None for a in goal.activities] == [
        "in_progress", "in_progress_deviation", "cancelled"]


def test_speck_before_a_numbered_heading(ragunda: PlanDocument) -> None:
    """Page 3: a speck before "1.3 Ekonomin ska vara i balans ..." was read as ":", and the
    heading was no goal. Gold: the goal with its two activities."""
    goal = next(g for g in _goals(ragunda.goals) if g.title.startswith("Ekonomin ska vara i balans"))
    assert goal.title == "Ekonomin ska vara i balans och resurserna användas effektivt"
    assert [a.title for a in goal.activities] == [
        "Införa månatlig uppföljning av ekonomi och personal i samtliga verksamheter",
        "Se över kommunens avtal för kontorsmaterial, skrivare och telefoni",
    ]


def test_contents_entries_whose_page_numbers_ocr_lost() -> None:
    """Page 2 is a contents page; Tesseract takes its column of dot leaders and page numbers
    for a picture, so "3.1 TRYGGA OCH ATTRAKTIVA SORSELE" and "Uppdrag 3.1.1" came out bare
    and were parsed as goals and activities with empty titles. Gold: three goals, five
    activities, every one with its title."""
    doc = planparse.parse(SORSELE)
    assert [g.title for g in _goals(doc.goals)] == [
        "TRYGGA OCH ATTRAKTIVA SORSELE", "HÅLLBARA SORSELE", "ATTRAKTIV ARBETSGIVARE"]
    activities = [a for g in _goals(doc.goals) for a in g.activities]
    assert all(a.title for a in activities)
    assert [a.number for a in activities] == ["3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.3.1"]


SEED7 = Path(__file__).resolve().parents[2] / "fixtures" / "stress-seed7"


def _indicators(doc: PlanDocument) -> dict[str, list[tuple[str | None, str | None]]]:
    """Indicator name -> its values' (label, raw), over goals and activities."""
    out: dict[str, list[tuple[str | None, str | None]]] = {}
    for g in _goals(doc.goals):
        for owner in [g, *g.activities]:
            for ind in owner.indicators:
                out[ind.name] = [(v.label, v.raw) for v in ind.values]
    return out


def test_unruled_indicator_table_on_grainy_paper() -> None:
    """robertsfors_vp-01-docx-scan (seed 7), page 6: an unruled indicator table on grainy
    paper. Grey grain above and under some words stretched their OCR boxes, a body row
    ("Nettokostnadsav Kolada %") was sized as a heading, and the table stopped there; its
    names wrap in a narrow column without descenders on the line ("Nettokostnadsav" /
    "vikelse för"). Gold: the rows of Uppdrag 3.3.1 and 3.4.2, and four goals."""
    doc = planparse.parse(SEED7 / "robertsfors_vp" / "robertsfors_vp-01-docx-scan.pdf")
    found = _indicators(doc)
    assert found["Kostnad per invånare för kommunens lokaler"] == [("Utfall 2023", "-1,0")]
    assert found["Nettokostnadsavvikelse för funktionshinderomsorg"] == [("2022", "48,2"), ("Utfall 2023", "14 275")]
    assert found["Andel verksamheter med åtgärdsplan vid befarat underskott"] == [("Utfall 2023", "75,8")]
    assert "Nettokostnadsavvikelse för äldreomsorg" in found
    assert [g.title for g in doc.goals] == [
        "MÖJLIGHETERNAS TORSBY", "ATTRAKTIVA OCH TRYGGA TORSBY", "GOD EKONOMI", "HÅLLBARA TORSBY"]


def test_lost_and_glued_bullets_and_a_wrapped_header() -> None:
    """orebro_budget-01-reportlab-scan (seed 7): the prioritised areas are a bulleted list
    whose bullets Tesseract glued to a word ("«Minskad") or lost ("Integration och ..." at
    the list's text); the indicator header wraps ("Tot Utfall Utfall Målvärde" / "K/M 2025
    2026 2027"). Gold: the five areas as goals, the values labelled with their years."""
    doc = planparse.parse(SEED7 / "orebro_budget" / "orebro_budget-01-reportlab-scan.pdf")
    assert [g.title for g in doc.goals][:5] == [
        "Tillgänglighet och service på lika villkor",
        "Barnets rättigheter, barn och ungas hälsa",
        "Minskad ojämlikhet i livsvillkor, genderbudget",
        "Digitalisering och verksamhetsutveckling",
        "Integration och etablering på arbetsmarknaden",
    ]
    assert _indicators(doc)["Styrningsindex"] == [("Utfall 2025", "37"), ("Utfall 2026", "3"), ("Målvärde 2027", "88")]


def test_title_wrapping_onto_a_line_without_descenders() -> None:
    """ange_uppsikt-01-docx-scan (seed 7): "Genomföra två föreläsningar" / "för temat kost
    och" / "återhämtning", a title over three lines, the second without descenders, so its
    ink box stops at the baseline and the third looked a paragraph away. Gold title."""
    doc = planparse.parse(SEED7 / "ange_uppsikt" / "ange_uppsikt-01-docx-scan.pdf")
    titles = [a.title for g in _goals(doc.goals) for a in g.activities]
    assert "Genomföra två föreläsningar för temat kost och återhämtning" in titles
