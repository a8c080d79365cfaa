"""Documents of other kinds than goal plans and reports, on real fixture PDFs: no goal tree, no budget."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet


def test_a_planbeskrivnings_cost_table_is_no_budget() -> None:
    """Olofström's planbeskrivning (a detaljplan's description) has "Planens syfte och mål"
    bullets and a cost table (Kostnad | Belopp, kr, with a Summa row): a physical plan, no
    goal plan nor budget, whatever "plan" and "mål" its words hold."""
    doc = HoldoutSet("holdout-generic19").parsed("planbeskrivning/olofstrom-planbeskrivning-vilshult-2026")
    assert (doc["goals"], doc["budget"], doc["investments"]) == ([], [], [])
    assert doc["document_type"] == "other"
    assert any(w["code"] == "table_skipped" and "Kostnad" in w["message"] for w in doc["warnings"])
