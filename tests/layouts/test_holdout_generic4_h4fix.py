"""The generic parser on the fourth blind hold-out set (fixtures/holdout-generic4/), values read
off each document's gold. One general cause each: a title row merged over a Word table's header
("Aktiviteter 2026") hid the header; shaded bands whose only verticals are their sides, with
unshaded group rows between them, are one table; a comment row under a goal runs across the
columns; a header band at a page's foot carries its columns over the break; a green icon without
a check mark is under way where others have one; cards side by side are read card by card, and
a bullet square is no status icon."""

from __future__ import annotations

import shutil
from typing import Any

import pytest

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic4")
parsed, gold = DOCS.parsed, DOCS.gold

NORRTALJE = "namndplan/norrtalje-socialnamnden-namndplan-2026"
NYNASHAMN = "namndplan/ocr-nynashamn-socialnamnden-namndplan-2026"
FALKENBERG = "arsbokslut/falkenberg-mhn-arsbokslut-2025-printtopdf"
OSTERSUND = "arbetsplan/ostersund-brittsbo-skola-arbetsplan-2025-2026"

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract")


def _activities(doc: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every activity by its title, with its goal's title."""
    return {a["title"]: (g["title"], a) for g in all_goals(doc) for a in g["activities"]}


def _status(act: dict[str, Any]) -> str | None:
    return act["status"]["value"] if act.get("status") else None


def _owners_and_dates(rel: str, specks: str = "", parents: bool = True) -> None:
    got, want = _activities(parsed(rel)), _activities(gold(rel))
    assert set(got) == set(want)
    for title, (goal, act) in want.items():
        assert got[title][0] == goal or not parents, title
        owner = got[title][1]["owner"].rstrip(specks)
        assert (owner, got[title][1]["end_date"]) == (act["owner"], act["end_date"]), title


def test_activity_table_under_a_merged_title_row() -> None:
    """Norrtälje (python-docx → LibreOffice): each activity table opens with a row merged over
    its three columns ("Aktiviteter 2026") above "Aktivitet | Ansvarig | Klart senast"; the
    title row was taken for the header, the table skipped and every activity lost."""
    _owners_and_dates(NORRTALJE)
    assert not [w for w in parsed(NORRTALJE)["warnings"] if w["code"] == "table_skipped"]


@needs_tesseract
def test_activity_table_under_a_merged_title_row_on_an_english_ocr_layer() -> None:
    """Nynäshamn: the same Word build under someone else's English OCR layer; owners and
    "Klart senast" dates come out as printed, with å/ä/ö repaired (one owner keeps a speck of
    the page image, read as a full stop after it; and goal "2.1", read "271", keeps its
    number in its title and loses its wrapped last word: neither fixed here)."""
    _owners_and_dates(NYNASHAMN, specks=".", parents=False)


def test_print_to_pdf_activity_tables_with_raster_icons() -> None:
    """Falkenberg: the "Aktivitet | Status | Färdiggrad" header band is shaded, the bold
    group rows under it are not, and each row's icon and bar are images of their own. The
    header stood apart from its rows, so no activity was read; the table at the page's foot
    has only its header there, its rows on the next page."""
    got, want = _activities(parsed(FALKENBERG)), _activities(gold(FALKENBERG))
    assert set(got) == set(want)
    for title, (goal, act) in want.items():
        assert got[title][0] == goal, title
        assert _status(got[title][1]) == _status(act), title  # green without a check: under way
        assert abs(got[title][1]["progress"] - act["progress"]) <= 1, title  # the bar's green share
    # a goal's "Kommentar:" row under its title and icon is no goal
    titles = [g["title"] for g in all_goals(parsed(FALKENBERG))]
    assert not [t for t in titles if t.startswith("Kommentar")]
    by_title = {g["title"]: g for g in all_goals(parsed(FALKENBERG))}
    for g in all_goals(gold(FALKENBERG)):
        if g["assessment"] is not None:
            assert by_title[g["title"]]["assessment"]["value"] == g["assessment"]["value"], g["title"]


def test_cards_side_by_side_are_read_card_by_card() -> None:
    """Östersund (Chromium, CSS grid): a "Mål" card beside an "Aktiviteter"/"Åtgärder" card,
    their items after drawn 3 pt squares. The goals were lost, the cards' lines on one
    baseline joined, the squares read as grey status icons and the right card's label taken
    for the left card's last goal's."""
    out, want = parsed(OSTERSUND), gold(OSTERSUND)
    parents = {g["title"]: p["title"] for p in all_goals(out) for g in p["children"]}
    wanted = {g["title"]: p["title"] for p in all_goals(want) for g in p["children"]}
    assert parents == wanted
    got = _activities(out)
    assert {t: g for t, (g, _) in got.items()} == {t: g for t, (g, _) in _activities(want).items()}
    assert all(a["status"] is None for _, a in got.values())
    assert all(g["assessment"] is None for g in all_goals(out))
