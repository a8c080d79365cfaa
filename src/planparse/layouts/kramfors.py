"""Kramfors-style "Verksamhetsplan <år>" (a Word template): a förvaltning's yearly plan.

Layout (see fixtures/README.md, "## kramfors"): a cover (logotype with "<Kommun> kommun",
the förvaltning, "Verksamhetsplan <år>" large, the organ) with a ruled document-information
grid at its foot (small bold label over its value in every cell); numbered headings in three
levels (``5``, ``5.1``, ``5.1.1``, wrapped with a hanging indent). Chapter "Mål och nyckeltal"
has one H2 ``5.N Mål K – <goal>`` per goal, under it H3 "Nyckeltal kopplade till målet"
("•" bullets → indicators without values) and H3 "Uppdrag kopplade till målet" (a numbered
list → activities; lists continue over page breaks). Later chapters carry ruled tables:
Detaljbudget (→ budget), Investeringsbudget with a "Summa:" row (→ investments),
internal-control tables ``Rutin/process | Risk | Riskvärde | Kontrollmetod | Ansvarig``
(→ controls), the risk list ``Område | Konsekvens | Sannolikhet | Totalpoäng`` (→ risks) and a
4 × 4 risk matrix (a figure, not data). Staff tables, "Kompletterande dokument" and
"Uppföljning och planering" are not in the contract.
"""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.layouts import register, roles
from planparse.layouts.base import (
    YEAR,
    Builder,
    Fingerprint,
    LayoutParser,
    Signal,
    body_size,
    numbered,
    provenance,
)
from planparse.layouts.facts import guess_facts
from planparse.layouts.spec import LayoutSpec
from planparse.model import (
    Activity,
    AmountUnit,
    BudgetKind,
    DocumentType,
    Goal,
    GoalLevel,
    Indicator,
    Metadata,
    Municipality,
    Period,
    PeriodKind,
)
from planparse.municipalities import find_in_text
from planparse.reading.model import Cell, Document, Line, Row, Table
from planparse.text.assemble import join_lines
from planparse.text.fold import fold
from planparse.text.numbers import parse_date, parse_number

_GOAL = re.compile(r"^M[åa]l\s+(\d{1,2})(?:\s*[-–—:]\s*|\s+)(\S.*)$")
_BULLET = re.compile(r"^[•●▪◦·]\s*(\S.*)$")
_ITEM = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
# Words after a line-end hyphen that show the hyphen stands for a left-out part ("Säkerhets- och").
_CONJUNCTIONS = frozenset({"och", "eller", "samt", "resp", "respektive", "till", "som"})
_UNITS = {u.value: u for u in AmountUnit}
_BUDGET_KINDS = {
    "budget": BudgetKind.budget,
    "utfall": BudgetKind.outcome,
    "prognos": BudgetKind.forecast,
}
# Tables the contract has no place for (headers folded); they are skipped without a warning.
_NOT_DATA = ("medarbetare per avdelning", "typ av handling", "sammantradesdatum")


# ----------------------------------------------------------------------------- text


def cell_text(cell: Cell | None) -> str:
    return join_lines([ln.text for ln in cell.lines]) if cell is not None else ""


def _cell(row: Row, col: int | None) -> Cell | None:
    if col is None:
        return None
    for c in row.cells:
        if c.col <= col < c.col + c.colspan:
            return c
    return None


def _text(row: Row, col: int | None) -> str:
    return cell_text(_cell(row, col))


def _none(text: str) -> str | None:
    text = text.strip()
    return text or None


def _int(text: str) -> int | None:
    n = parse_number(text)
    return int(n) if isinstance(n, int | float) else None


# ----------------------------------------------------------------------------- headings


class _Heading:
    """A numbered heading, its wrapped continuation lines joined."""

    def __init__(self, number: str, lines: list[Line], title: str) -> None:
        self.number = number
        self.lines = lines
        self.title = title

    @property
    def depth(self) -> int:
        return len(self.number.split("."))


def _is_heading_line(line: Line, body: float) -> bool:
    return line.bold and line.size >= body + 0.4


# ----------------------------------------------------------------------------- parser

# A number in folded text: fold() turns "6" into "o" (an OCR misreading it undoes).
_N = r"[\do]{1,2}"


SPEC = LayoutSpec(
    name="kramfors_vp",
    levels={1: GoalLevel.goal, 2: GoalLevel.goal},
    min_depth=2,
    max_depth=2,
    labels={"nyckeltal": "indicator", "uppdrag": "assignment"},
)


