"""Tables, amounts and names on someone else's English OCR layer (Tesseract ``-l eng``,
invisible text over page images), end to end on the stress PDFs.

The expected names and amounts were read off the native copy of the same content
(kramfors_vp-00-docx.pdf, whose tables are vector text) and checked on the OCR copy's page
images; none is taken from the parser's output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest

import planparse
from planparse.model import PlanDocument
from planparse.reading import read_pdf
from planparse.reading.ocr import _diacritic_misread
from planparse.reading.tables import _broken_word
from planparse.text.repair import ocr_quote_style, ocr_stray_quote

STRESS = Path(__file__).resolve().parents[2] / "fixtures" / "stress"
KRAMFORS_OCR = STRESS / "kramfors_vp" / "kramfors_vp-00-docx-ocr.pdf"


@pytest.fixture(scope="module")
def kramfors_ocr() -> PlanDocument:
    return planparse.parse(KRAMFORS_OCR)


def test_word_box_over_a_column_gap_split_at_the_gap() -> None:
    """Page 6, investment table: the layer reads "Det gamla" (Beskrivning) and "Fritid"
    (Ansvarig) as one word "gamla_Fritid" boxed over both cells; the page image shows the
    column gap between them, so the box is split there and "Fritid" starts in its column."""
    doc = read_pdf(KRAMFORS_OCR)
    page = doc.pages[5]
    spans = [s for ln in page.lines for s in ln.spans]
    assert not any("gamla_" in s.text or "_Fritid" in s.text for s in spans)
    header = next(s for s in spans if s.text.strip() == "Ansvarig")
    fritid = [s for s in spans if s.text.strip() == "Fritid" and abs(s.bbox[1] - 511) < 3]
    gamla = [s for s in spans if s.text.strip() == "gamla" and abs(s.bbox[1] - 511) < 3]
    assert len(fritid) == 1 and len(gamla) == 1
    assert fritid[0].bbox[0] >= header.bbox[0] - 2
    assert gamla[0].bbox[2] < header.bbox[0]


def test_budget_names_without_specks_and_with_their_broken_ending(kramfors_ocr: PlanDocument) -> None:
    """Detaljbudget: "Kommunledningsstab" (the layer has a speck before it read as "“") and
    "Exploateringsintäkter" (broken at the cell's edge: "Exploateringsintäkt" / "er")."""
    lines = {b.name: [v.amount for v in b.values] for b in kramfors_ocr.budget}
    assert lines["Kommunledningsstab"] == [10078, 8641, 10134]
    assert lines["Exploateringsintäkter"] == [-2490, -2443, -2381]
    assert lines["Kommunledningskontoret"] == [129060, 128495, 130547]


def test_investments_read_across_glued_words_and_misread_figures(kramfors_ocr: PlanDocument) -> None:
    """Investeringsbudget, page 6, as in the native copy: each project's responsible unit and
    its amounts by year ("75" read as "TS" and as "2" on the layer; a speck read as "a" in
    an empty 2027 cell)."""
    inv = {i.name: i for i in kramfors_ocr.investments}
    byte = inv["Byte konstgräs IP"]
    assert byte.responsible == "Fritid"
    assert {a.year: a.amount for a in byte.amounts} == {2026: 2300}
    lib = inv["Tillgänglighetsanpassning biblioteket"]
    assert lib.responsible == "Biblioteket"
    assert {a.year: a.amount for a in lib.amounts} == {2027: 225}
    # two projects "Inköp av konst", Fritid's and Kultur's; the second one's name broken by
    # the page ("Inköp av" / "konst" under the header repeated on page 7)
    konst = {i.responsible: i for i in kramfors_ocr.investments if i.name == "Inköp av konst"}
    assert set(konst) == {"Fritid", "Kultur"}
    assert {a.year: a.amount for a in konst["Fritid"].amounts} == {2025: 75, 2026: 100, 2027: 100}
    assert {a.year: a.amount for a in konst["Kultur"].amounts} == {2025: 75, 2026: 75, 2027: 75}


def test_economy_chapter_is_no_list_item(kramfors_ocr: PlanDocument) -> None:
    """"6. Ekonomi", a chapter heading set larger, follows the numbered assignment "25." of
    the last goal: it is no assignment, and its sections 6.1/6.2 are no goals."""
    titles = [g.title for g in kramfors_ocr.iter_goals()]
    assert "Detaljbudget" not in titles and "Investeringsbudget" not in titles
    acts = [a.title for g in kramfors_ocr.iter_goals() for a in g.activities]
    assert "Ekonomi" not in acts


def test_indicator_names_with_their_swedish_letters_and_no_specks() -> None:
    """robertsfors_vp-00-reportlab-ocr: the layer reads "länet" as "linet" and "länder" as
    "Kinder" (words of their own, so the lexicon keeps them; the Swedish re-OCR reads them
    right), and a speck before "Andel" as "‘"."""
    doc = planparse.parse(STRESS / "robertsfors_vp" / "robertsfors_vp-00-reportlab-ocr.pdf")
    names = [i.name for g in doc.iter_goals() for o in (g, *g.activities) for i in o.indicators]
    assert "Inflyttningsnetto från övriga länet" in names
    assert "Inflyttningsnetto från andra länder" in names
    assert "Andel hushåll med tillgång till bredband om minst 1 Gbit/s" in names


@pytest.mark.parametrize(("words", "following", "expected"), [
    (["‘Andel", "hushåll"], "", ["Andel", "hushåll"]),
    (["*", "‘Andelen", "elever", 'svarat', '"sällan”'], "", ["*", "Andelen", "elever", 'svarat', '"sällan”']),
    (["“Kommunledningsst", "10", "078"], "ab", ["Kommunledningsst", "10", "078"]),
    (["”sällan”", "eller"], "", ["”sällan”", "eller"]),  # closed on the line
    (["“Vi", "tar"], "ansvar”", ["“Vi", "tar"]),  # closed on the next line
    (["'", "x"], "", ["'", "x"]),
])
def test_ocr_stray_quote(words: list[str], following: str, expected: list[str]) -> None:
    assert ocr_stray_quote(words, following) == expected


def test_ocr_quote_style() -> None:
    assert ocr_quote_style(["svarat", '"sällan”', "eller", '"ibland”']) == ["svarat", "”sällan”", "eller", "”ibland”"]
    assert ocr_quote_style(["“Vi", 'tar"', '"ansvar”']) == ["“Vi", 'tar"', '"ansvar”']  # English quotes stay
    assert ocr_quote_style(['"öppen', "fråga"]) == ['"öppen', "fråga"]  # nothing closes it
    # seed-7 kramfors_vp-00-docx-ocr: the opening mark read as a single quote
    assert ocr_quote_style(["svarat ", "’sällan” ", "eller ", "’ibland” "]) == ["svarat ", "”sällan” ", "eller ", "”ibland” "]
    assert ocr_quote_style(["Anders’ ", "bok"]) == ["Anders’ ", "bok"]


@pytest.mark.parametrize(("word", "ref", "misread"), [
    ("linet", "länet", True),
    ("Kinder", "länder", True),
    ("fran", "från", True),
    ("läget", "laget", False),  # the reference has no å/ä/ö the layer lacks
    ("kommer", "kommun", False),
    ("linjer", "länet", False),
])
def test_diacritic_misread(word: str, ref: str, misread: bool) -> None:
    assert _diacritic_misread(word, ref) is misread


@pytest.mark.parametrize(("word", "ref", "misread"), [
    ("ka", "öka", True),  # seed-7 ange_tertial-00-html-ocr: "ska öka." read "ska ka."
    ("ja", "Höja", True),  # seed-7 ange_uppsikt-00-reportlab-ocr
    ("ka", "Oka", False),  # no mark among the lost letters
    ("ning", "Bedömning", False),  # more than two lost
])
def test_word_whose_first_letters_were_lost_at_a_mark(word: str, ref: str, misread: bool) -> None:
    from planparse.reading.ocr import _misread

    assert _misread(word, ref) is misread


@pytest.mark.parametrize(("word", "ref", "spelling"), [
    ("kommungemensamma", "kommungemensåmma", "kommungemensamma"),  # hold-out gavle-ks-plan-budget-2025-ocr
    ("Sjalvfinansieringsgraden", "Självfinånsieringsgraden", "Självfinansieringsgraden"),  # seed-7 orebro_budget-00-html-ocr
    ("malavstamning", "målavstämning", "målavstämning"),
    ("Delars", "Delårs", "Delårs"),  # a short word: the re-OCR's marks stand
    ("for", "för", "för"),
])
def test_reocr_marks_only_where_they_keep_a_known_word(word: str, ref: str, spelling: str) -> None:
    from planparse.reading.ocr import _spelling

    assert _spelling(word, ref) == spelling


def test_ending_alone_under_a_long_word() -> None:
    assert _broken_word("Exploateringsintäkt", "er", strict=True, alone=True)
    assert not _broken_word("Exploateringsintäkt", "er", strict=True)  # "er" among other words
    assert not _broken_word("Budgetavvikelse", "för", strict=True, alone=True)


OREBRO_SCAN = STRESS / "orebro_budget" / "orebro_budget-01-reportlab-scan.pdf"


def test_group_letter_tesseract_drops_is_known_from_the_tot_k_m_order() -> None:
    """A scan's indicator table with a "Tot K/M" column: Tesseract reads "Tot" and "K" but not
    the lone "M" of the last row, whose values (52,8 and 2, as the content model has them) are
    the men's figures under the K row, not lost. Expected values: the stress gold
    (orebro_budget-01-reportlab-scan.json, from the content model)."""
    doc = planparse.parse(OREBRO_SCAN)
    ind = next(i for g in doc.iter_goals() for i in g.indicators if i.name.startswith("Andel enheter/grupper med HME"))
    by_group = {g: [(v.label, v.raw) for v in ind.values if v.group is not None and v.group.value == g]
                for g in ("total", "women", "men")}
    assert by_group == {
        "total": [("Utfall 2017", "34,2"), ("Utfall 2018", "69"), ("Målvärde 2019", "61")],
        "women": [("Utfall 2017", "45,5"), ("Utfall 2018", "33,1")],
        "men": [("Utfall 2017", "52,8"), ("Utfall 2018", "2")],
    }


def test_project_name_the_layer_dropped_is_taken_from_the_swedish_reading() -> None:
    """Page 7, investment table: the English layer has nothing where "Meröppet" starts the
    row "Meröppet | Passersystem … | Biblioteket | 400 | 250" (native copy); the Swedish
    re-OCR of the page image reads it, and it goes into the row's line before "Passersyste"."""
    page = read_pdf(KRAMFORS_OCR).pages[6]
    line = next(ln for ln in page.lines if "Passersyste" in ln.text)
    words = line.text.split()
    assert "Meröppet" in words and words.index("Meröppet") < words.index("Passersyste")


def test_project_name_broken_in_its_cell_with_a_speck_and_a_dropped_first_word(kramfors_ocr: PlanDocument) -> None:
    """Page 7: "Meröppet" (dropped by the layer, read by the Swedish re-OCR) / "bibliotek Ju."
    (a speck read as a stop) / "nsele" (no Swedish word starts "ns"): the native copy's
    "Meröppet bibliotek Junsele", 400 in 2025 and 250 in 2026 (the stress gold)."""
    inv = {i.name: [(a.year, a.amount) for a in i.amounts] for i in kramfors_ocr.investments}
    assert inv.get("Meröppet bibliotek Junsele") == [(2025, 400), (2026, 250)]


@pytest.mark.parametrize(("left", "right", "broken"), [
    ("Ju", "nsele", True),  # no Swedish word starts "ns"
    ("Träningsma", "skiner", True),  # no word on the left; "träningsmaskiner" is one
    ("slitaget", "gjort", False),  # two words ("gj" starts "gjort")
    ("Budgetavvikelse", "för", False),
])
def test_word_broken_at_an_ocr_cells_edge(left: str, right: str, broken: bool) -> None:
    assert _broken_word(left, right, strict=True) is broken


def test_word_ending_the_lexicon_repair_took_for_a_word(kramfors_ocr: PlanDocument) -> None:
    """Page 7: "IT" / "investering" / "ar" in the last project's name cell, and "Löpande" /
    "investering" / "ar pott" in the description of the project above it; the repair of the
    English layer made "ar" "är", a word of its own, which must not stop the broken word's
    mending: "IT investeringar" with 3 800 / 5 350 / 3 150, "Löpande investeringar pott"
    (the stress gold)."""
    inv = [i for i in kramfors_ocr.investments if i.name == "IT investeringar"]
    assert [(a.year, a.amount) for a in inv[-1].amounts] == [(2025, 3800), (2026, 5350), (2027, 3150)]
    assert "Löpande investeringar pott" in [i.description for i in kramfors_ocr.investments]


def _gold(path: Path) -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))


