"""The generic parser on holdout-generic13's two Writer work plans: the preschool plan whose
headings differ only by colour, with an auto-numbered goal list and a Faktaruta frame, and the
school plan whose activity table breaks over a page with coloured status glyphs."""

from __future__ import annotations

from typing import Any

from planparse.layouts.typography import Typography
from planparse.reading import read_pdf
from tests.layouts.holdout import HoldoutSet, activities, all_goals, goals

DOCS = HoldoutSet("holdout-generic13")
parsed, gold = DOCS.parsed, DOCS.gold

LULEA = "arbetsplan/lulea-forskolan-norrskenet-arbetsplan-2026-2027"
LANDSKRONA = "arbetsplan/landskrona-norreportskolan-arbetsplan-2026-2027"


def test_colour_alone_ranks_a_body_size_heading() -> None:
    """A line in body size, not bold, printed in a colour over black running text ranks as a
    heading when it is shaped like a title or one word in capitals; the smaller coloured title
    of the side frame and the black text stay body."""
    doc = read_pdf(DOCS.root / f"{LULEA}.pdf")
    typo = Typography.of(doc)
    ranks = {ln.text: typo.rank(ln) for p in doc.pages for ln in p.lines}
    for heading in ("INLEDNING", "NORMER OCH VÄRDEN", "Omsorg, utveckling och lärande", "Förskola och hem"):
        assert ranks[heading] == 1
    assert ranks["Så här gör vi:"] == 0
    assert ranks["Rektor: Anna Lindqvist"] == 0


def test_numbered_goal_list_under_colour_headings() -> None:
    """Each coloured area heading is a goal area; the List Number items under it ("1<tab>Barnen
    ska …", counting on over the areas) its goals with their numbers; "Så här gör vi" bullets its
    activities; the prose chapters no goals."""
    doc, want = parsed(LULEA), gold(LULEA)
    assert goals(doc) == goals(want)
    assert activities(doc) == activities(want)
    assert [g["provenance"]["page"] for g in all_goals(doc)] == [g["provenance"]["page"] for g in all_goals(want)]


def test_side_frame_is_no_goal_text() -> None:
    """The Faktaruta frame beside the goals gives no item and no area text."""
    doc = parsed(LULEA)
    assert len(all_goals(doc)) == 11
    assert not any("Faktaruta" in (g.get("description") or "") or "Bergnäset" in (g.get("description") or "")
                   for g in all_goals(doc))


def _statuses(doc: dict[str, Any]) -> list[tuple[str, str | None, str | None, int]]:
    return [(a["title"], a.get("owner"), (a.get("status") or {}).get("value"), a["provenance"]["page"])
            for g in all_goals(doc) for a in g.get("activities", [])]


def test_glyph_status_of_a_row_carried_over_the_page() -> None:
    """A table row on the next page (the table broken without its header) keeps its own page
    for its status glyph: its own activity, owner and status, not the title's rest of the row
    before."""
    assert _statuses(parsed(LANDSKRONA)) == _statuses(gold(LANDSKRONA))


def _indicators(doc: dict[str, Any]) -> list[tuple[str, str, list[tuple[Any, ...]], int]]:
    return [(g["title"], i["name"], [(v["label"], v["kind"], v["year"], v["raw"], v["value"]) for v in i["values"]],
             i["provenance"]["page"]) for g in all_goals(doc) for i in g.get("indicators", [])]


def test_indicator_table_pasted_as_a_picture() -> None:
    """The first goal's indicator table is a PNG screenshot: its rows, read by OCR, are that
    goal's indicators with their values, like the tables in the text layer."""
    assert _indicators(parsed(LANDSKRONA)) == _indicators(gold(LANDSKRONA))


def test_goal_item_states_ska_and_no_sentence() -> None:
    """A numbered goal states "ska" after its subject and ends in no full stop; a proposal's
    numbered points ("får i uppdrag …", "antar … .") are none."""
    from planparse.layouts.numbered_goals import _goal_item

    assert _goal_item("Barnen ska visa hänsyn och empati mot varandra i lek och vardag")
    assert _goal_item("Vårdnadshavarna ska känna förtroende för förskolans arbete")
    assert not _goal_item("Kommunstyrelseförvaltningen får i uppdrag att återrapportera planens genomförande i samband med")
    assert not _goal_item("Riktlinjerna ska gälla från och med den 1 januari 2027.")
