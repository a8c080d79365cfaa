"""Tables of accounts that are no budget: a balance sheet, a cash-flow statement, a
balanskravsutredning, a salary survey in kronor."""

from __future__ import annotations

from planparse.layouts.roles import Role, classify
from planparse.reading.model import Cell, Line, Row, Span, Table


def _table(header: list[str], rows: list[list[str]]) -> Table:
    def row(texts: list[str], y: float, is_header: bool = False) -> Row:
        cells = [Cell(lines=[Line(spans=[Span(t, (40.0 + 100 * k, y, 90.0 + 100 * k, y + 10))], page=1)] if t else [],
                      bbox=(40.0 + 100 * k, y, 130.0 + 100 * k, y + 10), col=k) for k, t in enumerate(texts)]
        return Row(cells=cells, page=1, bbox=(40.0, y, 40.0 + 100 * len(texts), y + 10), is_header=is_header)

    return Table(rows=[row(header, 100, True), *(row(r, 112 + 12 * i) for i, r in enumerate(rows))],
                 n_cols=len(header), header=header)


def test_a_balance_sheet_is_no_budget() -> None:
    table = _table(["Mnkr", "2025", "2026"], [["Materiella anläggningstillgångar", "2 100", "2 240"],
                                            ["Omsättningstillgångar", "410", "388"], ["Eget kapital", "1 020", "1 090"],
                                            ["Långfristiga skulder", "900", "950"]])
    assert classify(table) is Role.other


def test_an_account_of_the_years_costs_stays_budget() -> None:
    table = _table(["Mnkr", "Budget 2026", "Utfall 2026"], [["Verksamhetens intäkter", "410", "422"],
                                                          ["Verksamhetens kostnader", "-1 900", "-1 950"]])
    assert classify(table) is Role.budget


def test_a_salary_survey_in_kronor_is_no_budget() -> None:
    table = _table(["Yrkesgrupp", "Antal", "Medellön, kr", "Medianlön, kr"], [["Undersköterskor", "412", "29 850", "29 600"],
                                                                             ["Förskollärare", "186", "36 400", "36 200"]])
    assert classify(table) is not Role.budget
