"""Numbers on OCR'd text layers and scans of the stress corpus: indicator values and budget
amounts read end to end. Expected figures are those printed on the page images (checked
against the rendered pages and the corpus gold, never taken from the parser's output)."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.model import Indicator, PlanDocument
from planparse.reading.ocr import choose_language, tesseract_info

STRESS = Path(__file__).resolve().parents[2] / "fixtures" / "stress"

# An existing OCR layer's numbers are checked against a Swedish re-OCR of the page.
needs_swedish = pytest.mark.skipif(choose_language() != "swe", reason="Tesseract's Swedish model is not installed")


def _indicators(doc: PlanDocument) -> dict[str, Indicator]:
    out: dict[str, Indicator] = {}
    for goal in doc.iter_goals():
        for ind in goal.indicators:
            out[ind.name] = ind
        for act in goal.activities:
            for ind in act.indicators:
                out[ind.name] = ind
    return out


@needs_swedish
def test_ocr_layer_digits_read_as_letters() -> None:
    """orebro_budget-00-html-ocr, page 8: the layer reads "37" as "3F" and "13" as "AS"."""
    inds = _indicators(planparse.parse(STRESS / "orebro_budget" / "orebro_budget-00-html-ocr.pdf"))
    staff = inds["Antal tillsvidareanställda medarbetare"]
    assert [(v.group.value if v.group else None, v.raw, v.value) for v in staff.values] == [
        ("total", "46,4", 46.4), ("total", "66,0", 66.0), ("total", "Ja", None),
        ("women", "82,5", 82.5), ("women", "37", 37), ("men", "4,6", 4.6), ("men", "22", 22),
    ]
    assert [(v.raw, v.value) for v in inds["Korttidssjukfrånvaro"].values] == [("13", 13), ("4,0", 4.0), ("Öka", None)]


@needs_swedish
@pytest.mark.parametrize(
    ("pdf", "name", "raws"),
    [
        ("ange_tertial/ange_tertial-00-html-ocr.pdf", "Sjukfrånvaro, procentandel (%)", ["4,3"]),
        ("robertsfors_vp/robertsfors_vp-00-reportlab-ocr.pdf", "Antal nya kontakter etablerade vid evenemang",
         ["28,9", "4,2"]),
    ],
)
def test_ocr_layer_decimal_comma_dropped(pdf: str, name: str, raws: list[str]) -> None:
    """The layer reads "4,3" as "43": the comma is too faint for it; the re-OCR sees it."""
    ind = _indicators(planparse.parse(STRESS / pdf))[name]
    assert [v.raw for v in ind.values] == raws
    assert [v.value for v in ind.values] == [float(r.replace(",", ".")) for r in raws]


@needs_swedish
def test_ocr_layer_thousands_space_read_as_comma() -> None:
    """kramfors_vp-00-docx-ocr, page 6: "1 377" tkr is "1,377" in the layer, not 1.377."""
    doc = planparse.parse(STRESS / "kramfors_vp" / "kramfors_vp-00-docx-ocr.pdf")
    line = next(b for b in doc.budget if b.name == "Kommunfullmäktige")
    assert [(v.year, v.amount) for v in line.values] == [(2023, 1377), (2024, 1221), (2025, 1290)]


@pytest.fixture(scope="module")
def kramfors_scan() -> PlanDocument:
    return planparse.parse(STRESS / "kramfors_vp" / "kramfors_vp-01-html-scan.pdf")


def test_scan_budget_amounts(kramfors_scan: PlanDocument) -> None:
    """kramfors_vp-01-html-scan, page 4: "22 669" read as "22.669"; "50" boxed from the name
    column's gutter (a speck left of it) still the 2023 figure, not part of the name."""
    lines = {b.name: b for b in kramfors_scan.budget}
    assert [(v.year, v.amount) for v in lines["Ekonomi"].values] == [(2023, 22669), (2024, 18469), (2025, 21563)]
    assert [(v.year, v.amount) for v in lines["Valnämnd"].values] == [(2023, 50), (2024, 46), (2025, 60)]


