"""Document information on the front pages: the labels of the vocabulary's ``metadata`` section
("Diarienummer", "Beslutsinstans", "Fastställd av", "Rektor", …) and the values they label.

Where a value stands is read from structure, never from one document's wording:

- a table: a cell whose first line(s) are a label over the value's lines; a row of labels over
  a row of values (cell by column); a label cell with its value in the next cell. In a table
  that is a grid (two labels or more), a cell's bold lines over regular ones, or a cell in a
  row of labels, is a label too when the vocabulary does not know it (→ ``extra``);
- lines: a line that is a label alone with its value on the same baseline to its right, or
  (bold label, regular value) on the line under it in the same column;
- running text, also the running header and footer: "Label: value", parts joined by " · ",
  " | " or " – "; without a colon only a value of its field's shape counts ("Dnr KS 2026/118",
  "Fastställd 2026-08-20", "Fastställd av nämnden 2026-12-15", "Reviderad 2025-09-15").

A value "-" or "–" is not stated (None). The first value found for a field is kept.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from planparse.model import Metadata
from planparse.reading.model import Cell, Line, Table
from planparse.text.assemble import join_lines
from planparse.text.fold import _OCR_MAP
from planparse.text.numbers import MONTHS
from planparse.vocabulary import match_label, match_metadata_label, vocabulary

_NOT_STATED = {"-", "–", "—", ""}
DNR = re.compile(r"[A-ZÅÄÖ]{1,8}(?:[ /-]|\s?/\s?)?\d{2,4}(?:[/:.-]\d{1,6})+")
_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)|(?<!\d)(\d{1,2}) (" + "|".join(MONTHS) + r") ((?:19|20)\d{2})",
                   re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[·|•–—-]\s+")
# "Beslutad av" / "av" before the deciding organ in a decision's value
_DECIDER = re.compile(r"(?i)^(?:(?:beslutad|beslutat|fastställd|fastställt|antagen|antaget)\s+)?av\s+")
_FREE_FIELDS = ("diarienummer", "decided_on", "decision", "revised_on", "valid_until")  # no colon needed


@dataclass
class Found:
    """What the reader found: ``meta``, the printed document type, the tables it read."""

    meta: Metadata = field(default_factory=Metadata)
    document_type: str | None = None
    tables: set[int] = field(default_factory=set)


def _date(text: str) -> tuple[dt.date, re.Match[str]] | None:
    for m in _DATE.finditer(text):
        try:
            if m[1]:
                return dt.date(int(m[1]), int(m[2]), int(m[3])), m
            return dt.date(int(m[6]), MONTHS[m[5].lower()], int(m[4])), m
        except ValueError:
            continue
    return None


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def metadata_label(text: str) -> tuple[str, str] | None:
    """(field, label as printed) of a text that is a label and nothing else."""
    label = " ".join(text.split()).rstrip(" :")
    m = match_metadata_label(label) if 2 <= len(label) <= 40 else None
    return (m.value, label) if m is not None and m.confidence >= 0.9 else None  # "Beslutande" is no "Beslutad"


def put(found: Found, kind: str | None, label: str, value: str, *, colon: bool = True, grid: bool = False) -> bool:
    """Set the field ``kind`` (a vocabulary key, or None for an unknown grid label) from ``value``;
    True when the value had the field's shape."""
    meta, value = found.meta, " ".join(value.split()).strip(" ,;")
    if value in _NOT_STATED:
        return grid
    if kind == "decision":  # "Beslutad: Beslutad av utbildningsnämnden 2026-12-09"
        value = _DECIDER.sub("", value)
    if _starts_with_label(value) or re.search(r"[^\W\d_]:\s", value):  # or runs into another field ("Klart: …")
        return False  # the next label, not a value ("Beslutsinstans Dokumentansvarig" read as one line)
    date = _date(value)
    if kind in ("decided_on", "revised_on", "decision"):
        if date is None and (kind != "decision" or not colon):
            if grid:
                meta.extra.setdefault(label, value)
            return False
        if date is None:  # "Beslutad av: Förvaltningschef"
            meta.decided_by = meta.decided_by or (_cap(value) if len(value) <= 60 else None)
            return True
        by = _DECIDER.sub("", value[:date[1].start()].strip(" ,")) if kind == "decision" else ""
        if (by and not re.fullmatch(r"[^\W\d_][\w\s-]{1,60}", by)) or (not colon and not by and date[1].start() > 0):
            return False
        name = "decided_on" if kind == "decision" else kind
        if getattr(meta, name) is None:
            setattr(meta, name, date[0])
            if by and meta.decided_by is None:
                meta.decided_by = _cap(by)
        return True
    if not colon and kind not in _FREE_FIELDS:
        return False
    if kind == "diarienummer":
        m = DNR.match(value)
        if m is None:
            return False
        value = m[0]
    elif kind == "valid_until":
        till = re.search(r"\btill(?: och med)?\s+(.+)$", value)
        if till and (d := _date(till[1])):
            value = d[0].isoformat()
        elif re.search(r"fr[åa]n$", label, re.IGNORECASE):
            return False
        elif date is not None:
            value = date[0].isoformat()
        elif not colon or not re.search(r"\d", value):
            return False  # a period of validity has a year
    elif kind == "document_type":
        found.document_type = found.document_type or value
        return True
    elif kind is None:
        meta.extra.setdefault(label, value)
        return True
    elif len(value) > 80:
        return False
    name = "responsible" if kind == "responsible_role" else kind
    if getattr(meta, name) is None:
        setattr(meta, name, _cap(value) if name != "version" else value)
    return True


