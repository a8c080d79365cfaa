"""holdout-generic8, parsed whole: Falköping's driftredovisning ruled only under its
subtotals (rows stacked between rules, two kinds of minus, a wrong subtotal)."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet

DOCS = HoldoutSet("holdout-generic8")
BUDGET = "budgetuppfoljning/falkoping-tn-tertialrapport-2-2026"


def test_budget_rows_between_subtotal_rules() -> None:
    doc, gold = DOCS.parsed(BUDGET), DOCS.gold(BUDGET)
    got = [(b["name"], b["is_sum"], [(v["kind"], v["year"], v["amount"]) for v in b["values"]]) for b in doc["budget"]]
    want = [(b["name"], b["is_sum"], [(v["kind"], v["year"], v["amount"]) for v in b["values"]]) for b in gold["budget"]]
    assert got == want


def test_only_the_wrong_subtotal_warns() -> None:
    warned = [w["message"] for w in DOCS.parsed(BUDGET)["warnings"] if w["code"] == "sum_mismatch"]
    assert len(warned) == 1
    assert "Summa fastighet" in warned[0] and "Utfall" in warned[0] and "-100" in warned[0]


SHADED = "delarsrapport/nybro-bun-delarsrapport-2026"


def test_shaded_bedomning_cells_merged_over_indicator_rows() -> None:
    def assessed(doc: dict) -> list[tuple[str, str | None]]:
        return [(g["title"], (g.get("assessment") or {}).get("value")) for a in doc["goals"] for g in a["children"]]

    assert assessed(DOCS.parsed(SHADED)) == assessed(DOCS.gold(SHADED))


PLAN = "verksamhetsplan/ludvika-kfn-verksamhetsplan-2026"


def test_klart_senast_months_and_tertials_are_end_dates() -> None:
    def ends(doc: dict) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []

        def visit(g: dict) -> None:
            out.extend((a["title"], a.get("end_date")) for a in g.get("activities", []))
            for c in g.get("children", []):
                visit(c)
        for g in doc["goals"]:
            visit(g)
        return out

    assert ends(DOCS.parsed(PLAN)) == ends(DOCS.gold(PLAN))


SCAN = "delarsrapport/oskarshamn-bun-delarsrapport-2026-scan"


def test_colour_scan_shaded_cells_rows_and_areas() -> None:
    """The colour scan of the shaded delårsrapport: the cells' colours read from the colour
    image, the rules along the green and red cells kept (each indicator its own row), and
    "Kunskap och lärande" under the label-worded "Måluppföljning" a heading of its own."""
    doc, gold = DOCS.parsed(SCAN), DOCS.gold(SCAN)

    def tree(d: dict) -> list[tuple[str, list[tuple[str, str | None, list[str]]]]]:
        return [(a["title"], [(g["title"], (g.get("assessment") or {}).get("value"),
                               [" ".join(v["raw"] for v in i["values"]) for i in g["indicators"]])
                              for g in a["children"]]) for a in d["goals"]]

    assert tree(doc) == tree(gold)
    names = [i["name"] for a in doc["goals"] for g in a["children"] for i in g["indicators"]]
    assert sum(n.endswith(", %") for n in names) >= 6  # "%" read as "96", "260": read again
