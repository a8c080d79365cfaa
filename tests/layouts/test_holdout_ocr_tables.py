"""OCR'd indicator tables of the family hold-out (fixtures/holdout/): a Tot / K / M table broken
over a page under its repeated header, with a rule read as "_|" among the labels on the first
page."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals

HOLDOUT = HoldoutSet("holdout")
GAVLE = "orebro_budget/gavle-ks-plan-budget-2025-ocr"


def _values(doc: dict[str, Any], name: str) -> list[tuple[str, str, str | None]]:
    ind = next(i for g in all_goals(doc) for i in g["indicators"] if i["name"] == name)
    return [(v["label"], v["raw"], v["group"]) for v in ind["values"]]


def test_indicator_rows_broken_over_a_page_under_a_repeated_header() -> None:
    """"Sjukfrånvaro …" ends page 7 with its Tot row; its K and M rows open page 8 under the
    header repeated. The header's "_|" (a rule) is no column, so the two headers are the same
    and the rows on page 8 go on with the table of page 7: K and M are the indicator's women's
    and men's values."""
    name = "Sjukfrånvaro i procent av arbetstiden"
    assert _values(HOLDOUT.parsed(GAVLE), name) == _values(HOLDOUT.gold(GAVLE), name)