# ----------------------------------------------------------------------------- tables


def _cell_pair(cell: Cell, grid: bool) -> tuple[str | None, str, str] | None:
    """(field, label, value) of a cell that holds a label over its value."""
    lines = cell.lines
    for k in range(1, min(3, len(lines))):
        hit = metadata_label(join_lines([ln.text for ln in lines[:k]]))
        if hit is not None:
            return hit[0], hit[1], join_lines([ln.text for ln in lines[k:]])
    k = next((i for i, ln in enumerate(lines) if not ln.bold), len(lines))
    if grid and 0 < k < len(lines):  # a grid's bold label the vocabulary does not know
        return None, join_lines([ln.text for ln in lines[:k]]), join_lines([ln.text for ln in lines[k:]])
    return None


def _merge(into: Found, new: Found) -> None:
    for name in type(new.meta).model_fields:
        if name != "extra" and getattr(into.meta, name) is None:
            setattr(into.meta, name, getattr(new.meta, name))
    for k, v in new.meta.extra.items():
        into.meta.extra.setdefault(k, v)
    into.document_type = into.document_type or new.document_type
    into.tables |= new.tables


def read_table(table: Table, into: Found) -> int:
    """Pairs the table gives (its labels over or beside their values); fills ``into`` when
    they are two or more (a document-information grid)."""
    found = Found()
    rows = table.rows
    labels = [[metadata_label(c.text) if c.text.strip() else None for c in r.cells] for r in rows]
    known = sum(h is not None for row in labels for h in row)
    known += sum(1 for r in rows for c in r.cells if len(c.lines) > 1 and _cell_pair(c, False))
    if known < 2:
        return 0
    labels = [[None if h and h[0] == "responsible_role" else h for h in row] for row in labels]  # "Rektor" in a cell is a value
    hits = [sum(h is not None for h in row) for row in labels]
    filled = [sum(bool(c.text.strip()) for c in r.cells) for r in rows]
    # a row of labels over a row of values: most of its cells labels, or all of them bold
    # labels and unknown bold cells; in such a grid every labelled row over an unlabelled one
    heads = {i for i in range(len(rows) - 1) if hits[i] and not hits[i + 1] and (
        hits[i] >= 2 and 2 * hits[i] >= filled[i]
        or all(h is not None or all(ln.bold for ln in c.lines) for c, h in zip(rows[i].cells, labels[i], strict=True) if c.text.strip()))}
    heads = heads if len({h[0] for row in labels for h in row if h}) >= 2 else set()  # two known labels at least
    if heads:
        heads |= {i for i in range(len(rows) - 1) if hits[i] and not hits[i + 1]}
    # labels down the first column, each with its value in the next cell
    keyed = not heads and sum(row[0] is not None for row in labels if row) >= 2
    pairs, skip = 0, False
    for i, row in enumerate(rows):
        if skip:
            skip = False
            continue
        if i in heads:
            below = rows[i + 1]
            for c, h in zip(row.cells, labels[i], strict=True):
                if c.text.strip():
                    kind, label = h if h is not None else (None, join_lines([ln.text for ln in c.lines]))
                    pairs += put(found, kind, label, below.cell_text(c.col), grid=True) and kind is not None
            skip = True
            continue
        for j, (c, h) in enumerate(zip(row.cells, labels[i], strict=True)):
            if h is not None and keyed and j + 1 < len(row.cells) and labels[i][j + 1] is None and row.cells[j + 1].text.strip():
                pairs += put(found, h[0], h[1], row.cells[j + 1].text, grid=True)  # label cell | value cell
            elif h is None and len(c.lines) > 1 and (p := _cell_pair(c, True)) is not None:
                pairs += put(found, p[0], p[1], p[2], grid=True)
    if pairs >= 2:
        found.tables.add(id(table))
        _merge(into, found)
    return pairs


