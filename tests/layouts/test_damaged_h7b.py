"""Damaged layers, layout engine: headings an English-OCR'd layer or a scan leaves without
fonts (label-owning headings in body size, "Mål för …" lines, heading sizes a point apart),
unruled table headers of a label and terms, table rows that read as headings, and a styled
line after a bulleted list. Documents are built here as the reading layer hands them over."""

from __future__ import annotations

from planparse.layouts import parse_document
from planparse.layouts.headings import recognise
from planparse.layouts.table_headers import crosses_other, is_table_header, text_left_of
from planparse.layouts.typography import Typography
from planparse.reading.model import Document, Line, Page, Span


def _line(text: str, x0: float, y0: float, size: float = 10.0, page: int = 1) -> Line:
    spans, x = [], x0
    for k, w in enumerate(text.split(" ")):
        t = w if k == 0 else " " + w
        spans.append(Span(text=t, bbox=(x, y0, x + 5.2 * len(t), y0 + size), size=size))
        x += 5.2 * len(t)
    return Line(spans=spans, page=page, method="repaired")


def _doc(*pages: list[Line]) -> Document:
    return Document(
        file="x.pdf", sha256="0" * 64, text_layer="ocr", ocr_engine=None,
        pages=[Page(number=k + 1, width=595, height=842, lines=lines, tables=[], drawings=[], images=[], text_layer="repaired")
               for k, lines in enumerate(pages)],
    )


_BODY = "Kommunstyrelsen ansvarar för ett antal kommungemensamma objekt och deras utveckling"


def _objects_page() -> list[Line]:
    """Headings in body size over "Grunduppdrag", one a single word and one over a paragraph
    before its "Prioriterad utveckling", with bullets under each."""
    rows: list[tuple[str, float, float]] = [
        ("Kommungemensamma objekt", 64, 16.0), (_BODY, 91, 10.0), (_BODY, 105, 10.0),
        ("Medborgarservice", 133, 10.9), ("Grunduppdrag", 153, 10.0), (_BODY, 168, 10.0), (_BODY, 184, 10.0),
        ("Prioriterad utveckling 2019", 223, 10.0), ("• Utöka öppettiderna i kontaktcenter.", 240, 10.0),
        ("• Införa en chattfunktion.", 256, 10.0),
        ("Upphandling och inköp", 286, 10.9), ("Grunduppdrag", 305, 10.0), (_BODY, 319, 10.0),
        ("Prioriterad utveckling 2019", 343, 10.0), ("• Öka andelen inköp mot avtal.", 359, 10.0),
        ("• Ställa krav på fossilfria transporter.", 376, 10.0),
        ("Lokalförsörjning", 436, 9.9), (_BODY, 454, 10.0), ("Prioriterad utveckling 2019", 473, 10.0),
        ("• Ta fram en lokalförsörjningsplan.", 492, 10.0), (_BODY, 520, 10.0), (_BODY, 536, 10.0),
    ]
    return [_line(t, 69, y, size) for t, y, size in rows]


def test_label_owning_headings_in_body_size_are_one_level_of_headings() -> None:
    """Headings set in about the body's size, each owning a "Grunduppdrag" or "Prioriterad
    utveckling" field under it (one word, or a paragraph between), rank as headings and share
    one size, so that none nests under another; the bullets are their activities, and a
    heading after a bulleted list is no item of it."""
    doc = _doc(_objects_page())
    typo = Typography(doc)
    heads = {ln.text: ln for ln in doc.pages[0].lines}
    for title in ("Medborgarservice", "Upphandling och inköp", "Lokalförsörjning"):
        assert typo.rank(heads[title]) == 1, title
    assert typo.size(heads["Medborgarservice"]) == typo.size(heads["Lokalförsörjning"])
    out = parse_document(doc, layout="orebro_budget")
    goals = [(g.title, [a.title for a in g.activities], [c.title for c in g.children]) for g in out.goals]
    assert goals == [
        ("Medborgarservice", ["Utöka öppettiderna i kontaktcenter.", "Införa en chattfunktion."], []),
        ("Upphandling och inköp", ["Öka andelen inköp mot avtal.", "Ställa krav på fossilfria transporter."], []),
        ("Lokalförsörjning", ["Ta fram en lokalförsörjningsplan."], []),
    ]


