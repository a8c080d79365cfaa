"""holdout-generic19: goal cards side by side (Gnesta), a ruled row broken over a page
(Ekerö), Word's multilevel numbering and a merged owner cell (Flen), an OCR'd plan whose owner
column is right-aligned (Hammarö)."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic19")


def _tree(doc: dict[str, Any]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return [(g["level"], g["title"], [(c["level"], c["title"]) for c in g["children"]]) for g in doc["goals"]]


def _activities(doc: dict[str, Any]) -> list[tuple[str, str | None, str | None]]:
    return [(a["title"], a["owner"], (a["status"] or {}).get("value")) for g in all_goals(doc) for a in g["activities"]]


def test_goal_cards_give_their_indicator_and_values_and_stand_under_their_area() -> None:
    """Gnesta: framed cards "Mål: … / Indikator: … / Målvärde 2025: 72 / Utfall 2025: 68 /
    Bedömning: …" two by two; a right card belongs with the left one level with it, the
    paragraph under "Nämndens mål 2025" was the cards' lead-in, no goal."""
    rel = "arsbokslut/gnesta-sbn-arsbokslut-2025"
    doc, gold = DOCS.parsed(rel), DOCS.gold(rel)
    assert _tree(doc) == _tree(gold)

    def measured(d: dict[str, Any]) -> list[tuple[str, str, list[tuple[str, str, int | None, str]]]]:
        return [(g["title"], i["name"], [(v["label"], v["kind"], v["year"], v["raw"]) for v in i["values"]])
                for g in all_goals(d) for i in g["indicators"]]

    assert measured(doc) == measured(gold)
    assert len(measured(doc)) == 5


def test_a_ruled_row_broken_over_a_page_is_closed_where_its_column_rules_end() -> None:
    """Ekerö: the activity table's first row starts at page 1's foot, its column rules run
    to the page's foot with no rule under it; its rest is under the header repeated on page 2."""
    rel = "delarsrapport/ekero-bun-delarsrapport-augusti-2026"
    assert _activities(DOCS.parsed(rel)) == _activities(DOCS.gold(rel))


def test_word_numbering_topics_over_goals_are_areas_and_a_merged_owner_cell_owns_both_rows() -> None:
    """Flen (LibreOffice): "2.1 Trygg och säker vård och omsorg" over "2.1.1 Brukarna ska …"
    and "2.1.2 Färre olika personal …" (no verb, but activities and indicators); one
    "Ansvarig" cell merged over two activities."""
    rel = "verksamhetsplan/flen-von-verksamhetsplan-2027"
    doc, gold = DOCS.parsed(rel), DOCS.gold(rel)
    assert _tree(doc) == _tree(gold)
    assert _activities(doc) == _activities(gold)


def test_an_ocr_d_right_aligned_owner_column_and_a_goal_line_after_a_table() -> None:
    """Hammarö (OCR'd Tjörn): owners right-aligned under "Ansvarig", their first word left of
    the label ("Arbetslag Krabban"); rows opening alike ("Vi arbetar", "Vi gör") are no column;
    "Mål: Barnen utvecklar …" after a table is the next goal, no row of it."""
    doc = DOCS.parsed("arbetsplan/hammaro-forskolan-snackan-arbetsplan-2026-2027-ocr")
    owners = [owner for _, owner, _ in _activities(doc)]
    assert {"Arbetslag Krabban", "Alla arbetslag", "Förskollärare"} <= set(owners)
    assert "Barnen utvecklar sitt språk och sin lust att berätta" in [g["title"] for g in all_goals(doc)]
