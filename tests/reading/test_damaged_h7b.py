"""Damaged layers (English-OCR'd text layers and scans), reading layer: contents pages whose
dot leaders an OCR read as letters, numbers glued to words, footnote rows under unruled
tables, junk read off icons, scanned tables whose rules the image lost, lost bullets and a
scan's en dashes. Each test builds the lines or tables the way the reading layer holds them."""

from __future__ import annotations

import pymupdf

from planparse.limits import DEFAULT_LIMITS
from planparse.reading import (
    _lost_bullets,
    _scan_en_dashes,
    contents,
    noise,
    ocr,
    positioned,
    tables,
)
from planparse.reading.model import Cell, Line, Row, Span, Table


def _line(text: str, x0: float, y0: float, x1: float, size: float = 10.0, method: str = "repaired", page: int = 2) -> Line:
    words = text.split(" ")
    width = (x1 - x0) / max(len(text), 1)
    spans, x = [], x0
    for k, w in enumerate(words):
        t = w if k == 0 else " " + w
        spans.append(Span(text=t, bbox=(x, y0, x + width * len(t), y0 + size), size=size))
        x += width * len(t)
    return Line(spans=spans, page=page, method=method)  # type: ignore[arg-type]


def test_leader_read_as_letters_counts_under_a_contents_heading() -> None:
    """Under "Innehållsförteckning", entries whose leaders Tesseract read as a long run of
    x-height letters ("…arbetsgivare.......ccssccssssceseess 4") and the garbled or bare
    entries between them all go; a long Swedish compound is no leader."""
    lines = [
        _line("Innehållsförteckning", 62, 100, 200),
        _line("1 Inledning.", 62, 120, 120),
        _line("2 Uppdrag och organisation....", 62, 135, 220),
        _line("BMA OCH MYCKEI Bal)", 62, 150, 147),
        _line("ccesecesecesececscsscvaccececesscuovescesyucstsastcucatenecsaseslsucndsosseseslov 4", 498, 150, 529),
        _line("3.3 Mål 4 -Kommunen ska vara en attraktiv arbetsgivare...........ccssccssssceseessssessersesses 4", 79, 170, 529),
        _line("4.2 Investeringsbudget", 79, 190, 181),
        _line("sön InternKOmerallplanscc.vc.c..ST.c<cccrsenceesusdaoeocentencecswsesconsensedeon 7", 80, 210, 529),
        _line("5.2 Riskvärdering.", 80, 230, 156),
    ]
    assert contents.contents_lines(lines) == {id(ln) for ln in lines}
    assert contents._garbled_leader("..........ccssccssssceseessssessersessesseeseeesscessceseeeaseenees")
    assert not contents._garbled_leader("kompetensförsörjningsplanen arbetsmarknadsenheten")
    assert not contents._garbled_leader("seniorerna")


def test_number_glued_to_a_word_keeps_its_figure() -> None:
    """"Mal4" (the space lost) against the Swedish re-OCR's "Mål": "Mål4", the figure kept; a
    known word with figures glued is no garbled word; "arbetsmilj6" is "arbetsmiljö"."""
    assert ocr._with_glued_number("Mal4", "Mål") == "Mål4"
    assert ocr._with_glued_number("arbetsmilj6", "arbetsmiljö") == "arbetsmiljö"
    assert not ocr._garbled("Mål4")
    assert ocr._garbled("eMhinvestert")


