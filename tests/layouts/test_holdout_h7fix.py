"""The generic parser on native documents of the hold-out sets fixtures/holdout-generic5/ and
-6/ where it still missed. Values read off each document's gold; one general cause each (zebra
tables whose only verticals are their shades' sides, stacked under headings with a rule of their
own; a "Tidplan" column; a chapter named by which goals it holds)."""

from __future__ import annotations

from typing import Any

from planparse.reading import read_pdf
from tests.layouts.holdout import HoldoutSet, all_goals, goals

G5 = HoldoutSet("holdout-generic5")
REGION = "regional-verksamhetsplan/region-jamtland-harjedalen-hsf-verksamhetsplan-2026"


def _acts(doc: dict[str, Any]) -> list[tuple[str, str, Any, Any, Any]]:
    """(goal, activity, owner, status value, end date) of every activity."""
    return [(g["title"], a["title"], a["owner"], (a["status"] or {}).get("value"), a["end_date"])
            for g in all_goals(doc) for a in g["activities"]]


def _inds(doc: dict[str, Any]) -> list[tuple[str, str, list[tuple[Any, ...]]]]:
    return [(g["title"], i["name"], [(v["kind"], v["year"], v["value"]) for v in i["values"]])
            for g in all_goals(doc) for i in g["indicators"]]


def _budget(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(b["name"], b["is_sum"], [(v["kind"], v["year"], v["amount"]) for v in b["values"]]) for b in doc["budget"]]


def test_zebra_tables_under_ruled_headings_stay_apart() -> None:
    """Chromium draws each strategiskt mål's heading with a rule under it and its indicator
    and Uppdrag tables as shaded header cells over zebra rows ruled only horizontally: the
    rules chain from table to heading to table. Each table is read on its own with its own
    columns, the headings and their paragraphs between them are no rows."""
    doc = read_pdf(G5.root / f"{REGION}.pdf")
    assert [t.rows[0].texts[0] for t in doc.pages[1].tables] == ["Indikator", "Uppdrag"] * 4
    assert [t.n_cols for t in doc.pages[1].tables] == [3, 4] * 4
    texts = [ln.text for ln in doc.pages[1].lines]
    assert "Strategiskt mål 2 En hållbar kompetensförsörjning" in texts
    assert any(t.startswith("Regionen ska kunna rekrytera") for t in texts)


def test_strategic_goals_with_their_tables() -> None:
    """The four strategiska mål, their indicators with both values, and their Uppdrag with
    owner, text status and the Tidplan date as end date ("Löpande" gives none). "Strategiska
    mål och uppdrag" is the chapter over them, no goal."""
    doc, want = G5.parsed(REGION), G5.gold(REGION)
    assert goals(doc) == goals(want)
    assert _acts(doc) == _acts(want)
    assert _inds(doc) == _inds(want)


def test_unshaded_sum_row_under_the_last_stripe() -> None:
    """"Summa förvaltningen", an unshaded row under the zebra table's last stripe with a rule of
    its own under it, is the budget's sum row."""
    doc, want = G5.parsed(REGION), G5.gold(REGION)
    assert len(want["budget"]) == 6
    assert _budget(doc) == _budget(want)


G6 = HoldoutSet("holdout-generic6")
KRONOBERG = "budgetuppfoljning/region-kronoberg-run-tertialrapport-2-2026"


def test_header_labels_wrapping_upward_over_an_empty_first_cell() -> None:
    """The unruled Resultaträkning (mnkr) sets its labels at the foot of their cells: "Utfall
    jan–aug" stands over "2026" on the line above the others, the name column's label empty. The
    column is "Utfall jan–aug 2026", an outcome of 2026; minus signs U+2212 and "-" alike."""
    doc, want = G6.parsed(KRONOBERG), G6.gold(KRONOBERG)
    got = [(n, [(k, y, a) for k, y, a in v]) for n, _, v in _budget(doc)]
    assert got == [(n, [(k, y, a) for k, y, a in v]) for n, _, v in _budget(want)]
    assert {v["label"] for b in doc["budget"] for v in b["values"]} == {
        v["label"] for b in want["budget"] for v in b["values"]}


def test_subtotal_and_running_total_are_sums_by_their_figures() -> None:
    """"Verksamhetens nettokostnader" adds up the three lines above it and "Resultat" that
    subtotal and "Regionbidrag" in every column: both are sum rows, though named as none."""
    doc, want = G6.parsed(KRONOBERG), G6.gold(KRONOBERG)
    assert [b["is_sum"] for b in doc["budget"]] == [b["is_sum"] for b in want["budget"]]
    assert sum(b["is_sum"] for b in want["budget"]) == 3


MORA = "forvaltningsplan/mora-sbf-forvaltningsplan-2026"


def test_chapter_named_by_goal_words_only_is_no_goal() -> None:
    """"Fokusområden och förvaltningsmål" over Word's automatically numbered fokusområden only
    says which goals follow: a chapter, no goal area of its own."""
    doc, want = G5.parsed(MORA), G5.gold(MORA)
    assert goals(doc) == goals(want)
    assert [g["title"] for g in doc["goals"]][:1] == ["Effektiv och rättssäker myndighetsutövning"]


F2 = HoldoutSet("holdout-families2")
HOFORS = "ange_tertial/hofors-malavstamning-2024-t1"
MALA = "ange_uppsikt/mala-uppsiktsrapport-2024"


def _statuses(doc: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(a["title"], (a["status"] or {}).get("value")) for g in all_goals(doc) for a in g["activities"]]


def test_legend_entry_wrapping_onto_the_next_line() -> None:
    """The Status legend's last entry on its line, "Avslutad med", wraps its "avvikelse" onto
    the next line before that line's first icon: the orange circle is "completed_deviation",
    not the yellow's "in_progress_deviation" by the nearest colour."""
    want = _statuses(F2.gold(HOFORS))
    assert ("Avveckla de tomma lokalerna på Bruksgatan", "completed_deviation") in want
    assert _statuses(F2.parsed(HOFORS)) == want


def test_two_greens_and_orange_without_a_legend() -> None:
    """Without a legend, circles in two greens and in yellow and orange are the seven-step
    scale: the darker green is completed, the orange completed with deviation; the lighter
    green and the yellow stay in progress (with deviation)."""
    want = _statuses(F2.gold(MALA))
    assert {v for _, v in want} >= {"completed", "completed_deviation", "in_progress", "in_progress_deviation"}
    assert _statuses(F2.parsed(MALA)) == want


STRESS = HoldoutSet("stress")


def test_unruled_control_plan_with_a_number_opening_a_cell_line() -> None:
    """The Chromium control plan has no rules: "Rutin/process | Risk | Riskvärde | Kontrollmetod
    | Ansvarig" opens an unruled table, and a line "16 Uppföljning av de IT- och" (the risk
    value and the method's first words, read as one line) starts under a later column: a cell,
    not a numbered heading ending the table."""
    for name in ("kramfors_vp/kramfors_vp-01-html", "kramfors_vp/kramfors_vp-02-html"):
        want = [(c["process"], c["risk_value"]) for c in STRESS.gold(name)["controls"]]
        assert len(want) >= 2
        assert [(c["process"], c["risk_value"]) for c in STRESS.parsed(name)["controls"]] == want
