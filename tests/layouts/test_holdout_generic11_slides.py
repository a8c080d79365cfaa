"""holdout-generic11's slide deck (LibreOffice Impress, 16:9) and its colour scan: one
målområde a slide, its nämndmål as text boxes side by side, each over a list of activities
whose bullets are coloured ellipses, mapped through the legend slide."""

from __future__ import annotations

from planparse.layouts.icon_lines import line_icons
from planparse.layouts.icons import Markers
from planparse.layouts.legend import legend_lines
from planparse.model import DocumentType
from planparse.reading import read_pdf
from tests.layouts.holdout import HoldoutSet, activities, all_goals, goals

DOCS = HoldoutSet("holdout-generic11")
DECK = "namndplan/boras-kfn-namndplan-2026"
SCAN = "namndplan/halmstad-kfn-namndplan-2026-scan"


def _statuses(doc: dict) -> list[tuple[str, str | None]]:  # type: ignore[type-arg]
    return [(a["title"], (a.get("status") or {}).get("value")) for g in all_goals(doc) for a in g["activities"]]


def _dashes(text: str) -> str:
    return text.replace("—", "–").replace("-lö", "–lö")  # (the scan's OCR reads its en dashes as others)


def test_legend_slide_entries_are_no_content() -> None:
    """The legend's entries stand further under the slide's title than under a page's heading."""
    doc = read_pdf(DOCS.root / f"{DECK}.pdf")
    markers = Markers.of(doc, DocumentType.namndplan)
    legend = legend_lines(doc, markers)
    assert [ln.text for ln in doc.pages[1].lines if id(ln) in legend] == ["Teckenförklaring", "Klar", "Pågår", "Försenad", "Ej påbörjad"]


def test_an_icon_leading_the_next_columns_line_is_not_the_lines_before() -> None:
    doc = read_pdf(DOCS.root / f"{DECK}.pdf")
    page = doc.pages[2]
    markers = Markers.of(doc, DocumentType.namndplan)
    line = next(ln for ln in page.lines if ln.text == "Ny kö- och antagningsrutin")  # grey; the red beside it leads the next box's
    assert [m.color for m in line_icons(markers, page, line)] == ["grey"]


def test_slide_deck_goal_tree_activities_and_statuses_as_gold() -> None:
    parsed, gold = DOCS.parsed(DECK), DOCS.gold(DECK)
    assert goals(parsed) == goals(gold)
    assert [g["level"] for g in all_goals(parsed)] == [g["level"] for g in all_goals(gold)]
    assert activities(parsed) == activities(gold)
    assert _statuses(parsed) == _statuses(gold)
    assert [a["provenance"]["page"] for g in all_goals(parsed) for a in g["activities"]] == \
        [a["provenance"]["page"] for g in all_goals(gold) for a in g["activities"]]


def test_scan_of_the_slides_follows_through_the_ocr_path() -> None:
    """The boxes and the status discs are found in the page image; the words Tesseract reads
    from a grey disc are dropped, a line running across both boxes is cut at the left one's edge."""
    parsed, gold = DOCS.parsed(SCAN), DOCS.gold(SCAN)
    assert goals(parsed) == goals(gold)
    assert [g["level"] for g in all_goals(parsed)] == [g["level"] for g in all_goals(gold)]
    assert [(g, _dashes(a)) for g, a in activities(parsed)] == activities(gold)
    assert [(_dashes(t), s) for t, s in _statuses(parsed)] == _statuses(gold)


