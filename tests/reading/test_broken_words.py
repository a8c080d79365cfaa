"""Words Word broke at a narrow cell's edge, told from ordinary wraps (pure rules of
reading/tables.py), and on the stress PDFs where the producer leaves no evidence in its spaces."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.reading.tables import _broken_word, _certain_break, _pieces

STRESS = Path(__file__).resolve().parents[2] / "fixtures" / "stress"


@pytest.mark.parametrize(("left", "right", "broken"), [
    ("Kommunledningsförva", "ltningen", True),  # no Swedish word starts "lt"
    ("Ju", "nsele", True),  # nor "ns"
    ("förvaltningsc", "hef", False),  # would need the lexicon: left alone without evidence
    ("och", "effekthemtagning", False),
    ("konstgräset", "är", False),
    ("Kultur", "och", False),
    ("för", "skolan", False),
])
def test_certain_break(left: str, right: str, broken: bool) -> None:
    assert _certain_break(left, right) is broken


@pytest.mark.parametrize(("left", "right", "broken"), [
    ("Kommunledning", "skontoret", True),
    ("investering", "ar", True),
    ("Ju", "nsele", True),
    ("och", "effekthemtagning", False),  # a function word ends the line
    ("konstgräset", "är", False),
])
def test_broken_word(left: str, right: str, broken: bool) -> None:
    assert _broken_word(left, right) is broken


@pytest.mark.parametrize(("left", "right", "broken"), [
    ("tema", "frisknärvaro", False),  # a word, then a compound the lexicon makes of its parts
    ("strukturerade", "avgångssamtal", False),
    ("Träningsma", "skiner", True),  # no word on the left, a word together
    ("pensionsåtagand", "en", True),
    ("Budgetavvikelse", "för", False),
])
def test_broken_word_on_an_ocr_layer(left: str, right: str, broken: bool) -> None:
    """``strict``: an OCR'd layer keeps no spaces, so only the words themselves tell a break."""
    assert _broken_word(left, right, strict=True, letter=True) is broken


def test_names_broken_in_a_narrow_cell_without_evidence_in_spaces() -> None:
    """A table whose only wrapped cells are broken words (no ordinary wrap to compare with)."""
    doc = planparse.parse(STRESS / "kramfors_vp" / "kramfors_vp-02-docx.pdf")
    names = {b.name for b in doc.budget}
    assert "Kommunledningsförvaltningen" in names
    doc = planparse.parse(STRESS / "kramfors_vp" / "kramfors_vp-00-docx.pdf")
    assert "Meröppet bibliotek Junsele" in {i.name for i in doc.investments}


@pytest.mark.parametrize(("left", "right", "broken"), [
    ("Upphandlingssamordnar", "e", True),  # a letter alone is no word but "i", "å", "ö"
    ("Säkerhetssamordnar", "e", True),
    ("Upphandlingssamordnare", "i", False),  # "i" is a word
])
def test_lone_letter_ends_a_long_word(left: str, right: str, broken: bool) -> None:
    assert _pieces(left, right, True) is broken


def test_title_broken_before_its_last_letter_in_a_narrow_cell() -> None:
    """Reportlab breaks a word too long for its cell before its last letter ("Upphandlingssamordnar"
    / "e" in an Ansvarig column), leaving no evidence in its spaces."""
    doc = planparse.parse(STRESS.parent / "holdout-generic18" / "internkontrollplan" / "vadstena-ks-internkontrollplan-2027.pdf")
    assert "Upphandlingssamordnare" in {c.responsible for c in doc.controls}
