"""Goal words, goal references and chapter titles: pure functions over text."""

from __future__ import annotations

from planparse.layouts.goal_words import (
    goal_word,
    kind_of_goals,
    lists_plan_parts,
    names_goals,
    unlabelled,
)
from planparse.layouts.known_goals import named_goal
from planparse.layouts.title_kinds import other_plan
from planparse.layouts.walk_state import numbered_under
from planparse.layouts.words_scope import names_areas
from planparse.model import Goal, GoalLevel, Provenance, ProvenanceMethod
from planparse.text.fold import fold


def _goal(title: str, number: str | None) -> Goal:
    return Goal(uid="", level=GoalLevel.goal, title=title, number=number, provenance=Provenance(page=1, bbox=(0, 0, 1, 1), raw_text=title, method=ProvenanceMethod.native))


def test_local_level_words() -> None:
    assert goal_word("Resultatmål 1.1 Kommunens fordon ska drivas med förnybart bränsle") == (
        GoalLevel.goal, "1.1 Kommunens fordon ska drivas med förnybart bränsle")
    assert goal_word("Framgångsfaktor Trygg hemtjänst") == (GoalLevel.goal, "Trygg hemtjänst")
    assert goal_word("Insatsområde 2: Barn och unga") == (GoalLevel.goal_area, "2: Barn och unga")
    assert goal_word("Perspektivet") is None


def test_a_heading_listing_what_follows_names_no_goal() -> None:
    assert names_goals("Områden, mål och åtgärder")
    assert names_goals("Mål, åtgärder och uppföljning")
    assert not names_goals("Trygghet, mål och annat")


def test_a_goal_titles_printed_label() -> None:
    assert unlabelled("Mål: Fler ska arbeta") == "Fler ska arbeta"
    assert unlabelled("Delmål:  Läsningen ska öka") == "Läsningen ska öka"
    assert unlabelled("Målområde Trygghet") == "Målområde Trygghet"


def test_mal_n_names_the_goal_numbered_n_that_states_a_goal() -> None:
    chapter, goal = _goal("Sammanfattning", "1"), _goal("Ingen patient ska drabbas av trycksår", "1")
    assert named_goal([chapter, goal], "Mål 1") is goal
    assert named_goal([chapter, goal], "1") is chapter  # (a bare number: the first so numbered)
    assert named_goal([chapter, goal], "Mål 2") is None


def test_a_heading_listing_plan_parts_is_never_a_goal() -> None:
    """Made no goal whatever label follows it; "Finansiella mål" is a goal (its goals under it)."""
    assert lists_plan_parts("Mål och aktiviteter")
    assert lists_plan_parts("Uppföljning av mål och aktiviteter")
    assert not lists_plan_parts("Finansiella mål")
    assert not lists_plan_parts("Nämndens mål och uppdrag")


def test_a_heading_naming_kinds_of_goals_lists_plan_parts() -> None:
    assert lists_plan_parts("Nationella mål och skolans prioriterade mål")
    assert lists_plan_parts("Nationella mål och prioriterade mål")
    assert not lists_plan_parts("Finansiella mål")
    assert not lists_plan_parts("Trygghet och studiero")


def test_a_goal_label_before_the_title_is_cut() -> None:
    assert unlabelled("Mål: Fler ska gå vidare till studier") == "Fler ska gå vidare till studier"
    assert unlabelled("Lokalt mål: Elevernas läsförståelse ska öka") == "Elevernas läsförståelse ska öka"
    assert unlabelled("Nämndmål: Trygg skola") == "Trygg skola"
    assert unlabelled("Kultur: ett rikt utbud") == "Kultur: ett rikt utbud"


def test_a_kind_of_goals_is_their_group_and_a_list_of_measures_is_no_goal() -> None:
    """"Finansiella mål" beside "Verksamhetsmål" groups its goals (holdout-generic40); "Mått och
    utfall" and "Strategiska mål och framgångsfaktorer" only list what follows (holdout-generic67)."""
    assert kind_of_goals("Finansiella mål") and kind_of_goals("Kommunens finansiella mål")
    assert not names_goals("Finansiella mål")
    assert not kind_of_goals("Nämndens mål")
    assert lists_plan_parts("Mått och utfall")
    assert lists_plan_parts("Strategiska mål och framgångsfaktorer")
    assert not lists_plan_parts("Trygghet och utfall")


def test_a_perspective_names_a_goal_area() -> None:
    assert goal_word("Perspektiv: Medarbetare") == (GoalLevel.goal_area, "Medarbetare")
    assert goal_word("Barnperspektiv i alla beslut") is None



def test_a_steering_model_and_a_blank_form_are_plans_of_another_kind() -> None:
    assert other_plan(fold("Styrmodell för Skellefteå kommun"))
    assert other_plan(fold("Mall för uppföljning av nämndplan 2027"))
    assert not other_plan(fold("Verksamhetsplan 2027 för Mallbackens förskola"))


def test_an_outline_number_stands_under_its_prefix_only() -> None:
    """"2.3" after "1 Året som gått" (its "2" never printed) is no part of it; a coded number
    ("N 2.1" under "KF 2") or a plain one under no number is not told by prefix."""
    assert numbered_under("2.3", "2") and numbered_under("2.3.1", "2.3.")
    assert not numbered_under("2.3", "1")
    assert numbered_under("N 2.1", "KF 2") and numbered_under("2.3", None) and numbered_under("3", "1")


def test_a_shorter_goal_word_misread_before_its_colon() -> None:
    assert goal_word("Nämndmiåil: Fler ska erbjudas sysselsättning") == (GoalLevel.goal, "Fler ska erbjudas sysselsättning")
    assert goal_word("Enhetschef: Anna Berg") is None
    assert goal_word("Namnbyte: Ny") is None


def test_goal_words_naming_areas_as_well() -> None:
    assert names_areas("Målområden och mål") and names_areas("Fokusområden och mål 2027")
    assert not names_areas("Kommunfullmäktiges mål") and not names_areas("Målområden")
