"""A Frictionless tabular data package (``planparse export OUTDIR --to datapackage``).

One ``<table>.csv`` per table (the same CSV as ``--to csv``) and a ``datapackage.json`` whose
Table Schemas are generated from the one table definition in :mod:`planparse.export`:
field types from :func:`~planparse.export.column_kind` (``array``/``object`` for JSON text,
``number`` for amounts, ``date`` for activity dates), ``primaryKey`` ``uid``, ``foreignKeys``
from ``FOREIGN_KEYS`` (the goals' self-reference as ``resource: ""``), ``constraints.enum``
from the contract's Enums in :mod:`planparse.model`, and ``missingValues`` ``[""]`` (an empty
cell is null). The descriptor depends only on the definition, so it is the same on every run.

Every file is written atomically (temp file + rename), the CSVs first and the descriptor last.
A JSON file that fails the contract's JSON Schema is skipped with its reason. Validate the
package with ``frictionless validate OUTDIR/export-datapackage/datapackage.json``.
"""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import Any

from planparse import model
from planparse.batch import atomic_write_text
from planparse.export import (
    ENUM_COLUMNS,
    FIXED_VALUES,
    FOREIGN_KEYS,
    TABLES,
    ExportReport,
    column_kind,
    export_files,
)

DESCRIPTOR_NAME = "datapackage.json"

FIELD_TYPES: dict[str, str] = {
    "text": "string",
    "integer": "integer",
    "real": "number",
    "numeric": "number",
    "date": "date",
    "array": "array",
    "object": "object",
}
"""Logical column type (:func:`planparse.export.column_kind`) -> Table Schema field type."""

MISSING_VALUES = [""]


def enum_values(table: str, column: str) -> list[str] | None:
    """The values a column may take, from the contract's Enum (or a fixed set), or None."""
    name = ENUM_COLUMNS.get((table, column))
    if name is not None:
        enum: type[Enum] = getattr(model, name)
        return [str(member.value) for member in enum]
    fixed = FIXED_VALUES.get((table, column))
    return list(fixed) if fixed is not None else None


def table_schema(table: str) -> dict[str, Any]:
    """The Frictionless Table Schema of one table."""
    fields = []
    for col, _sqlite_type, doc in TABLES[table][1]:
        spec: dict[str, Any] = {"name": col, "type": FIELD_TYPES[column_kind(table, col)]}
        if doc:
            spec["description"] = doc
        constraints: dict[str, Any] = {}
        if col in ("uid", "document_uid"):
            constraints["required"] = True
        values = enum_values(table, col)
        if values is not None:
            constraints["enum"] = values
        if constraints:
            spec["constraints"] = constraints
        fields.append(spec)
    foreign_keys = [
        {
            "fields": fk.column,
            "reference": {
                "resource": "" if fk.ref_table == table else fk.ref_table,
                "fields": "uid",
            },
        }
        for fk in FOREIGN_KEYS[table]
    ]
    schema: dict[str, Any] = {"fields": fields, "primaryKey": ["uid"]}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    schema["missingValues"] = MISSING_VALUES
    return schema


def descriptor() -> dict[str, Any]:
    """The whole ``datapackage.json``: one tabular resource per table, parents first."""
    return {
        "profile": "tabular-data-package",
        "name": "planparse-export",
        "title": "planparse export: Swedish municipal planning documents as tables",
        "description": (
            "Goals, activities, indicators, budgets, investments, internal control and risks "
            f"from planparse JSON (contract schema {model.SCHEMA_VERSION}), keyed by stable uids."
        ),
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "description": meaning,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(name),
            }
            for name, (meaning, _columns) in TABLES.items()
        ],
    }


def export_datapackage(
    outdir: str | os.PathLike[str], dest: str | os.PathLike[str] | None = None
) -> ExportReport:
    """Write the CSVs and ``datapackage.json`` into ``dest`` (default ``OUTDIR/export-datapackage``)."""
    target = Path(dest) if dest is not None else Path(outdir) / "export-datapackage"
    report = export_files(outdir, target, "csv", validate=True)
    text = json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n"
    atomic_write_text(target / DESCRIPTOR_NAME, text)
    return report
