"""The generic parser on two documents of the sixth blind hold-out set (fixtures/holdout-generic6/)
with drawn statuses and Färdiggrad bars and no legend. Values read off each document's gold; one
general cause each (a large title under a running header of its words is no noise; a split
table's own extent; group rows repeating the goals of a table above; an unruled table whose
header labels only its figures; a browser's soft hyphens; shaded tables whose rows wrap; drawn
progress bars; a red activity its comment says was stopped)."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, activities, all_goals, goals

DOCS = HoldoutSet("holdout-generic6")
parsed, gold = DOCS.parsed, DOCS.gold

SIGTUNA = "arsbokslut/sigtuna-mhn-arsbokslut-2025"
FALKOPING = "verksamhetsberattelse/falkoping-kfn-verksamhetsberattelse-2025"


def _acts(doc: dict[str, Any]) -> list[tuple[str, str, Any, Any, Any]]:
    """(goal, activity, owner, status value, progress) of every activity."""
    return [(g["title"], a["title"], a["owner"], (a["status"] or {}).get("value"), a["progress"])
            for g in all_goals(doc) for a in g["activities"]]


def _assessments(doc: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(g["title"], (g["assessment"] or {}).get("value")) for g in all_goals(doc)]


def _budget(doc: dict[str, Any]) -> list[tuple[str, list[tuple[Any, ...]]]]:
    return [(b["name"], [(v["kind"], v["year"], v["amount"], v["unit"]) for v in b["values"]]) for b in doc["budget"]]


def test_title_set_large_under_its_running_header_is_kept() -> None:
    """"Årsbokslut 2025" in 22 pt at the top of page 1 repeats the running header's words in
    9 pt: it is the title, not noise, and names the document an årsbokslut."""
    doc = parsed(SIGTUNA)
    assert (doc["title"], doc["document_type"]) == (gold(SIGTUNA)["title"], gold(SIGTUNA)["document_type"])


def test_goal_table_and_activity_table_grouped_by_its_goals() -> None:
    """"Nämndmål | Bedömning" (a shaded header, rows ruled only horizontally, set a little
    narrower than the activity table under the heading "Aktiviteter") gives the four goals
    and their assessments in words; the activity table's full-width rows repeating each
    nämndmål put the rows under them on that goal, owners from "Ansvarig". The heading before
    "Måluppföljning" is no goal group, and the "Ekonomi" page after the table no activity."""
    assert goals(parsed(SIGTUNA)) == goals(gold(SIGTUNA))
    assert _assessments(parsed(SIGTUNA)) == _assessments(gold(SIGTUNA))
    assert activities(parsed(SIGTUNA)) == activities(gold(SIGTUNA))


def test_drawn_circles_and_bars_without_legend() -> None:
    """reportlab circles by the convention in a year-end report without check marks (green =
    completed, yellow = deviation, white = not started) and the Färdiggrad bars' filled share."""
    want = _acts(gold(SIGTUNA))
    assert len(want) == 12
    assert _acts(parsed(SIGTUNA)) == want


def test_budget_table_whose_header_labels_only_its_figures() -> None:
    """"Budget 2025 | Utfall 2025 | Avvikelse" over unruled rows whose names stand left of the
    first label: a budget table with its name column, the sum row last."""
    want = _budget(gold(SIGTUNA))
    assert len(want) == 4
    assert _budget(parsed(SIGTUNA)) == want
    assert [b["is_sum"] for b in parsed(SIGTUNA)["budget"]] == [b["is_sum"] for b in gold(SIGTUNA)["budget"]]


def test_browser_soft_hyphens_and_a_wrapped_first_row() -> None:
    """Chromium writes a soft hyphen inside a line as U+00AD that advances nothing ("fritids­
    aktiviteter", "Tillgänglighets­anpassa"): no hyphen in the title. The last activity table's
    first row wraps onto two lines between shaded bands: it stays a row of the table."""
    assert goals(parsed(FALKOPING)) == goals(gold(FALKOPING))
    assert activities(parsed(FALKOPING)) == activities(gold(FALKOPING))
    titles = [t for _, t in activities(parsed(FALKOPING))] + [t for _, t, _ in goals(parsed(FALKOPING))]
    assert not any("s-a" in t or "\u00ad" in t for t in titles)


def test_css_circles_check_marks_bars_and_a_stopped_activity() -> None:
    """Green with a check mark = completed, plain green = in progress (its bar short of 100 %),
    grey = not started; the red activity whose comment says it was stopped ("Utredningen
    avbröts …") is cancelled, not late."""
    want = _acts(gold(FALKOPING))
    assert len(want) == 15
    assert _acts(parsed(FALKOPING)) == want
    assert _assessments(parsed(FALKOPING)) == _assessments(gold(FALKOPING))
