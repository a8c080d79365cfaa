"""Slides read as their text boxes: a box side by side with another heads its column, and an
OCR'd line running across two boxes is two lines (holdout-generic11's Impress deck and its scan)."""

from __future__ import annotations

from pathlib import Path

from planparse.reading import _card_columns, _split_at_cards, merge_baselines, read_pdf
from planparse.reading.model import Line, Span

DECK = Path(__file__).parents[2] / "fixtures/holdout-generic11/namndplan/boras-kfn-namndplan-2026.pdf"


def _line(words: list[tuple[str, float]], y0: float, size: float = 14.0, method: str = "native") -> Line:
    spans = [Span(text=t, bbox=(x0, y0, x0 + 0.5 * size * len(t), y0 + size), size=size) for t, x0 in words]
    return Line(spans=spans, page=1, method=method)  # type: ignore[arg-type]


CARDS = [(28.0, 79.0, 383.0, 128.0), (411.0, 79.0, 765.0, 128.0)]


def test_a_card_heads_its_column_down_to_a_line_across_it() -> None:
    under = [_line([("Avgiftsfri prova-på-termin", 54)], 147), _line([("Meröppet bibliotek", 437)], 147),
             _line([("Kulturskolan på fritids", 54)], 170), _line([("Uppsökande läsfrämjande", 437)], 170)]
    titles = [_line([("Fler barn och unga", 30)], 81, 16), _line([("Biblioteken", 413)], 81, 16)]
    across = _line([("En mening som går över båda spalterna och lite till ännu längre fram", 28)], 300)
    columns = _card_columns([*titles, *under, across], CARDS)
    assert [c[3] for c in columns] == [299.0, 299.0]  # stopped by the line across both
    order = merge_baselines([*titles, *under, across], None, CARDS)
    assert [ln.text for ln in order] == ["Fler barn och unga", "Avgiftsfri prova-på-termin", "Kulturskolan på fritids",
                                         "Biblioteken", "Meröppet bibliotek", "Uppsökande läsfrämjande", across.text]


def test_a_heading_under_one_card_alone_stays_where_it_stands() -> None:
    """Under a row of cards a heading at the margin, then a paragraph across the page: the
    left card's column is no column (the right card has nothing under it)."""
    titles = [_line([("Mål", 30)], 81), _line([("Aktiviteter", 413)], 81), _line([("Fritidshemmet", 413)], 100)]
    heading = _line([("Uppföljning", 30)], 183, 15)
    across = _line([("Resultaten följs upp i december och juni och elevernas synpunkter samlas in", 30)], 208)
    assert _card_columns([*titles, heading, across], CARDS) == CARDS
    order = merge_baselines([*titles, heading, across], None, CARDS)
    assert [ln.text for ln in order] == ["Mål", "Aktiviteter", "Fritidshemmet", "Uppföljning", across.text]


def test_lines_under_both_cards_not_level_stay_in_place() -> None:
    """A heading under the left card, a table's header further down under both: no columns."""
    titles = [_line([("Medarbetarna", 86)], 81), _line([("Verksamheten", 338)], 81)]
    heading = _line([("Ekonomiskt utfall", 51)], 140, 17)
    header = [_line([("Verksamhet, mnkr", 54)], 165, 11), _line([("Budget 2026 Utfall 2026", 450)], 165, 11)]
    assert _card_columns([*titles, heading, *header], CARDS) == CARDS


def test_an_ocr_line_across_two_cards_is_cut_at_the_left_cards_edge() -> None:
    line = _line([("Fler", 30), ("flickor", 70), ("Idrottsanläggningarna", 412), ("används", 590)], 81, 16, "ocr")
    out = _split_at_cards([line], CARDS)
    assert [ln.text for ln in out] == ["Fler flickor", "Idrottsanläggningarna används"]
    assert _split_at_cards([line], []) == [line]


def test_the_deck_reads_box_by_box() -> None:
    page = read_pdf(DECK).pages[2]
    assert [ln.text for ln in page.lines] == [
        "Målområde 1: Kultur för alla",
        "Fler barn och unga deltar i kulturskolans", "verksamhet",  # (no longer joined to the box beside it)
        "Avgiftsfri prova-på-termin i årskurs 3", "Kulturskolan på fritids i fyra skolor", "Ny kö- och antagningsrutin",
        "Biblioteken når fler invånare i hela kommunen",
        "Meröppet bibliotek i två kommundelar", "Uppsökande läsfrämjande på förskolor", "Digital anmälan till evenemang",
    ]
    frames = [d.bbox for d in page.drawings if d.kind == "rect" and d.fill is not None and d.bbox[2] - d.bbox[0] < 400]
    assert frames == [(28.35, 79.37, 382.68, 127.56), (411.02, 79.37, 765.35, 127.56)]  # (their frames drawn in pieces)
