"""The generic parser on the native documents of the seventh blind hold-out set
(fixtures/holdout-generic7/). Values read off each document's gold; one general cause each (a
heading between two tables ruled only horizontally; a table's last row carried to the next
page; "Mål n:" goals under a larger unnumbered area heading; the strokes of a mark drawn on a
status icon; a progress bar's short fill; an italic note under an activity's title; a
sentence ending in "innehåll."; a header label wrapped at its hyphen; front-matter facts)."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, activities, all_goals, goals

DOCS = HoldoutSet("holdout-generic7")
parsed, gold = DOCS.parsed, DOCS.gold

VARMLAND = "namndplan/region-varmland-run-namndplan-2026"
STRANGNAS = "verksamhetsberattelse/strangnas-sbn-verksamhetsberattelse-2025"
KUNGALV = "investeringsbudget/kungalv-sbn-budgetskrivelse-investeringar-2027"
MARIESTAD = "arbetsplan/mariestad-ekuddens-forskola-arbetsplan-2026-2027"
KATRINEHOLM = "internkontrollplan/katrineholm-bin-internkontrollplan-2027"


def _indicators(doc: dict[str, Any]) -> list[tuple[str, str, Any, list[tuple[Any, ...]]]]:
    return [(g["title"], i["name"], i["source"], [(v["kind"], v["year"], v["value"]) for v in i["values"]])
            for g in all_goals(doc) for i in g["indicators"]]


def _acts(doc: dict[str, Any]) -> list[tuple[str, str, Any, Any, Any, Any]]:
    """(goal, title, status, progress, end date, comment's first words) of every activity."""
    return [(g["title"], a["title"], (a["status"] or {}).get("value"), a["progress"], a["end_date"],
             " ".join((a["comment"] or "").split()[:4]))
            for g in all_goals(doc) for a in g["activities"]]


def test_region_goal_tree_under_area_headings() -> None:
    """Three area headings in 17 pt without a number, each over "Mål n:" headings in 13 pt:
    the areas are goal areas, the numbered goals their children (numbering runs on across
    the areas), each with its "Uppdrag" bullets as activities."""
    want = goals(gold(VARMLAND))
    assert [n for n, _, _ in want] == [None, "1", "2", None, "3", "4", None, "5", "6"]
    assert goals(parsed(VARMLAND)) == want
    assert activities(parsed(VARMLAND)) == activities(gold(VARMLAND))


def test_region_indicator_tables_between_headings() -> None:
    """Each "Indikator | Källa | 2024 | 2025 | Mål 2026" table is ruled only by a rule under its
    header and each row; the goal heading, the "Uppdrag" list and the next table's header lie
    between two tables' rules and split them. Mål 3's last row stands alone at the top of
    page 2 between two rules and goes on with its table."""
    want = _indicators(gold(VARMLAND))
    assert len(want) == 10
    assert _indicators(parsed(VARMLAND)) == want
    mal3 = next(g for g in all_goals(parsed(VARMLAND)) if g["number"] == "3")
    assert [i["provenance"]["page"] for i in mal3["indicators"]] == [1, 2]


def test_status_squares_with_drawn_marks_and_italic_notes() -> None:
    """The "!" on the yellow square is drawn as two tiny fills, and the 10 % bar's filled part
    is as narrow as a card's accent strip: neither cuts the table, so each table keeps its last
    row. The italic lines under each title in the Aktivitet cell are the comment."""
    want = _acts(gold(STRANGNAS))
    assert len(want) == 12
    assert _acts(parsed(STRANGNAS)) == want


def test_goal_ending_in_innehall_is_no_contents_heading() -> None:
    """A goal bullet wraps with its last word "innehåll." alone on the line: that is no
    "Innehåll" heading of a contents page, and the goal keeps it."""
    assert goals(parsed(MARIESTAD)) == goals(gold(MARIESTAD))
    assert any(t.endswith("verksamhetens innehåll.") for _, t, _ in goals(parsed(MARIESTAD)))


def test_controls_with_hyphen_wrapped_header() -> None:
    """"Risk-värde" wraps in its header cell as "Risk-" / "värde": it is the Riskvärde column,
    and the header repeated on page 2 is no control."""
    keys = ("process", "risk", "risk_value", "method", "responsible")

    def rows(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [(*(c[k] for k in keys), c["provenance"]["page"]) for c in doc["controls"]]

    want = rows(gold(KATRINEHOLM))
    assert len(want) == 11 and all(isinstance(r[2], int) for r in want)
    assert rows(parsed(KATRINEHOLM)) == want


def test_front_matter_metadata_and_regional_organ() -> None:
    """"Diarienummer RV2025/01874", "Dnr SBN/2026:47", "Beslutad av bildningsnämnden
    2026-12-09" (between " · " separators) in the front matter; "Regionala
    utvecklingsnämnden" is the organ, not "Post- och telestyrelsen" in an indicator's Källa cell."""
    def meta(rel: str) -> tuple[Any, Any, Any]:
        m = parsed(rel)["metadata"]
        return m["diarienummer"], m["decided_on"], m["decided_by"]

    for rel in (VARMLAND, STRANGNAS, KUNGALV, KATRINEHOLM):
        g = gold(rel)["metadata"]
        assert meta(rel) == (g["diarienummer"], g["decided_on"], g["decided_by"])
    assert meta(VARMLAND) == ("RV2025/01874", "2025-11-27", "Regionala utvecklingsnämnden")
    assert parsed(VARMLAND)["organ"] == gold(VARMLAND)["organ"] == "Regionala utvecklingsnämnden"


def test_riktlinje_is_no_report_it_mentions() -> None:
    """"Riktlinjer för representation och gåvor" says in its last paragraph that it is
    followed up "i samband med årsredovisningen": a steering document of another kind
    (``other``), still without any plan content."""
    rel = "riktlinje/hallsberg-ks-riktlinjer-representation-och-gavor"
    doc = parsed(rel)
    assert doc["document_type"] == gold(rel)["document_type"] == "other"
    assert not (doc["goals"] or doc["budget"] or doc["investments"] or doc["controls"])


def test_year_report_takes_no_term_from_its_prose() -> None:
    """A verksamhetsberättelse over 2025 whose activity comment says "under våren / 2026"
    reports over the year, not over a spring term."""
    assert parsed(STRANGNAS)["period"] == gold(STRANGNAS)["period"] == {"kind": "year", "number": None}


def test_school_named_in_the_title_is_the_organ() -> None:
    """"Arbetsplan för Ekuddens förskola": the preschool the title names is the organ (the
    förskoleområde under the title is the organisation above it, no unit)."""
    assert (parsed(MARIESTAD)["organ"], parsed(MARIESTAD)["unit"]) == (gold(MARIESTAD)["organ"], None)
    assert gold(MARIESTAD)["organ"] == "Ekuddens förskola"


def test_vision_under_its_own_heading() -> None:
    """A "Vision" heading (bold, larger) over one sentence in body type: that sentence is the
    vision; also in the sixth set's Kungsbacka nämndplan, printed the same way."""
    assert parsed(VARMLAND)["vision"] == gold(VARMLAND)["vision"] == "Ett Värmland där alla kan leva, verka och växa i hela länet."
    six = HoldoutSet("holdout-generic6")
    rel = "namndplan/kungsbacka-fg-namndplan-2026"
    assert six.parsed(rel)["vision"] == six.gold(rel)["vision"]
    assert six.gold(rel)["vision"]