def test_scan_investment_amounts_among_specks(kramfors_scan: PlanDocument) -> None:
    """kramfors_vp-01-html-scan, page 4: "5 375" read "5375:", "6 350" read "'6 350"."""
    invs = {i.name: i for i in kramfors_scan.investments}
    assert [(a.year, a.amount) for a in invs["Byte konstgräs IP"].amounts] == [(2027, 5375)]
    assert (2025, 6350) in [(a.year, a.amount) for a in invs["Babelsberg"].amounts]


def test_scan_words_boxed_over_a_column_start(kramfors_scan: PlanDocument) -> None:
    """kramfors_vp-01-html-scan, page 5: "måste" of the description is boxed from left of
    its column's start, "Nässjö IP" / "måste bytas ut." is still one row's name and
    description lines; a speck read as "I" with a box of no height is no word of a name."""
    invs = {i.name: i for i in kramfors_scan.investments}
    upd = invs["Uppdatering maskinpark Nässjö IP"]
    assert upd.responsible == "Fritid"
    assert [(a.year, a.amount) for a in upd.amounts] == [(2025, 300)]
    assert "Babelsberg" in invs


def test_money_header_with_a_first_label_broken_at_the_column_edge() -> None:
    """"Investeringsprojekt, tkr" set in a narrow column breaks as "Investerin" / "gsprojekt,"."""
    from planparse.layouts.roles import money_header, projects_label

    assert money_header(["Investerin", "Beskrivnin.", "Ansvarig", "2025", "2026", "2027"])
    assert money_header(["Investeringsprojekt, tkr", "Beskrivning", "2026", "2027"])
    assert projects_label("investeri")
    assert not projects_label("invest")  # too short a piece to tell
    assert not money_header(["Inventering", "Beskrivning", "Ansvarig"])


@needs_swedish
def test_ocr_layer_budget_row_with_boxes_over_the_column_starts() -> None:
    """kramfors_vp-00-docx-ocr, page 6: the layer boxes "5 888" from left of its column's
    start and "5 096" from the column before, with a speck "ie" after it: the row is still
    one budget line of three amounts, not a line of text across the table."""
    doc = planparse.parse(STRESS / "kramfors_vp" / "kramfors_vp-00-docx-ocr.pdf")
    line = next(b for b in doc.budget if b.name.startswith("Biträdande"))
    assert line.name == "Biträdande förvaltningschef"
    assert [(v.year, v.amount) for v in line.values] == [(2023, 5835), (2024, 5888), (2025, 5096)]
    assert any(i.name == "Inköp av konst" for i in doc.investments)


@needs_swedish
def test_ocr_layer_investment_header_broken_at_narrow_columns() -> None:
    """kramfors_vp-00-docx-ocr, page 7: the header "Investerin" / "gsprojekt," / "tkr",
    "Beskrivnin" / "g" over three lines is one header row; its unit holds for the amounts."""
    doc = planparse.parse(STRESS / "kramfors_vp" / "kramfors_vp-00-docx-ocr.pdf")
    renovation = next(i for i in doc.investments if i.name.startswith("Renovering tak"))
    assert renovation.description is not None and renovation.description.startswith("Stora delar av taket")
    assert [(a.year, a.amount, a.unit.value if a.unit else None) for a in renovation.amounts] == [(2027, 50, "tkr")]


@pytest.mark.skipif("eng" not in tesseract_info()[2], reason="Tesseract's English model is not installed")
def test_scan_value_cells_misread_are_read_again() -> None:
    """robertsfors_vp-01-docx-scan, page 8: the page's OCR reads "27 %" as "27 PN" and "51,2"
    as "Slo"; the cells, read again from the page image as figures, give the printed values."""
    inds = _indicators(planparse.parse(STRESS / "robertsfors_vp" / "robertsfors_vp-01-docx-scan.pdf"))
    assert [(v.raw, v.value) for v in inds["Nettokostnadsavvikelse för äldreomsorg"].values] == [("27 %", 27)]
    stays = next(ind for name, ind in inds.items() if name.startswith("Antal dygn i slutenvård"))
    assert [(v.raw, v.value) for v in stays.values] == [("20 820", 20820), ("51,2", 51.2)]
