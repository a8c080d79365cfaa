"""Indicator tables: an indicator per row with its source, unit and values by column
("Utfall 2025", "Målvärde 2026", years or periods as columns), Tot/K/M group rows and "- "
sub-indicators; the direction from a target cell or the name's final verb ("… ska öka")."""

from __future__ import annotations

import re
from collections.abc import Callable

from planparse import vocabulary
from planparse.layouts.base import YEAR, provenance
from planparse.layouts.kpi_ids import FOOTNOTE_MARKS, code_column, split_code
from planparse.layouts.reread import (
    ocr_name_unit,
    reread_empty_figure,
    reread_figure,
    reread_lost_percent,
    reread_odd_figure,
    reread_year_heads,
    unit_read_again,
)
from planparse.layouts.roles import cell, no_figures
from planparse.layouts.spanned_header import spanned_groups
from planparse.layouts.tables import column_of, header_labels
from planparse.model import Direction, Indicator, IndicatorValue, ValueGroup, ValueKind
from planparse.reading.model import BBox, Row, Table
from planparse.text.assemble import join_lines
from planparse.text.fold import fold
from planparse.text.numbers import MONTHS_SO_FAR, ocr_number, ocr_spacing, parse_number, year_note

# An OCR'd header cell's specks and rules: a lone mark before the label ("I Utfall 2026": the
# column's rule; "= Målvärde 2026": a speck), marks after it ("Utfall 2023 ~", "Utfall2024 _|"), a year run into its word.
_LEAD_MARK = re.compile(r"^(?:[|Il!_~—=•·*-]\s+(?=[A-ZÅÄÖa-zåäö]{3})|['‘’`\"“”]+(?=[A-ZÅÄÖa-zåäö]{3}|\d))")  # "| Utfall", "'Målvärde", '"2023'
_TAIL_MARKS = re.compile(r"(?:\s+[^0-9A-Za-zÅÄÖåäö%()]+)+$")
_YEAR_RUN_IN = re.compile(r"(?<=[a-zåäö])(?=(?:19|20)\d{2}\b)")


def _header_label(table: Table, col: int) -> str:
    """The header label of value column ``col``, mended where the header was OCR'd: specks
    and rules cut, a year set apart from its word and the label's word in its capital."""
    label = table.header[col] if col < len(table.header) else ""
    head = [c for r in table.rows if r.is_header for c in r.cells if c.col == col]
    if not label or not any(ln.method != "native" for c in head for ln in c.lines):
        return label
    label = _YEAR_RUN_IN.sub(" ", _TAIL_MARKS.sub("", _LEAD_MARK.sub("", label.strip())))
    if (first := (label.split() or [""])[0])[:1].islower() and vocabulary.match_label(first.capitalize()) is not None:
        label = label[:1].upper() + label[1:]  # "utfall 2026": the OCR read the capital small
    return label


_DIRECTION_VERBS = frozenset({"Ökar", "Ska öka", "Minskar", "Ska minska"})


def name_direction(name: str) -> Direction | None:
    """Direction stated by the verb that ends an indicator name ("… ska öka", "… minskar")."""
    words = name.rstrip(" .").split()
    for n in (2, 1):
        if len(words) < n:
            continue
        m = vocabulary.match_direction(" ".join(words[-n:]))
        if m is not None and m.matched in _DIRECTION_VERBS and m.confidence >= 0.9:
            return Direction(m.value)
    return None


_GROUPS = {"tot": ValueGroup.total, "k": ValueGroup.women, "m": ValueGroup.men,
           "totalt": ValueGroup.total, "kvinnor": ValueGroup.women, "man": ValueGroup.men}
_FOOTNOTE = re.compile(r"[\s*]+$")
_NOTE = re.compile(r"^[A-ZÅÄÖ][^.]*(?:\s\S+){3,}\.$")  # a sentence of four words or more


