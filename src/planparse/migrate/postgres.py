"""Seed PostgreSQL from a folder of planparse JSON (``planparse export OUTDIR --to postgres``).

The tables, columns, references and logical types all come from the one table definition in
:mod:`planparse.export` (``TABLES``, ``FOREIGN_KEYS``, :func:`~planparse.export.column_kind`):

* ``uid`` is every table's primary key; ``document_uid`` is ``NOT NULL`` and references
  ``documents``; ``goals.parent_uid``, ``activities.goal_uid`` and
  ``indicator_values.indicator_uid`` reference their parents. The goals' self-reference is
  ``DEFERRABLE INITIALLY DEFERRED``, so a goal tree can be written in any order inside a
  transaction. ``indicators.owner_uid`` names a goal *or* an activity and has no reference.
* Lists and objects (``bbox``, ``parties``, ``follow_up``, ``metadata``, ``warnings``) are
  ``jsonb``; amounts and indicator values are ``numeric`` (sent as exact decimals, never
  through binary floats); confidences are ``double precision``; activity dates are ``date``.
* Every document is replaced in its own transaction, so a crash leaves each document either
  as it was or as it is now, never half-written, and a re-run gives the same rows. The end
  state is that of deleting the document's rows and inserting them again; the writes are
  ``INSERT … ON CONFLICT (uid) DO UPDATE … WHERE`` *the row differs* (parents first), then a
  ``DELETE`` of the document's rows that are no longer in its JSON (children first). A
  literal delete-and-insert would rewrite every row on every run: dead tuples, WAL, and a
  different row order on disk each time (PostgreSQL reuses freed space), so two exports of
  the same folder would not give the same ``pg_dump``. This way a re-run of unchanged JSON
  writes nothing, and the dump stays byte-identical. A document the database refuses (an
  item uid that another document holds, a value out of range) is rolled back and reported;
  the rest are loaded. ``prune=True`` then deletes, in one transaction, the documents whose
  JSON is no longer in the folder. A JSON file that fails the contract's JSON Schema is
  skipped with its reason. A session advisory lock keeps two exports into one database from
  interleaving. A table made by an older planparse gets the columns added since (``ALTER
  TABLE … ADD COLUMN``: the table definition only grows).

Why psycopg 3, and why without SQLAlchemy Core: the nine tables are generated from
``export.TABLES`` into a few short statements (``CREATE TABLE IF NOT EXISTS``, ``DELETE``,
``INSERT``) that are PostgreSQL-specific on purpose (``jsonb``, deferrable constraints,
advisory locks). SQLAlchemy would add a second description of the same tables (a ``MetaData``
built from ``TABLES``), a large dependency and its own connection handling, and buy nothing
here: there are no queries to compose and no other database to target (SQLite is written
with the stdlib). psycopg 3 is the maintained PostgreSQL driver: server-side parameter
binding (values never pasted into SQL), ``executemany`` that pipelines the inserts of a
document in one round trip, ``Decimal`` to ``numeric`` without loss, and typed exceptions that
tell a refused document (``IntegrityError``/``DataError``) from a lost connection. It is an
optional dependency: ``pip install 'planparse[postgres]'`` (``psycopg[binary]``, which ships
libpq, so no PostgreSQL client needs to be installed).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from planparse.export import (
    ADDED_COLUMNS,
    FOREIGN_KEYS,
    TABLES,
    ExportReport,
    column_kind,
    iter_rows,
)

if TYPE_CHECKING:
    import psycopg

PG_TYPES: dict[str, str] = {
    "text": "text",
    "integer": "integer",
    "real": "double precision",
    "numeric": "numeric",
    "date": "date",
    "array": "jsonb",
    "object": "jsonb",
}
"""Logical column type (:func:`planparse.export.column_kind`) -> PostgreSQL type."""

LOCK_KEY = 0x706C616E70617273  # "planpars": the advisory lock held during an export

CONNECT_TIMEOUT = 10  # seconds, unless the DSN says otherwise


class PostgresExportError(Exception):
    """The database cannot be reached or refuses the schema; names the DSN, never a password."""


@dataclass
class PostgresReport(ExportReport):
    pruned: list[str] = field(default_factory=list)  # uids of pruned documents
    refused: list[str] = field(default_factory=list)  # "file: reason" for refused documents


# --------------------------------------------------------------------------- DSN


_URL_PASSWORD = re.compile(r"^([a-z]+://[^:/@?#]*):[^@/?#]*@", re.IGNORECASE)
_QUERY_PASSWORD = re.compile(r"([?&])password=[^&]*&?", re.IGNORECASE)
_KV_PASSWORD = re.compile(r"\bpassword\s*=\s*(?:'(?:[^'\\]|\\.)*'|\S+)\s*", re.IGNORECASE)


def redact_dsn(dsn: str) -> str:
    """The DSN with any password removed (URL user info, ``?password=`` or ``password=``)."""
    if "://" in dsn:
        out = _URL_PASSWORD.sub(r"\1@", dsn)
        out = _QUERY_PASSWORD.sub(r"\1", out)
        return out.rstrip("?&")
    return _KV_PASSWORD.sub("", dsn).strip()


def _import_psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise PostgresExportError(
            "--to postgres needs psycopg 3: pip install 'planparse[postgres]'"
        ) from exc
    return psycopg


def connect(dsn: str) -> psycopg.Connection[Any]:
    """Open a connection, or raise :class:`PostgresExportError` naming the redacted DSN."""
    psycopg = _import_psycopg()
    shown = redact_dsn(dsn)
    try:
        params = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.Error as exc:
        raise PostgresExportError(f"invalid DSN {shown}: {_first_line(exc)}") from None
    extra: dict[str, Any] = {}
    if "application_name" not in params:
        extra["application_name"] = "planparse export"
    if "connect_timeout" not in params and "PGCONNECT_TIMEOUT" not in os.environ:
        extra["connect_timeout"] = CONNECT_TIMEOUT
    try:
        return psycopg.connect(dsn, autocommit=False, **extra)  # type: ignore[no-any-return]
    except psycopg.Error as exc:
        raise PostgresExportError(f"cannot connect to {shown}: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    """The server's own message (and detail) for a server error; else the first two lines."""
    diag = getattr(exc, "diag", None)
    primary = getattr(diag, "message_primary", None)
    if primary:
        detail = getattr(diag, "message_detail", None)
        return f"{primary}; {detail}" if detail else str(primary)
    text = str(exc).strip() or type(exc).__name__
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return "; ".join(lines[:2])


