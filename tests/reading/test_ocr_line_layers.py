"""OCR layers written a line at a time (Adobe Paper Capture, ABBYY): each text line one
invisible string stretched with ``Tz`` to the line's width, so the letters do not lie over
their ink. Each line is cut into its words, placed on the blobs of ink along the line's band
of the page image (:mod:`planparse.reading.ink_words`).

The end-to-end case is hold-out 13's avesta-sn-delarsrapport-augusti-2026-ocr (the gold
beside it, written from the builder's content model)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import planparse
from planparse.model import PlanDocument
from planparse.reading import ink, ink_words, read_pdf
from planparse.reading.model import Line, Span

AVESTA = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-generic13" / "delarsrapport" / \
    "avesta-sn-delarsrapport-augusti-2026-ocr.pdf"


@pytest.fixture(scope="module")
def avesta() -> PlanDocument:
    return planparse.parse(AVESTA)


def _line(*texts: str) -> Line:
    return Line(spans=[Span(text=t, bbox=(0, 0, 10, 10)) for t in texts], page=1, method="ocr")


def test_a_layer_of_whole_lines_is_told_from_one_of_words() -> None:
    assert ink_words.line_wise([_line("Andel brukare som kan påverka"), _line("Utfall 2025"), _line("84")])
    # a word-wise layer: a span per word, a few run together by the reader
    assert not ink_words.line_wise([_line("Andel ", "brukare ", "som ", "kan "), _line("de flesta "), _line("84 ")])


def test_a_table_rows_words_go_to_the_ink_of_their_cells() -> None:
    """The layer spreads "… % | 84 | 86 90" evenly from the first cell to the last; the figures'
    ink stands at the right of their columns. The rules read as "|" take no ink."""
    words = ["Andel", "brukare", "i", "hemtjansten", "som", "kanner", "sig", "trygga,", "%", "|", "84", "|", "86", "90"]
    runs = [(65, 89), (93, 125), (128, 130), (133, 186), (190, 206), (210, 238), (242, 253), (258, 287), (290, 298),
            (366, 376), (443, 453), (520, 529)]
    placed = ink_words.place_words(words, [(float(a), float(b)) for a, b in runs], (65.3, 529.5))
    assert placed is not None
    at = dict(zip(words[-6:], placed[-6:], strict=True))
    assert at["84"] == (366, 376) and at["86"] == (443, 453) and at["90"] == (520, 529)
    assert at["|"] is None
    assert placed[0] == (65, 89) and placed[8] == (290, 298)  # "Andel", "%"


def test_ocr_junk_over_no_ink_takes_none_of_a_words_ink() -> None:
    """Hold-out 13 Avesta: "Aktivitet oe ‘Ansvarig Le Status eee", the junk read from the grain
    of the header's shaded band, where the image has only the three words' ink."""
    words = ["“Aktivitet", "oe", "‘Ansvarig", "Le", "Status", "eee"]
    runs = [(65.0, 107.0), (300.0, 342.0), (428.0, 458.0)]
    placed = ink_words.place_words(words, runs, (61.9, 533.0))
    assert placed == [(65, 107), None, (300, 342), None, (428, 458), None]


def test_split_lines_take_their_words_places_and_sizes() -> None:
    """A synthetic page image: two words and, far right, a figure in a cell; the layer's span
    over the whole line is cut in three, each boxed over its ink, its size told by the ink's
    height (the layer's line box was twice as high)."""
    dpi = 144.0  # 2 pixels a point
    image = np.full((100, 800), 255, dtype=np.uint8)
    for x0, x1 in ((20, 60), (70, 110), (330, 350)):  # points
        image[40:54, 2 * x0 : 2 * x1] = 0  # 7 points high: letters of about 10 points ("Ord", "Två")
    span = Span(text="Ord Tva 12", bbox=(20.0, 12.0, 352.0, 32.0), font="Helvetica", size=28.0)
    lines = [Line(spans=[span], page=1, method="ocr")]
    assert ink_words.split_line_wise(lines, image, dpi) == 1
    assert [s.text for s in lines[0].spans] == ["Ord ", "Tva ", "12 "]
    assert [(s.bbox[0], s.bbox[2]) for s in lines[0].spans] == [(20, 60), (70, 110), (330, 350)]
    assert all(s.size < 12 for s in lines[0].spans)


def test_dashes_read_from_a_rule_are_dropped() -> None:
    """Hold-out 13 Avesta: "——" along a table's row rule, crossing a column rule: nothing
    else is printed under it."""
    dpi = 72.0
    image = np.full((100, 200), 255, dtype=np.uint8)
    image[50, :] = 0  # the row rule
    image[:, 100] = 0  # the column rule
    lines = [Line(spans=[Span(text="——", bbox=(93.0, 47.0, 112.0, 53.0))], page=1, method="ocr"),
             Line(spans=[Span(text="-", bbox=(30.0, 20.0, 36.0, 26.0))], page=1, method="ocr")]
    image[23, 31:35] = 0  # a real dash, off the rule
    ink.fit_to_ink(lines, image, dpi, [(49.5, 50.5)], columns=[(99.5, 100.5)])
    assert [s.text for ln in lines for s in ln.spans] == ["-"]


def test_the_words_of_a_line_wise_layer_stand_over_their_ink() -> None:
    """The page's table rows read word by word, each figure in its column."""
    doc = read_pdf(AVESTA)
    assert doc.text_layer == "ocr"
    page = doc.pages[0]
    assert all(ln.method == "repaired" for ln in page.lines)
    row = next(ln for ln in (doc.image_ruled or [])[0].tables[0].rows if ln.cells[0].text.startswith("Andel brukare i"))
    assert [c.text for c in row.cells] == ["Andel brukare i hemtjänsten som känner sig trygga, %", "84", "86", "90"]
    sizes = {ln.text: ln.size for ln in page.lines}
    # the goal area's heading (12.5 pt) over the goal's (10.5 pt): the layer gave both one size
    assert sizes["Trygg och självständig vardag"] > sizes["Äldre personer med hemtjänst ska uppleva trygghet och inflytande"]


def test_line_wise_layer_parsed_as_its_native_twin(avesta: PlanDocument) -> None:
    assert avesta.title == "Delårsrapport januari–augusti 2026"
    areas = avesta.goals
    assert [g.title for g in areas] == ["Trygg och självständig vardag", "Stöd i rätt tid för barn och familjer"]
    assert [g.title for g in areas[0].children] == [
        "Äldre personer med hemtjänst ska uppleva trygghet och inflytande",
        "Fler personer med funktionsnedsättning ska ha en meningsfull sysselsättning",
    ]
    first = areas[0].children[0]
    assert [(a.title, a.owner, a.status.value if a.status else None) for a in first.activities] == [
        ("Införa fast omsorgskontakt i hemtjänstens alla områden", "Hemtjänstchef", "in_progress"),
        ("Utbilda personalen i välfärdsteknik och digital tillsyn", "Verksamhetsutvecklare", "completed"),
    ]
    second = areas[0].children[1]
    assert [a.owner for a in second.activities] == ["Enhetschef daglig verksamhet"]
    assert [(v.label, v.value) for v in second.indicators[0].values] == [
        ("Utfall 2025", 21), ("Utfall aug 2026", 26), ("Målvärde 2026", 25)]
    assert [b.name for b in avesta.budget][-1] == "Summa"
    assert all(a.provenance.method == "repaired" for a in first.activities)


def test_light_words_on_a_dark_band_are_placed_on_their_letters() -> None:
    """A table header in white on a dark band (hold-out 10's Jönköping delårsrapport, given a
    line-wise layer): the band is no word's ink, its light letters are."""
    dpi = 144.0
    image = np.full((100, 800), 255, dtype=np.uint8)
    image[36:60, 30:720] = 40  # the band
    for x0, x1 in ((20, 60), (200, 240)):
        image[42:54, 2 * x0 : 2 * x1] = 255  # letters in white
    span = Span(text="Indikator Utfall", bbox=(20.0, 16.0, 240.0, 32.0), font="Helvetica", size=14.0)
    lines = [Line(spans=[span], page=1, method="ocr")]
    assert ink_words.split_line_wise(lines, image, dpi) == 1
    assert [(s.text, s.bbox[0], s.bbox[2]) for s in lines[0].spans] == [("Indikator ", 20, 60), ("Utfall ", 200, 240)]
