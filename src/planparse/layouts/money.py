"""Money tables and amounts: budget lines (Budget, Utfall, Prognos, Avvikelse, Bokslut columns
in mnkr, tkr or kr; sum rows checked against the rows they sum), investments (projects by
year, Total utgift, "årligen") and amounts stated in list items."""

from __future__ import annotations

import re
from collections.abc import Callable

from planparse.layouts.activity_cells import titled_lines
from planparse.layouts.base import YEAR, Builder, provenance
from planparse.layouts.figures import adds_up, settle_amounts
from planparse.layouts.money_kinds import ACCOUNTS, bare_year_kind, column_kind
from planparse.layouts.reread import reread_figure
from planparse.layouts.roles import (
    SUM_ROW,
    UNITS,
    cell,
    header_and_body,
    label_column,
    name_column,
    none_if_empty,
    text,
    unit_in,
)
from planparse.layouts.spanned_header import own_labels
from planparse.layouts.sums import check_sums, mark_unnamed_sum, sum_sections
from planparse.model import (
    AmountUnit,
    BudgetKind,
    BudgetLine,
    BudgetValue,
    Investment,
    InvestmentAmount,
)
from planparse.reading.model import BBox, Line, Row, Table
from planparse.text.assemble import join_lines
from planparse.text.fold import fold
from planparse.text.numbers import MONTHS_SO_FAR, ocr_number, ocr_thousands, parse_number

# A decimal part of one or two digits: an amount column that has one is not in whole units.
_DECIMALS = re.compile(r"\d[,.]\d{1,2}\s*%?$")


def amount_texts(
    rows: list[Row], cols: list[int], reread: Callable[[int, BBox], str | None] | None = None
) -> dict[tuple[int, int], str]:
    """The text of each amount cell by (row index, column); cells read by OCR mended
    (:func:`planparse.text.numbers.ocr_number`, a speck read as one or two lower-case letters
    after the amount or alone in the cell dropped, a figure misread read again from the page image with
    ``reread``, the document's), and in a column of whole amounts a thousands
    space read as a comma or point made a space again ("22,669" → "22 669"), and one printed
    as a point too ("12.480")."""
    out: dict[tuple[int, int], str] = {}
    ocr: set[tuple[int, int]] = set()
    for k, row in enumerate(rows):
        for i in cols:
            raw = text(row, i)
            c = cell(row, i)
            if raw and c is not None and any(ln.method != "native" for ln in c.lines):
                raw = ocr_number(raw)
                head, _, last = raw.rpartition(" ")
                if len(last) <= 2 and last.isalpha() and last.islower() and parse_number(head) is not None:
                    raw = head  # a speck read as letters after the amount ("5 096 ie")
                if parse_number(raw) is None:
                    raw = reread_figure(reread, c) or raw
                if len(raw) <= 2 and raw.isalpha() and raw.islower():
                    raw = ""  # a speck read as a letter alone in the cell ("a"), no figure read again
                ocr.add((k, i))
            out[(k, i)] = raw
    for i in cols:
        if any(_DECIMALS.search(t) for (k, j), t in out.items() if j == i):
            continue
        for key, t in out.items():
            if key[1] == i and key in ocr:
                out[key] = ocr_thousands(t)
            elif key[1] == i and _POINT_THOUSANDS.match(t):
                out[key] = t.replace(".", " ")
    return out


# Thousands set apart by points ("12.480", "−1.250"), as printed, not only as OCR reads them.
_POINT_THOUSANDS = re.compile(r"^\(?[-−–]?\d{1,3}(?:\.\d{3})+\)?$")  # (in parentheses: an accountant's minus)