def value_kind(label: str, series: bool = False) -> tuple[ValueKind, int | None]:
    """The kind and year of a value column from its header ("Utfall 2025", "Målvärde 2018"). A year alone is
    the baseline ("2022 | … | Utfall 2023"), unless one of a ``series`` ("2022 | 2023 | 2024"): their results."""
    year_m = YEAR.search(label)
    year = int(year_m.group(0)) if year_m else None
    f = fold(label)
    if f.startswith(("utfall", "resultat", "arsutfall", "foregaende ar", "fjolaret", "forra aret", "senaste vard",
                     "senaste utfall", "aktuellt vard", "senaste matning")):
        return ValueKind.outcome, year
    if f.startswith(("malvarde", "mal ", "mal", "target", "forvantat")):
        return ValueKind.target, year
    if year is not None and label.strip() == str(year):
        return (ValueKind.outcome if series else ValueKind.baseline), year
    if year is not None and (_TERM_YEAR.fullmatch(label.strip()) or _PERIOD_YEAR.fullmatch(label.strip())):
        return ValueKind.outcome, year  # "VT 2024", "Jan–apr 2026", "Helår 2025": what the period gave
    if f.startswith(("basvarde", "baslinje", "basar", "ingangsvarde", "utgangsvarde", "utgangslage", "nulage", "startvarde")):
        return ValueKind.baseline, year
    return ValueKind.other, year


_TERM_YEAR = re.compile(r"(?:VT|HT|T[1-3]|Tertial [1-3])\s*(?:19|20)\d{2}")
_MONTH = r"(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\.?"
_PERIOD_YEAR = re.compile(rf"(?i){_MONTH}\s*[–—-]\s*{_MONTH}\s+(?:19|20)\d{{2}}|helår(?:et)?\s+(?:19|20)\d{{2}}")
_COLUMN_GROUPS = {"kvinnor": ValueGroup.women, "flickor": ValueGroup.women, "man": ValueGroup.men,
                  "pojkar": ValueGroup.men, "totalt": ValueGroup.total, "total": ValueGroup.total}


def _column_group(label: str) -> ValueGroup | None:
    """The group a value column's header names ("Kvinnor 2024", "Män", "Totalt 2025")."""
    words = fold(label).split()
    return _COLUMN_GROUPS.get(words[0]) if words else None


def _group_col(table: Table, labels: list[str | None], taken: set[int]) -> int | None:
    """The Tot/K/M column: labelled "group" in the vocabulary, or headed "Tot K/M" (OCR'd:
    "Tot KIM", its slash an I), or a column whose filled body cells are all Tot, K or M."""
    col = column_of(labels, "group")
    if col is not None:
        return col
    for i, text in enumerate(table.header):
        if i not in taken and re.fullmatch(r"tot(?: k ?[il1|]? ?m)?|k ?[il1|]? ?m|kon", fold(text)):
            return i
    for i in range(table.n_cols):
        cells = [fold(r.cell_text(i)) for r in table.body]
        if i not in taken and any(cells) and all(c in ("", *_GROUPS) for c in cells):
            return i
    return None


_ORDER = (ValueGroup.total, ValueGroup.women, ValueGroup.men)


def _row_groups(body: list[Row], group_col: int | None, name_col: int) -> list[ValueGroup | None]:
    """Each row's Tot/K/M group. On an OCR'd layer a lone letter in the group column may be
    lost ("M" too faint or too small for Tesseract) or misread ("Kee", "OM"): a row without a
    name and with an empty group cell or one of a few letters that name no group, right under a
    Tot or K row and over a row that is not the group next in the order Tot, K, M, is that next
    group (its values are read; only their group is known from the order, never a value)."""
    if group_col is None:
        return [None] * len(body)
    groups: list[ValueGroup | None] = [_GROUPS.get(fold(r.cell_text(group_col))) for r in body]
    for k, row in enumerate(body):
        prev = groups[k - 1] if k else None
        if groups[k] is not None or prev not in _ORDER[:2] or len(row.cell_text(group_col).strip()) > 3 \
                or row.cell_text(name_col).strip() or row.native:
            continue
        following = _ORDER[_ORDER.index(prev) + 1]
        if following in groups[max(0, _last_total(groups, k)):k] or (k + 1 < len(groups) and groups[k + 1] is following):
            continue
        groups[k] = following
    return groups


def _last_total(groups: list[ValueGroup | None], k: int) -> int:
    """The index of the last Tot row before row ``k`` (0 when there is none)."""
    return max((i for i in range(k) if groups[i] is ValueGroup.total), default=0)


def _joined(row: Row, col: int) -> str:
    """A cell's lines joined as wrapped text (a line-break hyphen or a slash at a line's end
    joins the next line without a space)."""
    cell = next((c for c in row.cells if c.col <= col < c.col + c.colspan), None)
    return join_lines([ln.text for ln in cell.lines]) if cell is not None else ""


