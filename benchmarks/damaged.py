"""The generic parser on scans and OCR'd layers: the damaged copies of the generic Word documents
and of the real documents with goals (fixtures/generic/damaged/, built by
fixtures/build/generic_damaged.py) against their hand-known values (tests/damaged_scoring.py),
with the native PDF as the first row of each document.

Columns: goals, activities, indicators (by name) and budget (budget lines and investments, by
name): F1; assess(ment), status: accuracy over the gold items that have one; values (indicator
values) and amount(s): share of the gold items whose numbers all come out right. "-": the
document has none.

    python benchmarks/damaged.py [STEM ...] [--layers native ocr scan colourscan] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ("goals", "activi", "indica", "budget", "assess", "status", "values", "amount")


def _fmt(x: float | None) -> str:
    return "     -" if x is None else f"{x:6.2f}"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    import planparse
    from tests.damaged_scoring import LAYERS, score, source_pdf, stems

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("stems", nargs="*", help="documents (default: all)")
    ap.add_argument("--layers", nargs="*", default=list(LAYERS), choices=LAYERS)
    ap.add_argument("--misses", action="store_true", help="print what each damaged copy missed")
    ap.add_argument("--json", type=Path, help="write the figures as JSON to FILE")
    args = ap.parse_args(argv)
    names = args.stems or stems()
    width = max(map(len, names)) + 12
    print(f"{'document / layer':<{width}}" + "".join(f"{c:>7}" for c in COLUMNS) + "      s")
    results: list[dict[str, Any]] = []
    for stem in names:
        for layer in args.layers:
            pdf = source_pdf(stem, layer)
            if not pdf.exists():
                if layer in ("native", "ocr"):
                    print(f"{stem} {layer}: {pdf.relative_to(ROOT)} missing "
                          "(python fixtures/build/generic_damaged.py)")  # fmt: skip
                continue
            t0 = time.perf_counter()
            doc = planparse.parse(pdf).model_dump(mode="json")
            seconds = time.perf_counter() - t0
            s = score(stem, doc)
            row = s.row()
            label = f"{stem} {layer}"
            print(f"{label:<{width}}" + "".join(f" {_fmt(row[c])}" for c in COLUMNS) + f" {seconds:6.1f}", flush=True)
            if args.misses and layer != "native":
                for kind, acc in (("assessment", s.assessment), ("status", s.status), ("values", s.values),
                                  ("amounts", s.amounts)):  # fmt: skip
                    for miss in acc.misses[:6]:
                        print(f"    {kind}: {miss}")
                for kind, f in (("goals", s.goals), ("activities", s.activities), ("indicators", s.indicators),
                                ("budget", s.budget)):  # fmt: skip
                    if f.matched < max(f.gold, f.parsed):
                        print(f"    {kind}: {f}")
            results.append({"document": stem, "layer": layer, "seconds": round(seconds, 2), **row})
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
