"""Ånge-style "Uppsiktsrapport till kommunstyrelsen": a unit's report to a KS committee, as a
declaration for the layout engine.

Layout (see fixtures/README.md, "## ange_uppsikt"): a cover with title and unit, chapter 1
"Redovisning av arbete för de politiska målen" with numbered goal headings ``1.N <goal>``,
each followed by an activity table (``Verksamhetens aktiviteter | Startdatum | Slutdatum``;
per activity a title row and a full-width status row: icon, status label, comment or bullet
list), prose sections without a table, then chapter 2 "Kommunstyrelsens mål": sub-headings
"Mål inom målområde <område>" and "Verksamhetsmål för god ekonomisk hushållning", each over a
bullet list of goals.

All of that is the engine's general reading (numbered headings, goal groups, tables by role,
positioned tables on image-only pages). What is the family's own: ``1.N`` headings are the
goals (chapters ``N`` are not), a ``1.N`` section with only prose under it is a report section,
not a goal, and the cover and running header give title, unit and organ.
"""

from __future__ import annotations

import re
from collections import Counter

from planparse.layouts import register
from planparse.layouts.base import Builder, Fingerprint, LayoutParser, Signal, numbered
from planparse.layouts.fingerprint import SEP, label
from planparse.layouts.spec import LayoutSpec
from planparse.model import DocumentType, GoalLevel, Metadata, Municipality
from planparse.municipalities import find_in_text
from planparse.reading.model import Document, Line
from planparse.text.assemble import join_lines, strip_icon
from planparse.text.fold import fold

_YEAR_STATED = re.compile(r"\b(?:[Ff]ör|under)\s+((?:19|20)\d{2})\b(?!-)")


def _facts(doc: Document, out: Builder) -> None:
    """Municipality, title, unit, organ, type, year: what the cover and prose state."""
    noise = [ln for p in doc.pages for ln in p.noise]
    page1 = doc.pages[0].lines if doc.pages else []
    for lines in (noise, page1):
        kommun = find_in_text("\n".join(ln.text for ln in lines))
        if kommun:
            out.municipality = Municipality(name=kommun.display_name, code=kommun.code)
            break
    out.document_type = DocumentType.uppsiktsrapport
    out.period = None
    out.metadata = Metadata()
    out.vision = None

    title, unit = None, None
    k = next((i for i, ln in enumerate(page1) if fold(ln.text).startswith("uppsiktsrapport")), None)
    if k is not None:
        first = page1[k]
        j = k + 1
        while (
            j < len(page1)
            and abs(page1[j].size - first.size) <= 2
            and page1[j].bold == first.bold
            and numbered(page1[j].text) is None
        ):
            j += 1
        title = join_lines([ln.text for ln in page1[k:j]])
        if j < len(page1) and numbered(page1[j].text) is None:
            unit = strip_icon(page1[j].text)  # (an OCR'd speck before it read as a bullet)
    running = next((ln.text for ln in noise if "uppsiktsrapport" in fold(ln.text)), None)
    if running is not None:
        m = re.search(r"(Uppsiktsrapport\b.*?)\s+[–-]\s+(.+)$", running)
        if m:
            title = title or m[1].strip()
            unit = unit or m[2].strip()
    if title:
        m = re.match(r"^(.*?)\s+[–-]\s+(.+)$", title)
        if m:  # "Uppsiktsrapport till kommunstyrelsen – <unit>" on one line
            title, unit = m[1], unit or m[2]
        out.title = title
        m2 = re.search(r"\btill\s+(\w+)$", title)
        if m2:
            out.organ = m2[1][:1].upper() + m2[1][1:]
    out.unit = unit
    out.year = None
    for block in doc.flow():
        if isinstance(block, Line):
            m3 = _YEAR_STATED.search(block.text)
            if m3:
                out.year = int(m3[1])
                break
    if k is None:
        out.warn("title_not_found", "no 'Uppsiktsrapport' title on page 1", 1)


def _year_from_dates(doc: Document, out: Builder) -> None:
    """A report that states no year: the year most of its activities' dates fall in."""
    if out.year is None:
        years = Counter(
            d.year
            for g in out.goals
            for a in g.activities
            for d in (a.start_date, a.end_date)
            if d is not None
        )
        out.year = years.most_common(1)[0][0] if years else None


SPEC = LayoutSpec(
    name="ange_uppsikt",
    facts=_facts,
    after=_year_from_dates,
    levels={2: GoalLevel.goal, 3: GoalLevel.goal},
    min_depth=2,
    max_depth=2,
    bare_goals=False,
)


@register
class AngeUppsiktParser(LayoutParser):
    name = "ange_uppsikt"
    version = "1"
    spec = SPEC
    description = "Uppsiktsrapport till kommunstyrelsen (Ånge template): goals 1.N with activity tables, KS goal catalogue."
    fingerprint = Fingerprint(
        required=(
            Signal(
                rf"{label('activities', wrapped=True)}{SEP}(?:{label('status')}{SEP})?{label('start_date')}{SEP}{label('end_date')}\b",
                3,
                "activity table header with start and end dates",
            ),
        ),
        signals=(
            Signal(r"^uppsiktsrapport till\b", 2, "title 'Uppsiktsrapport till …'"),
            Signal(r"^1 redovisning av arbete for de politiska\b", 2, "chapter 1 heading"),
            Signal(r"^\d{1,2} kommunstyrelsens mal$", 1, "chapter 'Kommunstyrelsens mål'"),
            Signal(r"^mal inom malomrade \w", 2, "sub-headings 'Mål inom målområde …'"),
            Signal(r"^verksamhetsmal for god ekonomisk hushallning$", 1, "economy goal heading"),
            Signal(r"^\d{1,2} \d{1,2} rapportering och uppfoljning$", 1, "section 'Rapportering och uppföljning'"),
            Signal(r"^\d{1,2} \d{1,2} avgransning$", 0.5, "section 'Avgränsning'"),
        ),
    )
