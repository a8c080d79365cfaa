"""Whole-document comparison of parser output with hand-checked gold JSON."""

from __future__ import annotations

import copy
import difflib
import functools
import json
from pathlib import Path
from typing import Any

import jsonschema

from planparse.model import PlanDocument, dumps, json_schema

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXPECTED = FIXTURES / "expected"

_SOURCE_VOLATILE = ("sha256", "parser_version", "layout_confidence", "ocr_engine", "parsed_at")


def comparable(doc: dict[str, Any]) -> dict[str, Any]:
    """Drop what gold cannot know by hand (see fixtures/README.md, "Gold conventions")."""

    def strip(node: Any, key: str | None = None) -> Any:
        if isinstance(node, dict):
            out = {}
            for k, v in node.items():
                if k == "uid":
                    continue
                if key in ("status", "assessment") and k == "confidence":
                    continue
                if key == "provenance" and k in ("bbox", "raw_text"):
                    continue
                out[k] = strip(v, k)
            return out
        if isinstance(node, list):
            return [strip(v, key) for v in node]
        return node

    doc = strip(doc)
    doc.pop("warnings", None)
    for k in _SOURCE_VOLATILE:
        doc.get("source", {}).pop(k, None)
    return doc


def gold_names() -> list[str]:
    return sorted(p.stem for p in EXPECTED.glob("*.json"))


def load_gold(name: str) -> dict[str, Any]:
    return json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


def diff(expected: dict[str, Any], actual: dict[str, Any], name: str) -> str:
    """A unified diff of the comparable forms, empty when they are equal."""
    a = dumps(comparable(expected)).splitlines()
    b = dumps(comparable(actual)).splitlines()
    return "\n".join(
        difflib.unified_diff(a, b, f"expected/{name}.json", f"parsed {name}.pdf", lineterm="", n=2)
    )


_LISTS = ("goals", "activities", "indicators", "children", "budget", "investments", "controls", "risks")


@functools.cache
def _schema_validator() -> jsonschema.protocols.Validator:
    """The contract's JSON Schema, checked once and compiled once for the session's golds."""
    schema = json_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator: jsonschema.protocols.Validator = cls(schema)
    return validator


def assert_valid_gold(gold: dict[str, Any]) -> None:
    """Gold leaves out what cannot be known by hand (uids, boxes, raw text, confidences,
    checksums) and may carry ``_notes``; with placeholders for those it must be a valid
    document of the contract, by its JSON Schema and by the model."""
    doc = copy.deepcopy({k: v for k, v in gold.items() if k != "_notes"})

    def fill(node: object, key: str | None = None) -> None:
        if isinstance(node, dict):
            if key == "provenance":
                node.setdefault("bbox", [0, 0, 0, 0])
                node.setdefault("raw_text", "")
            if key in ("status", "assessment"):
                node.setdefault("confidence", 1.0)
            if key in _LISTS:
                node.setdefault("uid", "x")
            for k, v in node.items():
                fill(v, k)
        elif isinstance(node, list):
            for v in node:
                fill(v, key)

    fill(doc)
    doc.setdefault("uid", "x")
    doc.setdefault("warnings", [])
    doc["source"].update(sha256="0" * 64, parser_version="x", layout_confidence=1.0)
    doc["source"].setdefault("ocr_engine", None)
    _schema_validator().validate(doc)
    assert set(PlanDocument.model_validate(doc).model_dump(mode="json")) == set(doc)
