"""Column headers turned 90° read as their column's label; a table goes on past "(forts.)"."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.reading import read_pdf

ROOT = Path(__file__).resolve().parents[2]
BERATTELSE = ROOT / "fixtures/holdout-generic13/verksamhetsberattelse/sollentuna-un-verksamhetsberattelse-2025.pdf"


def _turned_header_pdf() -> bytes:
    pymupdf = pytest.importorskip("pymupdf")
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    xs, top, head, bottom = [50, 250, 330, 410], 100, 160, 200
    for x in xs:
        page.draw_line((x, top), (x, bottom))
    for y in (top, head, bottom):
        page.draw_line((xs[0], y), (xs[-1], y))
    page.insert_text((55, 150), "Indikator", fontsize=9)
    page.insert_text((295, 155), "Utfall 2024", fontsize=9, rotate=90)  # running up the page
    page.insert_text((375, 155), "Mål 2025", fontsize=9, rotate=90)
    page.insert_text((55, 185), "Andel nöjda", fontsize=9)
    page.insert_text((260, 185), "81", fontsize=9)
    page.insert_text((340, 185), "85", fontsize=9)
    data: bytes = doc.tobytes()
    return data


def test_turned_header_text_is_its_cells_label() -> None:
    doc = read_pdf(_turned_header_pdf())
    (table,) = doc.pages[0].tables
    assert [c.text for c in table.rows[0].cells] == ["Indikator", "Utfall 2024", "Mål 2025"]
    assert not any("Utfall" in ln.text for ln in doc.pages[0].lines)


def test_the_verksamhetsberattelse_reads_its_turned_headers_and_joins_its_broken_table() -> None:
    doc = read_pdf(BERATTELSE)
    first = doc.pages[0].tables[0]
    assert first.header[-2:] == ["Status", "Bedömning"]
    # the activity table broken mid-goal goes on past "(forts.)" on page 2, its header dropped
    assert [r.page for r in first.rows].count(2) == 1
    assert first.rows[-1].cells[1].text == "Samverkan med näringslivet om praktikplatser"
    indicators = doc.pages[1].tables[0]
    assert indicators.header[2:] == ["Utfall 2023", "Utfall 2024", "Utfall 2025", "Mål 2025"]
