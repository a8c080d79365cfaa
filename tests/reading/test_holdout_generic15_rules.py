"""holdout-generic15, Hedemora: a Chromium table ruled only horizontally whose header row (plain
type, no shade) has a darker rule under it, drawn a cell at a time: the pieces are one rule, so
the band above it is the table's header."""

from __future__ import annotations

from pathlib import Path

from planparse.reading import read_pdf

PDF = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-generic15" / "namndplan" / \
    "hedemora-bun-namndplan-2027.pdf"


def test_header_over_a_rule_drawn_per_cell_is_the_tables() -> None:
    doc = read_pdf(PDF)
    tables = [t for p in doc.pages for t in p.tables if t.n_cols == 3]
    assert len(tables) >= 3 and all(t.header == ["Indikator", "Utfall 2025", "Mål 2027"] for t in tables)
    assert [r.cells[0].text for r in tables[0].body] == [
        "Andel elever i åk 9 som når kunskapskraven i alla ämnen, %",
        "Andel elever i åk 3 som klarar nationella provet i svenska, %"]
