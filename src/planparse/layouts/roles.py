"""Tables by role: which role a table plays (activities, indicators, budget, investments,
internal control, risks) and the cell helpers every table reader shares. Activity and
indicator rows are read by :mod:`.tables`, budget and investment tables by :mod:`.money`,
control and risk tables by :mod:`.control_tables`. Columns are found by their header words, never by
position alone.
"""

from __future__ import annotations

import re
from enum import Enum

from planparse import vocabulary
from planparse.layouts.base import YEAR
from planparse.layouts.tables import TableKind, classify_table
from planparse.model import AmountUnit, BudgetKind, BudgetLine
from planparse.reading.model import Cell, Row, Table
from planparse.text.assemble import join_lines, list_item
from planparse.text.control_labels import control_labels, risk_labels
from planparse.text.fold import fold
from planparse.text.numbers import parse_number


class Role(Enum):
    activities = "activities"
    indicators = "indicators"
    budget = "budget"
    investments = "investments"
    controls = "controls"
    risks = "risks"
    figure = "figure"
    other = "other"


UNITS = {u.value: u for u in AmountUnit}
BUDGET_KINDS = {
    "budget": BudgetKind.budget, "arsbudget": BudgetKind.budget, "ram": BudgetKind.budget,
    "utfall": BudgetKind.outcome, "bokslut": BudgetKind.outcome, "redovisning": BudgetKind.outcome,
    "prognos": BudgetKind.forecast, "helarsprognos": BudgetKind.forecast,
    "avvikelse": BudgetKind.deviation, "budgetavvikelse": BudgetKind.deviation, "differens": BudgetKind.deviation,
    "aterstar": BudgetKind.deviation, "forandring": BudgetKind.other,  # a change between years
}  # fmt: skip
_BUDGET_ROWS = ("intakter", "kostnader", "nettokostnad", "personalkostnader", "lokalkostnader",
                "avskrivningar", "kapitalkostnader", "ovriga kostnader", "resultat", "summa")
SUM_ROW = re.compile(r"^(summa|totalt?|total |netto(?:kostnad)?\s+totalt)", re.IGNORECASE)


def cell(row: Row, col: int | None) -> Cell | None:
    if col is None:
        return None
    return next((c for c in row.cells if c.col <= col < c.col + c.colspan), None)


def text(row: Row, col: int | None) -> str:
    c = cell(row, col)
    return join_lines([ln.text for ln in c.lines]) if c is not None else ""


def name_text(row: Row, col: int | None) -> str:
    """A cell's text as an item's name: a bullet before it (a cell's list mark, or one an OCR'd
    layer read into the cell) is no part of the name."""
    name = text(row, col)
    item = list_item(name)
    return item[1] if item is not None and item[0] and not item[0][0].isdigit() else name


def none_if_empty(value: str) -> str | None:
    return value.strip() or None


def as_int(value: str) -> int | None:
    n = parse_number(value)
    return int(n) if isinstance(n, int | float) else None


def column(header: list[str], *prefixes: str) -> int | None:
    """The first column whose folded header is one of ``prefixes`` or starts with one and a space."""
    for i, h in enumerate(header):
        if any(h == p or h.startswith(p + " ") for p in prefixes):
            return i
    return None


def label_column(table: Table, label: str) -> int | None:
    """The first column whose header the vocabulary maps to ``label`` ("Ansvarig" → owner)."""
    for i, h in enumerate(table.header):
        m = vocabulary.match_label(h)
        if m is not None and m.value == label:
            return i
    return None


# Each unit as a word, compiled once (every row the table finder looks at asks).
_UNIT_WORDS = tuple((re.compile(rf"\b{w}\b"), u) for w, u in UNITS.items())


def unit_in(text_: str) -> AmountUnit | None:
    f = fold(text_)
    return next((u for w, u in _UNIT_WORDS if w.search(f)), None)


def name_column(table: Table) -> int:
    """The first column that holds text in the header or the body (producers leave empty
    phantom columns at the left of some tables)."""
    for i in range(table.n_cols):
        if (i < len(table.header) and table.header[i].strip()) or any(
            c.text for r in table.body[:8] for c in r.cells if c.col == i
        ):
            # a column of codes before the names ("Ansvar 4110 | Benämning Stadsbiblioteket"): the names'
            texts = [c.text.strip() for r in table.body for c in r.cells if c.col == i and c.text.strip()]
            names = [c.text for r in table.body for c in r.cells if c.col == i + 1 and any(ch.isalpha() for ch in c.text)]
            if texts and all(t.isdigit() and len(t) >= 2 for t in texts) and len(names) >= len(texts):
                return i + 1
            return i
    return 0


