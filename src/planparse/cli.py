"""The ``planparse`` command line: a thin shell over :mod:`planparse.api`,
:mod:`planparse.batch` and :mod:`planparse.export`.

Commands: ``parse``, ``export``, ``schema``, ``validate``, ``detect``, ``review``, ``doctor``; plus
``planparse --version`` and ``--help``.

Exit codes (stable; scripts may rely on them):

====  ==========================================================================
0     success: every file parsed (warnings allowed), every JSON valid, …
1     some files failed: a PDF could not be parsed, a JSON file is invalid, a file
      could not be read, nothing to export
2     usage error: unknown option, missing argument, a path that does not exist
3     a required system program is missing (``--ocr always`` without Tesseract;
      ``doctor`` when PyMuPDF itself is unusable)
130   interrupted (Ctrl-C); outputs written so far and the manifest are kept
====  ==========================================================================

This module imports nothing heavy at module level (no PyMuPDF, pdfplumber, spaCy or
``planparse.api``): ``planparse --help`` stays fast. Commands import what they need.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any

import click

from planparse import __version__

if TYPE_CHECKING:
    from planparse.batch import Result, Summary

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_MISSING_PROGRAM = 3
EXIT_INTERRUPTED = 130


# --------------------------------------------------------------------------- helpers


def _err(message: str) -> None:
    click.echo(message, err=True)


def tesseract_info() -> tuple[str | None, list[str], str | None]:
    """(version line or None, languages, problem) without importing the OCR stack."""
    import shutil
    import subprocess

    exe = shutil.which("tesseract")
    if exe is None:
        return None, [], "tesseract not found on PATH"
    try:
        v = subprocess.run(
            [exe, "--version"], capture_output=True, text=True, timeout=20, check=False
        )
        version = ((v.stdout or v.stderr).strip().splitlines() or ["tesseract ?"])[0]
        ll = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=20, check=False
        )
        lines = (ll.stdout or ll.stderr).strip().splitlines()
        langs = [s.strip() for s in lines if s.strip() and not s.startswith("List of")]
    except (OSError, subprocess.SubprocessError) as exc:
        return None, [], f"tesseract does not run: {exc}"
    return version, langs, None


def _fmt_eta(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """A one-line progress bar on a terminal (files/s, ETA); plain lines when piped."""

    def __init__(self, total: int, *, verbosity: int, stream: Any = None) -> None:
        self.total = total
        self.done = 0
        self.verbosity = verbosity  # -1 quiet, 0 normal, 1 verbose
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)()) and verbosity >= 0
        self.start = time.monotonic()
        self._width = 0
        self.note = ""  # e.g. the cluster's state, shown after the counts

    def status(self, note: str) -> None:
        """Show ``note`` after the counts (a Dask cluster's running tasks) and redraw."""
        self.note = note
        self._clear()
        self._draw()

    def _clear(self) -> None:
        if self.tty and self._width:
            click.echo("\r" + " " * self._width + "\r", file=self.stream, nl=False)
            self._width = 0

    def line(self, text: str) -> None:
        self._clear()
        click.echo(text, file=self.stream)
        self._draw()

    def _draw(self) -> None:
        if not self.tty or not self.total:
            return
        elapsed = max(time.monotonic() - self.start, 1e-6)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate > 0 else 0
        width = 24
        filled = int(width * self.done / self.total)
        bar = "#" * filled + "-" * (width - filled)
        text = (
            f"[{bar}] {self.done}/{self.total}  {rate:.2f} files/s  "
            f"ETA {_fmt_eta(eta) if self.done else '?'}"
        )
        if self.note:
            text += f"  {self.note}"

        self._width = len(text)
        click.echo("\r" + text, file=self.stream, nl=False)

    def update(self, r: Result) -> None:
        self.done += 1
        show = self.verbosity > 0 or (
            self.verbosity == 0 and not self.tty
        )  # piped: one line per file
        if r.status == "error" or show:
            self.line(describe(r, self.verbosity))
        else:
            self._draw()

    def close(self) -> None:
        self._clear()


def describe(r: Result, verbosity: int = 0) -> str:
    if r.status == "error":
        return f"error    {r.file}: [{r.error_type}] {r.message}"
    parts = [f"{r.status:<8} {r.file}"]
    if r.skipped:
        parts.append("(skipped: unchanged, output exists)")
    else:
        parts.append(f"-> {r.output}" if r.output else "")
        parts.append(f"[{r.parser}, {r.pages} p, {r.seconds:.2f} s]")
    if r.message and (verbosity > 0 or r.status == "warning"):
        parts.append(f"- {r.message}")
    return " ".join(p for p in parts if p)


def summary_line(s: Summary) -> str:
    rate = s.pages / s.seconds if s.seconds > 0 else 0.0
    text = (
        f"{s.total} files: {s.ok} ok, {s.warnings} with warnings, {s.errors} errors"
        f"{f', {s.skipped} skipped (resume)' if s.skipped else ''}; "
        f"{s.pages} pages parsed in {s.seconds:.1f} s ({rate:.1f} pages/s)"
    )
    if s.stopped:
        text += "; stopped at the first error (--fail-fast)"
    return text


# --------------------------------------------------------------------------- the group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="planparse")
def main() -> None:
    """Turn Swedish municipal planning PDFs into structured JSON (contract schema v1).

    Exit codes: 0 success, 1 some files failed or are invalid, 2 usage error,
    3 a required system program (Tesseract) is missing, 130 interrupted.
    """


# --------------------------------------------------------------------------- parse


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    metavar="OUTDIR|-",
    help="Folder for <stem>.json files and manifest.jsonl, or '-' for stdout "
    "(pretty JSON for one file, JSON Lines for several).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: CPU count].",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Skip files whose output exists for the same sha256 and planparse version.",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: a pool of --jobs worker processes; dask: a Dask cluster "
    "(needs planparse[dask]), a LocalCluster of --jobs processes without --scheduler.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Dask scheduler to run on (e.g. tcp://10.0.0.5:8786); with --executor dask.",
)
@click.option("--layout", default=None, help="Force a layout family instead of detecting it.")
@click.option(
    "--backend", type=click.Choice(["pymupdf", "pdfplumber"]), default="pymupdf", show_default=True
)
@click.option(
    "--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True
)
@click.option("--fail-fast", is_flag=True, help="Stop at the first file that fails.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
@click.option("-v", "--verbose", is_flag=True, help="A line per file with details.")
@click.option(
    "--max-pages", type=click.IntRange(min=1), default=None, help="Pages per file [default: 1000]."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=None,
    help="Seconds per file; the worker is killed when it overruns; 0: none [default: 300].",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=0),
    default=None,
    help="MB of address space per worker (RLIMIT_AS); 0: none [default: 2048].",
)
@click.option(
    "--max-image-pixels",
    type=click.IntRange(min=1),
    default=None,
    help="Largest image rendered for OCR, and largest embedded image on a page to OCR; "
    "pages over it are not OCR'd (an ocr_skipped warning) [default: 60000000].",
)
@click.option(
    "--max-chars-per-page",
    type=click.IntRange(min=1),
    default=None,
    help="Characters per page; a file with a page over it fails [default: 100000].",
)
def parse(
    paths: tuple[str, ...],
    output: str,
    jobs: int | None,
    resume: bool,
    executor: str,
    scheduler: str | None,
    layout: str | None,
    backend: str,
    ocr: str,
    fail_fast: bool,
    quiet: bool,
    verbose: bool,
    max_pages: int | None,
    timeout: float | None,
    max_memory: int | None,
    max_image_pixels: int | None,
    max_chars_per_page: int | None,
) -> None:
    """Parse PDFs (files, or folders searched recursively for *.pdf) into JSON.

    Writes OUTDIR/<stem>.json per PDF (atomically) and OUTDIR/manifest.jsonl with one line
    per file: file, sha256, status (ok/warning/error), parser, layout_confidence, pages,
    seconds, message, output, error_type, skipped.
    """
    from pathlib import Path

    from planparse.batch import Options, Summary, WorkerStartupError, discover, run_batch
    from planparse.limits import DEFAULT_LIMITS

    verbosity = -1 if quiet else (1 if verbose else 0)
    to_stdout = output == "-"
    if to_stdout and resume:
        raise click.UsageError("--resume needs an output folder, not '-'")
    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler is for --executor dask")
    if ocr == "always":
        _version, langs, problem = tesseract_info()
        if problem:
            _err(f"planparse: --ocr always needs Tesseract: {problem}")
            sys.exit(EXIT_MISSING_PROGRAM)
        if "swe" not in langs and verbosity >= 0:
            _err(
                "planparse: Tesseract has no Swedish data (swe); OCR falls back to "
                f"{', '.join(langs) or 'none'} with an ocr_language warning"
            )
    if layout is not None:
        from planparse.layouts import registry  # only now: it imports the parsers

        known = registry()
        if layout not in known:
            raise click.BadParameter(
                f"unknown layout {layout!r}; known: {', '.join(known)}", param_hint="--layout"
            )
    outdir = None if to_stdout else Path(output)
    if outdir is not None and outdir.exists() and not outdir.is_dir():
        raise click.UsageError(f"output {output!r} exists and is not a folder")
    items = discover(paths)
    if not items:
        _err("planparse: no PDF files found")
        sys.exit(EXIT_FAILED)
    options = Options(
        layout=layout,
        backend=backend,
        ocr=ocr,
        max_pages=max_pages or DEFAULT_LIMITS.max_pages,
        timeout=DEFAULT_LIMITS.seconds_per_file if timeout is None else timeout,
        max_memory_mb=DEFAULT_LIMITS.memory_mb_per_worker if max_memory is None else max_memory,
        max_image_pixels=max_image_pixels or DEFAULT_LIMITS.max_image_pixels,
        max_chars_per_page=max_chars_per_page or DEFAULT_LIMITS.max_chars_per_page,
        emit="file" if not to_stdout else ("pretty" if len(items) == 1 else "compact"),
    )
    n_jobs = min(jobs or os.cpu_count() or 1, len(items))
    summary = Summary()
    progress = Progress(len(items), verbosity=verbosity)
    if to_stdout:
        progress.tty = False  # stdout carries the JSON; stderr gets errors (and -v lines)
    runner = None
    if executor == "dask":  # connect before any output is touched
        try:
            from planparse.distributed import ClusterUnavailable, connect
        except ImportError as exc:
            _err(f"planparse: --executor dask needs pip install 'planparse[dask]' ({exc})")
            sys.exit(EXIT_MISSING_PROGRAM)
        try:
            runner = connect(scheduler, n_jobs, on_status=progress.status)
        except ClusterUnavailable as exc:
            _err(f"planparse: {exc}")
            sys.exit(EXIT_FAILED)
    stdout = sys.stdout
    t0 = time.monotonic()
    interrupted = False
    try:
        for r in run_batch(
            items,
            outdir,
            options,
            jobs=n_jobs,
            resume=resume,
            fail_fast=fail_fast,
            ordered=to_stdout,
            runner=runner,
        ):
            summary.add(r)
            if to_stdout:
                if r.text is not None:
                    stdout.write(r.text if r.text.endswith("\n") else r.text + "\n")
                    stdout.flush()
                if r.status == "error" or verbosity > 0:
                    progress.line(describe(r, verbosity))
            else:
                progress.update(r)
    except WorkerStartupError as exc:
        progress.close()
        _err(f"planparse: cannot start workers: {exc}")
        sys.exit(EXIT_FAILED)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        progress.close()
        if runner is not None:
            runner.close()
    summary.seconds = time.monotonic() - t0
    summary.stopped = fail_fast and summary.errors > 0 and summary.total < len(items)
    if interrupted:
        _err("planparse: interrupted; " + summary_line(summary))
        sys.exit(EXIT_INTERRUPTED)
    if verbosity >= 0 and not (to_stdout and len(items) == 1 and verbosity == 0):
        _err(summary_line(summary) + (f"; manifest: {outdir / 'manifest.jsonl'}" if outdir else ""))
    sys.exit(EXIT_FAILED if summary.errors else EXIT_OK)


