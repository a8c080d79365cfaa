"""Specks and misreads of English OCR layers and scans that a word-level repair mends: a lone
underscore, a stop before a lower-case wrap, a plural cut as a compound, an em dash or hyphen
in a range, an acronym's lost "I"."""

from __future__ import annotations

from planparse.reading import ink
from planparse.reading.model import Line, Span
from planparse.reading.ocr import _misread
from planparse.text.repair import ocr_lone_glyphs, ocr_stop_before_lower, repair_word


def test_a_lone_underscore_is_a_speck() -> None:
    """Hold-out 11 ornskoldsvik-mn-arsbokslut-2026-ocr: "staden ska _ Antal dygn"."""
    assert ocr_lone_glyphs(["staden ", "ska ", "_ ", "Antal "]) == ["staden ", "ska ", "", "Antal "]
    assert ocr_lone_glyphs(["Namn ", "___ "]) == ["Namn ", ""]
    assert ocr_lone_glyphs(["_ ", "Antal "]) == ["_ ", "Antal "]  # (a first word is not looked at)


def test_an_inflected_known_word_is_no_compound_cut_elsewhere() -> None:
    """Hold-out 10 kalmar-bjorkskolan-arbetsplan-2026-2027-ocr: "screeningar" is "screening" +
    "ar", not "screen" + "ingår"; "kalenderår" and "verksamhetsår" are still read."""
    assert repair_word("screeningar", aggressive=True) == "screeningar"
    assert repair_word("kalenderar", aggressive=True) == "kalenderår"
    assert repair_word("verksamhetsar", aggressive=True) == "verksamhetsår"
    assert repair_word("uppfoljningar", aggressive=True) == "uppföljningar"


def test_a_stop_before_a_lower_case_wrap_is_a_speck() -> None:
    """Hold-out 10 kalmar: "Andel elever i åk 3 som." over "klarar nationella prov i"."""
    assert ocr_stop_before_lower(["Andel ", "3 ", "som. "], "klarar nationella") == ["Andel ", "3 ", "som "]
    assert ocr_stop_before_lower(["i ", "juni. "], "Resultaten diskuteras") == ["i ", "juni. "]
    assert ocr_stop_before_lower(["enl. "], "plan") == ["enl. "]  # an abbreviation's stop


def test_em_dash_and_weekday_ranges_are_measured() -> None:
    """Hold-out 11 halmstad-kfn-namndplan-2026-scan: "13—16 år", "fredag-lördag"."""
    spans = [Span(text=t, bbox=(0, 0, 20, 10)) for t in ("13—16", "fredag-lördag", "Fredag-lordag", "fredag-kväll")]
    found = ink.range_candidates([Line(spans=spans, page=1, method="ocr")])
    assert [s.text for s in found] == ["13—16", "fredag-lördag", "Fredag-lordag"]


def test_an_acronyms_lost_i_comes_from_the_reference() -> None:
    """Hold-out 11 ornskoldsvik: the English layer's "NK" is the Swedish reading's "NKI"."""
    assert _misread("NK", "NKI")
    assert not _misread("NK", "NKA")
    assert not _misread("Nk", "NKI")


def test_a_line_of_cells_side_by_side_wraps_into_no_line_below() -> None:
    """Stress kramfors_vp-01-html-scan: "försvårar insyn och  oktober." (two cells on one
    line) over "sökbarhet." under the first cell: the stop of "oktober." stays; a cell's line
    "som." over "klarar" under it wraps into it."""
    from planparse.reading import _wrapped_into

    def line(words: list[tuple[str, float, float]], y: float) -> Line:
        return Line(spans=[Span(text=t, bbox=(x0, y, x1, y + 12)) for t, x0, x1 in words], page=1, method="ocr")

    cells = line([("och ", 181, 200), ("oktober. ", 350, 387)], 351)
    below = line([("sökbarhet.", 181, 227)], 366)
    assert _wrapped_into(cells, [cells, below]) == ""
    cell = line([("Andel ", 72, 100), ("elever ", 103, 135), ("som. ", 138, 160)], 341)
    wrap = line([("klarar ", 72, 110)], 354)
    assert _wrapped_into(cell, [cell, wrap]) == "klarar"


def test_a_bullet_read_as_e_is_no_lower_case_wrap() -> None:
    """Hold-out 9 vetlanda-ekbackens-forskola-arbetsplan-2026-2027-ocr: "… på förskolan." over
    "e Barnen ska …" (the next item's bullet read as "e"): the stop stays."""
    assert ocr_stop_before_lower(["på ", "förskolan. "], "e Barnen ska") == ["på ", "förskolan. "]
