"""Whole-document comparison of parser output with hand-checked gold JSON."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

from planparse.model import dumps

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
