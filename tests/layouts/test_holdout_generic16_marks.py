"""holdout-generic16: dingbat bullets ("➤", "✿") and statuses after a dot leader (Finspång),
statuses and a star-rated assessment as marks named by a "Teckenförklaring" table at the end
(Karlshamn), and a budget follow-up whose header labels stand close, whose group titles have
no rule under them and whose footnote marks are raised digits (Södertälje)."""

from __future__ import annotations

from planparse.layouts import ballot_boxes
from planparse.model import AssessmentValue, StatusValue
from planparse.reading import read_pdf
from tests.layouts.holdout import FIXTURES, HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic16")
FINSPANG = "arbetsplan/finspang-storangsskolan-arbetsplan-2026-2027"
KARLSHAMN = "arsbokslut/karlshamn-mbn-arsbokslut-2025"
SODERTALJE = "budgetuppfoljning/sodertalje-tn-tertialrapport-2-2026"


def _activities(doc: dict) -> list[tuple[str, str | None]]:
    return [(a["title"], (a.get("status") or {}).get("value")) for g in all_goals(doc) for a in g["activities"]]


def test_dingbat_bullets_and_a_status_after_a_dot_leader() -> None:
    got, want = _activities(DOCS.parsed(FINSPANG)), _activities(DOCS.gold(FINSPANG))
    assert len(want) == 9 and got == want


def test_marks_are_named_by_the_key_table_at_the_documents_end() -> None:
    doc = read_pdf(FIXTURES / "holdout-generic16" / f"{KARLSHAMN}.pdf")
    legend = ballot_boxes.key(doc)
    assert legend["⚠"] == (StatusValue.in_progress_deviation, None)
    assert legend["★★☆"] == (None, AssessmentValue.partially_fulfilled)
    got = {a["title"]: (a.get("status") or {}).get("value") for g in all_goals(DOCS.parsed(KARLSHAMN)) for a in g["activities"]}
    for title, value in _activities(DOCS.gold(KARLSHAMN)):
        assert got[title] == value, title
    assessed = {g["title"]: (g.get("assessment") or {}).get("value") for g in all_goals(DOCS.parsed(KARLSHAMN))}
    for g in all_goals(DOCS.gold(KARLSHAMN)):
        assert assessed[g["title"]] == (g.get("assessment") or {}).get("value"), g["title"]


def test_a_budget_follow_up_with_group_titles_and_footnote_marks() -> None:
    def lines(doc: dict) -> list[tuple[str, str | None, list[float]]]:
        return [(b["name"], b["section"], [v["amount"] for v in b["values"]]) for b in doc["budget"]]

    assert lines(DOCS.parsed(SODERTALJE)) == lines(DOCS.gold(SODERTALJE))


def test_a_key_entry_on_a_line_of_its_own_is_no_activity() -> None:
    doc = DOCS.parsed(KARLSHAMN)
    titles = [a["title"] for g in all_goals(doc) for a in g["activities"]]
    assert "Genomförd" not in titles and len(titles) == len(_activities(DOCS.gold(KARLSHAMN)))
    assert "Ekonomi" not in [g["title"] for g in all_goals(doc)]  # (a chapter, no goal, once it holds no activity)
