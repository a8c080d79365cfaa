"""Outline markers (Roman numerals, letters, "A.1") are a goal's number, never its title."""

from __future__ import annotations

import pytest

from planparse.layouts.outline import split_outline_marker


@pytest.mark.parametrize(("title", "expected"), [
    ("I. Trygg och värdig äldreomsorg", ("I", "Trygg och värdig äldreomsorg")),
    ("IV. Effektiv förvaltning", ("IV", "Effektiv förvaltning")),
    ("ll. Stöd för ett självständigt liv", ("II", "Stöd för ett självständigt liv")),  # OCR's "ll." for "II."
    ("a) Äldre personer ska känna sig trygga", ("a", "Äldre personer ska känna sig trygga")),
    ("(b) Fler ska arbeta", ("b", "Fler ska arbeta")),
    ("A. Attraktiv livsmiljö", ("A", "Attraktiv livsmiljö")),
    ("A.1 Fler ska vilja bo i kommunen", ("A.1", "Fler ska vilja bo i kommunen")),
    ("B.2.1. Äldre ska leva självständigt", ("B.2.1", "Äldre ska leva självständigt")),
    ("2) Trygg skolmiljö", ("2", "Trygg skolmiljö")),
])
def test_markers_are_split_off(title: str, expected: tuple[str, str]) -> None:
    assert split_outline_marker(title) == expected


@pytest.mark.parametrize("title", [
    "I kommunen ska alla känna sig trygga",  # the word "I", no marker
    "A och O i omsorgen",
    "a) Trygghet",  # one word after the marker: no title
    "Vi. Andra",
    "Trygg och värdig äldreomsorg",
    "3.1 Barn och unga",  # a decimal number is read by the numbered-heading rules
])
def test_no_marker_no_split(title: str) -> None:
    assert split_outline_marker(title) is None
