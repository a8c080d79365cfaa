"""A table's caption: the short line right above a money table that names what it holds and in
what unit ("Tabell 1. Driftbudget 2027 per verksamhet, mnkr", "Driftredovisning per
verksamhet, tkr"). Its unit is the table's where the header names none, and its one year is
the year of account columns (Intäkter, Kostnader, Nettokostnad) that print none.

The caption is looked up by position, not by how the walk read it (a heading, a field's line,
the foot of the page before): the few lines right above the table.
"""

from __future__ import annotations

import re

from planparse.layouts.money_kinds import ACCOUNTS
from planparse.layouts.roles import SUM_ROW, UNITS, unit_in
from planparse.model import AmountUnit, BudgetKind, BudgetLine, Investment
from planparse.reading.model import Document, Line, Table
from planparse.text.fold import fold

# A unit as written: its abbreviation or in words ("tusentals kronor", also "tusental kronor",
# "tusen kronor"; "miljoner kronor").
_UNIT_WORDS = r"tkr|mnkr|kr|tusen(?:tals?)? kronor|miljoner kronor"
# A caption's unit: its last words, after a comma or colon, in brackets or after "i"/"belopp i".
_UNIT_END = re.compile(rf"(?:[,:(]|\bi)\s*(?:belopp i\s+)?({_UNIT_WORDS})\)?\s*$")
# A sentence stating the unit of the tables after it: "Belopp i tkr.", "Beloppen anges i
# tusentals kronor", "Belopp i tusental kronor (tkr)".
_STATED_UNIT = re.compile(rf"\b(?:belopp\w*|siffror\w*|tabell\w*)\b[^.]{{0,30}}?\b(?:i|anges i|redovisas i)\s+"
                          rf"({_UNIT_WORDS})\b")
_NUMBERED_CAPTION = re.compile(r"^tabell\s+\d+\b")
_YEAR = re.compile(r"(?<![\d–-])((?:19|20)\d{2})(?!\s*[–-]\s*(?:19|20)?\d{2})(?![\d–-])")
# Account columns: their amounts are for the year the caption names.
_MAX_GAP = 60.0  # points between a caption and the table under it


def caption_unit(text: str) -> AmountUnit | None:
    """The unit a caption-shaped line states: a short line, no sentence, ending in its unit
    (a full stop after the unit aside: "Nettokostnad per verksamhet, tkr.", also where a
    note follows it: "Investeringar per projekt, tkr. Beloppen avser …")."""
    lower = " ".join(text.casefold().split())
    lower = re.sub(r"^(.*?\b(?:tkr|mnkr|kr|kronor)\)?)\.(?:\s+[a-zåäö].*)?$", r"\1", lower)
    if len(lower.split()) > 14 or lower.endswith("."):
        return None
    m = _UNIT_END.search(lower)
    return _unit(m[1]) if m is not None else None


def _unit(words: str) -> AmountUnit | None:
    return AmountUnit.tkr if words.startswith("tusen") else AmountUnit.mnkr if words.startswith("miljon") \
        else UNITS.get(words)


def stated_unit(sentence: str) -> AmountUnit | None:
    """The unit a line of prose states for the amounts of the tables after it, if it states one."""
    m = _STATED_UNIT.search(fold(sentence))
    return _unit(m[1]) if m is not None else None


def stated_before(doc: Document, table: Table) -> AmountUnit | None:
    """The unit the last line of prose before ``table`` stating one states (a reading note on
    an earlier page: "Belopp i tusental kronor (tkr)."), for a table whose header and caption
    name none."""
    found: AmountUnit | None = None
    for block in doc.flow():
        if block is table:
            return found
        if isinstance(block, Line):
            found = stated_unit(block.text) or found
    return None


def is_caption(text: str) -> bool:
    lower = text.casefold().split()
    return caption_unit(text) is not None or (bool(_NUMBERED_CAPTION.match(" ".join(lower))) and len(lower) <= 14)


def caption_year(text: str) -> int | None:
    """The one year a caption names ("Driftbudget 2027 per verksamhet"); none for a span."""
    years = {int(y) for y in _YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


def caption(doc: Document, table: Table) -> str | None:
    """The caption over ``table``: the nearest caption-shaped line of the few right above it on
    its page, or at the foot of the page before when the table opens its page."""
    page = next((p for p in doc.pages if p.number == table.page), None)
    if page is None:
        return None
    top = table.bbox[1]
    above = _last([ln for ln in page.lines if ln.bbox[3] <= top + 1 and top - ln.bbox[3] < _MAX_GAP])
    if not any(is_caption(ln.text) for ln in above) and top < 0.25 * page.height:
        before = next((p for p in doc.pages if p.number == table.page - 1), None)
        if before is not None:
            above = _last([ln for ln in before.lines if ln.bbox[1] > 0.75 * before.height])
    return next((ln.text for ln in above if is_caption(ln.text)), None)


def _last(lines: list[Line]) -> list[Line]:
    """The three lowest of ``lines``, the lowest first."""
    return sorted(lines, key=lambda ln: -ln.bbox[3])[:3]


def table_unit(doc: Document, table: Table) -> AmountUnit | None:
    """The unit the caption over ``table`` states, if it has one."""
    found = caption(doc, table)
    return caption_unit(found) if found is not None else None


def money_unit(doc: Document, table: Table, heading: str, prev_text: str) -> AmountUnit | None:
    """A money table's unit where its header names none: its caption's, its heading's, the
    sentence right above it's, or the last earlier line of prose stating one."""
    return table_unit(doc, table) or unit_in(heading) or stated_unit(prev_text) or stated_before(doc, table)


_OF_A_YEAR = frozenset({BudgetKind.budget, BudgetKind.outcome, BudgetKind.forecast})


def date_accounts(lines: list[BudgetLine] | list[Investment], doc: Document, table: Table) -> None:
    """Give account columns without a year ("Intäkter | Kostnader | Nettokostnad", "Budget helår
    | Utfall jan–aug | Prognos helår") the one year the table's caption names ("Driftredovisning
    januari–augusti 2026, tkr"); a deviation is of no year."""
    found = caption(doc, table)
    year = caption_year(found) if found is not None else None
    if year is None:
        return
    for line in lines:
        values = line.values if isinstance(line, BudgetLine) else line.amounts
        if not isinstance(line, BudgetLine) and any(v.year is not None for v in values):
            continue  # a project over years ("2027 | 2028 | Total utgift"): its total is of none
        for v in values:
            words = fold(v.label or "").split()
            if v.year is None and words and (words[0] in ACCOUNTS or v.kind in _OF_A_YEAR) and not SUM_ROW.match(words[0]):
                v.year = year
