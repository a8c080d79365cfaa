"""Badge tiles (a global goal's "7" over "HÅLLBAR ENERGI FÖR ALLA", white on its colour beside a
goal heading) are a picture's words: :func:`planparse.reading.charts.tile_areas`, on made-up
shapes and on holdout-generic74's Ludvika follow-up."""

from __future__ import annotations

from pathlib import Path

from planparse.reading import read_pdf
from planparse.reading.charts import tile_areas, trim_tiles
from planparse.reading.model import Drawing, Line, Span

LUDVIKA = Path(__file__).parents[2] / "fixtures/holdout-generic74/verksamhetsberattelse/ludvika-uppfoljning-hallbarhetsprogram-2026.pdf"
WHITE, BLACK, YELLOW = 0xFFFFFF, 0x000000, 0xFCC30B


def _line(text: str, box: tuple[float, float, float, float], color: int = WHITE) -> Line:
    return Line(spans=[Span(text, box, size=box[3] - box[1], color=color)], page=1)


def _tile(fill: int | None = YELLOW, side: float = 38.0) -> Drawing:
    return Drawing(bbox=(450.0, 65.0, 450.0 + side, 65.0 + side), kind="rect", fill=fill)


def test_a_coloured_square_with_white_words_is_a_tile() -> None:
    lines = [_line("7", (453, 71, 462, 84)), _line("HÅLLBAR", (453, 85, 474, 89)), _line("ENERGI FÖR", (453, 90, 480, 94))]
    assert tile_areas(lines, [_tile()]) == [_tile().bbox]


def test_a_number_alone_dark_words_a_large_box_or_a_header_cell_is_no_tile() -> None:
    number = [_line("2", (453, 71, 462, 84))]  # a heading's number white on its square: the heading's
    assert tile_areas(number, [_tile()]) == []
    dark = [_line("7", (453, 71, 462, 84), BLACK), _line("HÅLLBAR", (453, 85, 474, 89), BLACK)]
    assert tile_areas(dark, [_tile()]) == []
    words = [_line("7", (453, 71, 462, 84)), _line("HÅLLBAR", (453, 85, 474, 89))]
    assert tile_areas(words, [_tile(side=150.0)]) == []  # a card, whose words are content
    assert tile_areas(words, [_tile(fill=WHITE)]) == []
    header = [_line("Antal", (453, 71, 474, 80)), _line("2025", (453, 82, 470, 91))]  # a header cell's label
    assert tile_areas(header, [_tile()]) == []


def test_a_tiles_span_on_a_headings_baseline_leaves_the_heading() -> None:
    heading = Line(spans=[Span("Delmål 1.2. Energianvändningen ska minska", (57, 72, 420, 84), color=BLACK),
                          Span("7", (453, 71, 462, 84), color=WHITE)], page=1)
    trim_tiles([heading], [_tile().bbox])
    assert heading.text == "Delmål 1.2. Energianvändningen ska minska"


def test_the_tiles_beside_ludvikas_goals_are_left_out() -> None:
    page = read_pdf(LUDVIKA).pages[1]
    texts = [ln.text for ln in page.lines]
    assert "Delmål 1.2. Energianvändningen i kommunens lokaler ska minska" in texts
    assert not any("HÅLLBAR" in t or "MATFÖRÄNDRI" in t for t in texts)
    # the indicator table ruled on under the activity table is a table of its own
    assert [t.header for t in page.tables][:2] == [["Åtgärd", "Ansvar", "Tidplan", "Status"],
                                                  ["Indikator", "Utfall 2025", "Utfall 2026", "Mål 2026"]]
