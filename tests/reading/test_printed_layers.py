"""Pages that are a picture of themselves under an invisible text layer in real fonts (a "Print
to PDF" of page images; holdout-generic10's Östersund tertialrapport): the layer's text is kept
as printed, and the table rules, shaded bands and status circles only the image holds become
the page's drawings."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import read_pdf
from planparse.reading.model import Document

PRINTED = Path(__file__).parents[2] / "fixtures/holdout-generic10/tertialrapport/ostersund-ks-tertialrapport-2-2026.pdf"


@pytest.fixture(scope="module")
def printed() -> Document:
    return read_pdf(PRINTED)


def test_invisible_layer_of_good_swedish_stays_native(printed: Document) -> None:
    """No re-OCR, no repair: the words are the layer's, with their fonts."""
    assert printed.text_layer == "native" and printed.ocr_engine is None
    lines = [ln for p in printed.pages for ln in p.lines]
    assert all(ln.method == "native" and ln.raw_text is None for ln in lines)
    assert "Ett hållbart Östersund" in [ln.text for ln in lines]
    assert any(ln.bold and ln.text == "Teckenförklaring" for ln in lines)


def test_tables_and_status_circles_from_the_page_image(printed: Document) -> None:
    """The activity tables are found by the image's rules and shaded bands (their goal rows
    bold in the title cell), the coloured circles are icons (legend and status column), and
    the page picture is no photograph among the page's images."""
    page = printed.pages[0]
    assert [t.header for t in page.tables] == [["Nämndmål / Aktivitet", "Status", "Färdiggrad", "Kommentar"]] * 2
    first = page.tables[0].body
    assert first[0].texts[0] == "Kommunens klimatpåverkan från egna transporter ska minska"
    assert first[1].texts == ["Byta ut kommunens personbilar mot elbilar vid leasingavtalets slut", "", "100 %",
                              "Samtliga 42 bilar är utbytta."]
    icons = [d for d in page.drawings if d.is_icon]
    assert len([d for d in icons if d.bbox[0] < 100]) == 4  # the legend's
    assert len([d for d in icons if 300 < d.bbox[0] < 350]) == 10  # the status column's
    assert not page.images
