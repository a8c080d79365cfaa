"""Stratsys KPI value file: one line per indicator value, ``date;unit code;measure code;column
code;value``, for Stratsys's scheduled file import (SFTP).

Stratsys's file import loads KPI values only, keyed by external codes that the customer
registers in Stratsys: the organisational unit, the measure and the measure column
("Utfall", "Målvärde", …). The delimiter, date format and decimal separator are agreed with
Stratsys per customer, so all three are options; the defaults are ``;``, ISO dates and a
decimal comma.

Mapping:

* date: ``year-12-31``; a value without a year in a tertial or delår report takes the
  document's year and the last day of its period (tertial 1 → 04-30, 2 → 08-31, 3 → 12-31;
  delår 1 → 08-31; vårtermin → 06-30);
* unit code: ``--unit-code``, else the document's municipality code;
* measure code: the indicator uid (register it as the measure's external code), or the code
  from ``--measure-map FILE`` (CSV ``indicator_uid,measure_code``); only mapped indicators are
  written when a map is given;
* column code: by value kind and group: outcome/baseline → ``UTFALL``, target → ``MALVARDE``,
  with ``_K``/``_M`` for women/men (all configurable);
* values that are empty (no number) are left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from calendar import monthrange
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

__all__ = ["DEFAULT_COLUMNS", "StratsysError", "StratsysReport", "stratsys_lines", "write_stratsys"]

DEFAULT_COLUMNS: dict[tuple[str, str], str] = {
    ("outcome", "total"): "UTFALL",
    ("outcome", "women"): "UTFALL_K",
    ("outcome", "men"): "UTFALL_M",
    ("baseline", "total"): "UTFALL",
    ("baseline", "women"): "UTFALL_K",
    ("baseline", "men"): "UTFALL_M",
    ("target", "total"): "MALVARDE",
    ("target", "women"): "MALVARDE_K",
    ("target", "men"): "MALVARDE_M",
}
FILE_NAME = "stratsys_kpi_values.txt"


class StratsysError(Exception):
    """Bad options or a code that cannot be written (it contains the delimiter)."""


@dataclass
class StratsysReport:
    documents: int = 0
    lines: int = 0
    skipped: list[str] = field(default_factory=list)
    destination: str = ""


def period_end(year: int, kind: str | None, number: int | None) -> dt.date:
    """Last day of the report period: tertial n ends in month 4n, delår 1 in August, the
    spring term in June; a year (or anything else) on 31 December."""
    month = 12
    if kind == "tertial" and number in (1, 2, 3):
        month = 4 * number
    elif kind == "delar" and number == 1:
        month = 8
    elif kind == "month" and number and 1 <= number <= 12:
        month = number
    elif kind == "term" and number == 1:  # vårtermin
        month = 6
    return dt.date(year, month, monthrange(year, month)[1])


def _fmt_number(value: float | int, decimal: str) -> str:
    text = repr(float(value)) if isinstance(value, float) else str(value)
    if isinstance(value, float) and value.is_integer():
        text = f"{value:.1f}"
    return text.replace(".", decimal)


def _walk(doc: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    stack = list(reversed(doc.get("goals") or []))
    while stack:
        goal = stack.pop()
        out.extend(goal.get("indicators") or [])
        for act in goal.get("activities") or []:
            out.extend(act.get("indicators") or [])
        stack.extend(reversed(goal.get("children") or []))
    return out


def stratsys_lines(
    doc: dict[str, Any],
    *,
    unit_code: str | None = None,
    measure_map: dict[str, str] | None = None,
    columns: dict[tuple[str, str], str] | None = None,
    delimiter: str = ";",
    decimal: str = ",",
    date_format: str = "%Y-%m-%d",
) -> list[str]:
    """The value lines of one planparse document (JSON dict), in document order."""
    cols = columns or DEFAULT_COLUMNS
    unit = unit_code or (doc.get("municipality") or {}).get("code")
    if not unit:
        raise StratsysError(
            f"{doc.get('uid')}: no unit code (the document has no municipality code); "
            "give --unit-code"
        )
    period = doc.get("period") or {}
    lines: list[str] = []
    for ind in _walk(doc):
        measure = ind["uid"] if measure_map is None else measure_map.get(ind["uid"])
        if not measure:
            continue
        for v in ind.get("values") or []:
            if not isinstance(v.get("value"), (int, float)) or isinstance(v.get("value"), bool):
                continue
            column = cols.get((v.get("kind") or "", v.get("group") or "total"))
            if column is None:
                continue
            if v.get("year") is not None:
                date = dt.date(int(v["year"]), 12, 31)
            elif doc.get("year") is not None:
                date = period_end(int(doc["year"]), period.get("kind"), period.get("number"))
            else:
                continue
            fields = [date.strftime(date_format), unit, measure, column]
            for f in fields:
                if delimiter in f or "\n" in f:
                    raise StratsysError(
                        f"{ind['uid']}: the code {f!r} contains the delimiter {delimiter!r}"
                    )
            lines.append(delimiter.join([*fields, _fmt_number(v["value"], decimal)]))
    return lines


def write_stratsys(
    outdir: str | os.PathLike[str],
    dest: str | os.PathLike[str] | None = None,
    **options: Any,
) -> StratsysReport:
    """Write the value file for every planparse JSON in ``outdir`` (atomically; documents
    sorted by uid). A document that fails the schema is skipped with its reason."""
    from pydantic import ValidationError

    from planparse.batch import atomic_write_text
    from planparse.export import ExportReport, scan
    from planparse.model import PlanDocument

    target = Path(dest) if dest else Path(outdir) / FILE_NAME
    report = StratsysReport(destination=str(target))
    scan_report = ExportReport()
    lines: list[str] = []
    for _uid, path in scan(outdir, scan_report):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            PlanDocument.model_validate(data)
        except ValidationError as exc:
            report.skipped.append(f"{path.name}: {exc.error_count()} schema error(s)")
            continue
        except (OSError, ValueError) as exc:
            report.skipped.append(f"{path.name}: {exc}")
            continue
        try:
            doc_lines = stratsys_lines(data, **options)
        except StratsysError as exc:
            report.skipped.append(f"{path.name}: {exc}")
            continue
        report.documents += 1
        lines.extend(doc_lines)
    report.skipped.extend(f"{n}: not planparse JSON" for n in scan_report.skipped)
    report.lines = len(lines)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, "".join(line + "\n" for line in lines))
    return report


def read_measure_map(path: str | os.PathLike[str]) -> dict[str, str]:
    """``indicator_uid,measure_code`` CSV → dict; a clear error for a wrong header."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not {"indicator_uid", "measure_code"} <= set(reader.fieldnames or []):
            raise StratsysError(f"{path}: needs the columns indicator_uid,measure_code")
        return {r["indicator_uid"]: r["measure_code"] for r in reader if r["measure_code"]}


