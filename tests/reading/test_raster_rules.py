"""Table rules found in scanned page images, and tables rebuilt from OCR'd words.

Expected rule positions are taken from the vector drawings of the native PDF the scan was made
from (the stress corpus scans each native PDF page as an image); expected table content from
the stress corpus gold, which is generated from the content model, not by the parser."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pymupdf
import pytest

import planparse
from planparse.reading.model import Span
from planparse.reading.pymupdf_backend import render_gray
from planparse.reading.raster_rules import _pgm, _specks, rules, rules_and_clean_image
from planparse.reading.tables import _PERIOD_HEADER, _fit_to_body, _label_without_specks
from planparse.reading.weight import stroke

STRESS = Path(__file__).resolve().parents[2] / "fixtures" / "stress"
DPI = 200


def _image(path: Path, page: int) -> bytes:
    with pymupdf.open(path) as pdf:
        return render_gray(pdf[page - 1], DPI)


def _native_hlines(path: Path, page: int) -> list[tuple[float, float, float]]:
    """(y, x0, x1) of the horizontal rules a native PDF page draws."""
    out = []
    with pymupdf.open(path) as pdf:
        for d in pdf[page - 1].get_drawings():
            r = d["rect"]
            if r.width > 100 and r.height < 3:
                out.append(((r.y0 + r.y1) / 2, r.x0, r.x1))
    return out


def test_faint_grey_hairlines_are_found() -> None:
    """orebro_budget-01-reportlab-scan page 4: an indicator table ruled only horizontally with
    0.3 pt grey hairlines, which the scan turns into broken rules lighter than ink. Every rule
    the native PDF draws is found where it is drawn (the scan is turned by up to 0.6 degrees)."""
    found = [d for d in rules(_image(STRESS / "orebro_budget" / "orebro_budget-01-reportlab-scan.pdf", 4), DPI)
             if d.kind == "hline"]
    native = _native_hlines(STRESS / "orebro_budget" / "orebro_budget-01-reportlab.pdf", 4)
    assert len(native) == 8
    assert len(found) == len(native)
    for y, x0, x1 in native:
        assert any(abs((d.bbox[1] + d.bbox[3]) / 2 - y) < 4 and abs(d.bbox[0] - x0) < 6 and abs(d.bbox[2] - x1) < 6
                   for d in found), (y, x0, x1)


@pytest.mark.parametrize(
    ("name", "pages"),
    [
        ("ange_uppsikt/ange_uppsikt-01-docx-scan", [2]),  # a contents page: dot leaders
        ("robertsfors_vp/robertsfors_vp-01-docx-scan", [2, 3, 4, 5, 6, 7, 8]),  # serif text, no rules
        ("kramfors_vp/kramfors_vp-01-html-scan", [3, 4]),  # bold headings, no table rules
    ],
)
def test_no_rules_where_the_native_page_draws_none(name: str, pages: list[int]) -> None:
    """Dot leaders, a serif font's baseline and bold words are long dark runs too, at the
    faint level; they are no rules (the native pages draw none below the page header)."""
    path = STRESS / f"{name}.pdf"
    native = STRESS / f"{name.removesuffix('-scan')}.pdf"
    for page in pages:
        with pymupdf.open(native) as pdf:
            drawn = [d for d in pdf[page - 1].get_drawings() if d["rect"].y1 > 72]
        assert not drawn  # below the page header, the native page draws nothing
        found = rules(_image(path, page), DPI)
        assert not [d for d in found if d.bbox[3] > 72], (page, found)


def test_faint_rules_painted_over_for_ocr() -> None:
    """The page image Tesseract reads has the rules found only at the faint level painted in
    the paper's tone; the black rules (the table's top and bottom) stay as they were, and off
    the rules only specks are painted over."""
    image = _image(STRESS / "orebro_budget" / "orebro_budget-01-reportlab-scan.pdf", 4)
    found, clean = rules_and_clean_image(image, DPI)
    before, after = _pgm(image), _pgm(clean)
    assert before is not None and after is not None and before.shape == after.shape
    hlines = [d for d in found if d.kind == "hline"]
    on_rules = np.zeros(before.shape, dtype=bool)
    for d in hlines:
        on_rules[round((d.bbox[1] - 2) * DPI / 72) : round((d.bbox[3] + 2) * DPI / 72)] = True
    changed = before != after
    assert (changed & on_rules).any()
    # off the rules only specks changed (dots alone on the paper)
    off = changed & ~on_rules
    assert (off & _specks(before, DPI)).sum() >= 0.9 * off.sum()
    paper = int(np.median(before))
    faint = 0
    for d in hlines:
        y0, y1 = round(d.bbox[1] * DPI / 72), round(d.bbox[3] * DPI / 72)
        x0, x1 = round(d.bbox[0] * DPI / 72), round(d.bbox[2] * DPI / 72)
        band, cleaned = before[y0 : y1 + 1, x0:x1], after[y0 : y1 + 1, x0:x1]
        if (band < 160).any(axis=0).mean() > 0.5:  # a black rule
            assert (cleaned == band).all()
        else:
            faint += 1
            assert (band < paper - 30).any(axis=0).mean() > 0.5
            assert (cleaned < paper - 30).mean() < 0.02
    assert faint >= 5  # the rules between the table's rows


def test_dark_ruled_grid_left_as_it_is() -> None:
    """ange_uppsikt-01-docx-scan page 3: black grid rules, which Tesseract reads around well,
    are not painted over (only specks are)."""
    image = _image(STRESS / "ange_uppsikt" / "ange_uppsikt-01-docx-scan.pdf", 3)
    found, clean = rules_and_clean_image(image, DPI)
    before, after = _pgm(image), _pgm(clean)
    assert before is not None and after is not None
    assert len(found) >= 30
    for d in (d for d in found if d.kind in ("hline", "vline")):  # (its shaded header bands are rects)
        x0, y0, x1, y1 = (round(v * DPI / 72) for v in d.bbox)
        assert (after[y0 : y1 + 1, x0 : x1 + 1] == before[y0 : y1 + 1, x0 : x1 + 1]).all(), d


def test_specks_and_not_letters() -> None:
    """A dark dot of a few pixels alone on the paper is a speck; a letter, the dots over an
    "ä" and a full stop after a word are not."""
    page = np.full((80, 120), 245, dtype=np.uint8)
    page[10:12, 10:12] = 90  # a speck, alone
    page[40:60, 30:33] = 20  # a letter's stem
    page[40:42, 36:41] = 20  # and its bar
    page[35:37, 31:33] = 30  # an umlaut's dot above it
    page[58:61, 45:48] = 20  # a full stop after it
    page[70:72, 100:102] = 120  # another speck, paler
    specks = _specks(page, DPI)
    assert specks[10:12, 10:12].all() and specks[70:72, 100:102].all()
    assert not specks[30:62, 25:50].any()


def test_scan_indicator_table_ruled_only_horizontally() -> None:
    """orebro_budget-01-reportlab-scan: the table under "Mål: Sölvesborg kommun ska vara en
    attraktiv arbetsgivare", its header named "Indikatorer | Tot K/M | Utfall 2017 | Utfall 2018
    | Målvärde 2019" (no bold on a scan), its names running on under the next heading."""
    doc = planparse.parse(STRESS / "orebro_budget" / "orebro_budget-01-reportlab-scan.pdf")
    goal = next(g for g in doc.iter_goals() if g.title == "Sölvesborg kommun ska vara en attraktiv arbetsgivare")
    names = [i.name for i in goal.indicators]
    assert names == [
        "Arbetsmiljöcertifierade chefer",
        "Andel chefer med 10-30 medarbetare, procent",
        "Andel enheter/grupper med HME-värde på minst 78, procent",
    ]
    assert [v.raw for v in goal.indicators[0].values] == ["83,8", "70,5", "Ja"]
    assert [v.raw for v in goal.indicators[1].values] == ["40,9", "27", "Ja"]


