"""Slides (PowerPoint / Impress exports, landscape pages in large type): a divider slide's goal
word over the area's name, one goal per slide titled in the largest type at the top, a
breadcrumb naming the area again, activities in a text box each led by a coloured circle drawn
to the slide's scale and named through a legend slide, and an indicator table beside them.
Documents are built here as the reading layer hands them over, and the hold-out deck is parsed
whole."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from planparse.api import parse
from planparse.layouts import parse_document
from planparse.layouts.drawn_icons import scaled_icon
from planparse.layouts.front_metadata import vision_under_heading
from planparse.layouts.icons import Markers
from planparse.model import DocumentType
from planparse.reading import merge_baselines
from planparse.reading.model import Document, Drawing, Line, Page, Span

DECK = Path(__file__).parents[2] / "fixtures/holdout-generic8/namndplan/hoganas-son-namndplan-2026.pdf"
GREEN, YELLOW, RED, GREY = 0x00A651, 0xFFC20E, 0xE2231A, 0xA6A6A6


OCR = False  # build the lines as an OCR'd layer hands them over: no font, no weight


def _line(text: str, x0: float, y0: float, size: float, page: int, bold: bool = False) -> Line:
    width = 0.5 * size * len(text)
    if OCR:
        return Line(spans=[Span(text=text, bbox=(x0, y0, x0 + width, y0 + size), size=size)], page=page, method="repaired")
    return Line(spans=[Span(text=text, bbox=(x0, y0, x0 + width, y0 + size), font="Arial", size=size, bold=bold)],
                page=page)


def _circle(x0: float, y0: float, side: float, fill: int) -> Drawing:
    return Drawing(bbox=(x0, y0, x0 + side, y0 + side), kind="shape", fill=fill)


def _page(number: int, lines: list[Line], drawings: list[Drawing]) -> Page:
    background = Drawing(bbox=(0.0, 0.0, 960.0, 540.0), kind="rect", fill=0xFFFFFF)
    return Page(number=number, width=960, height=540, lines=lines, tables=[], drawings=[background, *drawings],
                images=[], text_layer="native")


def _legend(n: int) -> Page:
    entries = [("Genomförd", GREEN), ("Pågår enligt plan", YELLOW), ("Pågår med avvikelse", RED), ("Ej påbörjad", GREY)]
    lines = [_line("Vision och teckenförklaring", 70, 49, 30, n, bold=True),
             _line("Vision: Alla invånare ska kunna leva ett tryggt liv.", 70, 117, 18, n),
             _line("Status för aktiviteterna:", 70, 211, 16, n, bold=True)]
    circles = []
    for k, (label, colour) in enumerate(entries):
        lines.append(_line(label, 109, 257 + 39 * k, 16, n))
        circles.append(_circle(71, 256 + 39 * k, 18.1, colour))
    return _page(n, lines, circles)


def _divider(n: int, area: str) -> Page:
    return _page(n, [_line("Målområde", 70, 189, 20, n), _line(area, 70, 240, 40, n, bold=True)], [])


def _goal(n: int, area: str | None, title: str, activities: list[tuple[str, int]]) -> Page:
    lines = [_line(f"Målområde: {area}", 54, 26, 12, n)] if area else []
    lines += [_line(title, 54, 60, 26, n, bold=True), _line("Aktiviteter", 54, 144, 16, n, bold=True)]
    circles = []
    for k, (text, colour) in enumerate(activities):
        lines.append(_line(text, 86, 181 + 63 * k, 15, n))
        circles.append(_circle(51, 183 + 63 * k, 18.1, colour))
    return _page(n, lines, circles)


def _deck(breadcrumbs: bool) -> Document:
    a, b = ("Trygg uppväxt", "Självständigt liv") if breadcrumbs else (None, None)
    pages = [
        _legend(1), _divider(2, "Trygg uppväxt"),
        _goal(3, a, "Fler familjehem ska rekryteras i kommunen",
              [("Genomföra en kampanj för familjehem", YELLOW), ("Starta nätverksträffar för familjehem", GREY)]),
        _goal(4, a, "Barn ska få rätt insats i rätt tid", [("Införa en modell för tidiga insatser", GREEN)]),
        _divider(5, "Självständigt liv"),
        _goal(6, b, "Personer med missbruk ska erbjudas samordnat stöd", [("Införa samordnad individuell plan", RED)]),
    ]
    return Document(file="deck.pdf", sha256="0" * 64, pages=pages, text_layer="native", ocr_engine=None)


def _tree(doc: Document) -> list[tuple[str, str, int, list[tuple[str, str | None]]]]:
    out = []
    for area in parse_document(doc).goals:
        out.append((area.level.value, area.title, area.provenance.page if area.provenance else 0, []))
        for g in area.children:
            acts = [(x.title, x.status.value.value if x.status else None) for x in g.activities]
            out.append((g.level.value, g.title, g.provenance.page if g.provenance else 0, acts))
    return out


EXPECTED = [
    ("goal_area", "Trygg uppväxt", 2, []),
    ("goal", "Fler familjehem ska rekryteras i kommunen", 3,
     [("Genomföra en kampanj för familjehem", "in_progress"), ("Starta nätverksträffar för familjehem", "not_started")]),
    ("goal", "Barn ska få rätt insats i rätt tid", 4, [("Införa en modell för tidiga insatser", "completed")]),
    ("goal_area", "Självständigt liv", 5, []),
    ("goal", "Personer med missbruk ska erbjudas samordnat stöd", 6,
     [("Införa samordnad individuell plan", "in_progress_deviation")]),
]


def test_divider_slides_make_areas_and_slide_titles_their_goals() -> None:
    """"Målområde" over the area's name in larger type on a slide of its own: the goal area,
    made when the next slide's smaller title comes; each slide's title its goal under it."""
    assert _tree(_deck(breadcrumbs=False)) == EXPECTED


def test_breadcrumb_naming_the_area_again_is_that_area() -> None:
    """"Målområde: Trygg uppväxt" in small type over each goal slide's title (before it in
    reading order) returns to the area the divider made, on the divider's page."""
    assert _tree(_deck(breadcrumbs=True)) == EXPECTED


