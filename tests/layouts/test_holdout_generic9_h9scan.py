"""holdout-generic9's image-only scan (Härnösand, verksamhetsberättelse): KF goals and nämndmål
set in a grey sans heading style at about the body's size over black running text, each
nämndmål straight over its indicator table. Tesseract gives no colour, no font and sizes
within its noise; the page image shows the headings' grey ink."""

from __future__ import annotations

from pathlib import Path

from planparse.layouts.reread import reread_figure
from planparse.layouts.typography import Typography
from planparse.reading import read_pdf
from planparse.reading.model import Cell, Document, Line, Page, Row, Span, Table
from tests.layouts.holdout import HoldoutSet, all_goals, goals

DOCS = HoldoutSet("holdout-generic9")
SCAN = "verksamhetsberattelse/harnosand-son-verksamhetsberattelse-2025-scan"
PDF = Path(__file__).parents[2] / "fixtures/holdout-generic9" / f"{SCAN}.pdf"


def test_grey_headings_of_a_scan_rank_as_headings_and_the_first_of_two_is_the_group() -> None:
    doc = read_pdf(PDF)
    typo = Typography(doc)
    by_text = {ln.text: ln for ln in doc.pages[0].lines}
    area = by_text["Invånarna i Härnösand ska ha goda förutsättningar för ett gott liv"]
    goal = by_text["Fler personer med försörjningsstöd ska gå vidare till arbete eller studier"]
    long_goal = by_text["Barn och unga som behöver stöd ska få det tidigt och nära hemmet"]  # 13 words
    other_area = by_text["Härnösands kommun ska vara en attraktiv arbetsgivare"]
    assert all(s.color != 0 for s in area.spans)  # grey, as the image shows
    assert all(s.color == 0 for s in by_text["Måluppfyllelse: Delvis uppfyllt"].spans)
    assert [typo.rank(ln) for ln in (area, goal, long_goal, other_area)] == [1, 1, 1, 1]
    assert typo.size(area) == typo.size(other_area) > typo.size(goal) + 0.3
    assert typo.size(goal) == typo.size(long_goal)


def test_scan_goal_tree_assessments_and_indicators_as_gold() -> None:
    parsed, gold = DOCS.parsed(SCAN), DOCS.gold(SCAN)
    assert goals(parsed) == goals(gold)
    assert [g["level"] for g in all_goals(parsed)] == [g["level"] for g in all_goals(gold)]

    def fields(doc: dict) -> list[tuple]:
        return [(g["title"], g["assessment"] and (g["assessment"]["value"], g["assessment"]["raw"]), g["comment"],
                 [(i["name"], [(v["label"], v["kind"], v["year"], v["value"]) for v in i["values"]]) for i in g["indicators"]])
                for g in all_goals(doc)]

    assert fields(parsed) == fields(gold)


def _ocr_line(text: str, y: float, grey: bool = False, size: float = 11.0) -> Line:
    words, spans, x = text.split(), [], 60.0
    for k, w in enumerate(words):
        width = 5.0 * len(w)
        spans.append(Span(text=("" if k == 0 else " ") + w, bbox=(x, y, x + width, y + size * 0.8), size=size,
                          color=0x787878 if grey else 0))
        x += width + 3.0
    return Line(spans=spans, page=1, method="ocr")


def _page(lines: list[Line], tables: list[Table] | None = None) -> Document:
    page = Page(number=1, width=595, height=842, lines=lines, tables=tables or [], drawings=[], images=[], text_layer="ocr")
    return Document(file="x.pdf", sha256="", pages=[page], text_layer="ocr", ocr_engine="tesseract")


_BODY = [f"Nämnden har arbetat vidare med uppdraget under året och följt upp det i tid {k}." for k in range(8)]


