"""Rules mended after holdout-families12 and holdout-generic24 were scored blind (stop 46). Each
test fails without its rule."""

from __future__ import annotations

from planparse.reading.model import Drawing
from planparse.reading.ocr_outlines import without_glyph_shapes
from planparse.text.assemble import join_lines
from planparse.text.repair import ocr_glued_specks
from tests.layouts.holdout import HoldoutSet, all_goals, goals

FAMILIES12 = HoldoutSet("holdout-families12")
GENERIC24 = HoldoutSet("holdout-generic24")


def test_a_control_plan_led_by_its_risks_reads_its_processes_from_group_rows() -> None:
    """Söderhamn's internkontrollplan: "Risk | Sanno-likhet | Konse-kvens | Risk-värde |
    Kontrollmoment | Ansvarig" (the narrow columns' labels broken with a hyphen), each process a
    group row over the rows it holds; the table was skipped as unrecognised."""
    doc = GENERIC24.parsed("internkontrollplan/soderhamn-sn-internkontrollplan-2027")
    controls = [(c["process"], c["risk"], c["method"], c["responsible"]) for c in doc["controls"]]
    assert len(controls) == 6
    assert controls[0] == ("Avgifter inom äldreomsorgen", "Felaktig avgift debiteras brukare",
                           "Stickprov på 20 avgiftsbeslut per halvår", "Avgiftshandläggare")
    assert controls[4][0] == "Bemanning och schemaläggning"
    assert controls[5][1] == "Brister i delegering av hälso- och sjukvårdsuppgifter"
    risks = [(r["area"], r["probability"], r["consequence"]) for r in doc["risks"]]
    assert risks[2] == ("Utredning av barn slutförs inte inom fyra månader", 3, 4)
    assert len(risks) == 6  # (no group row is a risk)


def test_a_word_broken_in_a_narrow_cell_without_a_hyphen_joins() -> None:
    assert join_lines(["Avgiftshandläggar", "e"]) == "Avgiftshandläggare"
    assert join_lines(["Kvalitetsutvecklar", "e"]) == "Kvalitetsutvecklare"
    # a one-letter word on the next line stays a word of its own
    assert join_lines(["Läcksökning", "i"]) == "Läcksökning i"
    assert join_lines(["Punkt", "a"]) == "Punkta"
    assert join_lines(["Bilaga", "A"]) == "Bilaga A"


def test_ocr_heading_sizes_part_where_they_lie_furthest_apart() -> None:
    """Region Gotland (an OCRmyPDF-style layer): the goal areas' heights came out 14.0-14.8,
    their goals' 12.9-13.2; the steps chained from the smallest took the second area in with
    the goals, and it was lost in the first area."""
    doc = GENERIC24.parsed("verksamhetsberattelse/region-gotland-tn-verksamhetsberattelse-2025-ocr")
    assert [(t, p) for _, t, p in goals(doc)] == [
        ("Hållbar infrastruktur", None),
        ("Vattenförsörjningen ska vara säker året runt", "Hållbar infrastruktur"),
        ("Gång- och cykelvägnätet ska byggas ut", "Hållbar infrastruktur"),
        ("Resurseffektiv verksamhet", None),
        ("Avfallsmängden per invånare ska minska", "Resurseffektiv verksamhet"),
    ]


def test_letters_drawn_as_outlines_are_no_status_icons() -> None:
    """Sorsele (text turned into outlines by Ghostscript, no text layer): the headings' green
    letters were read as green icons, every goal "fulfilled"."""
    doc = FAMILIES12.parsed("ange_uppsikt/sorsele-uppsiktsrapport-2025-scan")
    assert len(all_goals(doc)) == 11
    assert not [g["title"] for g in all_goals(doc) if g.get("assessment")]


def _shape(x0: float, fill: int, y0: float = 100.0, w: float = 6.0) -> Drawing:
    return Drawing(bbox=(x0, y0, x0 + w, y0 + 8.0), kind="shape", fill=fill)


def test_only_rows_of_one_fill_are_letters() -> None:
    green, red, yellow = 0x44591F, 0xCC2222, 0xE8C030
    word = [_shape(60 + 7 * k, green) for k in range(10)]  # a green heading's letters
    icons = [_shape(300, green, 200), _shape(300, red, 220), _shape(300, yellow, 240)]  # a column of icons
    lights = [_shape(400, green, 300), _shape(408, yellow, 300), _shape(416, red, 300)]  # a traffic light
    kept = without_glyph_shapes([*word, *icons, *lights])
    assert kept == [*icons, *lights]
    # too few letters: nothing is taken for text
    assert without_glyph_shapes(word[:3] + icons) == word[:3] + icons


def test_the_preposition_i_glued_to_the_word_before_is_parted() -> None:
    """Bjurholm (an OCRmyPDF-like layer): Tesseract's boxes of "komma" and "i" touched and the
    layer wrote them as one word, "Nyanlända ska snabbare kommai arbete"."""
    assert ocr_glued_specks([" snabbare", " kommai", " arbete"]) == [" snabbare", " komma i", " arbete"]
    assert ocr_glued_specks([" finnasi", " alla"]) == [" finnas i", " alla"]
    # a word of its own that ends in "i", and one before a capital or at the line's end, stay
    assert ocr_glued_specks([" ett", " bageri", " i"]) == [" ett", " bageri", " i"]
    assert ocr_glued_specks([" kommai"]) == [" kommai"]
    assert ocr_glued_specks([" kommai", " Arbete"]) == [" kommai", " Arbete"]
    # the layer's own word "i", its box run into the word before (no space between them)
    assert ocr_glued_specks(["snabbare", "komma", "i", "arbete"]) == ["snabbare", "komma", " i", "arbete"]
    assert ocr_glued_specks(["bager", "i", "arbete"]) == ["bager", "i", "arbete"]  # ("bageri": one word)
    doc = FAMILIES12.parsed("ange_tertial/bjurholm-malavstamning-2027-t1-ocr")
    assert "Nyanlända ska snabbare komma i arbete" in [g["title"] for g in all_goals(doc)]
