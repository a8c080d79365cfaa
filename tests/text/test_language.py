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
    assert swedish_part("Klar / Valmis") == "Klar / Valmis"
    assert swedish_part("Klar / Valmis", loose=True) == "Klar"
