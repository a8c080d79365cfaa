"""Document facts from the front matter, wherever it is: municipality, organ, document type,
title, year and period. The cover is recognised by its content (the largest text of the first
pages), never assumed to be page 1; a document without front matter still gets what its body
names."""

from __future__ import annotations

import re
import statistics

from planparse.layouts.base import YEAR, Builder, provenance
from planparse.layouts.doc_info import Found
from planparse.layouts.front_info import read_front
from planparse.layouts.front_metadata import front_metadata, vision_under_heading
from planparse.layouts.goal_words import states_goal
from planparse.layouts.title_kinds import RULES, fee_schedule, keeps_no_budget, other_plan
from planparse.model import DocumentType, Goal, GoalLevel, Municipality, Period, PeriodKind
from planparse.municipalities import REGIONS, find_in_text, find_region, lookup, named_most
from planparse.reading.model import Document, Line, Span
from planparse.text.assemble import clean
from planparse.text.fold import fold
from planparse.text.numbers import MONTHS

# Title words → document type, most specific first (folded text).
DOC_TYPES: tuple[tuple[str, DocumentType], ...] = (
    (r"uppsikt", DocumentType.uppsiktsrapport),
    (r"tertial|malavstamning", DocumentType.tertialrapport),
    (r"delarsrapport|delarsbokslut|delarsuppfoljning", DocumentType.delarsrapport),
    (r"arsredovisning", DocumentType.arsredovisning),
    (r"arsbokslut|bokslut \d{4}", DocumentType.arsbokslut),
    (r"verksamhetsberattelse", DocumentType.verksamhetsberattelse),
    (r"verksamhetsplan (?:med|och) budget", DocumentType.verksamhetsplan),  # a verksamhetsplan first
    (r"plan med budget|plan och budget|budget och plan|mal och budget", DocumentType.plan_och_budget),
    (r"internkontrollplan|intern kontrollplan|plan for intern kontroll", DocumentType.internkontrollplan),
    (r"budgetskrivelse|budgetunderlag", DocumentType.budgetskrivelse),
    (r"namndplan", DocumentType.namndplan),
    (r"verksamhetsplan|forvaltningsplan", DocumentType.verksamhetsplan),
    (r"arbetsplan|lokal arbetsplan|utvecklingsplan", DocumentType.arbetsplan),
    (r"investeringsbudget|driftbudget|\b(?:detalj)?budget \d{4}", DocumentType.plan_och_budget),
    (r"styrkort", DocumentType.verksamhetsplan),  # a plan's goals and measures on one card
)
_SCHOOL_IN_TITLE = re.compile(r"\bför ([A-ZÅÄÖ][a-zåäö]+s (?:förskola|skola|grundskola|gymnasieskola))\b")
_YEARLY = (DocumentType.verksamhetsberattelse, DocumentType.arsbokslut, DocumentType.arsredovisning)
def plan_of_other_kind(title: str, doc: Document | None = None) -> bool:
    """Whether a document's title names a plan of another kind than a goal plan (a plan against
    discrimination and degrading treatment): its åtgärder and routines are no goal tree; nor
    are a protokoll's (:func:`protokoll`)."""
    return other_plan(fold(title)) or (doc is not None and protokoll(doc) is not None)


# A protokoll's marks: its kind in the letterhead ("SAMMANTRÄDESPROTOKOLL", "Protokollsutdrag"),
# the signature boxes at each page's foot, and "§ 62" paragraphs (folded text).
_PROTOKOLL_WORD = re.compile(r"\b((?:sammanträdes|styrelse)?protokoll(?:sutdrag)?)\b", re.IGNORECASE)
_PROTOKOLL_MARK = re.compile(r"\b(?:justerandes? sign\w*|utdragsbestyrkande|sammantradesdatum)\b")
_PARAGRAPH = re.compile(r"^§\s*\d{1,4}\b")


def protokoll(doc: Document) -> str | None:
    """The word naming a sammanträdesprotokoll ("Sammanträdesprotokoll") when the document is
    one: numbered § paragraphs, and a protokoll's letterhead or signature marks on most of its
    pages (a plan with an extract of the decision adopting it on its first page is a plan)."""
    paragraphs = sum(1 for page in doc.pages for ln in page.noise + page.lines
                     if ln.text.startswith("§") and _PARAGRAPH.match(ln.text))
    if paragraphs < 2:
        return None
    word: str | None = None
    heads: list[bool] = []  # each page's letterhead names a protokoll
    for page in doc.pages:
        found = _PROTOKOLL_WORD.search("\n".join(ln.text for ln in page.noise + page.lines[:3]))  # its letterhead
        word = word or (found[1] if found else None)
        heads.append(found is not None)
    if word is None:
        return None
    marked = sum(head or _PROTOKOLL_MARK.search(fold("\n".join(ln.text for ln in page.noise + page.lines))) is not None
                 for head, page in zip(heads, doc.pages, strict=True))
    return word.capitalize() if 2 * marked > len(doc.pages) else None


