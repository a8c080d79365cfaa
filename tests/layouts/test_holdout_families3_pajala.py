"""holdout-families3, Pajala's verksamhetsplan with an English-OCR'd layer: the control table's
header lost its "Risk" label (the body still shows the column), a rule glued to a figure
("| 8") would throw a row out of its columns, and an indicator list's second bullet was lost
after a first item too short to have wrapped."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-families3")
PAJALA = "kramfors_vp/pajala-verksamhetsplan-2027-ocr"
KEYS = ("process", "risk", "risk_value", "method", "responsible")


def test_control_table_with_a_lost_header_label() -> None:
    doc, gold = DOCS.parsed(PAJALA), DOCS.gold(PAJALA)
    def key(c: dict) -> dict:  # (the OCR reads the last full stop of one method as a comma)
        return {k: c[k].rstrip(".,") if k == "method" else c[k] for k in KEYS}

    assert [key(c) for c in doc["controls"]] == [key(c) for c in gold["controls"]]


def test_indicator_item_after_a_lost_bullet() -> None:
    doc, gold = DOCS.parsed(PAJALA), DOCS.gold(PAJALA)
    names = [[i["name"] for i in g["indicators"]] for g in all_goals(doc)]
    assert names == [[i["name"] for i in g["indicators"]] for g in all_goals(gold)]
    assert ["Sjukfrånvaro i procent av ordinarie arbetstid.", "Andel medarbetare med heltidsanställning."] in names