# "Önskad riktning | Ökande": the direction the indicator should take, not a value; a column saying
# which period each row's outcome is of ("Period", "Mätperiod", "Avser"): its year, no value of its own
_DIRECTION_HEAD = re.compile(r"(?:onskad|onskvard|efterstravad)? ?riktning|malriktning")
_PERIOD_HEAD = re.compile(r"(?:mat|tids|redovisnings)?period|avser(?: period| ar)?|matar")
_ICONS = "●⬤■◼◆⯁★ "
_OCR_MARKS = re.compile(r"[\s*”\"“+]+$")
def _names(table: Table, col: int) -> bool:
    """Whether column ``col`` holds names of three words or more, not units ("Andel", "kWh/m²")."""
    cells = [t for r in table.body if (t := r.cell_text(col).strip())]
    return bool(cells) and sum(len(t.split()) for t in cells) >= 3 * len(cells)


def _worded(table: Table, col: int) -> bool:
    """Whether column ``col`` holds words, no figure (an assessment's "Uppfyllt", not a forecast's "62")."""
    cells = [t for r in table.body if (t := r.cell_text(col).strip())]
    return bool(cells) and all(vocabulary.match_assessment(t) is not None for t in cells)


def indicator_rows(
    table: Table, reread: Callable[[int, BBox], str | None] | None = None, skip: frozenset[int] = frozenset(),
    this_year: int | None = None,
) -> list[Indicator]:
    """Indicators from a table whose header names the indicator, source, unit and value
    columns; one value per filled cell, in column order.

    With a Tot/K/M column, K and M rows add their values to the indicator of the Tot row above.
    A "- " row is a sub-indicator of the nearest row above without one ("<parent>: <name>").
    Footnote marks are cut from names and kept in raw values. On OCR'd text a value cell is
    mended as a figure (specks, a minus, letters for digits), and one that may be a figure
    misread is read again from the page image with ``reread`` (the document's). Columns in
    ``skip`` belong to someone else (a goal table's goal and assessment columns); an indicator's
    own assessment in words ("Bedömning" | "Uppfyllt") is no value. An outcome of
    months and no year ("Utfall jan–aug") is of the document's year, ``this_year``."""
    labels = header_labels(table)
    name_col = column_of(labels, "indicator")
    if name_col is None:  # "Mått" names them where no column is the indicator's and it holds names, not units
        name_col = next((i for i, lab in enumerate(labels) if lab == "measure" and i not in skip and _names(table, i)), 0)
    source_col = column_of(labels, "source")
    unit_col = column_of(labels, "measure")
    if unit_col == name_col:  # "Mått | Mål | Utfall": the measure column names the indicator
        unit_col = None
    if unit_col is None:  # "Indikator | Enhet | Utfall": the unit's (no label: elsewhere an organisation's unit)
        unit_col = next((i for i, h in enumerate(table.header) if i != name_col and fold(h).strip() == "enhet"), None)
    group_col = _group_col(table, labels, {name_col, *(c for c in (source_col, unit_col) if c is not None)})
    period_col = next((i for i, h in enumerate(table.header) if _PERIOD_HEAD.fullmatch(fold(h).strip())), None)
    way_col = next((i for i, h in enumerate(table.header) if _DIRECTION_HEAD.fullmatch(fold(h).strip())), None)
    value_cols = [
        i
        for i in range(table.n_cols)  # (text columns before a named column group the rows: a styrkort's perspective)
        if i not in (name_col, source_col, unit_col, group_col, period_col, way_col) and i not in skip
        and (i > name_col or labels[name_col] is None or any(ch.isdigit() for r in table.body for ch in r.cell_text(i)))
        and not (labels[i] == "assessment" and _worded(table, i))  # "Bedömning: Uppfyllt": no measure
        and not code_column(table, i)
    ]
    reread_year_heads(table, reread, value_cols)
    # (read from the mended labels: an OCR'd "2024 -" is the year's column too)
    series = sum(1 for i in value_cols if YEAR.fullmatch(_header_label(table, i).strip())) >= 2
    out: list[Indicator] = []
    parent: Indicator | None = None  # the nearest indicator that is not a "- " sub-indicator
    total: Indicator | None = None  # the indicator of the last Tot row
    groups = _row_groups(table.body, group_col, name_col)
    spanned = spanned_groups(table) if group_col is None else {}
    # A table of one indicator, its name in the header's first cell over its Kvinnor / Män /
    # Totalt rows (or its one row of values), no row naming one: every row's values are its.
    head = table.header[name_col].strip() if name_col < len(table.header) else ""
    named = Indicator(uid="", name=head, provenance=provenance(table.rows[0])) if head and labels[name_col] is None \
        and (group_col is not None or len(table.body) == 1) and not any(_joined(r, name_col) for r in table.body) else None
    if named is not None:
        out.append(named)
    heads: dict[int, tuple[str, ValueKind, int | None, ValueGroup | None, bool]] = {}  # each value column's, once
    for row, group in zip(table.body, groups, strict=True):
        ocr = not row.native
        # footnote marks cut; on OCR'd text also what an OCR reads them as ("”\"", "”+")
        name = (_OCR_MARKS if ocr else _FOOTNOTE).sub("", FOOTNOTE_MARKS.sub("", _joined(row, name_col))).strip()
        name, code = split_code(ocr_name_unit(unit_read_again(name, cell(row, name_col), reread)) if ocr else name)
        own: Indicator | None = named
        if name:
            # (an OCR reads the dash of a sub-indicator as a bullet: "• Andel tillsvidareanställda")
            sub = name.startswith(("- ", "– ", *(("• ",) if ocr else ())))
            if sub:
                name = f"{parent.name}: {name[2:].strip()}" if parent else name[2:].strip()
            own = Indicator(
                uid="",
                name=name,
                source=(row.cell_text(source_col) or None if source_col is not None else None) or code,
                unit=row.cell_text(unit_col) or None if unit_col is not None else None,
                provenance=provenance(row),
            )
            out.append(own)
            parent = own if not sub else parent
            if way_col is not None and (d := vocabulary.match_direction(row.cell_text(way_col))) is not None:
                own.direction = Direction(d.value)
        if group in (ValueGroup.women, ValueGroup.men) and total is not None:
            ind = total
        elif own is not None:
            ind = own
        else:
            continue
        if group is ValueGroup.total:
            total = ind
        elif group is None:
            total = None
        period = YEAR.findall(row.cell_text(period_col)) if period_col is not None else []
        for i in value_cols:
            raw, noted = year_note(row.cell_text(i) or (reread_empty_figure(reread, table.body, row, i) if ocr else None) or "")
            if not raw or not raw.strip(_ICONS) or raw.strip() in ("–", "-", "—", "..", "…"):
                continue  # (a trend column's coloured dot, a dash for a figure not there: no value)
            if any(ln.method != "native" for c in row.cells if c.col == i for ln in c.lines):
                raw = ocr_spacing(ocr_number(raw))
                again = reread_figure(reread, cell(row, i)) if parse_number(raw) is None else None
                raw = ocr_spacing(again) if again is not None else raw
                others = [ocr_number(t) for j in value_cols if j != i and (t := row.cell_text(j))]
                odd = reread_odd_figure(reread, cell(row, i), others) if again is None else None
                odd = odd or (reread_lost_percent(reread, cell(row, i), others) if again is None else None)
                raw = ocr_spacing(odd) if odd is not None else raw
            if i not in heads:
                label, by_column = spanned[i] if i in spanned else (_header_label(table, i), None)
                heads[i] = (label, *value_kind(label, series), by_column or _column_group(label),
                            MONTHS_SO_FAR.search(fold(label)) is not None)
            label, kind, year, by_column, so_far = heads[i]
            year = year if year is not None else noted  # ("Nuläge" over "72 %" / "(2025)")
            if kind is ValueKind.other and (parse_number(raw) is None or len(raw.strip()) == 1) and no_figures(label):
                continue  # a trend's arrow (OCR'd: "1"), an assessment's icon or word: no value of the indicator
            if by_column is not None and kind is ValueKind.other and year is not None:
                kind = ValueKind.outcome  # "Kvinnor 2024": what the year's figure was, for women
            if kind in (ValueKind.outcome, ValueKind.target) and year is None and period:
                year = int(period[-1])  # "Utfall", "Målvärde" beside "Period: Jan–apr 2026": that year's
            if kind is ValueKind.outcome and year is None and so_far:
                year = this_year
            ind.values.append(
                IndicatorValue(label=label, kind=kind, year=year, group=group or by_column, raw=raw, value=parse_number(raw))
            )
            d = vocabulary.match_direction(raw)
            if d is not None and ind.direction is None and group in (None, ValueGroup.total):
                ind.direction = Direction(d.value)
    while len(out) > 1 and not out[-1].values and _NOTE.match(out[-1].name) and any(i.values for i in out):
        out.pop()  # a note under the table read as its last row ("Utfallet avser …"): a sentence, no value
    return out