@register
class KramforsParser(LayoutParser):
    name = "kramfors_vp"
    version = "1"
    spec = SPEC
    description = (
        "Verksamhetsplan (Word template): document grid, '5.N Mål K – …' goals with "
        "'Nyckeltal/Uppdrag kopplade till målet', Detaljbudget, Investeringsbudget, "
        "internkontroll and riskvärdering tables."
    )
    fingerprint = Fingerprint(
        required=(
            Signal(
                rf"^{_N} {_N} {_N} (nyckeltal|uppdrag) kopplade till malet$",
                3,
                "H3 'N.N.N Nyckeltal/Uppdrag kopplade till målet'",
            ),
        ),
        signals=(
            Signal(rf"^{_N} {_N} mal {_N} ?-? ?\w", 2, "goal heading 'N.N Mål K – …'"),
            Signal(
                rf"^{_N} {_N} {_N} nyckeltal kopplade till malet$",
                1,
                "H3 'Nyckeltal kopplade till målet'",
            ),
            Signal(
                rf"^{_N} {_N} {_N} uppdrag kopplade till malet$",
                1,
                "H3 'Uppdrag kopplade till målet'",
            ),
            Signal(
                r"^rutin process risk riskvarde kontrollmetod ansvarig$",
                1,
                "internkontroll table header",
            ),
            Signal(r"^omrade konsekvens sannolikhet totalpoang$", 1, "riskvärdering table header"),
            Signal(r"^detaljbudget\b.*\b(budget|utfall|prognos)\b", 1, "Detaljbudget table header"),
            Signal(
                r"^investeringsprojekt\b.*\bbeskrivning\b", 1, "Investeringsbudget table header"
            ),
            Signal(r"\bbeslutsinstans\b.*\bdokumentansvarig\b", 0.5, "document-information grid"),
            Signal(rf"^{_N} {_N} {_N} bedomningsmatris\b", 0.5, "risk matrix heading"),
        ),
    )

    def parse(self, doc: Document, out: Builder) -> None:
        guess_facts(doc, out)
        _read_cover(doc, out)
        _Walker(doc, out).run()


class _Walker:
    """Walks the document flow once: headings, list items, tables."""

    def __init__(self, doc: Document, out: Builder) -> None:
        self.doc = doc
        self.out = out
        self.body = body_size(doc)
        self.goal: Goal | None = None
        self.mode: str | None = None  # "indicator" | "assignment" | None
        self.item_lines: list[Line] = []
        self.item_number: str | None = None

    # -- items ---------------------------------------------------------------------------

    def _flush(self) -> None:
        lines, self.item_lines = self.item_lines, []
        if not lines or self.goal is None:
            return
        texts = [ln.text for ln in lines]
        if self.mode == "indicator":
            m = _BULLET.match(texts[0])
            texts[0] = m.group(1) if m else texts[0]
            self.goal.indicators.append(
                Indicator(uid="", name=join_lines(texts), provenance=provenance(*lines))
            )
        elif self.mode == "assignment":
            m = _ITEM.match(texts[0])
            texts[0] = m.group(2) if m else texts[0]
            number = (
                f"{self.goal.number}.{self.item_number}"
                if self.goal.number and self.item_number
                else None
            )
            self.goal.activities.append(
                Activity(
                    uid="", number=number, title=join_lines(texts), provenance=provenance(*lines)
                )
            )

    def _item_line(self, line: Line) -> None:
        text = line.text
        if self.mode == "indicator":
            starts = _BULLET.match(text) is not None
        else:
            m = _ITEM.match(text)
            starts = m is not None
        if starts:
            self._flush()
            self.item_lines = [line]
            if self.mode == "assignment" and m is not None:
                self.item_number = m.group(1)
        elif self.item_lines:
            self.item_lines.append(line)
        else:
            self.out.warn(
                "unplaced_text",
                f"text under '{self.mode}' list before its first item: {text[:80]!r}",
                line.page,
            )

    # -- headings ------------------------------------------------------------------------

    def _heading(self, h: _Heading) -> None:
        self._flush()
        self.mode = None
        if h.depth == 1:
            self.goal = None
            return
        if h.depth == 2:
            m = _GOAL.match(h.title)
            if m:
                self.goal = Goal(
                    uid="",
                    number=m.group(1),
                    level=GoalLevel.goal,
                    title=m.group(2).strip(),
                    provenance=provenance(*h.lines),
                )
                self.out.goals.append(self.goal)
            else:
                self.goal = None
            return
        if self.goal is None:
            return
        label = vocabulary.match_label(h.title)
        if (
            label is not None
            and label.confidence >= 0.9
            and label.value in ("indicator", "assignment")
        ):
            self.mode = label.value
        else:
            self.out.warn(
                "unplaced_heading", f"unexpected heading under a goal: {h.title!r}", h.lines[0].page
            )

    # -- walk ----------------------------------------------------------------------------

    def run(self) -> None:
        flow = roles.flow_with_money_tables(
            self.doc, lambda ln: _is_heading_line(ln, self.body) and numbered(ln.text) is not None
        )
        blocks = [b for b in flow if not (isinstance(b, Line) and b.page == 1)]
        heading: _Heading | None = None
        for block in blocks:
            if isinstance(block, Table):
                if heading is not None:
                    self._heading(heading)
                    heading = None
                self._flush()
                self.mode = None
                self._table(block)
                continue
            line = block
            if _is_heading_line(line, self.body):
                num = numbered(line.text)
                if num is not None:
                    if heading is not None:
                        self._heading(heading)
                    heading = _Heading(num[0], [line], num[1])
                    continue
                if heading is not None and abs(line.size - heading.lines[0].size) < 0.3:
                    heading.lines.append(line)
                    heading.title = join_lines([heading.title, line.text])
                    continue
            if heading is not None:
                self._heading(heading)
                heading = None
            if self.mode in ("indicator", "assignment"):
                self._item_line(line)
        if heading is not None:
            self._heading(heading)
        self._flush()

    # -- tables --------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        header = [fold(h) for h in table.header]
        joined = " ".join(header)
        if not header:
            return  # the cover's document grid (read by the parser's cover step)
        if all(re.fullmatch(r"\d{1,2}", h.strip()) for h in table.header if h.strip()):
            return  # the risk matrix: a figure
        if header[0].startswith("rutin") and "kontrollmetod" in joined:
            self.out.controls.extend(roles.controls(table, self.out))
        elif "konsekvens" in joined and "sannolikhet" in joined:
            self.out.risks.extend(roles.risks(table))
        elif header[0].startswith("investering"):
            self.out.investments.extend(roles.investments(table, self.out))
        elif header[0].startswith("detaljbudget") or any(
            h.split()[:1] in (["budget"], ["utfall"], ["prognos"]) for h in header[1:]
        ):
            self.out.budget.extend(roles.budget_lines(table, self.out))
        elif not any(header[0].startswith(p) for p in _NOT_DATA):
            self.out.warn(
                "table_skipped",
                f"table not recognised: {' | '.join(table.header)[:100]}",
                table.page,
            )


