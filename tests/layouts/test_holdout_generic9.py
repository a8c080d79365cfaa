"""The generic parser on the ninth blind hold-out set (fixtures/holdout-generic9/). Values read
off each document's gold; one general cause each."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, activities, all_goals, goals

DOCS = HoldoutSet("holdout-generic9")
parsed, gold = DOCS.parsed, DOCS.gold

LJUNGBY = "arbetsplan/ljungby-larkans-forskola-arbetsplan-2026-2027"


def test_work_plan_whose_headings_and_labels_are_all_bold_body_type() -> None:
    """Word for Mac habits: the area headings ("Normer och värden"), the "Mål" and "Så här gör
    vi" labels and the chapters are all bold 12 pt like the body. A bare "Mål" right under an
    area heading is that area's goal list (the area a goal area), and the next area heading,
    styled as the one before, ends the "Så här gör vi" list instead of joining it."""
    levels = [(g["level"], g["title"]) for g in all_goals(parsed(LJUNGBY))]
    assert levels[:3] == [
        ("goal_area", "Normer och värden"),
        ("goal", "Barnen visar respekt för varandras olikheter och känner sig trygga i barngruppen."),
        ("goal", "Barnen utvecklar förmåga att sätta sig in i och respektera andra människors situation."),
    ]
    assert levels == [(g["level"], g["title"]) for g in all_goals(gold(LJUNGBY))]
    assert goals(parsed(LJUNGBY)) == goals(gold(LJUNGBY))
    assert activities(parsed(LJUNGBY)) == activities(gold(LJUNGBY))


MOTALA = "krisberedskapsplan/motala-ks-krisberedskapsplan-2027-2030"


def test_a_guideline_with_one_goal_heading_is_no_goal_tree() -> None:
    """A krisberedskapsplan's "Mål för krisberedskapen" over two sentences of purpose is the
    whole of its goal words: one goal with nothing under it is no plan; no goals, a warning."""
    assert gold(MOTALA)["goals"] == []
    doc = parsed(MOTALA)
    assert doc["goals"] == []
    assert "no_plan_content" in {w["code"] for w in doc["warnings"]}


GAVLE = "arsbokslut/gavle-kfn-arsbokslut-2025"


def test_icon_statuses_through_a_legend_table_on_the_last_page() -> None:
    """Status circles alone in a column; the Teckenförklaring on the last page is a table of a
    circle and a sentence ("Aktiviteten pågår enligt plan") 36 pt to its right: yellow is
    "in progress" by that legend, not the convention's deviation. The title's year is the
    report's ("Årsbokslut 2025"), not the diary number's ("Dnr KFN 2026/14")."""
    def statuses(doc: dict) -> list[tuple[str, str | None]]:
        return [(a["title"], (a["status"] or {}).get("value")) for g in all_goals(doc) for a in g["activities"]]

    want = statuses(gold(GAVLE))
    assert ("Ta fram en plan för offentlig konst i Gävle strand", "in_progress") in want
    assert statuses(parsed(GAVLE)) == want
    assert parsed(GAVLE)["year"] == gold(GAVLE)["year"] == 2025


VASTERAS = "delarsrapport/vasteras-kun-delarsrapport-augusti-2026"


def test_budget_table_whose_header_names_budget_outcome_and_deviation() -> None:
    """"Verksamhet | Budget | Utfall | Avvikelse" under a caption in tkr: a budget table (Budget
    and Avvikelse are money words, and no column names indicators), not the indicators of a
    goal made from the "5 Ekonomi" chapter heading."""
    def lines(doc: dict) -> list[tuple[str, bool, list[tuple[str, str, float]]]]:
        return [(b["name"], b["is_sum"], [(v["label"], v["kind"], v["amount"]) for v in b["values"]]) for b in doc["budget"]]

    assert lines(parsed(VASTERAS)) == lines(gold(VASTERAS))
    assert len(gold(VASTERAS)["budget"]) == 6
    assert [g["title"] for g in parsed(VASTERAS)["goals"]] == [g["title"] for g in gold(VASTERAS)["goals"]]
