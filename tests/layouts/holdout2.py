"""Shared readers for the tests on the second blind hold-out set (fixtures/holdout-generic2/):
a document's parse and its gold, by path under the set without suffix, and its goals."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import planparse

HOLDOUT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-generic2"


@lru_cache(maxsize=8)
def parsed(rel: str) -> dict[str, Any]:
    return json.loads(planparse.parse(HOLDOUT / f"{rel}.pdf").to_json())


@lru_cache(maxsize=8)
def gold(rel: str) -> dict[str, Any]:
    return json.loads((HOLDOUT / f"{rel}.json").read_text(encoding="utf-8"))


def all_goals(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every goal of the tree, depth first."""
    out: list[dict[str, Any]] = []

    def visit(g: dict[str, Any]) -> None:
        out.append(g)
        for c in g.get("children", []):
            visit(c)

    for g in doc.get("goals", []):
        visit(g)
    return out