ORGAN = re.compile(
    r"\b(Kommunstyrelsen|Kommunfullmäktige|Regionstyrelsen|Regionfullmäktige"
    r"|[A-ZÅÄÖ][a-zåäö]+(?:-, [a-zåäö]+-? och [a-zåäö]+|- och [a-zåäö]+)?(?:nämnden|styrelsen|förvaltningen)"
    r"|[A-ZÅÄÖ][a-zåäö]+a (?:[a-zåäö]+)?(?:nämnden|förvaltningen|skolan|förskolan)"  # "Tekniska nämnden", "Regionala utvecklingsnämnden"
    r"|(?:Nämnden|Styrelsen|Förvaltningen) för [a-zåäö]+(?:(?:, | och )[a-zåäö]+)*"  # "Nämnden för funktionsstöd"
    r"|(?!(?:Förskolan|Förskola|Skolan|Skola)\b)[A-ZÅÄÖ][\wåäö-]*(?:förskola|förskolan|skola|skolan)(?: [A-ZÅÄÖ][\wåäö]+)?"
    r"|Föräldrakooperativet [\wåäö]+"
    r"|(?:Förskolan|Skolan|Friluftsförskolan) [A-ZÅÄÖ][\wåäö]+)s?\b"  # also in the genitive: "Kommunstyrelsens plan"
)
# A school named with a space ("Aspenäs förskola", "Burö skola"): a school's work plan is its.
_SCHOOL = re.compile(r"\b(?!(?:Vår|Våra|Denna|Den|Det|En|Ett|Varje|Hela|Alla|Vilken|Ny|Nya|Egen)\b)"
                     r"([A-ZÅÄÖ][a-zåäö]+ (?:förskola|skola))\b")
_TERM = re.compile(r"\b(vt|ht|vårterminen|höstterminen|våren|hösten)\s*-?\s*(20\d{2}|\d{2})\b", re.IGNORECASE)


def front_lines(doc: Document, pages: int = 2) -> list[Line]:
    """Lines of the first ``pages`` pages that carry text, tables' cells included."""
    lines: list[Line] = []
    for page in [p for p in doc.pages if p.lines or p.tables][:pages]:
        lines.extend(page.lines)
        for t in page.tables:
            for r in t.rows:
                for c in r.cells:
                    lines.extend(c.lines)
    return lines


def _size(line: Line, span: Span) -> float:
    """A span's size for telling a title: an OCR'd word's size is an estimate of its own, its
    line's tells the title."""
    return line.size if line.method != "native" else span.size


def _title(doc: Document) -> str:
    """The largest text on the first pages with text (the cover's or the first page's title),
    taken span by span: a title can start in the middle of a smaller line."""
    for page in doc.pages[:3]:
        def wordy(ln: Line) -> bool:
            return len(ln.text) > 2 and bool(re.search(r"[A-Za-zÅÄÖåäö]{3}", ln.text))

        # (a title's wrapped last line may be a number alone: "…, tertial" / "2")
        lines = [ln for k, ln in enumerate(page.lines) if wordy(ln) or (k and wordy(page.lines[k - 1]))]
        lines += [ln for t in page.tables for r in t.rows for c in r.cells for ln in c.lines]
        sizes = [_size(ln, s) for ln in lines if wordy(ln) for s in ln.spans if s.text.strip()]
        if not sizes:
            continue
        top = max(sizes)
        parts: list[str] = []
        last: Line | None = None
        for ln in lines:  # reading order; the first run of the largest text
            slack = 0.5 if ln.method == "native" else max(0.5, 0.06 * top)  # (an OCR'd size is its box's: a point apart)
            text = " ".join(s.text.strip() for s in ln.spans if _size(ln, s) >= top - slack and s.text.strip())
            # a blank line's gap or more ends the title where the body shares its size, and so
            # does a change from bold to plain type
            apart = last is not None and ln.page == last.page and (
                ln.bbox[1] - last.bbox[3] > 2.5 * (last.bbox[3] - last.bbox[1]) or (last.bold and not ln.bold))
            if text and len(parts) < 3 and not apart and (parts or wordy(ln)):
                parts.append(text)
                last = ln
            elif parts:
                break
        return clean(" ".join(parts))
    return ""


