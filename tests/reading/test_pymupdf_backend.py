"""The PyMuPDF backend: spans as a typesetter that sets table columns with spaces gives them
(groff's tbl: a header or a row as one span, "Indikator        2024      2025")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planparse.reading import read_pdf
from planparse.reading.pymupdf_backend import _spaced_pieces

GROFF = Path(__file__).parents[2] / "fixtures/holdout-generic10/verksamhetsberattelse/skelleftea-bmn-verksamhetsberattelse-2026.pdf"


def _chars(text: str, advances: list[float]) -> list[dict[str, Any]]:
    """Characters of a span laid out with the given advance after each one."""
    out, x = [], 0.0
    for c, w in zip(text, advances, strict=True):
        out.append({"c": c, "bbox": (x, 0.0, x + w, 10.0)})
        x += w
    return out


def test_a_run_of_spaces_an_em_wide_cuts_the_span() -> None:
    chars = _chars("Mål  2026    100", [5, 5, 5, 3, 3, 5, 5, 5, 5, 3, 3, 3, 3, 5, 5, 5])
    pieces = _spaced_pieces(chars, 10.0)
    assert ["".join(c["c"] for c in chars[a:b]) for a, b in pieces] == ["Mål  2026", "100"]


def test_a_stretched_word_space_does_not_cut_the_span() -> None:
    """Justified text: one space, however wide, is a word space."""
    chars = _chars("ska öka", [5, 5, 5, 14, 5, 5, 5])
    assert _spaced_pieces(chars, 10.0) == [(0, 7)]


def test_groff_tbl_header_and_rows_are_cut_into_cells() -> None:
    """groff -mom sets the indicator table's header and the budget rows as single spans with
    spaces between the columns: each column becomes its own span, and the tables get their
    columns."""
    doc = read_pdf(GROFF)
    headers = [[c.text for c in t.rows[0].cells] for p in doc.pages for t in p.tables]
    assert headers.count(["Indikator", "2024", "2025", "2026", "Mål 2026"]) == 4
    assert ["Driftredovisning, tkr", "Budget", "Utfall", "Avvikelse"] in headers
    budget = doc.pages[1].tables[0]
    assert [c.text for c in budget.rows[-1].cells] == ["Summa nämnden", "12 350", "10 750", "1 600"]
