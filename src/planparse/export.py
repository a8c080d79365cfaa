"""Export a folder of planparse JSON into flat tables: SQLite, CSV or JSON Lines.

The tables and their columns are defined once, in :data:`TABLES`; :data:`TABLES_DOC` is the
same as Markdown (the README section "Export tables" is generated from it). Every row is keyed
by a stable ``uid`` so that exporting again *updates* rows instead of duplicating them:

* SQLite (stdlib ``sqlite3``): inside one transaction, every row of a document (by document
  uid) is deleted and inserted again, with ``INSERT ... ON CONFLICT(uid) DO UPDATE``; rows of
  documents whose JSON is no longer in the folder are kept.
* CSV / JSON Lines: one file per table, rewritten atomically, rows in a deterministic order
  (documents by uid, items in document order).

When two JSON files carry the same document uid, the one whose file name sorts last wins and
a warning names both.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planparse.batch import MANIFEST_NAME

Column = tuple[str, str, str]  # name, SQLite type, meaning

_PROV: list[Column] = [
    ("page", "INTEGER", "1-based page where the item starts (provenance.page)"),
    ("bbox", "TEXT", "provenance.bbox as a JSON array [x0, y0, x1, y1] in PDF points"),
    ("method", "TEXT", "provenance.method: native, ocr or repaired"),
]

TABLES: dict[str, tuple[str, list[Column]]] = {
    "documents": (
        "One row per PDF (PlanDocument).",
        [
            ("uid", "TEXT", "document uid (primary key)"),
            ("json_file", "TEXT", "the JSON file name in the exported folder"),
            ("schema_version", "TEXT", "contract version of the JSON"),
            ("file", "TEXT", "source.file: the PDF's name"),
            ("sha256", "TEXT", "source.sha256 of the PDF"),
            ("page_count", "INTEGER", "source.page_count"),
            ("text_layer", "TEXT", "source.text_layer: native, ocr, mixed or null"),
            ("ocr_engine", "TEXT", "source.ocr_engine"),
            ("parser", "TEXT", "source.parser: the layout family"),
            ("parser_version", "TEXT", "source.parser_version"),
            ("layout_confidence", "REAL", "source.layout_confidence"),
            ("municipality_name", "TEXT", "municipality.name"),
            ("municipality_code", "TEXT", "municipality.code (SCB kommunkod)"),
            ("organ", "TEXT", "the body the plan belongs to"),
            ("unit", "TEXT", "department inside the organ"),
            ("document_type", "TEXT", "verksamhetsplan, tertialrapport, …"),
            ("title", "TEXT", "document title"),
            ("year", "INTEGER", "plan or report year"),
            ("period_kind", "TEXT", "period.kind: year, tertial, delar, month"),
            ("period_number", "INTEGER", "period.number"),
            ("vision", "TEXT", "vision text"),
            ("metadata", "TEXT", "the metadata object as JSON"),
            ("warnings", "TEXT", "the warnings list as JSON"),
            ("warning_count", "INTEGER", "number of warnings"),
        ],
    ),
    "goals": (
        "One row per goal at any depth of the goal tree.",
        [
            ("uid", "TEXT", "goal uid (primary key)"),
            ("document_uid", "TEXT", "documents.uid"),
            ("parent_uid", "TEXT", "goals.uid of the parent goal; null for a top-level goal"),
            (
                "position",
                "INTEGER",
                "0-based position among all goals of the document, depth first",
            ),
            ("depth", "INTEGER", "0 for a top-level goal, 1 for its children, …"),
            ("number", "TEXT", "number as printed ('3.1')"),
            ("level", "TEXT", "goal_area, goal, sub_goal or focus_area"),
            ("title", "TEXT", ""),
            ("strategic_goal", "TEXT", ""),
            ("description", "TEXT", ""),
            ("assessment", "TEXT", "assessment.value"),
            ("assessment_raw", "TEXT", "assessment.raw"),
            ("assessment_confidence", "REAL", "assessment.confidence"),
            ("assessment_source", "TEXT", "assessment.source: text or icon (1.1)"),
            ("comment", "TEXT", ""),
            *_PROV,
        ],
    ),
    "activities": (
        "One row per activity.",
        [
            ("uid", "TEXT", "activity uid (primary key)"),
            ("document_uid", "TEXT", "documents.uid"),
            ("goal_uid", "TEXT", "goals.uid of the goal the activity belongs to"),
            ("position", "INTEGER", "0-based position within its goal"),
            ("number", "TEXT", ""),
            ("title", "TEXT", ""),
            ("description", "TEXT", ""),
            ("owner", "TEXT", ""),
            ("parties", "TEXT", "JSON array of strings"),
            ("implementation", "TEXT", ""),
            ("follow_up", "TEXT", "JSON array of strings"),
            ("status", "TEXT", "status.value"),
            ("status_raw", "TEXT", "status.raw"),
            ("status_confidence", "REAL", "status.confidence"),
            ("status_source", "TEXT", "status.source: text or icon (1.1)"),
            ("start_date", "TEXT", "ISO date"),
            ("end_date", "TEXT", "ISO date"),
            ("comment", "TEXT", ""),
            ("progress", "INTEGER", "Färdiggrad in per cent (1.1)"),
            *_PROV,
        ],
    ),
    "indicators": (
        "One row per indicator, of a goal or of an activity.",
        [
            ("uid", "TEXT", "indicator uid (primary key)"),
            ("document_uid", "TEXT", "documents.uid"),
            ("owner_uid", "TEXT", "uid of the goal or activity the indicator belongs to"),
            ("owner_kind", "TEXT", "goal or activity"),
            ("position", "INTEGER", "0-based position within its owner"),
            ("name", "TEXT", ""),
            ("source", "TEXT", "Kolada, SCB, …"),
            ("unit", "TEXT", "Antal, Andel, %, …"),
            ("direction", "TEXT", "increase, decrease or null"),
            *_PROV,
        ],
    ),
    "indicator_values": (
        "One row per filled indicator cell.",
        [
            ("uid", "TEXT", "'{indicator_uid}#{position}' (primary key)"),
            ("document_uid", "TEXT", "documents.uid"),
            ("indicator_uid", "TEXT", "indicators.uid"),
            ("position", "INTEGER", "0-based column order within the indicator"),
            ("label", "TEXT", "column header as printed"),
            ("kind", "TEXT", "baseline, outcome, target or other"),
            ("year", "INTEGER", ""),
            ("value_group", "TEXT", "total, women or men (the JSON key 'group')"),
            ("raw", "TEXT", "cell text"),
            ("value", "NUMERIC", "parsed number or null"),
        ],
    ),
    "budget_lines": (
        "One row per value of a budget line; a line without values gives one row with "
        "value_position null.",
        [
            ("uid", "TEXT", "'{line_uid}#{value_position}', or line_uid (primary key)"),
            ("document_uid", "TEXT", "documents.uid"),
            ("line_uid", "TEXT", "the budget line's uid"),
            ("line_position", "INTEGER", "0-based position of the line in the document"),
            ("name", "TEXT", "line name"),
            ("is_sum", "INTEGER", "1 for a sum row (Summa, Totalt), else 0 (1.1)"),
            ("section", "TEXT", "the group row the line sits under ('Kultur'), null where none (1.2)"),
            ("value_position", "INTEGER", "0-based position of the value within the line"),
            ("label", "TEXT", "column header as printed"),
            ("year", "INTEGER", ""),
            ("kind", "TEXT", "budget, outcome, forecast, deviation or other"),
            ("amount", "NUMERIC", ""),
            ("amount_unit", "TEXT", "tkr, mnkr or kr"),
            *_PROV,
        ],
    ),
    "investments": (
        "One row per amount of an investment; an investment without amounts gives one row with "
        "amount_position null.",
        [
            (
                "uid",
                "TEXT",
                "'{investment_uid}#{amount_position}', or investment_uid (primary key)",
            ),
            ("document_uid", "TEXT", "documents.uid"),
            ("investment_uid", "TEXT", "the investment's uid"),
            ("investment_position", "INTEGER", "0-based position in the document"),
            ("name", "TEXT", ""),
            ("description", "TEXT", ""),
            ("responsible", "TEXT", ""),
            ("is_sum", "INTEGER", "1 for a sum row (Summa, Totalt), else 0 (1.2)"),
            ("section", "TEXT", "the group row the project sits under ('Exploatering'), null where none (1.2)"),
            ("amount_position", "INTEGER", "0-based position of the amount"),
            ("label", "TEXT", "column header as printed ('2027', 'Total utgift') (1.2)"),
            ("kind", "TEXT", "budget, outcome, forecast, deviation or other (1.2)"),
            ("year", "INTEGER", ""),
            ("amount", "NUMERIC", ""),
            ("amount_unit", "TEXT", "tkr, mnkr or kr"),
            *_PROV,
        ],
    ),
    "controls": (
        "One row per internal-control point (internkontroll).",
        [
            ("uid", "TEXT", "control point uid (primary key)"),
            ("document_uid", "TEXT", "documents.uid"),
            ("position", "INTEGER", "0-based position in the document"),
            ("process", "TEXT", ""),
            ("risk", "TEXT", ""),
            ("risk_value", "INTEGER", ""),
            ("method", "TEXT", "control method (not provenance)"),
            ("responsible", "TEXT", ""),
            ("page", "INTEGER", "provenance.page"),
            ("bbox", "TEXT", "provenance.bbox as JSON"),
            ("text_method", "TEXT", "provenance.method"),
        ],
    ),
    "risks": (
        "One row per risk assessment (riskvärdering).",
        [
            ("uid", "TEXT", "risk uid (primary key)"),
            ("document_uid", "TEXT", "documents.uid"),
            ("position", "INTEGER", "0-based position in the document"),
            ("area", "TEXT", ""),
            ("consequence", "INTEGER", ""),
            ("probability", "INTEGER", ""),
            ("score", "INTEGER", ""),
            *_PROV,
        ],
    ),
}


# Typed targets (PostgreSQL, the Frictionless data package) need more than the SQLite storage
# type: which TEXT columns hold JSON or ISO dates, which columns reference which, and which
# take their values from an Enum of the contract. They are defined here, beside TABLES, so
# that every target is generated from this one definition.

JSON_ARRAY_COLUMNS: frozenset[tuple[str, str]] = frozenset(
    {("documents", "warnings"), ("activities", "parties"), ("activities", "follow_up")}
    | {(t, "bbox") for t in ("goals", "activities", "indicators", "budget_lines")}
    | {(t, "bbox") for t in ("investments", "controls", "risks")}
)
"""(table, column) pairs that hold a JSON array."""

JSON_OBJECT_COLUMNS: frozenset[tuple[str, str]] = frozenset({("documents", "metadata")})
"""(table, column) pairs that hold a JSON object."""

DATE_COLUMNS: frozenset[tuple[str, str]] = frozenset(
    {("activities", "start_date"), ("activities", "end_date")}
)
"""(table, column) pairs that hold an ISO date."""


@dataclass(frozen=True)
class ForeignKey:
    """``table.column`` references ``ref_table.uid``; ``deferred`` for a self-reference."""

    column: str
    ref_table: str
    deferred: bool = False


FOREIGN_KEYS: dict[str, list[ForeignKey]] = {
    "documents": [],
    "goals": [ForeignKey("document_uid", "documents"), ForeignKey("parent_uid", "goals", True)],
    "activities": [ForeignKey("document_uid", "documents"), ForeignKey("goal_uid", "goals")],
    # owner_uid points at a goal or an activity (owner_kind says which): no single reference
    "indicators": [ForeignKey("document_uid", "documents")],
    "indicator_values": [
        ForeignKey("document_uid", "documents"),
        ForeignKey("indicator_uid", "indicators"),
    ],
    "budget_lines": [ForeignKey("document_uid", "documents")],
    "investments": [ForeignKey("document_uid", "documents")],
    "controls": [ForeignKey("document_uid", "documents")],
    "risks": [ForeignKey("document_uid", "documents")],
}
"""The references between the tables; tables are listed in TABLES parents first."""

_PROV_ENUM = {(t, "method") for t in ("goals", "activities", "indicators", "budget_lines")}
_PROV_ENUM |= {(t, "method") for t in ("investments", "risks")} | {("controls", "text_method")}

ENUM_COLUMNS: dict[tuple[str, str], str] = {
    ("documents", "text_layer"): "TextLayer",
    ("documents", "document_type"): "DocumentType",
    ("documents", "period_kind"): "PeriodKind",
    ("goals", "level"): "GoalLevel",
    ("goals", "assessment"): "AssessmentValue",
    ("goals", "assessment_source"): "MarkerSource",
    ("activities", "status"): "StatusValue",
    ("activities", "status_source"): "MarkerSource",
    ("indicators", "direction"): "Direction",
    ("indicator_values", "kind"): "ValueKind",
    ("indicator_values", "value_group"): "ValueGroup",
    ("budget_lines", "kind"): "BudgetKind",
    ("budget_lines", "amount_unit"): "AmountUnit",
    ("investments", "amount_unit"): "AmountUnit",
    ("investments", "kind"): "BudgetKind",
    **dict.fromkeys(sorted(_PROV_ENUM), "ProvenanceMethod"),
}
"""(table, column) -> name of the Enum in :mod:`planparse.model` whose values the column takes."""

FIXED_VALUES: dict[tuple[str, str], tuple[str, ...]] = {
    ("indicators", "owner_kind"): ("goal", "activity"),
}
"""(table, column) -> the values of a column that is not a contract Enum but has a fixed set."""


def column_kind(table: str, column: str) -> str:
    """The logical type of a column: text, integer, real, numeric, date, array or object."""
    if (table, column) in JSON_ARRAY_COLUMNS:
        return "array"
    if (table, column) in JSON_OBJECT_COLUMNS:
        return "object"
    if (table, column) in DATE_COLUMNS:
        return "date"
    sqlite_type = {c: t for c, t, _ in TABLES[table][1]}[column]
    return sqlite_type.lower()


def _tables_doc() -> str:
    out = [
        "Every table has `uid` as its primary key and `document_uid` (except `documents`). "
        "Lists are stored as JSON text; unknown values are NULL (empty cells in CSV).",
        "",
    ]
    for name, (meaning, columns) in TABLES.items():
        out.append(f"### `{name}`")
        out.append(meaning)
        out.append("")
        out.append("| column | type | meaning |")
        out.append("|---|---|---|")
        for col, typ, doc in columns:
            out.append(f"| {col} | {typ} | {doc} |")
        out.append("")
    return "\n".join(out)


TABLES_DOC = _tables_doc()
"""The table documentation as Markdown (``planparse export --describe`` prints it)."""

FORMATS = ("sqlite", "csv", "jsonl")


# --------------------------------------------------------------------------- rows


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _prov(item: dict[str, Any], method_key: str = "method") -> dict[str, Any]:
    p = item.get("provenance") or {}
    bbox = p.get("bbox")
    return {
        "page": p.get("page"),
        "bbox": _j(bbox) if bbox is not None else None,
        method_key: p.get("method"),
    }


def _sub(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else None


def document_rows(doc: dict[str, Any], json_file: str) -> dict[str, list[dict[str, Any]]]:
    """All rows of one document JSON, by table, in document order."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    duid = doc["uid"]
    src = doc.get("source") or {}
    muni = doc.get("municipality") or {}
    period = doc.get("period") or {}
    warnings = doc.get("warnings") or []
    rows["documents"].append(
        {
            "uid": duid,
            "json_file": json_file,
            "schema_version": doc.get("schema_version"),
            "file": src.get("file"),
            "sha256": src.get("sha256"),
            "page_count": src.get("page_count"),
            "text_layer": src.get("text_layer"),
            "ocr_engine": src.get("ocr_engine"),
            "parser": src.get("parser"),
            "parser_version": src.get("parser_version"),
            "layout_confidence": src.get("layout_confidence"),
            "municipality_name": muni.get("name"),
            "municipality_code": muni.get("code"),
            "organ": doc.get("organ"),
            "unit": doc.get("unit"),
            "document_type": doc.get("document_type"),
            "title": doc.get("title"),
            "year": doc.get("year"),
            "period_kind": period.get("kind"),
            "period_number": period.get("number"),
            "vision": doc.get("vision"),
            "metadata": _j(doc.get("metadata") or {}),
            "warnings": _j(warnings),
            "warning_count": len(warnings),
        }
    )

    def indicators(owner: dict[str, Any], kind: str) -> None:
        for pos, ind in enumerate(owner.get("indicators") or []):
            rows["indicators"].append(
                {
                    "uid": ind["uid"],
                    "document_uid": duid,
                    "owner_uid": owner["uid"],
                    "owner_kind": kind,
                    "position": pos,
                    "name": ind.get("name"),
                    "source": ind.get("source"),
                    "unit": ind.get("unit"),
                    "direction": ind.get("direction"),
                    **_prov(ind),
                }
            )
            for vpos, v in enumerate(ind.get("values") or []):
                rows["indicator_values"].append(
                    {
                        "uid": f"{ind['uid']}#{vpos}",
                        "document_uid": duid,
                        "indicator_uid": ind["uid"],
                        "position": vpos,
                        "label": v.get("label"),
                        "kind": v.get("kind"),
                        "year": v.get("year"),
                        "value_group": v.get("group"),
                        "raw": v.get("raw"),
                        "value": v.get("value"),
                    }
                )

    position = 0
    stack: list[tuple[dict[str, Any], str | None, int]] = [
        (g, None, 0) for g in reversed(doc.get("goals") or [])
    ]
    while stack:
        goal, parent, depth = stack.pop()
        assessment = goal.get("assessment")
        rows["goals"].append(
            {
                "uid": goal["uid"],
                "document_uid": duid,
                "parent_uid": parent,
                "position": position,
                "depth": depth,
                "number": goal.get("number"),
                "level": goal.get("level"),
                "title": goal.get("title"),
                "strategic_goal": goal.get("strategic_goal"),
                "description": goal.get("description"),
                "assessment": _sub(assessment, "value"),
                "assessment_raw": _sub(assessment, "raw"),
                "assessment_confidence": _sub(assessment, "confidence"),
                "assessment_source": _sub(assessment, "source"),
                "comment": goal.get("comment"),
                **_prov(goal),
            }
        )
        position += 1
        indicators(goal, "goal")
        for apos, act in enumerate(goal.get("activities") or []):
            status = act.get("status")
            rows["activities"].append(
                {
                    "uid": act["uid"],
                    "document_uid": duid,
                    "goal_uid": goal["uid"],
                    "position": apos,
                    "number": act.get("number"),
                    "title": act.get("title"),
                    "description": act.get("description"),
                    "owner": act.get("owner"),
                    "parties": _j(act.get("parties") or []),
                    "implementation": act.get("implementation"),
                    "follow_up": _j(act.get("follow_up") or []),
                    "status": _sub(status, "value"),
                    "status_raw": _sub(status, "raw"),
                    "status_confidence": _sub(status, "confidence"),
                    "status_source": _sub(status, "source"),
                    "start_date": act.get("start_date"),
                    "end_date": act.get("end_date"),
                    "comment": act.get("comment"),
                    "progress": act.get("progress"),
                    **_prov(act),
                }
            )
            indicators(act, "activity")
        stack.extend((c, goal["uid"], depth + 1) for c in reversed(goal.get("children") or []))

    for lpos, line in enumerate(doc.get("budget") or []):
        values = line.get("values") or []
        base = {
            "document_uid": duid,
            "line_uid": line["uid"],
            "line_position": lpos,
            "name": line.get("name"),
            "is_sum": int(bool(line.get("is_sum"))),
            "section": line.get("section"),
            **_prov(line),
        }
        empty = {"label": None, "year": None, "kind": None, "amount": None, "amount_unit": None}
        if not values:
            rows["budget_lines"].append(
                {"uid": line["uid"], **base, "value_position": None, **empty}
            )
        for vpos, v in enumerate(values):
            rows["budget_lines"].append(
                {
                    "uid": f"{line['uid']}#{vpos}",
                    **base,
                    "value_position": vpos,
                    "label": v.get("label"),
                    "year": v.get("year"),
                    "kind": v.get("kind"),
                    "amount": v.get("amount"),
                    "amount_unit": v.get("unit"),
                }
            )

    for ipos, inv in enumerate(doc.get("investments") or []):
        amounts = inv.get("amounts") or []
        base = {
            "document_uid": duid,
            "investment_uid": inv["uid"],
            "investment_position": ipos,
            "name": inv.get("name"),
            "description": inv.get("description"),
            "responsible": inv.get("responsible"),
            "is_sum": int(bool(inv.get("is_sum"))),
            "section": inv.get("section"),
            **_prov(inv),
        }
        if not amounts:
            rows["investments"].append(
                {
                    "uid": inv["uid"],
                    **base,
                    "amount_position": None,
                    "label": None,
                    "kind": None,
                    "year": None,
                    "amount": None,
                    "amount_unit": None,
                }
            )
        for apos, a in enumerate(amounts):
            rows["investments"].append(
                {
                    "uid": f"{inv['uid']}#{apos}",
                    **base,
                    "amount_position": apos,
                    "label": a.get("label"),
                    "kind": a.get("kind"),
                    "year": a.get("year"),
                    "amount": a.get("amount"),
                    "amount_unit": a.get("unit"),
                }
            )

    for pos, c in enumerate(doc.get("controls") or []):
        rows["controls"].append(
            {
                "uid": c["uid"],
                "document_uid": duid,
                "position": pos,
                "process": c.get("process"),
                "risk": c.get("risk"),
                "risk_value": c.get("risk_value"),
                "method": c.get("method"),
                "responsible": c.get("responsible"),
                **_prov(c, "text_method"),
            }
        )
    for pos, r in enumerate(doc.get("risks") or []):
        rows["risks"].append(
            {
                "uid": r["uid"],
                "document_uid": duid,
                "position": pos,
                "area": r.get("area"),
                "consequence": r.get("consequence"),
                "probability": r.get("probability"),
                "score": r.get("score"),
                **_prov(r),
            }
        )
    # column order as documented
    for name, table_rows in rows.items():
        cols = [c[0] for c in TABLES[name][1]]
        rows[name] = [{c: row.get(c) for c in cols} for row in table_rows]
    return rows


