"""holdout-families5, the ange_uppsikt family from Chromium (and its scan), and an OCR'd
ange_tertial whose header lost its "Status" label.

Ödeshög's uppsiktsrapport: chapter 2's catalogue is a two-column grid ("Mål inom målområde …"
left, "Verksamhetsmål för god ekonomisk hushållning" right) under running text across the page,
its rows on one baseline each: read the left column, then the right. Kinda's scan of the same
content: OCR reads each grid row as one line (split at the gutter), the right column's bullets
are lost (given back where a line starts an item), and a speck read as a dash ends an activity
title. Vingåker's OCR'd målavstämning: a zebra table's white "Status" label was not read; the
column of status labels is the status column all the same."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals, goals

DOCS = HoldoutSet("holdout-families5")
ODESHOG = "ange_uppsikt/odeshog-uppsiktsrapport-2025"
KINDA = "ange_uppsikt/kinda-uppsiktsrapport-2024-scan"
VINGAKER = "ange_tertial/vingaker-malavstamning-2027-t2-ocr"


def _activities(doc: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(a["title"], (a.get("status") or {}).get("value")) for g in all_goals(doc) for a in g.get("activities", [])]


def test_two_column_catalogue_read_column_by_column() -> None:
    doc, gold = DOCS.parsed(ODESHOG), DOCS.gold(ODESHOG)
    assert goals(doc) == goals(gold)
    titles = [g["title"] for g in all_goals(doc)]
    assert "Livskvalitet och gemenskap" in titles
    assert "Verksamhetsmål för god ekonomisk hushållning" in titles


def test_scanned_catalogue_split_at_the_gutter_with_its_bullets() -> None:
    doc, gold = DOCS.parsed(KINDA), DOCS.gold(KINDA)
    assert goals(doc) == goals(gold)
    assert ("Kommunens anläggningar ska nyttjas effektivt") in [g["title"] for g in all_goals(doc)]


def test_scanned_speck_dash_after_a_title_dropped() -> None:
    doc, gold = DOCS.parsed(KINDA), DOCS.gold(KINDA)
    assert _activities(doc) == _activities(gold)
    assert all(not a["title"].endswith("-") for g in all_goals(doc) for a in g.get("activities", []))


def test_unlabelled_status_column_read_as_status() -> None:
    doc = DOCS.parsed(VINGAKER)
    statuses = dict(_activities(doc))
    assert statuses["Utbilda biståndshandläggare i individens behov i centrum"] == "in_progress"