def test_figures_the_two_readings_disagree_on_are_read_a_third_time(kramfors_ocr: PlanDocument) -> None:
    """Page 7, investment table: the English layer reads "2 575" as "25 7b" (no number), "2 700"
    as "2 100" (another number) and "200" as "eee"; the Swedish re-OCR reads "2575", "2700" and
    "200". A third reading of each place from the page image (the row's rule above the figures
    painted out: under it Tesseract read "aalo") agrees with the re-OCR. Expected: the page's
    investments in order, amounts by year, as the stress gold (the content model) has them."""
    gold = [{a["year"]: a["amount"] for a in i["amounts"]} for i in _gold(KRAMFORS_OCR)["investments"]]
    got = [{a.year: a.amount for a in i.amounts} for i in kramfors_ocr.investments if i.provenance.page == 7]
    assert got == gold[-len(got):]
    assert {2025: 2575, 2026: 2700} in got and {2025: 150, 2027: 200} in got
    assert not [w for w in kramfors_ocr.warnings if w.code in ("sum_mismatch", "amount_unreadable")]


def test_figure_under_a_table_rule_is_read_with_the_rule_painted_out() -> None:
    """The box of "2 575" on page 7 (the layer's word boxes with a margin) takes in the row's
    rule above the figures: read as it is, Tesseract gives "aalo"; with the rule that crosses
    the whole box painted white, "2575"."""
    import pymupdf

    from planparse.reading import _cell_image
    from planparse.reading.ocr import read_figures

    with pymupdf.open(KRAMFORS_OCR) as pdf:
        image = _cell_image(pdf[6], (295.1, 213.9, 331.5, 232.1))
    assert image is not None
    assert read_figures(image) == "2575"


