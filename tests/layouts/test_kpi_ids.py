"""Kolada codes printed after indicator names (holdout-generic67's styrkort)."""

from __future__ import annotations

from planparse.layouts.kpi_ids import FOOTNOTE_MARKS, split_code


def test_a_code_in_brackets_is_cut_from_the_name_with_the_footnote_mark_before_it() -> None:
    assert split_code("Andel nöjda brukare¹ (U21468)") == ("Andel nöjda brukare", "U21468")
    assert split_code("Sjukfrånvaro, procent av ordinarie arbetstid (N00090)") == (
        "Sjukfrånvaro, procent av ordinarie arbetstid", "N00090")


def test_a_name_without_a_code_is_kept() -> None:
    assert split_code("Antal besök (tusental)") == ("Antal besök (tusental)", None)
    assert split_code("Andel elever (%)") == ("Andel elever (%)", None)


def test_a_units_power_is_no_footnote_mark() -> None:
    assert FOOTNOTE_MARKS.sub("", "Andel unga som deltar i föreningslivet²") == "Andel unga som deltar i föreningslivet"
    assert FOOTNOTE_MARKS.sub("", "Energianvändning i egna lokaler, kWh/m²") == "Energianvändning i egna lokaler, kWh/m²"
    assert FOOTNOTE_MARKS.sub("", "Volym m³ per invånare") == "Volym m³ per invånare"
