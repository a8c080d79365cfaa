"""holdout-families4, the ange_tertial and ange_uppsikt families from new producers.

Gagnef's målavstämning (fpdf2): headings in body type told only by their numbering ("1 Inledning"
… "5 Sammanfattning", "1.1 Kommunstyrelsens uppdrag" a section of the introduction, no goal),
tables ruled with horizontal lines only (no rule under a table's last row, none over its header),
so a table carried under a page's running-header rule and an activity table right over a measure
table. Rättvik's scan of the same content: its measure table's last row read by OCR a size step
off, and a speck read as a quote mark before a date. Gällivare's uppsiktsrapport (reportlab):
status rows "Status: Pågående enligt plan" beside a vector circle, in the title column only.
Övertorneå's (fpdf2): running text a size above the table text that makes most of the page,
bulleted goals under "Mål inom målområde …" read as headings."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals, goals

DOCS = HoldoutSet("holdout-families4")
GAGNEF = "ange_tertial/gagnef-malavstamning-2025-t2"
RATTVIK = "ange_tertial/rattvik-malavstamning-2027-t2-scan"
GALLIVARE = "ange_uppsikt/gallivare-uppsiktsrapport-2024"
VANSBRO = "ange_uppsikt/vansbro-uppsiktsrapport-2026-ocr"
OVERTORNEA = "ange_uppsikt/overtornea-uppsiktsrapport-2025"


def _activities(doc: dict[str, Any]) -> list[tuple[str, str, str | None, str | None]]:
    return [(g["title"], a["title"], (a.get("status") or {}).get("value"), a.get("end_date"))
            for g in all_goals(doc) for a in g.get("activities", [])]


def _indicators(doc: dict[str, Any]) -> list[tuple[str, str, list[tuple[str, float | None]]]]:
    return [(g["title"], i["name"], [(v["kind"], v["value"]) for v in i["values"]])
            for g in all_goals(doc) for i in g.get("indicators", [])]


def test_chapters_told_by_numbering_hold_no_goals() -> None:
    doc, gold = DOCS.parsed(GAGNEF), DOCS.gold(GAGNEF)
    assert goals(doc) == goals(gold)
    assert "Kommunstyrelsens uppdrag" not in [g["title"] for g in all_goals(doc)]


def test_tables_ruled_with_horizontal_lines_only() -> None:
    for rel in (GAGNEF, RATTVIK):
        doc, gold = DOCS.parsed(rel), DOCS.gold(rel)
        assert _activities(doc) == _activities(gold), rel
        assert _indicators(doc) == _indicators(gold), rel
    # the table on page 4 under the running header's rule, and the activity row over the measure table
    titles = [a[1] for a in _activities(DOCS.parsed(GAGNEF))]
    assert "Starta en inflyttarservice med personlig kontakt" in titles
    assert "Införa månatlig uppföljning av övertid och timanställningar" in titles


def test_status_rows_with_a_status_label() -> None:
    for rel in (GALLIVARE, VANSBRO):
        doc, gold = DOCS.parsed(rel), DOCS.gold(rel)
        assert _activities(doc) == _activities(gold), rel
    statuses = [a["status"]["raw"] for g in all_goals(DOCS.parsed(GALLIVARE)) for a in g.get("activities", [])]
    assert statuses == ["Avslutad enligt plan", "Pågående med avvikelse", "Pågående enligt plan", "Ej påbörjad", "Avbruten"]


def test_bulleted_goals_set_over_small_table_text() -> None:
    doc, gold = DOCS.parsed(OVERTORNEA), DOCS.gold(OVERTORNEA)
    assert goals(doc) == goals(gold)
    assert ("Barn och unga", ["Alla elever ska nå kunskapskraven", "Förskolan ska ha en trygg och stimulerande miljö"]) in [
        (g["title"], [c["title"] for c in g.get("children", [])]) for g in doc["goals"]]
