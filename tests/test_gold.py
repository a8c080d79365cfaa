"""Every fixture PDF parses to its hand-checked gold JSON (whole-document comparison)."""

from __future__ import annotations

import json

import pytest

import planparse
from tests.gold import (
    EXPECTED,
    FIXTURES,
    assert_valid_gold,
    comparable,
    diff,
    gold_names,
    load_gold,
)

NAMES = gold_names()


def test_corpus_is_complete() -> None:
    pdfs = sorted(p.stem for p in FIXTURES.glob("*.pdf"))
    assert len(pdfs) >= 12
    assert pdfs == NAMES, "every fixture PDF needs gold in fixtures/expected/ and vice versa"


@pytest.mark.parametrize("name", NAMES)
def test_gold_validates_against_schema(name: str) -> None:
    assert_valid_gold(load_gold(name))


@pytest.mark.parametrize("name", NAMES)
def test_fixture_matches_gold(name: str) -> None:
    doc = planparse.parse(FIXTURES / f"{name}.pdf")
    actual = json.loads(doc.to_json())
    expected = load_gold(name)
    delta = diff(expected, actual, name)
    assert comparable(actual) == comparable(expected), f"{name} differs from gold:\n{delta}"


@pytest.mark.parametrize("name", NAMES)
def test_parse_is_deterministic(name: str) -> None:
    a = planparse.parse(FIXTURES / f"{name}.pdf").to_json()
    b = planparse.parse((FIXTURES / f"{name}.pdf").read_bytes(), filename=f"{name}.pdf").to_json()
    assert a == b


def test_gold_dir_exists() -> None:
    assert EXPECTED.is_dir()