# --------------------------------------------------------------------------- export


@main.command("export")
@click.argument("outdir", type=click.Path(exists=True, file_okay=False), required=False)
@click.option(
    "--to",
    "fmt",
    type=click.Choice(["sqlite", "csv", "jsonl", "postgres", "datapackage"]),
    default="sqlite",
    show_default=True,
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="SQLite file [default: OUTDIR/planparse.sqlite].",
)
@click.option(
    "--dest",
    type=click.Path(),
    default=None,
    help="Destination: folder for csv/jsonl/datapackage [default: OUTDIR/export-csv, OUTDIR/export-jsonl, OUTDIR/export-datapackage], file for sqlite.",
)
@click.option(
    "--dsn",
    envvar="PLANPARSE_DSN",
    default=None,
    help="PostgreSQL connection string for --to postgres (or env PLANPARSE_DSN); "
    "keep the password in PGPASSWORD or ~/.pgpass.",
)
@click.option(
    "--prune",
    is_flag=True,
    help="--to postgres: delete documents whose JSON is no longer in OUTDIR.",
)
@click.option("--describe", is_flag=True, help="Print the table documentation (Markdown) and exit.")
@click.option("-q", "--quiet", is_flag=True)
def export_cmd(
    outdir: str | None,
    fmt: str,
    db: str | None,
    dest: str | None,
    dsn: str | None,
    prune: bool,
    describe: bool,
    quiet: bool,
) -> None:
    """Export a folder of planparse JSON to flat tables (SQLite, CSV, JSON Lines, PostgreSQL
    or a Frictionless data package).

    Tables: documents, goals, activities, indicators, indicator_values, budget_lines,
    investments, controls, risks; keyed by stable uids, so exporting again updates rows.
    """
    from planparse.export import TABLES_DOC, ExportReport, export

    if describe:
        click.echo(TABLES_DOC)
        return
    if outdir is None:
        raise click.UsageError("missing argument OUTDIR")
    if db and fmt != "sqlite":
        raise click.UsageError("--db is for --to sqlite; use --dest for csv/jsonl/datapackage")
    if fmt == "postgres" and not dsn:
        raise click.UsageError("--to postgres needs --dsn postgresql://… (or PLANPARSE_DSN)")
    if fmt != "postgres" and (dsn or prune):
        raise click.UsageError("--dsn and --prune are for --to postgres")
    if fmt == "postgres" and dest:
        raise click.UsageError("--dest is not for --to postgres; use --dsn")
    report: ExportReport
    refused: list[str] = []
    pruned: list[str] = []
    if fmt == "postgres":
        from planparse.migrate.postgres import PostgresExportError, export_postgres

        assert dsn is not None
        try:
            pg = export_postgres(outdir, dsn, prune=prune)
        except PostgresExportError as exc:
            _err(f"planparse: {exc}")
            sys.exit(EXIT_FAILED)
        report, refused, pruned = pg, pg.refused, pg.pruned
    elif fmt == "datapackage":
        from planparse.migrate.datapackage import export_datapackage

        report = export_datapackage(outdir, dest)
    else:
        report = export(outdir, fmt, db or dest)
    for w in report.warnings:
        _err(f"warning: {w}")
    if report.skipped and not quiet:
        _err(f"not planparse JSON, skipped: {', '.join(report.skipped)}")
    for problem in report.invalid:
        _err(f"invalid, skipped: {problem}")
    for problem in refused:
        _err(f"refused by the database, skipped: {problem}")
    if pruned and not quiet:
        _err(f"pruned {len(pruned)} documents: {', '.join(pruned)}")
    if not report.documents:
        _err(f"planparse: no planparse JSON documents in {outdir}")
        sys.exit(EXIT_FAILED)
    if not quiet:
        counts = ", ".join(f"{k} {v}" for k, v in report.rows.items())
        _err(f"exported {report.documents} documents to {report.destination}: {counts}")
    if report.invalid or refused:
        sys.exit(EXIT_FAILED)


