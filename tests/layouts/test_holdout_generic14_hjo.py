"""holdout-generic14, Hjo: a list whose bullets are small pictures (Google Docs prints a picture
bullet as an 8-point image, no glyph in the text layer) lists one activity per picture, the
status after its dash; not one paragraph of the goal's description."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic14")
HJO = "arbetsplan/hjo-sjoangsskolan-arbetsplan-2026-2027"


def test_picture_bullets_open_activities() -> None:
    doc = DOCS.parsed(HJO)
    got = [(g["title"], [(a["title"], a["status"]["raw"] if a["status"] else None) for a in g["activities"]])
           for g in all_goals(doc) if g["level"] == "goal"]
    assert got[0] == ("Alla elever ska utveckla en god läsförmåga", [
        ("Läsfixare i alla klasser i årskurs 1–3", "Pågående enligt plan"),
        ("Gemensam läsvecka med skolbiblioteket", "Avslutad"),
        ("Kartläggning av läsflyt varje termin", "Pågående enligt plan")])
    # the one picture bullet on the second page is known by the x it shares with the first page's
    assert got[-1][1] == [("Klassråd varannan vecka med protokoll till elevrådet", "Pågående enligt plan")]
    assert all(not g["description"] for g in all_goals(doc))
    want = [(a["title"], a["status"]["value"]) for g in all_goals(DOCS.gold(HJO)) for a in g["activities"]]
    assert [(a["title"], a["status"]["value"]) for g in all_goals(doc) for a in g["activities"]] == want
