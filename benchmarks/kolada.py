"""Precision and recall of the Kolada KPI linker on hand-labelled indicator titles.

    .venv/bin/python benchmarks/kolada.py [--catalogue FILE] [--labels FILE] [--threshold T]

The labels (``benchmarks/data/kolada_labels.csv``: title, unit, the correct KPI id or empty,
``set``,
where the title comes from; ``A|B`` when two KPIs measure the same thing) were written by hand from the fixtures' gold JSON and the seed
texts (plus a few written by hand, marked so), looking each title up in the full catalogue.
``set`` is ``tuning`` for the titles whose misses were looked at while the matcher's rules and
threshold were set, ``held-out`` for titles labelled afterwards and not used to tune: the
held-out figures are the honest estimate. The catalogue defaults to
``$PLANPARSE_KOLADA_CATALOGUE``, else ``shared/data/kolada_kpi.csv`` beside the repository
(or beside its parent, for a git worktree): the 6,099-KPI snapshot.

A prediction is the best candidate scoring at least the threshold. Precision = correct
predictions / predictions; recall = correct predictions / titles that have a KPI. The
baseline, measured in the same run, is plain rapidfuzz ``token_set_ratio`` of the lowercased
titles against every KPI (no lemmas, no unit or measure features, no K/A filter), with its
threshold chosen after the fact for its best F1 (so the baseline is flattered, not the linker).
Prints both, a threshold sweep for the linker, and each miss.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from planparse.migrate.kolada import THRESHOLD, Matcher, load_catalogue  # noqa: E402


def prf(pred: list[str | None], gold: list[str]) -> tuple[float, float, float, int]:
    n_pred = sum(1 for p in pred if p)
    correct = sum(1 for p, g in zip(pred, gold, strict=True) if p and p in g.split("|"))
    n_gold = sum(1 for g in gold if g)
    precision = correct / n_pred if n_pred else 1.0
    recall = correct / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, correct


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    near = [p / "shared/data/kolada_kpi.csv" for p in (ROOT.parent, ROOT.parent.parent)]
    default_cat = os.environ.get("PLANPARSE_KOLADA_CATALOGUE") or str(
        next((p for p in near if p.exists()), near[0])
    )
    ap.add_argument("--catalogue", default=default_cat)
    ap.add_argument("--labels", default=str(ROOT / "benchmarks/data/kolada_labels.csv"))
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    args = ap.parse_args()

    kpis = load_catalogue(args.catalogue)
    with open(args.labels, encoding="utf-8", newline="") as fh:
        labels = list(csv.DictReader(fh))
    gold = [r["kpi_id"].strip() for r in labels]
    print(f"catalogue: {args.catalogue} ({len(kpis)} KPIs)")
    print(
        f"labelled titles: {len(labels)}, with a KPI {sum(1 for g in gold if g)}, "
        f"without {sum(1 for g in gold if not g)}"
    )

    t0 = time.perf_counter()
    matcher = Matcher(kpis, threshold=0.0)
    t_index = time.perf_counter() - t0
    t0 = time.perf_counter()
    ranked = [matcher.score_all(r["title"], r["unit"] or None) for r in labels]
    t_match = time.perf_counter() - t0
    best = [(c[0].kpi.id, c[0].score) if c else (None, 0.0) for c in ranked]

    # baseline: raw fuzzy title match over the whole catalogue
    from rapidfuzz import fuzz, process

    titles = [k.title.lower() for k in kpis]
    t0 = time.perf_counter()
    base = []
    for r in labels:
        hit = process.extractOne(r["title"].lower(), titles, scorer=fuzz.token_set_ratio)
        base.append((kpis[hit[2]].id, hit[1] / 100) if hit else (None, 0.0))
    t_base = time.perf_counter() - t0
    base_best = max(
        (prf([i if s >= t else None for i, s in base], gold)[2], t)
        for t in [x / 100 for x in range(30, 101)]
    )
    bt = base_best[1]
    bp, br, bf, bc = prf([i if s >= bt else None for i, s in base], gold)

    pred = [i if s >= args.threshold else None for i, s in best]
    p, r, f, c = prf(pred, gold)
    for name in ("tuning", "held-out"):
        idx = [i for i, row in enumerate(labels) if row.get("set", "tuning") == name]
        if not idx:
            continue
        sp, sr, sf, sc = prf([pred[i] for i in idx], [gold[i] for i in idx])
        n_kpi = sum(1 for i in idx if gold[i])
        print(
            f"linker   {name:8} ({len(idx)} titles, {n_kpi} with a KPI): precision {sp:.3f} "
            f"recall {sr:.3f} F1 {sf:.3f} ({sc} correct of "
            f"{sum(1 for i in idx if pred[i])} proposed)"
        )
    top3 = sum(
        1
        for g, cs in zip(gold, ranked, strict=True)
        if g and set(g.split("|")) & {x.kpi.id for x in cs[:3]}
    ) / max(1, sum(1 for g in gold if g))
    print(f"method: {matcher.method}")
    print(
        f"linker   threshold {args.threshold:.2f}: precision {p:.3f} recall {r:.3f} F1 {f:.3f} "
        f"({c} correct of {sum(1 for x in pred if x)} proposed)"
    )
    print(f"linker   correct KPI among the top 3 candidates: {top3:.3f}")
    print(
        f"baseline threshold {bt:.2f} (best F1 after the fact): precision {bp:.3f} "
        f"recall {br:.3f} F1 {bf:.3f}"
    )
    if bf:
        print(f"ratio linker/baseline F1: {f / bf:.2f}")
    print(
        f"time: index {t_index:.2f}s, linker {1000 * t_match / len(labels):.1f} ms/title, "
        f"baseline {1000 * t_base / len(labels):.1f} ms/title"
    )
    print("threshold sweep:")
    for t in (0.50, 0.55, 0.58, 0.60, 0.62, 0.65, 0.70, 0.75):
        pp, rr, ff, _ = prf([i if s >= t else None for i, s in best], gold)
        print(f"  {t:.2f}: precision {pp:.3f} recall {rr:.3f} F1 {ff:.3f}")
    print("misses:")
    for row, g, (i, s) in zip(labels, gold, best, strict=True):
        got = i if s >= args.threshold else None
        if (got or "") not in g.split("|") or (got is None and g):
            kind = "wrong" if got and g else ("false link" if got else "missed")
            print(f"  {kind:10} {row['title'][:60]!r} gold={g or '-'} best={i} {s:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
