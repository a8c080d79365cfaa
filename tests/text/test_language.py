"""Translations beside the Swedish text (planparse.text.language)."""

from __future__ import annotations

import pytest

from planparse.text.language import swedish_part, translation


@pytest.mark.parametrize("text", [
    "Lapset käyttävät leikissä sekä ruotsia että suomea",
    "Huoltajat saavat kaiken tiedon molemmilla kielillä",
    "Ulbmil 1 – Dearvvašvuohta",
    "The committee will improve the quality of care",
])
def test_a_line_in_another_language_is_a_translation(text: str) -> None:
    assert translation(text)


@pytest.mark.parametrize("text", [
    "Barnen ska använda både svenska och finska i leken",
    "Vi har en stilla skola med alla barn",
    "Lnderskott pa kronor tertialet",  # (Swedish garbled by OCR shows no other language)
    "Goals and activities",  # (too little to tell)
    "Resultatet visar att kvalitet ökat",
])
def test_swedish_lines_are_no_translation(text: str) -> None:
    assert not translation(text)


@pytest.mark.parametrize(("text", "swedish"), [
    ("Mål / Tavoitteet", "Mål"),
    ("Språk och kommunikation / Kieli ja viestintä", "Språk och kommunikation"),
    ("Barn och unga / Lapset ja nuoret", "Barn och unga"),
    ("Trygghet / säkerhet", "Trygghet / säkerhet"),
    ("Ekonomi / Budgt", "Ekonomi / Budgt"),
    ("Kultur / fritid", "Kultur / fritid"),
])
def test_the_swedish_part_before_a_slash(text: str, swedish: str) -> None:
    assert swedish_part(text) == swedish


def test_a_loose_cut_for_a_label_the_vocabulary_checks() -> None:
    assert swedish_part("Klar / Erledigt") == "Klar / Erledigt"
    assert swedish_part("Klar / Erledigt", loose=True) == "Klar"
    assert swedish_part("Klar / Valmis") == "Klar"  # (a Finnish word's shape: syllables of one vowel after one or two consonants)


@pytest.mark.parametrize("text", [
    "Tavoite 2: Lasten on voitava kehittää suomen kieltään esikoulussa",
    "Kotipalvelun suomenkielisen henkilöstön kartoitus (valmis)",
])
def test_finnish_lines_told_by_the_shape_of_their_words(text: str) -> None:
    assert translation(text)


@pytest.mark.parametrize("text", [
    "Kartläggning av finskspråkig personal i hemtjänsten (Klar)",
    "Malavstamning tertial 1 Ange kommun",  # (Swedish OCR'd without its letters: no translation)
    "Utokad tillsyn pa forskolor",
    "Dokumentan Beslutsinsta Diarienumm",  # (labels cut short at a narrow column's edge)
])
def test_swedish_lines_are_no_finnish(text: str) -> None:
    assert not translation(text)