# --------------------------------------------------------------------------- DDL


def _column_sql(table: str, column: str) -> str:
    typ = PG_TYPES[column_kind(table, column)]
    if column == "uid":
        return f"{column} {typ} PRIMARY KEY"
    if column == "document_uid":
        return f"{column} {typ} NOT NULL"
    return f"{column} {typ}"


def create_statements() -> list[str]:
    """CREATE TABLE IF NOT EXISTS for every table, parents first."""
    out: list[str] = []
    for name, (_meaning, columns) in TABLES.items():
        parts = [_column_sql(name, col) for col, _t, _d in columns]
        for fk in FOREIGN_KEYS[name]:
            deferred = " DEFERRABLE INITIALLY DEFERRED" if fk.deferred else ""
            parts.append(
                f"CONSTRAINT {name}_{fk.column}_fkey FOREIGN KEY ({fk.column}) "
                f"REFERENCES {fk.ref_table} (uid){deferred}"
            )
        body = ",\n  ".join(parts)
        out.append(f"CREATE TABLE IF NOT EXISTS {name} (\n  {body}\n)")
    for name, col in ADDED_COLUMNS:  # a database made before these columns existed
        out.append(f"ALTER TABLE {name} ADD COLUMN IF NOT EXISTS {_column_sql(name, col)}")
    return out


def index_and_comment_statements() -> list[str]:
    """CREATE INDEX IF NOT EXISTS for the reference columns; COMMENT ON every table and column."""
    out: list[str] = []
    for name, (meaning, columns) in TABLES.items():
        refs = {fk.column for fk in FOREIGN_KEYS[name]} | {"owner_uid"}
        for col, _t, _d in columns:
            if col in refs:
                out.append(f"CREATE INDEX IF NOT EXISTS {name}_{col}_idx ON {name} ({col})")
        out.append(f"COMMENT ON TABLE {name} IS {_literal(meaning)}")
        for col, _t, doc in columns:
            if doc:
                out.append(f"COMMENT ON COLUMN {name}.{col} IS {_literal(doc)}")
    return out


def ddl() -> list[str]:
    """Every statement that sets up the tables in an empty database, in order."""
    return create_statements() + index_and_comment_statements()


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _upsert_sql(name: str) -> str:
    """INSERT a row, or UPDATE the row of the same uid *of the same document* if it differs."""
    columns = [c[0] for c in TABLES[name][1]]
    casts = {"array": "::jsonb", "object": "::jsonb", "date": "::date"}
    values = ", ".join("%s" + casts.get(column_kind(name, c), "") for c in columns)
    others = [c for c in columns if c != "uid"]
    sets = ", ".join(f"{c} = excluded.{c}" for c in others)
    old = ", ".join(f"{name}.{c}" for c in others)
    new = ", ".join(f"excluded.{c}" for c in others)
    same_doc = f"{name}.document_uid = excluded.document_uid AND " if name != "documents" else ""
    return (
        f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({values}) "
        f"ON CONFLICT (uid) DO UPDATE SET {sets} "
        f"WHERE {same_doc}({old}) IS DISTINCT FROM ({new})"
    )


def _params(name: str, row: dict[str, Any]) -> tuple[Any, ...]:
    out = []
    for col, value in row.items():
        if isinstance(value, float) and column_kind(name, col) == "numeric":
            value = Decimal(repr(value))  # the shortest decimal that round-trips the JSON number
        out.append(value)
    return tuple(out)


