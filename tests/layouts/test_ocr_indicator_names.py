"""An OCR'd indicator name ends in its unit: what OCR reads for a "%" after the name's last
comma ("96", "Ho") is "%", and a share ("Andel …") whose unit OCR lost after that comma gets
"%" back (Hässleholm's photographed delårsrapport)."""

from __future__ import annotations

from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic12")
HASSLEHOLM = "delarsrapport/hassleholm-sn-delarsrapport-augusti-2026-photo-scan"


def test_per_cent_misread_or_lost_after_the_names_comma() -> None:
    names = [i["name"] for g in all_goals(DOCS.parsed(HASSLEHOLM)) for i in g["indicators"]]
    assert names == [i["name"] for g in all_goals(DOCS.gold(HASSLEHOLM)) for i in g["indicators"]]
    assert "Sjukfrånvaro, %" in names
    assert "Andel avslutade ärenden som gått till arbete eller studier, %" in names
