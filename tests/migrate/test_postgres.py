"""planparse export --to postgres, against a real PostgreSQL server (fixture ``pg_server``).

Expected row counts are computed straight from the JSON (tests.test_export.expected_counts),
not by the exporter; the references and column types checked here are written out by hand.
"""

from __future__ import annotations

import json
import re
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
import pytest
from click.testing import CliRunner, Result

from planparse.cli import main
from planparse.export import TABLES
from planparse.migrate.postgres import redact_dsn
from tests.migrate.conftest import PgServer
from tests.test_export import expected_counts, load_docs

# (table, column, referenced table), written out by hand from the README's table links
REFERENCES = [
    ("goals", "document_uid", "documents"),
    ("goals", "parent_uid", "goals"),
    ("activities", "document_uid", "documents"),
    ("activities", "goal_uid", "goals"),
    ("indicators", "document_uid", "documents"),
    ("indicator_values", "document_uid", "documents"),
    ("indicator_values", "indicator_uid", "indicators"),
    ("budget_lines", "document_uid", "documents"),
    ("investments", "document_uid", "documents"),
    ("controls", "document_uid", "documents"),
    ("risks", "document_uid", "documents"),
]


def export_pg(outdir: Path, dsn: str, *extra: str) -> Result:
    return CliRunner().invoke(
        main, ["export", str(outdir), "--to", "postgres", "--dsn", dsn, *extra]
    )


def counts(dsn: str) -> dict[str, int]:
    with psycopg.connect(dsn) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
            for t in TABLES
        }


def table_names(dsn: str) -> list[str]:
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
    return [r[0] for r in rows]


