"""Fonts whose text layer is shifted along the alphabet (a broken ToUnicode map): found by the
lexicon and read back."""

from __future__ import annotations

from pathlib import Path

from planparse.reading import read_pdf
from planparse.reading.font_shift import shift_codes, shift_letters, unshift

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_letters_move_along_the_swedish_alphabet_case_kept() -> None:
    assert shift_letters("Avslutad Pågående Årsbokslut 2025, § 14", 1) == "Bwtmvube Qähäfoef Ästcpltmvu 2025, § 14"
    assert shift_letters("Bwtmvube Qähäfoef", -1) == "Avslutad Pågående"
    assert shift_letters("zö", 1) == "åa"


def test_codes_move_every_visible_character() -> None:
    assert shift_codes("Avslutad enligt plan", -29) == "$YVOXWDG HQOLJW SODQ"
    assert shift_codes(shift_codes("Avslutad enligt plan", -29), 29) == "Avslutad enligt plan"


def test_the_shift_that_makes_the_words_swedish_is_found() -> None:
    words = ["Avslutad", "Pågående", "med", "avvikelse", "Delvis", "uppfyllt", "Tekniska", "nämnden", "Säffle", "kommun"]
    assert unshift([shift_letters(w, 3) for w in words]) == ("letters", len("abcdefghijklmnopqrstuvwxyzåäö") - 3)
    assert unshift([shift_codes(w, -29) for w in words]) == ("codes", 29)
    assert unshift(words) is None  # Swedish as it is
    assert unshift(["The", "committee", "reports", "a", "deficit", "for", "the", "year"]) is None  # no shift makes English Swedish


def test_shifted_font_of_a_document_is_read_back() -> None:
    """Säffle's årsbokslut: one of its three fonts (statuses, assessments, the title) comes out
    one letter on ("Bwtmvube"); the others are Swedish and stay as they are."""
    doc = read_pdf(FIXTURES / "holdout-generic14" / "arsbokslut" / "saffle-tn-arsbokslut-2025.pdf")
    texts = [ln.text for p in doc.pages for ln in p.lines]
    assert "Årsbokslut 2025" in texts
    assert "Bedömning: Delvis uppfyllt" in texts
    assert not any("Bwtmvube" in t or "Qähäfoef" in t for t in texts)
    assert [w[0] for w in doc.warnings] == ["font_text_shifted"]
