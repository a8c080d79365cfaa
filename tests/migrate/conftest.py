"""Fixtures for the migration tests: a throwaway PostgreSQL cluster and the parsed fixtures.

The cluster is a real PostgreSQL server from Debian's ``postgresql`` package (installed by
``scripts/setup.sh``): ``initdb`` + ``pg_ctl`` on a unix socket in a temp dir, no TCP port.
initdb refuses to run as root, so as root the server runs as the system user ``planparse-pg``
(created here when missing, via ``runuser``). If the server cannot be started the tests
FAIL: they are never skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
PG_USER = "planparse-pg"  # the system user that owns the cluster when the tests run as root


@dataclass(frozen=True)
class PgServer:
    bindir: Path
    socket_dir: Path

    def dsn(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@/{dbname}?host={self.socket_dir}"

    def pg_dump(self, dbname: str) -> str:
        """The plain-text dump of a database, from the pg_dump beside the server.

        pg_dump ≥ 15.14 wraps the dump in ``\\restrict KEY`` with a random key unless given
        one; a fixed key keeps two dumps of the same data identical.
        """
        exe = str(self.bindir / "pg_dump")
        usage = subprocess.run([exe, "--help"], capture_output=True, text=True).stdout
        fixed_key = ["--restrict-key=planparse"] if "--restrict-key" in usage else []
        proc = subprocess.run(
            [
                exe,
                "--no-owner",
                "--no-privileges",
                "--no-comments",
                "--format=plain",
                *fixed_key,
                f"--dbname={self.dsn(dbname)}",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if proc.returncode != 0:
            pytest.fail(f"pg_dump failed: {proc.stderr}")
        return proc.stdout


def find_bindir() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin with initdb, pg_ctl and pg_dump."""
    found = []
    for d in Path("/usr/lib/postgresql").glob("*/bin"):
        if all((d / exe).exists() for exe in ("initdb", "pg_ctl", "pg_dump", "postgres")):
            try:
                found.append((int(d.parent.name), d))
            except ValueError:
                continue
    return max(found)[1] if found else None


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", PG_USER, "--", *cmd]


def _ensure_server_user() -> None:
    if os.geteuid() != 0:
        return
    if subprocess.run(["id", "-u", PG_USER], capture_output=True).returncode == 0:
        return
    proc = subprocess.run(
        [
            "useradd",
            "--system",
            "--no-create-home",
            "--home-dir",
            "/nonexistent",
            "--shell",
            "/usr/sbin/nologin",
            PG_USER,
        ],
        capture_output=True,
        text=True,
    )
    # a parallel run may have created it in the meantime
    if proc.returncode != 0 and subprocess.run(["id", "-u", PG_USER]).returncode != 0:
        pytest.fail(f"cannot create the system user {PG_USER}: {proc.stderr}")


def _run(cmd: list[str], what: str, log: Path | None = None) -> None:
    proc = subprocess.run(_as_server_user(cmd), capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        extra = log.read_text(errors="replace") if log and log.exists() else ""
        pytest.fail(f"PostgreSQL {what} failed ({proc.returncode}): {proc.stderr}{extra}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL server for this test session, stopped and removed afterwards."""
    bindir = find_bindir()
    if bindir is None:
        pytest.fail(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: "
            "run scripts/setup.sh as root (it installs Debian's postgresql)"
        )
    _ensure_server_user()
    base = Path(tempfile.mkdtemp(prefix="planparse-pg-"))  # short: a socket path is ≤ 107 bytes
    data, log = base / "data", base / "server.log"
    if os.geteuid() == 0:
        shutil.chown(base, user=PG_USER)
    started = False
    try:
        _run(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            ],
            "initdb",
        )
        options = (
            f"-k {base} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off"
        )
        t0 = time.monotonic()
        _run(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(log),
                "-w",
                "-t",
                "60",
                "-o",
                options,
                "start",
            ],
            "start",
            log,
        )
        started = True
        print(f"\nPostgreSQL {bindir.parent.name} started in {time.monotonic() - t0:.2f} s")
        yield PgServer(bindir=bindir, socket_dir=base)
    finally:
        if started:
            subprocess.run(
                _as_server_user(
                    [str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
                ),
                capture_output=True,
                timeout=120,
            )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_db(pg_server: PgServer, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh empty database for one test; yields its name."""
    import psycopg

    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name)[:50].lower()
    with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def parsed_fixtures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every fixture PDF, generated and real (fixtures/real), parsed once per session (OCR
    off: the tables matter here, not OCR).

    Two fixtures share a document uid (the OCR'd 001 and its born-digital twin), as happens in
    a real output folder; the exports keep one of them and warn.
    """
    import planparse

    pdfs = sorted(FIXTURES.glob("*.pdf")) + sorted((FIXTURES / "real").glob("*.pdf"))
    assert len(pdfs) >= 10, "fixture PDFs missing"
    assert len({p.stem for p in pdfs}) == len(pdfs)
    out = tmp_path_factory.mktemp("parsed")
    for pdf in pdfs:
        doc = planparse.parse(pdf, ocr="never")
        (out / f"{pdf.stem}.json").write_text(doc.to_json(), encoding="utf-8")
    return out


@pytest.fixture
def outdir(parsed_fixtures: Path, tmp_path: Path) -> Path:
    """A private copy of the parsed fixtures that a test may change."""
    target = tmp_path / "out"
    shutil.copytree(parsed_fixtures, target)
    return target
