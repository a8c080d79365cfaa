"""Vocabulary matchers against every status and assessment string printed in the seeds."""

from __future__ import annotations

import pytest

from planparse.vocabulary import (
    Match,
    assessment_in_sentence,
    assessment_statement,
    label_of,
    match_assessment,
    match_direction,
    match_label,
    match_legend,
    match_status,
    status_statement,
    vocabulary,
)

# Status cells as they stand in seeds 001 (OCR, with icons and wraps) and 002 (native).
STATUSES = [
    ("Avslutad enligt\nplan", "completed"),  # 001, wrapped
    ("Avslutad enligt", "completed"),  # 001, "plan" on the next line
    ("Ej p&borjad", "not_started"),
    ("Ej paborjad", "not_started"),
    ("@ P&gaende enligt\nplan", "in_progress"),
    ("@ Pagaende enligt\n\nplan", "in_progress"),
    ("@ Pagéende enligt", "in_progress"),
    ("@ Pag&ende enligt", "in_progress"),
    ("®) pagéende enligt ~", "in_progress"),
    ("®) pagéende enligt ~ plan", "in_progress"),
    ("@ Pagaende enligt plan", "in_progress"),
    ("Pågående enligt\nplan", "in_progress"),
    ("Véntelage", "on_hold"),
    ("Véantelage", "on_hold"),
    ("@ Pagaende med\navvikelse", "in_progress_deviation"),
    ("@ Pagaende med avvikelse", "in_progress_deviation"),
    ("Avslutad enligt plan", "completed"),  # 002
    ("Avslutad med avvikelse", "completed_deviation"),
    ("Pågående enligt plan", "in_progress"),
    ("Pågående med avvikelse", "in_progress_deviation"),
    ("▶ Pågående enligt plan", "in_progress"),
    # contract variants
    ("Ej påbörjad", "not_started"),
    ("Ej startad", "not_started"),
    ("Påbörjad", "in_progress"),
    ("Pågående", "in_progress"),
    ("Avslutad", "completed"),
    ("Klar", "completed"),
    ("Vänteläge", "on_hold"),
    ("Pausad", "on_hold"),
    ("Avbruten", "cancelled"),
    ("© Avbruten", "cancelled"),
    ("e Pågående enligt plan", "in_progress"),
    ("©) Ej påbörjad", "not_started"),
    ("• Klar", "completed"),
]

# Assessment values from seed 001 (labels on their own line and the legend in 3 Redovisning).
ASSESSMENTS = [
    ("Delvis uppfyllt", "partially_fulfilled"),
    ("Uppfyllt", "fulfilled"),
    ("Saknas", "not_assessed"),
    ("Kan ej bedömas", "not_assessed"),
    ("Uppfylls inte", "not_fulfilled"),
    ("Knappt uppfyllt", "barely_fulfilled"),
    ("delvis uppfylit", "partially_fulfilled"),
    ("knappt uppfyllt", "barely_fulfilled"),
    ("ej uppfyllt", "not_fulfilled"),
    ("uppfyllt", "fulfilled"),
    ("Uppfylld", "fulfilled"),
    ("Helt uppfyllt", "fulfilled"),
    ("Inte uppfyllt", "not_fulfilled"),
    ("Ej bedömd", "not_assessed"),
    ("Ej bedömt", "not_assessed"),
]

LABELS = [
    ("Beddmning", "assessment"),  # 001
    ("Bedémning", "assessment"),
    ("Bedomning", "assessment"),
    ("Bedömning", "assessment"),
    ("Kommentar", "comment"),
    ("Verksamhetens aktiviteter", "activities"),
    ("Status", "status"),
    ("Slutdatum", "end_date"),
    ("Startdatum", "start_date"),
    ("Processägare", "owner"),  # 000
    ("Parter", "parties"),
    ("Genomförande", "implementation"),
    ("Uppföljning", "follow_up"),
    ("Indikator", "indicator"),
    ("Indikatorer", "indicator"),  # 003
    ("Nyckeltal", "indicator"),
    ("Källa", "source"),
    ("Mått", "measure"),
    ("Utfall", "outcome"),
    ("Målvärde", "target"),
    ("Mål", "goal"),
    ("Strategi mål:", "strategic_goal"),
    ("Strategimål", "strategic_goal"),
    ("Grunduppdrag", "basic_mission"),
    ("Prioriterad utveckling", "priority_development"),
    ("Ansvarig", "owner"),
    ("Uppdrag och aktiviteter", "activities"),  # a LaTeX plan's run-in heading over its enumerate
    ("Prognos helår", "assessment"),  # "Prognos helår: Uppfylls delvis" under a delår report's goal
]

DIRECTIONS = [
    ("Öka", "increase"),
    ("ökar", "increase"),
    ("ska öka", "increase"),
    ("Höja", "increase"),
    ("6ka", "increase"),
    ("Minska", "decrease"),
    ("minskar", "decrease"),
    ("ska minska", "decrease"),
    ("Sänka", "decrease"),
]

