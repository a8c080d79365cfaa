"""The internal-control table of an English OCR layer (kramfors_vp-00-docx-ocr, page 8): the
pure rules that read it (a speck read as a dash at a line's end, a figure two readings of
three agree on, a word's ending the lexicon repair took for a word of its own), then the
table end to end against the stress gold (the content model, not the parser's output)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import planparse
from planparse.reading.model import Line, Span
from planparse.reading.ocr import (
    choose_language,
    correct_numbers,
    drop_unread_end_dashes,
    vote_numbers,
)
from planparse.reading.tables import _ending_repaired

KRAMFORS_OCR = Path(__file__).resolve().parents[2] / "fixtures" / "stress" / "kramfors_vp" / "kramfors_vp-00-docx-ocr.pdf"


def _line(*words: tuple[str, float, float], y: float = 286.0) -> Line:
    return Line(spans=[Span(f"{t} ", (x0, y, x1, y + 14.0)) for t, x0, x1 in words], page=8, method="ocr")


def test_dash_the_reference_does_not_read_after_a_word_is_a_speck() -> None:
    """"Attest av —": the Swedish re-OCR reads "Attest av" and nothing after it."""
    lines = [_line(("Attest", 67.2, 98.7), ("av", 107.4, 120.3), ("—", 122.8, 125.8))]
    reference = [_line(("Attest", 72.0, 98.5), ("av", 107.0, 120.0), y=287.0)]
    assert drop_unread_end_dashes(lines, reference) == 1
    assert lines[0].text == "Attest av"


def test_dash_the_reference_reads_too_stays() -> None:
    lines = [_line(("Mål", 72.0, 90.0), ("5", 94.0, 100.0), ("—", 104.0, 112.0))]
    reference = [_line(("Mål", 72.0, 90.0), ("5", 94.0, 100.0), ("—", 103.0, 112.0), y=287.0)]
    assert drop_unread_end_dashes(lines, reference) == 0
    assert lines[0].text == "Mål 5 —"


def test_dash_after_a_word_the_reference_did_not_read_stays() -> None:
    lines = [_line(("Kommunstyrelsen", 72.0, 150.0), ("—", 153.0, 156.0))]
    reference = [_line(("Ekonomi", 300.0, 340.0), y=287.0)]
    assert drop_unread_end_dashes(lines, reference) == 0
    assert lines[0].text.endswith("—")


def _figure_lines() -> tuple[list[Line], list[Line]]:
    layer = [_line(("8", 254.7, 260.1), y=176.7)]
    reference = [_line(("38", 254.5, 260.3), y=178.6)]
    return layer, reference


def test_figure_a_third_reading_agrees_with_stands_against_the_reference() -> None:
    """The layer reads "8", the reference "38" in the same place, the third reading "8": two
    readings to one, the layer's figure stands (a reference number with more figures over a
    box as wide is no ground to take it then)."""
    layer, reference = _figure_lines()
    upheld: set[int] = set()
    assert vote_numbers(layer, reference, lambda box: "8", upheld) == 0
    correct_numbers(layer, reference, upheld)
    assert layer[0].text.strip() == "8"


def test_figure_a_third_reading_agrees_with_the_reference_on_is_taken() -> None:
    layer, reference = _figure_lines()
    upheld: set[int] = set()
    assert vote_numbers(layer, reference, lambda box: "38", upheld) == 1
    correct_numbers(layer, reference, upheld)
    assert layer[0].text.strip() == "38"


@pytest.mark.parametrize(("left", "right", "ending"), [
    ("direktupphandl", "ingår", "ingar"),  # no word on the left; "direktupphandlingar" is one
    ("investering", "är", "ar"),
    ("konstgräset", "är", None),  # two words
    ("styrketränin", "går", None),  # "styrketräningar" needs more than the marks
])
def test_word_ending_the_lexicon_repair_gave_marks(left: str, right: str, ending: str | None) -> None:
    assert _ending_repaired(left, right) == ending


needs_swedish = pytest.mark.skipif(choose_language() != "swe", reason="Tesseract's Swedish model is not installed")


@needs_swedish
def test_control_points_of_an_ocr_layer_as_the_gold_has_them() -> None:
    """Page 8: "Inköp och upphandli" / "ng" (a word broken at the cell's edge), "Attest av —"
    (a speck read as a dash), "Ekonomiavdel —" / "ningen", risk value "8" (the reference reads
    "38", the third reading "8")."""
    gold = json.loads(KRAMFORS_OCR.with_suffix(".json").read_text(encoding="utf-8"))["controls"]
    got = planparse.parse(KRAMFORS_OCR).controls
    assert [c.process for c in got] == [c["process"] for c in gold]
    assert [c.risk_value for c in got] == [c["risk_value"] for c in gold]
    assert [c.responsible for c in got] == [c["responsible"] for c in gold]
    assert got[0].method.startswith("Genomgång av direktupphandlingar i ")  # "direktupphandl" / "ingar"
