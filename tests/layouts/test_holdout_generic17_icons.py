"""holdout-generic17, Ystad: an årsbokslut whose statuses and assessments are icons only:
activity status a vector shape (diamond, triangles, a hollow grey diamond) beside a Färdiggrad
bar of ten blocks, goal assessment a raster disc with a white ring; a Symbolförklaring names
them ("Aktivitet: Genomförd", "Mål: Uppfyllt")."""

from __future__ import annotations

from typing import Any

from planparse.layouts.drawn_icons import hollow_icons
from planparse.layouts.marker import vector_bars
from planparse.reading import read_pdf
from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic17")
YSTAD = "arsbokslut/ystad-kun-arsbokslut-2025"


def _tree(doc: dict[str, Any]) -> list[tuple[str, str, str | None, list[tuple[str, str | None, int | None]]]]:
    return [(g["title"], g["level"], (g["assessment"] or {}).get("value"),
             [(a["title"], (a["status"] or {}).get("value"), a["progress"]) for a in g["activities"]])
            for g in all_goals(doc)]


def test_icon_statuses_by_the_legend_and_no_legend_goals() -> None:
    doc = DOCS.parsed(YSTAD)
    assert _tree(doc) == _tree(DOCS.gold(YSTAD))


def test_segmented_bars_and_hollow_diamonds() -> None:
    pages = read_pdf(str(DOCS.root / f"{YSTAD}.pdf")).pages
    assert [b.bar for b in vector_bars(2, pages[1].drawings)] == [0.2, 0.0, 0.6]
    assert [(round(m.bbox[0]), m.color) for p in pages for m in hollow_icons(p)] == [(78, "grey"), (511, "grey")]
