"""Stable identifiers.

A uid never depends on object identity or run order: the same PDF gives the same uids on every
run and machine.

Document uid::

    {code}-{document_type}-{year}-{period}-{h}

``code`` is the SCB kommunkod ("0000" when unknown), ``year`` is "na" when unknown, ``period``
is ``y`` (year or none), ``t1`` (tertial 1), ``d2`` (delår 2), ``m3`` (month 3) or ``s2`` (ht term), and ``h`` is
the first 8 hex digits of SHA-256 over ``organ|unit|title`` normalised with :func:`norm_key`
(two plans of one municipality and year, e.g. Kommunstyrelsen's and a nämnd's, differ there).

Item uid: ``{parent uid}/{kind}:{key}``, where ``kind`` is ``goal``, ``activity``,
``indicator``, ``budget``, ``investment``, ``control`` or ``risk``; ``key`` is the item's own
number ("3.1.2") when it has one, otherwise ``t`` followed by 10 hex digits of SHA-256 over its
normalised title. Goals and activities hang off the document uid (their numbers are unique in
a document); indicators hang off the goal or activity they belong to. A key that repeats
under one parent gets ``~2``, ``~3`` … in document order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from planparse.model import Period

_WS = re.compile(r"\s+")


def norm_key(text: str | None) -> str:
    """Casefolded, NFC, whitespace-collapsed text used inside hashes."""
    if not text:
        return ""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def _hex(text: str, n: int) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


def period_tag(period: Period | None) -> str:
    if period is None or period.kind.value == "year":
        return "y"
    prefix = {"tertial": "t", "delar": "d", "month": "m", "term": "s"}[period.kind.value]
    return f"{prefix}{period.number if period.number is not None else ''}"


def document_uid(
    code: str | None,
    document_type: str,
    year: int | None,
    period: Period | None,
    organ: str | None,
    unit: str | None,
    title: str,
) -> str:
    h = _hex("|".join(norm_key(x) for x in (organ, unit, title)), 8)
    return f"{code or '0000'}-{document_type}-{year if year is not None else 'na'}-{period_tag(period)}-{h}"


def item_key(number: str | None, title: str) -> str:
    if number:
        return _WS.sub("", number)
    return "t" + _hex(norm_key(title), 10)


class UidAllocator:
    """Hands out item uids under parents, numbering repeats deterministically."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def item(self, parent: str, kind: str, number: str | None, title: str) -> str:
        base = f"{parent}/{kind}:{item_key(number, title)}"
        n = self._seen.get(base, 0) + 1
        self._seen[base] = n
        return base if n == 1 else f"{base}~{n}"
