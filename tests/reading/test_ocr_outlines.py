"""Lines drawn as glyph outlines on native pages: the real Simrishamn årsbokslut (Microsoft
Print to PDF) draws each highlighted line's letters as filled paths, and its text layer has
nothing there. Expected text read off the page images (and the document's hand-written gold)."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from planparse.api import parse
from planparse.reading.ocr_outlines import glyph_runs
from planparse.reading.pymupdf_backend import read_page

SIMRISHAMN = Path(__file__).resolve().parents[2] / "fixtures" / "real" / "simrishamn_kfn_arsbokslut_2025_printtopdf.pdf"


def _runs(page: int) -> list[tuple[int, int, int, int]]:
    with pymupdf.open(SIMRISHAMN) as pdf:
        raw = read_page(pdf[page - 1], page)
    return [tuple(round(v) for v in box) for box in glyph_runs(raw)]  # type: ignore[misc]


def test_a_line_of_glyph_outlines_where_the_layer_has_no_words_is_found() -> None:
    assert _runs(32) == [(79, 468, 333, 478)]  # "”medborgarhörna” där andra kommunala verksamheter, på"
    assert _runs(31) == [(75, 491, 269, 503)]


def test_pages_whose_text_the_layer_holds_have_no_runs() -> None:
    assert _runs(1) == []
    assert _runs(5) == []


def test_the_outlined_line_is_read_into_its_activity() -> None:
    doc = parse(SIMRISHAMN)
    titles = [a.title for g in doc.goals for sub in [g, *g.children] for a in sub.activities]
    assert ("Medborgarhörna: Undersöker kommunens behov av en ”medborgarhörna” där andra kommunala verksamheter, "
            "på biblioteket och med hjälp av biblioteksmedarbetarna, lättare kan nå ut med information om olika "
            "kommunala tjänster för att skapa förståelse och välvilja samt sprida kunskap om hållbarhet och kommunen "
            "i stort.") in titles
