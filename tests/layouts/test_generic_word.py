"""The generic parser on a plain Word document (fixtures/generic/, built by
fixtures/build/generic_word.py from content written for it): header rows in plain type,
unnumbered headings with goal words, and metadata in the forms municipalities print. Every
expected value is read off the source text in that script."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import planparse
from planparse.model import PlanDocument

PDF = Path(__file__).resolve().parents[2] / "fixtures" / "generic" / "delarsrapport-word-table-grid.pdf"


@cache
def doc() -> PlanDocument:
    return planparse.parse(PDF)


def test_metadata_in_the_forms_municipalities_print() -> None:
    d = doc()
    assert d.municipality.code == "1480"  # "Göteborgs Stad", capital S
    assert d.organ == "Idrotts- och föreningsnämnden"
    assert d.document_type is not None and d.document_type.value == "delarsrapport"
    assert d.period is not None and (d.period.kind.value, d.period.number) == ("delar", 2)  # "augusti"
    assert d.year == 2025


def test_goal_words_give_the_tree() -> None:
    d = doc()
    assert [(g.level.value, g.title) for g in d.goals] == [("goal_area", "Göteborg ska vara en jämlik stad")]
    goals = d.goals[0].children
    assert [(g.level.value, g.title, g.assessment.value.value if g.assessment else None) for g in goals] == [
        ("goal", "Fler barn och unga ska delta i föreningslivet", "partially_fulfilled"),
        ("goal", "Stadens idrottsanläggningar ska vara tillgängliga för alla", "fulfilled"),
    ]


def test_tables_with_plain_header_rows_are_read_by_role() -> None:
    """No header row is bold: the activity table is read by its labels, with Färdiggrad as
    progress; the indicator table by its labels; budget and investments by their labels over
    rows of amounts. "Ekonomi" and "Investeringar" stay sections, not goals."""
    d = doc()
    goal = d.goals[0].children[0]
    assert [(a.title, a.status.value.value if a.status else None, a.progress, str(a.end_date)) for a in goal.activities] == [
        ("Utöka lovaktiviteter i nordost", "in_progress", 60, "2025-12-31"),
        ("Ta fram föreningsstrategi", "in_progress_deviation", 20, "2025-10-31"),
    ]
    ind = {i.name: [(v.label, v.value) for v in i.values] for i in goal.indicators}
    assert ind == {
        "Andel barn 7–16 år i föreningsaktivitet (%)": [("Utfall perioden", 61), ("Föregående år", 59), ("Prognos helår", 62)],
        "Antal deltagartillfällen": [("Utfall perioden", 1204300), ("Föregående år", 1180455), ("Prognos helår", 1800000)],
    }
    assert [(b.name, b.is_sum, [v.amount for v in b.values]) for b in d.budget] == [
        ("Intäkter", False, [120.5, 118.0, -2.5]),  # "(2,5)": minus in parentheses
        ("Kostnader", False, [-560.0, -552.3, 7.7]),  # "−560,0": a minus sign
        ("Summa", True, [-439.5, -434.3, 5.2]),
    ]
    assert all(v.unit is not None and v.unit.value == "mnkr" for b in d.budget for v in b.values)
    assert [(i.name, [(a.year, a.amount) for a in i.amounts]) for i in d.investments] == [
        ("Konstgräs Kviberg", [(2025, 12.0), (2026, 3.0), (None, 15.0)]),
        ("Mindre reinvesteringar", [(2025, None), (2026, None), (None, 8.0)]),  # "årligen"
    ]
    assert not any(w.code == "table_skipped" for w in d.warnings)