def test_period_headings() -> None:
    for text in ("Utfall 2017", "Målvärde 2019", "Budget 2025/26", "Utfall jan-aug 2024"):
        assert _PERIOD_HEADER.fullmatch(text), text
    for text in ("2019", "83,8", "Tot K/M", "Andel 2019 x", "Indikatorer"):
        assert not _PERIOD_HEADER.fullmatch(text), text


def _span(text: str, x0: float, x1: float, y: float = 0.0) -> Span:
    return Span(text=text, bbox=(x0, y, x1, y + 8))


def test_column_boundary_moves_into_the_body_gap() -> None:
    head = [_span("Indikatorer", 80, 124), _span("Tot", 286, 299), _span("Utfall", 340, 370)]
    body = [_span("Andel", 80, 101, 20), _span("chefer", 104, 127, 20), _span("med", 130, 146, 20),
            _span("10-30", 150, 170, 20), _span("medarbetare,", 173, 223, 20), _span("procent", 226, 254, 20),
            _span("Tot", 286, 298, 20), _span("40,9", 340, 355, 20), _span("Arbetsmiljöcertifierade", 80, 164, 40)]
    cols = _fit_to_body([73, 205, 320, 550], head, body)
    assert cols[0] == 73 and cols[-1] == 550
    assert 254 < cols[1] < 286
    assert 299 < cols[2] < 340  # the body leaves the header gap free: its middle
    # a comment across the whole table says nothing; where the body fills the gap (text
    # running on under the gap to the next column's icons), the next column starts where its
    # label does
    full = [_span("Kommentar: en lång rad över hela tabellen", 80, 540, 40)]
    assert _fit_to_body([73, 205, 550], head[:2], full) == [73, 205, 550]
    filled = [_span("a", 124, 200, 20), _span("b", 202, 290, 20)]
    assert _fit_to_body([73, 205, 550], head[:2], filled) == [73, 285, 550]


