"""Shared readers for the tests on the blind hold-out sets (fixtures/holdout-generic*/): a
document's parse and its gold, by path under the set without suffix, and its goals and
activities."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import planparse

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


class HoldoutSet:
    """One set: ``docs = HoldoutSet("holdout-generic2"); docs.parsed("arsbokslut/x")``. Parses
    and gold are read once per test session."""

    def __init__(self, name: str) -> None:
        self.root = FIXTURES / name
        self._parsed: dict[str, dict[str, Any]] = {}
        self._gold: dict[str, dict[str, Any]] = {}

    def parsed(self, rel: str) -> dict[str, Any]:
        if rel not in self._parsed:
            self._parsed[rel] = json.loads(planparse.parse(self.root / f"{rel}.pdf").to_json())
        return self._parsed[rel]

    def pdf(self, rel: str) -> Path:
        return self.root / f"{rel}.pdf"

    def gold(self, rel: str) -> dict[str, Any]:
        if rel not in self._gold:
            self._gold[rel] = json.loads((self.root / f"{rel}.json").read_text(encoding="utf-8"))
        return self._gold[rel]

    def same(self, rel: str, *readers: Any) -> None:
        """Assert that each reader gives the same for the document's parse as for its gold."""
        doc, gold = self.parsed(rel), self.gold(rel)
        for read in readers:
            assert read(doc) == read(gold)


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


def tree(doc: dict[str, Any]) -> list[tuple[str, str, int]]:
    """Each goal's level, title and depth, depth first."""
    out: list[tuple[str, str, int]] = []

    def visit(gs: list[dict[str, Any]], depth: int) -> None:
        for g in gs:
            out.append((g["level"], g["title"], depth))
            visit(g["children"], depth + 1)

    visit(doc["goals"], 0)
    return out


def assessments(doc: dict[str, Any]) -> list[tuple[str, str | None]]:
    """Each goal's title and assessment value, depth first."""
    return [(g["title"], (g["assessment"] or {}).get("value")) for g in all_goals(doc)]


def goals(doc: dict[str, Any]) -> list[tuple[str | None, str, str | None]]:
    """(number, title, parent title) of every goal, depth first."""
    out: list[tuple[str | None, str, str | None]] = []

    def visit(g: dict[str, Any], parent: str | None) -> None:
        out.append((g.get("number"), g["title"], parent))
        for c in g.get("children", []):
            visit(c, g["title"])

    for g in doc.get("goals", []):
        visit(g, None)
    return out


def activities(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """(goal title, activity title) of every activity."""
    return [(g["title"], a["title"]) for g in all_goals(doc) for a in g.get("activities", [])]


def indicators(doc: dict[str, Any]) -> list[tuple[str, str, list[tuple[str, int | None, Any]]]]:
    """(goal title, name, values as (kind, year, value)) of every goal's indicator, depth first."""
    return [(g["title"], i["name"], [(v["kind"], v["year"], v["value"]) for v in i["values"]])
            for g in all_goals(doc) for i in g["indicators"]]
