"""planparse export: SQLite / CSV / JSONL tables keyed by stable uids, idempotent re-export.

Uses the outputs of the real batch run in test_cli (session fixture ``batch_run``) and a
hand-written document for the linkage and update checks.
"""

from __future__ import annotations

import copy
import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from planparse.cli import main
from planparse.export import ADDED_COLUMNS, TABLES, TABLES_DOC, export
from planparse.model import dumps
from tests.test_cli import batch_run  # noqa: F401  - the shared session fixture


def expected_counts(docs: list[dict[str, Any]]) -> dict[str, int]:
    """Row counts per table computed straight from the JSON (independently of export.py)."""
    n = dict.fromkeys(TABLES, 0)
    n["documents"] = len(docs)

    def inds(owner: dict[str, Any]) -> None:
        for ind in owner.get("indicators", []):
            n["indicators"] += 1
            n["indicator_values"] += len(ind.get("values", []))

    def goal(g: dict[str, Any]) -> None:
        n["goals"] += 1
        inds(g)
        for a in g.get("activities", []):
            n["activities"] += 1
            inds(a)
        for c in g.get("children", []):
            goal(c)

    for d in docs:
        for g in d.get("goals", []):
            goal(g)
        n["budget_lines"] += sum(max(1, len(b.get("values", []))) for b in d.get("budget", []))
        n["investments"] += sum(max(1, len(i.get("amounts", []))) for i in d.get("investments", []))
        n["controls"] += len(d.get("controls", []))
        n["risks"] += len(d.get("risks", []))
    return n


