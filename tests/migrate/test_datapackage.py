"""planparse export --to datapackage: CSVs + datapackage.json, validated by frictionless.

Expected row counts come straight from the JSON (tests.test_export.expected_counts); the
types, keys and enums checked here are written out by hand from the contract.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import frictionless
from click.testing import CliRunner, Result

from planparse.cli import main
from tests.test_export import expected_counts, load_docs

TABLE_NAMES = [
    "documents",
    "goals",
    "activities",
    "indicators",
    "indicator_values",
    "budget_lines",
    "investments",
    "controls",
    "risks",
]


def export_dp(outdir: Path, dest: Path) -> Result:
    return CliRunner().invoke(
        main, ["export", str(outdir), "--to", "datapackage", "--dest", str(dest)]
    )


def validate(dest: Path) -> frictionless.Report:
    return frictionless.validate(str(dest / "datapackage.json"))


def error_types(report: frictionless.Report) -> set[tuple[str, str]]:
    """(resource name, error type) of every error in a frictionless report."""
    out = set()
    for task in report.tasks:
        for error in task.errors:
            out.add((task.name, error.type))
    return out


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def field(descriptor: dict[str, Any], table: str, name: str) -> dict[str, Any]:
    resource = next(r for r in descriptor["resources"] if r["name"] == table)
    found: dict[str, Any] = next(f for f in resource["schema"]["fields"] if f["name"] == name)
    return found


def test_package_validates_and_holds_every_row(outdir: Path, tmp_path: Path) -> None:
    dest = tmp_path / "dp"
    res = export_dp(outdir, dest)
    assert res.exit_code == 0, res.output
    report = validate(dest)
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])
    assert {t.name for t in report.tasks} == set(TABLE_NAMES)
    expected = expected_counts(load_docs(outdir))
    assert expected["goals"] > 50 and expected["budget_lines"] > 0
    got = {name: len(csv_rows(dest / f"{name}.csv")) for name in TABLE_NAMES}
    assert got == expected
    # frictionless read the same number of rows
    assert {t.name: t.stats["rows"] for t in report.tasks} == expected


def test_descriptor_types_keys_enums_and_missing_values(outdir: Path, tmp_path: Path) -> None:
    dest = tmp_path / "dp"
    assert export_dp(outdir, dest).exit_code == 0
    d = json.loads((dest / "datapackage.json").read_text(encoding="utf-8"))
    assert d["profile"] == "tabular-data-package"
    assert [r["name"] for r in d["resources"]] == TABLE_NAMES
    for r in d["resources"]:
        assert r["path"] == f"{r['name']}.csv"
        assert r["schema"]["primaryKey"] == ["uid"]
        assert r["schema"]["missingValues"] == [""]
        header = next(csv.reader((dest / r["path"]).open(encoding="utf-8")))
        assert header == [f["name"] for f in r["schema"]["fields"]]

    assert field(d, "budget_lines", "amount")["type"] == "number"
    assert field(d, "investments", "amount")["type"] == "number"
    assert field(d, "indicator_values", "value")["type"] == "number"
    assert field(d, "goals", "bbox")["type"] == "array"
    assert field(d, "activities", "parties")["type"] == "array"
    assert field(d, "documents", "metadata")["type"] == "object"
    assert field(d, "activities", "start_date")["type"] == "date"
    assert field(d, "goals", "depth")["type"] == "integer"
    assert field(d, "goals", "uid")["constraints"]["required"] is True

    assert field(d, "activities", "status")["constraints"]["enum"] == [
        "not_started",
        "in_progress",
        "in_progress_deviation",
        "completed",
        "completed_deviation",
        "on_hold",
        "cancelled",
    ]
    assert field(d, "goals", "level")["constraints"]["enum"] == [
        "goal_area",
        "goal",
        "sub_goal",
        "focus_area",
    ]
    assert field(d, "indicator_values", "value_group")["constraints"]["enum"] == [
        "total",
        "women",
        "men",
    ]
    assert field(d, "controls", "text_method")["constraints"]["enum"] == [
        "native",
        "ocr",
        "repaired",
    ]
    assert field(d, "indicators", "owner_kind")["constraints"]["enum"] == ["goal", "activity"]
    assert "constraints" not in field(d, "goals", "title")

    fks = {
        r["name"]: {
            (k["fields"], k["reference"]["resource"]) for k in r["schema"].get("foreignKeys", [])
        }
        for r in d["resources"]
    }
    assert fks["documents"] == set()
    assert fks["goals"] == {("document_uid", "documents"), ("parent_uid", "")}  # "" = itself
    assert fks["activities"] == {("document_uid", "documents"), ("goal_uid", "goals")}
    assert fks["indicator_values"] == {
        ("document_uid", "documents"),
        ("indicator_uid", "indicators"),
    }
    assert fks["risks"] == {("document_uid", "documents")}


def test_a_broken_copy_fails_validation(outdir: Path, tmp_path: Path) -> None:
    dest = tmp_path / "dp"
    assert export_dp(outdir, dest).exit_code == 0
    assert validate(dest).valid

    # an activity whose goal is not in goals.csv
    broken = tmp_path / "broken-fk"
    shutil.copytree(dest, broken)
    rows = csv_rows(broken / "activities.csv")
    rows[3]["goal_uid"] = "no-such-goal"
    write_csv(broken / "activities.csv", rows)
    report = validate(broken)
    assert not report.valid
    assert error_types(report) == {("activities", "foreign-key")}

    # a sub-goal whose parent was removed (the self-reference)
    broken = tmp_path / "broken-parent"
    shutil.copytree(dest, broken)
    goals = csv_rows(broken / "goals.csv")
    parent = sorted(g["parent_uid"] for g in goals if g["parent_uid"])[0]
    kept = [g for g in goals if g["uid"] != parent]
    assert len(kept) == len(goals) - 1
    write_csv(broken / "goals.csv", kept)
    assert ("goals", "foreign-key") in error_types(validate(broken))

    # a status outside the contract's enum, and a repeated uid
    broken = tmp_path / "broken-enum"
    shutil.copytree(dest, broken)
    rows = csv_rows(broken / "activities.csv")
    rows[0]["status"] = "almost_done"
    rows[1]["uid"] = rows[2]["uid"]
    write_csv(broken / "activities.csv", rows)
    assert error_types(validate(broken)) >= {
        ("activities", "constraint-error"),
        ("activities", "primary-key"),
    }


def test_rerun_is_byte_identical_and_leaves_no_temp_files(outdir: Path, tmp_path: Path) -> None:
    dest = tmp_path / "dp"
    assert export_dp(outdir, dest).exit_code == 0
    first = {p.name: p.read_bytes() for p in sorted(dest.iterdir())}
    assert export_dp(outdir, dest).exit_code == 0
    second = {p.name: p.read_bytes() for p in sorted(dest.iterdir())}
    assert second == first
    assert sorted(first) == sorted([f"{t}.csv" for t in TABLE_NAMES] + ["datapackage.json"])


def test_invalid_json_is_skipped_with_its_reason(outdir: Path, tmp_path: Path) -> None:
    path = outdir / "robertsfors-verksamhetsplan-2025.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["year"] = "2025"  # a string where the contract has an integer
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    dest = tmp_path / "dp"
    res = export_dp(outdir, dest)
    assert res.exit_code == 1
    assert (
        "invalid, skipped: robertsfors-verksamhetsplan-2025.json: $.year: '2025' is not valid"
        in res.output
    )
    assert validate(dest).valid
    path.unlink()
    got = {name: len(csv_rows(dest / f"{name}.csv")) for name in TABLE_NAMES}
    assert got == expected_counts(load_docs(outdir))


def test_the_typed_definition_names_real_columns_and_enums() -> None:
    """A renamed column or Enum in export.TABLES / model must not silently lose its type."""
    from enum import Enum

    from planparse import model
    from planparse.export import (
        DATE_COLUMNS,
        ENUM_COLUMNS,
        FIXED_VALUES,
        FOREIGN_KEYS,
        JSON_ARRAY_COLUMNS,
        JSON_OBJECT_COLUMNS,
        TABLES,
    )

    columns = {(t, c[0]) for t, (_m, cols) in TABLES.items() for c in cols}
    for pair in [*JSON_ARRAY_COLUMNS, *JSON_OBJECT_COLUMNS, *DATE_COLUMNS, *ENUM_COLUMNS]:
        assert pair in columns, pair
    assert set(FIXED_VALUES) <= columns
    for enum_name in ENUM_COLUMNS.values():
        assert issubclass(getattr(model, enum_name), Enum)
    assert list(FOREIGN_KEYS) == list(TABLES)
    order = list(TABLES)
    for table, keys in FOREIGN_KEYS.items():
        for fk in keys:
            assert (table, fk.column) in columns
            assert order.index(fk.ref_table) <= order.index(table)  # parents first
            assert fk.deferred == (fk.ref_table == table)
