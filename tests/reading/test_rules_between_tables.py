"""Tables ruled only horizontally (holdout-families4, fpdf2 and its scan): the rule under a
running header is no table's top rule, a heading between two tables parts them, a header row
whose lower line alone is no header ("tkr" under "Investeringsprojekt,"), a last row without a
rule under it, and a table drawn cell by cell whose rule pieces meet at its column edges."""

from __future__ import annotations

from planparse.reading import noise, read_pdf
from planparse.reading.model import Drawing
from tests.layouts.holdout import FIXTURES

SET = FIXTURES / "holdout-families4"


def _tables(rel: str, page: int) -> list[list[list[str]]]:
    doc = read_pdf(SET / f"{rel}.pdf")
    return [[[c.text for c in r.cells] for r in t.rows] for t in doc.pages[page - 1].tables]


def test_a_heading_between_two_tables_parts_them_and_each_keeps_its_header() -> None:
    budget, investments = _tables("kramfors_vp/boden-verksamhetsplan-2026", 5)
    assert budget[0] == ["Verksamhet", "Budget 2025", "Budget 2026"]
    assert budget[-1] == ["Exploateringsverksamhet", "(1,3)", "(1,4)"]
    assert investments[0] == ["Investeringsprojekt, tkr", "Beskrivning", "2026", "2027", "2028", "Ansvarig"]
    assert investments[2] == ["Nätverksutrustning", "", "1 100", "1 100", "1 100", "IT-chef"]
    assert investments[-1] == ["", "Summa:", "4 300", "7 600", "5 100", ""]


def test_a_control_plans_header_opens_its_table_and_its_last_row_without_a_rule_stays() -> None:
    controls, risks = _tables("kramfors_vp/boden-verksamhetsplan-2026", 6)
    assert controls[0] == ["Rutin/process", "Risk", "Riskvärde", "Kontrollmetod", "Ansvarig"]
    assert [r[0] for r in controls[1:]] == ["Attest av fakturor", "Diarieföring", "Behörigheter i IT-system"]
    assert risks[0] == ["Område", "Konsekvens", "Sannolikhet", "Totalpoäng"] and len(risks) == 4


def test_the_last_row_of_a_table_drawn_cell_by_cell_stays_in_it() -> None:
    (table,) = _tables("robertsfors_vp/sater-verksamhetsplan-2026", 4)[:1]
    assert table[-1] == ["Antal planlagda tomter", "6", "Intern statistik", "Antal", ""]


def test_a_scans_running_header_rule_is_no_tables_top_rule() -> None:
    tables = _tables("robertsfors_vp/fagersta-verksamhetsplan-2027-scan", 4)
    assert len(tables) == 1 and len(tables[0]) == 3  # header, two rows: not the page's text above it
    assert tables[0][-1][0] == "Antal planlagda tomter"


def test_running_rules_repeat_in_the_margin_and_stand_apart_from_other_rules() -> None:
    def rule(y: float) -> Drawing:
        return Drawing((60.0, y, 535.0, y + 0.5), "hline")

    header = [[rule(43.0)], [rule(43.2)], [rule(42.9), rule(62.0)]]  # the third page's table starts under it
    found = noise.running_rules(header, [842.0] * 3)
    assert found == {id(header[0][0]), id(header[1][0])}
    assert noise.running_rules([[rule(43.0)], [rule(300.0)]], [842.0] * 2) == set()  # not repeated
    assert noise.running_rules([[rule(400.0)], [rule(400.0)]], [842.0] * 2) == set()  # not in a margin
