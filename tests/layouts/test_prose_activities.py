"""Activities reported as paragraphs closed by the work's status (holdout-generic68)."""

from __future__ import annotations

from planparse.layouts.prose_activities import (
    activities_in_prose,
    reported_activity,
    reports_in_prose,
)
from planparse.model import Goal, GoalLevel, Provenance, ProvenanceMethod

WHERE = Provenance(page=1, bbox=(0.0, 0.0, 1.0, 1.0), raw_text="", method=ProvenanceMethod.native)


def test_a_title_sentence_and_a_status_sentence_make_an_activity() -> None:
    act = reported_activity("Trygg hemgång efter sjukhusvistelse. Rutinen har prövats i två grupper. Arbetet pågår.", WHERE)
    assert act is not None
    assert (act.title, act.description, act.status.value if act.status else None) == (
        "Trygg hemgång efter sjukhusvistelse", "Rutinen har prövats i två grupper.", "in_progress")


def test_prose_that_only_ends_with_a_status_sentence_is_no_activity() -> None:
    """The first sentence has a finite verb: an account of the year, no activity's title."""
    assert reported_activity("Antalet besök ökade kraftigt. Arbetet pågår.", WHERE) is None
    assert reported_activity("Digital tillsyn nattetid.", WHERE) is None
    assert reported_activity("Digital tillsyn nattetid. Tekniken används av fler.", WHERE) is None


def test_reported_paragraphs_leave_the_description_for_the_activities() -> None:
    goal = Goal(uid="", level=GoalLevel.goal, title="Äldre ska kunna bo kvar hemma", provenance=WHERE,
                description="Antalet med hemtjänst ökade.\nDigital tillsyn nattetid. Arbetet är avslutat.")
    activities_in_prose([goal])
    assert [(a.title, a.status.value if a.status else None) for a in goal.activities] == [("Digital tillsyn nattetid", "completed")]
    assert goal.description == "Antalet med hemtjänst ökade."


def test_prose_reports_on_a_goal_by_an_assessment_or_a_status_sentence() -> None:
    assert reports_in_prose(["Andelen ökade. Målet bedöms som delvis uppfyllt."])
    assert reports_in_prose(["Ny rutin för hembesök. Arbetet pågår."])
    assert not reports_in_prose(["Andelen ökade från 71 till 74 procent."])
