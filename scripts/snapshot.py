"""Snapshot the parser's output on the bundled corpora and diff two snapshots.

A change to parsing should change only what it means to. Before the change:

    python scripts/snapshot.py dump .cache/before
    ... edit ...
    python scripts/snapshot.py dump .cache/after
    python scripts/snapshot.py diff .cache/before .cache/after

``dump`` writes one JSON file per PDF (the same bytes ``planparse parse`` writes)
for the fixtures, the real documents, the generic documents, the committed
stress corpus (native and OCR-layer copies; ``--scans`` adds the image-only
ones) and the hold-out sets. ``diff`` lists every file whose output
changed with a unified diff of its first lines.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CORPORA = (
    "fixtures/*.pdf",
    "fixtures/real/*.pdf",
    "fixtures/generic/*.pdf",
    "fixtures/stress/**/*.pdf",
    "fixtures/stress-seed7/**/*.pdf",
    "fixtures/stress-seed13/**/*.pdf",
    "fixtures/stress-seed17/**/*.pdf",
    "fixtures/holdout/**/*.pdf",
    "fixtures/holdout-families*/**/*.pdf",
    "fixtures/holdout-generic*/**/*.pdf",
)


def corpus_pdfs(*, scans: bool) -> list[Path]:
    """The PDFs a snapshot covers, in a fixed order."""
    found: set[Path] = set()
    for pattern in CORPORA:
        found.update(ROOT.glob(pattern))
    return sorted(p for p in found if scans or not p.stem.endswith("-scan"))


def _key(pdf: Path) -> str:
    return str(pdf.relative_to(ROOT).with_suffix(".json")).replace("/", "__")


def _parse(pdf: Path) -> tuple[Path, str]:
    from planparse import parse

    try:
        return pdf, parse(pdf).to_json()
    except Exception as error:  # a snapshot records failures as output
        return pdf, f"ERROR {type(error).__name__}: {error}\n"


def dump(out: Path, *, jobs: int, scans: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    pdfs = corpus_pdfs(scans=scans)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for pdf, text in pool.map(_parse, pdfs):
            (out / _key(pdf)).write_text(text, encoding="utf-8")
    print(f"{len(pdfs)} outputs written to {out}")


def diff(before: Path, after: Path, *, lines: int) -> int:
    names = sorted({p.name for p in before.glob("*.json")} | {p.name for p in after.glob("*.json")})
    changed = 0
    for name in names:
        old = (before / name).read_text("utf-8").splitlines() if (before / name).exists() else []
        new = (after / name).read_text("utf-8").splitlines() if (after / name).exists() else []
        if old == new:
            continue
        changed += 1
        body = list(difflib.unified_diff(old, new, "before", "after", n=1, lineterm=""))
        print(f"=== {name.replace('__', '/')}  ({len(body)} diff lines)")
        print("\n".join(body[:lines]))
    print(f"{changed} of {len(names)} outputs changed")
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="parse every corpus PDF into OUT")
    d.add_argument("out", type=Path)
    d.add_argument("--jobs", type=int, default=2)
    d.add_argument("--scans", action="store_true", help="include image-only scans (slow: Tesseract)")
    c = sub.add_parser("diff", help="show what changed between two dumps")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--lines", type=int, default=60, help="diff lines shown per file")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, jobs=args.jobs, scans=args.scans)
    else:
        diff(args.before, args.after, lines=args.lines)


if __name__ == "__main__":
    main()
