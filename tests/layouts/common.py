"""Fixture documents read and parsed once per test session, shared by the layout tests."""

from __future__ import annotations

from functools import lru_cache

from planparse.layouts import parse_document
from planparse.model import PlanDocument
from planparse.reading import read_pdf
from planparse.reading.model import Document
from tests.gold import FIXTURES, gold_names, load_gold

NAMES = gold_names()


@lru_cache(maxsize=32)
def read(name: str) -> Document:
    return read_pdf(FIXTURES / f"{name}.pdf")


@lru_cache(maxsize=32)
def parsed(name: str) -> PlanDocument:
    return parse_document(read(name))


def family_of(name: str) -> str:
    """The layout family a fixture belongs to, as its hand-written gold says."""
    return str(load_gold(name)["source"]["parser"])