def test_footnote_row_under_an_ocr_table_ends_it() -> None:
    """An unruled OCR'd indicator table: the "*Medarbetarenkät …" / "**Exklusive …" rows under
    it are notes, no rows of the table."""
    def is_header(words: list[str]) -> bool:
        return words == ["Indikatorer", "Utfall", "Målvärde"]

    lines = [
        _line("Indikatorer", 63, 194, 114, page=6), _line("Utfall", 300, 194, 330, page=6),
        _line("Målvärde", 400, 194, 440, page=6),
        _line("Sjukfrånvaro totalt, procent", 63, 210, 186, page=6), _line("7,1", 300, 210, 315, page=6),
        _line("Minska", 400, 210, 430, page=6),
        _line("Medarbetarindex*", 63, 226, 145, page=6), _line("72", 300, 226, 310, page=6),
        _line("75", 400, 226, 410, page=6),
        _line("*Medarbetarenkät, skala 0–100", 63, 244, 166, size=7.4, page=6),
        _line("**Exklusive pensionsavgångar", 63, 256, 160, size=6.9, page=6),
    ]
    found = positioned.find_tables(lines, is_header, lambda ln: False)
    assert len(found) == 1
    names = [r.texts[0] for r in found[0][0].rows]
    assert names == ["Indikatorer", "Sjukfrånvaro totalt, procent", "Medarbetarindex*"]


def test_unknown_words_crossing_a_row_are_junk() -> None:
    """"(Sonera ae:" read off an icon, its box running into the row under it, goes; a status
    word crossing nothing, and a line of common words, stay."""
    junk = _line("(Sonera ae:", 110, 429, 163, size=12)
    row = _line("Införa ett lokalt jobbspår för nyanlända", 70, 438, 502)
    status = _line("Pågående", 110, 460, 163)
    words = _line("Ej påbörjad", 110, 432, 163)
    found = noise.ocr_junk_lines([junk, row, status, words])
    assert id(junk) in found
    assert not found & {id(row), id(status), id(words)}


def test_scanned_row_with_its_rules_read_as_bars_keeps_the_columns() -> None:
    """A scanned ruled table's row whose vertical rules the image lost, Tesseract reading each
    as "|" at the column rule: the row keeps the table's columns."""
    ln = _line("Se över avtalen | Vänteläge | 2023-06-30", 60, 300, 500, method="ocr")
    spans = ln.spans
    bars = [s for s in spans if s.text.strip() == "|"]
    xs = [58.0, bars[0].xc + 1, bars[1].xc - 1, 511.0]
    raw = type("Raw", (), {"lines": [ln]})()
    in_row = [(0, s, s.xc, s.yc) for s in spans]
    assert tables._rules_read_as_bars(in_row, xs, raw)  # type: ignore[arg-type]
    assert not tables._rules_read_as_bars(in_row, [58.0, 300.0, 511.0], raw)  # type: ignore[arg-type]


def _cell_row(texts: list[str], y: float, header: bool = False) -> Row:
    cells = [Cell(lines=[_line(t, 60 + 200 * k, y, 60 + 200 * k + 8 * len(t), method="ocr")], bbox=(60 + 200 * k, y, 260 + 200 * k, y + 14), col=k)
             for k, t in enumerate(texts)]
    return Row(cells=cells, page=2, bbox=(60, y, 460, y + 14), is_header=header)


def test_first_row_repeating_a_header_on_the_page_is_the_header() -> None:
    """"Nämndmål | Bedömning" over each goal: a table whose first row's shade a scan lost has
    the header the page's other such tables have."""
    done = Table(rows=[_cell_row(["Nämndmål", "Bedömning"], 100, header=True), _cell_row(["Fler unga vuxna", ""], 114)], n_cols=2)
    done.header = ["Nämndmål", "Bedömning"]
    lost = Table(rows=[_cell_row(["Nämndmål", "Bedömning"], 600), _cell_row(["Sjukfrånvaron ska minska", ""], 614)], n_cols=2)
    other = Table(rows=[_cell_row(["Barn och unga", "Grön"], 700), _cell_row(["Äldre", "Gul"], 714)], n_cols=2)
    tables._repeated_headers([done, lost, other])
    assert lost.rows[0].is_header and lost.header == ["Nämndmål", "Bedömning"]
    assert not other.rows[0].is_header and other.header == []


