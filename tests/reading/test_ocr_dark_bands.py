"""Light text on dark header bands of an OCR'd page read again inverted: holdout-families8's
Mellerud tertial report (an English OCR layer, Tesseract's single-block mode, over 140 dpi
JPEG page images), whose white table headers the layer has as "erksamhetens aktviteter
[status | sutdatum" and "a oe". Expected text read off the page images."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from planparse.reading import read_pdf
from planparse.reading.ocr_dark_bands import dark_bands

MELLERUD = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-families8" / "ange_tertial" / \
    "mellerud-malavstamning-2027-t1-ocr.pdf"


def test_dark_bands_are_found_where_the_headers_are() -> None:
    with pymupdf.open(MELLERUD) as pdf:
        bands = [[round(v) for v in b] for b in dark_bands(pdf[4])]
    assert len(bands) == 2
    assert all(b[2] - b[0] > 400 for b in bands)  # table-wide
    assert bands[0][1] < 255 < bands[0][3] and bands[1][1] < 350 < bands[1][3]  # (their labels at 255 and 350)


def test_the_headers_are_read_from_the_bands_and_the_layers_misreadings_go() -> None:
    doc = read_pdf(MELLERUD)
    texts = [ln.text for p in doc.pages for ln in p.lines]
    assert "Mått" in texts and "Mål Utfall" in texts  # (two labels on one baseline: one line, two words apart)
    # (one header's band lay in a region the layer lost: the Swedish re-OCR put its words back
    # on one line, "Verksamhetens aktiviteter Slutdatum", before the band was looked at)
    assert sum(t.startswith("Verksamhetens aktiviteter") for t in texts) == 5 and sum("Slutdatum" in t for t in texts) == 5
    assert not [t for t in texts if "sutdatum" in t or t == "a oe"]


def test_a_page_without_dark_bands_keeps_its_reading() -> None:
    with pymupdf.open(MELLERUD) as pdf:
        assert dark_bands(pdf[0]) == []
