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


def test_dot_leaders_set_an_activity_apart_from_its_owner() -> None:
    """Tjörn's arbetsplan (fpdf2) writes each activity and its owner as one string joined by a
    dot leader ("Vi arbetar med kompissamtal … ........ Arbetslag Krabban") under "Så här gör
    vi | Ansvarig": the leader parts two cells, and the "Mål: …" line over the header is the
    goal, no top line of the header's labels."""
    rel = "arbetsplan/tjorn-forskolan-sjostjarnan-arbetsplan-2026-2027"
    doc, gold = HoldoutSet("holdout-generic19").parsed(rel), HoldoutSet("holdout-generic19").gold(rel)

    def owned(d: dict) -> list[tuple[str, str, str | None]]:
        return [(g["title"], a["title"], a["owner"]) for area in d["goals"] for g in area["children"] for a in g["activities"]]

    assert owned(doc) == owned(gold)
    assert owned(doc)[0][2] == "Arbetslag Krabban"


def test_an_ocr_dot_leader_and_specks_before_a_word_are_dropped() -> None:
    """Hammarö's English-OCR'd copy reads the leaders as ".........ccccceseeessseeeseeees" and
    specks before "Ansvarig" as "; “*": neither is text of the row or the header."""
    from planparse.reading import read_pdf
    from tests.gold import FIXTURES

    pdf = FIXTURES / "holdout-generic19/arbetsplan/hammaro-forskolan-snackan-arbetsplan-2026-2027-ocr.pdf"
    texts = [ln.text for p in read_pdf(pdf).pages for ln in p.lines]
    assert "Ansvarig" in texts
    assert not any("cccc" in t or "...." in t for t in texts)
