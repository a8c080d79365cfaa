"""Document period from the title words (issue 11, "Document metadata")."""

from __future__ import annotations

import pytest

from planparse.layouts.facts import period_of
from planparse.text.fold import fold


@pytest.mark.parametrize(("text", "kind", "number"), [
    ("Delårsrapport augusti 2025", "delar", 2),
    ("Delårsrapport per mars 2024", "delar", 1),
    ("Delårsrapport januari–augusti 2025", "delar", 2),
    ("Delårsrapport 1 2025", "delar", 1),
    ("Delårsbokslut 2025", "delar", None),
    ("Tertialrapport 2 2025", "tertial", 2),
    ("Målavstämning, tertial 1 2026", "tertial", 1),
    ("Uppföljning T2 2025", "tertial", 2),
    ("Månadsrapport oktober 2025", "month", 10),
    ("Arbetsplan ht 2019", "term", 2),
])
def test_period_of(text: str, kind: str, number: int | None) -> None:
    period = period_of(fold(text), text)
    assert period is not None and (period.kind.value, period.number) == (kind, number)


def test_no_period_words() -> None:
    assert period_of(fold("Verksamhetsplan 2026"), "Verksamhetsplan 2026") is None
