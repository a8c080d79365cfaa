"""Lines of a planning system's printout read as a document would print them.

- A breadcrumb ("Kommunfullmäktige › Kultur- och fritidsnämnden › Mål 1") is the path to the
  card printed under it: its steps before the last are the levels above, the last says what
  the card is. A last step naming an item by its label and number ("Mål 1", "Aktivitet 2.3")
  is read as that label line (the title follows it); any other breadcrumb is navigation, set
  aside as noise.
- A row of fields without colons ("Ansvarig Fritidschef Status ■Pågår Färdiggrad 45 %") is read
  as the labelled fields it holds ("Ansvarig: Fritidschef | Status: ■Pågår | Färdiggrad: 45 %").
- A goal word printed as a kicker over a card's title ("MÅLOMRÅDE" in small capitals over
  "Attraktiv kommun att bo och leva i" in bold) is read with the title ("Målområde: Attraktiv …").
"""

from __future__ import annotations

import dataclasses
import re

from planparse import vocabulary
from planparse.layouts.goal_words import goal_word
from planparse.reading.model import BBox, Document, Line, Page, Span, Table
from planparse.text.assemble import list_item

_KICKED = Line(spans=[], page=0)  # (a kicker read: the title under it is read with it)
_STEP = re.compile(r"\s*›\s*|\s+[»>]\s+")
_NUMBERED = re.compile(r"(\S+(?: \S+)?)\s+(\d{1,2}(?:\.\d{1,2})*)")


def steps(text: str) -> list[str] | None:
    """The steps of a breadcrumb line ("A › B › Mål 1"), else None: "›" once, or "»"/">"
    set apart by spaces twice (a lone "> 90 %" is a comparison)."""
    parts = [p.strip() for p in _STEP.split(text.strip())]
    if len(parts) < 2 or not all(parts) or ("›" not in text and len(parts) < 3):
        return None
    return parts if all(len(p.split()) <= 8 for p in parts) else None


# Field labels a row of fields may hold besides the vocabulary's row labels: a trend's arrow
# (no field of the contract, left out after its bar)
_OTHER_FIELDS = frozenset({"trend", "prioritet"})
_ROW_LABELS = frozenset({"owner", "status", "progress", "start_date", "end_date", "assessment"})
_ICON_VALUED = frozenset({"status", "assessment"})


def field_row(text: str) -> str | None:
    """A row of fields printed without colons, written with them ("Ansvarig Fritidschef Status
    ■Klar" → "Ansvarig: Fritidschef | Status: ■Klar"): a short line opening with a row label
    of the vocabulary (Ansvarig, Status, Färdiggrad, Start, Slut, Bedömning) and holding
    another further on, each with a value; else None."""
    words = text.split()
    if ":" in text or not 3 <= len(words) <= 16:
        return None
    starts = [i for i, w in enumerate(words) if w[:1].isupper() and (
        vocabulary.label_of(w) in _ROW_LABELS or w.lower() in _OTHER_FIELDS)]
    ends = [*starts[1:], len(words)]
    # (a status or trend may be an icon beside its label, no word: the label is left out)
    if len(starts) < 2 or starts[0] != 0 or any(b - a < 2 and vocabulary.label_of(words[a]) not in _ICON_VALUED
                                                and words[a].lower() not in _OTHER_FIELDS for a, b in zip(starts, ends, strict=True)):
        return None
    if any(b - a >= 2 and words[a + 1][:1].islower() for a, b in zip(starts, ends, strict=True)):
        return None  # (a sentence: "Ansvarig är rektor och …")
    return " | ".join(f"{words[a]}: {' '.join(words[a + 1:b])}" for a, b in zip(starts, ends, strict=True) if b - a >= 2)


_SUB_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\.?\s")


def _kicker(line: Line, title: Line) -> bool:
    """A goal word alone in small type ("MÅLOMRÅDE", "MÅL") right over the card's title in
    larger or bold type: the title's kind, printed as a kicker."""
    word = line.text.strip()
    if ":" in word or not word[:1].isupper() or word.endswith(".") or not title.spans or (found := goal_word(word)) is None \
            or found[1]:
        return False  # (a sentence's end wrapped onto its own line, "… under respektive" / "kommunfullmäktigemål.", is none)
    close = 0 <= title.bbox[1] - line.bbox[3] <= 1.5 * (line.bbox[3] - line.bbox[1]) and abs(title.bbox[0] - line.bbox[0]) <= 3
    # (not over a title numbered under another, "1.1 Väntetiderna …": its number places it, the
    # word over it heads the numbered goals of a level, "Strategiska mål")
    return close and (title.size >= line.size + 1 or (title.bold and not line.bold)) and list_item(title.text) is None \
        and _SUB_NUMBER.match(title.text) is None


def _kicked(kicker: Line, title: Line) -> Line:
    """The title read with its kicker as its goal word ("Målområde: Attraktiv kommun …")."""
    text = f"{kicker.text.strip().capitalize()}: {title.text}"
    return _as_text(title, text, (kicker.bbox[0], title.bbox[1], title.bbox[2], title.bbox[3]))


def _as_text(line: Line, text: str, bbox: BBox | None = None) -> Line:
    """``line`` printed as ``text`` in its first span's type, over ``bbox`` (its own by default)."""
    first = line.spans[0]
    span = Span(text, bbox or line.bbox, first.font, first.size, first.bold, first.italic, first.color)
    return Line(spans=[span], page=line.page, method=line.method, raw_text=line.raw_text)


def as_printed(line: Line) -> Line:
    """``line``, or the row of fields it holds written with colons (see :func:`field_row`)."""
    return _as_text(line, fields) if line.spans and (fields := field_row(line.text)) else line


def _printed_table(table: Table) -> Table:
    """``table``, or a copy whose cells' rows of fields are written with colons (an activity card
    framed as a table's row)."""
    if not any(field_row(ln.text) for r in table.rows for c in r.cells for ln in c.lines if ln.spans):
        return table
    rows = [dataclasses.replace(r, cells=[dataclasses.replace(c, lines=[as_printed(ln) for ln in c.lines]) for c in r.cells])
            for r in table.rows]
    return dataclasses.replace(table, rows=rows)


def read_printout(doc: Document) -> Document:
    """``doc`` with each breadcrumb line read as its numbered last step, or set aside, and each
    row of fields without colons with them."""
    pages: list[Page] = []
    for page in doc.pages:
        kept: list[Line] = []
        aside: list[Line] = []
        for k, ln in enumerate(page.lines):
            if kept and kept[-1] is _KICKED:
                kept[-1] = _kicked(page.lines[k - 1], ln)
                continue
            if ln.spans and k + 1 < len(page.lines) and _kicker(ln, page.lines[k + 1]):
                kept.append(_KICKED)
                continue
            crumbs = steps(ln.text) if ln.spans else None
            if crumbs is None:
                kept.append(as_printed(ln))
            elif (m := _NUMBERED.fullmatch(crumbs[-1])) and vocabulary.match_label(m[1]) is not None:
                kept.append(_as_text(ln, crumbs[-1]))
            else:
                aside.append(ln)
        tables = [_printed_table(t) for t in page.tables]
        if len(kept) != len(page.lines) or any(a is not b for a, b in zip([*kept, *tables], [*page.lines, *page.tables], strict=True)):
            page = dataclasses.replace(page, lines=kept, noise=[*page.noise, *aside], tables=tables)
        pages.append(page)
    return doc if all(a is b for a, b in zip(pages, doc.pages, strict=True)) else dataclasses.replace(doc, pages=pages)
