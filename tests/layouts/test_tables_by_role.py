"""Tables by role on stress-corpus PDFs: budget, investment and indicator tables from the three
producers (ruled, horizontally ruled, unruled), checked against values read by hand from the
PDFs' text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import planparse
from planparse.model import BudgetKind, Indicator, PlanDocument, ValueGroup, ValueKind

STRESS = Path(__file__).resolve().parents[2] / "fixtures" / "stress"


@lru_cache(maxsize=16)
def parsed(name: str) -> PlanDocument:
    return planparse.parse(STRESS / name.split("-")[0] / f"{name}.pdf")


def _indicators(doc: PlanDocument) -> dict[str, list[Indicator]]:
    """Indicators by the title of the goal or activity that owns them."""
    out: dict[str, list[Indicator]] = {}

    def visit(goals: list) -> None:  # type: ignore[type-arg]
        for g in goals:
            out.setdefault(g.title, []).extend(g.indicators)
            for a in g.activities:
                out.setdefault(a.title, []).extend(a.indicators)
            visit(g.children)

    visit(doc.goals)
    return out


def _values(doc: PlanDocument, name: str) -> list[tuple[BudgetKind, int | None, float | int | None, str | None]]:
    line = next(b for b in doc.budget if b.name == name)
    return [(v.kind, v.year, v.amount, v.unit.value if v.unit else None) for v in line.values]


def test_indicator_table_with_a_row_in_mnkr_is_no_budget_table() -> None:
    # "Indikatorer | 2026 | Källa | Mått | Utfall 2027" with the row
    # "Budgetavvikelse för kommunstyrelsen | | Ekonomisystemet | mnkr |": an indicator.
    doc = parsed("robertsfors_vp-00-reportlab")
    assert doc.budget == []
    found = [i for inds in _indicators(doc).values() for i in inds if i.name == "Budgetavvikelse för kommunstyrelsen"]
    assert len(found) == 1
    assert (found[0].source, found[0].unit) == ("Ekonomisystemet", "mnkr")


def test_a_bare_year_column_is_a_baseline() -> None:
    doc = parsed("robertsfors_vp-00-reportlab")
    ind = next(i for inds in _indicators(doc).values() for i in inds if i.name == "Beslutad handlingsplan")
    assert [(v.label, v.kind, v.year, v.value) for v in ind.values] == [
        ("2026", ValueKind.baseline, 2026, 8353),
        ("Utfall 2027", ValueKind.outcome, 2027, 24),
    ]


def test_budget_and_investment_grids_one_under_the_other_stay_two_tables() -> None:
    doc = parsed("kramfors_vp-00-reportlab")
    assert _values(doc, "Kommunledningskontoret") == [
        (BudgetKind.outcome, 2023, 129060, "tkr"),
        (BudgetKind.budget, 2024, 128495, "tkr"),
        (BudgetKind.budget, 2025, 130547, "tkr"),
    ]
    assert "Byte konstgräs IP" not in {b.name for b in doc.budget}
    inv = next(i for i in doc.investments if i.name == "Byte konstgräs IP")
    assert [(a.year, a.amount, a.unit.value if a.unit else None) for a in inv.amounts] == [(2026, 2300, "tkr")]
    assert len(doc.investments) == 9


def test_words_broken_in_narrow_word_cells_are_mended() -> None:
    # Word breaks "Kommunledningskontoret" as "Kommunledning" / "skontoret" in the name column.
    doc = parsed("kramfors_vp-00-docx")
    names = {b.name for b in doc.budget}
    assert {"Kommunledningskontoret", "Kommunfullmäktige", "Exploateringsintäkter", "IT och digitalisering"} <= names
    assert _values(doc, "Exploateringsintäkter")[0] == (BudgetKind.outcome, 2023, -2490, "tkr")
    inv = next(i for i in doc.investments if i.name == "Tillgänglighetsanpassning biblioteket")
    assert [(a.year, a.amount) for a in inv.amounts] == [(2027, 225)]


def test_unruled_budget_and_investment_tables() -> None:
    doc = parsed("kramfors_vp-02-html")
    # "Verksamhet, tkr | Budget helår 2025 | Budget helår 2026", the years on a second header line
    assert _values(doc, "Kommunledningsförvaltningen") == [
        (BudgetKind.budget, 2025, 134199, "tkr"),
        (BudgetKind.budget, 2026, 139753, "tkr"),
    ]
    # "3" / "600" wrapped in both year cells; "tkr" wrapped under "Investeringsprojekt,"
    inv = next(i for i in doc.investments if i.name == "Babelsberg")
    assert [(a.year, a.amount, a.unit.value if a.unit else None) for a in inv.amounts] == [
        (2026, 3600, "tkr"), (2027, 3600, "tkr"),
    ]
    assert "Displayer till digitala infartsskyltar" in {i.name for i in doc.investments}


def test_budget_bullets_and_a_tot_k_m_table_broken_by_a_page() -> None:
    doc = parsed("orebro_budget-00-docx")
    line = next(b for b in doc.budget if b.name == "Anslaget för politisk kommunledning")
    assert [(v.amount, v.unit.value if v.unit else None) for v in line.values] == [(44.3, "mnkr")]
    inds = _indicators(doc)["Höganäs kommun ska vara en attraktiv arbetsgivare"]
    ind = next(i for i in inds if i.name == "Antal tillsvidareanställda medarbetare")
    women = [(v.label, v.value) for v in ind.values if v.group is ValueGroup.women]
    assert women == [("Utfall 2018", 82.5), ("Utfall 2019", 37)]


def test_indicator_table_drawn_in_the_activity_tables_grid_belongs_to_the_goal() -> None:
    doc = parsed("ange_tertial-01-reportlab")
    inds = _indicators(doc)["Sjukfrånvaron ska minska"]
    ind = next(i for i in inds if i.name == "Korttidssjukfrånvaro, antal tillfällen")
    assert [(v.label, v.kind, v.value) for v in ind.values] == [
        ("Mål", ValueKind.target, 9.0), ("Utfall", ValueKind.outcome, 15.4),
    ]


def test_unruled_indicator_table_under_an_unruled_activity_table() -> None:
    doc = parsed("ange_tertial-00-html")
    inds = _indicators(doc)["Sjukfrånvaron ska minska"]
    ind = next(i for i in inds if i.name == "Sjukfrånvaro, procentandel (%)")
    assert [(v.label, v.kind, v.value) for v in ind.values] == [("Utfall", ValueKind.outcome, 4.3)]
    assert not any("Måtten avser" in i.name for i in inds)  # the note under the table


def test_years_in_a_series_are_outcomes() -> None:
    """"2022 | 2023 | Utfall 2024 | Mål 2025": a series of bare years holds those years'
    results, not one baseline (a year alone beside "Utfall", as above, stays the baseline)."""
    doc = planparse.parse(Path(__file__).resolve().parents[2] / "fixtures" / "generic" / "arsbokslut-word-goal-table.pdf")
    ind = next(i for inds in _indicators(doc).values() for i in inds if i.name == "Antal inspektioner")
    assert [(v.label, v.kind, v.year, v.value) for v in ind.values] == [
        ("2022", ValueKind.outcome, 2022, 1210),
        ("2023", ValueKind.outcome, 2023, 1305),
        ("Utfall 2024", ValueKind.outcome, 2024, 1402),
        ("Mål 2025", ValueKind.target, 2025, 1500),
    ]


def test_a_bullet_read_into_a_risk_cell_is_no_part_of_the_risk() -> None:
    """An English-OCR'd risk table (Mullsjö, holdout-families6) whose first risk cell starts
    with a bullet the OCR read: the risk is named without it, as the others are."""
    pdf = STRESS.parent / "holdout-families6" / "kramfors_vp" / "mullsjo-verksamhetsplan-2028-ocr.pdf"
    areas = [r.area for r in planparse.parse(pdf).risks]
    assert "Minskat antal ideella ledare i föreningarna" in areas
    assert all(a[:1].isalnum() for a in areas), areas
