"""Money tables on real-shaped PDFs: the 1.2 keys (section, is_sum on investments, label and
kind on investment amounts) read from group rows, sum rows and column headers."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.layouts.money_kinds import column_kind
from planparse.model import BudgetKind

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
NORRKOPING = FIXTURES / "holdout-generic7" / "budgetuppfoljning" / "norrkoping-kfn-tertialrapport-1-2026.pdf"
KUNGSBACKA = FIXTURES / "holdout-generic4" / "investeringsbudget" / "kungsbacka-investeringsbudget-2026-2030.pdf"
SIMRISHAMN = FIXTURES / "real" / "simrishamn_kfn_arsbokslut_2025_printtopdf.pdf"


def test_budget_group_rows_are_sections_and_sums_carry_the_section_they_sum() -> None:
    """"Kultur" / "Fritid" group rows are no lines but the section of the lines under them; a
    section's sum ("Summa kultur") keeps it, the total of the subtotals ("Nämndens
    nettokostnad", named as no sum) is a sum row with no section, and a sum naming its section
    adds all the section's lines (no mismatch from "Kulturhuset" / "Kulturskolan" alone)."""
    d = planparse.parse(NORRKOPING)
    got = [(b.name, b.section, b.is_sum) for b in d.budget]
    assert got == [
        ("Nämnd och administration", "Kultur", False),
        ("Stadsbiblioteket och filialer", "Kultur", False),
        ("Kulturhuset Louis De Geer", "Kultur", False),
        ("Kulturskolan", "Kultur", False),
        ("Summa kultur", "Kultur", True),
        ("Idrottsanläggningar", "Fritid", False),
        ("Föreningsbidrag", "Fritid", False),
        ("Fritidsgårdar och ungdomsverksamhet", "Fritid", False),
        ("Summa fritid", "Fritid", True),
        ("Nämndens nettokostnad", None, True),
    ]
    assert not [w for w in d.warnings if w.code == "sum_mismatch"]


def test_investment_sections_sums_and_amount_labels_with_total_utgift_and_arligen() -> None:
    """"Utgift per år (mnkr)" spans the year columns: each amount's label is its own year;
    "Total utgift" has year null; a yearly project's "årligen" total gives no amount; group
    rows are sections, "Summa <group>" rows are sums of their section, "Summa investeringar"
    is a sum with no section."""
    d = planparse.parse(KUNGSBACKA)
    by_name = {i.name: i for i in d.investments}
    hede = by_name["Ny förskola Hede, 8 avdelningar"]
    assert [(a.label, a.year, a.kind, a.amount) for a in hede.amounts] == [
        ("2026", 2026, BudgetKind.budget, 18.0), ("2027", 2027, BudgetKind.budget, 42.5),
        ("2028", 2028, BudgetKind.budget, 12.0), ("Total utgift", None, BudgetKind.budget, 72.5),
    ]
    yearly = by_name["Inventarier förskola och skola, årligen"]
    assert [a.label for a in yearly.amounts] == ["2026", "2027", "2028", "2029", "2030"]
    assert (hede.section, hede.is_sum) == ("Förskola och skola", False)
    sums = [(i.name, i.section) for i in d.investments if i.is_sum]
    assert sums == [
        ("Summa förskola och skola", "Förskola och skola"),
        ("Summa gator, parker och infrastruktur", "Gator, parker och infrastruktur"),
        ("Summa kultur och fritid", "Kultur och fritid"),
        ("Summa investeringar", None),
    ]
    assert "Förskola och skola" not in by_name  # a group row is no project


@pytest.mark.parametrize(("label", "kind"), [
    ("2027", BudgetKind.budget), ("Plan 2028", BudgetKind.budget), ("Total utgift", BudgetKind.budget),
    ("Total projektbudget", BudgetKind.budget), ("Ack. Utfall", BudgetKind.outcome),
    ("Utfall jan–apr 2026", BudgetKind.outcome), ("Helårsprognos", BudgetKind.forecast),
    ("Budgetavvikelse", BudgetKind.deviation), ("Förändring", BudgetKind.other),
    ("202@rognos 2026", BudgetKind.forecast), ("Avvikelser", BudgetKind.deviation),  # OCR'd, matched by letters
    ("Budgetram", BudgetKind.budget), ("Nettokostnad", BudgetKind.budget),
])
def test_column_kind(label: str, kind: BudgetKind) -> None:
    assert column_kind(label) is kind


def test_real_investment_table_with_two_header_rows_and_a_projects_group_row() -> None:
    """Simrishamn's Investeringsredovisning: group rows "Färdigställda projekt" / "Pågående
    projekt" are sections, their sums keep them, the grand total has none; Ack. Utfall is an
    outcome, Avvikelse a deviation; the budget table's group row "More Than One Story" is the
    section of the project's lines."""
    d = planparse.parse(SIMRISHAMN)
    sections = [(i.name, i.section, i.is_sum) for i in d.investments if i.is_sum]
    assert sections == [
        ("Summa färdigställda projekt", "Färdigställda projekt", True),
        ("Summa pågående projekt", "Pågående projekt", True),
        ("Summa investeringsprojekt", None, True),
    ]
    garvaren = next(i for i in d.investments if i.name.startswith("Ombyggnad Garvaren"))
    assert [a.kind for a in garvaren.amounts][:3] == [BudgetKind.budget, BudgetKind.outcome, BudgetKind.deviation]
    assert [a.label for a in garvaren.amounts][1:3] == ["Ack. Utfall", "Avvikelse"]
    project = [b for b in d.budget if b.section == "More Than One Story"]
    assert [b.name for b in project] == ["Överskott överfört från 2025", "Försäljningsintäkter", "Kostnader", "Totalt"]
    assert project[-1].is_sum


def test_thousands_set_apart_by_points_in_a_column_of_whole_amounts() -> None:
    """Nykvarn's driftbudget prints "12.480" and "−1.250" (tkr) with points for thousands: in a
    column without a decimal the point groups thousands, so 12480, not 12.48."""
    from tests.layouts.holdout import HoldoutSet

    doc = HoldoutSet("holdout-generic19").parsed("budget/nykvarn-ks-driftbudget-2027")
    line = next(b for b in doc["budget"] if b["name"] == "IT och digitalisering")
    assert [v["amount"] for v in line["values"]] == [12480, 13900, 12650, -1250]
