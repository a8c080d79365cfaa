"""holdout-generic14: goals numbered by outline markers (Roman numerals, letters, "A.1"), on a
native layer and on an English-OCR'd copy, and indicator cards set on their side."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic14")
HAPARANDA = "delarsrapport/haparanda-sn-delarsrapport-augusti-2026"
HEBY = "delarsrapport/heby-sn-delarsrapport-augusti-2026-ocr"


def _tree(doc: dict) -> list[tuple[str | None, str, str, list[tuple[str | None, str]]]]:
    return [(a["number"], a["level"], a["title"], [(g["number"], g["title"]) for g in a["children"]]) for a in doc["goals"]]


def test_roman_and_letter_markers_are_numbers() -> None:
    got = _tree(DOCS.parsed("delarsrapport/haparanda-sn-delarsrapport-augusti-2026"))
    assert got[0][:3] == ("I", "goal_area", "Trygg och värdig äldreomsorg")
    assert got[0][3] == [("a", "Äldre personer med hemtjänst ska känna sig trygga och delaktiga"),
                         ("b", "Personalens kompetens och kontinuitet i äldreomsorgen ska öka")]
    assert [(n, t) for n, _, t, _ in got] == [(n, t) for n, _, t, _ in _tree(DOCS.gold("delarsrapport/haparanda-sn-delarsrapport-augusti-2026"))]


def test_outline_headings_on_an_ocrd_layer_open_goals() -> None:
    """Without fonts "a) Äldre personer …" is a heading by its marker and shape ("ll." is "II.")."""
    doc = DOCS.parsed("delarsrapport/heby-sn-delarsrapport-augusti-2026-ocr")
    gold = DOCS.gold("delarsrapport/heby-sn-delarsrapport-augusti-2026-ocr")
    assert _tree(doc) == _tree(gold)
    assert [len(g["activities"]) for g in all_goals(doc) if g["level"] == "goal"] == [2, 2, 2, 2]


def test_lettered_outline_and_sideways_indicator_cards() -> None:
    doc = DOCS.parsed("verksamhetsplan/arjeplog-ks-verksamhetsplan-2027")
    assert [(a["number"], [g["number"] for g in a["children"]]) for a in doc["goals"]] == [
        ("A", ["A.1", "A.2"]), ("B", ["B.1", "B.2"]), ("C", ["C.1"])]
    first = doc["goals"][0]["children"][0]["indicators"][0]
    assert first["name"] == "Antal invånare 31 december"
    assert [(v["label"], v["kind"], v["year"], v["value"]) for v in first["values"]] == [
        ("Utfall 2024", "outcome", 2024, 2712), ("Utfall 2025", "outcome", 2025, 2695),
        ("Målvärde 2027", "target", 2027, 2720)]
    assert sum(len(g["indicators"]) for g in all_goals(doc)) == 7


def test_labels_run_on_past_their_cells() -> None:
    """Haparanda: "Utfall jan–aug 2026" runs on under the rule up to "Prognos 2026", owners up to
    the status ("Enhetschef socialpsykiatri" / "Ej påbörjad"); Heby, its English-OCR'd copy, reads
    the glued "socialpsykiatrEj" apart and "202@rognos" as the forecast."""
    doc, gold = DOCS.parsed(HAPARANDA), DOCS.gold(HAPARANDA)
    assert [v["label"] for v in doc["budget"][0]["values"]] == [v["label"] for v in gold["budget"][0]["values"]]
    acts = [(a["title"], a["owner"], a["status"]["value"]) for g in all_goals(doc) for a in g["activities"]]
    assert acts == [(a["title"], a["owner"], a["status"]["value"]) for g in all_goals(gold) for a in g["activities"]]
    heby = DOCS.parsed(HEBY)
    assert [v["kind"] for v in heby["budget"][0]["values"]] == ["budget", "outcome", "forecast", "deviation"]
    statuses = {a["title"]: a["status"]["value"] if a["status"] else None for g in all_goals(heby) for a in g["activities"]}
    assert statuses["Digitalt boendestöd på prov"] == "not_started"