# --------------------------------------------------------------------------- schema / validate


@main.command()
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to FILE instead of stdout.",
)
def schema(output: str | None) -> None:
    """Print the JSON Schema of the output contract."""
    from planparse.batch import atomic_write_text
    from planparse.model import dumps, json_schema

    text = dumps(json_schema())
    if output:
        atomic_write_text(output, text)
    else:
        click.echo(text, nl=False)


def _json_path(parts: Any) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-q", "--quiet", is_flag=True, help="Only report invalid files.")
def validate(files: tuple[str, ...], quiet: bool) -> None:
    """Validate planparse JSON files against the JSON Schema (exit 1 if any is invalid)."""
    import json

    from jsonschema import Draft202012Validator

    from planparse.model import json_schema

    validator = Draft202012Validator(json_schema())
    bad = 0
    for name in files:
        try:
            with open(name, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, UnicodeDecodeError) as exc:
            bad += 1
            click.echo(f"{name}: cannot read: {exc}")
            continue
        except json.JSONDecodeError as exc:
            bad += 1
            click.echo(f"{name}: not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
            continue
        errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        if errors:
            bad += 1
            for e in errors:
                click.echo(f"{name}: {_json_path(e.absolute_path)}: {e.message}")
        elif not quiet:
            click.echo(f"{name}: valid")
    sys.exit(EXIT_FAILED if bad else EXIT_OK)


# --------------------------------------------------------------------------- detect


def _evidence_lines(evidence: Any) -> list[str]:
    if evidence is None:
        return []
    if isinstance(evidence, str):
        return [evidence]
    if isinstance(evidence, dict):
        return [f"{k}: {v}" for k, v in evidence.items()]
    if isinstance(evidence, (list, tuple)):
        return [str(e) for e in evidence]
    return [str(evidence)]


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--explain", is_flag=True, help="Show every layout family's score and its evidence.")
@click.option(
    "--backend", type=click.Choice(["pymupdf", "pdfplumber"]), default="pymupdf", show_default=True
)
def detect(files: tuple[str, ...], explain: bool, backend: str) -> None:
    """Name the layout family of each PDF (best score first)."""
    from planparse.api import detect as api_detect
    from planparse.errors import PlanParseError

    failed = 0
    for name in files:
        try:
            detections = api_detect(name, backend=backend)  # type: ignore[arg-type]
        except PlanParseError as exc:
            failed += 1
            click.echo(f"{name}: error [{exc.code}] {exc.reason}")
            continue
        if not detections:
            click.echo(f"{name}: no layout family")
            continue
        best = detections[0]
        click.echo(f"{name}: {best.name} ({best.score:.2f})")
        if explain:
            for d in detections:
                click.echo(f"  {d.name:<20} {d.score:.3f}")
                for line in _evidence_lines(getattr(d, "evidence", None)):
                    click.echo(f"      - {line}")
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


# --------------------------------------------------------------------------- review


@main.command()
@click.argument("path", type=click.Path(exists=True))
@click.option(
    "--pdf",
    "pdf",
    type=click.Path(dir_okay=False),
    default=None,
    help="The PDF an output JSON was made from (for PATH = OUTPUT.json).",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(),
    default=None,
    help="HTML file to write [default: ./<stem>.review.html; for OUTDIR: OUTDIR/index.html].",
)
@click.option(
    "--pdfs",
    "pdf_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="For PATH = OUTDIR: a folder to look for the PDFs in (repeatable).",
)
@click.option("--layout", default=None, help="For PATH = FILE.pdf: force a layout family.")
@click.option(
    "--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True
)
@click.option("--dpi", type=click.IntRange(36, 300), default=None, help="Page image resolution [default: 110].")
@click.option(
    "--quality", type=click.IntRange(1, 100), default=None, help="JPEG quality [default: 70]."
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=None,
    help="Confidence below which a decision is marked for a look [default: 0.8].",
)
def review(
    path: str,
    pdf: str | None,
    output: str | None,
    pdf_dirs: tuple[str, ...],
    layout: str | None,
    ocr: str,
    dpi: int | None,
    quality: int | None,
    threshold: float | None,
) -> None:
    """Write a standalone HTML review page: extracted items drawn over the PDF's pages.

    PATH is a PDF (parsed first), an output JSON (with --pdf, the PDF it was made from), or
    a parse output folder: then OUTDIR/index.html lists every file of the run, errors
    first, with a review page per file in OUTDIR/review/.
    """
    from pathlib import Path

    from planparse.errors import PlanParseError
    from planparse.review import review_json, review_pdf
    from planparse.review.images import DEFAULT_DPI, DEFAULT_QUALITY
    from planparse.review.items import DEFAULT_THRESHOLD
    from planparse.review.run import review_run

    opts: dict[str, Any] = {
        "dpi": dpi or DEFAULT_DPI,
        "quality": quality or DEFAULT_QUALITY,
        "threshold": DEFAULT_THRESHOLD if threshold is None else threshold,
    }
    if layout is not None:
        from planparse.layouts import registry  # only now: it imports the parsers

        if layout not in registry():
            raise click.BadParameter(
                f"unknown layout {layout!r}; known: {', '.join(registry())}", param_hint="--layout"
            )
    p = Path(path)
    try:
        if p.is_dir():
            if pdf:
                raise click.UsageError("--pdf is for one output JSON; use --pdfs with a folder")
            index, entries = review_run(p, output, pdf_dirs=pdf_dirs, **opts)
            failed = sum(e.status == "error" for e in entries)
            pages = sum(e.review is not None for e in entries)
            _err(
                f"{len(entries)} files ({failed} failed), {pages} review pages; "
                f"overview: {index}"
            )
            for e in entries:
                if e.status != "error" and e.review is None:
                    _err(f"no review page for {e.file}: {e.note}")
            return
        if p.suffix.lower() == ".json":
            if not pdf:
                raise click.UsageError("a JSON file needs --pdf FILE.pdf, the PDF it was made from")
            out = Path(output) if output else Path(p.stem + ".review.html")
            written = review_json(p, pdf, out, **opts)
        else:
            if pdf:
                raise click.UsageError("--pdf is for an output JSON, not a PDF")
            out = Path(output) if output else Path(p.stem + ".review.html")
            written = review_pdf(p, out, layout=layout, ocr=ocr, **opts)
    except PlanParseError as exc:
        _err(f"planparse: {exc}")
        sys.exit(EXIT_FAILED)
    size = written.stat().st_size
    _err(f"review page: {written} ({size / 1048576:.1f} MB)")


# --------------------------------------------------------------------------- doctor


def _dist_version(name: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


@main.command()
def doctor() -> None:
    """Report Tesseract (and its Swedish data), PDF libraries and spaCy, and what works."""
    from importlib import metadata

    ok = "ok  "
    no = "--  "
    click.echo(f"planparse {__version__}, Python {sys.version.split()[0]} ({sys.executable})")

    mupdf = _dist_version("PyMuPDF") or _dist_version("pymupdf")
    core_ok = False
    if mupdf:
        try:
            import pymupdf

            core_ok = True
            click.echo(f"{ok}PyMuPDF {mupdf} (MuPDF {getattr(pymupdf, 'mupdf_version', '?')})")
        except Exception as exc:  # pragma: no cover - broken install
            click.echo(f"{no}PyMuPDF {mupdf} does not import: {exc}")
    else:
        click.echo(f"{no}PyMuPDF missing: planparse cannot read PDFs (required)")

    plumber = _dist_version("pdfplumber")
    click.echo(
        f"{ok}pdfplumber {plumber} (--backend pdfplumber)"
        if plumber
        else f"{no}pdfplumber missing: --backend pdfplumber unavailable"
    )

    spacy = _dist_version("spacy")
    models = sorted(
        d.metadata["Name"]
        for d in metadata.distributions()
        if (d.metadata["Name"] or "").replace("-", "_").lower().startswith("sv_core_news")
    )
    if spacy:
        click.echo(f"{ok}spaCy {spacy}; Swedish models: {', '.join(models) if models else 'none'}")
    else:
        click.echo(f"{no}spaCy missing")

    version, langs, problem = tesseract_info()
    if problem:
        click.echo(f"{no}Tesseract: {problem}")
    else:
        click.echo(f"{ok}{version}; languages: {', '.join(langs) or 'none'}")
        if "swe" not in langs:
            click.echo(f"{no}Tesseract has no Swedish data (swe): install tesseract-ocr-swe")
    ocr_ok = not problem and "swe" in langs

    click.echo("")
    click.echo("What works:")
    click.echo(
        f"  {'yes' if core_ok else 'no '}  born-digital PDFs and PDFs with an OCR text layer"
        " (--ocr never/auto)"
    )
    click.echo(
        f"  {'yes' if ocr_ok else 'no '}  image-only pages (OCR with Tesseract + swe; without"
        " Tesseract such pages stay empty with an ocr_unavailable warning, and --ocr always"
        " exits 3; without swe another language is used with an ocr_language warning)"
    )
    click.echo(f"  {'yes' if plumber else 'no '}  --backend pdfplumber")
    sys.exit(EXIT_OK if core_ok else EXIT_MISSING_PROGRAM)


from planparse.migrate import kausal as _kausal  # noqa: E402
from planparse.migrate import kolada as _kolada  # noqa: E402

main.add_command(_kolada.cli)
main.add_command(_kausal.cli)

if __name__ == "__main__":  # pragma: no cover
    main()
