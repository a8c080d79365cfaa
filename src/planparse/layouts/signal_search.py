"""Searching a detection signal's regex in a document's folded text: the answer of
``re.search`` (MULTILINE), found with less work. Every family's signals are searched in every
document, so the regex engine should not try each of its thousands of characters when it can
tell where a match could start:

- text every match contains (a label, each of a header's columns) absent: no match;
- a pattern whose every match starts a line ("^…") is compiled with a newline before it and
  searched in the text with a newline put before it: newline to newline;
- a pattern whose every match starts with one of a few words (a column label's variants) is
  matched where those words are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from re import _parser  # type: ignore[attr-defined]
from typing import Any

Parsed = list[tuple[Any, Any]]


@dataclass(frozen=True)
class Searcher:
    regex: re.Pattern[str]
    needles: tuple[tuple[str, ...], ...]  # every match contains one of each
    lined: bool  # compiled with a newline before it, for the text with a newline before it
    starts: tuple[str, ...]  # every match starts with one of these (empty: not known)

    def found(self, text: str) -> bool:
        if not all(any(n in text for n in some) for some in self.needles):
            return False
        if self.lined:
            return self.regex.search("\n" + text) is not None
        # (where the words are everywhere, trying each place is slower than the engine's scan)
        if not self.starts or 30 * sum(text.count(s) for s in self.starts) > len(text):
            return self.regex.search(text) is not None
        match = self.regex.match  # (a match at a position sees the text before it: \b, lookbehinds)
        for start in self.starts:
            k = text.find(start)
            while k >= 0:
                if match(text, k) is not None:
                    return True
                k = text.find(start, k + 1)
        return False


@cache
def searcher(pattern: str) -> Searcher:
    """How to search ``pattern`` (see the module's doc). A lookbehind or a string's start
    could tell the newline put before the text: such a pattern is not searched so."""
    tree = _parser.parse(pattern, re.MULTILINE)
    folds, seq = tree.state.flags & re.IGNORECASE, list(tree)
    needles = () if folds else _needle_sets(seq)
    if _at_line_start(seq) and "(?<" not in pattern and "\\A" not in pattern:
        try:
            return Searcher(re.compile(f"\n(?:{pattern})", re.MULTILINE), needles, True, ())
        except re.error:  # (global flags must stay at the pattern's start)
            pass
    # (a leading plain text the regex engine looks for fast itself)
    starts = () if folds or not seq or seq[0][0] is _parser.LITERAL else _starts(seq) or ()
    return Searcher(re.compile(pattern, re.MULTILINE), needles, False, starts)


def _at_line_start(seq: Parsed) -> bool:
    """Whether every match of the parsed sequence ``seq`` starts with "^"."""
    if not seq:
        return False
    op, av = seq[0]
    if op is _parser.AT:
        return av is _parser.AT_BEGINNING
    if op is _parser.SUBPATTERN:
        return _at_line_start(list(av[3]))
    if op is _parser.BRANCH:
        return all(_at_line_start(list(b)) for b in av[1])
    return False


def _starts(seq: Parsed) -> tuple[str, ...] | None:
    """Strings one of which every match of the parsed sequence ``seq`` starts with: its leading
    run of plain characters, or each branch's of a leading group (None: not known)."""
    if not seq:
        return None
    op, av = seq[0]
    if op is _parser.LITERAL:
        run = ""
        for op2, av2 in seq:
            if op2 is not _parser.LITERAL:
                break
            run += chr(av2)
        return (run,)
    if op is _parser.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
        return _starts(list(av[3]))
    if op is _parser.BRANCH:
        each = [_starts(list(b)) for b in av[1]]
        if all(e is not None for e in each):
            found = list(dict.fromkeys(s for e in each if e is not None for s in e))
            # (where "aktiviteter" starts, so does "aktivitet": looked for once)
            return tuple(s for s in found if not any(t != s and s.startswith(t) for t in found))
    return None


def _needle_sets(seq: Parsed) -> tuple[tuple[str, ...], ...]:
    """Sets of strings every match of the parsed sequence ``seq`` contains one of each of: each
    run of two plain characters or more in it, and each group in it whose needles are known
    (a column label's variants, :func:`_needles`): a header signal needs all its columns."""
    sets: list[tuple[str, ...]] = []
    run = ""
    for op, av in [*seq, (None, None)]:
        if op is _parser.LITERAL:
            run += chr(av)
            continue
        if len(run) >= 2:
            sets.append((run,))
        run = ""
        if ((op is _parser.SUBPATTERN and not av[1] and not av[2]) or op is _parser.BRANCH) \
                and (inner := _needles([(op, av)])):
            sets.append(inner)
    return tuple(sets)


def _needles(seq: Parsed) -> tuple[str, ...] | None:
    """Strings one of which every match of the parsed sequence ``seq`` contains: its longest
    run of plain characters, else one such run for each branch of an alternation in it."""
    best = run = ""
    alternatives: tuple[str, ...] | None = None
    for op, av in seq:
        if op is _parser.LITERAL:
            run += chr(av)
            best = max(best, run, key=len)
            continue
        run = ""
        inner: tuple[str, ...] | None = None
        if op is _parser.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            inner = _needles(list(av[3]))
        elif op is _parser.BRANCH:
            each = [_needles(list(b)) for b in av[1]]
            if all(e is not None for e in each):
                inner = tuple(n for e in each if e is not None for n in e)
        if inner and alternatives is None:
            alternatives = inner
    if len(best) >= 3 or (best and alternatives is None):
        return (best,)
    return alternatives
