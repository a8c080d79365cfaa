"""The generic parser on the second blind hold-out set (fixtures/holdout-generic2/): icons,
legends, cards and progress, values read off each document's gold. One general cause each: a
goal card (a shaded box with a coloured accent strip) is text, not a table; a filled triangle or
diamond is one icon; a legend's lines are no content; icons leading a line mark activities; a
table's shaded header starts a table of its own; two labels on one line; the printed Färdiggrad;
a title wrapped beside cells set in its middle; a check mark drawn on a raster icon; a ring icon
drawn in grey."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic2")
parsed, gold = DOCS.parsed, DOCS.gold

BORLANGE = "delarsrapport/borlange-sbn-delarsrapport-april-2026"
KARLSTAD = "uppfoljning/karlstad-ason-uppfoljning-namndplan-t1-2026"
VASTERAS = "delarsrapport/vasteras-tn-delarsrapport-aug-2026"


def activities(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every activity by its title."""
    return {a["title"]: a for g in all_goals(doc) for a in g["activities"]}


def _status(act: dict[str, Any]) -> str | None:
    return act["status"]["value"] if act.get("status") else None


def test_goal_cards_are_text_and_their_activity_tables_are_read() -> None:
    """Borlänge: each goal card (shaded, a dark strip down its left side) was taken for a
    table with the activity table's header: the card's goal and most activities were lost."""
    out, want = parsed(BORLANGE), gold(BORLANGE)
    titles = {g["title"] for g in all_goals(out)}
    wanted_goals = [g for g in all_goals(want) if g["level"] == "goal"]
    assert {g["title"] for g in wanted_goals} <= titles
    got = activities(out)
    assert set(activities(want)) == set(got)  # the wrapped "E-tjänst … kompletteringskontroll" is one
    assert not [w for w in out["warnings"] if w["code"] == "table_skipped"]
    # the card's "Bedömning: Målet bedöms … uppnås" is the goal's assessment
    by_title = {g["title"]: g for g in all_goals(out)}
    for g in wanted_goals:
        assert by_title[g["title"]]["assessment"]["value"] == g["assessment"]["value"], g["title"]


def test_shapes_through_the_legend_and_progress_from_the_printed_percent() -> None:
    """Borlänge: triangle and diamond icons (filled paths of slanted lines) named by the legend
    (red diamond = Avbruten); Färdiggrad from the per cent printed beside each bar."""
    out, want = parsed(BORLANGE), gold(BORLANGE)
    got = activities(out)
    for title, act in activities(want).items():
        assert _status(got[title]) == _status(act), title
        assert got[title]["progress"] == act["progress"], title
        assert got[title]["end_date"] == act["end_date"], title


def test_legend_is_no_content_and_icon_led_lines_are_activities() -> None:
    """Karlstad: the "Teckenförklaring" box was read as a focus area with four activities; the
    icon-led activity lines with "Ansvarig: … Klart: …" beneath were never read."""
    out, want = parsed(KARLSTAD), gold(KARLSTAD)
    titles = {g["title"] for g in all_goals(out)}
    assert "Teckenförklaring" not in titles
    assert not any(t.startswith("Målet är") for t in activities(out))
    got = activities(out)
    wanted = activities(want)
    assert set(wanted) == set(got)
    for title, act in wanted.items():
        assert _status(got[title]) == _status(act), title  # green square = pågår (legend)
        assert got[title]["owner"] == act["owner"], title
        assert got[title]["end_date"] == act["end_date"], title


def test_legend_against_the_convention_and_shaded_headers_split_tables() -> None:
    """Karlstad: green means delvis uppfyllt in this legend; the second indicator table (its
    header only shaded, not bold) swallowed the lines above it and the next goal."""
    out, want = parsed(KARLSTAD), gold(KARLSTAD)
    by_title = {g["title"]: g for g in all_goals(out)}
    for g in all_goals(want):
        if g["level"] != "goal":
            continue
        assert g["title"] in by_title, g["title"]
        assert by_title[g["title"]]["assessment"]["value"] == g["assessment"]["value"], g["title"]
        assert [i["name"] for i in by_title[g["title"]]["indicators"]] == [i["name"] for i in g["indicators"]]


def test_raster_check_mark_and_grey_ring() -> None:
    """Västerås: a green PNG disc with a white check is klar, not pågår; a grey ring (its
    anti-aliased edge in many grey levels) is ej påbörjad, and its row no continuation of the
    activity above."""
    out, want = parsed(VASTERAS), gold(VASTERAS)
    got = activities(out)
    wanted = activities(want)
    assert set(wanted) == set(got)
    for title, act in wanted.items():
        assert _status(got[title]) == _status(act), title


SKELLEFTEA = "arsredovisning/skelleftea-arsredovisning-2025-scan"


def test_grey_icons_stacked_in_a_column_through_a_grey_legend() -> None:
    """Skellefteå (grayscale scan): the circles of a Måluppfyllelse column, one a row, each
    touching the rules between the rows, were cut down their middles as a vertical rule (or
    joined two by two): none was read, and two rows merged into one goal. Each circle takes the
    value of the legend entry of its grey tone; a "Finansiellt mål | Måluppfyllelse" table
    with printed labels is a goal table."""
    out, want = parsed(SKELLEFTEA), gold(SKELLEFTEA)
    by_title = {g["title"]: g for g in all_goals(out)}
    for g in all_goals(want):
        if g["level"] != "goal":
            continue
        assert g["title"] in by_title, g["title"]
        got = by_title[g["title"]]["assessment"]
        assert got is not None and got["value"] == g["assessment"]["value"], g["title"]


def test_dark_trend_arrows_beside_the_status_circles_are_no_status() -> None:
    """A Hypergene-like export draws a dark grey trend arrow (a filled triangle) next to each
    goal's coloured circle: the arrow, nearer the goal's text, is no grey "ej bedömd" icon; the
    circle gives the assessment."""
    rel = "verksamhetsplan/halmstad-buf-verksamhetsplan-2026-t2"
    got = {g["number"]: (g["assessment"] or {}).get("value") for g in all_goals(parsed(rel))}
    want = {g["number"]: g["assessment"]["value"] for g in all_goals(gold(rel)) if g.get("assessment")}
    assert want and {n: got.get(n) for n in want} == want
