"""The activity tables' walk (planparse.layouts.table_walk) on real fixture PDFs."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet


def test_a_table_going_on_after_the_running_header_keeps_its_rows_apart() -> None:
    """Östersund KS: the activity table goes on at page 2's top under the running header
    "Tertialrapport 2 2026 – Kommunstyrelsen", which the table took in as a row. That row is
    no goal nor text of the last activity, and "Utbilda chefer i klarspråk", with a per cent
    of its own, is the next activity, not the end of the last one's title."""
    doc = HoldoutSet("holdout-generic10").parsed("tertialrapport/ostersund-ks-tertialrapport-2-2026")
    goal = doc["goals"][1]["children"][1]
    assert goal["title"] == "Invånarna ska uppleva en god service från kommunen"
    titles = [a["title"] for a in goal["activities"]]
    assert titles[-2:] == ["Mäta svarstider i kontaktcenter varje månad", "Utbilda chefer i klarspråk"]
    assert goal["activities"][-1]["progress"] == 0
    assert all("Tertialrapport" not in (a["description"] or "") for a in goal["activities"])
