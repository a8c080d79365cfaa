"""Rules mended after holdout-families11 and holdout-generic23 were scored blind, and after the
known misses of earlier sets (stop 45). Each test fails without its rule."""

from __future__ import annotations

from typing import Any

from planparse.reading.model import Line, Span
from planparse.reading.ocr_columns import _pieces
from tests.layouts.holdout import HoldoutSet, all_goals

FAMILIES10 = HoldoutSet("holdout-families10")


def _titles(doc: dict[str, Any]) -> list[str]:
    return [g["title"] for g in all_goals(doc)]


def _ocr_line(words: list[tuple[str, tuple[float, float, float, float]]]) -> Line:
    return Line([Span(("" if k == 0 else " ") + t, b, "", 11.0) for k, (t, b) in enumerate(words)], 3, method="ocr")


def test_an_ocr_line_is_cut_before_a_bullet_across_a_narrow_gutter() -> None:
    """Kil (scan): Tesseract read the left column's line and the right column's list item level
    with it as one line, the item's bullet as a speck "&" three points tall; the gap before it
    (37 pt) is under 2.5 of the line's height, which the item's "Trygga" made 17 pt tall."""
    left = [("Visionen", (69, 162, 112, 171)), ("anger", (116, 164, 145, 172)), ("riktningen", (148, 162, 201, 172)),
            ("för", (204, 162, 219, 170)), ("kommunens", (222, 162, 283, 171))]
    line = _ocr_line([*left, ("&", (320, 163, 323, 166)), ("Trygga", (328, 160, 364, 177)), ("och", (368, 161, 385, 175))])
    assert [[s.text.strip() for s in run] for run in _pieces(line)] == [
        ["Visionen", "anger", "riktningen", "för", "kommunens"], ["&", "Trygga", "och"]]
    # a word (no speck) at that gap stays on the line
    word = _ocr_line([*left, ("och", (320, 163, 337, 171)), ("Trygga", (341, 160, 377, 177))])
    assert len(_pieces(word)) == 1


def test_scanned_priorities_in_a_short_column_are_focus_areas() -> None:
    """Kil (scan): the three priorities under "… särskilt prioriterade under 2027:" in the
    right column, the first bulleted with "&" and boxed taller than the body (a descender):
    none was read, the first taken for a heading."""
    doc = FAMILIES10.parsed("orebro_budget/kil-plan-budget-2027-scan")
    for title in ("Trygga och levande centrum", "Goda livsvillkor för äldre", "Ett hållbart resande"):
        assert title in _titles(doc)
