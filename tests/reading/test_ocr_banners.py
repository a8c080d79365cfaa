"""Headings drawn as banner images on native pages (set 12's Kristinehamn verksamhetsberättelse,
Chromium: each goal area's heading a PNG bar with white lettering, the goals under it real
text), and the two activity tables under two goals on one page kept apart by the second goal's
heading. Expected values are read off the document's gold JSON and its page images."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from planparse.reading import read_pdf
from planparse.reading.ocr_banners import banner_images
from planparse.reading.pymupdf_backend import read_page

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
KRISTINEHAMN = FIXTURES / "holdout-generic12" / "verksamhetsberattelse" / "kristinehamn-tn-verksamhetsberattelse-2025.pdf"
IMAGE_HEAVY = FIXTURES / "real" / "simrishamn_kfn_arsbokslut_2025_printtopdf.pdf"
AREAS = ["Trygga och tillgängliga gator", "Hållbar vatten- och avfallshantering",
         "Effektiv förvaltning av kommunens fastigheter"]


def test_banner_headings_read_in_place() -> None:
    doc = read_pdf(KRISTINEHAMN)
    for page, area in zip(doc.pages, AREAS, strict=True):
        banner = page.images[0].bbox
        found = [ln for ln in page.lines if ln.text == area]
        assert len(found) == 1, [ln.text for ln in page.lines]
        line = found[0]
        assert banner[1] <= line.bbox[1] < line.bbox[3] <= banner[3]
        # set larger than the goal headings (12 pt bold) under it
        assert line.size > 13


def test_no_banner_read_without_ocr() -> None:
    doc = read_pdf(KRISTINEHAMN, ocr="never")
    assert not any(ln.text in AREAS for p in doc.pages for ln in p.lines)


def test_small_images_are_no_banners() -> None:
    """The image-heavy årsbokslut: 223 images (status icons, bars, photos printed as stacked
    bands), none a heading bar: a band of a sliced photo, wide and short, is none."""
    with pymupdf.open(IMAGE_HEAVY) as doc:
        assert not any(banner_images(read_page(page, i + 1)) for i, page in enumerate(doc))


def test_goal_heading_between_two_activity_tables() -> None:
    """Page 1: "Tillgängligheten i centrum ska öka för personer med funktionsnedsättning" (12 pt
    bold, over 10.5 pt rows) with its Bedömning line and the next table's header, between two
    Aktivitet | Status tables ruled only horizontally: a heading, no row of one table."""
    page = read_pdf(KRISTINEHAMN, ocr="never").pages[0]
    texts = [ln.text for ln in page.lines]
    assert "Tillgängligheten i centrum ska öka för personer med" in texts
    assert len(page.tables) == 2
    cells = [c.text for t in page.tables for r in t.rows for c in r.cells]
    assert not any("Tillgängligheten" in c for c in cells)


def test_banner_goal_areas_say_they_were_read_by_ocr() -> None:
    """The goal areas read from the banner pictures are OCR'd text, whatever the page's layer;
    the goals under them are the page's own native text."""
    from planparse import parse

    doc = parse(KRISTINEHAMN)
    areas = [g for g in doc.goals if g.title in AREAS]
    assert [g.title for g in areas] == AREAS
    assert all(g.provenance.method.value == "ocr" for g in areas)
    assert all(child.provenance.method.value == "native" for g in areas for child in g.children)
