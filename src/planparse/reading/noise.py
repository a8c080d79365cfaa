"""Noise that is not content: running headers and footers, page numbers, contents pages,
empty icon placeholders. Found by position and repetition, not by hard-coded strings."""

from __future__ import annotations

import re

from planparse.reading.model import Line, Table
from planparse.text.fold import fold

SIZE_SLACK = 0.3  # how much (share) the type of one running line's repeats may differ
MARGIN = 0.11  # share of the page height at the top and bottom where running text lives
_PAGE_NUMBER = re.compile(
    r"^(?:(?:sida|sid|page|s\.)\s*)?\d{1,4}(?:\s*(?:\(|av|/|of)\s*\d{1,4}\)?)?$", re.IGNORECASE
)
_TOC_HEADING = re.compile(r"^(innehall|innehallsforteckning|innehall och lasanvisning)$")
_TOC_ENTRY = re.compile(r"(?:\.{3,}|…{2,}|\s)\s*\d{1,3}$")
_GLYPHS_ONLY = re.compile(r"^[^\w%]{1,3}$")  # an icon's glyph; "(%)" is a unit, not one
_NUMBERED_ENTRY = re.compile(r"^\d{1,2}(?:[.:]\d{1,2}){0,3}[.:]?\s+\S")


_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGITS = re.compile(r"\d+")
_SEPARATORS = re.compile(r"[^\w#]+")


def _key(line: Line) -> str:
    """What repeats of a running line share: its words, digits (page numbers) as "#";
    separators between them are left out, as an OCR reads them differently on each page
    ("Kommunstyrelsen - Kommunledningskontoret", "Kommunstyrelsen ~ Kommunledningskontoret")."""
    return " ".join(_SEPARATORS.sub(" ", _DIGITS.sub("#", fold(line.text))).split())


def in_margin(line: Line, height: float) -> bool:
    return line.bbox[3] <= height * MARGIN or line.y0 >= height * (1 - MARGIN)


def running_lines(pages: list[list[Line]], heights: list[float]) -> set[int]:
    """ids of lines that are running headers, footers or page numbers."""
    n = len(pages)
    seen: dict[str, list[tuple[int, float]]] = {}  # by key: (page, size) of each line
    margin: list[tuple[Line, str]] = []  # the lines in the margins with their keys, in order
    for p, lines in enumerate(pages):
        for ln in lines:
            if in_margin(ln, heights[p]):
                key = _key(ln)
                seen.setdefault(key, []).append((p, ln.size))
                margin.append((ln, key))
    threshold = max(2, round(0.4 * n))
    noise: set[int] = set()
    for ln, key in margin:
        # (a year alone is no page number: a table's cell wrapped at the page's foot, "Följs upp" / "2025")
        page_number = _PAGE_NUMBER.match(ln.text.strip()) and not _YEAR.fullmatch(ln.text.strip())
        # repeats in about its own size: a title set large under a running header of its words is none
        pages_ = {p for p, size in seen[key] if abs(size - ln.size) <= SIZE_SLACK * max(size, ln.size, 1.0)}
        if page_number or (n >= 2 and len(pages_) >= threshold and (
                len(pages_) > 0.6 * n or not _section_label(ln.text))):
            noise.add(id(ln))
    return noise


def _section_label(text: str) -> bool:
    """A section label of the vocabulary ("Prioriterad utveckling") that a page break happened
    to set at the top of a few pages: content, unless it runs over most pages."""
    from planparse import vocabulary

    m = vocabulary.match_label(text.strip().rstrip(":")) if len(text) < 40 else None
    return m is not None and m.confidence >= 0.9


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
    """Whether ``line`` is an entry of the same shape as the last such entry of ``before`` (the
    contents' lines above it), at the same indent, and set close under the line above it (no
    wider apart than two lines): the last of a run of entries whose page numbers an OCR lost,
    though no entry follows it."""
    if not before:
        return False
    kind = _LABELLED_ENTRY if _LABELLED_ENTRY.match(line.text.strip()) else _NUMBERED_ENTRY
    height = max(before[-1].bbox[3] - before[-1].bbox[1], 1.0)
    if line.y0 - before[-1].bbox[3] > 2 * height:
        return False
    same = next((ln for ln in reversed(before) if kind.match(ln.text.strip())), None)
    return same is not None and abs(same.x0 - line.x0) <= 3


def _has_leader(text: str) -> bool:
    """A dot leader ends ``text``; the regex runs only where four dots or two ellipses are."""
    return (text.count(".") >= 4 or "……" in text) and _LEADER.search(text.strip()) is not None


def _toc_heading(text: str) -> bool:
    """A contents heading ("Innehåll"), not the last word of a wrapped sentence ("… verksamhetens"
    / "innehåll."): no lower-case start, no full stop."""
    text = text.strip()
    return not text[:1].islower() and not text.endswith(".") and bool(_TOC_HEADING.match(fold(text)))


