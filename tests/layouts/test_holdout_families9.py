"""holdout-families9, scored blind, then mended: a wrapped sentence starting with a goal
word, an OCR layer that lost a table's text (read again from the page image), a section number
read with a comma, word boxes of a tilted page's OCR layer fitted to its ink, and a unit alone
on its row. Each test fails without its rule."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals

FAMILIES9 = HoldoutSet("holdout-families9")


def _goals(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return [(g["level"], g["title"]) for g in all_goals(doc)]


def _activities(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return [(g["title"], a["title"]) for g in all_goals(doc) for a in g["activities"]]


def test_a_wrapped_line_starting_with_a_goal_word_is_no_heading() -> None:
    """Skinnskatteberg (Writer): "… ska bidra till" / "kommunfullmäktiges mål under 2026:
    nyckeltal, …" was read as a goal area named "under 2026: …"."""
    rel = "kramfors_vp/skinnskatteberg-verksamhetsplan-2026"
    doc, gold = FAMILIES9.parsed(rel), FAMILIES9.gold(rel)
    assert _goals(doc) == _goals(gold)


def test_an_ocr_layer_that_lost_a_table_is_read_again_there() -> None:
    """Lilla Edet (English-OCR'd layer): the layer read each activity table as "=" and "=a"
    in one box over it all; the Swedish reading of the page image puts its lines back, so its
    activities and statuses are read. "3,1 Det ska finnas …" is section 3.1."""
    rel = "ange_tertial/lilla-edet-malavstamning-2027-t1-ocr"
    doc, gold = FAMILIES9.parsed(rel), FAMILIES9.gold(rel)
    found, wanted = set(_activities(doc)), set(_activities(gold))
    assert len(found & wanted) >= 0.8 * len(wanted)
    assert ("goal", "Det ska finnas bostäder för alla skeden i livet") in _goals(doc)
    statuses = {a["title"]: (a.get("status") or {}).get("value") for g in all_goals(doc) for a in g["activities"]}
    assert statuses["Anta detaljplan för kvarteret Lärkan"] == "in_progress_deviation"


def test_a_tilted_pages_ocr_layer_keeps_its_table_header() -> None:
    """Östra Göinge (English-OCR'd layer over pages turned about a degree): the rules found
    in the page image read sheared level were boxed as tall as they climb, and fitting the
    layer's words to the ink with the rules' rows blanked cut "Verksamhetens" to "-hetens":
    the header started 20 pt right of its rows and no activity table was read."""
    rel = "ange_uppsikt/ostra-goinge-uppsiktsrapport-2027-ocr"
    doc, gold = FAMILIES9.parsed(rel), FAMILIES9.gold(rel)
    assert set(_activities(doc)) == set(_activities(gold))


def test_a_unit_alone_on_its_row_is_every_figure_columns_unit() -> None:
    """Surahammar (OCR'd layer): under "Utfall 2025 | Budget 2026 | Budget 2027" a merged cell
    holds "tkr" alone, set left of the first figure column's label: every amount was read
    without its unit. "reserwattentäkt" (English OCR's "w" for "vv") is "reservvattentäkt"."""
    rel = "kramfors_vp/surahammar-verksamhetsplan-2027-ocr"
    doc = FAMILIES9.parsed(rel)
    assert {v["unit"] for b in doc["budget"] for v in b["values"]} == {"tkr"}
    assert any(i["name"].startswith("Reservvattentäkt") for i in doc["investments"])
