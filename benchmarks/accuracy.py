"""Extraction accuracy per fixture against the hand-checked gold JSON.

For every fixture with gold, parse it twice: with the detected layout parser and with the
generic parser alone. Items are matched to gold by their normalised title (goals, activities)
or owner and name (indicators), as multisets; precision, recall and F1 follow. Field accuracy is the
share of matched items whose field equals gold: status, assessment, start and end dates,
owner, and indicator values (label, kind, year, group, raw, value).

    python benchmarks/accuracy.py [FIXTURE ...]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def walk(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    goals: list[dict[str, Any]] = []
    activities: list[dict[str, Any]] = []
    indicators: list[dict[str, Any]] = []

    def owned(owner: dict[str, Any]) -> list[dict[str, Any]]:
        # The same indicator name recurs under several activities: key it by its owner too.
        return [dict(ind, _owner=_norm(owner.get("title"))) for ind in owner.get("indicators", [])]

    def visit(goal: dict[str, Any]) -> None:
        goals.append(goal)
        indicators.extend(owned(goal))
        for a in goal.get("activities", []):
            activities.append(a)
            indicators.extend(owned(a))
        for c in goal.get("children", []):
            visit(c)

    for g in doc.get("goals", []):
        visit(g)
    return {"goals": goals, "activities": activities, "indicators": indicators}


def _key(kind: str, item: dict[str, Any]) -> str:
    if kind == "indicators":
        return f"{item['_owner']} / {_norm(item.get('name'))}"
    return _norm(item.get("title"))


def prf(gold: list[dict[str, Any]], got: list[dict[str, Any]], kind: str) -> tuple[float, float, float]:
    g = Counter(_key(kind, x) for x in gold)
    p = Counter(_key(kind, x) for x in got)
    tp = sum((g & p).values())
    precision = tp / sum(p.values()) if p else (1.0 if not g else 0.0)
    recall = tp / sum(g.values()) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _values(ind: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(v["label"], v["kind"], v["year"], v.get("group"), v["raw"], v["value"]) for v in ind.get("values", [])]


FIELDS: dict[str, tuple[str, Any]] = {
    "status": ("activities", lambda a: (a.get("status") or {}).get("value")),
    "assessment": ("goals", lambda g: (g.get("assessment") or {}).get("value")),
    "dates": ("activities", lambda a: (a.get("start_date"), a.get("end_date"))),
    "owner": ("activities", lambda a: a.get("owner")),
    "values": ("indicators", _values),
}


def field_accuracy(gold: dict[str, list[dict[str, Any]]], got: dict[str, list[dict[str, Any]]]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for field, (kind, get) in FIELDS.items():
        by_key: dict[str, list[dict[str, Any]]] = {}
        for item in got[kind]:
            by_key.setdefault(_key(kind, item), []).append(item)
        relevant = [g for g in gold[kind] if get(g) not in (None, (None, None), [])]
        if not relevant:
            out[field] = None
            continue
        right = 0
        for g in relevant:
            candidates = by_key.get(_key(kind, g), [])
            if candidates:
                right += get(candidates.pop(0)) == get(g)
        out[field] = right / len(relevant)
    return out


def evaluate(name: str, layout: str | None) -> dict[str, Any]:
    import planparse

    gold = json.loads((FIXTURES / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    doc = json.loads(planparse.parse(FIXTURES / f"{name}.pdf", layout=layout).to_json())
    g, p = walk(gold), walk(doc)
    scores = {kind: prf(g[kind], p[kind], kind) for kind in ("goals", "activities", "indicators")}
    return {"parser": doc["source"]["parser"], "scores": scores, "fields": field_accuracy(g, p)}


def _fmt(x: float | None) -> str:
    return "   -" if x is None else f"{x:4.2f}"


def main(names: list[str]) -> int:
    names = names or sorted(p.stem for p in (FIXTURES / "expected").glob("*.json"))
    header = (
        f"{'fixture':42} {'parser':14} "
        + " ".join(f"{k[:5]:>14}" for k in ("goals", "activities", "indicators"))
        + "  " + " ".join(f"{f:>6}" for f in FIELDS)
    )
    totals: dict[str, list[float]] = {}
    for mode in (None, "generic"):
        print(f"\n== {'detected parser' if mode is None else 'generic parser alone'} "
              "(P/R/F1 for goals, activities, indicators; field accuracy)")
        print(header)
        for name in names:
            r = evaluate(name, mode)
            cells = " ".join(
                f"{_fmt(p)}/{_fmt(rc)}/{_fmt(f)}"[:14].rjust(14) for p, rc, f in r["scores"].values()
            )
            fields = " ".join(f"{_fmt(v):>6}" for v in r["fields"].values())
            print(f"{name:42} {r['parser']:14} {cells}  {fields}")
            for kind, (_, _, f1) in r["scores"].items():
                totals.setdefault(f"{mode or 'detected'} {kind}", []).append(f1)
    print("\nmean F1:")
    for key, values in totals.items():
        print(f"  {key:28} {sum(values) / len(values):.3f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