def test_header_label_without_specks() -> None:
    """ange_tertial-01-reportlab-scan page 4: a speck beside the "Status" heading read as "fä"."""
    assert _label_without_specks("Status fä") == "Status"
    assert _label_without_specks("Status") == "Status"
    assert _label_without_specks("Verksamhetens aktiviteter") == "Verksamhetens aktiviteter"
    assert _label_without_specks("Tot K/M") == "Tot K/M"  # no label before the short words


def test_scan_activity_status_column_under_a_specked_heading() -> None:
    doc = planparse.parse(STRESS / "ange_tertial" / "ange_tertial-01-reportlab-scan.pdf")
    acts = {a.title: a for g in doc.iter_goals() for a in g.activities}
    act = acts["Installera laddstolpar vid kommunhuset"]
    assert act.status is not None and act.status.value.value == "completed"
    act = acts["Byta ut fem fossildrivna bilar i bilpoolen mot elbilar"]
    assert act.status is not None and act.status.value.value == "in_progress_deviation"


def test_bold_words_on_a_scan_from_their_strokes() -> None:
    """scan-bracke-uppsikt-short page 1 (seen on the page image): the table headings and each
    activity's title are set in bold over a regular description; OCR gives no fonts, the
    strokes tell them apart."""
    from planparse.reading import read_pdf

    page = read_pdf(Path(__file__).resolve().parents[2] / "fixtures" / "scan-bracke-uppsikt-short.pdf").pages[0]
    cells = {ln.text: ln.bold for t in page.tables for r in t.rows for c in r.cells for ln in c.lines}
    for bold in ("Verksamhetens aktiviteter", "Startdatum", "Slutdatum", "Öppen hall på fredagskvällar",
                 "Hälsosamtal med alla medarbetare"):
        assert cells[bold], bold
    for regular in ("Hålla idrottshallen i Bräcke öppen för", "spontanidrott på fredagar.",
                    "Cirka 30 besökare per kväll.", "2023-01-13"):
        assert not cells[regular], regular


def test_stroke_of_a_word() -> None:
    ink = np.zeros((10, 40), dtype=bool)
    ink[:, 2:4] = True  # two upright strokes two pixels thick
    ink[:, 10:12] = True
    assert stroke(ink) == 2.0
    for a in (20, 27, 34):  # three more, five pixels thick
        ink[:, a : a + 5] = True
    assert stroke(ink) == 3.8  # the mean run: (2 + 2 + 5 + 5 + 5) / 5, finer than whole pixels
    bar = np.zeros((10, 40), dtype=bool)
    bar[:, 2:4] = bar[:, 10:12] = True
    bar[0, 14:30] = True  # a bar along a row (an "e"'s), over twice the median run: no stroke
    assert stroke(bar) == 2.0
    assert stroke(np.zeros((4, 4), dtype=bool)) == 0.0


