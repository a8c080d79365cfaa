"""holdout-generic12's WeasyPrint årsbokslut, reading layer: the matplotlib charts' words
(tick labels, years, legend, title) are a picture's, left out of the page's lines and tables;
an assessment pill's word is a line of its own, apart from the goal title on its baseline."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import read_pdf
from planparse.reading.charts import chart_areas, space_between
from planparse.reading.model import Document, Drawing, Line, Span
from planparse.reading.pills import on_pill

CHARTS = Path(__file__).parents[2] / "fixtures/holdout-generic12/arsbokslut/karlskrona-kfn-arsbokslut-2025.pdf"


@pytest.fixture(scope="module")
def charts() -> Document:
    return read_pdf(CHARTS)


def test_a_charts_words_are_no_lines_and_its_rules_no_table(charts: Document) -> None:
    """The bar chart between the målområde heading and the first goal: no "250", "2023",
    "Utfall" or chart title among the lines, no table made of its axes and legend; the page
    keeps the chart's area."""
    first = charts.pages[0]
    texts = [ln.text for ln in first.lines]
    for word in ("250", "2023", "Utfall", "Mål 2025", "Besök på biblioteken, tusental"):
        assert word not in texts
    assert [t.header[0] for t in first.tables] == ["Indikator", "Indikator"]
    assert len(first.charts) == 1 and not first.two_columns
    assert "Energianvändning i ishallarna, MWh" not in [ln.text for ln in charts.pages[1].lines]


def test_a_pills_word_is_apart_from_the_title_beside_it(charts: Document) -> None:
    texts = [ln.text for ln in charts.pages[0].lines]
    assert "Fler invånare ska ta del av kulturlivet" in texts and "Uppfyllt" in texts
    pill = next(ln for ln in charts.pages[0].lines if ln.text == "Delvis uppfyllt")
    assert on_pill(pill, charts.pages[0].drawings)


def _rule(kind: str, box: tuple[float, float, float, float]) -> Drawing:
    return Drawing(bbox=box, kind=kind, stroke=0)  # type: ignore[arg-type]


def test_axes_need_ticks() -> None:
    """Two rules meeting at a corner are a chart's axes with tick marks out of them, a table's
    corner without."""
    axes = [_rule("vline", (90, 300, 90, 420)), _rule("hline", (90, 420, 380, 420))]
    ticks = [_rule("hline", (86.5, y, 90, y)) for y in (330, 360, 390)]
    assert chart_areas(axes) == []
    assert chart_areas(axes + ticks) == [(60, 270, 381.5, 450)]


def test_space_between_leaves_out_charts() -> None:
    assert space_between(100, 400, [(50, 150, 300, 350)]) == 100
    assert space_between(100, 400, []) == 300


def test_a_dark_word_on_a_fill_is_no_pill() -> None:
    box = Drawing(bbox=(10, 10, 60, 24), kind="rect", fill=0x1E7B34)
    white = Line([Span("Uppfyllt", (14, 12, 50, 22), size=8.5, color=0xFFFFFF)], page=1)
    black = Line([Span("Uppfyllt", (14, 12, 50, 22), size=8.5, color=0x000000)], page=1)
    assert on_pill(white, [box]) and not on_pill(black, [box])