UNRELATED = [
    "Kommunstyrelsen",
    "2025-04-30",
    "Öka tillgängligheten till kommunens tjänster",
    "",
    "   ",
    "@",
    "Skapa Storytelling med temat friskvårdsbidrag",
    "Malavstamning, tertial 1 2025",
]


@pytest.mark.parametrize(("text", "value"), STATUSES)
def test_status(text: str, value: str) -> None:
    m = match_status(text)
    assert m is not None and m.value == value, (text, m)
    assert 0.0 <= m.confidence <= 1.0


@pytest.mark.parametrize(("text", "value"), ASSESSMENTS)
def test_assessment(text: str, value: str) -> None:
    m = match_assessment(text)
    assert m is not None and m.value == value, (text, m)


@pytest.mark.parametrize(("text", "value"), LABELS)
def test_label(text: str, value: str) -> None:
    m = match_label(text)
    assert m is not None and m.value == value, (text, m)


@pytest.mark.parametrize(("text", "value"), DIRECTIONS)
def test_direction(text: str, value: str) -> None:
    m = match_direction(text)
    assert m is not None and m.value == value, (text, m)


@pytest.mark.parametrize("text", UNRELATED)
def test_unrelated_is_none(text: str) -> None:
    assert match_status(text) is None
    assert match_assessment(text) is None
    assert match_label(text) is None
    assert match_direction(text) is None


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Pågående med avvikelse", "in_progress"),
        ("Avslutad med avvikelse", "completed"),
        ("Delvis uppfyllt", "fulfilled"),
        ("Ej uppfyllt", "fulfilled"),
        ("Knappt uppfyllt", "fulfilled"),
    ],
)
def test_specific_variant_wins(text: str, wrong: str) -> None:
    for m in (match_status(text), match_assessment(text)):
        assert m is None or m.value != wrong


def test_exact_match_has_full_confidence() -> None:
    assert match_status("Pågående enligt plan") == Match("in_progress", 1.0, "Pågående enligt plan")


def test_short_labels_are_exact() -> None:
    assert match_label("Mål").value == "goal"  # type: ignore[union-attr]
    assert match_label("Mått").value == "measure"  # type: ignore[union-attr]
    assert match_label("Mat") is None


def test_vocabulary_values_are_contract_values() -> None:
    from planparse.model import AssessmentValue, Direction, StatusValue

    vocab = vocabulary()
    assert set(vocab["statuses"]) == {v.value for v in StatusValue}
    assert set(vocab["assessments"]) == {v.value for v in AssessmentValue}
    assert set(vocab["directions"]) == {v.value for v in Direction}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Målet bedöms delvis uppfyllas under året.", "partially_fulfilled"),
        ("Målet uppfylls delvis.", "partially_fulfilled"),
        ("Målet kommer inte att uppnås.", "not_fulfilled"),
        ("Målet bedöms ej uppfyllt vid årets slut", "not_fulfilled"),
        ("Nämnden bedömer att målet uppfylls.", "fulfilled"),
        ("Arbetet pågår enligt plan.", None),
    ],
)
def test_assessment_in_sentence(text: str, value: str | None) -> None:
    m = assessment_in_sentence(text)
    assert (m.value if m else None) == value
    assert m is None or m.confidence < 0.86  # below any vocabulary match


def test_legend_sentences_name_their_status() -> None:
    """A legend entry written as a sentence with its subject, or two names joined by "eller"."""
    assert match_legend("statuses", "Aktiviteten är genomförd").value == "completed"
    assert match_legend("statuses", "Aktiviteten pågår enligt plan").value == "in_progress"
    assert match_legend("statuses", "Aktiviteten är försenad eller pågår med avvikelse").value == "in_progress_deviation"
    assert match_legend("statuses", "Uppdraget har inte påbörjats").value == "not_started"
    assert match_legend("assessments", "Målet är delvis uppfyllt").value == "partially_fulfilled"
    assert match_legend("statuses", "Aktiviteten genomförs av kultursekreteraren") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Målet bedöms som delvis uppfyllt.", "partially_fulfilled"),
        ("Målet bedöms som uppfyllt.", "fulfilled"),
        ("Målet bedöms som inte uppfyllt.", "not_fulfilled"),
        ("Målet bedöms vara uppnått.", "fulfilled"),
        ("Målet är ej uppfyllt.", "not_fulfilled"),
        ("Malet bedéms som delvis uppfyllt", "partially_fulfilled"),  # an English OCR's layer
        ("Målet har uppnåtts.", "fulfilled"),
        ("Målet om sex procents minskning nåddes inte", None),  # the goal's subject, no judgement
        ("Målet är att förslaget till ramar ska beslutas", None),
        ("Målet bedöms som delvis uppfyllt eftersom", None),  # the sentence goes on: prose
        ("Målet är uppfyllt när alla barn har plats.", None),
    ],
)
def test_assessment_statement(text: str, value: str | None) -> None:
    """A sentence of its own stating the goal's assessment, its value through the vocabulary."""
    m = assessment_statement(text)
    assert (m.value if m else None) == value


