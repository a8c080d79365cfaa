"""Tesseract's result cache (PLANPARSE_OCR_CACHE): the test session keeps one between runs
(scripts/test.sh), so these tests run Tesseract itself with no cache and check that a cached
read gives the very same lines."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from planparse.reading import ocr
from planparse.reading.pymupdf_backend import render_gray

SCAN = Path(__file__).resolve().parents[2] / "fixtures" / "scan-bracke-uppsikt-short.pdf"

pytestmark = pytest.mark.skipif(ocr.choose_language() is None, reason="Tesseract is not installed")


def _page_image() -> bytes:
    with pymupdf.open(SCAN) as doc:
        return render_gray(doc[0], ocr.DPI)


def test_tesseract_runs_without_a_cache_and_the_cache_gives_the_same_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image, lang = _page_image(), ocr.choose_language()
    assert lang is not None
    monkeypatch.delenv(ocr.CACHE_ENV, raising=False)
    fresh = ocr.ocr_pages({1: image}, lang, workers=1)[1]
    assert any("Bräcke" in ln.text or "Bracke" in ln.text for ln in fresh)  # Tesseract read the page itself

    monkeypatch.setenv(ocr.CACHE_ENV, str(tmp_path))
    first = ocr.ocr_pages({1: image}, lang, workers=1)[1]
    assert len(list(tmp_path.glob("*.tsv"))) == 1
    cached = ocr.ocr_pages({1: image}, lang, workers=1)[1]
    assert [ln.text for ln in first] == [ln.text for ln in fresh] == [ln.text for ln in cached]
    assert [ln.bbox for ln in cached] == [ln.bbox for ln in fresh]
