"""Base-14 ZapfDingbats glyphs read as the shapes they draw (status and assessment icons)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import read_pdf
from planparse.reading.dingbats import dingbat_codes, dingbat_text

ROOT = Path(__file__).resolve().parents[2]
ARSBOKSLUT = ROOT / "fixtures/holdout-generic13/arsbokslut/kristianstad-kfn-arsbokslut-2025.pdf"


def test_glyph_names_and_codes_map_to_shapes() -> None:
    assert dingbat_text("G") == "●"  # PyMuPDF: a71 → chr(71)
    assert dingbat_text("\x14") == "✔"
    assert dingbat_codes("l") == "●"  # pdfminer: the code itself
    assert dingbat_codes("s") == "▲"


def _zapf_pdf() -> bytes:
    pymupdf = pytest.importorskip("pymupdf")
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Uppfyllt", fontsize=10)
    page.insert_text((60, 100), "l", fontname="zadb", fontsize=9, color=(0.1, 0.6, 0.25))
    data: bytes = doc.tobytes()
    return data


@pytest.mark.parametrize("backend", ["pymupdf", "pdfplumber"])
def test_a_coloured_zapfdingbats_circle_reads_as_a_circle(backend: str) -> None:
    doc = read_pdf(_zapf_pdf(), backend=backend)  # type: ignore[arg-type]
    spans = [s for ln in doc.pages[0].lines for s in ln.spans if "dingbats" in (s.font or "").lower()]
    assert spans and spans[0].text.strip() == "●"


def test_the_arsbokslut_circles_give_each_goal_its_assessment() -> None:
    from planparse import parse

    plan = parse(ARSBOKSLUT)
    goals = [g for area in plan.goals for g in area.children]
    assert [g.assessment.value.value if g.assessment else None for g in goals] == [
        "fulfilled", "partially_fulfilled", "not_fulfilled"]
    assert [len(g.indicators) for g in goals] == [2, 2, 1]


TABY = ROOT / "fixtures/holdout-generic19/tertialrapport/taby-sn-tertialrapport-1-2026.pdf"


def test_wingdings_codes_and_private_use_characters_map_to_shapes() -> None:
    from planparse.reading.dingbats import is_wingdings, wingding_text

    assert wingding_text("\uf06c") == wingding_text("l") == "●"  # Word: the code in the private use area
    assert wingding_text("\uf06e") == "■"
    assert wingding_text("\uf0fc") == "✔"
    assert is_wingdings("ABCDEF+Wingdings-Regular") and not is_wingdings("DejaVuSans")


@pytest.mark.parametrize("backend", ["pymupdf", "pdfplumber"])
def test_a_word_wingdings_traffic_light_reads_as_its_shape(backend: str) -> None:
    """Täby's tertialrapport sets its statuses as Wingdings glyphs (U+F06C, U+F06E) in colour."""
    texts = [s.text for p in read_pdf(TABY, backend=backend).pages for t in p.tables
             for r in t.rows for c in r.cells for ln in c.lines for s in ln.spans]
    assert "●" in texts and "■" in texts
    assert not any("\uf06c" in t or "\uf06e" in t for t in texts)
