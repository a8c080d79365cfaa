"""Walk fixes found by holdout-generic15 and holdout-families4: a status glyph and word at the
right end of a bulleted activity's row (Älmhult), and an OCR'd assignment's title that ends
where its first sentence ends short of the line (Fagersta scan)."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, all_goals

G15 = HoldoutSet("holdout-generic15")
F4 = HoldoutSet("holdout-families4")
ALMHULT = "arbetsplan/almhult-forskolan-larktradet-arbetsplan-2026-2027"
FAGERSTA = "robertsfors_vp/fagersta-verksamhetsplan-2027-scan"


def _activities(doc: dict) -> list[tuple[str, str | None]]:
    return [(a["title"], (a.get("status") or {}).get("value")) for g in all_goals(doc) for a in g["activities"]]


def test_a_status_right_of_a_bulleted_activity_is_its_status_not_an_activity() -> None:
    got, want = _activities(G15.parsed(ALMHULT)), _activities(G15.gold(ALMHULT))
    assert len(want) == 11
    assert got == want


def test_an_ocr_d_assignment_title_ends_with_its_first_sentence() -> None:
    titles = [a["title"] for g in all_goals(F4.parsed(FAGERSTA)) for a in g["activities"]]
    assert "Förvaltningen ska främja byautveckling." in titles
    act = next(a for g in all_goals(F4.parsed(FAGERSTA)) for a in g["activities"] if a["title"].endswith("byautveckling."))
    assert act["description"].startswith("Stödet riktas till byar")


def test_a_schedule_column_gives_no_amounts() -> None:
    doc = G15.parsed("budget/bastad-tn-budget-investeringsplan-2027-2029")
    labels = {a["label"] for inv in doc["investments"] for a in inv["amounts"]}
    assert labels == {"2027", "2028", "2029"}  # no "Tidplan" ("2027–2028", "årligen")


def test_a_one_word_ocr_d_heading_set_a_little_larger_is_a_focus_area() -> None:
    rel = "orebro_budget/hedemora-plan-budget-2027-ocr"
    titles = [g["title"] for g in all_goals(F4.parsed(rel)) if g["level"] == "focus_area"]
    assert {"Samhällsplanering", "Lokalförsörjning", "Näringsliv och arbetsmarknad"} <= set(titles)


def test_a_grey_fill_in_a_column_of_traffic_light_fills_is_a_status() -> None:
    rel = "verksamhetsberattelse/eksjo-kfn-verksamhetsberattelse-2025"
    got = {a["title"]: (a.get("status") or {}).get("value") for g in all_goals(G15.parsed(rel)) for a in g["activities"]}
    assert got["Flytt av bokbussens hållplatser till skolorna"] == "cancelled"  # grey = Avbruten in its legend
    assert got == {a["title"]: a["status"]["value"] for g in all_goals(G15.gold(rel)) for a in g["activities"]}
