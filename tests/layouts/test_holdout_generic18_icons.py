"""holdout-generic18: icons explained by a legend table. Järfälla's delårsrapport has inline
raster icons and a Teckenförklaring laid out as a table Symbol · Bedömning av mål · Symbol ·
Status för aktivitet: each icon's name is in the next cell, so the legend is read from table
cells too ("grön kvadrat" → Genomförd, "blå kvadrat" → Pågår, against the convention)."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic18")
JARFALLA = "delarsrapport/jarfalla-sn-delarsrapport-augusti-2026"


def _tree(doc: dict[str, Any]) -> list[tuple[str, str | None, list[tuple[str, str | None]]]]:
    return [(g["title"], (g["assessment"] or {}).get("value"),
             [(a["title"], (a["status"] or {}).get("value")) for a in g["activities"]])
            for g in all_goals(doc)]


def test_inline_icons_by_a_legend_table() -> None:
    assert _tree(DOCS.parsed(JARFALLA)) == _tree(DOCS.gold(JARFALLA))


DANDERYD = "arsbokslut/danderyd-kfn-arsbokslut-2025"


def test_cell_colours_by_a_legend_table_at_the_end_which_is_no_goal() -> None:
    # Färg | Mål | Aktivitet: a filled cell, then its assessment's and its status's names
    # ("gul cell" is Delvis uppfyllt for a goal, Pågår for an activity); the legend's header
    # names no goal and its rows no activities
    doc = DOCS.parsed(DANDERYD)
    assert _tree(doc) == _tree(DOCS.gold(DANDERYD))
    assert [g["title"] for g in doc["goals"]] == [g["title"] for g in DOCS.gold(DANDERYD)["goals"]]


def test_status_cells_with_glyph_and_label_are_no_legend_table() -> None:
    # "Aktivitet | ● Avslutad enligt plan | 2026-03-31": each glyph is named by its label, but
    # the rows hold titles and dates too, so the table is content, not a legend
    harnosand = HoldoutSet("holdout")
    rel = "ange_tertial/harnosand-malavstamning-t1-2026"
    assert [a["title"] for g in all_goals(harnosand.parsed(rel)) for a in g["activities"]] == \
        [a["title"] for g in all_goals(harnosand.gold(rel)) for a in g["activities"]]
