"""Producer quirks do not change what is parsed (``fixtures/quirks/``, built by
``fixtures/build/quirks.py``; see fixtures/README.md, "Quirk corpus").

Each quirky PDF is compared with its clean counterpart: the re-written quirks (ligatures,
words, glyphs, fakebold, glyphbold, strokebold, chars, artifacts, softbreak) with ``SOURCE.clean.pdf``, the same words drawn in
the same places without the quirk; the transformed ones (rotated, boxes, xobject, ocrlayer,
watermark) and the clean re-write itself with the source PDF.

What is compared: the whole document in the gold comparison form (``tests/gold.comparable``:
uids, ``provenance.bbox``/``raw_text``, status/assessment ``confidence``, volatile source
fields and warnings left out) without ``source.file``. Quirks that move nothing on the page
as shown (rotated, xobject, ocrlayer, watermark, artifacts) must also give every
``provenance.bbox`` unchanged; the others draw glyphs with other widths (a fake-bold copy in
the regular face, zero-width marks) or crop the page (boxes), which moves boxes.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pymupdf
import pytest

import planparse
from planparse.reading import read_pdf
from planparse.reading.model import Cell, Line, Span
from planparse.reading.pymupdf_backend import _box_path, _turned, drop_overprint, read_page
from planparse.text.assemble import join_lines
from tests.gold import FIXTURES, comparable

QUIRKS = FIXTURES / "quirks"
REWRITTEN = ("ligatures", "words", "glyphs", "fakebold", "glyphbold", "strokebold", "chars", "artifacts", "softbreak")
TRANSFORMED = {"rotated", "boxes", "xobject", "ocrlayer", "watermark"}
SAME_BOXES = {"rotated", "xobject", "ocrlayer", "watermark", "artifacts"}
SOURCES = {
    "timra": FIXTURES / "timra-uppsikt-ekonomiavdelningen-2025.pdf",
    "solleftea": FIXTURES / "solleftea-malavstamning-t2-2024.pdf",
    "forskola": FIXTURES / "generic" / "forskola-word-goal-rows.pdf",
    "tertial": FIXTURES / "stress" / "ange_tertial" / "ange_tertial-02-docx.pdf",
}
CASES = sorted(p.name for p in QUIRKS.glob("*.pdf"))


def _reference(name: str) -> Path:
    """The clean counterpart: the source PDF for a transformed one and for the clean re-write
    itself (another producer's fonts: Liberation Sans shares one glyph between "-" and U+00AD,
    and PyMuPDF's ToUnicode maps it to U+00AD, so its hyphens read as soft hyphens), else the
    clean re-write."""
    source, quirk = name.split(".")[:2]
    return SOURCES[source] if quirk in TRANSFORMED or quirk == "clean" else QUIRKS / f"{source}.clean.pdf"


@cache
def _parsed(path: Path) -> str:
    return planparse.parse(path).to_json()


def _comparable(path: Path, boxes: bool) -> dict[str, Any]:
    doc = json.loads(_parsed(path))
    if boxes:  # the gold form without the boxes taken out: every provenance.bbox kept
        kept = _boxes(doc)
        out = comparable(doc)
        out["_boxes"] = kept
    else:
        out = comparable(doc)
    out["source"].pop("file", None)
    return out


def _boxes(node: Any) -> list[Any]:
    found: list[Any] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "provenance" and isinstance(v, dict):
                found.append(v.get("bbox"))
            else:
                found.extend(_boxes(v))
    elif isinstance(node, list):
        for v in node:
            found.extend(_boxes(v))
    return found


def test_corpus_covers_every_quirk() -> None:
    quirks = {name.split(".")[1] for name in CASES}
    assert quirks == set(REWRITTEN) | TRANSFORMED | {"clean"}
    assert sum(p.stat().st_size for p in QUIRKS.glob("*.pdf")) < 3 * 1024 * 1024


@pytest.mark.parametrize("name", CASES)
def test_quirky_pdf_parses_as_its_clean_counterpart(name: str) -> None:
    quirk = name.split(".")[1]
    boxes = quirk in SAME_BOXES
    expected = _comparable(_reference(name), boxes)
    actual = _comparable(QUIRKS / name, boxes)
    assert expected["goals"], "the reference must parse to a goal tree (else the comparison is empty)"
    assert actual == expected


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_quirks_really_change_the_text_layer(source: str) -> None:
    """The quirky PDFs carry the quirk in their raw text layer, as PyMuPDF reads it."""
    def spans(path: Path) -> list[dict[str, Any]]:
        with pymupdf.open(path) as doc:
            pages = [p.get_text("dict", flags=pymupdf.TEXT_PRESERVE_LIGATURES) for p in doc]
        return [s for data in pages for b in data["blocks"] for ln in b.get("lines", []) for s in ln["spans"]]

    with pymupdf.open(QUIRKS / f"{source}.rotated.pdf") as doc:
        assert [p.rotation for p in doc][:2] == [90, 270][: doc.page_count]
    with pymupdf.open(QUIRKS / f"{source}.xobject.pdf") as doc:
        assert all(p.get_xobjects() for p in doc)  # the page's content is a form XObject
    assert any(s["alpha"] == 0 for s in spans(QUIRKS / f"{source}.ocrlayer.pdf"))
    assert any("UTKAST" in s["text"] for s in spans(QUIRKS / f"{source}.watermark.pdf"))
    if source in ("timra", "solleftea", "forskola"):
        clean = spans(QUIRKS / f"{source}.clean.pdf")
        bold = spans(QUIRKS / f"{source}.fakebold.pdf")
        assert len(bold) > len(clean)  # overprinted copies
        with pymupdf.open(QUIRKS / f"{source}.strokebold.pdf") as doc:  # filled, then stroked
            assert any(tr["type"] == 1 for p in doc for tr in p.get_texttrace())
    if (QUIRKS / f"{source}.chars.pdf").exists():  # (not where the fonts have no glyph for them)
        texts = "".join(s["text"] for s in spans(QUIRKS / f"{source}.chars.pdf"))
        assert any(c in texts for c in "\u00ad\u200b\ufeff")
    if (QUIRKS / f"{source}.softbreak.pdf").exists():  # (not where the measure has no room)
        clean = spans(QUIRKS / f"{source}.clean.pdf")
        broken = spans(QUIRKS / f"{source}.softbreak.pdf")
        assert "".join(s["text"] for s in broken).count("\u00ad") >= "".join(s["text"] for s in clean).count("\u00ad") + 3


def test_ligatures_come_out_as_letters() -> None:
    with pymupdf.open(QUIRKS / "timra.ligatures.pdf") as doc:
        raw = "".join(p.get_text(flags=pymupdf.TEXT_PRESERVE_LIGATURES) for p in doc)
    assert any(c in raw for c in "\ufb00\ufb01\ufb02\ufb03")  # the layer has them
    doc_read = read_pdf(QUIRKS / "timra.ligatures.pdf", ocr="never")
    text = doc_read.text()
    assert not any(c in text for c in "\ufb00\ufb01\ufb02\ufb03\ufb04")
    assert text == read_pdf(QUIRKS / "timra.clean.pdf", ocr="never").text()


def test_rotated_page_is_read_as_shown() -> None:
    """A page stored turned a quarter with /Rotate 90 gives the lines, rules and boxes of the
    page as shown: the same as the source page's."""
    with pymupdf.open(SOURCES["tertial"]) as a, pymupdf.open(QUIRKS / "tertial.rotated.pdf") as b:
        for n in range(a.page_count):
            pa, pb = read_page(a[n], n + 1), read_page(b[n], n + 1)
            assert (pb.width, pb.height) == pytest.approx((pa.width, pa.height))
            assert [ln.text for ln in pb.lines] == [ln.text for ln in pa.lines]
            for la, lb in zip(pa.lines, pb.lines, strict=True):
                assert lb.bbox == pytest.approx(la.bbox, abs=0.05)
            rules_a = sorted((d.kind, *d.bbox) for d in pa.drawings)
            rules_b = sorted((d.kind, *d.bbox) for d in pb.drawings)
            assert [r[0] for r in rules_b] == [r[0] for r in rules_a]
            for ra, rb in zip(rules_a, rules_b, strict=True):
                assert rb[1:] == pytest.approx(ra[1:], abs=0.05)


def test_invisible_ocr_layer_over_an_image_is_kept() -> None:
    """Only invisible text over visible text is dropped: a real OCR layer (invisible words over
    a page image, nothing visible) is the page's text."""
    with pymupdf.open(FIXTURES / "ange-malavstamning-t1-2025-ocr.pdf") as doc:
        page = read_page(doc[0], 1)
    assert len(page.lines) > 10


def _span(text: str, x0: float, y0: float, size: float = 12.0, bold: bool = False) -> Span:
    return Span(text=text, bbox=(x0, y0, x0 + 6 * len(text), y0 + size), size=size, bold=bold)


def test_drop_overprint_keeps_one_bold_copy() -> None:
    copies = [Line(spans=[_span("Mål", 50 + dx, 100)], page=1) for dx in (0.0, 0.3, 0.6)]
    other = Line(spans=[_span("Mål", 50, 160)], page=1)  # the same word further down: kept
    out = drop_overprint([*copies, other], set())
    assert [ln.text for ln in out] == ["Mål", "Mål"]
    assert out[0].bold and not out[1].bold


def test_drop_overprint_drops_invisible_copy_over_visible_text() -> None:
    visible = Line(spans=[_span("Ekonomiavdelningen", 50, 100)], page=1)
    hidden = [_span("Ekonomiavdelningen", 50.4, 100.3), _span("Bilaga", 300, 400)]
    lines = [visible, Line(spans=hidden, page=1)]
    out = drop_overprint(lines, {id(s) for s in hidden})
    # the copy over the visible word goes; the invisible word with nothing under it stays
    assert [ln.text for ln in out] == ["Ekonomiavdelningen", "Bilaga"]


def test_turned_maps_a_box_to_the_page_as_shown() -> None:
    m = pymupdf.Matrix(0, 1, -1, 0, 595, 0)  # /Rotate 90 of a 842 x 595 stored page
    assert _turned((10, 20, 110, 40), m) == pytest.approx((555, 10, 575, 110))


def test_soft_hyphen_at_line_end_joins_the_word() -> None:
    first = Line(spans=[_span("ska vara en attraktiv arbetsgivare med friska och engag\u00ad", 50, 100)], page=1)
    second = Line(spans=[_span("erade medarbetare.", 50, 114)], page=1)
    assert first.text.endswith("engag\u00ad")  # the break kept for the join
    cell = Cell(lines=[first, second], bbox=(50, 100, 400, 126), col=0)
    assert cell.text == "ska vara en attraktiv arbetsgivare med friska och engagerade medarbetare."
    assert join_lines(["Avslutad med avvi\u00ad", "kelse"]) == "Avslutad med avvikelse"
    assert join_lines(["ett ord\u00ad"]) == "ett ord"  # nothing after it: dropped
    # inside a line a soft hyphen is invisible
    assert Line(spans=[_span("Mål\u00adet", 50, 100)], page=1).text == "Målet"


def test_box_path_tells_a_rectangle_from_other_lines() -> None:
    box = [("l", (0, 0), (10, 0)), ("l", (10, 0), (10, 5)), ("l", (10, 5), (0, 5)), ("l", (0, 5), (0, 0))]
    assert _box_path(box, closed=False)
    assert _box_path(box[:3], closed=True)
    assert not _box_path(box[:3], closed=False)  # an open bracket of three sides
    zigzag = [("l", (0, 0), (10, 0)), ("l", (10, 0), (10, 5)), ("l", (10, 5), (20, 5)), ("l", (20, 5), (20, 0))]
    assert not _box_path(zigzag, closed=False)
    slanted = [("l", (0, 0), (10, 1)), ("l", (10, 1), (10, 5)), ("l", (10, 5), (0, 5)), ("l", (0, 5), (0, 0))]
    assert not _box_path(slanted, closed=False)
    # Impress draws a text box's frame with its bottom side in two pieces
    split = [("l", (0, 10), (4, 10)), ("l", (0, 10), (0, 0)), ("l", (0, 0), (10, 0)), ("l", (10, 0), (10, 10)),
             ("l", (10, 10), (4, 10))]
    assert not _box_path(split, closed=False)  # (not one run round it)
    split = [("l", (4, 10), (0, 10)), ("l", (0, 10), (0, 0)), ("l", (0, 0), (10, 0)), ("l", (10, 0), (10, 10)),
             ("l", (10, 10), (4, 10))]
    assert _box_path(split, closed=False)


def test_drawn_soft_hyphen_is_a_hyphen() -> None:
    """Hyphens whose glyph maps to U+00AD (the clean re-write in Liberation Sans) read as "-"
    inside a line; the text layer really has U+00AD there."""
    path = QUIRKS / "solleftea.clean.pdf"
    with pymupdf.open(path) as pdf:
        assert "2024\u00ad04\u00ad30" in pdf[2].get_text()
    text = read_pdf(path, ocr="never").text()
    assert "2024-04-30" in text
    # only a line-final one is left (the break: "Samhällsbyggnads\u00ad" / "och miljö")
    assert all(line.index("\u00ad") == len(line) - 1 for line in text.splitlines() if "\u00ad" in line)


def test_soft_hyphen_before_a_conjunction_is_a_hyphen() -> None:
    assert join_lines(["längs gång\u00ad", "och cykelvägar"]) == "längs gång- och cykelvägar"
    assert join_lines(["attraktiv arbets\u00ad", "givare"]) == "attraktiv arbetsgivare"


def test_a_cell_joins_a_line_break_hyphen_as_every_text_does() -> None:
    """A cell's text, a paragraph and a title follow one set of text rules: a compound broken
    after its linking "s" is one word, a hyphen before a conjunction stays."""
    def cell(*texts: str) -> Cell:
        return Cell(lines=[Line(spans=[_span(t, 50, 100 + 14 * i)], page=1) for i, t in enumerate(texts)],
                    bbox=(50, 100, 400, 100 + 14 * len(texts)), col=0)

    assert cell("Informations-", "säkerhet").text == "Informationssäkerhet"
    assert cell("Informations-", "och cybersäkerhet").text == "Informations- och cybersäkerhet"


def _line(text: str, y0: float, size: float = 10.0, color: int = 0, x0: float = 60.0) -> Line:
    span = Span(text=text, bbox=(x0, y0, x0 + 0.5 * size * len(text), y0 + size), size=size, color=color)
    return Line(spans=[span], page=1)


def test_watermark_lines() -> None:
    from planparse.reading.noise import watermark_lines

    body = [_line("Brödtext i ett stycke som är längre än rubriken", 300 + 14 * k) for k in range(20)]
    pages = []
    for _ in range(4):
        pages.append([*body, _line("UTKAST", 400, size=60)])  # dark, same place on every page
    cover_title = _line("Verksamhetsplan 2026", 380, size=28)  # large, once, dark: content
    pages[0].append(cover_title)
    found = watermark_lines(pages, [842.0] * 4)
    assert {id(p[-1]) for p in pages[1:]} <= found and id(pages[0][-2]) in found
    assert id(cover_title) not in found
    assert not found & {id(ln) for ln in body}
    # one page: light grey makes it a watermark, black does not
    grey = _line("PRELIMINÄR", 500, size=60, color=0xCCCCCC)
    black = _line("PRELIMINÄR", 500, size=60)
    assert watermark_lines([[*body, grey]], [842.0]) == {id(grey)}
    assert watermark_lines([[*body, black]], [842.0]) == set()
    # a large heading repeated near the top of every page is not one (outside the middle half)
    heads = [[*body, _line("Handlingsplan", 120, size=24)] for _ in range(3)]
    assert watermark_lines(heads, [842.0] * 3) == set()


def test_text_trace_warnings_are_not_damage() -> None:
    """The text trace read for emboldened glyphs measures every glyph; MuPDF's warnings about
    a symbol font's missing glyph must not be reported as a damaged page."""
    path = FIXTURES / "stress" / "kramfors_vp" / "kramfors_vp-00-docx.pdf"
    with pymupdf.open(path) as pdf:
        pymupdf.TOOLS.mupdf_warnings(reset=True)
        for page in pdf:
            page.get_texttrace()
        assert "invalid glyph index" in pymupdf.TOOLS.mupdf_warnings(reset=True)  # the trace warns
    doc = read_pdf(path, ocr="never")
    assert not [w for w in doc.warnings if w[0] == "page_damaged"]
