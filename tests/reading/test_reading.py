"""The reading layer on the fixture PDFs: noise removal, tables, backends, OCR."""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from functools import lru_cache

import pytest

from planparse.reading import read_pdf
from planparse.reading.model import Document, Table
from planparse.reading.noise import SIZE_SLACK
from tests.gold import FIXTURES, gold_names

BORN_DIGITAL = [n for n in gold_names() if not n.startswith("scan-") and not n.endswith("-ocr")]


@lru_cache(maxsize=64)
def read(name: str, backend: str = "pymupdf") -> Document:
    return read_pdf(FIXTURES / f"{name}.pdf", backend=backend)  # type: ignore[arg-type]


def gold(name: str) -> dict:
    return json.loads((FIXTURES / "expected" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", gold_names())
def test_page_count_and_text_layer(name: str) -> None:
    doc = read(name)
    expected = gold(name)["source"]
    assert doc.page_count == expected["page_count"]
    assert doc.text_layer == expected["text_layer"]
    kinds = {p.text_layer for p in doc.pages}
    if name.startswith("scan-"):
        assert kinds == {"ocr"}, "an image-only scan is OCR'd page by page"
    elif name.endswith("-ocr"):
        assert kinds <= {"repaired", "none"}, "an existing OCR layer is repaired, not replaced"
    else:
        assert kinds <= {"native", "none"}


_PAGE_NO = re.compile(r"^(sida\s+)?\d+(\s+(av|\()\s*\d+\)?)?$", re.IGNORECASE)


@pytest.mark.parametrize("name", gold_names())
def test_no_running_header_or_footer_left(name: str) -> None:
    doc = read(name)
    removed = Counter(re.sub(r"\d+", "#", ln.text) for p in doc.pages for ln in p.noise)
    assert any(n >= 2 for n in removed.values()) or doc.page_count < 2, (
        "a multi-page fixture has running headers or footers"
    )
    # a running line is its words at about its size: a letterhead or title set large with the
    # running header's words is no repeat of it (noise.SIZE_SLACK)
    running: dict[str, list[float]] = {}
    for p in doc.pages:
        for ln in p.noise:
            if removed[re.sub(r"\d+", "#", ln.text)] >= 2:
                running.setdefault(ln.text, []).append(ln.size)
    for page in doc.pages:
        for ln in page.lines:
            in_margin = ln.bbox[3] < 0.11 * page.height or ln.y0 > 0.89 * page.height
            if not in_margin:
                continue  # a cover title may repeat the running header's words
            repeats = any(abs(size - ln.size) <= SIZE_SLACK * max(size, ln.size) for size in running.get(ln.text, []))
            assert not repeats, f"page {page.number}: running text left: {ln.text!r}"
            assert not _PAGE_NO.match(ln.text), f"page {page.number}: page number {ln.text!r} left"


@pytest.mark.parametrize("name", gold_names())
def test_contents_pages_are_not_content(name: str) -> None:
    doc = read(name)
    for page in doc.pages:
        for ln in page.lines:
            assert not re.search(r"\.{6,}\s*\d+$", ln.text), (
                f"page {page.number}: contents entry left: {ln.text!r}"
            )


def _tables(doc: Document) -> list[Table]:
    return [t for p in doc.pages for t in p.tables]


def test_uppsikt_activity_table_continues_over_page_break() -> None:
    doc = read("ange-uppsikt-hr-2024")
    table = next(
        t for t in _tables(doc) if any("kompetensförsörjningsplan" in r.texts[0] for r in t.rows)
    )
    assert table.header == ["Verksamhetens aktiviteter", "Startdatum", "Slutdatum"]
    assert table.pages == [4, 5]
    assert sum(r.is_header for r in table.rows) == 1, "the header repeated on page 5 is dropped"
    last = table.rows[-1]
    assert last.page == 5 and last.full_width
    assert last.cells[0].text.startswith("▶ Pågående enligt plan")
    title_row = table.rows[-2]
    assert title_row.page == 4 and title_row.texts[1:] == ["2024-01-01", "2024-11-30"]
    assert all(len(r.icons) == 1 for r in table.rows if r.full_width and "▶" not in r.cells[0].text)


def test_kramfors_investment_table_joined_with_its_rows_pages() -> None:
    doc = read("kramfors-klf-verksamhetsplan-2025")
    table = next(
        t for t in _tables(doc) if t.header[:2] == ["Investeringsprojekt, tkr", "Beskrivning"]
    )
    assert table.n_cols == 6 and len(table.pages) == 2
    assert table.rows[1].texts[0] == "Byte konstgräs IP" and table.rows[1].texts[2] == "4 500"
    assert [r.page for r in table.rows] == sorted(r.page for r in table.rows)
    assert table.rows[-1].page == 15 and table.rows[-1].texts[1:5] == ["Summa:", "18 800", "31 975", "56 325"]


@pytest.mark.parametrize("backend", ["pymupdf", "pdfplumber"])
def test_robertsfors_indicator_table_345_is_one_table_over_two_pages(backend: str) -> None:
    """Uppdrag 3.4.5's indicator table breaks after its fifth row (page 20 → 21, header
    repeated): one table of 8 body rows × 5 columns whose rows keep their own page."""
    doc = read("robertsfors-verksamhetsplan-2025", backend)
    matches = [
        t for t in _tables(doc) if any(r.texts[0] == "Kostnad fritidshem/invånare" for r in t.rows)
    ]
    assert len(matches) == 1, "the continuation on page 21 must not be a table of its own"
    table = matches[0]
    assert table.header == ["Indikator", "2024", "Källa", "Mått", "Utfall 2025"]
    assert table.n_cols == 5 and table.pages == [20, 21]
    assert sum(r.is_header for r in table.rows) == 1, "the header repeated on page 21 is dropped"
    body = table.body
    assert len(body) == 8 and all(len(r.cells) == 5 for r in body)
    assert [r.page for r in body] == [20] * 5 + [21] * 3
    assert body[0].texts == ["Kostnad fritidshem/invånare", "", "Kolada", "Kr", ""]
    assert body[5].texts[0] == "Antal elever per anställd i fritidshem"
    assert body[7].texts[0] == "Kostnad för lokaler kr/elev årskurs f- 9"
    continued = "Antal elever per anställd i fritidshem"
    assert [t for t in _tables(doc) if any(r.texts[0] == continued for r in t.rows)] == [table]


@pytest.mark.parametrize("name", BORN_DIGITAL)
def test_backends_agree(name: str) -> None:
    """PyMuPDF and pdfplumber agree. Tolerance: the same tables with a header row, the same
    shape, cell text at least 98 % alike; body text at least 98 % alike. Figures drawn from
    boxes (org charts) may split into different grids, since the two engines report their
    arrows and box edges differently."""
    a, b = read(name, "pymupdf"), read(name, "pdfplumber")
    assert a.page_count == b.page_count
    grids_a = [t.grid() for t in _tables(a) if t.header]
    grids_b = [t.grid() for t in _tables(b) if t.header]
    assert len(grids_a) == len(grids_b)
    for ga, gb in zip(grids_a, grids_b, strict=True):
        assert (len(ga), len(ga[0])) == (len(gb), len(gb[0]))
        joined_a = " ".join(" ".join(r) for r in ga)
        joined_b = " ".join(" ".join(r) for r in gb)
        assert difflib.SequenceMatcher(None, joined_a, joined_b, autojunk=False).ratio() >= 0.98
    text_a = "\n".join(ln.text for p in a.pages for ln in p.lines)
    text_b = "\n".join(ln.text for p in b.pages for ln in p.lines)
    ratio = difflib.SequenceMatcher(None, text_a, text_b, autojunk=False).ratio()
    assert ratio >= 0.98, f"backends differ: similarity {ratio:.3f}"


def test_scan_is_read_through_ocr() -> None:
    doc = read("scan-bracke-uppsikt-short")
    assert (
        doc.ocr_engine is not None
        and doc.ocr_engine.startswith("tesseract")
        and doc.ocr_engine.endswith("swe")
    )
    text = doc.text()
    for phrase in (
        "Uppsiktsrapport till kommunstyrelsen",
        "Sjukfrånvaron ska minska",
        "2023-05-02",
    ):
        assert phrase in text
    assert all(ln.method == "ocr" for p in doc.pages for ln in p.lines)


def test_not_a_pdf_and_empty(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from planparse.errors import EmptyPDF, NotAPDF

    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "page.pdf").write_text("<!DOCTYPE html><html></html>")
    with pytest.raises(EmptyPDF, match="empty.pdf"):
        read_pdf(tmp_path / "empty.pdf")
    with pytest.raises(NotAPDF, match="page.pdf: not a PDF .*HTML"):
        read_pdf(tmp_path / "page.pdf")
