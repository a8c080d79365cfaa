"""holdout-generic12's English-OCR'd nämndplan: a table's vertical rule that the English model
read as "—" (its box, fitted to the page image's ink, under a point wide) is no text, so the
activity title wrapped in the cell reads whole."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, activities

DOCS = HoldoutSet("holdout-generic12")
VASTERVIK = "namndplan/vastervik-mbn-namndplan-2027-ocr"


def test_rule_read_as_a_dash_is_no_part_of_a_wrapped_title() -> None:
    titles = [title for _goal, title in activities(DOCS.parsed(VASTERVIK))]
    assert "Officiell introduktion för nyanställda inspektörer" in titles
    assert not any("—" in t for t in titles)