def _own_title(text: str) -> bool:
    """Whether a PDF's metadata title is a document's own (a few words naming a kind of
    document), not a file's name nor a template's ("Microsoft Word - mall.docx")."""
    folded = fold(text)
    return 0 < len(text.split()) <= 8 and not re.search(r"\.(?:docx?|odt|pdf|html?|pptx?)\b|microsoft|untitled|namnlos", folded) \
        and re.search(r"kort|plan|rapport|uppfoljning|berattelse|redovisning|bokslut|budget|program", folded) is not None


_MONTH_OF = {name[:3]: n for name, n in MONTHS.items()}  # "okt" → 10, as "oktober"
_MONTH_AFTER = re.compile(r"^\s*(?:per\s+(?:\d{1,2}\s+)?|januari\s*[-–]\s*)?(" + "|".join(MONTHS) + r")\b", re.IGNORECASE)


def period_of(folded: str, text: str) -> Period | None:
    if m := re.search(r"tertial(?:rapport|uppfoljning|bokslut)?\s*(\d)\b|\bt([123])\b", folded):
        return Period(kind=PeriodKind.tertial, number=int(m[1] or m[2]))
    # "delår" only as printed: folded, it is the verb "delar"
    if m := re.search(r"\bdelår(?:srapport|sbokslut|suppföljning)?(?:\s+(\d)\b|\b)", text, re.IGNORECASE) or re.search(
        r"\bdelars(?:rapport|bokslut|uppfoljning)(?:\s+(\d)\b|\b)", folded
    ):
        number = int(m[1]) if m[1] else None
        month = _MONTH_AFTER.search(text[m.end():m.end() + 20])
        if number is None and month is not None:  # "Delårsrapport augusti": the second, "mars": the first
            number = 1 if MONTHS[month[1].lower()] <= 6 else 2
        return Period(kind=PeriodKind.delar, number=number)
    m = re.search(r"\bmånads(?:rapport|uppföljning|bokslut)\w*\s+(?:per\s+)?(\w+)", text, re.IGNORECASE)
    if m and m[1].lower()[:3] in _MONTH_OF:
        return Period(kind=PeriodKind.month, number=_MONTH_OF[m[1].lower()[:3]])
    if m := _TERM.search(text):
        return Period(kind=PeriodKind.term, number=1 if m[1].lower().startswith("v") else 2)
    return None