def test_grey_heading_straight_over_another_of_its_style_is_a_step_above() -> None:
    """Two grey headings read at sizes within OCR's noise, nothing between them: the first is
    the group over the second; a grey heading with text under it is not."""
    body = [_ocr_line(t, 100 + 15 * k) for k, t in enumerate(_BODY)]
    area = _ocr_line("Invånarna ska ha goda förutsättningar för ett gott liv", 240, grey=True, size=11.2)
    goal = _ocr_line("Fler personer ska gå vidare till arbete eller studier", 265, grey=True, size=11.6)
    text = _ocr_line("Samarbetet har gett resultat men målvärdet nåddes inte.", 300)
    other = _ocr_line("Andelen heltidsanställda ska öka", 330, grey=True, size=11.4)
    doc = _page([*body, area, goal, text, other, _ocr_line("Heltidsresan har genomförts enligt plan.", 360)])
    typo = Typography(doc)
    assert [typo.rank(ln) for ln in (area, goal, other)] == [1, 1, 1]
    assert typo.rank(text) == 0
    assert typo.size(area) > typo.size(goal) + 0.3
    assert typo.size(other) < typo.size(area) - 0.3
    # the same words in black, set as the lines of the text around them, are text
    plain = _ocr_line("Invånarna ska ha goda förutsättningar för ett gott liv", 220, size=11.2)
    after = _ocr_line("Samarbetet har gett resultat men målvärdet nåddes inte.", 235)
    assert Typography(_page([*body, plain, after])).rank(plain) == 0
    grey = _ocr_line(plain.text, 220, grey=True, size=11.2)
    assert Typography(_page([*body, grey, after])).rank(grey) == 1  # its ink alone tells it


def test_a_table_between_two_grey_headings_keeps_them_apart() -> None:
    body = [_ocr_line(t, 100 + 15 * k) for k, t in enumerate(_BODY)]
    first = _ocr_line("Fler personer ska gå vidare till arbete eller studier", 240, grey=True)
    second = _ocr_line("Andelen heltidsanställda ska öka", 300, grey=True)
    cell = Cell(lines=[_ocr_line("Indikator", 262)], bbox=(60, 260, 200, 275), col=0)
    table = Table(rows=[Row(cells=[cell], page=1, bbox=(60, 260, 500, 275), is_header=True)], n_cols=1)
    typo = Typography(_page([*body, first, second], [table]))
    assert typo.size(first) == typo.size(second)


def test_a_blurred_figure_read_again_in_three_crops_that_vote() -> None:
    reads = iter(["7,9", "7,5", "7,5"])
    cell = Cell(lines=[_ocr_line("TS", 540)], bbox=(440, 538, 505, 552), col=4)
    assert reread_figure(lambda page, box: next(reads), cell) == "7,5"
    first = iter(["7,9", "", "7,5"])  # a tie: the first read
    assert reread_figure(lambda page, box: next(first), cell) == "7,9"


def test_ocr_header_year_with_a_speck_quote_and_a_percent_read_as_three_figures() -> None:
    from planparse.layouts.indicators import _LEAD_MARK
    from planparse.layouts.reread import _UNIT_AS_FIGURE

    assert _LEAD_MARK.sub("", '"2023') == "2023"
    assert _LEAD_MARK.sub("", "I 2023") == "I 2023"  # a letter before a figure stays
    assert _UNIT_AS_FIGURE.search("Andel tillsvidareanställda med heltid, 920")
    assert not _UNIT_AS_FIGURE.search("Antal platser 2025")


def test_a_grey_running_header_read_differently_on_each_page_is_no_heading() -> None:
    """A grey running header the noise filter missed ("Sårsele kommun …" on one page,
    "Sorsele kommun …" at the same height on the next) is no heading; a grey heading that no
    other page repeats is."""
    titles = {1: "Andelen heltidsanställda ska öka", 2: "Barn och unga ska få stöd tidigt"}

    def page(n: int, header: str) -> Page:
        body = [_ocr_line(t, 100 + 15 * k) for k, t in enumerate(_BODY)]
        lines = [_ocr_line(header, 50, grey=True), *body, _ocr_line(titles[n], 240, grey=True)]
        for ln in lines:
            ln.page = n
        return Page(number=n, width=595, height=842, lines=lines, tables=[], drawings=[], images=[], text_layer="ocr")

    doc = Document(file="x.pdf", sha256="", pages=[page(1, "Sårsele kommun Kommunstyrelsens verksamhetsplan 2026"),
                                                   page(2, "Sorsele kommun Kommunstyrelsens verksamhetsnlan 2024")],
                   text_layer="ocr", ocr_engine="tesseract")
    typo = Typography(doc)
    assert [typo.rank(p.lines[0]) for p in doc.pages] == [0, 0]
    assert [typo.rank(p.lines[-1]) for p in doc.pages] == [1, 1]
