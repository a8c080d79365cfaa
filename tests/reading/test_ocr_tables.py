"""Tables pasted as pictures on a page with a text layer, read by OCR (reading.ocr_tables)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import ocr, read_pdf
from planparse.reading.model import Line, Span
from planparse.reading.ocr_tables import _columns, _percent

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SCHOOL = FIXTURES / "holdout-generic13/arbetsplan/landskrona-norreportskolan-arbetsplan-2026-2027.pdf"


def _words(*words: tuple[str, float, float]) -> list[Span]:
    return [Span(text=(" " if k else "") + t, bbox=(x0, 0.0, x1, 8.0), size=8.0) for k, (t, x0, x1) in enumerate(words)]


def test_header_words_grouped_by_column_rules_and_gaps() -> None:
    """"Utfall 2025 | Utfall 2026 ' Mål 2027": one word per column, the rules read as glyphs dropped."""
    line = Line(spans=_words(("Indikator", 1, 16), ("Utfall", 99, 107), ("2025", 109, 116), ("|", 118, 120),
                             ("Utfall", 121, 129), ("2026", 131, 138), ("'", 140, 142), ("Mål", 143, 148), ("2027", 149, 157)),
                page=1)
    assert [s.text for s in _columns(line)] == ["Indikator", "Utfall 2025", "Utfall 2026", "Mål 2027"]


def test_percent_misread_at_the_end_of_a_name_cell() -> None:
    """"svenska, 20" a column's gap before the values: the 20 is the name's "%"; a figure in
    the values' columns, or one not after a comma, stays."""
    words = _words(("svenska,", 60, 76), ("20", 77, 80), ("78", 115, 118), ("81", 136, 139))
    assert [s.text.strip() for s in _percent(words, 8.0)] == ["svenska,", "%", "78", "81"]
    words = _words(("elever", 60, 76), ("20", 77, 80), ("78", 115, 118))
    assert [s.text.strip() for s in _percent(words, 8.0)] == ["elever", "20", "78"]


@pytest.mark.skipif(ocr.choose_language() is None, reason="needs Tesseract")
def test_indicator_table_pasted_as_a_picture_is_a_ruled_table_of_the_page() -> None:
    """The screenshot of an indicator table under "Resultat": its words (from the image, the
    names with their "%") are ruled into the page's table by the picture's own grid lines."""
    doc = read_pdf(SCHOOL)
    table = doc.pages[0].tables[0]
    assert table.header == ["Indikator", "Utfall 2025", "Utfall 2026", "Mål 2027"]
    assert [r.texts for r in table.body] == [
        ["Andel elever i åk 3 som klarat alla delprov i svenska, %", "78", "81", "88"],
        ["Andel elever i åk 6 med lägst betyget E i svenska, %", "86", "84", "92"],
    ]
    assert not any("Andel elever" in ln.text for ln in doc.pages[0].lines)  # (its words are the table's)
