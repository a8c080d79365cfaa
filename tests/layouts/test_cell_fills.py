"""Assessments shown only by a cell's fill, the cell merged down over its goal's rows."""

from __future__ import annotations

from planparse.layouts.cell_fills import cell_fills
from planparse.reading.model import Cell, Drawing, Line, Page, Row, Span, Table

GREEN, YELLOW = 0x00B050, 0xFFC000


def _row(top: float, bottom: float, goal: str, indicator: str) -> Row:
    def cell(col: int, x0: float, x1: float, text: str) -> Cell:
        lines = [Line(spans=[Span(text, (x0 + 2, top + 2, x1 - 2, top + 11))], page=1)] if text else []
        return Cell(lines=lines, bbox=(x0, top, x1, bottom), col=col)
    return Row(cells=[cell(0, 50, 200, goal), cell(1, 200, 400, indicator), cell(2, 400, 480, "")],
               page=1, bbox=(50, top, 480, bottom))


def _page(fills: list[Drawing]) -> Page:
    head = Row(cells=[Cell(lines=[], bbox=(50, 80, 480, 100), col=0, colspan=3)], page=1, bbox=(50, 80, 480, 100),
               is_header=True)
    rows = [head, _row(100, 120, "Alla elever ska nå målen", "Andel godkända"), _row(120, 140, "", "Meritvärde"),
            _row(140, 160, "", "Andel behöriga"), _row(160, 180, "Trygga elever", "Andel trygga")]
    return Page(1, 595, 842, [], [Table(rows=rows, n_cols=3)], fills, [], "native")


def test_a_fill_merged_down_over_three_rows_is_the_first_rows_value() -> None:
    page = _page([Drawing((400, 100, 480, 160), "rect", fill=YELLOW), Drawing((400, 160, 480, 180), "rect", fill=GREEN)])
    found = cell_fills(page)
    assert [(m.color, m.bbox[1]) for m in found] == [("yellow", 100), ("green", 160)]


def test_a_fill_ending_between_rows_or_over_text_is_no_value() -> None:
    assert cell_fills(_page([Drawing((400, 100, 480, 150), "rect", fill=YELLOW)])) == []
    assert cell_fills(_page([Drawing((200, 100, 400, 160), "rect", fill=YELLOW)])) == []  # over the indicators' text
