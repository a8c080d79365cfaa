"""The ange_tertial layout parser: detection, specific items of the seed, its OCR'd copy and
the variant, and the positioned-line table reader used where pages have no vector rules."""

from __future__ import annotations

import datetime as dt

import pytest

from planparse.layouts import parse_document
from planparse.layouts.tables import status_line
from planparse.model import Activity, Goal, PlanDocument
from planparse.reading import read_pdf
from planparse.reading.model import Line, Span
from planparse.reading.positioned import table_from_rows
from tests.gold import FIXTURES
from tests.layouts.common import parsed, read

SEED, OCR, VARIANT = (
    "ange-malavstamning-t1-2025",
    "ange-malavstamning-t1-2025-ocr",
    "solleftea-malavstamning-t2-2024",
)





def goals(doc: PlanDocument) -> list[Goal]:
    out: list[Goal] = []
    for g in doc.goals:
        out.append(g)
        out.extend(g.children)
    return out


def goal(doc: PlanDocument, number: str) -> Goal:
    return next(g for g in goals(doc) if g.number == number)


def activity(doc: PlanDocument, title: str) -> Activity:
    return next(a for g in goals(doc) for a in g.activities if a.title == title)






def test_seed_facts() -> None:
    doc = parsed(SEED)
    assert (doc.municipality.name, doc.municipality.code) == ("Ånge kommun", "2260")
    assert (doc.title, doc.organ, doc.unit, doc.year) == ("Målavstämning, tertial 1 2025", "Kommunstyrelsen", None, 2025)
    assert doc.period is not None and (doc.period.kind.value, doc.period.number) == ("tertial", 1)
    assert doc.vision is not None and doc.vision.startswith("Vi är en plats för alla")
    assert doc.vision.endswith("levande bygd.")


def test_seed_goal_tree() -> None:
    doc = parsed(SEED)
    assert [g.number for g in doc.goals] == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "4.1"]
    assert sum(len(g.children) for g in doc.goals) == 19
    assert sum(len(g.activities) for g in goals(doc)) == 35
    g = goal(doc, "3.1.1")
    assert g.level.value == "sub_goal" and g.assessment is not None
    assert (g.assessment.value.value, g.assessment.raw) == ("partially_fulfilled", "Delvis uppfyllt")
    assert g.comment is not None and g.comment.count("\n") == 2
    empty = goal(doc, "3.5")
    assert (empty.title, empty.assessment, empty.children, empty.activities) == ("Resultat", None, [], [])


def test_seed_activity_fields() -> None:
    doc = parsed(SEED)
    a = activity(doc, "Ta fram koncept för hälsoinspiratör på arbetsplatser i Ånge kommun")
    assert a.status is not None and (a.status.value.value, a.status.raw) == ("completed", "Avslutad enligt plan")
    assert (a.start_date, a.end_date) == (None, dt.date(2025, 3, 31))
    assert a.description is not None and a.description.startswith("Varje avdelning ska ha")
    assert a.comment == "Koncept är framtaget och är presenterad för ledningsgruppen."
    assert a.provenance.page == 5 and a.provenance.method.value == "native"


def test_seed_description_split_over_page_break() -> None:
    a = activity(parsed(SEED), "Ge elever möjlighet att nå högre resultat. Framtagande av arbetsplan under våren 2025.")
    assert a.provenance.page == 7
    assert a.description is not None and "Planen ska ta fram minst ett tillfälle" in a.description


def test_seed_measure_table_and_note() -> None:
    g = goal(parsed(SEED), "4.1")
    assert [i.name for i in g.indicators] == ["Sjukfrånvaro, procentandel (%)"]
    assert g.indicators[0].values == []
    assert g.description is not None and g.description.startswith("Måttet Sjukfrånvaro")
    assert len(g.activities) == 3


def test_ocr_copy_reads_like_the_original() -> None:
    doc = parsed(OCR)
    assert doc.source.text_layer is not None and doc.source.text_layer.value == "ocr"
    assert goal(doc, "3.6.1").title == "I kommunen ska erbjudas fler utbildningsplatser inom eftergymnasial utbildning."
    a = activity(doc, "Erbjuda lärar- och förskollärarkurser på avancerad nivå genom samarbete med lärosäten.")
    assert a.status is not None and (a.status.value.value, a.status.raw) == ("in_progress_deviation", "Pågående med avvikelse")
    assert a.end_date == dt.date(2025, 12, 12) and a.provenance.page == 11
    assert a.provenance.method.value == "repaired"
    seed = parsed(SEED)
    assert [(x.number, x.title) for x in goals(doc)] == [(x.number, x.title) for x in goals(seed)]