# --------------------------------------------------------------------------- reading a folder


@dataclass
class ExportReport:
    documents: int = 0
    rows: dict[str, int] = field(default_factory=lambda: {name: 0 for name in TABLES})
    skipped: list[str] = field(default_factory=list)  # files that are not planparse JSON
    warnings: list[str] = field(default_factory=list)
    destination: str = ""
    # with validate=True: "file: reason" for each planparse JSON that fails the JSON Schema
    invalid: list[str] = field(default_factory=list)
    # uid of every planparse JSON in the folder, valid or not (what --prune keeps)
    seen_uids: set[str] = field(default_factory=set)


_VALIDATOR: Any = None


def schema_problem(data: dict[str, Any]) -> str | None:
    """Why a document fails the contract, as ``$.path: message`` (and how many more), or None.

    The model (pydantic, strict JSON mode: no string-to-number coercion) decides, which is
    fast; the message of a failing document comes from the JSON Schema, in the words of
    ``planparse validate``.
    """
    global _VALIDATOR
    from pydantic import ValidationError

    from planparse.model import PlanDocument, json_schema

    try:
        PlanDocument.model_validate_json(_j(data), strict=True)
        return None
    except ValidationError as exc:
        fallback = exc.errors()[0]
        fallback_where = "$" + "".join(
            f"[{p}]" if isinstance(p, int) else f".{p}" for p in fallback["loc"]
        )
        fallback_text = f"{fallback_where}: {fallback['msg']}"
    if _VALIDATOR is None:
        from jsonschema import Draft202012Validator

        _VALIDATOR = Draft202012Validator(json_schema())
    errors = sorted(_VALIDATOR.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if not errors:
        return fallback_text
    first = errors[0]
    where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first.absolute_path)
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first.message}{more}"


