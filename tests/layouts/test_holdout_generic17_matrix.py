"""holdout-generic17, Rättvik: a Chromium verksamhetsberättelse whose goals are the rows of a
måluppfyllelse matrix "Mål | Uppfyllt | Delvis uppfyllt | Ej uppfyllt", each assessed by an
"X" in one column (:mod:`planparse.layouts.mark_matrix`); the indicator table after the
matrix is the målområde's."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet

DOCS = HoldoutSet("holdout-generic17")
RATTVIK = "verksamhetsberattelse/rattvik-kfn-verksamhetsberattelse-2025"


def _tree(doc: dict[str, Any]) -> list[tuple[str, list[str], list[tuple[str, str | None, str | None]]]]:
    return [(a["title"], [i["name"] for i in a["indicators"]],
             [(g["title"], (g["assessment"] or {}).get("value"), (g["assessment"] or {}).get("raw")) for g in a["children"]])
            for a in doc["goals"]]


def test_matrix_rows_are_goals_assessed_by_the_marked_column() -> None:
    doc = DOCS.parsed(RATTVIK)
    assert _tree(doc) == _tree(DOCS.gold(RATTVIK))
    assert {g["assessment"]["source"] for a in doc["goals"] for g in a["children"]} == {"text"}
