"""Accents a producer sets as glyphs of their own before their letters (holdout-families33's
texinfo documents: TeX's old fonts give "Socialf¨orvaltningen")."""

from __future__ import annotations

from planparse.reading.model import Line, Span, nfc


def test_an_accent_glyph_before_its_letter_is_composed_with_it() -> None:
    assert nfc("Socialf¨orvaltningen") == "Socialförvaltningen"
    assert nfc("˚Atg¨arder f¨or m˚alen") == "Åtgärder för målen"
    assert nfc("Caf´e") == "Café"


def test_an_accent_alone_is_kept() -> None:
    assert nfc("Café ´ hej") == "Café ´ hej"
    assert nfc("plain ascii") == "plain ascii"


def test_an_accent_in_a_span_of_its_own_is_composed_with_the_next_spans_letter() -> None:
    spans = [Span(text="¨", bbox=(10.0, 0.0, 14.0, 10.0), size=10.0), Span(text="oppna", bbox=(10.0, 0.0, 40.0, 10.0), size=10.0)]
    assert Line(spans=spans, page=1).text == "öppna"