def test_rule_glyphs_dropped_from_ocr_cell_lines() -> None:
    from planparse.reading import _rule_glyphs
    from planparse.reading.model import Line

    def line(*words: tuple[str, float, float]) -> Line:
        return Line(spans=[_span(w, a, b) for w, a, b in words], page=1, method="ocr")

    ln = line(("|2023-05-02", 290, 340))
    _rule_glyphs(ln)
    assert ln.text == "2023-05-02"
    ln = line(("2023-02-01", 290, 340), (" -", 345, 348))
    _rule_glyphs(ln)
    assert ln.text == "2023-02-01"
    ln = line(("|", 280, 282), (" Fritid", 290, 320), (" |", 330, 331))
    _rule_glyphs(ln)
    assert ln.text == "Fritid"
    ln = line(("Mål", 80, 95), (" -", 100, 104))  # a dash after a word is kept
    _rule_glyphs(ln)
    assert ln.text == "Mål -"


def test_letters_beside_a_tilted_faint_rule_keep_their_feet() -> None:
    """A scan's faint row rules are tilted with the page (under a degree: their groups are as
    tall as a row's letters' feet). Painting them over leaves the letters' dark cores, so the
    row names and figures of Solna's budget table read right ("Kollektivtrafik", not
    "Kallaktivtrafik"; "-0,6", not "-U,0")."""
    from planparse.reading.raster_rules import LETTER_CORE

    pdf = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-generic16" / "budgetuppfoljning" \
        / "solna-tn-tertialrapport-2-2026-scan.pdf"
    image = _image(pdf, 1)
    before, after = _pgm(image), _pgm(rules_and_clean_image(image, DPI)[1])
    assert before is not None and after is not None
    assert ((before != after) & (before < LETTER_CORE)).sum() == 0  # no letter's core painted
    doc = planparse.parse(pdf)
    rows = {b.name: b for b in doc.budget}
    assert {"Gator och vägar", "Kollektivtrafik", "Avfallshantering"} <= set(rows)
    avvikelse = {name: next(v.amount for v in b.values if v.label == "Avvikelse") for name, b in rows.items()}
    assert avvikelse["Kollektivtrafik"] == -0.6 and avvikelse["Avfallshantering"] == -0.8


def _tilted_page(slope: float) -> bytes:
    """A 200-dpi A4 page image: paper 245, eight lines of text-like ink and, under each, a grey
    1-pixel hairline 80 % of the page wide, all tilted by ``slope`` (dy/dx)."""
    h, w = 2339, 1654
    pixels = np.full((h, w), 245, dtype=np.uint8)
    xs = np.arange(170, 1484)
    for k in range(8):
        y = 400 + 180 * k
        for x0 in range(170, 1400, 40):  # words: dark blocks on the line
            for x in range(x0, x0 + 28):
                yy = int(round(y - 40 + (x - w / 2) * slope))
                pixels[yy : yy + 22, x] = 40
        pixels[np.round(y + (xs - w / 2) * slope).astype(int), xs] = 170
    return f"P5\n{w} {h}\n255\n".encode() + pixels.tobytes()


@pytest.mark.parametrize("slope", [0.0, 0.0155, -0.012])
def test_hairlines_of_a_page_scanned_askew_are_found_whole(slope: float) -> None:
    """A page scanned about 0.9 degrees askew steps a hairline by a pixel every 65 pixels:
    read row by row its runs were too short for a rule and the rows of a ruled table ran
    together (Munkfors, holdout-families8). Read sheared level, each hairline is one rule
    across the table, boxed where it stands."""
    found = [d for d in rules(_tilted_page(slope), DPI) if d.kind == "hline"]
    assert len(found) == 8
    scale = 72 / DPI
    for k, d in enumerate(sorted(found, key=lambda d: d.bbox[1])):
        assert d.bbox[0] < 180 * scale and d.bbox[2] > 1470 * scale
        y = (400 + 180 * k) * scale
        assert abs((d.bbox[1] + d.bbox[3]) / 2 - y) < 2.5
        assert d.bbox[3] - d.bbox[1] <= abs(slope) * (d.bbox[2] - d.bbox[0]) + 2
