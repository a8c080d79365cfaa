"""Family documents on damaged layers (scans, English-OCR'd layers) of fixtures/holdout and
fixtures/stress-seed7: rules of the reading layer and the engine that such pages need, each
asserted on the documents that showed it missing, with values read off their gold."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tests.layouts.holdout import HoldoutSet

HOLDOUT = HoldoutSet("holdout")
SEED7 = HoldoutSet("stress-seed7")

SORSELE = "robertsfors_vp/sorsele-ks-verksamhetsplan-2026-scan"
HUDIKSVALL = "kramfors_vp/hudiksvall-klf-verksamhetsplan-2026-scan"
SUNDSVALL = "ange_tertial/sundsvall-malavstamning-t1-2025-scan"


def _goals(goals: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for g in goals:
        yield g
        yield from _goals(g.get("children", []))


def _activities(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for g in _goals(doc["goals"]) for a in g["activities"]]


def _indicators(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for g in _goals(doc["goals"]) for owner in (g, *g["activities"]) for i in owner["indicators"]]


def _by_title(items: list[dict[str, Any]], start: str) -> dict[str, Any]:
    found = [a for a in items if (a.get("title") or a.get("name") or "").startswith(start)]
    assert len(found) == 1, [a.get("title") or a.get("name") for a in items]
    return found[0]


def test_scanned_paragraphs_part_at_the_leading_of_wrapped_lines() -> None:
    """A scanned plan of short label and value lines ("Processägare" / "Kommunchef", a line's
    space apart) holds more steps across a paragraph's space than within one: the leading is
    the step under a line that fills its column (it wrapped), so the assignment's text and the
    paragraph under it part, and the strategic goal ends with its own paragraph."""
    gold, doc = HOLDOUT.gold(SORSELE), HOLDOUT.parsed(SORSELE)
    for start in ("Förvaltningen ska, tillsammans med polisen",):
        want, got = _by_title(_activities(gold), start), _by_title(_activities(doc), start)
        assert (got["title"], got["description"]) == (want["title"], want["description"])
    want_goals = {g["number"]: g for g in _goals(gold["goals"])}
    for g in _goals(doc["goals"]):
        if g["number"] in ("3.1", "3.2"):
            assert g["strategic_goal"] == want_goals[g["number"]]["strategic_goal"]


def test_running_headers_read_differently_on_each_page_are_noise() -> None:
    """A scan's running header OCR'd a letter apart on some pages ("Sårsele kommun" for
    "Sorsele kommun"), or come apart into two lines ("Hudiksvalls kommun" and "Verksamhetsplan
    2026"): still the same running line, not the end of the assignment above the page break."""
    for name, start in ((SORSELE, "Utveckla kommunens bostadsförsörjningsprogram"),
                        (HUDIKSVALL, "Utarbeta en riktlinje för klarspråk")):
        want, got = _by_title(_activities(HOLDOUT.gold(name)), start), _by_title(_activities(HOLDOUT.parsed(name)), start)
        assert got["title"] == want["title"]


def test_list_number_with_its_stop_read_thrice_starts_an_item() -> None:
    """"1... Genomföra en jämställdhetsanalys …": the scan's OCR read the list number's stop as
    three; the item is the goal's first assignment all the same."""
    gold, doc = HOLDOUT.gold(HUDIKSVALL), HOLDOUT.parsed(HUDIKSVALL)
    assert [a["title"] for a in doc["goals"][0]["activities"]] == [a["title"] for a in gold["goals"][0]["activities"]]


def test_thousands_groups_keep_their_space_on_a_scan() -> None:
    """"1 500" and "1 622" in a scanned indicator table: Tesseract reads each as one word
    "1500"; the page image shows the space between the groups, so the raw value keeps it.
    And "(%)" read as "(20)" at the end of a measure's name is the per-cent sign."""
    gold, doc = HOLDOUT.gold(SUNDSVALL), HOLDOUT.parsed(SUNDSVALL)
    want = _by_title(_indicators(gold), "Korttidssjukfrånvaro")
    got = _by_title(_indicators(doc), "Korttidssjukfrånvaro")
    assert [v["raw"] for v in got["values"]] == [v["raw"] for v in want["values"]] == ["1 500", "1 622"]
    assert "Sjukfrånvaro, procentandel (%)" in [i["name"] for i in _indicators(doc)]
    hud = [i["name"] for i in _indicators(HOLDOUT.parsed(HUDIKSVALL))]
    assert any(n.startswith("Antal nystartade företag per 1 000 invånare") for n in hud)


def test_description_column_of_a_text_status_table() -> None:
    """"Verksamhetens aktiviteter | Beskrivning | Status | Slutdatum" on a scan, the status
    read as text: each activity's description is its Beskrivning cell."""
    name = "ange_tertial/ange_tertial-01-reportlab-scan"
    gold, doc = SEED7.gold(name), SEED7.parsed(name)
    want = _by_title(_activities(gold), "Certifierad stjärnmärkning")
    got = _by_title(_activities(doc), "Certifierad stjärnmärkning")
    assert got["description"] == want["description"]