# Columns only a budget table has (an indicator table has Utfall, Mål, and Prognos too).
_PLAIN_BUDGET = frozenset({"budget", "arsbudget", "avvikelse", "budgetavvikelse", "bokslut", "differens", "intakter", "kostnader", "netto"})
_COUNTS = ("statistik", "antal ")  # a first column or row names counting things: statistics, not money
_MONEY_COLUMNS = ("intakter", "kostnader", "netto", "total utgift", "totalt", "summa")


def money_column(folded: str) -> bool:
    """A budget table's value column by its header: Budget, Utfall, Prognos, Avvikelse, Bokslut,
    Intäkter, Kostnader, Nettokostnad (with a year or period after it)."""
    first = folded.split()[:1]
    return bool(first) and (first[0] in BUDGET_KINDS or folded.startswith(_MONEY_COLUMNS))


def money_header(words: list[str]) -> bool:
    """A row of column labels that opens a budget or investment table: a first column naming
    projects, or one in tkr/mnkr, or two money columns, with money or year columns after it
    ("Verksamhet, tkr | Budget 2025 | Budget 2026", "Investeringsprojekt | Beskrivning | 2026 |
    2027"). Decided from the labels alone: the caller rebuilds an unruled table under it."""
    folded = [fold(w) for w in words if w.strip()]
    if len(folded) < 2:
        return False
    money = sum(1 for h in folded[1:] if money_column(h))
    years = sum(1 for h in folded[1:] if YEAR.fullmatch(h.strip()))
    if projects_label(folded[0]):
        return years >= 1 or money >= 1
    if unit_in(folded[0]) is not None:
        return money + years >= 1
    return money >= 2 and not _names_indicators(words)


def projects_label(folded: str) -> bool:
    """A first column naming investment projects ("Investeringsprojekt, tkr", "Projekt"),
    also where its word is broken at a narrow column's edge ("Investerin" / "gsprojekt")."""
    first = folded.split()[0] if folded.split() else ""
    return folded.startswith(("investering", "projekt")) or (len(first) >= 7 and "investeringsprojekt".startswith(first))


def _names_indicators(header: list[str]) -> bool:
    """A header with a column naming indicators, their source or their measure ("Indikator",
    "Nyckeltal", "Källa", "Mått"): an indicator table, whatever its rows say (a row may
    measure a budget deviation in mnkr)."""
    return any(vocabulary.label_of(h) in ("indicator", "source", "measure") for h in header if h.strip())


# A value column stating a price, a fee or a rate ("Pris per år, kr", "Avgift", "Kronor per
# termin"): what something costs, as a procurement or a taxa states it, not a budget's amount; or a
# statistic in kronor ("Antal", "Medellön, kr", "Kvinnors lön i % av mäns"): a salary survey.
_PRICE = re.compile(r"^(?:\w*pris|\w*avgift|taxa|a-pris|à-pris)\b|\bper\b|^antal\b|lon\b|%|^andel\b")


def _prices(header: list[str]) -> bool:
    """Whether every value column of a folded header (after the name column) names a price, a
    rate or a statistic and none a budget's kind or a year."""
    values = [h for h in header[1:] if h.strip()]
    return bool(values) and all(_PRICE.search(h) and not money_column(h) and not YEAR.search(h) for h in values)


# Rows of a balance sheet (positions at a date), a cash-flow statement or a balanskravsutredning:
# accounts of the year, neither a budget's amounts nor its outcome.
_STATEMENT_ROWS = re.compile(
    r"tillgangar\b|eget kapital|\bskulder\b|^avsattningar|kassaflode|likvida medel|balanskrav|"
    r"(lopande|investerings|finansierings)verksamhet|rea(lisations)?vinst|resultatutjamning"
)


def _statement(names: list[str]) -> bool:
    """Whether a table's row names are a balance sheet's, a cash-flow statement's or a balanskrav's."""
    return sum(1 for n in names if _STATEMENT_ROWS.search(n)) >= 2