def test_a_colour_legend_states_no_assessment() -> None:
    legend = "Bedömning: grön = målet är uppfyllt, gul = målet är delvis uppfyllt, röd = målet är inte uppfyllt."
    assert assessment_in_sentence(legend) is None
    assert assessment_in_sentence("Röd: målet är inte uppfyllt, grön: uppfyllt") is None
    hit = assessment_in_sentence("Målet bedöms som delvis uppfyllt.")
    assert hit is not None and hit.value == "partially_fulfilled"


def test_a_scales_degrees_of_fulfilment() -> None:
    """The steps between "helt" and "ej" uppfyllt that scales print, as a form and in a sentence."""
    assert match_assessment("I hög grad uppfyllt").value == "partially_fulfilled"
    assert match_assessment("I låg grad uppfyllt").value == "barely_fulfilled"
    assert assessment_in_sentence("målet är nästan uppfyllt").value == "partially_fulfilled"
    assert assessment_in_sentence("målet är uppfyllt i låg grad").value == "barely_fulfilled"


def test_a_translation_after_a_slash_is_no_part_of_a_label() -> None:
    assert match_label("Mål / Tavoitteet").value == "goal"
    assert match_label("Status / Tila").value == "status"
    assert match_status("Pågår / Käynnissä").value == "in_progress"
    assert match_status("Klar / Valmis").value == "completed"


def test_a_slashed_label_is_either_word() -> None:
    """A header of two words joined by a slash, no spaces ("Uppdrag/Initiativ"): the first when it
    is the vocabulary's own word ("Behov/åtgärd" heads a building's needs); figures keep it whole."""
    assert match_label("Uppdrag/Initiativ").value == "assignment"
    assert match_label("Ansvarig/datum").value == "owner"
    assert match_label("Behov/åtgärd") is None
    assert match_label("2026/27") is None


def test_a_status_naming_when() -> None:
    """The date or year a status names is no part of it ("Flyttas till 2027", "Klar 2026-05-01")."""
    assert match_status("Flyttas till 2027").value == "on_hold"
    assert match_status("Genomförd mars 2026").value == "completed"
    assert match_status("Delvis genomförd").value == "completed_deviation"
    assert match_status("2027") is None


def test_label_of_names_a_labels_kind() -> None:
    assert label_of("Ansvarig") == "owner"
    assert label_of("Läge") == "status"
    assert label_of("Insats") == "activities"
    assert label_of("Kommunens historia") is None
    assert label_of("Bedömnig", min_confidence=0.99) is None


def test_a_status_with_how_far_it_has_come() -> None:
    """The share done after a status ("Pågår · Färdiggrad 50 %") is no part of it."""
    assert match_status("Pågår · Färdiggrad 50 %").value == "in_progress"
    assert match_status("Pågår 35 %").value == "in_progress"
    assert match_status("45 %") is None


def test_a_printouts_labels() -> None:
    assert label_of("Senaste kommentar") == "comment"


def test_an_assessment_stated_inside_a_paragraphs_sentence() -> None:
    """Verksamhetsberättelser written as prose: the judgement after an adverbial, its reason after
    it, or a nämnd as its subject (holdout-generic68)."""
    assert assessment_statement("Sammantaget bedöms målet som delvis uppfyllt eftersom ökningen inte når "
                                "målvärdet på 78 procent.").value == "partially_fulfilled"
    assert assessment_statement("Målet bedöms som inte uppfyllt, eftersom andelen minskade.").value == "not_fulfilled"
    assert assessment_statement("Nämnden bedömer att målet är uppnått.").value == "fulfilled"
    assert assessment_statement("Kommunstyrelsen gör bedömningen att målet inte är uppnått.").value == "not_fulfilled"
    assert assessment_statement("Kommunstyrelsen gör bedömningen att målet är delvis uppnått vid delåret.").value \
        == "partially_fulfilled"
    assert assessment_statement("Nämnden bedömer därför målet som helt uppfyllt.").value == "fulfilled"
    assert assessment_statement("Därmed är målet uppnått.").value == "fulfilled"
    assert assessment_statement("Därför är målet viktigt.") is None
    assert assessment_statement("Vi bedömer målet som viktigt.") is None


def test_a_status_stated_as_a_sentence_about_the_work() -> None:
    assert status_statement("Arbetet är avslutat.").value == "completed"
    assert status_statement("Arbetet pågår.").value == "in_progress"
    assert status_statement("Arbetet har inte påbörjats.").value == "not_started"
    assert status_statement("Arbetet har avbrutits.").value == "cancelled"
    assert status_statement("Arbetet är viktigt.") is None
    assert status_statement("Arbetet har gett resultat.") is None


def test_a_status_with_when_it_was_reached() -> None:
    assert match_status("genomförd under våren").value == "completed"
    assert match_status("Klar i december").value == "completed"
    assert match_status("Pågår under året").value == "in_progress"



def test_written_off_assignments_and_goals_of_an_owner_directive() -> None:
    assert match_status("Avskrivet").value == "cancelled"
    assert match_status("Avskriven").value == "cancelled"
    assert label_of("Mål i ägardirektivet") == "goal"
    assert label_of("Ägardirektivets mål") == "goal"
    assert label_of("Ägardirektiv") is None