def guess_facts(doc: Document, out: Builder) -> None:
    """Fill municipality, document type, title, year, period and organ from the front matter.
    Family specs and hooks then override what their layout states exactly."""
    front = front_lines(doc, 2)
    # a page of a table alone (a spreadsheet's export): the title is the file's own, in its metadata
    named = doc.pdf_metadata.get("title", "") if doc.pages and not doc.pages[0].lines and doc.pages[0].tables else ""
    text = "\n".join([*(ln.text for ln in front), named])
    # (a letterhead printed as a running header is page noise: "Nacka kommun" at every page's top)
    kommun = find_in_text(text) or find_in_text(doc.text()) or find_in_text(
        "\n".join(n.text for page in doc.pages for n in page.noise))
    region = None if kommun else find_region(text + "\n" + doc.text())
    if region == REGIONS["09"]:
        kommun = lookup("Gotland")  # Region Gotland is a municipality too
    elif region is None and kommun is None:
        kommun = named_most(doc.text())
    if kommun:
        out.municipality = Municipality(name=kommun.display_name, code=kommun.code)
    elif region:
        out.municipality = Municipality(name=region, code=None)
    folded = fold(text)
    title = re.split(r"\s+[–-]\s+", named)[0] if named else _title(doc)
    if not named and states_goal(title) and _own_title(doc.pdf_metadata.get("title", "")):
        title = doc.pdf_metadata["title"].strip()  # a målkort's first goal is no title of the document
    # the title's own words first: "Verksamhetsplan 2025" over a "delårsrapporten" in its prose
    # (a title naming a steering document of another kind, "Riktlinjer för …": no plan nor report
    # whatever report its prose mentions, "… i samband med årsredovisningen")
    for where in (fold(title), "" if RULES.match(fold(title)) or keeps_no_budget(title) else folded):
        kind = next((k for pattern, k in DOC_TYPES if re.search(pattern, where)), None)
        if kind is not None:
            out.document_type = kind
            break
    kind_word = protokoll(doc)
    if kind_word is not None:  # a protokoll is no plan nor report, whatever its § discuss
        title, out.document_type = kind_word, DocumentType.other
    out.title = title
    info = read_front([p for p in doc.pages if p.lines or p.tables][:3], Found(meta=out.metadata))
    if info.document_type:
        out.metadata.extra.setdefault("Dokumenttyp", info.document_type)
    front_metadata(front, out.metadata)
    out.vision = out.vision or vision_under_heading([p.lines for p in doc.pages[:2]])
    # the title's year ("Årsbokslut 2025", "läsåret 2026/2027": its first), else the front
    # matter's most named (a title without one; "Dnr KFN 2026/14" is no year of the report);
    # a taxa has none but its title's (it is in force from a date, for no year)
    years = [int(y) for y in YEAR.findall(title)] or ([] if fee_schedule(title) else [int(y) for y in YEAR.findall(text)])
    if years:
        out.year = years[0] if YEAR.search(title) else statistics.mode(years)
    # (the title's period first: a "T2" column on the second page is no "Delårsrapport januari–augusti")
    out.period = (period_of(fold(title), title) or period_of(folded, text)) if kind_word is None else None
    if out.period is not None and out.period.kind is PeriodKind.term and out.document_type in _YEARLY:
        out.period = None  # a report over the year: "under våren 2026" in its prose is no term of it
    if out.period is None and out.year and kind_word is None:
        out.period = Period(kind=PeriodKind.year, number=None)
    # an organ printed in capitals ("VERKSAMHETSPLAN KOMMUNSTYRELSEN") in the case it is written in
    m = ORGAN.search(text) or ORGAN.search("\n".join(
        ln.title().replace(" Och ", " och ").replace(" För ", " för ") for ln in text.splitlines() if ln.isupper()))
    schools = [o[1] for o in sorted([*ORGAN.finditer(text), *_SCHOOL.finditer(text)], key=lambda o: o.start())
               if "skola" in fold(o[1])]
    if (school := _SCHOOL_IN_TITLE.search(title)) and not m:
        out.organ = school[1]  # "Arbetsplan för Ekuddens förskola": the school the title names
    elif schools and out.document_type is DocumentType.arbetsplan:
        out.organ = schools[0]  # a school's work plan is the school's, under its förvaltning's letterhead
    elif m:
        out.organ = m[1]
        # a förvaltning's letterhead over its nämnd's plan: the nämnd owns it, the förvaltning is the unit
        board = next((o[1] for o in ORGAN.finditer(text) if o[1].endswith(("nämnden", "styrelsen"))), None)
        if m[1].endswith("förvaltningen") and board is not None:
            out.organ, out.unit = board, out.unit or m[1]
    else:  # spaCy's rule matcher knows more owner shapes ("Barn- och utbildningsnämnden", "Socialtjänsten")
        from planparse import nlp

        # an organ, not a post ("Gatuchef" in an Ansvarig column)
        owners = [o for o in nlp.find_owners(text) if o[:1].isupper() and not o.lower().endswith(("chef", "chefen"))]
        if owners:
            out.organ = owners[0]


# A decision adopting goals: "Kommunfullmäktige beslutar att 1. fastställa följande övergripande
# mål för Skellefteå kommun 2027–2030:" over the goals as a numbered list (a protokollsutdrag).
_ADOPTS = re.compile(r"\b(?:faststalla|anta|besluta om) (?:foljande|nedanstaende) (?:\w+ )?mal\b")
_ITEM = re.compile(r"^(\d{1,2})[.)]\s+(\S.*?)[,;.]?(?:\s+(?:samt|och))?$")


def adopted_goals(doc: Document) -> list[Goal]:
    """The goals a decision adopts, listed under its point that adopts them (see above): the
    numbered items set in further than that point, up to the next line no further in."""
    for page in doc.pages:
        for k, ln in enumerate(page.lines):
            if not _ADOPTS.search(fold(ln.text)):
                continue
            out: list[Goal] = []
            for item in page.lines[k + 1:]:
                if item.x0 <= ln.x0 + 2:
                    break
                m = _ITEM.match(item.text)
                if m is not None:
                    out.append(Goal(uid="", number=m[1], level=GoalLevel.goal, title=m[2], provenance=provenance(item)))
                elif out:  # a wrapped item
                    out[-1].title = clean(f"{out[-1].title} {item.text}").rstrip(",;.")
            if len(out) >= 2:
                return out
    return []

