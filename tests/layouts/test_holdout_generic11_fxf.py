"""The generic parser on two documents of the eleventh blind hold-out set
(fixtures/holdout-generic11/): a reportlab page set one glyph at a time, and Chromium's grid of
cards with SVG status icons. Values read off each document's gold; one general cause each."""

from __future__ import annotations

from typing import Any

from planparse.reading import read_pdf
from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic11")
parsed, gold = DOCS.parsed, DOCS.gold

SUNDSVALL = "arsbokslut/sundsvall-mn-arsbokslut-2026"
GAVLE = "verksamhetsberattelse/gavle-sn-verksamhetsberattelse-2026"


def _indicators(doc: dict[str, Any]) -> list[tuple[str, str, list[tuple[str, Any]]]]:
    return [(g["title"], i["name"], [(v["label"], v["value"]) for v in i["values"]])
            for g in all_goals(doc) for i in g["indicators"]]


def _assessments(doc: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(g["title"], (g["assessment"] or {}).get("value")) for g in all_goals(doc)]


def test_small_header_labels_a_cells_padding_apart_are_two_columns() -> None:
    """Per-glyph reportlab at 8.5 pt: "Utfall 2026" ends 8 points before "Bedömning" starts, two
    cells' paddings, near an em, while a word space is a third of one. The header's four labels
    are four columns: each indicator's outcome and each goal's assessment in its own cell."""
    table = read_pdf(DOCS.root / f"{SUNDSVALL}.pdf").pages[0].tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Mål", "Indikator", "Utfall 2026", "Bedömning"]
    assert _indicators(parsed(SUNDSVALL)) == _indicators(gold(SUNDSVALL))
    assert _assessments(parsed(SUNDSVALL)) == _assessments(gold(SUNDSVALL))


def test_tables_in_cards_side_by_side() -> None:
    """Chromium's grid of cards: two cards' tables side by side interleave their rules down the
    page, a wrapped "Mål 2026" header label centres the others on the rule under the header, and
    a card's edge ends its table (the card below has its own). The budget table's header
    ("Verksamhet, mnkr | Budget 2026 | Utfall 2026 | Avvikelse") has no rule above it."""
    page = read_pdf(DOCS.root / f"{GAVLE}.pdf").pages[0]
    heads = [[c.text for c in t.rows[0].cells] for t in page.tables]
    assert heads == [["Indikator", "2025", "2026", "Mål 2026"]] * 5 + [
        ["Verksamhet, mnkr", "Budget 2026", "Utfall 2026", "Avvikelse"]]
    assert [len(t.rows) for t in page.tables] == [3, 2, 2, 2, 3, 6]


def test_each_cards_table_and_icon_belong_to_its_own_goal() -> None:
    """Cards are read card by card; each card's table follows the last line above it in its own
    column, and the icon right of a left card's title, in the card beside it, is that card's."""
    doc = parsed(GAVLE)
    assert _indicators(doc) == _indicators(gold(GAVLE))
    assert _assessments(doc) == _assessments(gold(GAVLE))
    assert [b["name"] for b in doc["budget"]] == [b["name"] for b in gold(GAVLE)["budget"]]


def test_header_gap_shrinks_with_a_real_fonts_size_only() -> None:
    """0.65 em for a real text layer's small type, never over 8 points; an OCR layer's sizes are
    guesses: 8 points."""
    from planparse.reading.model import Span
    from planparse.reading.tables import _header_gap

    head = [Span("Utfall", (419.2, 259.5, 445.4, 268.0), size=8.5), Span("Bedömning", (480.0, 259.5, 534.1, 268.0), size=8.5)]
    assert abs(_header_gap(head, fonts=True) - 0.65 * 8.5) < 1e-9
    assert _header_gap(head, fonts=False) == 8.0
    assert _header_gap([Span("Mål", (0, 0, 20, 14), size=14.0)], fonts=True) == 8.0


def test_icon_in_the_card_beside_is_not_the_lines() -> None:
    """A rounded, outlined card holding the title line but not the icon: the icon is another
    card's; without cards (or a plain rect) the icon right of the line stays the line's."""
    from planparse.layouts.drawn_icons import in_other_card
    from planparse.reading.model import Drawing

    left = Drawing((51.4, 458.6, 292.1, 574.1), "shape", fill=0xF8FAFC, stroke=0xC8D3DA)
    right = Drawing((302.6, 458.6, 543.4, 574.1), "shape", fill=0xF8FAFC, stroke=0xC8D3DA)
    title, icon = (86.0, 466.0, 235.0, 479.0), (313.4, 467.2, 328.6, 482.3)
    assert in_other_card(icon, title, [left, right])
    assert not in_other_card(icon, title, [])
    assert not in_other_card(icon, title, [Drawing(left.bbox, "rect", fill=0xF8FAFC, stroke=0xC8D3DA)])


def test_a_cells_padding_at_the_tables_left_edge_is_no_column() -> None:
    """The smaller gap parts labels, not the table's left edge from its first label: a header
    "Indikator" 6 points in from the edge (Karlstad's T1 follow-up) has no empty column before it."""
    from planparse.reading.model import Span
    from planparse.reading.tables import _infer_columns

    head = [Span("Indikator", (68.4, 364.8, 101.0, 372.8), size=8.5),
            Span("Utfall T1 2026", (380.2, 364.8, 433.1, 372.8), size=8.5),
            Span("Mål 2026", (459.5, 364.8, 494.5, 372.8), size=8.5)]
    assert len(_infer_columns(head, 62.36, 532.91, 0.65 * 8.5)) == 4
