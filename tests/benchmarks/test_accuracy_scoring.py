"""The accuracy benchmark's scoring rules, on small hand-made documents."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.accuracy import aggregate, diacritic_words, field_accuracy, prf, score, walk  # noqa: E402


def _doc(goals: list[dict[str, Any]], budget: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"goals": goals, "budget": budget or [], "investments": []}


def _goal(title: str, activities: list[dict[str, Any]] | None = None, **kw: Any) -> dict[str, Any]:
    return {"title": title, "activities": activities or [], "indicators": [], "children": [], **kw}


def _act(title: str, status: str | None = None, **kw: Any) -> dict[str, Any]:
    return {"title": title, "status": {"value": status, "raw": status} if status else None, "indicators": [], **kw}


def test_kind_empty_in_both_is_no_evidence() -> None:
    assert prf([], [], "indicators") == (None, None, None)
    gold = walk(_doc([_goal("Mål A")]))
    result = score(_doc([_goal("Mål A")]), _doc([_goal("Mål A")]))
    assert result["scores"]["indicators"] == (None, None, None)
    assert result["scores"]["goals"] == (1.0, 1.0, 1.0)
    assert gold["indicators"] == []


def test_spurious_items_where_gold_has_none_score_zero() -> None:
    p, r, f = prf([], [_act("Extra")], "activities")
    assert (p, r, f) == (0.0, None, 0.0)


def test_missing_and_extra_items() -> None:
    gold = [_act("A"), _act("B")]
    got = [_act("A"), _act("C"), _act("D")]
    p, r, f = prf(gold, got, "activities")
    assert p == 1 / 3 and r == 1 / 2
    assert f is not None and abs(f - 0.4) < 1e-9


def test_added_status_counts_wrong() -> None:
    gold = walk(_doc([_goal("G", [_act("A"), _act("B", "completed")])]))
    got = walk(_doc([_goal("G", [_act("A", "in_progress"), _act("B", "completed")])]))
    # B right, A has a status gold does not: 1 of 2.
    assert field_accuracy(gold, got)["status"] == 0.5


def test_status_empty_in_both_is_not_counted() -> None:
    gold = walk(_doc([_goal("G", [_act("A"), _act("B", "completed")])]))
    got = walk(_doc([_goal("G", [_act("A"), _act("B", "completed")])]))
    acc = field_accuracy(gold, got)
    assert acc["status"] == 1.0
    assert acc["owner"] is None  # nobody has an owner


def test_missed_item_counts_its_fields_wrong() -> None:
    gold = walk(_doc([_goal("G", [_act("A", "on_hold"), _act("B", "completed")])]))
    got = walk(_doc([_goal("G", [_act("B", "completed")])]))
    assert field_accuracy(gold, got)["status"] == 0.5


def test_added_indicator_value_counts_wrong() -> None:
    ind = {"name": "Andel", "values": []}
    val = {"label": "Utfall 2025", "kind": "outcome", "year": 2025, "group": None, "raw": "4", "value": 4}
    gold = walk(_doc([_goal("G", indicators=[ind])]))
    got = walk(_doc([_goal("G", indicators=[dict(ind, values=[val])])]))
    assert field_accuracy(gold, got)["values"] == 0.0


def test_parent_is_the_parent_goals_title() -> None:
    gold = walk(_doc([_goal("Mål", children=[_goal("Delmål", [_act("A")])])]))
    flat = walk(_doc([_goal("Mål"), _goal("Delmål", [_act("A")])]))
    acc = field_accuracy(gold, flat)
    # Delmål lost its parent (wrong), A kept its parent Delmål (right).
    assert acc["parent"] == 0.5


def test_budget_and_investments_are_matched_by_kind_and_name() -> None:
    line = {"name": "HR", "values": [{"label": "Budget 2025", "kind": "budget", "year": 2025, "amount": 10, "unit": "tkr"}]}
    gold = {"goals": [], "budget": [line], "investments": [{"name": "HR", "amounts": [], "description": None}]}
    got = {"goals": [], "budget": [line], "investments": []}
    result = score(gold, got)
    assert result["scores"]["budget"][1] == 0.5
    assert result["fields"]["amounts"] == 1.0


def test_controls_are_matched_by_process() -> None:
    """Internal-control points pair by their process text (normalised like titles); a missed
    or an extra point counts, and an empty list in both is no evidence."""
    point = {"process": "Attest av  fakturor", "risk": None, "method": "Stickprov", "responsible": "Ekonom"}
    gold = {"goals": [], "budget": [], "investments": [],
            "controls": [point, dict(point, process="Upphandling"), dict(point, process="Löner")]}
    got = {"goals": [], "budget": [], "investments": [],
           "controls": [dict(point, process="attest av fakturor", method="Annat"), dict(point, process="Inköp")]}
    p, r, f = score(gold, got)["scores"]["controls"]
    assert (p, r) == (0.5, 1 / 3)
    assert f is not None and abs(f - 0.4) < 1e-9
    assert score(_doc([_goal("G")]), _doc([_goal("G")]))["scores"]["controls"] == (None, None, None)
    # the å/ä/ö share leaves them out (comparable with figures from before controls were scored)
    ocr = walk({"controls": [{"process": "Lönehantering", "method": "Kontroll av åtgärder"}]})
    assert diacritic_words(ocr, walk({"controls": [{"process": "Lonehantering"}]})) == (0, 0)


def test_diacritic_words_missed_wrong_and_false_corrections() -> None:
    gold = walk(_doc([_goal("Målet är nått", [_act("Öka närvaron", description="Planen tas fram")]),
                      _goal("Försvunnen åtgärd")]))
    # Goal: "Målet" and "nått" right, "är" damaged to "ar". Activity: paired (its title folds
    # to the same key), "Öka" right, "närvaron" damaged, and a wrong "correction" "Plånen" in
    # its description. "Försvunnen åtgärd" is not found: both words missed.
    got = walk(_doc([_goal("Målet ar nått", [_act("Öka narvaron", description="Plånen tas fram")])]))
    right, denominator = diacritic_words(gold, got)
    assert right == 3  # Målet, nått, Öka
    assert denominator == 7 + 1  # 7 gold words with å/ä/ö, one false correction


def test_aggregate_pools_fields_and_leaves_out_none() -> None:
    a = {"scores": {"goals": (1.0, 1.0, 1.0), "activities": (None, None, None), "indicators": (None, None, None),
                    "budget": (None, None, None), "controls": (None, None, None)},
         "field_counts": {f: (0, 0) for f in ("status", "assessment", "dates", "owner", "values", "parent", "amounts")},
         "diacritics": (3, 4), "text_layer": "ocr"}
    b = {**a, "scores": {**a["scores"], "goals": (0.5, 0.5, 0.5), "activities": (1.0, 0.5, 2 / 3)},
         "field_counts": {**a["field_counts"], "status": (1, 2)}, "diacritics": (1, 4), "text_layer": "native"}
    agg = aggregate([a, b])
    assert agg["goals"] == 0.75
    assert agg["activities"] == 2 / 3  # a's None left out
    assert agg["indicators"] is None
    assert agg["status"] == 0.5
    assert agg["åäö"] == 0.75  # native documents do not count


def test_level_is_scored_over_matched_goals() -> None:
    """A goal's level is one observation when the goal is found: right when it is the gold's.
    An unfound goal is left out (its recall already counts), and gold written without levels
    is no evidence."""
    gold = walk(_doc([_goal("Lärande", level="goal_area", children=[_goal("Alla elever når målen", level="goal")]),
                      _goal("Saknat mål", level="goal")]))
    got = walk(_doc([_goal("Lärande", level="focus_area", children=[_goal("Alla elever når målen", level="goal")])]))
    counts = score({"goals": []}, {"goals": []})["field_counts"]
    assert counts["level"] == (0, 0)
    result = field_accuracy(gold, got)
    assert result["level"] == 0.5  # Lärande wrong, the goal right, the missed goal not counted
    assert field_accuracy(walk(_doc([_goal("G")])), walk(_doc([_goal("G", level="goal")])))["level"] is None
    agg = aggregate([score(_doc([_goal("G", level="goal")]), _doc([_goal("G", level="goal")])),
                     score(_doc([_goal("H", level="goal")]), _doc([_goal("H", level="sub_goal")]))])
    assert agg["level"] == 0.5


def test_level_column_comes_after_the_other_fields() -> None:
    from benchmarks.accuracy import COLUMNS, FIELDS

    assert list(FIELDS)[-1] == "level"
    assert COLUMNS[-2:] == ("level", "åäö")
