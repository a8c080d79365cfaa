"""An OCR'd owner's speck read as a stop after its last word is cut; an abbreviation's stays."""

from __future__ import annotations

import pytest

from planparse.text.repair import ocr_name_stop


@pytest.mark.parametrize(
    ("read", "name"),
    [
        ("Enhetschef familjehem.", "Enhetschef familjehem"),  # (nynashamn-socialnamnden-namndplan-2026, OCR'd)
        ("Socialchef .", "Socialchef"),
        ("Socialchef", "Socialchef"),
        ("Socialchef m.fl.", "Socialchef m.fl."),
        ("Chef adm.", "Chef adm."),
        ("", ""),
    ],
)
def test_a_stop_after_a_name_is_a_speck(read: str, name: str) -> None:
    assert ocr_name_stop(read) == name
