"""Score the parser on the real public documents (fixtures/real/) against their hand-written gold.

    python benchmarks/real.py [NAME ...] [--misses] [--json FILE]

Prints one row per document: goals and activities F1 (titles matched exactly after
normalisation, tests/real_scoring.py), the accuracy of activity statuses, goal assessments and
Färdiggrad percentages (within 5 points), the number of dirty output strings, the accuracy of
``section`` on the budget lines and investments matched by name (1.2), and the parse time.
``--misses`` lists what was missed or wrong. The scoring rules are the ones
tests/layouts/test_real_documents.py asserts its floors with.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    import planparse
    from tests.real_scoring import (
        REAL,
        activities_f1,
        assessment_accuracy,
        dirty_strings,
        goals_f1,
        load_real_gold,
        progress_accuracy,
        real_names,
        section_accuracy,
        status_accuracy,
    )

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="documents (default: all with gold)")
    ap.add_argument("--misses", action="store_true", help="list what was missed or wrong")
    ap.add_argument("--json", type=Path, help="write the rows as JSON to FILE")
    args = ap.parse_args()

    header = f"{'document':44} {'goals':>6} {'activi':>6} {'status':>6} {'assess':>6} {'progr':>6} {'dirty':>5} {'sectn':>6} {'sec':>6}"
    print(header)
    rows: list[dict[str, Any]] = []
    for name in args.names or real_names():
        gold = load_real_gold(name)
        start = time.perf_counter()
        doc = json.loads(planparse.parse(REAL / f"{name}.pdf").to_json())
        seconds = time.perf_counter() - start
        goals, acts = goals_f1(gold, doc), activities_f1(gold, doc)
        status, assess = status_accuracy(gold, doc), assessment_accuracy(gold, doc)
        progress, dirty = progress_accuracy(gold, doc), dirty_strings(doc)
        section = section_accuracy(gold, doc)

        def cell(total: int, value: float) -> str:
            return f"{value:6.2f}" if total else f"{'-':>6}"

        print(f"{name[:44]:44} {cell(goals.gold or goals.parsed, goals.f1)} "
              f"{cell(acts.gold or acts.parsed, acts.f1)} {cell(status.total, status.value)} "
              f"{cell(assess.total, assess.value)} {cell(progress.total, progress.value)} "
              f"{len(dirty):5d} {cell(section.total, section.value)} {seconds:6.2f}")
        if args.misses:
            for label, acc in (("status", status), ("assessment", assess), ("progress", progress), ("section", section)):
                for miss in acc.misses:
                    print(f"    {label}: {miss}")
            for line in dirty:
                print(f"    dirty: {line}")
            print(f"    goals {goals}; activities {acts}")
        rows.append({
            "document": name, "pages": doc["source"]["page_count"], "seconds": round(seconds, 3),
            "goals": [goals.matched, goals.gold, goals.parsed],
            "activities": [acts.matched, acts.gold, acts.parsed],
            "status": [status.correct, status.total], "assessment": [assess.correct, assess.total],
            "progress": [progress.correct, progress.total], "dirty": len(dirty),
            "section": [section.correct, section.total],
        })
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