# ----------------------------------------------------------------------------- cover

_META_FIELDS = {
    "diarienummer": "diarienummer",
    "datum for beslut": "decided_on",
    "beslutsdatum": "decided_on",
    "beslutsinstans": "decided_by",
    "reviderad": "revised_on",
    "version": "version",
    "dokumentansvarig": "responsible",
    "dokumentet galler": "valid_until",
    "dokumentet galler for": "applies_to",
    "dokumentnamn": "document_name",
}
_NOT_STATED = {"-", "–", "—", ""}


def _grid_cell(cell: Cell) -> tuple[str, str] | None:
    """(label, value) of a document-grid cell: bold label lines over regular value lines."""
    if not cell.lines:
        return None
    k = next((i for i, ln in enumerate(cell.lines) if not ln.bold), len(cell.lines))
    if k == 0:
        return None
    label = join_lines([ln.text for ln in cell.lines[:k]])
    value = join_lines([ln.text for ln in cell.lines[k:]])
    return label, value


def _read_cover(doc: Document, out: Builder) -> None:
    """Municipality, unit, title, organ, year and the document grid from page 1."""
    page = doc.pages[0]
    top = [ln.text for ln in page.noise] + [ln.text for ln in page.lines]
    kommun = find_in_text("\n".join(top))
    if kommun is None and len(doc.pages) > 1:
        kommun = find_in_text("\n".join(ln.text for ln in doc.pages[1].noise))
    if kommun is not None:
        out.municipality = Municipality(name=kommun.display_name, code=kommun.code)
    lines = page.lines
    if lines:
        t = max(range(len(lines)), key=lambda i: lines[i].size)
        out.title = lines[t].text
        if t > 0:
            out.unit = lines[t - 1].text
        if t + 1 < len(lines):
            out.organ = lines[t + 1].text
        year = YEAR.search(out.title)
        if year:
            out.year = int(year.group(1))
    if re.search(r"verksamhetsplan", fold(out.title)):
        out.document_type = DocumentType.verksamhetsplan
    out.period = Period(kind=PeriodKind.year, number=None)

    meta = Metadata()
    grid = next((tb for tb in page.tables if not tb.header), None)
    if grid is None:
        out.warn("metadata_missing", "no document-information grid on the cover", 1)
    else:
        for row in grid.rows:
            for cell in row.cells:
                pair = _grid_cell(cell)
                if pair is None:
                    continue
                label, value = pair
                key = fold(label)
                if value in _NOT_STATED:
                    continue
                if key == "dokumenttyp":
                    if "verksamhetsplan" in fold(value):
                        out.document_type = DocumentType.verksamhetsplan
                    continue
                field = _META_FIELDS.get(key)
                if field in ("decided_on", "revised_on"):
                    date = parse_date(value)
                    if date is None:
                        meta.extra[label] = value
                    else:
                        setattr(meta, field, date)
                elif field == "valid_until":
                    date = parse_date(value)
                    meta.valid_until = date.isoformat() if date else value
                elif field is not None:
                    setattr(meta, field, value)
                else:
                    meta.extra[label] = value
    out.metadata = meta
    if out.organ is None and meta.decided_by:
        out.organ = meta.decided_by
