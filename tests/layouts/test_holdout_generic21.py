"""holdout-generic21, scored blind, then mended: a goal table whose rows hold each goal's
activity table, a scan 1 degree askew with gridded indicator tables, footnote marks after a
per cent sign and on an amount, and an OCR'd bullet read as a quote and a copyright sign.
Each test fails without its rule."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals

GENERIC21 = HoldoutSet("holdout-generic21")


def _activities(doc: dict[str, Any]) -> list[tuple[str, str, str | None, int | None]]:
    return [(g["title"], a["title"], (a.get("status") or {}).get("value"), a.get("progress"))
            for g in all_goals(doc) for a in g["activities"]]


def test_an_activity_table_inside_a_goal_rows_cell_is_read_as_the_goals() -> None:
    """Surahammar: "Nämndmål | Bedömning | Aktiviteter", each Aktiviteter cell a table of its
    own (Aktivitet | Status | Färdiggrad) with drawn status circles and progress bars, its rows
    parted by rules inside the cell. Read as the cell's lines, its header and titles ran
    together ("Aktivitet Status Färdiggrad Sommarlovsaktiviteter i alla 100") and no status
    was read; the goal's own assessment circle, level with its first activity, is not that
    activity's status."""
    rel = "arsbokslut/surahammar-kfn-arsbokslut-2025"
    doc, gold = GENERIC21.parsed(rel), GENERIC21.gold(rel)
    assert _activities(doc) == _activities(gold)
    assert [(g["title"], (g.get("assessment") or {}).get("value")) for g in all_goals(doc)] == \
        [(g["title"], (g.get("assessment") or {}).get("value")) for g in all_goals(gold)]


def test_a_scan_askew_keeps_its_gridded_tables() -> None:
    """Skinnskatteberg (200 dpi, 1 degree askew): the indicator tables' hairlines step too
    often to be read row by row, and the shaded header's box, tilted, reached over the
    table's top rule, so each table opened with an empty row and its header was lost: three
    of five goals and their indicators were missed."""
    rel = "arsredovisning/skinnskatteberg-arsredovisning-2025-scan"
    doc, gold = GENERIC21.parsed(rel), GENERIC21.gold(rel)
    assert [g["title"] for g in all_goals(doc)] == [g["title"] for g in all_goals(gold)]
    found = {i["name"] for g in all_goals(doc) for i in g["indicators"]}
    assert "Antal besök på träffpunkten i Riddarhyttan" in found
    assert len(found) >= 5


def test_a_footnote_mark_after_a_per_cent_sign_is_no_part_of_the_name() -> None:
    """Upplands-Bro: "Andel barn och unga nöjda med bemötandet, %²" (a raised small "2")."""
    rel = "delarsrapport/upplands-bro-sn-delarsrapport-augusti-2026"
    names = [i["name"] for g in all_goals(GENERIC21.parsed(rel)) for i in g["indicators"]]
    assert "Andel barn och unga nöjda med bemötandet, %" in names


def test_a_footnote_mark_on_an_amount_is_no_part_of_it() -> None:
    """Svalöv: "52 300¹" in the Budget 2027 column; the amount was lost and the sum row's
    check reported a mismatch."""
    rel = "budget/svalov-bun-driftbudget-2027"
    doc = GENERIC21.parsed(rel)
    line = next(b for b in doc["budget"] if b["name"] == "Gymnasieskola, köpta platser")
    assert [v["amount"] for v in line["values"]] == [49870, 51600, 52300]
    assert not [w for w in doc["warnings"] if w["code"] == "sum_mismatch"]


def test_an_ocr_bullet_read_as_quote_marks_starts_an_item() -> None:
    """Strömstad (English-OCR'd layer): a bullet read as '"©' glued two goals into one, and a
    footnote's raised "1" read as "”" alone at a line's end stayed in an activity's title."""
    rel = "arbetsplan/stromstad-kvarnbergsskolan-arbetsplan-2026-2027-ocr"
    doc, gold = GENERIC21.parsed(rel), GENERIC21.gold(rel)
    assert [g["title"] for g in all_goals(doc)] == [g["title"] for g in all_goals(gold)]
    assert _activities(doc) == _activities(gold)
