"""The ange_uppsikt layout parser: detection, and specific items of the seed, the variant and
the image-only scan."""

from __future__ import annotations

import datetime as dt

from planparse.layouts.tables import status_line
from planparse.layouts.walk_state import _ocr_bullet
from planparse.model import PlanDocument
from planparse.reading.model import Line, Span
from tests.layouts.common import parsed

SEED, VARIANT, SCAN = (
    "ange-uppsikt-hr-2024",
    "timra-uppsikt-ekonomiavdelningen-2025",
    "scan-bracke-uppsikt-short",
)





def activity(doc: PlanDocument, title: str):  # noqa: ANN201
    return next(a for g in doc.goals for a in g.activities if a.title == title)






def test_seed_facts() -> None:
    doc = parsed(SEED)
    assert (doc.municipality.name, doc.municipality.code) == ("Ånge kommun", "2260")
    assert doc.title == "Uppsiktsrapport till kommunstyrelsen"
    assert (doc.organ, doc.unit, doc.year, doc.period) == ("Kommunstyrelsen", "HR och Kommunikation", 2024, None)
    assert doc.document_type.value == "uppsiktsrapport"


def test_seed_goal_tree() -> None:
    doc = parsed(SEED)
    reported = [g for g in doc.goals if g.number]
    assert [g.number for g in reported] == ["1.1", "1.2", "1.3", "1.4"]
    assert reported[1].title == "Andelen anställda som nyttjar kommunens friskvårdsbidrag ska öka."
    areas = [g for g in doc.goals if g.level.value == "goal_area"]
    assert [a.title for a in areas] == [
        "Barn och Unga",
        "Vuxna",
        "Äldre +65",
        "Tillväxt",
        "Verksamhetsmål för god ekonomisk hushållning",
    ]
    assert areas[2].children[2].title.endswith("genom avtalsamverkan med föreningslivet/civilsamhället.")


def test_seed_activity_across_page_break() -> None:
    """Title row on page 4, its status row (▶ and a bullet list) on page 5."""
    a = activity(parsed(SEED), "Ta fram en kompetensförsörjningsplan")
    assert a.provenance.page == 4
    assert a.description == "Arbeta fram en plan tillsammans med kärnverksamheterna."
    assert (a.status.value.value, a.status.raw) == ("in_progress", "Pågående enligt plan")
    assert (a.start_date, a.end_date) == (dt.date(2024, 1, 1), dt.date(2024, 11, 30))
    assert a.comment is not None and a.comment.count("\n- ") == 2 and a.comment.startswith("- Jobba")
    assert a.owner is None and a.parties == []


def test_variant() -> None:
    doc = parsed(VARIANT)
    assert (doc.municipality.code, doc.unit, doc.year) == ("2262", "Ekonomiavdelningen", 2025)
    long = next(a for g in doc.goals for a in g.activities if a.title.startswith("Införa en gemensam process"))
    assert long.title.endswith("dialogmöten inför varje tertialrapport")
    assert long.status.value.value == "in_progress_deviation"
    bare = activity(doc, "Digital attest av leverantörsfakturor")
    assert (bare.status.value.value, bare.comment) == ("not_started", None)
    assert activity(doc, "Se över avtal för leasingbilar").status.value.value == "cancelled"
    assert activity(doc, "Arbetsmiljöronder med fokus på ergonomi").provenance.page == 4


def test_scan_reads_table_from_ocr_lines() -> None:
    doc = parsed(SCAN)
    assert doc.source.text_layer.value == "ocr"
    assert (doc.municipality.name, doc.unit, doc.year) == ("Bräcke kommun", "Kultur och fritid", 2023)
    a = activity(doc, "Sommarlovsaktiviteter i alla kommundelar")
    assert a.description == "Erbjuda avgiftsfria aktiviteter under sommarlovet i samtliga kommundelar."
    assert (a.status.value.value, a.status.raw) == ("completed", "Avslutad enligt plan")
    assert (a.start_date, a.end_date) == (dt.date(2023, 5, 2), dt.date(2023, 8, 31))
    assert a.provenance.method.value == "ocr"
    assert activity(doc, "Hälsosamtal med alla medarbetare").status.value.value == "in_progress_deviation"


def _line(text: str, method: str = "ocr") -> Line:
    spans = [Span(text=w, bbox=(60.0 + 50 * i, 100.0, 100.0 + 50 * i, 110.0), size=10.0) for i, w in enumerate(text.split())]
    return Line(spans=spans, page=1, method=method)  # type: ignore[arg-type]


def _status(text: str, ocr: bool):  # type: ignore[no-untyped-def]
    return status_line(_line(text, "ocr" if ocr else "native"))


def test_status_line_helpers() -> None:
    assert _status("9 Avslutad enligt plan", ocr=True).raw == "Avslutad enligt plan"
    assert _status("▶ Pågående enligt plan", ocr=False).raw == "Pågående enligt plan"
    assert _status("Ej påbörjad", ocr=False).value.value == "not_started"
    assert _status("Avbruten efter beslut i kommunstyrelsen", ocr=False) is None
    assert _ocr_bullet(_line("« Sjukfrånvaron ska minska.")) == ("«", "Sjukfrånvaron ska minska.")
    assert _ocr_bullet(_line("Sjukfrånvaron ska minska.")) is None
    assert _ocr_bullet(_line("« Sjukfrånvaron ska minska.", "native")) is None
