"""Contents pages: their heading and entries, however an OCR read their dot leaders."""

from __future__ import annotations

import re

from planparse.reading.model import Line, Table
from planparse.reading.noise import _PAGE_NUMBER
from planparse.text.fold import fold

_TOC_HEADING = re.compile(r"^(innehall|innehallsforteckning|innehall och lasanvisning)$")


def _toc_heading(text: str) -> bool:
    """A contents heading ("Innehåll"), not the last word of a wrapped sentence ("… verksamhetens"
    / "innehåll."): no lower-case start, no full stop."""
    text = text.strip()
    return not text[:1].islower() and not text.endswith(".") and bool(_TOC_HEADING.match(fold(text)))
_TOC_ENTRY = re.compile(r"(?:\.{3,}|…{2,}|\s)\s*\d{1,3}$")
_NUMBERED_ENTRY = re.compile(r"^\d{1,2}(?:[.:]\d{1,2}){0,3}[.:]?\s+\S")
# (on an OCR'd layer a number's dot may come out as a comma: "3,2 LIVSMILJÖ OCH HÄLSA")
_OCR_NUMBERED_ENTRY = re.compile(r"^\d{1,2}(?:[.:,]\d{1,2}){1,3}[.:]?\s+[A-ZÅÄÖ]")

_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{0,3}$|…{2,}\s*\d{0,3}$")


# An entry "Uppdrag 3.1.1": a label word and a section number alone
_LABELLED_ENTRY = re.compile(r"^[^\W\d_]+\s+\d{1,2}(?:\.\d{1,2}){1,3}\.?$")


def _lost_number(text: str) -> bool:
    """A contents entry whose leader and page number an OCR lost (Tesseract takes a column of
    leaders and figures for a picture): a numbered heading ("3.1 TRYGGA OCH ATTRAKTIVA
    SORSELE") or a label with its section number ("Uppdrag 3.1.1"). Callers require another
    entry under it: a chapter that starts after the contents is followed by its text."""
    return bool(_NUMBERED_ENTRY.match(text) or _LABELLED_ENTRY.match(text))


def _sibling(before: list[Line], line: Line) -> bool:
    """Whether ``line`` is an entry of the same shape as an entry of ``before`` (the contents'
    lines above it) at the same indent, and set close under the line above it (no
    wider apart than two lines): the last of a run of entries whose page numbers an OCR lost,
    though no entry follows it."""
    if not before:
        return False
    kind = _LABELLED_ENTRY if _LABELLED_ENTRY.match(line.text.strip()) else _NUMBERED_ENTRY
    height = max(before[-1].bbox[3] - before[-1].bbox[1], 1.0)
    if line.y0 - before[-1].bbox[3] > 2 * height:
        return False
    return any(kind.match(ln.text.strip()) and abs(ln.x0 - line.x0) <= 3 for ln in before)


def _has_leader(text: str) -> bool:
    """A dot leader ends ``text``; the regex runs only where four dots or two ellipses are."""
    return (text.count(".") >= 4 or "……" in text) and _LEADER.search(text.strip()) is not None


# The letters an OCR reads a dot leader as: x-height ones (no ascender or descender), and dots
_LEADER_LETTERS = frozenset("aceimnorsuvwxzéèò.,:;¥<")
_GARBLED_MIN = 20  # a word this long or longer may be a leader read as letters


def _garbled_leader(text: str) -> bool:
    """A dot leader an OCR read as letters ("arbetsgivare.......ccssccssssceseess 4"): a word
    of twenty characters or more, four in five of them x-height letters or dots. Swedish
    compounds that long have ascenders ("kompetensförsörjningsplan": k, t, f, j, g, p, l). Or
    three short words of such letters or more in a row before the entry's page number ("ee ee
    ee 6"), or four ending the line when the page number was read as letters too ("Uppdrag
    3.3.1 eae eee SEA i.")."""
    words = text.split()
    for word in words:
        if len(word) >= _GARBLED_MIN and sum(c in _LEADER_LETTERS for c in word.lower()) >= 0.8 * len(word):
            return True
    # or read as a run of short words before the page number ("TRYGG OMSORG ee ee ee ee 6")
    numbered = bool(words) and words[-1].isdigit()
    run, longest = 0, 0
    for word in words[:-1] if numbered else words:
        run = run + 1 if len(word) <= 4 and all(c in _LEADER_LETTERS for c in word.lower()) else 0
        longest = max(longest, run)
    return longest >= 3 if numbered else run >= 4


