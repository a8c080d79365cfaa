"""Scans: a dithered page's dots found and taken away (planparse.reading.ocr_dither), and notes written
in the margin set aside as noise, on the pages of real scans."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pymupdf

from planparse.reading.ocr_dither import dithered, undithered
from planparse.reading.pymupdf_backend import render_gray
from planparse.reading.raster_rules import _pgm

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
DITHERED = FIXTURES / "holdout-families26/kramfors_vp/vallentuna-verksamhetsplan-2028-scan.pdf"
CLEAN = FIXTURES / "scan-bracke-uppsikt-short.pdf"


def _page(pdf: Path, number: int) -> bytes:
    with pymupdf.open(pdf) as doc:
        return render_gray(doc[number], 200)


def test_a_dithered_page_is_found_and_its_dots_taken_away() -> None:
    image = _page(DITHERED, 3)
    pixels = _pgm(image)
    assert pixels is not None and dithered(pixels)
    after = _pgm(undithered(image))
    assert after is not None and after.shape == pixels.shape and not dithered(after)
    # the paper lighter again (its dots, grey at this resolution, gone), the letters' ink kept
    assert (after < 200).mean() < 0.6 * (pixels < 200).mean()
    assert (after < 128).mean() > 0.8 * (pixels < 128).mean()


def test_a_clean_scan_is_left_as_it_is() -> None:
    image = _page(CLEAN, 0)
    assert undithered(image) is image
    pixels = _pgm(image)
    assert pixels is not None and not dithered(pixels)
    assert np.array_equal(_pgm(undithered(image)), pixels)


def test_notes_written_in_the_margin_of_a_scan_are_noise() -> None:
    """Varberg's marked-up scan: ticks and notes written by hand in both margins, read by OCR as
    tall "words" ("<OSS", "ki Olla!") outside the text column: noise, no line of the page."""
    from planparse.reading import read_pdf

    doc = read_pdf(FIXTURES / "holdout-generic56/tertialrapport/varberg-sn-uppfoljning-t1-2027-markerad.pdf")
    texts = [ln.text for ln in doc.pages[0].lines]
    assert not any("Olla" in t or "OSS" in t for t in texts)
    assert "Uppföljning tertial 1 2027" in texts
