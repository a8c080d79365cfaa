"""The library API leaves the process as it found it: the collector's threshold a parse raises
is restored after it, after a parse that fails, and after parses running in several threads."""

from __future__ import annotations

import gc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import planparse
from planparse.errors import PlanParseError

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ange-uppsikt-hr-2024.pdf"


def test_threshold_restored_after_parses() -> None:
    before = gc.get_threshold()
    assert planparse.parse(FIXTURE).goals
    assert gc.get_threshold() == before
    with pytest.raises(PlanParseError):
        planparse.parse(b"not a pdf", filename="bad.pdf")
    assert gc.get_threshold() == before


def test_threshold_restored_after_parses_in_threads() -> None:
    before = gc.get_threshold()
    with ThreadPoolExecutor(max_workers=3) as pool:
        docs = list(pool.map(lambda _: planparse.parse(FIXTURE), range(3)))
    assert all(d.goals for d in docs)
    assert gc.get_threshold() == before
