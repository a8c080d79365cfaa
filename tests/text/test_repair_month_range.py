"""OCR reads a month range's en dash as a hyphen: repair_text gives it back."""

from __future__ import annotations

import pytest

from planparse.text.repair import repair_text


@pytest.mark.parametrize(("read", "want"), [
    ("Utfall jan-aug 2026", "Utfall jan–aug 2026"),
    ("för perioden januari-april.", "för perioden januari–april."),
    ("Mars-maj", "Mars–maj"),
    ("marknads-april", "marknads-april"),  # no month before the hyphen
    ("jan-augustinus", "jan-augustinus"),  # no month after it
])
def test_month_range(read: str, want: str) -> None:
    assert repair_text(read, aggressive=False) == want
    assert repair_text(read, aggressive=True) == want
