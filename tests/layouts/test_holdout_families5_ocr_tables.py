"""holdout-families5 Hallstahammar (English-OCR'd Kramfors plan): an unruled investment table
continued over a page without its header, whose first label has a second line ("Investerings-
projekt," / "tkr"), and a contents page whose last entries lost their page numbers."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-families5")
HALLSTAHAMMAR = "kramfors_vp/hallstahammar-verksamhetsplan-2027-ocr"


def test_a_continued_unruled_table_keeps_its_columns_under_a_two_line_label() -> None:
    doc, gold = DOCS.parsed(HALLSTAHAMMAR), DOCS.gold(HALLSTAHAMMAR)
    names = [i["name"] for i in doc["investments"]]
    assert names == [i["name"] for i in gold["investments"]]
    torget = next(i for i in doc["investments"] if i["name"] == "Torget, ny markbeläggning")
    assert [(a["year"], a["amount"]) for a in torget["amounts"]] == [(2028, 2400)]


def test_a_contents_entry_without_its_page_number_beside_one_at_its_indent_is_no_goal() -> None:
    titles = [g["title"] for g in all_goals(DOCS.parsed(HALLSTAHAMMAR))]
    assert "Internkontrollplan" not in titles
    assert len(titles) == 3


def test_a_dash_speck_after_the_last_sentence_is_no_part_of_the_title() -> None:
    acts = [a["title"] for g in all_goals(DOCS.parsed(HALLSTAHAMMAR)) for a in g["activities"]]
    assert "Utveckla samarbetet med regionen om pendlingstrafik." in acts
    assert not [t for t in acts if t.endswith("-")]
