"""The generic parser on the fifth blind hold-out set (fixtures/holdout-generic5/), second round.
Values read off each document's gold; one general cause each: a small stroked trend arrow in a
table cell is no rule; a "Period" column dates the row's outcome; goal words over a heading
styled as the one above nest it; a two-row header's label spans its group columns; a plain
header set apart by a darker rule; a "Mål" label's one paragraph is the goal; zebra rows of a
slide's table; a traffic light drawn as vectors."""

from __future__ import annotations

from typing import Any

import pymupdf

from planparse.reading.pymupdf_backend import read_page
from tests.layouts.holdout import HoldoutSet, all_goals, goals

DOCS = HoldoutSet("holdout-generic5")
parsed, gold = DOCS.parsed, DOCS.gold

SANDVIKEN = "tertialrapport/sandviken-son-tertialrapport-1-2026"
GNOSJO = "verksamhetsplan/gnosjo-kfn-verksamhetsplan-2026"
VAXHOLM = "kvalitetsrapport/vaxholm-rindo-kvalitetsrapport-2024-2025"
KIRUNA = "delarsrapport-bilder/kiruna-von-delarsrapport-2-2026-bilder"


def _indicators(doc: dict[str, Any]) -> list[tuple[str, str, list[tuple[Any, ...]]]]:
    return [(g["title"], i["name"], [(v["label"], v["kind"], v["year"], v["group"], v["raw"], v["value"]) for v in i["values"]])
            for g in all_goals(doc) for i in g["indicators"]]


def _assessments(doc: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(g["title"], (g["assessment"] or {}).get("value")) for g in all_goals(doc)]


def test_a_trend_arrow_drawn_in_strokes_is_one_shape_not_rules() -> None:
    """The SVG trend arrow in the "Trend" cell is three stroked lines, two of them level or
    upright: read as one shape, so the row rules around it stay one table's."""
    pdf = DOCS.root / f"{SANDVIKEN}.pdf"
    with pymupdf.open(pdf) as doc:
        raw = read_page(doc[0], 1)
    in_trend = [d for d in raw.drawings if 505 < d.bbox[0] < 541 and 431 < d.bbox[1] < 461]
    assert in_trend and all(d.kind == "shape" for d in in_trend)


def test_tertial_indicators_their_period_year_and_the_goals_under_their_kf_goal() -> None:
    """Indikator | Utfall | Mål 2026 | Period | Trend: every row an indicator, the outcome of the
    Period's year ("Jan–apr 2026", "2025"), no Period value; "NÄMNDMÅL" over a title styled
    as the "KOMMUNFULLMÄKTIGES MÅL" title above nests it; "Kommentar" is each goal's comment."""
    want = _indicators(gold(SANDVIKEN))
    assert len(want) == 6
    assert _indicators(parsed(SANDVIKEN)) == want
    assert goals(parsed(SANDVIKEN)) == goals(gold(SANDVIKEN))
    assert [g["comment"] for g in all_goals(parsed(SANDVIKEN))] == [g["comment"] for g in all_goals(gold(SANDVIKEN))]


def test_a_light_dot_on_an_icon_is_its_mark_not_a_grey_legend_entry() -> None:
    """The legend's "Pågår enligt plan" square has a white dot drawn on it: not a grey icon of
    its own, so grey stays "Ej påbörjad" for the activities."""
    def statuses(doc: dict[str, Any]) -> list[tuple[str, str | None]]:
        return [(a["title"], (a["status"] or {}).get("value")) for g in all_goals(doc) for a in g["activities"]]

    assert ("Införa arbetsmodellen Signs of Safety i barn- och ungdomsgruppen", "not_started") in statuses(parsed(SANDVIKEN))
    assert statuses(parsed(SANDVIKEN)) == statuses(gold(SANDVIKEN))
    assert _assessments(parsed(SANDVIKEN)) == _assessments(gold(SANDVIKEN))


def test_a_two_row_header_label_spans_its_group_columns() -> None:
    """"Utfall 2025" over Totalt | Kvinnor | Män (one shaded band, no rules between): each of
    the three values is "Utfall 2025", outcome 2025, of its group."""
    want = _indicators(gold(GNOSJO))
    assert ("Utfall 2025", "outcome", 2025, "women", "47", 47) in want[0][2]
    assert _indicators(parsed(GNOSJO)) == want


def test_quality_report_goal_under_a_mal_label_with_its_results_and_assessment() -> None:
    """Headings in an extra-light sans (by size), "Mål" / "Resultat" / "Analys" / "Åtgärder"
    in a smaller italic: the area a goal area, the paragraph under "Mål" its goal, measured by
    the "Resultat" table (a plain header over a darker rule, "VT 2024" terms) and assessed by
    "Bedömning: …"; the analysis and the actions the area's."""
    assert goals(parsed(VAXHOLM)) == goals(gold(VAXHOLM))
    assert _indicators(parsed(VAXHOLM)) == _indicators(gold(VAXHOLM))
    assert _assessments(parsed(VAXHOLM)) == _assessments(gold(VAXHOLM))
    acts = [(g["title"], a["title"]) for g in all_goals(parsed(VAXHOLM)) for a in g["activities"]]
    assert acts == [(g["title"], a["title"]) for g in all_goals(gold(VAXHOLM)) for a in g["activities"]]


def test_slide_budget_table_with_zebra_rows_and_traffic_lights() -> None:
    """The ekonomi slide's table: shaded and plain rows alternate, rows as tall as the slide's
    type; every row a budget line with its four values. Each goal slide's traffic light (a dark
    housing, three lamps, one lit) is its goal's assessment; "Utfall jan–aug" is this year's."""
    def budget(doc: dict[str, Any]) -> list[tuple[str, list[tuple[Any, ...]]]]:
        return [(b["name"], [(v["kind"], v["year"], v["amount"], v["unit"]) for v in b["values"]]) for b in doc["budget"]]

    assert len(budget(gold(KIRUNA))) == 6
    assert budget(parsed(KIRUNA)) == budget(gold(KIRUNA))
    assert _assessments(parsed(KIRUNA)) == _assessments(gold(KIRUNA))
    assert _indicators(parsed(KIRUNA)) == _indicators(gold(KIRUNA))


BOXHOLM = "kvalitetsrapport/boxholm-sommarhagsskolan-kvalitetsrapport-2024-2025-ocr"


def test_ocr_quality_report_stated_goals_end_at_their_sentence() -> None:
    """The OCR'd copy: "Mål" and "Resultat" in body type. The paragraph under "Mål" is the goal,
    up to its full stop ("Resultat" on the next line is no part of it), and "Bedömning: …" its
    assessment."""
    assert [g["title"] for g in all_goals(parsed(BOXHOLM))] == [g["title"] for g in all_goals(gold(BOXHOLM))]
    assert _assessments(parsed(BOXHOLM)) == _assessments(gold(BOXHOLM))


def test_forecast_assessment_words() -> None:
    """A tertial report's forecast wording ("Uppfylls delvis", "Målet bedöms inte uppfyllas") is
    an assessment, as the past tense is."""
    from planparse import vocabulary

    found = {t: (m.value if (m := vocabulary.match_assessment(t)) else None) for t in (
        "Uppfylls", "Uppfylls delvis", "Uppfylls inte", "Målet bedöms delvis uppfyllas", "Målet bedöms inte uppfyllas")}
    assert found == {"Uppfylls": "fulfilled", "Uppfylls delvis": "partially_fulfilled", "Uppfylls inte": "not_fulfilled",
                     "Målet bedöms delvis uppfyllas": "partially_fulfilled", "Målet bedöms inte uppfyllas": "not_fulfilled"}
