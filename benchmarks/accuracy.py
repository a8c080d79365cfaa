"""Extraction accuracy against gold JSON: the 12 fixtures, and the stress corpus.

Fixtures (default): every fixture with gold is parsed twice, with the detected layout parser and
with the generic parser alone.

Stress corpus (``--stress [DIR]``, default ``fixtures/stress``): every PDF listed in
``DIR/corpus.json`` (written by ``fixtures/build/stress/build.py``) is parsed with the detected
parser and scored against its gold; results are grouped by family × producer × text layer.

Scoring:

- Items are matched to gold as multisets by their normalised title (goals, activities), owner
  and name (indicators), kind and name (budget lines and investments, scored together as
  "budget"), or process (internal-control points, "controls"); precision, recall and F1
  follow. A kind that is empty in both gold and output is
  no evidence: its scores are None and left out of every mean.
- Field accuracy is the share of field observations that are right: status, assessment, dates
  (start, end), owner (activities), values (indicator values: label, kind, year, group, raw,
  value), parent (the parent goal's title of goals and activities) and amounts (budget values
  and investment amounts: kind, year, amount, unit) and section (budget lines and investments,
  only where the gold item has the key). Each gold item with the field set is one
  observation (wrong when the item was not found); each matched item where the parser set the
  field and gold has none is one more observation, always wrong (an added status or value).
- ``level`` (goal_area, goal, sub_goal, focus_area of goals) is the share of matched goals whose
  level is the gold's: every goal has one, so an unfound goal is left out (the goals' recall
  says that already) and the column tells the level alone.
- On OCR'd text (stress entries with text layer ``ocr`` or ``scan``): the share of gold words
  containing å/ä/ö that come out right, over every title and text of goals, activities,
  indicators, budget lines and investments. Items are paired by their title folded without
  diacritics, so a damaged title still pairs; words of unpaired items count as missed; an
  å/ä/ö word the output has and gold does not (a wrong "correction") adds one to the
  denominator.

    python benchmarks/accuracy.py [FIXTURE ...]
    python benchmarks/accuracy.py --stress [DIR] [--family F ...] [--jobs N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
STRESS = FIXTURES / "stress"

Item = dict[str, Any]
KINDS = ("goals", "activities", "indicators", "budget", "controls")
TITLE = {"indicators": "name", "budget": "name", "controls": "process"}  # the key text, else "title"


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def walk(doc: dict[str, Any]) -> dict[str, list[Item]]:
    """The document's items by kind. Goals and activities get ``_parent`` (the parent goal's
    title, None at the top), indicators ``_owner`` (their owner's title), budget lines and
    investments ``_kind``; internal-control points as they are."""
    goals: list[Item] = []
    activities: list[Item] = []
    indicators: list[Item] = []

    def owned(owner: Item) -> list[Item]:
        # The same indicator name recurs under several activities: key it by its owner too.
        return [dict(ind, _owner=_norm(owner.get("title"))) for ind in owner.get("indicators", [])]

    def visit(goal: Item, parent: str | None) -> None:
        goals.append(dict(goal, _parent=parent))
        indicators.extend(owned(goal))
        for a in goal.get("activities", []):
            activities.append(dict(a, _parent=goal.get("title")))
            indicators.extend(owned(a))
        for c in goal.get("children", []):
            visit(c, goal.get("title"))

    for g in doc.get("goals", []):
        visit(g, None)
    budget = [dict(b, _kind="budget") for b in doc.get("budget", [])]
    budget += [dict(i, _kind="investment") for i in doc.get("investments", [])]
    controls = list(doc.get("controls") or [])
    return {"goals": goals, "activities": activities, "indicators": indicators, "budget": budget, "controls": controls}


def _key(kind: str, item: Item) -> str:
    if kind == "indicators":
        return f"{item['_owner']} / {_norm(item.get('name'))}"
    if kind == "budget":
        return f"{item['_kind']} / {_norm(item.get('name'))}"
    return _norm(item.get(TITLE.get(kind, "title")))


Score = tuple[float | None, float | None, float | None]


def prf(gold: list[Item], got: list[Item], kind: str) -> Score:
    """Precision, recall, F1 of ``got`` against ``gold``; all None when both are empty."""
    g = Counter(_key(kind, x) for x in gold)
    p = Counter(_key(kind, x) for x in got)
    if not g and not p:
        return None, None, None
    tp = sum((g & p).values())
    precision = tp / sum(p.values()) if p else 0.0
    recall = tp / sum(g.values()) if g else None
    if recall is None:  # only spurious items
        return precision, None, 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _values(ind: Item) -> list[tuple[Any, ...]]:
    return [(v.get("label"), v.get("kind"), v.get("year"), v.get("group"), v.get("raw"), v.get("value"))
            for v in ind.get("values", [])]


def _amounts(item: Item) -> list[tuple[Any, ...]]:
    if item.get("_kind") == "investment":
        return [("investment", a.get("year"), a.get("amount"), a.get("unit")) for a in item.get("amounts", [])]
    return [(v.get("kind"), v.get("year"), v.get("amount"), v.get("unit")) for v in item.get("values", [])]


Getter = Callable[[Item], Any]
FIELDS: dict[str, list[tuple[str, Getter]]] = {
    "status": [("activities", lambda a: (a.get("status") or {}).get("value"))],
    "assessment": [("goals", lambda g: (g.get("assessment") or {}).get("value"))],
    "dates": [("activities", lambda a: (a.get("start_date"), a.get("end_date")))],
    "owner": [("activities", lambda a: a.get("owner"))],
    "values": [("indicators", _values)],
    "parent": [("goals", lambda g: _norm(g["_parent"]) or None), ("activities", lambda a: _norm(a["_parent"]) or None)],
    "amounts": [("budget", _amounts)],
    # 1.2: the group row a budget line or investment sits under; scored only where gold has the key
    "section": [("budget", lambda b: b.get("section", UNSCORED))],
    # the goal's level; over matched goals only (MATCHED_ONLY)
    "level": [("goals", lambda g: g.get("level", UNSCORED))],
}
MATCHED_ONLY = frozenset({"level"})  # fields whose unfound gold items are no observation
UNSCORED = object()  # a gold item without the key (written before the key existed): no observation


def _empty(value: Any) -> bool:
    return value in (None, "", (None, None), [])


def match(gold: list[Item], got: list[Item], kind: str) -> tuple[list[tuple[Item, Item]], list[Item]]:
    """Gold items paired with output items of the same key (in order), and the unpaired gold."""
    by_key: dict[str, list[Item]] = {}
    for item in got:
        by_key.setdefault(_key(kind, item), []).append(item)
    pairs: list[tuple[Item, Item]] = []
    missed: list[Item] = []
    for g in gold:
        candidates = by_key.get(_key(kind, g), [])
        if candidates:
            pairs.append((g, candidates.pop(0)))
        else:
            missed.append(g)
    return pairs, missed


def field_counts(gold: dict[str, list[Item]], got: dict[str, list[Item]]) -> dict[str, tuple[int, int]]:
    """(right, observations) per field; see the module docstring."""
    out: dict[str, tuple[int, int]] = {}
    matched = {kind: match(gold[kind], got[kind], kind) for kind in KINDS}
    for field, getters in FIELDS.items():
        right = total = 0
        for kind, get in getters:
            pairs, missed = matched[kind]
            if field not in MATCHED_ONLY:
                total += sum(1 for g in missed if not _empty(get(g)) and get(g) is not UNSCORED)
            for g, p in pairs:
                gv, pv = get(g), get(p)
                if gv is UNSCORED:
                    continue
                if _empty(gv) and _empty(pv):
                    continue
                total += 1
                right += (not _empty(gv)) and gv == pv
        out[field] = (right, total)
    return out


def field_accuracy(gold: dict[str, list[Item]], got: dict[str, list[Item]]) -> dict[str, float | None]:
    return {f: (r / t if t else None) for f, (r, t) in field_counts(gold, got).items()}


# --- å/ä/ö words on OCR'd text ---------------------------------------------------------------

_WORD = re.compile(r"\w+")
_DIACRITIC = re.compile(r"[åäöÅÄÖ]")
TEXT_FIELDS = {
    "goals": ("title", "strategic_goal", "description", "comment"),
    "activities": ("title", "description", "comment", "implementation"),
    "indicators": ("name",),
    "budget": ("name", "description"),
}  # (control points are left out: the share stays comparable with figures from before they were scored)


def _fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", _norm(text))
    return "".join(c for c in text if c.isalnum() or c == " ")


def _diacritic_words(item: Item, kind: str) -> Counter[str]:
    words: Counter[str] = Counter()
    for f in TEXT_FIELDS[kind]:
        value = item.get(f)
        if isinstance(value, str):
            words.update(w for w in _WORD.findall(value) if _DIACRITIC.search(w))
    return words


def diacritic_words(gold: dict[str, list[Item]], got: dict[str, list[Item]]) -> tuple[int, int]:
    """(right, denominator) for the å/ä/ö word share; see the module docstring."""
    right = denominator = 0
    for kind in TEXT_FIELDS:
        title = TITLE.get(kind, "title")
        by_key: dict[str, list[Item]] = {}
        for item in got[kind]:
            by_key.setdefault(_fold(item.get(title)), []).append(item)
        for g in gold[kind]:
            want = _diacritic_words(g, kind)
            denominator += sum(want.values())
            candidates = by_key.get(_fold(g.get(title)), [])
            if not candidates:
                continue
            have = _diacritic_words(candidates.pop(0), kind)
            right += sum((want & have).values())
            denominator += sum((have - want).values())
    return right, denominator


# --- one document ------------------------------------------------------------------------------


def score(gold_doc: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    """Every figure for one parsed document against its gold."""
    g, p = walk(gold_doc), walk(doc)
    fields = field_counts(g, p)
    return {
        "parser": doc.get("source", {}).get("parser"),
        "scores": {kind: prf(g[kind], p[kind], kind) for kind in KINDS},
        "fields": {f: (r / t if t else None) for f, (r, t) in fields.items()},
        "field_counts": fields,
        "diacritics": diacritic_words(g, p),
    }


def evaluate(name: str, layout: str | None) -> dict[str, Any]:
    """Score fixture ``name`` parsed with ``layout`` (None: detected)."""
    import planparse

    gold = json.loads((FIXTURES / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    doc = json.loads(planparse.parse(FIXTURES / f"{name}.pdf", layout=layout).to_json())
    return score(gold, doc)


def evaluate_entry(entry: dict[str, Any], root: Path = STRESS) -> dict[str, Any]:
    """Score one stress-corpus entry; a parse failure scores as an empty document."""
    import planparse

    gold = json.loads((root / entry["gold"]).read_text(encoding="utf-8"))
    error = None
    try:
        doc = json.loads(planparse.parse(root / entry["file"]).to_json())
    except Exception as exc:  # one bad file must not stop the benchmark
        doc, error = {}, f"{type(exc).__name__}: {exc}"
    result = score(gold, doc)
    result.update({k: entry.get(k) for k in ("file", "family", "producer", "text_layer", "icons", "legend")})
    result["error"] = error
    return result


# --- aggregation and report ------------------------------------------------------------------------

COLUMNS = (*KINDS, *FIELDS, "åäö")


def mean(xs: Iterable[float | None]) -> float | None:
    vals = [x for x in xs if x is not None]
    return sum(vals) / len(vals) if vals else None


def aggregate(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean F1 per kind and pooled field accuracy / å/ä/ö share over ``results``."""
    out: dict[str, Any] = {"n": len(results)}
    for kind in KINDS:  # (a result scored before a kind was added has none of it)
        out[kind] = mean(r["scores"].get(kind, (None, None, None))[2] for r in results)
    for f in FIELDS:  # (likewise a field: section came with schema 1.2, level later)
        right = sum(r["field_counts"].get(f, (0, 0))[0] for r in results)
        total = sum(r["field_counts"].get(f, (0, 0))[1] for r in results)
        out[f] = right / total if total else None
    ocr = [r for r in results if r.get("text_layer") in ("ocr", "scan")]
    right = sum(r["diacritics"][0] for r in ocr)
    total = sum(r["diacritics"][1] for r in ocr)
    out["åäö"] = right / total if total else None
    return out


def _fmt(x: float | None) -> str:
    return "   -" if x is None else f"{x:4.2f}"


def _row(label: str, agg: dict[str, Any], width: int) -> str:
    return f"{label:{width}} {agg['n']:3d} " + " ".join(f"{_fmt(agg[c]):>6}" for c in COLUMNS)


def report_stress(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Print the stress table and return the JSON summary."""
    width = 42
    header = f"{'family / producer / layer':{width}} {'n':>3} " + " ".join(f"{c[:6]:>6}" for c in COLUMNS)
    groups: dict[str, dict[str, Any]] = {}
    print("\n== stress corpus: F1 (goals, activities, indicators, budget+investments, controls), "
          "field accuracy, å/ä/ö words on OCR'd text")
    print(header)
    keys = sorted({(r["family"], r["producer"], r["text_layer"]) for r in results})
    for fam, prod, layer in keys:
        agg = aggregate([r for r in results if (r["family"], r["producer"], r["text_layer"]) == (fam, prod, layer)])
        label = f"{fam} / {prod} / {layer}"
        groups[label] = agg
        print(_row(label, agg, width))
    summary: dict[str, Any] = {"groups": groups}
    for by in ("family", "producer", "text_layer"):
        print(f"\n-- by {by}")
        print(header)
        summary[f"by_{by}"] = {}
        for value in sorted({str(r[by]) for r in results}):
            agg = aggregate([r for r in results if str(r[by]) == value])
            summary[f"by_{by}"][value] = agg
            print(_row(value, agg, width))
    icons = [r for r in results if r.get("icons")]
    if icons:
        print("\n-- documents with status/assessment icons")
        print(header)
        summary["icons"] = aggregate(icons)
        print(_row("icons", summary["icons"], width))
    summary["overall"] = aggregate(results)
    print()
    print(_row("overall", summary["overall"], width))
    errors = [r for r in results if r.get("error")]
    for r in errors:
        print(f"error: {r['file']}: {r['error']}")
    summary["documents"] = [
        {k: r[k] for k in ("file", "family", "producer", "text_layer", "icons", "legend", "parser", "error")}
        | {"scores": r["scores"], "fields": r["fields"], "diacritics": r["diacritics"]}
        for r in results
    ]
    return summary


def run_stress(root: Path, families: list[str] | None, jobs: int) -> list[dict[str, Any]]:
    index = root / "corpus.json"
    if not index.exists():
        raise SystemExit(f"{index}: no stress corpus (build it with fixtures/build/stress/build.py)")
    entries = json.loads(index.read_text(encoding="utf-8"))["documents"]
    if families:
        entries = [e for e in entries if e["family"] in families]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            return list(pool.map(evaluate_entry, entries, [root] * len(entries)))
    return [evaluate_entry(e, root) for e in entries]


def report_fixtures(names: list[str]) -> dict[str, Any]:
    names = names or sorted(p.stem for p in (FIXTURES / "expected").glob("*.json"))
    header = (
        f"{'fixture':42} {'parser':14} "
        + " ".join(f"{k[:5]:>14}" for k in KINDS)
        + "  " + " ".join(f"{f[:6]:>6}" for f in FIELDS)
    )
    totals: dict[str, list[float | None]] = {}
    summary: dict[str, Any] = {}
    for mode in (None, "generic"):
        print(f"\n== {'detected parser' if mode is None else 'generic parser alone'} "
              "(P/R/F1 for goals, activities, indicators, budget+investments, controls; field accuracy)")
        print(header)
        for name in names:
            r = evaluate(name, mode)
            summary[f"{mode or 'detected'} {name}"] = {"parser": r["parser"], "scores": r["scores"], "fields": r["fields"]}
            cells = " ".join(
                f"{_fmt(p)}/{_fmt(rc)}/{_fmt(f)}"[:14].rjust(14)
                for p, rc, f in r["scores"].values()
            )
            fields = " ".join(f"{_fmt(v):>6}" for v in r["fields"].values())
            print(f"{name:42} {r['parser']:14} {cells}  {fields}")
            for kind, (_, _, f1) in r["scores"].items():
                totals.setdefault(f"{mode or 'detected'} {kind}", []).append(f1)
    print("\nmean F1 (kinds empty in both gold and output left out):")
    means = {}
    for key, values in totals.items():
        means[key] = mean(values)
        print(f"  {key:28} {_fmt(means[key])}  (n={sum(v is not None for v in values)})")
    summary["mean_f1"] = means
    return summary


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("fixtures", nargs="*", help="fixture names (default: all with gold)")
    ap.add_argument("--stress", nargs="?", const=str(STRESS), default=None, metavar="DIR",
                    help="score the stress corpus in DIR (default fixtures/stress) instead of the fixtures")
    ap.add_argument("--family", nargs="*", help="stress: only these families")
    ap.add_argument("--jobs", type=int, default=1, help="stress: parse in N processes")
    ap.add_argument("--json", type=Path, help="write the summary as JSON to FILE")
    args = ap.parse_args(argv)
    if args.stress is not None:
        summary = report_stress(run_stress(Path(args.stress), args.family, args.jobs))
    else:
        summary = report_fixtures(args.fixtures)
    if args.json:
        tmp = args.json.with_suffix(args.json.suffix + ".tmp")
        tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(args.json)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
