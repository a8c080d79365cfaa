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

from planparse.layouts import register
from planparse.layouts.base import (
    YEAR,
    Builder,
    Fingerprint,
    LayoutParser,
    Signal,
)
from planparse.layouts.fingerprint import NUM
from planparse.layouts.spec import LayoutSpec
from planparse.model import (
    DocumentType,
    GoalLevel,
    Metadata,
    Municipality,
    Period,
    PeriodKind,
)
from planparse.municipalities import find_in_text
from planparse.reading.model import Cell, Document
from planparse.text.assemble import join_lines
from planparse.text.fold import fold
from planparse.text.numbers import parse_date

# ----------------------------------------------------------------------------- parser



SPEC = LayoutSpec(
    name="kramfors_vp",
    levels={1: GoalLevel.goal, 2: GoalLevel.goal},
    min_depth=2,
    max_depth=2,
    labels={"nyckeltal": "indicator", "uppdrag": "assignment"},
    facts=lambda doc, out: _read_cover(doc, out),
    item_numbers=True,
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
                rf"^{NUM} {NUM} {NUM} (\w+ kopplade till malet|nyckeltal\b)",
                3,
                "H3 'N.N.N Nyckeltal' or 'N.N.N <list> kopplade till målet'",
            ),
        ),
        signals=(
            Signal(rf"^{NUM} {NUM} mal {NUM} ?-? ?\w", 2, "goal heading 'N.N Mål K – …'"),
            Signal(
                rf"^{NUM} {NUM} {NUM} nyckeltal\b",
                1,
                "H3 'Nyckeltal kopplade till målet'",
            ),
            Signal(
                rf"^{NUM} {NUM} {NUM} uppdrag\b",
                1,
                "H3 'Uppdrag kopplade till målet'",
            ),
            Signal(
                r"^rutin ?process risk riskvarde kontroll ?\w*",
                1,
                "internkontroll table header",
            ),
            Signal(r"^omrade konsekvens sannolikhet totalpoang$", 1, "riskvärdering table header"),
            Signal(r"^(detaljbudget|verksamhet)\b.*\b(budget|utfall|prognos)\b", 1, "Detaljbudget table header"),
            Signal(
                r"^investerin ?g ?sprojekt\b.*\bbeskrivnin ?g\b", 1, "Investeringsbudget table header"
            ),
            Signal(r"\bbeslutsinstans\b.*\bdokumentansvarig\b|^dokumenttyp diarienummer\b", 0.5, "document-information grid"),
            Signal(rf"^{NUM} {NUM} {NUM} bedomningsmatris\b", 0.5, "risk matrix heading"),
        ),
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
        out.front_tables.add(id(grid))
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