def contents_lines(lines: list[Line], going_on: bool = False) -> set[int]:
    """ids of a contents page's heading and entries ("3.1 HÅLLBARA ROBERTSFORS ....... 6").

    A page is a contents page when it has a contents heading or at least three dot-leader
    entries; everything from the heading (or first entry) to the last entry goes, which takes
    entries that wrap over two lines with them. Under a contents heading, a leader an OCR
    read as letters (:func:`_garbled_leader`) counts as a leader. ``going_on``: the page before
    ended in entries, so this page's first lines may be more of them, with no heading of their own.
    """
    heading = [i for i, ln in enumerate(lines) if _toc_heading(ln.text)]
    leaders = [i for i, ln in enumerate(lines) if _has_leader(ln.text) or (
        heading and ln.method != "native" and _garbled_leader(ln.text))]
    if len(leaders) >= 3 or (heading and leaders):
        start, end = min(heading + leaders), max(leaders)
        found = {id(ln) for ln in lines[start : end + 1]}
        rest = lines[end + 1 :]
        entries = lines[start : end + 1]
        left, right = min(ln.x0 for ln in entries), max(ln.bbox[2] for ln in entries)
        for k, ln in enumerate(rest):  # entries without leaders right after the last one
            text = ln.text.strip()
            if _TOC_ENTRY.search(text) or (heading and _PAGE_REF.match(text)) or (
                    heading and ln.method != "native" and ln.x0 >= left + 0.75 * (right - left)):
                # (or the column of page numbers at the right, an OCR read as letters: "NNNOÖOÖAAB")
                found.add(id(ln))  # (or an entry's page number an OCR set on a line of its own)
                continue
            # Under a contents heading, numbered entries whose leaders and page numbers an
            # OCR lost: each followed by another entry (or ending the page), where a chapter
            # that starts after the contents is followed by its text.
            nxt = rest[k + 1].text.strip() if k + 1 < len(rest) else None
            lost = _lost_number(text) or (ln.method != "native" and _OCR_NUMBERED_ENTRY.match(text) is not None)
            if heading and lost and (nxt is None or _lost_number(nxt) or _TOC_ENTRY.search(nxt) or _PAGE_REF.match(nxt)
                                     or _sibling(lines[start:end + 1] + rest[:k], ln)):
                found.add(id(ln))
                continue
            break
        return found
    out: set[int] = set()
    if not heading and not going_on:
        return out  # (only a contents heading starts the entries below; a line's text is stripped)
    active = strict = going_on and not heading  # (going on: only entries with their page number set apart)
    missed: list[int] = []  # lines since the last entry: entries too when another follows
    paired = _paired_numbers(lines)
    for k, ln in enumerate(lines):
        text = ln.text.strip()
        if _toc_heading(text):
            active = True
            out.add(id(ln))
            missed = []
            continue
        if not active:
            continue
        if k in paired.values():
            continue  # taken with its entry
        if k in paired:
            # An entry whose page number is set apart at the right margin, on its baseline.
            out.update(missed)
            out.update((id(ln), id(lines[paired[k]])))
            missed = []
        elif strict:
            missed.append(id(ln))
            if len(missed) > 2:
                active = False
        elif _TOC_ENTRY.search(text) and not _PAGE_NUMBER.match(text):
            # An entry whose leader an OCR read as letters and whose page number it set
            # apart lies between two entries: it goes with them.
            out.update(missed)
            out.add(id(ln))
            missed = []
        elif _lost_number(text) and (k + 1 < len(lines) and _lost_number(lines[k + 1].text.strip()) or _sibling(lines[:k], ln)):
            # entries whose leaders and page numbers an OCR lost, one under the other
            out.update(missed)
            out.add(id(ln))
            missed = []
        else:
            missed.append(id(ln))
            if len(missed) > 2:
                active = False
    return out


_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_PAGE_REF = re.compile(r"^\d{1,3}(?:/\d{1,3})?$")  # a page number alone ("6"; "2/6" where an OCR read specks)


def _paired_numbers(lines: list[Line]) -> dict[int, int]:
    """Entry index → index of a bare page number set far right of it on the same baseline
    (a contents entry whose number a producer right-aligns in a cell or box of its own, too
    far from the text to be joined with it)."""
    out: dict[int, int] = {}
    for i, ln in enumerate(lines):
        text = ln.text.strip()
        if not text or _BARE_NUMBER.match(text):
            continue
        for j in range(i + 1, min(i + 4, len(lines))):
            other = lines[j]
            if j in out.values() or not _BARE_NUMBER.match(other.text.strip()):
                continue
            height = max(ln.bbox[3] - ln.bbox[1], 1.0)
            if other.x0 > ln.bbox[2] and abs(other.bbox[1] + other.bbox[3] - ln.bbox[1] - ln.bbox[3]) <= 0.6 * height:
                out[i] = j
                break
    return out


def contents_tables(tables: list[Table], removed: list[Line]) -> list[Table]:
    """Tables on a contents page that hold contents entries (a producer that draws each
    entry's dotted leader as a rule makes a "table" of an entry or two): every row a single
    numbered entry, set between the contents heading and its last entry."""
    heading = [ln for ln in removed if _toc_heading(ln.text)]
    if not heading or len(removed) < 3:
        return []
    top, bottom = heading[0].bbox[3], max(ln.bbox[3] for ln in removed)
    out = []
    for tb in tables:
        box = tb.bbox
        texts = [[t for t in row.texts if t.strip()] for row in tb.rows]
        if box[1] >= top and box[3] <= bottom + 30 and texts and all(
            len(t) == 1 and _NUMBERED_ENTRY.match(t[0].strip()) for t in texts
        ):
            out.append(tb)
    return out