def test_bullets_lost_after_a_list_s_first_item_come_back() -> None:
    """Under a lead-in ending in a colon, items after the first whose bullets Tesseract lost,
    set at the first item's text and each ending short of the line, are items again."""
    lines = [
        _line("För att nå visionen är följande områden särskilt prioriterade under 2019 och framåt:", 70, 168, 510, method="ocr"),
        _line("• Digitalisering av verksamheterna", 68, 194, 257, method="ocr"),
        _line("Kompetensförsörjning", 83, 210, 198, method="ocr"),
        _line("Bostadsbyggande och hållbar samhällsplanering", 84, 225, 337, method="ocr"),
        _line("Resursfördelningen görs enligt kommunens modell som beskrivs i kapitel fyra nedan.", 70, 262, 510, method="ocr"),
    ]
    lines[1].spans[1].bbox = (83.0, *lines[1].spans[1].bbox[1:])
    _lost_bullets(lines)
    assert [ln.text[:2] for ln in lines] == ["Fö", "• ", "• ", "• ", "Re"]


def test_scan_ranges_measured_for_en_dashes() -> None:
    """A range a scan's OCR read with a hyphen takes the en dash its ink shows (a dash half
    an em long between "2021" and "2025"); one whose dash is a hyphen's length keeps it."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    lines = []
    for y, dash in ((200, 6.5), (300, 2.6)):
        page.insert_text((150, y), "2021", fontsize=12, fontname="helv")
        left = 150 + pymupdf.get_text_length("2021", fontname="helv", fontsize=12) + 1
        page.draw_rect(pymupdf.Rect(left, y - 4.2, left + dash, y - 3.3), color=None, fill=(0, 0, 0))
        page.insert_text((left + dash + 1, y), "2025", fontsize=12, fontname="helv")
        right = left + dash + 1 + pymupdf.get_text_length("2025", fontname="helv", fontsize=12)
        lines.append(Line(spans=[Span(text="2021-2025", bbox=(149, y - 9.5, right + 1, y + 1), size=12)], page=1, method="ocr"))
    pdf = pymupdf.open("pdf", doc.tobytes())
    _scan_en_dashes(pdf, {1: lines}, DEFAULT_LIMITS)
    assert [ln.text for ln in lines] == ["2021–2025", "2021-2025"]


def test_school_year_range_is_measured_too() -> None:
    """"F-3" (förskoleklass to year 3) is a range whose dash the ink decides, as "1-3" is; a
    word's hyphen ("Nöjd-Region") is none."""
    from planparse.reading import ink

    spans = [Span(text=t, bbox=(0, 0, 20, 10)) for t in ("F-3", "1-3", "Nöjd-Region", "A-3")]
    found = ink.range_candidates([Line(spans=spans, page=1, method="repaired")])
    assert [s.text for s in found] == ["F-3", "1-3"]


def test_sentence_set_apart_under_an_ocr_table_is_no_row() -> None:
    """"Utfallet avser perioden …" set further under a Mått | Mål | Utfall table's last row
    than the rows stand apart: a note, no wrapped name; a name's wrapped line tight under its
    row stays in the table."""
    def is_header(words: list[str]) -> bool:
        return words == ["Mått", "Mål", "Utfall"]

    head = [_line("Mått", 64, 296, 91), _line("Mål", 386, 296, 400), _line("Utfall", 460, 296, 486)]
    rows = [_line("Nettokostnadsutveckling, procent", 64, 322, 203), _line("3,5", 386, 322, 400),
            _line("4,1", 460, 322, 473), _line("Skatteintäktsutveckling, procent", 71, 340, 197)]
    note = _line("Utfallet avser perioden januari till augusti jämfört med samma period föregående år.", 69, 363, 387)
    found = positioned.find_tables([*head, *rows, note], is_header, lambda ln: False)
    assert [r.texts[0] for r in found[0][0].rows] == ["Mått", "Nettokostnadsutveckling, procent", "Skatteintäktsutveckling, procent"]
    tight = _line("Kommunalskatten och bidragen under perioden som helhet i kommunen.", 71, 350, 387)
    found = positioned.find_tables([*head, *rows, tight], is_header, lambda ln: False)
    assert found[0][0].rows[-1].texts[0].endswith("i kommunen.")