def test_deck_as_an_ocr_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same slides without fonts or bold (sizes told from the words' boxes)."""
    monkeypatch.setattr(sys.modules[__name__], "OCR", True)
    assert _line("x y", 0, 0, 10, 1).method == "repaired"
    assert _tree(_deck(breadcrumbs=False)) == EXPECTED
    assert _tree(_deck(breadcrumbs=True)) == EXPECTED


def test_circles_drawn_to_a_slides_scale_are_icons_named_by_the_legend() -> None:
    doc = _deck(breadcrumbs=True)
    markers = Markers.of(doc, DocumentType.namndplan)
    assert len(markers.by_page[3]) == 2 and {m.color for m in markers.by_page[1]} == {"green", "yellow", "red", "grey"}
    assert all(markers.is_legend(m) for m in markers.by_page[1])


def test_scaled_icon_only_in_large_type() -> None:
    """A disc over 20 pt (an icon's largest at any type size, stop 51: a 17 pt status disc beside
    11 pt headings) is an icon only on a page set in large type, no larger than 1.3 lines."""
    circle = _circle(51, 183, 22.0, GREEN)
    assert scaled_icon(circle, 18.0)  # a slide's text: a circle as high as its line
    assert not scaled_icon(circle, 10.0)  # a report's 10 pt text: a shape this size is a figure's
    assert not scaled_icon(_circle(51, 183, 36, GREEN), 18.0)  # twice the line: no icon
    square = Drawing(bbox=(51, 183, 69, 201), kind="rect", fill=GREEN)
    assert not scaled_icon(square, 15.0)  # a rectangle: a cell or a swatch


def test_text_beside_a_table_stays_out_of_its_first_row() -> None:
    """A text box's line level with a shaded table's header row beside it, 70 pt apart, is
    not joined to the header's first cell; the header's cells still join as before, and the
    slide's background (holding both) changes nothing."""
    left = _line("Utveckla samarbetet med enheten kring", 192, 181, 13, 1)  # ends 70 pt before the cell's text
    cell = _line("Andel utredningar avslutade inom tid, %", 503, 180, 12, 1)
    nxt = _line("78", 760, 180, 12, 1)
    cells = [(0.0, 0.0, 960.0, 540.0), (496.0, 177.0, 755.0, 208.0), (755.0, 177.0, 834.0, 208.0)]
    assert [ln.text for ln in merge_baselines([left, cell], cells=cells)] == [left.text, cell.text]
    assert [ln.text for ln in merge_baselines([left, cell])] == [f"{left.text} {cell.text}"]  # without the cells
    assert [ln.text for ln in merge_baselines([cell, nxt], cells=cells)] == [f"{cell.text} 78"]
    # (set a fifth larger than the cell's text, as far from it, the line stays apart without the cells too)
    larger = _line("Utveckla samarbetet med enheten kring", 156, 181, 15, 1)
    assert [ln.text for ln in merge_baselines([larger, cell])] == [larger.text, cell.text]


def test_vision_run_in_after_its_label() -> None:
    lines = [_line("Vision och teckenförklaring", 70, 49, 30, 1, bold=True),
             _line("Vision: Alla invånare ska kunna leva ett tryggt och", 70, 117, 18, 1),
             _line("självständigt liv.", 70, 136, 18, 1),
             _line("Status för aktiviteterna:", 70, 211, 16, 1, bold=True)]
    assert vision_under_heading([lines]) == "Alla invånare ska kunna leva ett tryggt och självständigt liv."
    assert vision_under_heading([[_line("Vision: se nedan", 70, 117, 18, 1)]]) is None


def test_hoganas_deck_whole() -> None:
    doc = parse(DECK)
    assert [(a.title, a.provenance.page if a.provenance else 0) for a in doc.goals] == [
        ("Trygg uppväxt", 3), ("Självständigt liv", 6), ("Delaktighet och bemötande", 9)]
    goals = [g for a in doc.goals for g in a.children]
    assert [g.level.value for g in goals] == ["goal"] * 5
    assert [len(g.activities) for g in goals] == [2, 2, 2, 1, 2]
    statuses = [x.status.value.value if x.status else None for g in goals for x in g.activities]
    assert statuses == ["completed", "in_progress_deviation", "in_progress", "not_started", "in_progress", "completed",
                        "in_progress", "not_started", "in_progress_deviation"]
    assert goals[2].activities[0].title == "Utveckla samarbetet med arbetsmarknadsenheten kring praktikplatser"
    assert goals[2].assessment is None
    assert [len(g.indicators) for g in goals] == [2, 0, 2, 0, 1]
    assert doc.vision == "Alla invånare ska kunna leva ett tryggt och självständigt liv med stöd när det behövs."
