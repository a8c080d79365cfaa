"""holdout-generic7's colour scan of a delårsrapport (170 dpi JPEG, skewed up to a degree), reading
layer: its goal and indicator tables' rules and columns, the header band at a page's foot, the
grey "not assessed" smiley of its legend and goal table, and a "%" that Tesseract misread."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import read_pdf
from planparse.reading.model import Document
from planparse.text.repair import ocr_percent_words

SCAN = Path(__file__).parents[2] / "fixtures/holdout-generic7/delarsrapport/tidaholm-von-delarsrapport-2-2026-scan.pdf"


@pytest.fixture(scope="module")
def scan() -> Document:
    return read_pdf(SCAN)


def _rows(doc: Document, page: int) -> list[list[str]]:
    return [[c.text for c in r.cells] for t in doc.pages[page - 1].tables for r in t.rows]


def test_skewed_scan_keeps_its_goal_and_indicator_tables(scan: Document) -> None:
    """Page 1 is skewed about 0.8°: the top rules of its goal table and indicator table are
    found (read with the two pixel rows under them), the smiley's outline and the header band
    found only in part cut no column, so both tables have their own header row and columns."""
    tables = scan.pages[0].tables
    headers = [[c.text for c in t.rows[0].cells] for t in tables]
    assert ["Nämndmål", "Bedömning", "Analys"] in headers or ["Nämndmål", "Bedömnin", "Analys"] in headers
    assert ["Indikator", "Utfall perioden", "Föregående år", "Prognos helår"] in headers
    goal = next(t for t in tables if t.rows[0].cells[0].text == "Nämndmål")
    assert goal.n_cols == 3
    assert goal.rows[1].cells[0].text == "Den enskilde ska känna sig trygg med sitt stöd och sin omsorg"
    ind = next(t for t in tables if t.rows[0].cells[0].text == "Indikator")
    assert [c.text for c in ind.rows[2].cells][1:] == ["94", "92", "93"]


def test_header_band_at_page_foot_joins_the_rows_on_the_next_page(scan: Document) -> None:
    """Page 2 ends with a goal table's header band whose short side rules the scan lost (two
    rules, "| Bedömning" read from a lost rule): it is a table, and page 3's row goes on under it."""
    last = scan.pages[1].tables[-1]
    assert [c.text for c in last.rows[0].cells] == ["Nämndmål", "Bedömning", "Analys"]
    assert last.rows[1].cells[0].text == "Alla nya medarbetare ska få en strukturerad introduktion"
    assert not any("Alla nya medarbetare" in t for r in _rows(scan, 3) for t in r)


def test_grey_smiley_on_a_colour_scan_is_a_grey_icon(scan: Document) -> None:
    """The legend's grey smiley under the three coloured ones is found on the colour page, and
    the grey one alone on page 3 (no colour there) is grey too, not a toneless tone."""
    legend = [d for d in scan.pages[0].drawings if d.is_icon and d.bbox[0] < 100]
    assert len(legend) == 4
    greys = [d for p in scan.pages for d in p.drawings if d.is_icon and d.fill is not None
             and len({(d.fill >> s) & 255 for s in (0, 8, 16)}) == 1]
    assert len(greys) == 2 and not any(d.toneless for d in greys)


def test_percent_misread_after_a_labels_comma() -> None:
    """ "%" read as "Yo" ending a label after its comma, or as "960" before "av": mended; a
    count after a comma stays."""
    def fix(text: str) -> str:
        words = text.split(" ")
        return "".join(ocr_percent_words([words[0], *(" " + w for w in words[1:])]))

    assert fix("Andel heltidsanställda medarbetare, Yo") == "Andel heltidsanställda medarbetare, %"
    assert fix("Sjukfrånvaro, 960 av") == "Sjukfrånvaro, % av"
    assert fix("Sjukfrånvaro, 96 av ordinarie arbetstid") == "Sjukfrånvaro, % av ordinarie arbetstid"
    assert fix("Antal elever, 26 av 30") == "Antal elever, 26 av 30"
    assert fix("Antal platser, 96") == "Antal platser, 96"
    assert fix("Yo mamma, Yo dude") == "Yo mamma, Yo dude"


def test_percent_misread_in_a_scanned_table_cell(scan: Document) -> None:
    """The mended words of a scanned table's cell are kept (not only the dropped ones)."""
    names = [r[0] for r in _rows(scan, 2)]
    assert "Sjukfrånvaro, % av ordinarie arbetstid" in names
    assert "Andel heltidsanställda medarbetare, %" in names
