"""OCR'd table cells read again from the page image (planparse.layouts.reread), on real scans."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet


def _values(doc: dict, name: str) -> list[str]:
    def goals(items: list[dict]) -> list[dict]:
        return [g for item in items for g in (item, *goals(item["children"]))]

    owners = [*goals(doc["goals"]), *(a for g in goals(doc["goals"]) for a in g["activities"])]
    found = next(i for o in owners for i in o["indicators"] if i["name"] == name)
    return [v["raw"] for v in found["values"]]


def test_a_figure_without_the_per_cent_sign_its_row_carries_is_read_again() -> None:
    """Sorsele's scan reads "18 %" as "184" and "7,1 %" as "7,18" (the sign as a digit) beside
    figures whose sign it misread ("24R", "7,9 KR"): read again from the page image, the crops
    agree on the figure with its sign."""
    doc = HoldoutSet("holdout").parsed("robertsfors_vp/sorsele-ks-verksamhetsplan-2026-scan")
    assert _values(doc, "Andel fossilfria fordon i kommunens fordonsflotta") == ["18 %", "24 %"]
    assert _values(doc, "Sjukfrånvaro ska minska") == ["7,9 %", "7,1 %"]