DELARS_OCR = Path(__file__).resolve().parents[2] / "fixtures" / "generic" / "damaged" / "delarsrapport-word-table-grid-ocr.pdf"


def test_sum_row_whose_minus_the_layer_lost_is_read_again_against_its_column() -> None:
    """Delårsrapport, budget table on page 2: the English layer reads the sum row's "−439,5" as
    "~+439,5" and the re-OCR as "439,5", so the column (120,5 and −560,0 above it) does not add
    up; the sum cell read again from the page image gives "−439,5", which makes it add up.
    Expected values: the document's source text (tests/damaged_scoring.py)."""
    doc = planparse.parse(DELARS_OCR)
    lines = {b.name: [v.amount for v in b.values] for b in doc.budget}
    assert lines["Summa"] == [-439.5, -434.3, 5.2]
    assert lines["Kostnader"] == [-560.0, -552.3, 7.7]
    assert not [w for w in doc.warnings if w.code == "sum_mismatch"]


def test_garbled_project_name_taken_from_the_reference_read_in_the_same_place(kramfors_ocr: PlanDocument) -> None:
    """Page 7: the English layer reads the name cell's first line "IT investeri" as one word
    "eMhinvestert-,"; the Swedish re-OCR reads "IT" and "investeri" from the same ink, and the
    cell goes on "ngar" below. Expected: both "IT investeringar" projects of the stress gold,
    in order, with their amounts."""
    gold = [[(a["year"], a["amount"]) for a in i["amounts"]]
            for i in _gold(KRAMFORS_OCR)["investments"] if i["name"] == "IT investeringar"]
    got = [[(a.year, a.amount) for a in i.amounts] for i in kramfors_ocr.investments if i.name == "IT investeringar"]
    assert got == gold == [[(2025, 2575), (2026, 2700)], [(2025, 3800), (2026, 5350), (2027, 3150)]]
    assert not any("eMhinvestert" in i.name for i in kramfors_ocr.investments)