def budget_lines(table: Table, out: Builder, caption_unit: AmountUnit | None = None) -> list[BudgetLine]:
    """Budget lines from a table with a name column and value columns; a row of units alone
    ("tkr | tkr") sets the units of the columns below it. ``caption_unit``: the unit the
    heading over the table names ("Driftredovisning (tkr)"), where the header names none."""
    header = table.header
    first = name_column(table)
    cols = [i for i in range(first + 1, table.n_cols) if (i >= len(header) or header[i].strip() or any(
        text(r, i) for r in table.body)) and not fold(header[i] if i < len(header) else "").startswith("antal")
        and not _shares(table, i)]
    table_unit = unit_in(" ".join(header)) or unit_in(join_lines(header[:1])) or caption_unit or (
        # a header cell the column grid dropped ("Ekonomiskt utfall (tkr)" read off a scan)
        unit_in(" ".join(table.rows[0].texts)) if table.rows and table.rows[0].is_header else None)
    units: dict[int, AmountUnit | None] = {i: unit_in(header[i]) if i < len(header) else None for i in cols}
    lines: list[BudgetLine] = []
    columns: dict[int, dict[int, int | float]] = {}  # id(line) → column → amount, for sum checks
    header = list(header)
    body = table.body
    if body and not text(body[0], first) and all(YEAR.fullmatch(text(body[0], i)) for i in cols if text(body[0], i)) \
            and any(text(body[0], i) for i in cols):  # a second header row of years
        for i in cols:
            if (yr := text(body[0], i)) and i < len(header):
                header[i] = f"{header[i]} {yr}".strip()
        body = body[1:]
    amounts = amount_texts(body, cols, out.doc.reread)
    settle_amounts(body, cols, first, amounts, header, out.doc.reread, out.warn)
    section: str | None = None
    budget_years = [int(y[1]) if (y := YEAR.search(h)) else 0 for h in header if fold(h).split()[:1] == ["budget"]]
    for k, row in enumerate(body):
        name = text(row, first)
        found = {i: UNITS.get(fold(text(row, i))) for i in cols}
        alone = {fold(w) for c in row.cells for w in c.text.split()}
        if len(alone) == 1 and (unit := UNITS.get(next(iter(alone)))) is not None and not any(found.values()):
            units = {i: unit for i in cols}  # a unit alone on its row, spanning the figure columns ("tkr")
            continue
        if any(found.values()) and all(found[i] for i in cols if text(row, i)):
            # a row of units ("tkr | tkr"), its name cell empty or the name column's label ("Verksamhet")
            units.update({i: u for i, u in found.items() if u is not None})
            if len(given := {u for u in units.values() if u is not None}) == 1:
                # (one unit for every column but one left blank: an OCR lost that cell's "tkr")
                units = {i: u or next(iter(given)) for i, u in units.items()}
            continue
        if not name:
            if any(c.text for c in row.cells):
                out.warn("unplaced_row", f"budget row without name: {row.texts}", row.page)
            continue
        named = cell(row, first)  # (a group heading's cell may span the row: no amount of the columns it covers)
        if _name_only(table, row, first):
            if not SUM_ROW.match(name):
                section = name  # a group row ("More Than One Story" over the project's lines), not a line
            continue
        line = BudgetLine(uid="", name=name, provenance=provenance(row), is_sum=bool(SUM_ROW.match(name)),
                          section=section)
        for i in cols:
            raw = amounts[(k, i)]
            if not raw or cell(row, i) is named:
                continue
            label = header[i] if i < len(header) else ""
            kind = column_kind(label)
            folded = fold(label)
            words = folded.split()
            printed = YEAR.search(label)
            if words and words[0] in ACCOUNTS and budget_years and not (printed and int(printed[1]) > max(budget_years)):
                kind = BudgetKind.outcome  # "Intäkter | Kostnader | Nettokostnad | Budget": what the year gave (not a later year's plan)
            # "Utfall jan–apr": the months so far of the report's year, as for indicators
            year = int(printed.group(1)) if printed else out.year if MONTHS_SO_FAR.search(folded) else None
            if printed and YEAR.fullmatch(label.strip()):
                kind = bare_year_kind(name, int(printed.group(1)), out.document_type, out.year)
            amount = parse_number(raw)
            if amount is None:
                continue  # "Ej aktuellt", or a figure misread past reading (warned of by settle_amounts)
            line.values.append(BudgetValue(
                label=label, year=year, kind=kind,
                amount=amount, unit=units.get(i) or table_unit,
            ))
            if isinstance(amount, int | float):
                columns.setdefault(id(line), {})[i] = amount
        lines.append(line)
    mark_unnamed_sum(lines, columns)
    sum_sections(lines)
    check_sums(lines, columns, header, out)
    return lines


