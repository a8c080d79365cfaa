"""holdout-generic12's groff tbl budget distilled by ps2pdf (figures set right under labels
set left) and its A5 work plan printed two pages to an A4 landscape sheet, reading layer."""

from __future__ import annotations

from pathlib import Path

from planparse.reading import read_pdf
from planparse.reading.columns import two_pages
from planparse.reading.model import Line, Span
from planparse.reading.tables import _body_columns

SET12 = Path(__file__).parents[2] / "fixtures/holdout-generic12"
BUDGET = SET12 / "budget/uddevalla-sbn-investeringsbudget-2027-2029.pdf"
BOOKLET = SET12 / "arbetsplan/alingsas-forskolan-blaklockan-arbetsplan-2026-2027.pdf"


def test_figures_set_right_under_labels_set_left_keep_their_columns() -> None:
    """tbl sets "2027" left and "12 000" right in its column: the middle of the gap between
    the labels falls inside the figures, so each row's figures stay in their own columns only
    where the body's own gaps part the columns."""
    table = read_pdf(BUDGET).pages[0].tables[0]
    assert table.header == ["Projekt, tkr", "2027", "2028", "2029", "Total utgift"]
    grid = {r[0]: r[1:] for r in table.grid()}
    assert grid["Beläggningsprogram"] == ["12 000", "12 000", "12 000", "årligen"]
    assert grid["Gång- och cykelväg Herrestad–centrum"] == ["6 500", "8 000", "0", "14 500"]
    assert grid["Exploatering Kuröd etapp 2"] == ["9 000", "(4 500)", "0", "4 500"]
    assert grid["Parker och natur"] == ["", "", "", ""]
    assert grid["Summa fastigheter"] == ["23 000", "29 000", "8 000", ""]


def _span(text: str, x0: float, x1: float, y: float = 0.0) -> Span:
    return Span(text, (x0, y, x1, y + 10), size=10.0)


def test_body_columns_only_where_the_header_cuts_the_figures() -> None:
    head = [_span("Projekt", 72, 110), _span("2027", 274, 294), _span("2028", 316, 336)]
    cols = [72.0, 200.0, 305.0, 360.0]  # the middle of the gap between "2027" and "2028" cuts "12 000"
    body = [_span("Beläggningsprogram", 77, 169, 20), _span("12 000", 289, 316, 20), _span("8 000", 332, 360, 20)]
    got = _body_columns(cols, head, body)
    assert got[0] == 72.0 and got[-1] == 360.0 and len(got) == 4
    assert 169 < got[1] < 289 and 316 < got[2] < 332
    # a comment run across the body's gaps: the header's columns stay
    comment = [*body, _span("Projektet flyttas till 2028 enligt beslut i nämnden", 77, 358, 40)]
    assert _body_columns(cols, head, comment) == cols
    # no body word cut: nothing to move
    assert _body_columns([72.0, 200.0, 326.0, 360.0], head, body[:1]) == [72.0, 200.0, 326.0, 360.0]


def test_two_pages_on_a_landscape_sheet_are_read_one_after_the_other() -> None:
    """The left A5 page's lines, then the right page's, not interleaved by height."""
    page = read_pdf(BOOKLET).pages[0]
    assert page.two_columns
    texts = [ln.text for ln in page.lines]
    last_left = next(i for i, t in enumerate(texts) if t.startswith("förra årets utvärdering"))
    assert texts[last_left + 1] == "Normer och värden"
    assert all(ln.bbox[2] <= page.width / 2 for ln in page.lines[: last_left + 1])


def _line(x0: float, x1: float, y: float) -> Line:
    return Line([_span("ord " * 8, x0, x1, y)], page=1)


def test_two_pages_needs_each_half_a_page_with_its_own_margin() -> None:
    width, height = 842.0, 595.0
    left = [_line(43, 370, 40 + 15 * k) for k in range(6)]
    right = [_line(464, 790, 40 + 15 * k) for k in range(20)]
    assert two_pages(left + right, width, height) == (370, 464)
    # the right half's text set from the sheet's middle, not from a margin of its own
    assert two_pages(left + [_line(430, 790, 40 + 15 * k) for k in range(20)], width, height) is None
    # a portrait page: no sheet of two pages
    assert two_pages(left + right, height, width * 1.5) is None
    # a line across the middle (a title over both halves)
    assert two_pages([*left, *right, _line(200, 600, 20)], width, height) is None
    # a narrow half: a label column beside the body, no page
    assert two_pages([_line(43, 120, 40 + 15 * k) for k in range(6)] + right, width, height) is None