# ----------------------------------------------------------------------------- lines


def _skeleton(text: str) -> str:
    return text.casefold().translate(_OCR_MAP)


@lru_cache(maxsize=1)
def _runin() -> re.Pattern[str]:
    variants = sorted({_skeleton(v) for vs in vocabulary()["metadata"].values() for v in vs}, key=len, reverse=True)
    alts = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in variants)
    return re.compile(rf"(?<![^\W\d_])(?P<label>{alts})(?P<colon>\s*:)?(?![^\W\d_])")


def _starts_with_label(text: str) -> bool:
    m = _runin().match(_skeleton(unicodedata.normalize("NFC", text)))
    hit = metadata_label(text[m.start("label"):m.end("label")]) if m is not None else None
    return hit is not None and hit[0] != "responsible_role"  # "Rektor Eva Sandberg" is a value


def read_text(text: str, found: Found) -> None:
    """Labels and their values in one line of running text."""
    text = unicodedata.normalize("NFC", text)
    for part in _SEPARATORS.split(text):
        skel = _skeleton(part)
        if len(skel) != len(part):
            continue
        hits = [m for m in _runin().finditer(skel)
                if m.start() == 0 or m["colon"] or part[:m.start()].rstrip().endswith(".")]
        for k, m in enumerate(hits):
            end = hits[k + 1].start() if k + 1 < len(hits) else len(part)
            hit = metadata_label(part[m.start("label"):m.end("label")])
            value = part[m.end():end].strip()
            if hit is not None and value:
                if not m["colon"]:
                    value = value.split(". ")[0]
                put(found, hit[0], hit[1], value.rstrip("."), colon=bool(m["colon"]))


def _under(lines: list[Line], i: int, hit: tuple[str, str]) -> tuple[tuple[str, str], list[Line]] | None:
    """A bold label line's (label, value lines) under it in its column (a grid without rules):
    the label may wrap onto bold lines, the value onto regular ones."""
    ln, k = lines[i], i + 1
    while k < len(lines) and lines[k].bold and lines[k].page == ln.page and abs(lines[k].x0 - ln.x0) < 2:
        longer = metadata_label(ln.text + " " + " ".join(x.text for x in lines[i + 1:k + 1]))
        if longer is None:
            break
        hit, k = longer, k + 1
    values: list[Line] = []
    for v in lines[k:]:
        prev = values[-1] if values else lines[k - 1]
        gap = v.y0 - prev.bbox[3]
        if (v.page != ln.page or v.bold or not 0 <= gap < max(prev.bbox[3] - prev.bbox[1], 1.0)
                or abs(v.x0 - (values[0].x0 if values else ln.x0)) > (2 if values else 12)):
            break
        values.append(v)
    # a label of either kind ("Status", a section label) under a label is a column of labels
    return (hit, values) if values and metadata_label(values[0].text) is None and match_label(values[0].text) is None else None


def read_lines(lines: list[Line], found: Found) -> None:
    """A label alone on its line with its value beside it or under it, else running text."""
    used: set[int] = set()
    for i, ln in enumerate(lines):
        if id(ln) in used:
            continue
        hit = metadata_label(ln.text)
        if hit is not None:
            height = max(ln.bbox[3] - ln.bbox[1], 1.0)
            beside = [v for v in lines if v is not ln and v.page == ln.page and abs(v.y0 - ln.y0) < 0.5 * height
                      and v.x0 > ln.bbox[2] and (ln.text.rstrip().endswith(":") or ln.bold and not v.bold)]
            under = _under(lines, i, hit) if ln.bold else None
            hit, values = ((hit, [min(beside, key=lambda v: v.x0)]) if beside else under or (hit, []))
            if values:
                used.update(id(v) for v in values)
                put(found, hit[0], hit[1], join_lines([v.text for v in values]))
                continue
        read_text(ln.text, found)