def test_variant_parses() -> None:
    doc = parsed(VARIANT)
    assert (doc.municipality.name, doc.municipality.code, doc.year) == ("Sollefteå kommun", "2283", 2024)
    assert doc.period is not None and doc.period.number == 2 and doc.vision is None
    assert [g.number for g in doc.goals] == ["3.1", "3.2", "3.3", "3.4", "4.1", "4.2"]
    g = goal(doc, "4.1")
    assert [(v.label, v.kind.value, v.value) for v in g.indicators[1].values] == [
        ("Mål", "target", 1300),
        ("Utfall", "outcome", 1412),
    ]
    moved = activity(doc, "Ta fram en plan för skötsel av kommunens grönområden")
    assert moved.provenance.page == 5
    assert activity(doc, "Lekplats Näsåker").status.value.value == "completed_deviation"  # type: ignore[union-attr]


def test_org_charts_are_not_tables() -> None:
    doc = read(SEED)
    headed = [t for p in doc.pages[:4] for t in p.tables if t.header]
    assert headed == [], "boxes joined by connectors are a figure"
    assert any(ln.text == "Kommunala bolag" for ln in doc.pages[1].lines)


# ----------------------------------------------------------------------------- positioned tables


def _line(words: list[tuple[str, float]], y: float = 100.0, method: str = "repaired") -> Line:
    spans = [Span(text=w, bbox=(x, y, x + 6.0 * len(w), y + 9.0), size=9.0) for w, x in words]
    return Line(spans=spans, page=1, method=method)  # type: ignore[arg-type]


def test_header_columns_from_positioned_words() -> None:
    """OCR gives a span per word: words a word space apart make one header cell, and a rule
    read as "|" is no word of a cell."""
    header = [_line([("Verksamhetens", 62), ("aktiviteter", 143)]), _line([("Status", 357)]), _line([("Slutdatum", 459)])]
    row = [_line([("Stöd", 62), ("till", 90), ("nyföretagande", 115), ("@", 357), ("Pågående", 369), ("enligt", 410),
                  ("|", 451), ("2025-10-31", 459)], y=120.0)]
    table = table_from_rows(header, [row])
    assert table.header == ["Verksamhetens aktiviteter", "Status", "Slutdatum"]
    cells = [" ".join(s.text for ln in c.lines for s in ln.spans) for c in table.rows[1].cells]
    assert cells == ["Stöd till nyföretagande", "@ Pågående enligt", "2025-10-31"]


@pytest.mark.parametrize(
    "text, value",
    [("@ Pågående enligt plan", "in_progress"), ("® Avslutad med avvikelse", "completed_deviation"), ("Ej påbörjad", "not_started"), ("e Vänteläge", "on_hold")],
)
def test_status_with_ocr_icon(text: str, value: str) -> None:
    st = status_line(_line([(w, 62 + 60 * i) for i, w in enumerate(text.split())]))
    assert st is not None and st.value.value == value
    assert st.raw == text.split(None, 1)[1] if len(text.split()[0]) == 1 else st.raw == text


@pytest.mark.parametrize("name", [SEED, VARIANT])
def test_tables_read_from_positions_without_rules(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same pages without vector rules (as on an image with a text layer) parse alike."""
    import json

    import planparse.reading.tables as tables
    from tests.gold import comparable

    ruled = comparable(json.loads(parsed(name).to_json()))
    monkeypatch.setattr(tables, "_regions", lambda raw, carried=None: [])
    doc = read_pdf(FIXTURES / f"{name}.pdf")
    assert not any(p.tables for p in doc.pages)
    assert comparable(json.loads(parse_document(doc).to_json())) == ruled


@pytest.mark.parametrize(
    "pdf",
    [
        "stress/ange_tertial/ange_tertial-00-reportlab.pdf",  # no running header: the first page's lines
        "holdout-families2/ange_tertial/ovanaker-malavstamning-2026-t1-ocr.pdf",  # organ left of title
        "holdout-families4/ange_tertial/rattvik-malavstamning-2027-t2-scan.pdf",  # both read as one line
    ],
)
def test_title_and_organ_whatever_the_header(pdf: str) -> None:
    """The report's title is the line naming the report and a year, the organ the line naming
    an organ, in the running header or above the first chapter, in any order."""
    doc = parse_document(read_pdf(FIXTURES / pdf), layout="ange_tertial")
    assert doc.title is not None and doc.title.startswith("Målavstämning, tertial ")
    assert doc.organ == "Kommunstyrelsen"
    assert doc.period is not None and doc.period.kind.value == "tertial"
