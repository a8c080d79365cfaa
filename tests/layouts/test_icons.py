"""Statuses and assessments from icons (layouts/icons.py and the engine's tables), on the stress
corpus's icon-status documents: raster and vector icons, with and without a legend, in table
cells, alone under a goal heading and before an Uppdrag's title. The expected values were read
off the rendered pages by eye (the colour of each icon, mapped by the Swedish convention:
green = uppfyllt / enligt plan, yellow = delvis / avvikelse, white = ej påbörjad, blue = klar).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pymupdf
import pytest

import planparse
from planparse.layouts.icons import Markers
from planparse.layouts.marker import color_name
from planparse.model import Activity, AssessmentValue, Goal, MarkerSource, PlanDocument

STRESS = Path(__file__).resolve().parents[2] / "fixtures" / "stress"


@cache
def parsed(name: str) -> PlanDocument:
    return planparse.parse(STRESS / name)



def activity(doc: PlanDocument, start: str) -> Activity:
    found = [a for g in doc.iter_goals() for a in g.activities if a.title.startswith(start)]
    assert len(found) == 1, (start, [a.title[:60] for g in doc.iter_goals() for a in g.activities])
    return found[0]


def goal(doc: PlanDocument, start: str) -> Goal:
    found = [g for g in doc.iter_goals() if g.title.startswith(start)]
    assert len(found) == 1, (start, [g.title[:60] for g in doc.iter_goals()])
    return found[0]


# kramfors_vp-04-html, page 4: raster icons in an unruled "Uppdrag | Status" table, no legend.
KRAMFORS_RASTER = "kramfors_vp/kramfors_vp-04-html.pdf"
KRAMFORS_STATUSES = [
    ("Stärka kvinnors förutsättningar att driva företag", "completed"),
    ("Till kommunstyrelsens sammanträde i februari", "in_progress_deviation"),
    ("Fortsätta implementera personaldatasystemen", "not_started"),
    ("Utarbeta ett nytt bostadsförsörjningsprogram", "in_progress_deviation"),
    ("Utvärdera och eventuellt revidera riktlinjen för upphandling", "completed"),
    ("Genomföra insiktsmätningen", "in_progress_deviation"),
    ("Ta fram ett förslag på en utbildningsplan för förtroendevalda", "not_started"),
    ("Färdigställa utredningen om orsaker till höga kostnader", "completed"),
    ("Säkra upp vår interna IT-miljö", "not_started"),
]


@pytest.mark.parametrize(("title", "value"), KRAMFORS_STATUSES)
def test_raster_icons_in_an_unruled_table_without_legend(title: str, value: str) -> None:
    act = activity(parsed(KRAMFORS_RASTER), title)
    assert act.status is not None and act.status.value.value == value
    assert act.status.source is MarkerSource.icon
    assert act.title.endswith((".", ")")), act.title  # one row each: titles not run together


def test_an_icon_alone_under_a_goal_heading_is_its_assessment() -> None:
    g = goal(parsed(KRAMFORS_RASTER), "Säter kommun har en god verksamhet med effektiva processer")
    assert g.assessment is not None and g.assessment.value.value == "fulfilled"
    assert g.assessment.source is MarkerSource.icon


def test_an_icon_before_the_title() -> None:
    # robertsfors_vp-04-reportlab, page 3: a yellow vector circle before Uppdrag 3.1.1's title
    act = activity(parsed("robertsfors_vp/robertsfors_vp-04-reportlab.pdf"), "Förvaltningen ska genomföra kommunikationsinsatser")
    assert act.status is not None and act.status.value.value == "in_progress_deviation"
    assert act.status.source is MarkerSource.icon


@pytest.mark.parametrize(("title", "value"), [
    ("Ungdomsarbetslösheten i kommunen ska minska", "partially_fulfilled"),
    ("Fler mötesplatser utomhus för alla åldrar", "fulfilled"),
    ("Kostnaden för övertid ska minska", "fulfilled"),
])
def test_assessment_icons_under_bedomning(title: str, value: str) -> None:
    # ange_tertial-03-html, page 2: a raster icon alone under "Bedömning", no legend
    g = goal(parsed("ange_tertial/ange_tertial-03-html.pdf"), title)
    assert g.assessment is not None and g.assessment.value.value == value


def test_legend_icons_are_not_statuses() -> None:
    # kramfors_vp-04-docx has a "Teckenförklaring" of eight icons under the goals chapter
    doc = parsed("kramfors_vp/kramfors_vp-04-docx.pdf")
    icon_owned = [g for g in doc.iter_goals() if g.assessment is not None]
    assert all("Teckenförklaring" not in g.title for g in icon_owned)
    assert not [w for w in doc.warnings if w.code == "icon_unmapped"]


def _recoloured(name: str, old: str, rgb: tuple[int, int, int]) -> bytes:
    """The PDF with every raster icon of colour ``old`` repainted in ``rgb``."""
    doc = pymupdf.open(STRESS / name)
    done: set[int] = set()
    for page in doc:
        for item in page.get_images(full=True):
            xref = item[0]
            if xref in done:
                continue
            pix = pymupdf.Pixmap(doc, xref)
            if pix.n - pix.alpha < 3:
                pix = pymupdf.Pixmap(pymupdf.csRGB, pix)
            r, g, b = pix.pixel(pix.width // 2, pix.height // 2)[:3]
            if color_name((r << 16) | (g << 8) | b) == old:
                new = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, pix.width, pix.height), False)
                new.set_rect(new.irect, rgb)
                page.replace_image(xref, pixmap=new)
            done.add(xref)
    return doc.tobytes()


def test_an_unmapped_colour_gives_no_status_and_a_warning_naming_the_page() -> None:
    # The blue (klar) icons of kramfors_vp-04-html repainted purple: no convention maps it.
    doc = planparse.parse(_recoloured(KRAMFORS_RASTER, "blue", (0x80, 0x28, 0xA0)), filename="purple.pdf")
    for title, value in KRAMFORS_STATUSES:
        act = activity(doc, title)
        if value == "completed":
            assert act.status is None
        else:
            assert act.status is not None and act.status.value.value == value
    warned = [w for w in doc.warnings if w.code == "icon_unmapped"]
    original = parsed(KRAMFORS_RASTER)
    blue = [a for g in original.iter_goals() for a in g.activities if a.status and a.status.value.value == "completed"]
    assert len(warned) == len(blue) >= 3
    assert sorted(w.page for w in warned if w.page is not None) == sorted(a.provenance.page for a in blue)
    stärka = activity(doc, "Stärka kvinnors förutsättningar")
    assert any(w.page == stärka.provenance.page == 4 and "Stärka kvinnors" in w.message for w in warned)


def test_a_legend_in_words_maps_the_colours() -> None:
    # kramfors_vp-04-html has no legend; a line "Teckenförklaring: blå = Pågående med avvikelse"
    # added on its goals page makes its blue icons that status instead of the convention's klar.
    pdf = pymupdf.open(STRESS / KRAMFORS_RASTER)
    pdf[2].insert_text((72, 800), "Teckenförklaring: blå = Pågående med avvikelse, grön = Uppfyllt", fontsize=8)
    doc = planparse.parse(pdf.tobytes(), filename="legend.pdf")
    for title, value in KRAMFORS_STATUSES:
        act = activity(doc, title)
        assert act.status is not None
        if value == "completed":
            assert act.status.value.value == "in_progress_deviation" and act.status.confidence == 0.95
        else:
            assert act.status.value.value == value


def test_icon_after_a_wrapped_titles_last_line_is_its_assessment() -> None:
    """Sundsvall SN: "Verksamhetsmål: Fler deltagare … till arbete eller" / "studier ●" — the
    icon after the title's wrapped last word is the goal's assessment (a green: fulfilled)."""
    from tests.layouts.holdout import HoldoutSet

    doc = HoldoutSet("holdout-generic").parsed("arsbokslut/sundsvall-sn-arsbokslut-2025")

    def goals(items: list[dict]) -> list[dict]:
        return [g for item in items for g in (item, *goals(item["children"]))]

    goal = next(g for g in goals(doc["goals"]) if g["title"].startswith("Fler deltagare i arbetsmarknadsinsatser"))
    assert goal["assessment"]["value"] == "fulfilled"
    assert goal["assessment"]["source"] == "icon"


def test_statuses_from_wingdings_glyphs_through_a_legend_naming_what_each_is_for() -> None:
    """Täby (holdout-generic19): coloured Wingdings ● (goals) and ■ (activities), explained by a
    legend table whose names say what they are for ("Mål: Uppfyllt", "Aktivitet: Klar"): a
    green ■ is Klar, a yellow one Pågår, a red one Försenad; the same colours of ● assess goals."""
    from tests.layouts.holdout import HoldoutSet

    rel = "tertialrapport/taby-sn-tertialrapport-1-2026"
    doc, gold = HoldoutSet("holdout-generic19").parsed(rel), HoldoutSet("holdout-generic19").gold(rel)

    def marks(d: dict) -> list[tuple[str, str | None]]:
        out = []
        for area in d["goals"]:
            for g in area["children"]:
                out.append((g["title"], (g["assessment"] or {}).get("value")))
                out.extend((a["title"], (a["status"] or {}).get("value")) for a in g["activities"])
        return out

    assert marks(doc) == marks(gold)
    assert {v for _, v in marks(doc)} >= {"completed", "in_progress", "fulfilled", "not_fulfilled"}


def test_an_assessment_written_as_its_colour() -> None:
    """"Måluppfyllelse: Grönt": the traffic light's reading at the convention's confidence, or
    the document's legend for that colour at the legend's."""
    plain_doc = Markers()
    assert plain_doc.worded_assessment("Grönt").value == "fulfilled"
    assert plain_doc.worded_assessment("Rött.").value == "not_fulfilled"
    assert plain_doc.worded_assessment("Grönsaker") is None
    keyed = Markers(legend_assessment={("yellow", False): AssessmentValue.not_fulfilled})
    hit = keyed.worded_assessment("Gult")
    assert hit is not None and hit.value == "not_fulfilled" and hit.confidence == 0.95
