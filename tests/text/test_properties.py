"""Property tests for the pure-text parts: repair, vocabulary, numbers and uids."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planparse.ids import UidAllocator, document_uid
from planparse.text.numbers import format_number, parse_date, parse_number
from planparse.text.repair import looks_damaged, repair_text
from planparse.vocabulary import match_assessment, match_direction, match_label, match_status

FAST = settings(max_examples=200, deadline=None)
# Text that looks like damaged Swedish: the letters OCR produces plus noise.
ocr_text = st.text(alphabet="aoAOdeé&6ræäöå |\n.-Ü12", max_size=60)


@FAST
@given(st.text())
def test_repair_never_raises(text: str) -> None:
    assert isinstance(repair_text(text), str)
    assert isinstance(looks_damaged(text), bool)


@FAST
@given(st.one_of(st.text(), ocr_text))
def test_repair_idempotent(text: str) -> None:
    once = repair_text(text)
    assert repair_text(once) == once


@FAST
@given(
    st.lists(
        st.sampled_from(
            [
                "mal",
                "ar",
                "for",
                "Ange",
                "kommun",
                "&",
                "|",
                "den",
                "har",
                "6ka",
                "rapporten",
                "Beddmning",
                "paborjad",
                "&r",
                "\n",
                ".",
            ]
        ),
        max_size=12,
    )
)
def test_repair_idempotent_on_words(words: list[str]) -> None:
    text = " ".join(words)
    once = repair_text(text)
    assert repair_text(once) == once


@FAST
@given(st.text())
def test_repair_leaves_text_without_latin_letters(text: str) -> None:
    assume(not re.search(r"[A-Za-z]", text))
    assert repair_text(text) == text


@FAST
@given(st.text())
def test_matchers_never_raise(text: str) -> None:
    for matcher in (match_status, match_assessment, match_label, match_direction):
        m = matcher(text)
        assert m is None or 0.0 <= m.confidence <= 1.0


@FAST
@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_number_roundtrip_int(n: int) -> None:
    assert parse_number(format_number(n)) == n


@FAST
@given(st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=3, allow_nan=False))
def test_number_roundtrip_float(d: Decimal) -> None:
    x = float(d)
    assume(x != int(x))  # format_number formats an integral float as "3,0"; keep to real fractions
    assert parse_number(format_number(x)) == x


@FAST
@given(st.text())
def test_parsers_never_raise(text: str) -> None:
    parse_number(text)
    parse_date(text)


codes = st.one_of(st.none(), st.from_regex(r"\A\d{4}\Z"))
names = st.one_of(st.none(), st.text(max_size=20))


@FAST
@given(
    codes,
    st.sampled_from(["verksamhetsplan", "tertialrapport"]),
    st.one_of(st.none(), st.integers(2000, 2030)),
    names,
    names,
    st.text(max_size=40),
)
def test_document_uid_deterministic(code, doc_type, year, organ, unit, title) -> None:  # type: ignore[no-untyped-def]
    a = document_uid(code, doc_type, year, None, organ, unit, title)
    b = document_uid(code, doc_type, year, None, organ, unit, title)
    assert a == b


@FAST
@given(
    st.lists(
        st.tuples(st.one_of(st.none(), st.from_regex(r"\A\d(\.\d){0,2}\Z")), st.text(max_size=15)),
        max_size=15,
    )
)
def test_uid_allocator(items: list[tuple[str | None, str]]) -> None:
    first, second = UidAllocator(), UidAllocator()
    uids = [first.item("doc", "goal", number, title) for number, title in items]
    assert uids == [second.item("doc", "goal", number, title) for number, title in items]
    assert len(set(uids)) == len(uids)  # repeats get ~2, ~3: every key yields a distinct uid


@FAST
@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_distinct_titles_distinct_uids(a: str, b: str) -> None:
    from planparse.ids import norm_key

    assume(norm_key(a) != norm_key(b))
    assert document_uid("2260", "tertialrapport", 2025, None, None, None, a) != document_uid(
        "2260", "tertialrapport", 2025, None, None, None, b
    )


# --------------------------------------------------------------------------- added for hostile input


@FAST
@given(st.one_of(st.text(), ocr_text))
def test_aggressive_repair_never_raises_and_is_idempotent(text: str) -> None:
    """Aggressive repair is what pages with a foreign OCR layer get (reading/__init__.py)."""
    once = repair_text(text, aggressive=True)
    assert isinstance(once, str)
    assert repair_text(once, aggressive=True) == once


@FAST
@given(st.text())
def test_text_helpers_never_raise(text: str) -> None:
    from planparse.text.fold import clean_spaces, fold
    from planparse.text.numbers import find_dates

    assert isinstance(fold(text), str)
    assert isinstance(clean_spaces(text), str)
    assert isinstance(find_dates(text), list)


@FAST
@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_number_roundtrip_integral_float(n: int) -> None:
    assert parse_number(format_number(float(n))) == n


@FAST
@given(
    st.one_of(
        st.integers(-(10**12), 10**12),
        st.decimals(
            min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=3, allow_nan=False
        ).map(float),
    )
)
def test_number_text_roundtrip_is_stable(x: float) -> None:
    """Formatting what was parsed from a formatted number gives the same text."""
    text = format_number(x)
    assert format_number(parse_number(text)) == text  # type: ignore[arg-type]
