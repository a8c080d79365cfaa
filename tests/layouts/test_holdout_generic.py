"""The generic parser on the blind hold-out set (fixtures/holdout-generic/, real-world kinds built
by an author who did not read the parser): values read off each document's gold, one general
cause each (a plan of another kind, an investment table's group and sum rows, bullets drawn as
shapes, tables ruled only horizontally, numbered goal statements over nämndmål, goal tables with
a Status column, glued "Mål 1.1Title" numbers, chapters named by a label, sums of named rows,
account columns beside a Budget column, Klart dates, Kvinnor/Män/Totalt columns)."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, activities, all_goals, goals

DOCS = HoldoutSet("holdout-generic")
parsed, gold = DOCS.parsed, DOCS.gold


def indicator_values(doc: dict[str, Any]) -> list[tuple[str, str, list[tuple[Any, ...]]]]:
    return [(g["title"], i["name"], [(v["label"], v["kind"], v.get("year"), v.get("group"), v["raw"]) for v in i["values"]])
            for g in all_goals(doc) for i in g.get("indicators", [])]


NACKA = "likabehandlingsplan/nacka-ekangen-likabehandlingsplan-2025-2026"
PITEA = "investeringsbudget/pitea-sbn-investeringsbudget-2026"
OSTHAMMAR = "tertialrapport/osthammar-bin-vp-uppfoljning-t1-2025"
GAVLE = "tertialrapport/gavle-kfn-tertialrapport-2-2025"
LINKOPING = "namndplan/linkoping-un-namndplan-2026"
KUNGSBACKA = "arbetsplan-forskola/kungsbacka-vallda-backa-arbetsplan-2025-2026"
YSTAD = "arsbokslut/ystad-sbn-arsbokslut-2025"
SUNDSVALL = "arsbokslut/sundsvall-sn-arsbokslut-2025"
UPPSALA = "delarsrapport/uppsala-aldrenamnden-delar2-2025"
BORAS = "verksamhetsberattelse/boras-tn-verksamhetsberattelse-2025"


def test_plan_of_another_kind_has_no_goal_tree_and_its_letterhead_names_the_municipality() -> None:
    doc, want = parsed(NACKA), gold(NACKA)
    assert want["goals"] == [] and doc["goals"] == []
    assert doc["municipality"]["name"] == want["municipality"]["name"] == "Nacka kommun"
    assert any(w["code"] == "no_plan_content" for w in doc["warnings"])


def test_investment_budget_priorities_are_no_goals() -> None:
    assert gold(PITEA)["goals"] == [] and parsed(PITEA)["goals"] == []


def test_investment_table_group_rows_sum_rows_and_yearly_cells() -> None:
    def view(doc: dict[str, Any]) -> list[tuple[str, list[tuple[Any, ...]]]]:
        return [(i["name"], [(a["year"], a["amount"], a["unit"]) for a in i["amounts"]]) for i in doc["investments"]]

    want = view(gold(PITEA))
    assert any(name.startswith("Summa") for name, _ in want) and not any(name == "Gator och vägar" for name, _ in want)
    assert view(parsed(PITEA)) == want


def test_bullets_drawn_as_shapes_under_atgarder_are_activities() -> None:
    want = activities(gold(OSTHAMMAR))
    assert len(want) == 5
    assert activities(parsed(OSTHAMMAR)) == want


def test_indicator_tables_ruled_only_horizontally_with_a_shaded_header() -> None:
    want = indicator_values(gold(OSTHAMMAR))
    assert len(want) == 4 and want[0][2][1][:2] == ("Föregående år", "outcome")
    assert indicator_values(parsed(OSTHAMMAR)) == want


def test_numbered_goal_statements_over_namndmal_and_their_lists_and_tables() -> None:
    doc, want = parsed(LINKOPING), gold(LINKOPING)
    assert goals(doc) == goals(want)  # "1. Linköping har …" the parent of "Nämndmål 1.1"; no "Kommunfullmäktiges mål och …"
    assert activities(doc) == activities(want)
    assert [(g, n, [v[:3] + v[4:] for v in vals]) for g, n, vals in indicator_values(doc)] == [
        (g, n, [v[:3] + v[4:] for v in vals]) for g, n, vals in indicator_values(want)]
    assert [(b["name"], [(v["kind"], v["year"], v["amount"]) for v in b["values"]]) for b in doc["budget"]] == [
        (b["name"], [(v["kind"], v["year"], v["amount"]) for v in b["values"]]) for b in want["budget"]]


def test_goal_table_with_a_status_column_and_activity_group_rows_with_a_goal_label() -> None:
    doc, want = parsed(GAVLE), gold(GAVLE)
    assert [(n, t, p) for n, t, p in goals(doc)] == goals(want)
    got = {g["title"]: (g.get("assessment") or {}).get("value") for g in all_goals(doc)}
    assert got == {g["title"]: (g.get("assessment") or {}).get("value") for g in all_goals(want)}
    assert [(g, a) for g, a in activities(doc)] == activities(want)


def test_glued_goal_numbers_and_a_goal_group_inside_its_chapter() -> None:
    doc, want = parsed(KUNGSBACKA), gold(KUNGSBACKA)
    assert ("1.1", "Barnen utvecklar ett rikt och nyanserat talspråk.", "Språk och kommunikation") in goals(want)
    assert goals(doc) == goals(want)
    assert indicator_values(doc) == indicator_values(want) == []


def test_money_tables_ruled_only_horizontally() -> None:
    doc, want = parsed(YSTAD), gold(YSTAD)

    def budget(d: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [(b["name"], b["is_sum"], [(v["kind"], v["year"], v["amount"]) for v in b["values"]]) for b in d["budget"]]

    assert budget(doc) == budget(want)
    assert [(i["name"], [(a["year"], a["amount"]) for a in i["amounts"]]) for i in doc["investments"]] == [
        (i["name"], [(a["year"], a["amount"]) for a in i["amounts"]]) for i in want["investments"]]


def test_account_columns_beside_a_budget_column_are_outcomes() -> None:
    doc, want = parsed(SUNDSVALL), gold(SUNDSVALL)
    assert [[(v["label"], v["kind"], v["year"]) for v in b["values"]] for b in doc["budget"]] == [
        [(v["label"], v["kind"], v["year"]) for v in b["values"]] for b in want["budget"]]


def test_council_inriktningsmal_are_parents_and_named_sums_add_their_rows() -> None:
    doc, want = parsed(UPPSALA), gold(UPPSALA)
    assert goals(doc) == goals(want)
    assert not [w for w in doc["warnings"] if w["code"] == "sum_mismatch"]


def test_activity_table_over_goals_klart_dates_and_gender_columns() -> None:
    doc, want = parsed(BORAS), gold(BORAS)
    got = {t for _, t, _ in goals(doc)}
    assert {t for _, t, _ in goals(want)} <= got and len(goals(doc)) <= len(goals(want)) + 1
    dates = {a["title"]: a.get("end_date") for g in all_goals(doc) for a in g.get("activities", [])}
    assert dates == {a["title"]: a.get("end_date") for g in all_goals(want) for a in g.get("activities", [])}
    sick = [v for _, n, vals in indicator_values(doc) if n.startswith("Sjukfrånvaro") for v in vals]
    assert sick == [v for _, n, vals in indicator_values(want) if n.startswith("Sjukfrånvaro") for v in vals]


def test_budget_unit_in_a_header_cell_off_the_column_grid_of_a_scan() -> None:
    rel = "verksamhetsberattelse/tierp-mbn-verksamhetsberattelse-2024-scan"
    doc, want = parsed(rel), gold(rel)
    assert {v["unit"] for b in want["budget"] for v in b["values"]} == {"tkr"}
    assert [[(v["amount"], v["unit"]) for v in b["values"]] for b in doc["budget"]] == [
        [(v["amount"], v["unit"]) for v in b["values"]] for b in want["budget"]]


def test_a_white_tick_on_a_vector_icon_is_klar() -> None:
    """Gävle's SVG status circles (Chromium print, no legend): a green circle with a white
    check mark drawn on it is completed, a plain green one in progress, as its gold has them."""

    def statuses(d: dict[str, Any]) -> list[tuple[str, str | None]]:
        return [(a["title"], a["status"] and a["status"]["value"])
                for g in all_goals(d) for a in g["activities"]]

    want = statuses(gold(GAVLE))
    assert statuses(parsed(GAVLE)) == want
    assert "completed" in {s for _, s in want}
