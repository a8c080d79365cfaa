"""holdout-families3, Östersund's scanned uppsiktsrapport: a dark header bar whose column rule
the scan lost ("Startdatum Slutdatum" one cell over two columns) still names both columns;
a date cell with specks read after it ("2026-06-10 =— 1") keeps its date; a speck read as a
stop after a long compound ("arbetsplatsträffar. varje") goes."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-families3")
OSTERSUND = "ange_uppsikt/ostersund-uppsiktsrapport-2026-scan"


def test_activity_dates_under_a_header_cell_that_lost_its_rule() -> None:
    doc, gold = DOCS.parsed(OSTERSUND), DOCS.gold(OSTERSUND)

    def rows(d: dict) -> list[tuple[str, str | None, str | None]]:
        return [(a["title"], a["start_date"], a["end_date"]) for g in all_goals(d) for a in g["activities"]]

    assert rows(doc) == rows(gold)
    assert rows(doc)[1] == ("Erbjuda sommarlovsaktiviteter i alla byar", "2026-06-10", "2026-08-15")
    assert rows(doc)[-1] == ("Genomföra arbetsplatsträffar varje månad", "2026-01-01", "2026-12-31")
