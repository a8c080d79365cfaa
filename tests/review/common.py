"""Shared by the review tests and the notebook test: the fixtures parsed once per test
session with the real CLI, their review pages, and an item walker written apart from
:mod:`planparse.review.items`."""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
EXPECTED = FIXTURES / "expected"
PLANPARSE = Path(sys.executable).with_name("planparse")
# Screenshots and pages worth keeping after a run (out/ is git-ignored).
KEEP = ROOT / "out" / "review-test"


def fixture_names() -> list[str]:
    return sorted(p.stem for p in FIXTURES.glob("*.pdf"))


@functools.cache
def parsed_fixtures() -> Path:
    """``planparse parse fixtures/*.pdf -o DIR -j 2``, once per session; returns DIR."""
    base = Path(tempfile.mkdtemp(prefix="planparse-review-"))
    atexit.register(shutil.rmtree, base, True)
    out = base / "out"
    proc = subprocess.run(
        # the fixture PDFs themselves, not the corpora in subfolders (real/, stress/)
        [str(PLANPARSE), "parse", *map(str, sorted(FIXTURES.glob("*.pdf"))), "-o", str(out)]
        + ["-q", "-j", "2"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return out


@functools.cache
def reviewed_fixtures() -> Path:
    """``planparse review OUTDIR --pdfs fixtures`` over :func:`parsed_fixtures`; the index."""
    out = parsed_fixtures()
    proc = subprocess.run(
        [str(PLANPARSE), "review", str(out), "--pdfs", str(FIXTURES)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return out / "index.html"


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def walk(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(kind, item) for every item that carries provenance, in document order."""

    def indicators(owner: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
        for ind in owner.get("indicators", []):
            yield "indicator", ind

    def goal(g: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
        yield "goal", g
        yield from indicators(g)
        for a in g.get("activities", []):
            yield "activity", a
            yield from indicators(a)
        for c in g.get("children", []):
            yield from goal(c)

    for g in doc.get("goals", []):
        yield from goal(g)
    for key, kind in (
        ("budget", "budget_line"),
        ("investments", "investment"),
        ("controls", "control"),
        ("risks", "risk"),
    ):
        for item in doc.get(key, []):
            yield kind, item
