"""The pure rules of stop 43: stretched OCR words, garbled contents leaders, a dark band's
labels row by row, overlapping bands joined, OCR'd lines cut at a gutter."""

from __future__ import annotations

from planparse.reading.contents import _garbled_leader
from planparse.reading.model import Line, Span
from planparse.reading.noise import stretched
from planparse.reading.ocr_columns import cut_at
from planparse.reading.ocr_dark_bands import _labels, _merged


def test_a_word_boxed_far_wider_than_its_letters_is_stretched() -> None:
    assert stretched([Span("ENE", (62.0, 181.8, 532.4, 199.4))])
    assert not stretched([Span("Verksamhet", (65.1, 168.1, 121.7, 176.1))])
    # letter-spaced capitals are still letters
    assert not stretched([Span("V E R K S A M H E T", (60.0, 100.0, 260.0, 112.0))])


def test_a_leader_read_as_letters_with_its_page_number_is_garbled() -> None:
    assert _garbled_leader("Uppdrag 3:3. ee es Ta eae eee SEA i.")
    assert _garbled_leader("TRYGG OMSORG ee ee ee ee 6")
    assert not _garbled_leader("Uppdrag 3.3.1 Levande landsbygd")
    assert not _garbled_leader("3.2 Vi ser en ny era")


def test_a_bands_words_become_labels_row_by_row() -> None:
    words = [  # image points; "tkr" under "Investeringsprojekt,", the years far to the right
        Span("Investeringsprojekt,", (20.0, 20.0, 110.0, 29.0)),
        Span("tkr", (20.0, 32.0, 34.0, 39.0)),
        Span("Beskrivning", (135.0, 20.5, 190.0, 29.5)),
        Span("|2027", (262.0, 21.0, 285.0, 29.0)),
    ]
    labels = _labels(words, (50.0, 400.0), 8.0)
    texts = ["".join(s.text for s in label) for label in labels]
    assert texts == ["Investeringsprojekt,", "Beskrivning", "2027", "tkr"]
    assert labels[0][0].bbox == (70.0, 420.0, 160.0, 429.0)


def test_overlapping_bands_are_one() -> None:
    assert _merged([(63.0, 463.0, 533.0, 481.0), (63.0, 464.0, 533.0, 484.0), (62.0, 165.0, 533.0, 181.0)]) == [
        (62.0, 165.0, 533.0, 181.0), (63.0, 463.0, 533.0, 484.0)]
    # a band right under another is another row of the header
    assert len(_merged([(62.0, 165.0, 533.0, 181.0), (62.0, 181.0, 533.0, 207.0)])) == 2


def _line(*words: tuple[str, float, float]) -> Line:
    return Line(spans=[Span(("" if k == 0 else " ") + t, (x0, 100.0, x1, 110.0)) for k, (t, x0, x1) in enumerate(words)],
                page=1, method="repaired")


def test_an_ocr_line_across_the_gutter_is_cut_there() -> None:
    joined = _line(("kommunens", 200.0, 250.0), ("Fler", 328.0, 345.0), ("bostäder", 349.0, 390.0))
    inside = _line(("Vi", 62.0, 70.0), ("ska", 73.0, 90.0))
    native = Line(spans=joined.spans, page=1, method="native")
    out = cut_at([joined, inside, native], (280.0, 310.0))
    assert [ln.text for ln in out] == ["kommunens", "Fler bostäder", "Vi ska", "kommunens Fler bostäder"]


def _words(y: float, *words: tuple[str, float, float]) -> Line:
    return Line(spans=[Span(("" if k == 0 else " ") + t, (x0, y, x1, y + 10.0)) for k, (t, x0, x1) in enumerate(words)],
                page=3, method="repaired")


def test_lines_an_ocr_layer_lost_are_put_back_from_the_reference() -> None:
    from planparse.reading.ocr import restore_lost_lines

    junk = Line(spans=[Span("=", (57.0, 283.0, 538.0, 328.0))], page=3, method="repaired")
    above = _words(265.0, ("Två", 57.0, 75.0), ("hyreshus", 78.0, 120.0))
    layer = [above, junk]
    reference = [
        _words(265.0, ("Två", 57.0, 75.0), ("hyreshus", 78.0, 120.0)),  # read by the layer too
        _words(290.0, ("Verksamhetens", 60.0, 130.0), ("aktiviteter", 133.0, 180.0), ("Status", 330.0, 360.0)),
        _words(310.0, ("Anta", 60.0, 80.0), ("detaljplan", 83.0, 130.0), ("för", 133.0, 148.0), ("kvarteret", 151.0, 190.0)),
        _words(318.0, ("SS", 400.0, 410.0), ("NE", 412.0, 420.0)),  # a rule read as letters: none
    ]
    out = restore_lost_lines(layer, reference)
    assert [ln.text for ln in out] == ["Två hyreshus", "Verksamhetens aktiviteter Status", "Anta detaljplan för kvarteret"]
    # a layer that read its words keeps them
    assert restore_lost_lines([above], reference[:1]) == [above]