def _load(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and isinstance(data.get("uid"), str) and "source" in data:
        return data
    return None


def scan(
    outdir: str | os.PathLike[str], report: ExportReport, *, validate: bool = False
) -> list[tuple[str, Path]]:
    """(document uid, JSON path) for every planparse JSON in ``outdir``, sorted by uid.

    Duplicate uids keep the file whose name sorts last (with a warning). With ``validate``,
    a file that fails the JSON Schema is left out and named in ``report.invalid``.
    """
    by_uid: dict[str, Path] = {}
    for path in sorted(Path(outdir).glob("*.json")):
        if path.name.startswith(".") or path.name == MANIFEST_NAME:
            continue
        data = _load(path)
        if data is None:
            report.skipped.append(path.name)
            continue
        uid = data["uid"]
        report.seen_uids.add(uid)
        if validate:
            problem = schema_problem(data)
            if problem is not None:
                report.invalid.append(f"{path.name}: {problem}")
                continue
        if uid in by_uid:
            report.warnings.append(
                f"{by_uid[uid].name} and {path.name} have the same document uid {uid}; "
                f"exporting {path.name}"
            )
        by_uid[uid] = path
    return sorted(by_uid.items())


def iter_rows(
    outdir: str | os.PathLike[str], report: ExportReport, *, validate: bool = False
) -> Iterator[tuple[str, dict[str, list[dict[str, Any]]]]]:
    """(document uid, rows by table) per document, one document in memory at a time."""
    for uid, path in scan(outdir, report, validate=validate):
        data = _load(path)
        if data is None:  # changed under us
            report.skipped.append(path.name)
            continue
        rows = document_rows(data, path.name)
        report.documents += 1
        for name, table_rows in rows.items():
            report.rows[name] += len(table_rows)
        yield uid, rows


# --------------------------------------------------------------------------- SQLite


ADDED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("budget_lines", "section"),
    ("investments", "is_sum"),
    ("investments", "section"),
    ("investments", "label"),
    ("investments", "kind"),
)
"""(table, column) added after the table's first version (1.2): a database made before gets
them with ALTER TABLE … ADD COLUMN, empty for the rows already there."""


