"""The generic parser on the sixth blind hold-out set (fixtures/holdout-generic6/), the
nämndplaner: values read off each document's gold; one general cause each (an unnumbered
heading in larger type over "Nämndmål: …" goals is their goal area; an indicator table under a
list of activities measures the goal; an OCR'd layer's header row above a table ruled only
under it is its header; a series of year columns read from OCR-mended labels)."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, goals

DOCS = HoldoutSet("holdout-generic6")
parsed, gold = DOCS.parsed, DOCS.gold

KUNGSBACKA = "namndplan/kungsbacka-fg-namndplan-2026"
HARRYDA = "namndplan/harryda-un-namndplan-2026-ocr"


def _levels(doc: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(g["level"], [c["level"] for c in g["children"]]) for g in doc["goals"]]


def _indicators(doc: dict[str, Any]) -> list[tuple[str, str, list[tuple[Any, ...]]]]:
    """(goal, indicator, values) of every goal's indicators; activities' indicators too."""
    out = []

    def visit(g: dict[str, Any]) -> None:
        for owner in (g, *g.get("activities", [])):
            for i in owner.get("indicators", []):
                out.append((owner.get("title", ""), i["name"], [(v["label"], v["kind"], v["year"], v["value"]) for v in i["values"]]))
        for c in g.get("children", []):
            visit(c)

    for g in doc["goals"]:
        visit(g)
    return out


def test_larger_unnumbered_heading_over_namndmal_is_their_goal_area() -> None:
    """"Livslångt lärande" (16 pt, no number, prose under it) over "Nämndmål: …" (12 pt):
    a goal area with its two goals; "Inledning" and "Vision" (as large, no goals) none."""
    for rel in (KUNGSBACKA, HARRYDA):
        want = goals(gold(rel))
        assert len(want) == 9
        assert goals(parsed(rel)) == want
        assert _levels(parsed(rel)) == _levels(gold(rel)) == [("goal_area", ["goal", "goal"])] * 3


def test_indicator_table_under_an_activity_list_is_the_goals() -> None:
    """"Aktiviteter" with three bullets, then "Indikator | Källa | 2023 | 2024 | Utfall 2025 |
    Mål 2026": the goal's indicators, not the last bullet's; years in a series are outcomes."""
    want = _indicators(gold(KUNGSBACKA))
    assert len(want) == 10
    got = _indicators(parsed(KUNGSBACKA))
    assert [(g, n, v) for g, n, v in got] == want
    assert {v[1] for _, _, vals in got for v in vals} == {"outcome", "target"}


def test_ocr_header_row_above_a_rule_only_table() -> None:
    """On the OCR'd copy the header sits over the table's first rule, in a glyphless font
    without bold: read by its words, it heads the table; "2024 -" (a speck) is a year column
    of the series all the same."""
    got = [(g, n[:25], v) for g, n, v in _indicators(parsed(HARRYDA))]
    want = [(g, n[:25], v) for g, n, v in _indicators(gold(HARRYDA))]
    assert len(got) == len(want) == 10
    assert [(g, v) for g, _, v in got] == [(g, v) for g, _, v in want]
    assert not [w for w in parsed(HARRYDA)["warnings"] if w["code"] == "table_skipped"]


ALVESTA = "delarsrapport/alvesta-socialnamnden-delarsrapport-2-2026-scan"


def test_ocr_month_range_keeps_its_en_dash() -> None:
    """The scan's "Utfall jan–aug 2026" (indicator and budget columns): OCR reads the en dash
    as a hyphen; a range of two month names takes the en dash back."""
    labels = {v[0] for _, _, vals in _indicators(parsed(ALVESTA)) for v in vals}
    assert "Utfall jan–aug 2026" in labels and "Utfall jan-aug 2026" not in labels
    assert {v["label"] for b in parsed(ALVESTA)["budget"] for v in b["values"]} == {
        v["label"] for b in gold(ALVESTA)["budget"] for v in b["values"]}