def contents_lines(lines: list[Line]) -> set[int]:
    """ids of a contents page's heading and entries ("3.1 HÅLLBARA ROBERTSFORS ....... 6").

    A page is a contents page when it has a contents heading or at least three dot-leader
    entries; everything from the heading (or first entry) to the last entry goes, which takes
    entries that wrap over two lines with them.
    """
    heading = [i for i, ln in enumerate(lines) if _toc_heading(ln.text)]
    leaders = [i for i, ln in enumerate(lines) if _has_leader(ln.text)]
    if len(leaders) >= 3 or (heading and leaders):
        start, end = min(heading + leaders), max(leaders)
        found = {id(ln) for ln in lines[start : end + 1]}
        rest = lines[end + 1 :]
        for k, ln in enumerate(rest):  # entries without leaders right after the last one
            text = ln.text.strip()
            if _TOC_ENTRY.search(text):
                found.add(id(ln))
                continue
            # Under a contents heading, numbered entries whose leaders and page numbers an
            # OCR lost: each followed by another entry (or ending the page), where a chapter
            # that starts after the contents is followed by its text.
            nxt = rest[k + 1].text.strip() if k + 1 < len(rest) else None
            if heading and _lost_number(text) and (
                nxt is None or _lost_number(nxt) or _TOC_ENTRY.search(nxt) or _sibling(lines[start:end + 1] + rest[:k], ln)
            ):
                found.add(id(ln))
                continue
            break
        return found
    out: set[int] = set()
    active = False
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
        elif _TOC_ENTRY.search(text) and not _PAGE_NUMBER.match(text):
            # An entry whose leader an OCR read as letters and whose page number it set
            # apart lies between two entries: it goes with them.
            out.update(missed)
            out.add(id(ln))
            missed = []
        else:
            missed.append(id(ln))
            if len(missed) > 2:
                active = False
    return out


_BARE_NUMBER = re.compile(r"^\d{1,3}$")


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


def ocr_junk_lines(lines: list[Line]) -> set[int]:
    """ids of OCR'd lines that are no text: a box several lines tall holding only one- and
    two-letter "words" (a column of list numbers or a drawing read as one line, "Un BB WN")."""
    heights = sorted(ln.bbox[3] - ln.bbox[1] for ln in lines if ln.method == "ocr")
    if not heights:
        return set()
    median = heights[len(heights) // 2]
    return {
        id(ln)
        for ln in lines
        if ln.method == "ocr"
        and ln.bbox[3] - ln.bbox[1] > 2.5 * median
        and all(sum(c.isalpha() for c in w) <= 2 for w in ln.text.split())
    }


def placeholder_lines(lines: list[Line]) -> set[int]:
    """ids of lines holding only an icon glyph or bullet with no text."""
    return {id(ln) for ln in lines if _GLYPHS_ONLY.match(ln.text.strip())}


# A watermark's text is set this many times larger than the body text, or larger.
_WATERMARK_SCALE = 2.0


def watermark_lines(pages: list[list[Line]], heights: list[float]) -> set[int]:
    """ids of watermark lines ("UTKAST", "PRELIMINÄR" set large across the page): a short
    line set at least twice the body size, across the middle half of the page, that is either
    repeated at the same place on half the pages or more (two at least) or drawn in light
    grey. (A diagonal watermark is not read at all: turned text is left out by the backend.)
    Found on the raw lines, before lines on one baseline are joined: a watermark crossing a
    table would otherwise join the cells' lines."""
    # By span, not by line: these raw lines are joined later, their own facts never needed.
    weights: dict[float, int] = {}
    for lines in pages:
        for ln in lines:
            for s in ln.spans:
                size = round(s.size, 1)
                weights[size] = weights.get(size, 0) + len(s.text.strip())
    if not weights:
        return set()
    body = max(weights, key=lambda s: (weights[s], -s))
    found: dict[str, list[tuple[int, Line]]] = {}
    for p, lines in enumerate(pages):
        for ln in lines:
            if ln.method != "native" or round(max((s.size for s in ln.spans), default=0.0), 1) < _WATERMARK_SCALE * body:
                continue
            text = ln.text.strip()
            centre = (ln.bbox[1] + ln.bbox[3]) / 2
            if (ln.method == "native" and ln.size >= _WATERMARK_SCALE * body and 0 < len(text) <= 40
                    and 0.25 * heights[p] <= centre <= 0.75 * heights[p]):
                found.setdefault(fold(text), []).append((p, ln))
    out: set[int] = set()
    need = max(2, (len(pages) + 1) // 2)
    for hits in found.values():
        first = hits[0][1].bbox
        same_place = [ln for _, ln in hits
                      if all(abs(a - b) <= 4.0 for a, b in zip(ln.bbox, first, strict=True))]
        pages_hit = {p for p, ln in hits if ln in same_place}
        for _, ln in hits:
            if len(pages_hit) >= need or all(_light_grey(s.color) for s in ln.spans if s.text.strip()):
                out.add(id(ln))
    return out


def _light_grey(color: int) -> bool:
    """A light grey (or a nearly grey tint): every channel between 0xB4 and 0xF0, within 0x18
    of each other. White (text on a dark fill) is not."""
    r, g, b = (color >> 16) & 255, (color >> 8) & 255, color & 255
    return min(r, g, b) >= 0xB4 and max(r, g, b) <= 0xF0 and max(r, g, b) - min(r, g, b) <= 0x18
