"""Scans: a grid whose bottom rule the scan lost ends where its column rules end, and a cell
line's bullet OCR read as other glyphs ("+ Vi använder", "«Alla barn") is a bullet (Tranås
Ängsgården's "Barns inflytande" table, Mål | Tillvägagångssätt, gives its goals and
activities); a speck read as a letter glued before a name's capital goes (Sundsvall); "%"
read as "260" ending a share's label goes back to "%" (Oskarshamn)."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic4")
TRANAS = "arbetsplan/scan-tranas-angsgarden-arbetsplan-2025-2026"


def test_grid_without_its_bottom_rule_and_glyph_bullets_in_cells() -> None:
    doc = DOCS.parsed(TRANAS)
    area = next(g for g in doc["goals"] if g["title"] == "Barns inflytande")
    assert [g["title"] for g in area["children"]] == [
        "Barnen får inflytande över hur verksamheten planeras och genomförs",  # (the scan's stop is lost)
        "Alla barn ges möjlighet att uttrycka sina tankar och åsikter"]
    acts = [a["title"] for g in all_goals({"goals": [area]}) for a in g["activities"]]
    assert "Vi använder bildstöd så att alla barn kan göra egna val." in acts
    assert not any(t.startswith(("+", "«")) for t in acts)


def test_speck_glued_before_an_indicator_name() -> None:
    doc = HoldoutSet("holdout").parsed("ange_tertial/sundsvall-malavstamning-t1-2025-scan")
    names = [i["name"] for g in all_goals(doc) for i in g["indicators"]]
    assert "Andel medarbetare med friskvårdsbidrag (%)" in names


def test_percent_misread_ending_a_share_in_a_table_cell() -> None:
    doc = HoldoutSet("holdout-generic8").parsed("delarsrapport/oskarshamn-bun-delarsrapport-2026-scan")
    names = [i["name"] for g in all_goals(doc) for i in g["indicators"]]
    assert "Andel elever i åk 6 med godkänt i alla ämnen, %" in names


def test_shaded_row_whose_upper_left_the_bold_title_broke_is_one_band() -> None:
    """Arvidsjaur's scanned uppsiktsrapport: the first activity row's shading is found in two
    pieces (its upper left lost under the bold title); joined, the row is one row of the table,
    its title whole and its dates under the header's two labels."""
    doc = HoldoutSet("holdout-families2").parsed("ange_uppsikt/arvidsjaur-uppsiktsrapport-2026-scan")
    first = next(a for g in all_goals(doc) for a in g["activities"])
    assert (first["title"], first["start_date"], first["end_date"]) == (
        "Ta fram en etableringsguide för nya företag", "2026-01-15", "2026-05-31")
