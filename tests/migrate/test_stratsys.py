"""Stratsys KPI value file: column order, dates, columns by kind and group, decimal comma."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import planparse
from planparse.cli import main
from planparse.migrate.stratsys import (
    FILE_NAME,
    StratsysError,
    period_end,
    stratsys_lines,
    write_stratsys,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PDFS = ("solleftea-malavstamning-t2-2024", "vindeln-verksamhetsplan-2026", "lulea-plan-budget-2019")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("stratsys-docs")
    for name in PDFS:
        (out / f"{name}.json").write_text(
            planparse.parse(FIXTURES / f"{name}.pdf").to_json(), encoding="utf-8"
        )
    return out


def _doc(folder: Path, name: str) -> dict[str, Any]:
    return json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))


def _uid(doc: dict[str, Any], name: str) -> str:
    stack = list(doc["goals"])
    while stack:
        g = stack.pop()
        for ind in g["indicators"] + [i for a in g["activities"] for i in a["indicators"]]:
            if ind["name"] == name:
                return str(ind["uid"])
        stack.extend(g["children"])
    raise KeyError(name)


def test_tertial_report_values_dated_at_the_end_of_the_tertial(folder: Path) -> None:
    doc = _doc(folder, PDFS[0])
    sick = _uid(doc, "Sjukfrånvaro, procentandel (%)")
    short = _uid(doc, "Korttidssjukfrånvaro, antal tillfällen")
    overtime = _uid(doc, "Kostnad för övertid, tkr")
    lines = stratsys_lines(doc)
    # values from the gold (fixtures/expected/solleftea-malavstamning-t2-2024.json); the
    # report has no year per value: tertial 2 of 2024 ends on 31 August
    assert f"2024-08-31;2283;{sick};MALVARDE;6,5" in lines
    assert f"2024-08-31;2283;{sick};UTFALL;7,2" in lines
    assert f"2024-08-31;2283;{short};MALVARDE;1300" in lines
    assert f"2024-08-31;2283;{short};UTFALL;1412" in lines
    assert f"2024-08-31;2283;{overtime};UTFALL;1980" in lines
    assert len(lines) == 8
    assert all(len(line.split(";")) == 5 for line in lines)


def test_year_values_groups_and_options(folder: Path) -> None:
    vindeln = _doc(folder, PDFS[1])
    fossil = _uid(vindeln, "Andel fossilfria fordon i den egna fordonsflottan")
    energy = _uid(vindeln, "Energianvändning i kommunens egna lokaler")
    lines = stratsys_lines(vindeln, unit_code="KS")
    assert f"2025-12-31;KS;{fossil};UTFALL;12" in lines  # baseline → the outcome column
    assert f"2026-12-31;KS;{fossil};UTFALL;19" in lines
    assert f"2025-12-31;KS;{energy};UTFALL;41,5" in lines
    lulea = _doc(folder, PDFS[2])
    sick = _uid(lulea, "Sjukfrånvaro i procent av arbetstiden")
    hme = _uid(lulea, "Medarbetarengagemang (HME), index")
    lines = stratsys_lines(lulea)
    assert [ln for ln in lines if sick in ln] == [
        f"2017-12-31;2580;{sick};UTFALL;5,1",
        f"2018-12-31;2580;{sick};UTFALL;4,8",
        f"2017-12-31;2580;{sick};UTFALL_K;5,9",
        f"2018-12-31;2580;{sick};UTFALL_K;5,5",
        f"2017-12-31;2580;{sick};UTFALL_M;3,6",
        f"2018-12-31;2580;{sick};UTFALL_M;3,4",
    ]
    assert f"2019-12-31;2580;{hme};MALVARDE;80" in lines
    # another delimiter, decimal point, date format, a measure map and a column code
    custom = stratsys_lines(
        lulea,
        measure_map={sick: "SJUK"},
        delimiter="\t",
        decimal=".",
        date_format="%Y%m%d",
        columns={("outcome", "total"): "UTF"},
    )
    assert custom == ["20171231\t2580\tSJUK\tUTF\t5.1", "20181231\t2580\tSJUK\tUTF\t4.8"]
    with pytest.raises(StratsysError, match="contains the delimiter"):
        stratsys_lines(lulea, measure_map={sick: "a;b"})


def test_period_end() -> None:
    assert str(period_end(2024, "tertial", 1)) == "2024-04-30"
    assert str(period_end(2024, "tertial", 3)) == "2024-12-31"
    assert str(period_end(2024, "delar", 1)) == "2024-08-31"
    assert str(period_end(2024, "month", 2)) == "2024-02-29"
    assert str(period_end(2025, "term", 1)) == "2025-06-30"
    assert str(period_end(2025, "term", 2)) == "2025-12-31"
    assert str(period_end(2025, "year", None)) == "2025-12-31"


def test_cli_writes_the_file_and_skips_a_bad_json(folder: Path, tmp_path: Path) -> None:
    for p in folder.glob("*.json"):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "broken.json").write_text('{"uid": "x", "source": {}}', encoding="utf-8")
    result = CliRunner().invoke(main, ["migrate", "stratsys", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "skipped broken.json" in result.output
    text = (tmp_path / FILE_NAME).read_text(encoding="utf-8")
    expected = "".join(
        line + "\n"
        for name in sorted(PDFS, key=lambda n: _doc(folder, n)["uid"])
        for line in stratsys_lines(_doc(folder, name))
    )
    assert text == expected and text.endswith("\n")
    assert not list(tmp_path.glob(".*.tmp"))
    again = write_stratsys(tmp_path)
    assert again.documents == 3 and (tmp_path / FILE_NAME).read_text(encoding="utf-8") == text
    bad = CliRunner().invoke(main, ["migrate", "stratsys", str(tmp_path), "--column", "x=Y"])
    assert bad.exit_code == 2