@click.command("stratsys")
@click.argument("outdir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help=f"Value file [default: OUTDIR/{FILE_NAME}].",
)
@click.option(
    "--unit-code",
    default=None,
    help="Stratsys unit external code [default: the document's municipality code].",
)
@click.option(
    "--measure-map",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="CSV indicator_uid,measure_code; only mapped indicators are written.",
)
@click.option(
    "--column",
    "column_opts",
    multiple=True,
    metavar="KIND[:GROUP]=CODE",
    help="Column code for a value kind and group, e.g. target=MAL or outcome:women=UK.",
)
@click.option("--delimiter", default=";", show_default=True)
@click.option("--decimal", default=",", show_default=True, type=click.Choice([",", "."]))
@click.option("--date-format", default="%Y-%m-%d", show_default=True)
def cli(
    outdir: str,
    output: str | None,
    unit_code: str | None,
    measure_map: str | None,
    column_opts: tuple[str, ...],
    delimiter: str,
    decimal: str,
    date_format: str,
) -> None:
    """Write a Stratsys KPI value file (date;unit;measure;column;value) from OUTDIR."""
    columns = dict(DEFAULT_COLUMNS)
    for opt in column_opts:
        key, sep, code = opt.partition("=")
        kind, _, group = key.partition(":")
        if not sep or not code or (kind, group or "total") not in DEFAULT_COLUMNS:
            raise click.UsageError(f"--column {opt!r}: expected KIND[:GROUP]=CODE")
        columns[(kind, group or "total")] = code
    if len(delimiter) != 1 or delimiter == decimal:
        raise click.UsageError("--delimiter must be one character, other than --decimal")
    try:
        mmap = read_measure_map(measure_map) if measure_map else None
        report = write_stratsys(
            outdir,
            output,
            unit_code=unit_code,
            measure_map=mmap,
            columns=columns,
            delimiter=delimiter,
            decimal=decimal,
            date_format=date_format,
        )
    except (StratsysError, OSError) as exc:
        click.echo(f"planparse: {exc}", err=True)
        raise SystemExit(1) from None
    for s in report.skipped:
        click.echo(f"skipped {s}", err=True)
    click.echo(
        f"wrote {report.lines} values from {report.documents} documents to {report.destination}",
        err=True,
    )
    if report.documents == 0:
        raise SystemExit(1)
