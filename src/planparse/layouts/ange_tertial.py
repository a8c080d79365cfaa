"""Ånge-style "Målavstämning, tertial N YYYY": a tertial follow-up of the KF goals, the KS
sub-goals under them and the activities of the KS verksamhetsplan, as a declaration for the
layout engine.

Layout (see fixtures/README.md, "## ange_tertial"): a running header "Målavstämning, tertial N
YYYY" / "<organ>", numbered chapters; in the "Redovisning av …" chapters KF goals ``3.N`` and KS
sub-goals ``3.N.M``, each with a "Bedömning" label and its value on the next line, an optional
"Kommentar" block, then an activity table ``Verksamhetens aktiviteter | Status | Slutdatum``
(title row, then full-width description and "Kommentar" rows). Chapter 4 goals add a measure
table ``Mått | Mål | Utfall`` and a note under it.

All of that is the engine's general reading (numbered headings by depth, labels, tables by
role, positioned tables where a page has no rules). What is the family's own: ``N.M`` headings
are goals and ``N.M.K`` sub-goals (chapters ``N`` are not), and the running header gives the
title, organ, year and tertial; the quoted vision sits before the goals.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import takewhile

from planparse.layouts import register
from planparse.layouts.base import (
    YEAR,
    Builder,
    Fingerprint,
    LayoutParser,
    Signal,
    numbered,
)
from planparse.layouts.fingerprint import SEP, label
from planparse.layouts.spec import LayoutSpec
from planparse.layouts.typography import body_size
from planparse.model import DocumentType, GoalLevel, Metadata, Municipality, Period, PeriodKind
from planparse.municipalities import find_in_text
from planparse.reading.model import Document, Line
from planparse.text.assemble import join_lines
from planparse.text.fold import fold

_QUOTES = "\"'“”„’‘«»*`´"
_GOAL_CHAPTER = re.compile(r"^redovisning\b")
_NAMES_REPORT = re.compile(r"\b(?:malavstamning|tertial\w*)\b")
_ORGAN = re.compile(r"(?:styrelsen|namnden|forvaltningen|utskottet)$")


def _municipality(doc: Document) -> Municipality | None:
    """The municipality the body text names most often ("Ånge kommun"), first mention on ties."""
    counts: Counter[str] = Counter()
    found: dict[str, Municipality] = {}
    for line in doc.text().splitlines():
        kommun = find_in_text(line)
        if kommun is not None:
            counts[kommun.code] += 1
            if kommun.code not in found:  # (the first mention's, made once: not for every line)
                found[kommun.code] = Municipality(name=kommun.display_name, code=kommun.code)
    return found[counts.most_common(1)[0][0]] if counts else None


def _running_header(doc: Document) -> list[str]:
    """The running header's lines, top to bottom (page numbers left out), from the first page
    that has one."""
    for page in doc.pages:
        top = sorted(
            (ln for ln in page.noise if ln.bbox[3] < 0.15 * page.height and re.search(r"[^\W\d_]", ln.text)),
            key=lambda ln: ln.y0,
        )
        if top:
            # one line holding both ("Målavstämning, tertial 1 2026 | Kommunstyrelsen")
            return [part.strip() for ln in top for part in ln.text.split(" | ") if part.strip()]
    return []


def _vision(doc: Document) -> str | None:
    """The vision: a quoted statement set larger than body text, before the first goal."""
    body = body_size(doc)
    lines = [b for b in doc.flow() if isinstance(b, Line)]
    for k, ln in enumerate(lines):
        n = numbered(ln.text)
        if n is not None and "." not in n[0] and _GOAL_CHAPTER.search(fold(n[1])):
            break  # the goals start: no vision after this
        text = ln.text.strip()
        if not text or text[0] not in _QUOTES or ln.size < body * 1.2:
            continue
        parts = [text]
        j = k
        while not parts[-1].rstrip().endswith(tuple(_QUOTES)) and j + 1 < len(lines) and j - k < 8:
            j += 1
            parts.append(lines[j].text.strip())
        if parts[-1].rstrip().endswith(tuple(_QUOTES)):
            return join_lines(parts).strip(_QUOTES + " ") or None
    return None


def _title_and_organ(doc: Document) -> tuple[str | None, str | None]:
    """The report's title ("Målavstämning, tertial 1 2026") and organ ("Kommunstyrelsen"): lines
    of the running header, or of the first page above its first numbered heading, in any order."""
    header = _running_header(doc)
    first = next((p for p in doc.pages if p.lines), None)
    lines = [ln.text for ln in first.lines[:5]] if first is not None else []
    candidates = header + list(takewhile(lambda t: numbered(t) is None, lines))
    title = next((t for t in candidates if _NAMES_REPORT.search(fold(t)) and YEAR.search(t)), header[0] if header else None)
    if title and (m := re.match(r"^(.*\b20\d\d)\s+(\S.*)$", title)) and _ORGAN.search(fold(m[2])):
        title, candidates = m[1], [m[2]]  # the header's two parts read as one line (a scan's)
    organ = next((t for t in candidates if t != title and _ORGAN.search(fold(t))), None)
    return title, organ or (header[1] if len(header) > 1 and header[1] != title else None)


def _facts(doc: Document, out: Builder) -> None:
    """Title, organ, year and period from the running header; municipality from the text;
    the vision from the quoted statement."""
    out.document_type = DocumentType.tertialrapport
    out.unit = None
    out.metadata = Metadata()
    title, organ = _title_and_organ(doc)
    if title:
        out.title, out.organ = title, organ or out.organ
        years = YEAR.findall(title)
        if years:
            out.year = int(years[-1])
        m = re.search(r"\btertial\s*(\d)", fold(title))
        if m:
            out.period = Period(kind=PeriodKind.tertial, number=int(m[1]))
    else:
        out.warn("title_not_found", "no running header or first line naming the report")
    kommun = _municipality(doc)
    if kommun is not None:
        out.municipality = kommun
    out.vision = _vision(doc)


SPEC = LayoutSpec(
    name="ange_tertial",
    facts=_facts,
    levels={2: GoalLevel.goal, 3: GoalLevel.sub_goal},
    min_depth=2,
    max_depth=3,
    goal_chapters=("redovisning", "verksamhetsmal"),
)


@register
class AngeTertialParser(LayoutParser):
    name = "ange_tertial"
    version = "1"
    spec = SPEC
    description = (
        "Målavstämning per tertial (Ånge template): KF goals 3.N with KS sub-goals 3.N.M, "
        "Bedömning, activity tables Verksamhetens aktiviteter | Status | Slutdatum, measure table."
    )
    fingerprint = Fingerprint(
        required=(
            Signal(
                rf"{label('activities', wrapped=True)}{SEP}(?:{label('description')}{SEP})?{label('status')}{SEP}{label('end_date')}\b",
                3,
                "activity table header with status and end date (an activity label, optionally a "
                "description column)",
            ),
        ),
        signals=(
            Signal(rf"^{label('assessment')}$", 2, "label 'Bedömning' (or a variant) on its own line"),
            Signal(
                r"^(?:delvis |knappt |ej )?uppfy[li]{2}t$|^saknas$",
                1,
                "assessment value on its own line",
            ),
            Signal(rf"^{label('comment')}$", 1, "label 'Kommentar' (or a variant) on its own line"),
            Signal(r"^\d{1,2} \d{1,2} \d{1,2} \w", 1, "sub-goal headings N.N.N"),
            Signal(r"^\d{1,2} redovisning av\b", 1, "chapter 'Redovisning av …'"),
            Signal(r"^matt\s+mal\s+utfall$", 1, "measure table header Mått | Mål | Utfall"),
        ),
    )
