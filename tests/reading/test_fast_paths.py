"""The reading layer's shortcuts give what the plain PyMuPDF calls give, on real PDFs.

Each shortcut (one text page instead of two, ``get_cdrawings`` instead of ``get_drawings``,
rules joined through height bands, lines that keep their derived text) is checked against an
independent reference computed here from PyMuPDF's own high-level calls or a brute-force loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pymupdf
import pytest

from planparse.reading import read_pdf
from planparse.reading.model import Drawing, Line, Span
from planparse.reading.pymupdf_backend import (
    _CLIPPED_LINES,
    BULLET_MAX,
    ICON_AREA_MAX,
    SYMBOL_MAX,
    _has_image_block,
    _raw_lines,
    _rect,
    _rgb,
    _segment,
    _spaced_pieces,
    dark_neutral,
    read_page,
)
from planparse.reading.tables import SHADE_GAP, TOL, _groups, _Seg, _segments
from tests.gold import FIXTURES

REAL = FIXTURES / "real"
# Born-digital fixtures without images, a real document full of small images and rules, and
# an OCR-layer copy (its pages are page images under invisible text).
PDFS = [
    FIXTURES / "robertsfors-verksamhetsplan-2025.pdf",
    FIXTURES / "kramfors-klf-verksamhetsplan-2025.pdf",
    FIXTURES / "ange-uppsikt-hr-2024.pdf",
    REAL / "simrishamn_kfn_arsbokslut_2025_printtopdf.pdf",
    FIXTURES / "ange-malavstamning-t1-2025-ocr.pdf",
]
FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP


def _reference_drawings(page: pymupdf.Page) -> list[Drawing]:
    """Drawings as read through ``get_drawings`` (Point and Rect objects)."""
    out: list[Drawing] = []
    for d in page.get_drawings():
        x0, y0, x1, y1 = (round(v, 2) for v in d["rect"])
        fill = _rgb(d.get("fill")) if "f" in d.get("type", "") else None
        stroke = _rgb(d.get("color")) if "s" in d.get("type", "") else None
        items = d["items"]
        slanted = any(abs(it[1].x - it[2].x) > 0.01 and abs(it[1].y - it[2].y) > 0.01 for it in items if it[0] == "l")
        small = d["rect"].width <= BULLET_MAX and d["rect"].height <= BULLET_MAX  # (a bullet drawn as a disc of lines)
        if all(it[0] == "l" for it in items) and fill is not None and len(items) >= 3 and slanted \
                and (not dark_neutral(fill) or small):
            out.append(Drawing(bbox=(x0, y0, x1, y1), kind="shape", fill=fill, stroke=stroke))  # a filled polygon
        elif all(it[0] == "l" for it in items) and fill is None and len(items) >= 2 and slanted \
                and x1 - x0 <= SYMBOL_MAX and y1 - y0 <= SYMBOL_MAX:
            out.append(Drawing(bbox=(x0, y0, x1, y1), kind="shape", fill=None, stroke=stroke))  # a stroked symbol
        elif all(it[0] == "l" for it in items):
            out += [_segment(it[1].x, it[1].y, it[2].x, it[2].y, stroke) for it in items]
        elif all(it[0] == "re" for it in items) or all(it[0] == "qu" for it in items):
            for it in items:
                r = it[1].rect if it[0] == "qu" else it[1]
                out.append(_rect(r.x0, r.y0, r.x1, r.y1, fill, stroke))
        else:
            small = fill is not None and max(d["rect"].width, d["rect"].height) <= ICON_AREA_MAX
            out.append(Drawing(bbox=(x0, y0, x1, y1), kind="shape", fill=fill, stroke=stroke,
                               area=_reference_area(items) if small else None))
    return out


def _reference_area(items: list[tuple[Any, ...]]) -> float:
    """A path's area from its Point objects: shoelace over its corners and each curve at eighths."""
    corners: list[tuple[float, float]] = []
    for it in items:
        if it[0] == "l":
            corners += [(it[1].x, it[1].y), (it[2].x, it[2].y)]
        elif it[0] == "c":
            a, b, c, e = it[1:5]
            for k in range(9):
                t = k / 8
                u = 1 - t
                corners.append((u**3 * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t**3 * e.x,
                                u**3 * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t**3 * e.y))
        elif it[0] == "re":
            return round(abs(it[1].width * it[1].height), 2)
    twice = sum(p[0] * q[1] - q[0] * p[1] for p, q in zip(corners, corners[1:] + corners[:1], strict=True))
    return round(abs(twice) / 2, 2)


