"""holdout-generic18: an internkontrollplan whose Process/rutin cell spans two controls and
whose table has both Kontrollmoment and Metod (Vadstena, and Arvika in holdout-generic12), its
Ansvarig "Upphandlingssamordnar" / "e" broken at the narrow cell's edge, and an upphandlingsunderlag whose
price table (Linje | Pris per år, kr, with a Summa row) is no budget (Tingsryd)."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet

DOCS = HoldoutSet("holdout-generic18")
SET12 = HoldoutSet("holdout-generic12")
ARVIKA = "internkontrollplan/arvika-bun-internkontrollplan-2027"
VADSTENA = "internkontrollplan/vadstena-ks-internkontrollplan-2027"
TINGSRYD = "upphandling/tingsryd-forfragningsunderlag-skolskjuts-2027"


def _controls(doc: dict) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(c["process"], c["risk"], c["method"], c["responsible"]) for c in doc["controls"]]


def test_spanning_process_cell_gives_both_controls_and_kontrollmoment_is_the_method() -> None:
    doc = DOCS.parsed(VADSTENA)
    assert _controls(doc) == _controls(DOCS.gold(VADSTENA))
    assert not [w for w in doc["warnings"] if w["code"] == "unplaced_row"]


def test_kontrollmoment_beside_a_bare_metod_column_is_the_method() -> None:
    # Process | Risk | Kontrollmoment | Metod ("Stickprov") | Ansvarig | Frekvens
    assert _controls(SET12.parsed(ARVIKA)) == _controls(SET12.gold(ARVIKA))


def test_price_table_of_a_procurement_is_no_budget() -> None:
    doc = DOCS.parsed(TINGSRYD)
    assert doc["budget"] == [] and doc["investments"] == []