def _shares(table: Table, col: int) -> bool:
    """A column of shares ("Andel | 25 %", "Andel % | 58,0"): every figure in it a percentage, or
    its header a share in per cent; no amounts."""
    found = [t for r in table.body if (t := text(r, col))]
    header = table.header[col].lower() if col < len(table.header) else ""
    return bool(found) and (all(t.rstrip().endswith("%") for t in found) or header.startswith("andel") and "%" in header)


def _name_only(table: Table, row: Row, first: int) -> bool:
    """Whether ``row`` has text in its name column (``first``) alone: a group heading, its
    cell possibly spanning the row, or a sum's name wrapped onto a row of its own."""
    named = cell(row, first)
    return not any(text(row, i) for i in range(table.n_cols) if i != first and cell(row, i) is not named)


_SCHEDULE = re.compile(r"^(?:tids?plan|tidpunkt|period|genomforande(?:tid|period)?|byggstart|start|klart|fardig\w*)\b")  # when, not how much


def investments(table: Table, out: Builder, caption_unit: AmountUnit | None = None) -> list[Investment]:
    """Investments from a table naming projects, with amounts by year (see :func:`budget_lines`
    for ``caption_unit``). A name-only row under a project goes on with its name where it
    reads as a wrap ("Ny teknik bowlinghall" / "Korsavad (6154)") or opens the next page (a row
    broken by the page); a capitalised one without a number is a group heading ("Gator och
    parker")."""
    labels, body = header_and_body(table)
    header = [fold(h) for h in labels]
    unit = unit_in(" ".join(header)) or caption_unit
    desc = label_column(table, "description")
    owner = label_column(table, "owner")
    first = name_column(table)
    candidates = [i for i in range(first + 1, table.n_cols) if i not in (desc, owner) and not _SCHEDULE.match(header[i])]
    amounts = amount_texts(body, candidates, out.doc.reread)
    settle_amounts(body, candidates, first, amounts, labels, out.doc.reread, out.warn)
    amount_cols = [i for i in candidates if any(parse_number(amounts[(k, i)]) is not None for k in range(len(body)))]
    years = {i: int(m.group(1)) if (m := YEAR.search(labels[i])) else None for i in amount_cols}
    own = own_labels(table.rows[:len(table.rows) - len(body)], labels)
    found: list[Investment] = []
    last: Investment | None = None
    section: str | None = None
    sums: list[tuple[str, bool, dict[int, int | float], int]] = []  # (name, is sum, amounts, page), for the check
    for k, row in enumerate(body):
        name = text(row, first)
        # (a group heading's cell spans the row: its name is no amount of the columns it covers)
        named = cell(row, first)
        values = {i: amounts[(k, i)] for i in amount_cols if amounts[(k, i)] and (named is None or cell(row, i) is not named)}
        figures = {i: n for i, raw in values.items() if isinstance(n := parse_number(raw), int | float)}
        if name and figures:
            sums.append((name, bool(SUM_ROW.match(name)), figures, row.page))
        if name and not values and last is not None and not all(ln.bold for c in row.cells for ln in c.lines) \
                and (row.page != last.provenance.page or _wraps_name(last.name, name)):  # a row broken by the page
            last.name = join_lines([last.name, name])  # a wrapped name, or a project number under it
            continue
        # (a sum row with amounts is an investment of its own, as the real golds keep it)
        if not name or (SUM_ROW.match(name) and not figures) or not values:
            last = None  # a sum, a group heading ("Pågående projekt") or a wrapped sum name
            if not name and values and not any(SUM_ROW.match(fold(c.text)) for c in row.cells):
                out.warn("unplaced_row", f"investment row without name: {row.texts}", row.page)
            if name and not SUM_ROW.match(name) and name[:1].isupper() and _name_only(table, row, first):
                section = name  # a group heading: the section of the projects under it
            continue
        described = none_if_empty(text(row, desc))
        if desc is None and (named := cell(row, first)) is not None and (n := titled_lines(named.lines)) is not None:
            name, described = join_lines([ln.text for ln in named.lines[:n]]), join_lines([ln.text for ln in named.lines[n:]])
        inv = Investment(uid="", name=name, description=described,
                         responsible=none_if_empty(text(row, owner)), provenance=provenance(row),
                         is_sum=bool(SUM_ROW.match(name)), section=section)
        for i, amount in figures.items():  # ("årligen", an empty cell: no amount, under a year or not)
            inv.amounts.append(InvestmentAmount(year=years[i], amount=amount, unit=unit,
                                                label=own[i] or None, kind=column_kind(labels[i])))
        found.append(inv)
        last = inv
    _check_subtotals(sums, labels, out)
    sum_sections(found)
    return found