def _sqlite_add_columns(con: sqlite3.Connection) -> None:
    """Add the :data:`ADDED_COLUMNS` an older database's tables lack."""
    types = {(t, c): typ for t, (_m, cols) in TABLES.items() for c, typ, _d in cols}
    for table, column in ADDED_COLUMNS:
        have = {row[1] for row in con.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            con.execute(f"ALTER TABLE {table} ADD COLUMN {column} {types[(table, column)]}")


def ddl() -> list[str]:
    """CREATE TABLE / INDEX statements for every table."""
    out = []
    for name, (_meaning, columns) in TABLES.items():
        cols = ",\n  ".join(
            f"{c} {t} PRIMARY KEY" if c == "uid" else f"{c} {t}" for c, t, _ in columns
        )
        out.append(f"CREATE TABLE IF NOT EXISTS {name} (\n  {cols}\n)")
        names = [c[0] for c in columns]
        for key in ("document_uid", "parent_uid", "goal_uid", "owner_uid", "indicator_uid"):
            if key in names:
                out.append(f"CREATE INDEX IF NOT EXISTS {name}_{key} ON {name}({key})")
    return out


def export_sqlite(outdir: str | os.PathLike[str], db: str | os.PathLike[str]) -> ExportReport:
    """Upsert every document of ``outdir`` into the SQLite database ``db`` (one transaction)."""
    report = ExportReport(destination=str(db))
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(str(db), isolation_level=None)
    try:
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("BEGIN IMMEDIATE")
        for stmt in ddl():
            con.execute(stmt)
        _sqlite_add_columns(con)
        inserts = {}
        for name, (_m, columns) in TABLES.items():
            names = [c[0] for c in columns]
            updates = ", ".join(f"{c} = excluded.{c}" for c in names if c != "uid")
            inserts[name] = (
                f"INSERT INTO {name} ({', '.join(names)}) "
                f"VALUES ({', '.join('?' for _ in names)}) "
                f"ON CONFLICT(uid) DO UPDATE SET {updates}"
            )
        for uid, rows in iter_rows(outdir, report):
            for name in TABLES:
                key = "uid" if name == "documents" else "document_uid"
                con.execute(f"DELETE FROM {name} WHERE {key} = ?", (uid,))
            for name, table_rows in rows.items():
                con.executemany(inserts[name], [tuple(r.values()) for r in table_rows])
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    return report


# --------------------------------------------------------------------------- CSV / JSONL


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    return value


def export_files(
    outdir: str | os.PathLike[str],
    dest: str | os.PathLike[str],
    fmt: str,
    *,
    validate: bool = False,
) -> ExportReport:
    """Write ``<table>.csv`` or ``<table>.jsonl`` per table into ``dest``, atomically."""
    if fmt not in ("csv", "jsonl"):
        raise ValueError(f"unknown format {fmt!r}")
    report = ExportReport(destination=str(dest))
    target = Path(dest)
    target.mkdir(parents=True, exist_ok=True)
    files: dict[str, tuple[str, Any]] = {}
    writers: dict[str, Any] = {}
    try:
        for name, (_m, columns) in TABLES.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.{fmt}.", suffix=".tmp", dir=target)
            with contextlib.suppress(OSError):  # mkstemp makes 0600
                os.fchmod(fd, 0o644)
            fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
            files[name] = (tmp, fh)
            if fmt == "csv":
                w = csv.writer(fh, lineterminator="\n")
                w.writerow([c[0] for c in columns])
                writers[name] = w
        for _uid, rows in iter_rows(outdir, report, validate=validate):
            for name, table_rows in rows.items():
                for row in table_rows:
                    if fmt == "csv":
                        writers[name].writerow([_csv_cell(v) for v in row.values()])
                    else:
                        files[name][1].write(_j(row) + "\n")
        for name, (tmp, fh) in files.items():
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
            os.replace(tmp, target / f"{name}.{fmt}")
    finally:
        for tmp, fh in files.values():
            if not fh.closed:
                fh.close()
            if os.path.exists(tmp):
                os.unlink(tmp)
    return report


def export(
    outdir: str | os.PathLike[str], fmt: str = "sqlite", dest: str | os.PathLike[str] | None = None
) -> ExportReport:
    """Export ``outdir`` as ``fmt``; ``dest`` defaults to ``outdir/planparse.sqlite`` or
    ``outdir/export-csv`` / ``outdir/export-jsonl``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "sqlite":
        return export_sqlite(outdir, dest or Path(outdir) / "planparse.sqlite")
    return export_files(outdir, dest or Path(outdir) / f"export-{fmt}", fmt)
