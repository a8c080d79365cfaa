"""What a money column holds (budget, outcome, forecast, deviation), from its header's words,
and for a column headed by a year alone from its row and the document."""

from __future__ import annotations

from planparse.layouts.roles import BUDGET_KINDS
from planparse.model import BudgetKind, DocumentType
from planparse.text.fold import fold


def column_kind(label: str) -> BudgetKind:
    """What a money column holds, from the first word of its header that names a kind
    ("Utfall jan–apr 2026", "Ack. Utfall" → outcome; "Avvikelse" → deviation); a header naming
    none ("2027", "Plan 2028", "Total utgift") is a budget. An OCR'd word that lost a letter
    to the cell before it ("202@rognos") is matched by its letters."""
    words = fold(label).split()
    found = next((BUDGET_KINDS[w] for w in words if w in BUDGET_KINDS), None)
    if found is None:
        from rapidfuzz import fuzz, process

        for w in words:
            letters = "".join(ch for ch in w if ch.isalpha())
            match = process.extractOne(letters, list(BUDGET_KINDS), scorer=fuzz.ratio, score_cutoff=88) if len(letters) >= 5 else None
            if match is not None:
                return BUDGET_KINDS[match[0]]
    return found or BudgetKind.budget


_REPORTS = frozenset({DocumentType.tertialrapport, DocumentType.delarsrapport, DocumentType.arsredovisning,
                      DocumentType.uppsiktsrapport, DocumentType.arsbokslut, DocumentType.verksamhetsberattelse})


def bare_year_kind(name: str, year: int, document_type: DocumentType, report_year: int | None) -> BudgetKind:
    """What a column headed by a year alone ("2024 | 2025") holds on the row ``name``: the
    kind the row names ("Budget", "Budgetavvikelse"), else in a report the outcome of a year
    it looks back on, else the budget."""
    words = fold(name).split()
    if len(words) <= 2 and words and (found := BUDGET_KINDS.get(words[0])) is not None:
        return found
    if document_type in _REPORTS and report_year is not None and year <= report_year:
        return BudgetKind.outcome
    return BudgetKind.budget


# Account columns: beside a Budget column they hold the outcome.
ACCOUNTS = frozenset({"intakter", "kostnader", "nettokostnad", "nettokostnader", "netto"})