def _check_subtotals(rows: list[tuple[str, bool, dict[int, int | float], int]], labels: list[str], out: Builder) -> None:
    """Each sum row of an investment table against the projects since the previous sum row
    ("Summa fastigheter"), or, right after sum rows, against those subtotals ("Totalt"): a
    mismatch is a warning naming row, column and difference; the printed value is kept."""
    parts: list[dict[int, int | float]] = []
    subtotals: list[dict[int, int | float]] = []
    for name, is_sum, figures, page in rows:
        if not is_sum:
            parts.append(figures)
            continue
        addends_of, parts = parts or subtotals, []
        subtotals = [] if addends_of is subtotals else [*subtotals, figures]
        for col, printed in sorted(figures.items()):
            addends = [p[col] for p in addends_of if col in p]
            if len(addends) >= 2 and not adds_up(addends, printed):
                total = round(sum(addends), 6)
                out.warn("sum_mismatch", f"sum row {name!r}, column {labels[col] if col < len(labels) else col!r}: "
                         f"printed {printed:g}, rows above add up to {total:g} (difference {round(printed - total, 6):+g})",
                         page)


def _wraps_name(above: str, name: str) -> bool:
    """Whether a name-only row goes on with the project name above it: in lower case, a
    project number ("(6014)", "Korsavad (6154)"), or after a name that is not done ("…,")."""
    if SUM_ROW.match(name):
        return False
    return name[:1].islower() or name[:1] in "(0123456789" or bool(re.search(r"\(\d", name)) \
        or above.rstrip().endswith((",", "-", "–", " och", " samt"))


# An amount in running text: "Sociala investeringar 11,3 mnkr.", "Anslaget för … 171,7 mnkr samt".
_AMOUNT = re.compile(
    r"^(?P<name>.*?)[\s,]+(?P<amount>[-−–]?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:,\d+)?|[-−–]?\d+(?:,\d+)?)\s*"
    r"(?P<unit>mnkr|tkr|kr)\b(?P<rest>.*)$"
)
_FOR_PERIOD = re.compile(r"\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2,4}\b|\bför perioden\b", re.IGNORECASE)


def budget_item(item: str, label: str, year: int | None, lines: list[Line]) -> BudgetLine | None:
    """A budget line from a list item naming an amount ("Sociala investeringar 11,3 mnkr."),
    labelled by the heading above; an amount for a span of years has no single year."""
    m = _AMOUNT.match(item)
    if m is None or not re.search(r"[A-Za-zÅÄÖåäö]{3}", m["name"]) or len(m["rest"].split()) > 3:  # a sentence goes on
        return None
    name = m["name"].rstrip(" ,:–-")
    years = YEAR.findall(label)
    when: int | None = int(years[-1]) if years else year
    if _FOR_PERIOD.search(name) or _FOR_PERIOD.search(m["rest"]):
        when = None
    value = BudgetValue(label=label, year=when, kind=BudgetKind.budget, amount=parse_number(m["amount"]),
                        unit=AmountUnit(m["unit"]))
    return BudgetLine(uid="", name=name, values=[value], provenance=provenance(*lines))
