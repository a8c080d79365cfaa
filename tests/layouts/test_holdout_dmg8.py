"""The generic parser on damaged copies of the hold-out sets: an English-OCR'd text layer over a
page image (its tables' rules and heading bars found in the image, its specks read as words) and
an image-only scan (a table header of light labels on a dark band whose column rules the scan
loses). Values read off each document's gold; one general cause each."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet

G5 = HoldoutSet("holdout-generic5")
G7 = HoldoutSet("holdout-generic7")

OVANAKER = "internkontroll-uppfoljning/ovanaker-tn-uppfoljning-internkontroll-2025-scan"
HALLAND = "namndplan/region-halland-run-namndplan-2026-ocr"


def _controls(doc: dict[str, Any]) -> list[tuple[str, str | None, str | None]]:
    return [(c["process"], c["method"], c["responsible"]) for c in doc["controls"]]


def _indicators(goal: dict[str, Any]) -> list[tuple[str, list[tuple[str, Any]]]]:
    return [(i["name"], [(v["label"], v["value"]) for v in i["values"]]) for i in goal["indicators"]]


def test_scanned_control_table_with_a_dark_header_band() -> None:
    """"Process | Kontrollmoment | Ansvarig | Resultat | Åtgärd | Status" in light type on a dark
    band, its column rules lost in the scan: the header is read by the columns of the rows
    under it; group rows (their title in the first column alone) give no control, and a row
    wrapped in words with figures ("i 6 av 22 lokaler") is one control."""
    want = _controls(G5.gold(OVANAKER))
    assert len(want) == 8
    assert _controls(G5.parsed(OVANAKER)) == want


def test_ocr_layer_indicator_tables_and_heading_bars() -> None:
    """The English OCR layer reads specks between the header labels ("Indikator | Källa -2024"):
    no columns of their own, no dash before a year. The white-on-dark area headings are bars,
    no tables, and the goals under each stay under it."""
    doc, want = G7.parsed(HALLAND), G7.gold(HALLAND)
    assert [a["title"] for a in doc["goals"]] == [a["title"] for a in want["goals"]]
    assert [[g["number"] for g in a["children"]] for a in doc["goals"]] == [
        [g["number"] for g in a["children"]] for a in want["goals"]]
    first = doc["goals"][0]["children"][0]
    assert [name for name, _ in _indicators(first)] == [name for name, _ in _indicators(want["goals"][0]["children"][0])]
    assert _indicators(first)[0] == _indicators(want["goals"][0]["children"][0])[0]
    assert [name for name, _ in _indicators(doc["goals"][0]["children"][1])] == [
        name for name, _ in _indicators(want["goals"][0]["children"][1])]