def contents(dsn: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ordered by uid."""
    with psycopg.connect(dsn) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY uid").fetchall() for t in TABLES}


# --------------------------------------------------------------------------- done-when


def test_export_twice_gives_same_rows_and_same_dump(
    pg_server: PgServer, pg_db: str, outdir: Path
) -> None:
    dsn = pg_server.dsn(pg_db)
    expected = expected_counts(load_docs(outdir))
    assert expected["documents"] >= 11 and expected["goals"] > 50 and expected["budget_lines"] > 0

    t0 = time.monotonic()
    first = export_pg(outdir, dsn)
    seconds = time.monotonic() - t0
    assert first.exit_code == 0, first.output
    # the OCR'd 001 and its born-digital twin share a uid: one is kept, with a warning
    assert "have the same document uid" in first.output
    counts1 = counts(dsn)
    dump1 = pg_server.pg_dump(pg_db)

    second = export_pg(outdir, dsn)
    assert second.exit_code == 0, second.output
    counts2 = counts(dsn)
    dump2 = pg_server.pg_dump(pg_db)

    assert counts1 == expected
    assert counts2 == counts1
    assert "CREATE TABLE public.goals" in dump1 and "COPY public.goals" in dump1
    assert dump2 == dump1
    print(
        f"\nexport of {counts1['documents']} documents, {sum(counts1.values())} rows: {seconds:.2f} s"
    )


def test_schema_types_keys_and_references(pg_server: PgServer, pg_db: str, outdir: Path) -> None:
    dsn = pg_server.dsn(pg_db)
    assert export_pg(outdir, dsn).exit_code == 0
    with psycopg.connect(dsn) as conn:
        types = dict(
            ((t, c), d)
            for t, c, d in conn.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'public'"
            ).fetchall()
        )
        assert types[("documents", "metadata")] == "jsonb"
        assert types[("documents", "warnings")] == "jsonb"
        assert types[("activities", "parties")] == "jsonb"
        assert types[("goals", "bbox")] == "jsonb"
        assert types[("budget_lines", "amount")] == "numeric"
        assert types[("investments", "amount")] == "numeric"
        assert types[("indicator_values", "value")] == "numeric"
        assert types[("activities", "end_date")] == "date"
        assert types[("goals", "depth")] == "integer"

        pkeys = conn.execute(
            "SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey) "
            "WHERE c.contype = 'p' AND c.connamespace = 'public'::regnamespace"
        ).fetchall()
        assert sorted(pkeys) == sorted((t, "uid") for t in TABLES)

        fkeys = {
            (t, col, ref): (deferrable, deferred)
            for t, col, ref, deferrable, deferred in conn.execute(
                "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, "
                "c.condeferrable, c.condeferred FROM pg_constraint c "
                "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey) "
                "WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace"
            ).fetchall()
        }
        assert set(fkeys) == set(REFERENCES)
        assert fkeys[("goals", "parent_uid", "goals")] == (True, True)
        assert fkeys[("activities", "goal_uid", "goals")] == (False, False)

        # the references hold for every row
        for table, column, ref in REFERENCES:
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} t LEFT JOIN {ref} r ON r.uid = t.{column} "
                f"WHERE t.{column} IS NOT NULL AND r.uid IS NULL"
            ).fetchone()
            assert orphans == (0,), (table, column)
        nested = conn.execute("SELECT count(*) FROM goals WHERE parent_uid IS NOT NULL")
        assert nested.fetchone()[0] > 0  # type: ignore[index]

        # and they are enforced: an activity of a goal that does not exist is refused
        doc = conn.execute("SELECT uid FROM documents LIMIT 1").fetchone()[0]  # type: ignore[index]
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute(
                "INSERT INTO activities (uid, document_uid, goal_uid, title) "
                "VALUES ('x', %s, 'no such goal', 'x')",
                (doc,),
            )
        conn.rollback()
        # the goals' self-reference is checked at commit, not per statement
        inserted = False
        with pytest.raises(psycopg.errors.ForeignKeyViolation), conn.transaction():
            conn.execute(
                "INSERT INTO goals (uid, document_uid, parent_uid, title) "
                "VALUES ('child', %s, 'parent', 'c')",
                (doc,),
            )
            inserted = True  # the statement passed: the check waits for the commit
        assert inserted
        with conn.transaction():  # the parent comes later in the same transaction: accepted
            conn.execute(
                "INSERT INTO goals (uid, document_uid, parent_uid, title) "
                "VALUES ('child', %s, 'parent', 'c')",
                (doc,),
            )
            conn.execute(
                "INSERT INTO goals (uid, document_uid, title) VALUES ('parent', %s, 'p')", (doc,)
            )


def test_values_arrive_exactly(pg_server: PgServer, pg_db: str, outdir: Path) -> None:
    dsn = pg_server.dsn(pg_db)
    assert export_pg(outdir, dsn).exit_code == 0
    docs = load_docs(outdir)
    amounts = [
        Decimal(str(v["amount"]))
        for d in docs
        for line in d["budget"]
        for v in line["values"]
        if v.get("amount") is not None
    ]
    assert amounts and any(a != a.to_integral_value() for a in amounts + [Decimal("0.5")])
    with psycopg.connect(dsn) as conn:
        stored = conn.execute("SELECT amount FROM budget_lines WHERE amount IS NOT NULL")
        assert sorted(r[0] for r in stored.fetchall()) == sorted(amounts)
        robertsfors = next(d for d in docs if d["municipality"]["code"] == "2409")
        row = conn.execute(
            "SELECT metadata, municipality_code, year FROM documents WHERE uid = %s",
            (robertsfors["uid"],),
        ).fetchone()
        assert row is not None
        assert row[0] == robertsfors["metadata"]  # jsonb comes back as the same object
        assert row[1:] == ("2409", 2025)
        bbox = conn.execute(
            "SELECT bbox FROM goals WHERE uid = %s", (robertsfors["goals"][0]["uid"],)
        )
        assert bbox.fetchone()[0] == robertsfors["goals"][0]["provenance"]["bbox"]  # type: ignore[index]


def test_reexport_replaces_a_changed_document(
    pg_server: PgServer, pg_db: str, outdir: Path
) -> None:
    """After a change, the stored rows equal those of a fresh export of the changed folder."""
    dsn = pg_server.dsn(pg_db)
    assert export_pg(outdir, dsn).exit_code == 0
    path = outdir / "kramfors-klf-verksamhetsplan-2025.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    goal = doc["goals"][0]
    while not goal["activities"]:
        goal = goal["children"][0]
    removed = goal["activities"].pop()
    goal["title"] = "Ny titel"
    doc["budget"][0]["values"][0]["amount"] = 1234.5
    removed_line = doc["budget"].pop()
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    assert export_pg(outdir, dsn).exit_code == 0
    assert counts(dsn) == expected_counts(load_docs(outdir))
    with psycopg.connect(dsn) as conn:
        title = conn.execute("SELECT title FROM goals WHERE uid = %s", (goal["uid"],))
        assert title.fetchone() == ("Ny titel",)
        gone = conn.execute("SELECT count(*) FROM activities WHERE uid = %s", (removed["uid"],))
        assert gone.fetchone() == (0,)
        gone = conn.execute(
            "SELECT count(*) FROM budget_lines WHERE line_uid = %s", (removed_line["uid"],)
        )
        assert gone.fetchone() == (0,)
        amount = conn.execute(
            "SELECT amount FROM budget_lines WHERE line_uid = %s AND value_position = 0",
            (doc["budget"][0]["uid"],),
        )
        assert amount.fetchone() == (Decimal("1234.5"),)

    with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{pg_db}_fresh"')
        conn.execute(f'CREATE DATABASE "{pg_db}_fresh"')
    try:
        assert export_pg(outdir, pg_server.dsn(f"{pg_db}_fresh")).exit_code == 0
        assert contents(dsn) == contents(pg_server.dsn(f"{pg_db}_fresh"))
    finally:
        with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{pg_db}_fresh" WITH (FORCE)')


def test_prune_removes_documents_whose_json_is_gone(
    pg_server: PgServer, pg_db: str, outdir: Path
) -> None:
    dsn = pg_server.dsn(pg_db)
    assert export_pg(outdir, dsn).exit_code == 0
    before = counts(dsn)
    gone = outdir / "kramfors-klf-verksamhetsplan-2025.json"
    gone_uid = json.loads(gone.read_text(encoding="utf-8"))["uid"]
    gone.unlink()

    # without --prune the document stays
    assert export_pg(outdir, dsn).exit_code == 0
    assert counts(dsn) == before

    res = export_pg(outdir, dsn, "--prune")
    assert res.exit_code == 0, res.output
    assert f"pruned 1 documents: {gone_uid}" in res.output
    assert counts(dsn) == expected_counts(load_docs(outdir))
    assert counts(dsn)["budget_lines"] < before["budget_lines"]  # Kramfors had a budget
    with psycopg.connect(dsn) as conn:
        for table in TABLES:
            key = "uid" if table == "documents" else "document_uid"
            left = conn.execute(f"SELECT count(*) FROM {table} WHERE {key} = %s", (gone_uid,))
            assert left.fetchone() == (0,), table

    # a folder without any planparse JSON prunes nothing (a wrong folder must not empty the db)
    empty = outdir.parent / "empty"
    empty.mkdir()
    res = export_pg(empty, dsn, "--prune")
    assert res.exit_code == 1
    assert "nothing pruned" in res.output
    assert counts(dsn) == expected_counts(load_docs(outdir))


# --------------------------------------------------------------------------- bad input


def test_invalid_json_is_skipped_with_its_reason(
    pg_server: PgServer, pg_db: str, outdir: Path
) -> None:
    dsn = pg_server.dsn(pg_db)
    path = outdir / "orebro-plan-budget-2018.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["goals"][0]["level"] = "bogus"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    res = export_pg(outdir, dsn)
    assert res.exit_code == 1  # some files failed
    assert (
        "invalid, skipped: orebro-plan-budget-2018.json: $.goals[0].level: 'bogus' is not one of"
        in res.output
    )
    path.unlink()  # what should have been loaded: everything else
    assert counts(dsn) == expected_counts(load_docs(outdir))


def test_a_document_the_database_refuses_is_rolled_back_whole(
    pg_server: PgServer, pg_db: str, outdir: Path
) -> None:
    """A copy of a document under another document uid keeps its item uids, which another
    document holds: the database refuses it; none of its rows stay, the others load."""
    dsn = pg_server.dsn(pg_db)
    doc = json.loads((outdir / "lulea-plan-budget-2019.json").read_text(encoding="utf-8"))
    doc["uid"] = "2580-plan_och_budget-2019-y-ffffffff"  # documents load in uid order: after
    (outdir / "copy.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    res = export_pg(outdir, dsn)
    assert res.exit_code == 1, res.output
    assert re.search(
        r"refused by the database, skipped: copy\.json: goals uid 2580-\S+/goal:\S+ already "
        r"belongs to document 2580-plan_och_budget-2019-y-095950d4",
        res.output,
    )
    with psycopg.connect(dsn) as conn:
        for table in TABLES:
            key = "uid" if table == "documents" else "document_uid"
            n = conn.execute(f"SELECT count(*) FROM {table} WHERE {key} = %s", (doc["uid"],))
            assert n.fetchone() == (0,), table
    (outdir / "copy.json").unlink()
    assert counts(dsn) == expected_counts(load_docs(outdir))


@pytest.mark.parametrize(
    "make_dsn, reason",
    [
        # no such database on a running server
        (lambda s: f"postgresql://postgres:s3cret@/no_such_db?host={s.socket_dir}", "no_such_db"),
        # nothing listens on that socket directory
        (
            lambda s: f"postgresql://postgres:s3cret@/postgres?host={s.socket_dir}/nowhere",
            "No such file",
        ),
        # nothing listens on that TCP port
        (lambda s: "postgresql://postgres:s3cret@127.0.0.1:1/postgres", "refused"),
        # not a DSN at all
        (lambda s: "postgresql://postgres:s3cret@/db?nosuchoption=1", "invalid DSN"),
    ],
)
def test_wrong_dsn_gives_a_clear_error_and_writes_nothing(
    pg_server: PgServer, pg_db: str, outdir: Path, make_dsn: Any, reason: str
) -> None:
    dsn = make_dsn(pg_server)
    res = export_pg(outdir, dsn)
    assert res.exit_code == 1
    assert res.output.startswith("planparse: ")
    assert redact_dsn(dsn) in res.output and "s3cret" not in res.output
    assert reason in res.output
    assert "Traceback" not in res.output
    assert table_names(pg_server.dsn(pg_db)) == []
    assert table_names(pg_server.dsn()) == []


def test_a_table_of_an_older_planparse_gains_the_new_columns(
    pg_server: PgServer, pg_db: str, outdir: Path
) -> None:
    dsn = pg_server.dsn(pg_db)
    assert export_pg(outdir, dsn).exit_code == 0
    with psycopg.connect(dsn) as conn:
        conn.execute("ALTER TABLE goals DROP COLUMN comment")
        conn.execute("ALTER TABLE activities DROP COLUMN status_confidence")
    res = export_pg(outdir, dsn)
    assert res.exit_code == 0, res.output
    assert counts(dsn) == expected_counts(load_docs(outdir))
    with psycopg.connect(dsn) as conn:
        filled = conn.execute("SELECT count(*) FROM activities WHERE status_confidence > 0")
        assert filled.fetchone()[0] > 0  # type: ignore[index]


def test_a_table_of_another_program_is_not_touched(
    pg_server: PgServer, pg_db: str, outdir: Path
) -> None:
    dsn = pg_server.dsn(pg_db)
    with psycopg.connect(dsn) as conn:
        conn.execute("CREATE TABLE documents (id serial PRIMARY KEY, name text)")
        conn.execute("INSERT INTO documents (name) VALUES ('avtal.pdf')")
    res = export_pg(outdir, dsn)
    assert res.exit_code == 1
    assert "a table documents without the column(s) sha256, uid is in the way" in res.output
    assert table_names(dsn) == ["documents"]  # nothing else was created
    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT id, name FROM documents").fetchall() == [(1, "avtal.pdf")]


def test_a_user_who_may_not_create_tables_gets_a_clear_error(
    pg_server: PgServer, pg_db: str, outdir: Path
) -> None:
    with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS reader")
        conn.execute("CREATE ROLE reader LOGIN")
    try:
        dsn = f"postgresql://reader@/{pg_db}?host={pg_server.socket_dir}"
        res = export_pg(outdir, dsn)
        assert res.exit_code == 1
        assert res.output == (
            f"planparse: cannot create the tables in {dsn}: permission denied for schema public\n"
        )
        assert table_names(pg_server.dsn(pg_db)) == []
    finally:
        with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:
            conn.execute("DROP ROLE reader")


def test_redact_dsn() -> None:
    assert redact_dsn("postgresql://ann:pw@db.example:5432/plans") == (
        "postgresql://ann@db.example:5432/plans"
    )
    assert redact_dsn("postgresql://ann@/plans?host=/tmp&password=pw&sslmode=off") == (
        "postgresql://ann@/plans?host=/tmp&sslmode=off"
    )
    assert redact_dsn("postgresql:///plans?password=pw") == "postgresql:///plans"
    assert redact_dsn("host=/tmp password='p w' dbname=plans") == "host=/tmp dbname=plans"
    assert redact_dsn("host=/tmp dbname=plans") == "host=/tmp dbname=plans"


def test_usage_errors(outdir: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(
        main, ["export", str(outdir), "--to", "postgres"], env={"PLANPARSE_DSN": ""}
    )
    assert res.exit_code == 2 and "--dsn" in res.output
    res = runner.invoke(main, ["export", str(outdir), "--to", "sqlite", "--prune"])
    assert res.exit_code == 2