def _add_missing_columns(conn: psycopg.Connection[Any]) -> None:
    """Give tables made by an older planparse the columns added since (the definition only
    grows); refuse a same-named table that another program made."""
    rows = conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ANY(%s)",
        (list(TABLES),),
    ).fetchall()
    have: dict[str, set[str]] = {}
    for table, column in rows:
        have.setdefault(table, set()).add(column)
    for name, (_m, columns) in TABLES.items():
        if name not in have:
            continue  # created next
        core = {"uid", "sha256"} if name == "documents" else {"uid", "document_uid"}
        if not core <= have[name]:
            raise PostgresExportError(
                f"a table {name} without the column(s) {', '.join(sorted(core))} is in the way: "
                "another program made it; export into another database or schema"
            )
        for col, _t, _d in columns:
            if col not in have[name]:
                conn.execute(f"ALTER TABLE {name} ADD COLUMN {_column_sql(name, col)}")


# --------------------------------------------------------------------------- export


class _Refused(Exception):
    """A document that cannot be written as it is; rolled back and reported."""


def _delete_document(cur: psycopg.Cursor[Any], uid: str) -> None:
    for name in reversed(list(TABLES)):  # children first
        key = "uid" if name == "documents" else "document_uid"
        cur.execute(f"DELETE FROM {name} WHERE {key} = %s", (uid,))


def _replace_document(
    cur: psycopg.Cursor[Any], uid: str, rows: dict[str, list[dict[str, Any]]]
) -> None:
    """Make the stored rows of document ``uid`` equal to ``rows`` (inside a transaction)."""
    for name, table_rows in rows.items():
        if name == "documents" or not table_rows:
            continue
        taken = cur.execute(
            f"SELECT uid, document_uid FROM {name} WHERE uid = ANY(%s) AND document_uid <> %s "
            "ORDER BY uid LIMIT 1",
            ([r["uid"] for r in table_rows], uid),
        ).fetchone()
        if taken is not None:
            raise _Refused(f"{name} uid {taken[0]} already belongs to document {taken[1]}")
    for name, table_rows in rows.items():  # parents first
        if table_rows:
            cur.executemany(_upsert_sql(name), [_params(name, r) for r in table_rows])
    for name in reversed(list(rows)):  # children first
        if name != "documents":
            cur.execute(
                f"DELETE FROM {name} WHERE document_uid = %s AND NOT (uid = ANY(%s))",
                (uid, [r["uid"] for r in rows[name]]),
            )


def export_postgres(
    outdir: str | os.PathLike[str], dsn: str, *, prune: bool = False
) -> PostgresReport:
    """Write every valid document of ``outdir`` into the database at ``dsn``.

    Raises :class:`PostgresExportError` when the database cannot be reached, refuses the
    schema, or the connection is lost (documents committed before that stay whole).
    """
    psycopg = _import_psycopg()
    shown = redact_dsn(dsn)
    report = PostgresReport(destination=shown)
    conn = connect(dsn)
    try:
        try:
            conn.execute("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
            conn.commit()
            with conn.transaction():
                _add_missing_columns(conn)
                for stmt in create_statements():
                    conn.execute(stmt)
                for stmt in index_and_comment_statements():
                    conn.execute(stmt)
        except psycopg.Error as exc:
            raise PostgresExportError(
                f"cannot create the tables in {shown}: {_first_line(exc)}"
            ) from None
        for uid, rows in iter_rows(outdir, report, validate=True):
            json_file = rows["documents"][0]["json_file"]
            try:
                with conn.transaction(), conn.cursor() as cur:
                    _replace_document(cur, uid, rows)
            except (_Refused, psycopg.IntegrityError, psycopg.DataError) as exc:
                report.refused.append(f"{json_file}: {_first_line(exc)}")
                report.documents -= 1
                for name, table_rows in rows.items():
                    report.rows[name] -= len(table_rows)
            except psycopg.Error as exc:
                raise PostgresExportError(
                    f"export to {shown} stopped at {json_file}: {_first_line(exc)}"
                ) from None
        if prune:
            if not report.seen_uids:
                report.warnings.append(
                    f"no planparse JSON in {outdir}: nothing pruned (is it the right folder?)"
                )
            else:
                try:
                    with conn.transaction(), conn.cursor() as cur:
                        stored = [
                            r[0] for r in cur.execute("SELECT uid FROM documents ORDER BY uid")
                        ]
                        for uid in stored:
                            if uid not in report.seen_uids:
                                _delete_document(cur, uid)
                                report.pruned.append(uid)
                except psycopg.Error as exc:
                    report.pruned.clear()
                    raise PostgresExportError(
                        f"pruning in {shown} failed: {_first_line(exc)}"
                    ) from None
    finally:
        conn.close()
    return report
