"""Indicator value columns (planparse.layouts.indicators)."""

from __future__ import annotations

from planparse.layouts.indicators import value_kind
from planparse.model import ValueKind


def test_period_columns_are_outcomes_of_their_year() -> None:
    """"Jan–apr 2026 | Jan–apr 2025 | Helår 2025": what each period gave; a forecast stays other."""
    assert value_kind("Jan–apr 2026") == (ValueKind.outcome, 2026)
    assert value_kind("januari–augusti 2025") == (ValueKind.outcome, 2025)
    assert value_kind("Helår 2025") == (ValueKind.outcome, 2025)
    assert value_kind("Prognos helår 2026")[0] is ValueKind.other