def test_goal_heading_without_fonts() -> None:
    """"Mål för årets finansiella resultat" in body size on an OCR'd layer is a goal heading;
    a sentence starting so is not."""
    lines = [_line(_BODY, 63, 100 + 14 * k) for k in range(6)]
    head = _line("Mål för årets finansiella resultat", 63, 200)
    prose = _line("Mål för verksamheten är att resultatet ska uppgå till två procent av skatterna.", 63, 214)
    typo = Typography(_doc([*lines, head, prose]))
    found = recognise(head, typo, 3)
    assert found is not None and found.kind == "goal" and found.title == "Mål för årets finansiella resultat"
    other = recognise(prose, typo, 3)
    assert other is None or other.kind != "goal"


def test_ocr_heading_sizes_a_point_apart_are_one_step() -> None:
    """Three headings of one style measured 14.1, 14.2 and 15.2 from an OCR layer's boxes
    are one size; a style two points larger (16.0, 16.6) stays another."""
    body = [_line(_BODY, 63, 300 + 14 * k, 9.4) for k in range(12)]
    sizes = {"Kunskaper": 15.2, "Normer och värden": 14.2, "Elevernas ansvar": 14.1, "Inledning": 16.0, "Förutsättningar": 16.6}
    heads = [_line(t, 63, 60 + 40 * k, s) for k, (t, s) in enumerate(sizes.items())]
    typo = Typography(_doc([*heads, *body]))
    size = {ln.text: typo.size(ln) for ln in heads}
    assert size["Kunskaper"] == size["Normer och värden"] == size["Elevernas ansvar"]
    assert size["Inledning"] == size["Förutsättningar"] > size["Kunskaper"]


def test_header_of_an_indicator_label_and_terms() -> None:
    assert is_table_header(["Indikator", "VT 2023", "VT 2024", "VT 2025", "Mål"])
    assert is_table_header(["Indikator", "2023", "2024"])
    assert not is_table_header(["Indikator", "Andel elever i åk 5 som känner sig trygga", "88"])


def test_cells_right_of_a_name_and_icon_reads_are_no_headings() -> None:
    """"71 Kolada Andel" right of its row's name is a row's cells, no heading "71"; an OCR'd
    line crossing another line's box is no heading either; a heading alone is."""
    name, cells = _line("Andel heltidsanställda", 62, 603), _line("71 Kolada Andel", 258, 603)
    junk, row = _line("(Sonera ae:", 110, 429, 12.0), _line("Införa ett lokalt jobbspår", 70, 438)
    head = _line("3.3 Attraktiv arbetsgivare", 64, 82)
    page = _doc([head, junk, row, name, cells]).pages[0]
    assert text_left_of(cells, page) and not text_left_of(name, page) and not text_left_of(head, page)
    assert crosses_other(junk, page) and not crosses_other(head, page)


def test_ocr_indicator_rows_sub_indicators_and_marks() -> None:
    """An OCR'd Tot/K/M table: a sub-indicator's dash read as "•" makes it one of the row
    above ("Anställningstrygghet, bestående av: Andel tillsvidareanställda"), footnote marks
    read as quotes leave the name, and a header speck read as a quote leaves the label."""
    from planparse.layouts.indicators import indicator_rows
    from planparse.reading.model import Cell, Row, Table

    def row(texts: list[str], y: float, header: bool = False) -> Row:
        cells = [Cell(lines=[_line(t, 60 + 120 * k, y)] if t else [], bbox=(60 + 120 * k, y, 180 + 120 * k, y + 14), col=k)
                 for k, t in enumerate(texts)]
        return Row(cells=cells, page=1, bbox=(60, y, 540, y + 14), is_header=header)

    table = Table(rows=[
        row(["Indikatorer", "Tot K/M", "Utfall 2018", "'Målvärde 2019"], 100, header=True),
        row(["Hållbart medarbetarengagemang”\"", "Tot", "79", "Öka"], 114),
        row(["Anställningstrygghet, bestående av", "Tot", "84,2", "Öka"], 128),
        row(["• Andel tillsvidareanställda", "", "89", ""], 142),
    ], n_cols=4)
    table.header = ["Indikatorer", "Tot K/M", "Utfall 2018", "'Målvärde 2019"]
    found = indicator_rows(table)
    assert [i.name for i in found] == [
        "Hållbart medarbetarengagemang",
        "Anställningstrygghet, bestående av",
        "Anställningstrygghet, bestående av: Andel tillsvidareanställda",
    ]
    assert [v.label for v in found[0].values] == ["Utfall 2018", "Målvärde 2019"]