def classify(table: Table) -> Role:
    header = [fold(h) for h in table.header if h.strip()]
    joined = " ".join(header)
    if not header:
        return Role.other
    if all(re.fullmatch(r"\d{1,2}", h.strip()) for h in table.header if h.strip()):
        return Role.figure  # a risk matrix's axis
    if control_labels(header):
        return Role.controls
    if risk_labels(header):
        return Role.risks
    first = name_column(table)
    names = [fold(text(r, first)) for r in table.body[:12]]
    # A project's own account ("Projekt, tkr" over Intäkter, Kostnader, Totalt) is budget lines;
    # an investment table lists projects.
    account = sum(1 for n in names if not SUM_ROW.match(n) and (
        n.startswith(_BUDGET_ROWS) or n.endswith(("intakter", "kostnader")))) >= 2
    if _statement(names) and not any(h.split()[0] in ("budget", "plan") for h in header[1:]):
        return Role.other  # (a balansbudget or kassaflödesbudget, with its budget years, is a budget)
    if (projects_label(header[0]) and not (header[0].startswith("projekt") and account)) \
            or re.search(r"total ?utgift|investeringsutgift", joined):
        return Role.investments
    kind = classify_table(table)
    if kind is TableKind.activities:
        return Role.activities
    if kind is TableKind.indicators and _names_indicators(table.header):
        return Role.indicators
    money = sum(1 for h in header[1:] if money_column(h))
    budget_rows = sum(1 for n in names if n.startswith(_BUDGET_ROWS))
    # A unit in the header, or a row of units under it ("| tkr | tkr"), not a unit in a row's
    # measure cell.
    unit = unit_in(joined) is not None or any(
        not text(r, first) and any(UNITS.get(fold(c.text)) for c in r.cells) for r in table.body[:2]
    )
    plain_budget = sum(1 for h in header[1:] if (h.split() or [""])[0] in _PLAIN_BUDGET)
    # "Statistik | Bokslut 2024 | Budget 2025" over "Antal besökare" rows: counts, not money
    if not unit and (header[0].startswith(_COUNTS) or sum(1 for n in names if n.startswith(_COUNTS)) >= 2):
        money = plain_budget = budget_rows = 0
    if (header[0].startswith("detaljbudget") or (money and (unit or budget_rows)) or (plain_budget and money >= 2)) and (
        kind is not TableKind.indicators or budget_rows >= 2 or unit
        or (plain_budget >= 2 and not _names_indicators(table.header))  # "Verksamhet | Budget | Utfall | Avvikelse"
    ):
        return Role.budget
    if kind is TableKind.indicators:
        return Role.indicators
    if (unit and not _prices(header)) or budget_rows >= 2 or account:
        return Role.budget
    years = sum(1 for h in table.header if YEAR.search(h))
    if years >= 2 and table.n_cols >= 3 or years_down(table):
        return Role.indicators
    return Role.other


_PERIOD_HEADS = frozenset({"ar", "period", "artal", "lasar"})


def years_down(table: Table) -> bool:
    """Whether an indicator table is set with its periods down the first column ("År | Meritvärde åk 9
    | Behörighet %" over "2023 | 212,4 | 81", …, "Mål 2025 | 225,0 | 90"): each other column an indicator."""
    if not table.header or fold(table.header[0]).strip(" :") not in _PERIOD_HEADS or table.n_cols < 2:
        return False
    firsts = [fold(text(r, 0)) for r in table.body]
    return sum(1 for f in firsts if YEAR.fullmatch(f.strip())) >= 2 and all(
        YEAR.search(f) for f in firsts if f.strip())


def header_and_body(table: Table) -> tuple[list[str], list[Row]]:
    """The header labels and body rows of a table whose header is printed over several bold
    lines (each line a row of its own): the lines are joined column by column."""
    rows = table.rows
    if not rows or not rows[0].is_header:
        return list(table.header), table.body
    k = 1
    while k < len(rows) and all(ln.bold for c in rows[k].cells for ln in c.lines) and any(
        c.text for c in rows[k].cells if c.col != name_column(table)
    ):
        k += 1
    if k == 1:
        return list(table.header), table.body
    header = [join_lines([text(r, i) for r in rows[:k]]) for i in range(table.n_cols)]
    return header, rows[k:]


def summed_rows(name: str, parts: list[BudgetLine], section: str | None = None) -> list[BudgetLine]:
    """The rows a sum row adds: those its name names when two or more do ("Summa kostnader" over
    "Intäkter", "Personalkostnader", "Övriga kostnader" adds the costs), else all of them; a sum
    naming its own section ("Summa kultur" under the group row "Kultur") adds all of them."""
    words = fold(name).split()
    if len(words) != 2 or not SUM_ROW.match(words[0]):
        return parts
    stem = words[1][:max(5, len(words[1]) - 3)]
    if section is not None and stem in fold(section):
        return parts
    named = [p for p in parts if stem in fold(p.name)]
    return named if len(named) >= 2 else parts


def no_figures(label: str) -> bool:
    """A column of a trend ("Trend": ↑) or of a status or assessment (its icon or word), no values."""
    return fold(label).startswith("trend") or vocabulary.label_of(label) in ("assessment", "status")
