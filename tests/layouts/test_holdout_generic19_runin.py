"""holdout-generic19 (Salem): goals as run-in bold headings, each assessed by an italic
"Bedömning: …" line after its paragraph; two columns, a goal's paragraph going on in the next
column."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet

DOCS = HoldoutSet("holdout-generic19")
SALEM = "verksamhetsberattelse/salem-kfn-verksamhetsberattelse-2025"


def _tree(doc: dict[str, Any]) -> list[tuple[str, str, str | None, list[tuple[str, str | None]]]]:
    return [(g["level"], g["title"], (g["assessment"] or {}).get("value"),
             [(c["title"], (c["assessment"] or {}).get("value")) for c in g["children"]]) for g in doc["goals"]]


def test_run_in_headings_are_goals_assessed_after_their_paragraph() -> None:
    assert _tree(DOCS.parsed(SALEM)) == _tree(DOCS.gold(SALEM))


def test_the_run_in_headings_full_stop_is_no_part_of_the_title() -> None:
    titles = [c["title"] for g in DOCS.parsed(SALEM)["goals"] for c in g["children"]]
    assert "Anläggningarna ska vara tillgängliga och trygga" in titles
    assert not [t for t in titles if t.endswith(".")]
