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
from planparse.layouts.front_info import cover_grid
from planparse.layouts.spec import LayoutSpec
from planparse.model import (
    DocumentType,
    GoalLevel,
    Municipality,
    Period,
    PeriodKind,
)
from planparse.municipalities import find_in_text
from planparse.reading.model import Document
from planparse.text.fold import fold

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


_BOARD = re.compile(r"(?:styrelsen|namnden|utskottet|fullmaktige)$")  # the organ that owns the plan
_OFFICE = re.compile(r"(?:forvaltningen|kontoret|avdelningen)$")  # the office that wrote it (the unit)


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
        # the cover's other lines, also two on one ("Kommunstyrelseförvaltningen, Kommunstyrelsen")
        parts = [part for k, ln in enumerate(lines[:t + 4]) if k != t for part in re.split(r",\s+|\s+\|\s+", ln.text)]
        out.organ = next((p for p in parts if _BOARD.search(fold(p)) and len(p.split()) <= 4), None) or (
            lines[t + 1].text if t + 1 < len(lines) else None)
        out.unit = next((p for p in parts if _OFFICE.search(fold(p)) and len(p.split()) <= 4), None) or (
            lines[t - 1].text if t > 0 else None)
        year = YEAR.search(out.title)
        if year:
            out.year = int(year.group(1))
    if re.search(r"verksamhetsplan", fold(out.title)):
        out.document_type = DocumentType.verksamhetsplan
    out.period = Period(kind=PeriodKind.year, number=None)

    meta = cover_grid(doc, out)
    if out.organ is None and meta.decided_by:
        out.organ = meta.decided_by