def _reference_spans(page: pymupdf.Page) -> list[tuple[str, tuple[float, ...], str, float]]:
    """The page's horizontal text spans from its own ``get_text("dict")`` call, a span with
    an em-wide run of spaces inside cut there (read from ``get_text("rawdict")``'s characters,
    as the reader does: tables set with spaces)."""
    data = page.get_text("dict", flags=FLAGS)
    raw = page.get_text("rawdict", flags=FLAGS)
    out: list[tuple[str, tuple[float, ...], str, float]] = []
    for bi, b in enumerate(data["blocks"]):
        if b.get("type") != 0:
            continue
        for li, ln in enumerate(b["lines"]):
            if ln.get("dir", (1, 0))[0] < 0.5:
                continue
            for si, s in enumerate(ln["spans"]):
                if not s["text"].strip():
                    continue
                y0, y1 = round(s["bbox"][1], 2), round(s["bbox"][3], 2)
                chars = raw["blocks"][bi]["lines"][li]["spans"][si]["chars"]
                pieces = _spaced_pieces(chars, s["size"]) if "  " in s["text"].strip() else []
                if len(pieces) < 2 or len(chars) != len(s["text"]):
                    out.append((s["text"], (round(s["bbox"][0], 2), y0, round(s["bbox"][2], 2), y1), s["font"],
                                round(s["size"], 2)))
                    continue
                for a, z in pieces:
                    out.append(("".join(c["c"] for c in chars[a:z]),
                                (round(chars[a]["bbox"][0], 2), y0, round(chars[z - 1]["bbox"][2], 2), y1),
                                s["font"], round(s["size"], 2)))
    return out


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_raw_pages_equal_the_plain_pymupdf_reading(pdf: Path) -> None:
    with pymupdf.open(pdf) as doc:
        for i, page in enumerate(doc):
            raw = read_page(page, i + 1)
            spans = [(s.text, s.bbox, s.font, s.size) for ln in raw.lines for s in ln.spans]
            # (repr: rounded values memoised per page must print as round() gives them, -0.0 too)
            assert repr(spans) == repr(_reference_spans(page)), f"page {i + 1}: text differs"
            assert repr(raw.drawings) == repr(_reference_drawings(page)), f"page {i + 1}: drawings differ"
            infos = page.get_image_info()
            assert [im.bbox for im in raw.images] == [tuple(info["bbox"]) for info in infos]
            assert [(im.width, im.height) for im in raw.images] == [(info["width"], info["height"]) for info in infos]


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_lines_read_clipped_equal_the_whole_page_rawdict(pdf: Path) -> None:
    """Lines read with their characters one by one, the text page clipped to each, are the
    whole page's ``extractRAWDICT`` lines; the text page reads as before afterwards."""
    with pymupdf.open(pdf) as doc:
        for page in doc:
            tp = page.get_textpage(flags=FLAGS)
            data = tp.extractDICT()
            keys = sorted((bi, li) for bi, b in enumerate(data["blocks"]) if b["type"] == 0
                          for li in range(len(b["lines"])))
            whole = tp.extractRAWDICT()["blocks"]
            few = set(keys[:: max(1, len(keys) // _CLIPPED_LINES)][:_CLIPPED_LINES])
            assert _raw_lines(tp, data, few) == {(bi, li): whole[bi]["lines"][li] for bi, li in few}
            assert tp.extractDICT() == data


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_image_block_check_equals_the_image_info(pdf: Path) -> None:
    """The check for images on a text page kept with TEXT_PRESERVE_IMAGES says what PyMuPDF's
    own image info says, on pages with and without images."""
    seen = set()
    with pymupdf.open(pdf) as doc:
        for page in doc:
            tp = page.get_textpage(flags=FLAGS | pymupdf.TEXT_PRESERVE_IMAGES)
            expected = bool(tp.extractIMGINFO())
            assert _has_image_block(tp) is expected
            seen.add(expected)
    if pdf.parent == REAL:
        assert seen == {True, False}  # the image document has pages of both kinds


def test_the_image_document_keeps_its_icons_and_bars() -> None:
    """The real document's statuses are raster icons and its progress bars images: they are
    found, with their colour (its icons are all green) and the bars' filled share."""
    with pymupdf.open(REAL / "simrishamn_kfn_arsbokslut_2025_printtopdf.pdf") as doc:
        cache: dict[int, tuple[int | None, float | None, bytes | None]] = {}
        images = [im for i, page in enumerate(doc) for im in read_page(page, i + 1, cache).images]
        assert len(images) == sum(len(page.get_image_info()) for page in doc)
    icons = [im for im in images if im.is_icon]
    assert len(icons) >= 30
    assert all((im.color or 0) >> 8 & 0xFF > (im.color or 0) >> 16 for im in icons)  # green over red
    bars = [im for im in images if im.is_bar]
    assert len(bars) >= 20 and all(0 <= (im.fill or 0) <= 1 for im in bars)


def _brute_groups(hs: list[_Seg], vs: list[_Seg]) -> list[set[int]]:
    """Components by checking every horizontal against every vertical (ids of the segments)."""
    parent = {id(s): id(s) for s in hs + vs}

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    crossed: set[int] = set()
    ruled: set[int] = set()
    shade_h: dict[int, float] = {}
    for h in hs:
        for v in vs:
            if h.a - TOL <= v.pos <= h.b + TOL and v.a - TOL <= h.pos <= v.b + TOL:
                parent[find(id(h))] = find(id(v))
                crossed.add(id(h))
                if not v.shade:
                    ruled.add(id(h))
                else:
                    shade_h[id(h)] = max(shade_h.get(id(h), 0.0), v.b - v.a)
    # stacked rules of one extent, as _groups joins them (not two rules of grids, nor shaded
    # bands further apart than one unshaded row as high as a shaded one; no page text given,
    # so no gap of 120 pt or more): each rule with the nearest above it sharing some width
    order = sorted(hs, key=lambda h: h.pos)
    for k, h2 in enumerate(order):
        h1 = next((g for g in reversed(order[:k]) if g.a < h2.b and h2.a < g.b), None)
        if h1 is None:
            continue
        gap = max(SHADE_GAP, 1.15 * min(shade_h.get(id(h1), 0.0), shade_h.get(id(h2), 0.0)))
        if id(h1) in crossed and id(h2) in crossed and (id(h1) in ruled or id(h2) in ruled or h2.pos - h1.pos > gap):
            continue
        if abs(h1.a - h2.a) <= 4 and abs(h1.b - h2.b) <= 4 and 0 <= h2.pos - h1.pos < 120:
            parent[find(id(h1))] = find(id(h2))
    comps: dict[int, set[int]] = {}
    for s in hs + vs:
        comps.setdefault(find(id(s)), set()).add(id(s))
    return sorted(comps.values(), key=min)


@pytest.mark.parametrize("pdf", PDFS[:4], ids=lambda p: p.stem)
def test_rule_components_equal_the_brute_force_ones(pdf: Path) -> None:
    with pymupdf.open(pdf) as doc:
        for i, page in enumerate(doc):
            raw = read_page(page, i + 1)
            hs, vs = _segments(raw.drawings, raw.width, raw.height)
            fast = sorted(({id(s) for s in g_hs + g_vs} for g_hs, g_vs in _groups(hs, vs)), key=min)
            assert fast == _brute_groups(hs, vs), f"page {i + 1}"


def test_a_line_follows_its_spans_when_they_change() -> None:
    """OCR repair rewrites span text in place after lines are read: a line's text, box and
    size must follow (they are kept between reads, not frozen)."""
    doc = read_pdf(FIXTURES / "robertsfors-verksamhetsplan-2025.pdf")
    line = next(ln for p in doc.pages for ln in p.lines if len(ln.spans) >= 2)
    before, box = line.text, line.bbox
    first = line.spans[0]
    first.text = "Ändrad " + first.text
    assert line.text.startswith("Ändrad ") and line.text != before
    first.bbox = (first.bbox[0] - 50, first.bbox[1], first.bbox[2], first.bbox[3])
    assert line.bbox[0] == box[0] - 50
    # Another list of spans is another line's content.
    line.spans = line.spans[1:]
    assert not line.text.startswith("Ändrad")
    # Lines compare by their content, not by what they have cached.
    twin = Line(spans=list(line.spans), page=line.page, method=line.method, raw_text=line.raw_text)
    assert twin == line
    assert Line(spans=[Span(text="x", bbox=(0, 0, 1, 1))], page=1).text == "x"


@pytest.mark.parametrize("pdf", PDFS[:4], ids=lambda p: p.stem)
def test_column_lookup_by_bisection_equals_the_linear_one(pdf: Path) -> None:
    """A cell's column is the nearest column position: found by bisection in the well-spaced
    positions of every table region of these PDFs, it is the one the linear scan finds, at
    every position, halfway between two, just either side of one and outside them."""
    from planparse.reading.tables import _index, _index_sorted, _regions, _well_spaced

    checked = 0
    with pymupdf.open(pdf) as doc:
        for i, page in enumerate(doc):
            for region in _regions(read_page(page, i + 1)):
                xs = region.xs
                assert _well_spaced(xs)
                probes = [x + d for x in xs for d in (0.0, -1e-9, 1e-9, -3.0, 3.0)]
                probes += [(a + b) / 2 for a, b in zip(xs, xs[1:], strict=False)] + [-1e7, 1e7, float("nan")]
                for x in probes:
                    assert _index_sorted(xs, x) == _index(xs, x), (i + 1, xs, x)
                    checked += 1
    assert checked > 50