def load_docs(folder: Path) -> list[dict[str, Any]]:
    by_uid: dict[str, dict[str, Any]] = {}
    for p in sorted(folder.glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        by_uid[d["uid"]] = d  # the same document twice (the clash copy) is one document
    return list(by_uid.values())


def db_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def dump(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


# --------------------------------------------------------------------------- real outputs


def test_sqlite_export_of_batch_outputs(batch_run: dict[str, Any], tmp_path: Path) -> None:  # noqa: F811
    out: Path = batch_run["out"]
    db = tmp_path / "plans.sqlite"
    res = CliRunner().invoke(main, ["export", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    with sqlite3.connect(db) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert tables == set(TABLES)
        for name, (_m, columns) in TABLES.items():
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({name})")]
            assert cols == [c[0] for c in columns]
    docs = load_docs(out)
    assert db_counts(db) == expected_counts(docs)
    assert db_counts(db)["documents"] > 0
    before = dump(db)
    res2 = CliRunner().invoke(main, ["export", str(out), "--to", "sqlite", "--db", str(db)])
    assert res2.exit_code == 0, res2.output
    assert dump(db) == before  # second export changes nothing


def test_sqlite_links_resolve(batch_run: dict[str, Any], tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "x.sqlite"
    export(batch_run["out"], "sqlite", db)
    with sqlite3.connect(db) as con:
        q = {
            "goal parent": "SELECT COUNT(*) FROM goals g WHERE parent_uid IS NOT NULL "
            "AND parent_uid NOT IN (SELECT uid FROM goals)",
            "activity goal": "SELECT COUNT(*) FROM activities WHERE goal_uid NOT IN (SELECT uid FROM goals)",
            "indicator owner": "SELECT COUNT(*) FROM indicators WHERE owner_uid NOT IN "
            "(SELECT uid FROM goals UNION SELECT uid FROM activities)",
            "value indicator": "SELECT COUNT(*) FROM indicator_values WHERE indicator_uid NOT IN "
            "(SELECT uid FROM indicators)",
            "document": "SELECT COUNT(*) FROM goals WHERE document_uid NOT IN (SELECT uid FROM documents)",
        }
        for what, sql in q.items():
            assert con.execute(sql).fetchone()[0] == 0, what


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_file_exports_are_deterministic(
    batch_run: dict[str, Any],  # noqa: F811
    tmp_path: Path,
    fmt: str,
) -> None:
    out: Path = batch_run["out"]
    dest = tmp_path / fmt
    res = CliRunner().invoke(main, ["export", str(out), "--to", fmt, "--dest", str(dest)])
    assert res.exit_code == 0, res.output
    first = {p.name: p.read_bytes() for p in sorted(dest.iterdir())}
    assert set(first) == {f"{t}.{fmt}" for t in TABLES}
    counts = {}
    for t, (_m, columns) in TABLES.items():
        text = (dest / f"{t}.{fmt}").read_text(encoding="utf-8")
        if fmt == "csv":
            rows = list(csv.reader(text.splitlines()))
            assert rows[0] == [c[0] for c in columns]
            counts[t] = len(rows) - 1
        else:
            rows_j = [json.loads(line) for line in text.splitlines()]
            assert all(list(r) == [c[0] for c in columns] for r in rows_j)
            counts[t] = len(rows_j)
    assert counts == expected_counts(load_docs(out))
    export(out, fmt, dest)
    assert {p.name: p.read_bytes() for p in sorted(dest.iterdir())} == first


# --------------------------------------------------------------------------- hand-made document


def _prov(page: int = 1) -> dict[str, Any]:
    return {"page": page, "bbox": [0, 0, 10, 10], "raw_text": "x", "method": "native"}


def _doc() -> dict[str, Any]:
    duid = "2409-verksamhetsplan-2025-y-abcdef12"
    ind = {
        "uid": f"{duid}/goal:1/indicator:t1",
        "name": "Andel nöjda",
        "source": "Kolada",
        "unit": "%",
        "direction": "increase",
        "values": [
            {
                "label": "Utfall 2024",
                "kind": "outcome",
                "year": 2024,
                "group": "total",
                "raw": "41,5",
                "value": 41.5,
            },
            {
                "label": "Mål 2025",
                "kind": "target",
                "year": 2025,
                "group": None,
                "raw": "50",
                "value": 50,
            },
        ],
        "provenance": _prov(),
    }
    act = {
        "uid": f"{duid}/activity:1.1.1",
        "number": "1.1.1",
        "title": "Aktivitet",
        "parties": ["A", "B"],
        "follow_up": [],
        "status": {"value": "in_progress", "raw": "Pågående", "confidence": 0.9},
        "start_date": "2025-01-01",
        "indicators": [],
        "provenance": _prov(2),
    }
    child = {
        "uid": f"{duid}/goal:1.1",
        "number": "1.1",
        "level": "sub_goal",
        "title": "Delmål",
        "indicators": [],
        "activities": [act],
        "children": [],
        "provenance": _prov(2),
    }
    goal = {
        "uid": f"{duid}/goal:1",
        "number": "1",
        "level": "goal",
        "title": "Mål ett",
        "assessment": {"value": "fulfilled", "raw": "Uppfyllt", "confidence": 1.0},
        "indicators": [ind],
        "activities": [],
        "children": [child],
        "provenance": _prov(),
    }
    return {
        "schema_version": "1.0",
        "uid": duid,
        "source": {
            "file": "plan.pdf",
            "sha256": "0" * 64,
            "page_count": 3,
            "text_layer": "native",
            "ocr_engine": None,
            "parser": "test",
            "parser_version": "1",
            "layout_confidence": 0.9,
        },
        "municipality": {"name": "Robertsfors kommun", "code": "2409"},
        "document_type": "verksamhetsplan",
        "title": "Verksamhetsplan 2025",
        "year": 2025,
        "period": {"kind": "year", "number": None},
        "metadata": {"diarienummer": "KS 2025/1"},
        "goals": [goal],
        "budget": [
            {
                "uid": f"{duid}/budget:t1",
                "name": "Intäkter",
                "values": [
                    {
                        "label": "Budget 2025",
                        "year": 2025,
                        "kind": "budget",
                        "amount": 1300,
                        "unit": "tkr",
                    }
                ],
                "provenance": _prov(3),
            },
            {"uid": f"{duid}/budget:t2", "name": "Tom rad", "values": [], "provenance": _prov(3)},
        ],
        "investments": [],
        "controls": [
            {
                "uid": f"{duid}/control:t1",
                "process": "Attest",
                "risk_value": 6,
                "method": "Stickprov",
                "provenance": _prov(3),
            }
        ],
        "risks": [
            {
                "uid": f"{duid}/risk:t1",
                "area": "IT",
                "consequence": 3,
                "probability": 2,
                "score": 6,
                "provenance": _prov(3),
            }
        ],
        "warnings": [],
    }


def test_linkage_and_update_in_place(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    doc = _doc()
    (folder / "plan.json").write_text(dumps(doc), encoding="utf-8")
    (folder / "manifest.jsonl").write_text("{}\n", encoding="utf-8")
    db = tmp_path / "db.sqlite"
    report = export(folder, "sqlite", db)
    assert report.documents == 1
    assert db_counts(db) == expected_counts([doc])
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    try:
        goals = {r["uid"]: dict(r) for r in con.execute("SELECT * FROM goals ORDER BY position")}
        duid = doc["uid"]
        assert goals[f"{duid}/goal:1.1"]["parent_uid"] == f"{duid}/goal:1"
        assert goals[f"{duid}/goal:1.1"]["depth"] == 1
        assert goals[f"{duid}/goal:1"]["assessment"] == "fulfilled"
        (act,) = con.execute("SELECT * FROM activities").fetchall()
        assert act["goal_uid"] == f"{duid}/goal:1.1"
        assert json.loads(act["parties"]) == ["A", "B"]
        assert act["status"] == "in_progress"
        (ind,) = con.execute("SELECT * FROM indicators").fetchall()
        assert (ind["owner_uid"], ind["owner_kind"]) == (f"{duid}/goal:1", "goal")
        vals = con.execute("SELECT * FROM indicator_values ORDER BY position").fetchall()
        assert [(v["position"], v["value"], v["value_group"]) for v in vals] == [
            (0, 41.5, "total"),
            (1, 50, None),
        ]
        assert vals[0]["uid"] == f"{ind['uid']}#0"
        budget = con.execute("SELECT * FROM budget_lines ORDER BY uid").fetchall()
        assert [(b["name"], b["value_position"], b["amount"]) for b in budget] == [
            ("Intäkter", 0, 1300),
            ("Tom rad", None, None),
        ]
    finally:
        con.close()

    # change the document: a title edited, the sub-goal (and its activity) removed
    changed = copy.deepcopy(doc)
    changed["goals"][0]["title"] = "Mål ett (reviderat)"
    changed["goals"][0]["children"] = []
    (folder / "plan.json").write_text(dumps(changed), encoding="utf-8")
    export(folder, "sqlite", db)
    assert db_counts(db) == expected_counts([changed])
    with sqlite3.connect(db) as con2:
        titles = [r[0] for r in con2.execute("SELECT title FROM goals")]
    assert titles == ["Mål ett (reviderat)"]


def test_documents_with_the_same_uid_export_once(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    doc = _doc()
    (folder / "a.json").write_text(dumps(doc), encoding="utf-8")
    (folder / "b.json").write_text(dumps(doc), encoding="utf-8")
    (folder / "not-planparse.json").write_text('{"hello": 1}', encoding="utf-8")
    report = export(folder, "sqlite", tmp_path / "d.sqlite")
    assert report.documents == 1
    assert report.warnings and "b.json" in report.warnings[0]
    assert report.skipped == ["not-planparse.json"]
    assert db_counts(tmp_path / "d.sqlite") == expected_counts([doc])


def test_export_empty_folder_exits_1_and_describe(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["export", str(tmp_path)])
    assert res.exit_code == 1
    res = runner.invoke(main, ["export", "--describe"])
    assert res.exit_code == 0
    for t in TABLES:
        assert f"### `{t}`" in res.output
    assert res.output.strip() == TABLES_DOC.strip()
    assert runner.invoke(main, ["export", str(tmp_path), "--to", "xml"]).exit_code == 2


def _doc_1_2() -> dict[str, Any]:
    """The hand-made document with 1.2 keys: a budget line in a section, an investment sum row
    with a labelled "Total utgift" amount."""
    doc = _doc()
    duid = doc["uid"]
    doc["schema_version"] = "1.2"
    doc["budget"][0]["section"] = "Kultur"
    doc["investments"] = [{
        "uid": f"{duid}/investment:t1",
        "name": "Summa exploatering",
        "amounts": [
            {"year": 2027, "amount": 8.0, "unit": "mnkr", "label": "2027", "kind": "budget"},
            {"year": None, "amount": 46.0, "unit": "mnkr", "label": "Total utgift", "kind": "budget"},
        ],
        "is_sum": True,
        "section": "Exploatering",
        "provenance": _prov(3),
    }]
    return doc


def test_1_2_keys_are_columns_and_an_older_database_gets_them(tmp_path: Path) -> None:
    """budget_lines.section and investments.is_sum / section / label / kind are exported; a
    SQLite database whose tables were made before 1.2 gets the columns on the next export."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "plan.json").write_text(dumps(_doc_1_2()), encoding="utf-8")
    db = tmp_path / "old.sqlite"
    con = sqlite3.connect(db)
    for name, (_m, columns) in TABLES.items():  # the tables as 1.1 made them
        old = [f"{c} {t} PRIMARY KEY" if c == "uid" else f"{c} {t}" for c, t, _d in columns
               if (name, c) not in ADDED_COLUMNS]
        con.execute(f"CREATE TABLE {name} ({', '.join(old)})")
    con.commit()
    con.close()
    export(folder, "sqlite", db)
    con = sqlite3.connect(db)
    assert con.execute("SELECT name, section FROM budget_lines ORDER BY uid").fetchall() == [
        ("Intäkter", "Kultur"), ("Tom rad", None)]
    rows = con.execute(
        "SELECT is_sum, section, label, kind, year, amount FROM investments ORDER BY amount_position").fetchall()
    assert rows == [(1, "Exploatering", "2027", "budget", 2027, 8.0), (1, "Exploatering", "Total utgift", "budget", None, 46.0)]
    con.close()
