"""Straightening OCR'd pages by their own tilt, and tables read from their words afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.reading import read_pdf
from planparse.reading.deskew import page_slope, straighten
from planparse.reading.model import Drawing, Line, Span

STRESS = Path(__file__).resolve().parents[2] / "fixtures" / "stress"


def _indicator_names(path: Path) -> list[str]:
    doc = planparse.parse(path)
    out: list[str] = []
    stack = list(doc.goals)
    while stack:
        goal = stack.pop(0)
        out += [i.name for i in goal.indicators] + [i.name for a in goal.activities for i in a.indicators]
        stack += goal.children
    return out


def _tilted_line(y: float, slope: float) -> Line:
    words = [(72.0 + 60 * k, f"ord{k}") for k in range(6)]
    return Line(spans=[Span(text=t, bbox=(x, y + slope * x, x + 40, y + slope * x + 10)) for x, t in words],
                page=1, method="ocr")


def test_a_tilted_page_is_levelled_and_its_rules_with_it() -> None:
    lines = [_tilted_line(100 + 20 * k, 0.01) for k in range(5)]
    rule = Drawing(bbox=(72.0, 300.0, 472.0, 304.0 + 0.01 * 400), kind="hline")
    drawings = [rule]
    assert page_slope(lines) == pytest.approx(0.01, abs=1e-6)
    assert straighten(lines, drawings, 595.0, 842.0) == pytest.approx(0.01, abs=1e-6)
    for ln in lines:
        tops = [s.bbox[1] for s in ln.spans]
        assert max(tops) - min(tops) < 0.05  # the words of a line on one level again
    assert drawings[0].bbox[3] - drawings[0].bbox[1] < rule.bbox[3] - rule.bbox[1]


def test_a_level_page_and_too_few_lines_are_left_alone() -> None:
    level = [_tilted_line(100 + 20 * k, 0.0) for k in range(5)]
    assert straighten(level, [], 595.0, 842.0) == 0.0
    assert page_slope([_tilted_line(100, 0.01)]) == 0.0


def test_ocr_layer_rows_share_a_baseline_after_straightening() -> None:
    """The English-OCR'd reportlab copy is rotated about half a degree: the cells of one table
    row are back on one level, so the indicator table is read row by row."""
    doc = read_pdf(STRESS / "robertsfors_vp" / "robertsfors_vp-00-reportlab-ocr.pdf")
    page = next(p for p in doc.pages if any("webbplatsen" in ln.text for ln in p.lines))
    row = [ln for ln in page.lines if ln.text.startswith(("En framtagen", "Ja/nej"))]
    assert len(row) == 2 and abs(row[0].y0 - row[1].y0) < 1.5
    names = _indicator_names(STRESS / "robertsfors_vp" / "robertsfors_vp-00-reportlab-ocr.pdf")
    assert "En framtagen webbplats för bostadsetableringar" in names
    assert "Antal unika besökare till webbplatsen" in names  # its own row, not the name above's wrap


def test_a_scanned_word_table_mends_broken_words_and_page_breaks() -> None:
    """A Word table with a narrow name column, scanned: words broken at the cell's edge join
    ("Nettokostnadsav" / "vikelse"), a name wrapped onto the next page joins its row."""
    names = _indicator_names(STRESS / "robertsfors_vp" / "robertsfors_vp-01-docx-scan.pdf")
    assert "Nettokostnadsavvikelse för funktionshinderomsorg" in names
    assert "Budgetavvikelse för kommunstyrelsen" in names
    assert "Andel fossilfria fordon i den egna fordonsflottan" in names
    assert "Antal unika besökare till webbplatsen" in names
