"""Noise that is not content: running headers and footers, page numbers, empty icon
placeholders (contents pages: :mod:`.contents`). Found by position and repetition, not by
hard-coded strings."""

from __future__ import annotations

import re

from planparse.reading.model import Drawing, Line, Span, _round1, overlap_by
from planparse.reading.ocr_running import ocr_variants
from planparse.text.fold import fold

SIZE_SLACK = 0.3  # how much (share) the type of one running line's repeats may differ
MARGIN = 0.11  # share of the page height at the top and bottom where running text lives
_PAGE_NUMBER = re.compile(
    r"^(?:(?:sida|sid|page|s\.)\s*)?\d{1,4}(?:\s*(?:\(|av|/|of)\s*\d{1,4}\)?)?$", re.IGNORECASE
)
_GLYPHS_ONLY = re.compile(r"^[^\w%]{1,3}$")  # an icon's glyph; "(%)" is a unit, not one


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
    at: dict[str, list[float]] = {}  # by key: the top of each line
    margin: list[tuple[Line, str, bool]] = []  # the lines in the margins with their keys and whether at the top, in order
    for p, lines in enumerate(pages):
        top, foot = heights[p] * MARGIN, heights[p] * (1 - MARGIN)
        for ln in lines:
            b = ln.bbox
            if b[3] <= top or b[1] >= foot:  # (in_margin, inline: every line of the document)
                key = _key(ln)
                seen.setdefault(key, []).append((p, ln.size))
                at.setdefault(key, []).append(ln.y0)
                margin.append((ln, key, b[3] <= top))
    threshold = max(2, round(0.4 * n))
    noise: set[int] = set()
    titles: dict[str, float] | None = None  # the body's lines by key: their largest size, when first needed
    repeats: dict[tuple[str, float], set[int]] = {}  # pages_ below by (key, size): a page number's on every page
    for ln, key, at_top in margin:
        # (a year alone is no page number: a table's cell wrapped at the page's foot, "Följs upp" / "2025")
        page_number = _PAGE_NUMBER.match(ln.text.strip()) and not _YEAR.fullmatch(ln.text.strip())
        # repeats in about its own size: a title set large under a running header of its words is none
        own = ln.size
        pages_ = repeats.get((key, own))
        if pages_ is None:
            keys = [key, *ocr_variants(key, seen, ln.y0, at, ln.bbox[3] - ln.bbox[1])] if ln.method != "native" else [key]
            pages_ = repeats[(key, own)] = {
                p for k in keys for p, size in seen[k] if abs(size - own) <= SIZE_SLACK * max(size, own, 1.0)}
        if page_number or (n >= 2 and len(pages_) >= threshold and (
                len(pages_) > 0.6 * n or not _section_label(ln.text))):
            noise.add(id(ln))
        elif len(pages_) >= 2 and at_top:  # a running header naming the chapter it is in,
            if titles is None:  # on that chapter's pages only: its title set larger in the body
                titles = {}
                for p, lines in enumerate(pages):
                    for o in lines:
                        if not in_margin(o, heights[p]):
                            k = _key(o)
                            titles[k] = max(titles.get(k, 0.0), o.size)
            if titles.get(key, 0.0) > 1.2 * ln.size:
                noise.add(id(ln))
    return noise | _cover_echoes(pages, heights)


def _cover_echoes(pages: list[list[Line]], heights: list[float]) -> set[int]:
    """ids of lines at the top of a later page that repeat a line of the first page in
    regular type no larger than the body's, set apart from the text below by a line's height:
    a running header that starts after the cover (the organisation, the title in capitals) on
    too few pages for repetition to show it. A level label over the first goal of the page
    ("NÄMNDMÅL") sits close on its goal; a section label ("Aktiviteter") is content; an
    OCR'd line's weight is unknown, so its heading could pass for regular type."""
    if len(pages) < 2:
        return set()
    weights: dict[float, int] = {}
    for lines in pages:
        for ln in lines:
            weights[ln.size] = weights.get(ln.size, 0) + len(ln.text)
    body = max(weights, key=lambda size: (weights[size], -size)) if weights else 0.0
    first = {key for ln in pages[0] if len(key := _key(ln)) >= 4}
    return {
        id(ln)
        for p in range(1, len(pages))
        for ln in pages[p]
        if ln.bbox[3] <= heights[p] * MARGIN and ln.method == "native" and not ln.bold and ln.size <= body
        and _key(ln) in first and _apart(ln, pages[p]) and not _section_label(ln.text)
    }


def _apart(line: Line, lines: list[Line]) -> bool:
    """Whether the next line below ``line`` starts a line's height or more under it."""
    box = line.bbox
    tops = [o.bbox[1] for o in lines]  # (each box read once)
    below = [top for top in tops if top >= box[3] - 0.5]
    return not below or min(below) - box[3] >= box[3] - box[1]


def _section_label(text: str) -> bool:
    """A section label of the vocabulary ("Prioriterad utveckling") that a page break happened
    to set at the top of a few pages, or a goal group's name after its goal word ("Målområde:
    Ett rikt kulturliv", a card's breadcrumb over its title): content, unless it runs over most
    pages."""
    from planparse import vocabulary
    from planparse.layouts.goal_words import goal_word  # (words, not layout: the vocabulary's kin)

    head, colon, rest = text.partition(":")
    if colon and rest.strip() and (found := goal_word(head.strip())) is not None and not found[1]:
        return True
    m = vocabulary.match_label(text.strip().rstrip(":")) if len(text) < 40 else None
    return m is not None and m.confidence >= 0.9


def ocr_junk_lines(lines: list[Line]) -> set[int]:
    """ids of OCR'd lines that are no text: a box several lines tall holding only one- and
    two-letter "words" (a column of list numbers or a drawing read as one line, "Un BB WN") or
    standing in the margin outside the text column (a note written by hand, "ki Olla!"),
    or a few unknown words crossing another line's box (:func:`_crossing_junk`), or words
    stretched far wider than letters are set (:func:`stretched`)."""
    heights = sorted(ln.bbox[3] - ln.bbox[1] for ln in lines if ln.method == "ocr")
    junk = {id(ln) for ln in lines if ln.method != "native" and (_crossing_junk(ln, lines) or stretched(ln.spans))}
    junk |= speck_lines(lines)
    layer = sorted(ln.bbox[3] - ln.bbox[1] for ln in lines if ln.method != "native")  # (an OCR layer's or our OCR's)
    junk |= {id(ln) for ln in lines if ln.method != "native" and ln.bbox[3] - ln.bbox[1] < 0.7 * layer[len(layer) // 2]
             and _unworded(ln.text)} if layer else set()
    if not heights:
        return junk
    median = heights[len(heights) // 2]
    # the text column: where most lines start and end (a note written in the margin stands outside it)
    lefts, rights = sorted(ln.bbox[0] for ln in lines), sorted(ln.bbox[2] for ln in lines)
    left, right = lefts[len(lefts) // 10], rights[len(rights) * 3 // 4]
    return junk | {
        id(ln)
        for ln in lines
        if ln.method == "ocr"
        and ln.bbox[3] - ln.bbox[1] > 2.5 * median
        and (all(sum(c.isalpha() for c in w) <= 2 for w in ln.text.split()) or ln.bbox[2] <= left or ln.bbox[0] >= right)
    }


def letterhead_lines(lines: list[Line], height: float) -> set[int]:
    """ids of lines that are only a municipality's name in capitals or in a page's margin
    ("AVESTA KOMMUN" beside the cover's logo, "Laxå kommun" in the foot): a letterhead, no
    content (a sentence may wrap before "Nyköpings kommun")."""
    from planparse.municipalities import letterhead  # noqa: PLC0415 (the register loads on first use)

    return {id(ln) for ln in lines if len(ln.text) < 40 and (ln.text.isupper() or in_margin(ln, height))
            and letterhead(ln.text)}


# A print stamp: "Utskrivet 2027-09-14 av Eva Nord", "Utskriftsdatum: 2027-09-14"
_PRINTED = re.compile(r"\b(?:utskrivet|utskriven|utskriftsdatum|skrevs ut)\b[^\n]{0,12}?(?:19|20)\d\d-\d\d-\d\d")


def print_stamp_lines(lines: list[Line], height: float) -> set[int]:
    """ids of lines in a page's margin that say when and by whom the page was printed (a planning
    system's report header: its name, filter and print date on one line), no content."""
    return {id(ln) for ln in lines if in_margin(ln, height) and _PRINTED.search(fold(ln.text))}


def _unworded(text: str) -> bool:
    """A few words of which none of four letters or more is a word ("2 ON Se aera ee": a
    photo's grain OCR'd in small print)."""
    from planparse.text.repair import known_word  # noqa: PLC0415 (the lexicon loads on first use)

    long = [w for w in _WORDS.findall(text) if len(w) >= 4]
    return 0 < len(long) <= 3 and len(text.split()) <= 6 and not any(known_word(w) for w in long)


# Swedish words (and plan abbreviations) of three letters or fewer that a line may hold alone
_SHORT_WORDS = frozenset((
    "i", "å", "ö", "och", "att", "det", "som", "en", "ett", "på", "är", "för", "av", "med", "om", "har", "den",
    "de", "vi", "ska", "kan", "så", "nu", "ny", "nya", "ja", "nej", "ej", "mål", "år", "kr", "tkr", "st", "nr",
    "per", "via", "ca", "dag", "tid", "ut", "in", "upp", "ner", "bra", "god", "hög", "låg", "alla", "all",
    "fler", "mer", "bör", "vid", "hur", "var", "vem", "när", "här", "där", "men"))
_VOWELS = frozenset("aeiouyåäö")
_STREWN = 5  # lines of specks on a page that make it one strewn with them
_WORDS = re.compile(r"[^\W\d_]+")
_SHORT_TOKEN = re.compile(r"[^\W\d_]{1,3}|[^\w\s]{1,3}")


def speck_lines(lines: list[Line]) -> set[int]:
    """ids of OCR'd lines that are specks read as letters, on a page whose paper is uneven (a
    shadow, a gradient, grain): every word three letters or fewer, no figure, none a
    Swedish word ("ee oe —", "oo ee a", "q"; one abbreviation in capitals alone, "LSS",
    stays), against no line of words, where the page has :data:`_STREWN` of them; and a speck
    of one or two characters beyond the text's left or right edge (the edges where the lines
    of words start and end) by three of its heights, figures too ("4" by the paper's edge)."""
    if all(ln.method == "native" for ln in lines):
        return set()
    lettered = [ln.bbox for ln in lines if sum(ch.isalpha() for ch in ln.text) >= 10]
    starts, ends = sorted(b[0] for b in lettered), sorted((b[2] for b in lettered), reverse=True)
    left = starts[1] if len(starts) >= 5 else None
    right = ends[1] if len(ends) >= 5 else None
    out: set[int] = set()
    found: list[int] = []
    for ln in lines:
        if ln.method == "native":
            continue
        words = ln.text.split()
        if not words:
            continue
        gap = 3 * (ln.bbox[3] - ln.bbox[1])  # (a table's last column may stand a little past the text)
        if len(ln.text) <= 2 and left is not None and right is not None \
                and (ln.bbox[0] > right + gap or ln.bbox[2] < left - gap):
            out.add(id(ln))
            continue
        if len(words) == 1 and words[0].isupper() and words[0].isalpha() and len(words[0]) >= 2:
            continue
        if all(_SHORT_TOKEN.fullmatch(w) for w in words) and any(w.isalpha() for w in words) \
                and not any(w.casefold() in _SHORT_WORDS for w in words) and not _beside_text(ln, lines):
            found.append(id(ln))
    # (only a page strewn with them: a lone short cell, "Tot" or "Öka", is a table's)
    return out | set(found) if len(found) >= _STREWN else out


def _beside_text(line: Line, lines: list[Line]) -> bool:
    """Whether a line of short pieces stands against a line of words: right under or over it
    (a word's end wrapped in a narrow cell, "Kommunfullmäkt" / "ige") or a space after it on its
    baseline; specks lie apart from the text."""
    x0, y0, x1, y1 = line.bbox
    h = max(y1 - y0, 1.0)
    for o in lines:
        if o is line or not any(len(w) >= 5 and len(set(w.casefold()) & _VOWELS) >= 2 for w in _WORDS.findall(o.text)):
            continue  # (no word of five letters and two vowels: specks beside specks)
        a0, b0, a1, b1 = o.bbox
        across = a0 < x1 + h and x0 < a1 + h  # (their spans overlap or nearly)
        if across and (b0 - y1 <= h and y0 - b1 <= h) and (min(y1, b1) > max(y0, b0) or a0 < x1 and x0 < a1):
            return True
    return False


def stretched(spans: list[Span]) -> bool:
    """OCR'd words (a line's spans) whose every one is boxed over 2.5 times its height wide for each of its
    characters: a table's rule or the edge of a shaded band read as letters ("ENE" across a
    whole table under its header). Letters are set narrower than tall, letter-spaced ones too."""
    words = [s for s in spans if s.text.strip()]
    return bool(words) and all(
        s.bbox[2] - s.bbox[0] > 2.5 * (s.bbox[3] - s.bbox[1]) * len(s.text.strip()) for s in words)


def _crossing_junk(line: Line, lines: list[Line]) -> bool:
    """An OCR'd line of three words at most, none a common word of three letters or more, whose box runs
    into another line's by two points or more each way: an icon read as letters among a
    table's rows ("(Sonera ae:")."""
    from planparse.text.repair import word_zipf

    if line.method == "native" or len(line.text.split()) > 3:
        return False
    if any(word_zipf(w) >= 3.0 for w in re.findall(r"[^\W\d_]{3,}", line.text)):
        return False  # (a word of three letters or more that Swedish text uses)
    return any(o is not line and overlap_by(line.bbox, o.bbox, 2) for o in lines)


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
    # (Characters by the span's size as read, then by its size rounded: a few sizes, many spans.)
    by_size: dict[float, int] = {}
    native: list[tuple[int, Line, float]] = []  # native lines with their largest span's size
    for p, lines in enumerate(pages):
        for ln in lines:
            largest = 0.0
            for k, s in enumerate(ln.spans):
                size = s.size
                if k == 0 or size > largest:  # (max(), in one pass with the weights)
                    largest = size
                by_size[size] = by_size.get(size, 0) + len(s.text.strip())
            if ln.method == "native":
                native.append((p, ln, largest))
    if not by_size:
        return set()
    weights: dict[float, int] = {}
    for size, n in by_size.items():  # (in the order the sizes came, as the rounded ones did)
        rounded = _round1(size)
        weights[rounded] = weights.get(rounded, 0) + n
    body = max(weights, key=lambda s: (weights[s], -s))
    found: dict[str, list[tuple[int, Line]]] = {}
    for p, ln, largest in native:
        if _round1(largest) < _WATERMARK_SCALE * body:
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


_RULE_PLACE = 2.0  # points: how far apart the repeats of one running rule may lie
_RULE_ALONE = 60.0  # points: a running rule has no other rule of its reach this close on its page's inner side


def running_rules(pages: list[list[Drawing]], heights: list[float]) -> set[int]:
    """ids of the rules under a running header or over a running footer: horizontal rules in
    the page's top or bottom margin (:data:`MARGIN`) at the same place, with the same reach, on
    half the pages or more (two at least), and no rule of about their reach near them towards
    the page's middle on that page (a table's top rule that each page repeats has its rows'
    rules under it). They are no table's rules: stacked over the page's first table they would make its
    heading and paragraphs a row."""
    candidates: list[tuple[int, Drawing]] = []
    for p, drawings in enumerate(pages):
        top, foot = heights[p] * MARGIN, heights[p] * (1 - MARGIN)
        candidates.extend((p, d) for d in drawings
                          if d.kind == "hline" and (d.bbox[3] <= top or d.bbox[1] >= foot) and d.bbox[2] - d.bbox[0] >= 100)
    if len(candidates) < 2:
        return set()
    need = max(2, (len(pages) + 1) // 2)
    out: set[int] = set()
    done: set[int] = set()
    for _, d in candidates:
        if id(d) in done:
            continue
        same = [(p, e) for p, e in candidates
                if all(abs(a - b) <= _RULE_PLACE for a, b in ((d.bbox[1], e.bbox[1]), (d.bbox[0], e.bbox[0]), (d.bbox[2], e.bbox[2])))]
        done.update(id(e) for _, e in same)
        if len({p for p, _ in same}) >= need:
            out.update(id(e) for p, e in same if not _ruled_beside(e, pages[p], heights[p]))
    return out


def _ruled_beside(rule: Drawing, drawings: list[Drawing], height: float) -> bool:
    """Whether another rule of about ``rule``'s reach lies within :data:`_RULE_ALONE` of it on
    the side of the page's middle, or a vertical rule touches it."""
    y = rule.bbox[1]
    down = y < height / 2
    for d in drawings:
        if d is rule:
            continue
        if d.kind == "vline" and d.bbox[1] - _RULE_PLACE <= y <= d.bbox[3] + _RULE_PLACE \
                and rule.bbox[0] - _RULE_PLACE <= d.bbox[0] <= rule.bbox[2] + _RULE_PLACE:
            return True
        if d.kind == "hline" and d.bbox[0] < rule.bbox[2] and rule.bbox[0] < d.bbox[2]:
            dy = d.bbox[1] - y if down else y - d.bbox[1]
            if _RULE_PLACE < dy <= _RULE_ALONE:
                return True
    return False


def side_menus(pages: list[list[Line]], widths: list[float]) -> set[int]:
    """ids of the lines of a printed web page's navigation menu ("Start", "Mål", "Aktiviteter",
    "Rapporter" down its left edge): short lines of words (three at most) in the outer fifth of
    the page, each at the same place on most pages (two at least), three or more of them, and
    a third of them alone on their rows at least (a form's labels each have a value beside)."""
    n = len(pages)
    if n < 2:
        return set()
    at: dict[tuple[str, int, int], list[tuple[int, Line]]] = {}  # by key and place (3 pt steps)
    for p, lines in enumerate(pages):
        for ln in lines:
            b = ln.bbox
            if (b[2] <= 0.2 * widths[p] or b[0] >= 0.8 * widths[p]) and len(ln.text.split()) <= 3 \
                    and any(ch.isalpha() for ch in ln.text):  # (words: a chapter's number in the margin is content)
                at.setdefault((_key(ln), round(b[0] / 3), round(b[1] / 3)), []).append((p, ln))
    menu = [m for found in at.values() if len(found) >= max(2, 0.6 * n) for m in found]
    if len(menu) < 3 * max(2, 0.6 * n):
        return set()
    alone = sum(1 for p, ln in menu  # no other line on its row
                if not any(o is not ln and o.bbox[1] < ln.bbox[3] and ln.bbox[1] < o.bbox[3] for o in pages[p]))
    return {id(ln) for _, ln in menu} if 3 * alone >= len(menu) else set()


_CONTINUED = re.compile(r"\s*[(\[]?\s*(?:forts(?:\.|ättning|att)?|fortsättning)\s*[)\]]?\s*$", re.IGNORECASE)


def continued_headings(pages: list[list[Line]]) -> set[int]:
    """ids of headings and captions repeated over a page with "(forts.)" after them
    ("Kommunfullmäktiges verksamhetsmål (forts.)" over the rest of a table): no section of their
    own. Alone on their rows (a table's header cell "Mål (forts.)" has others beside it)."""
    out: set[int] = set()
    for lines in pages:
        for ln in lines:
            if (m := _CONTINUED.search(ln.text)) and len(ln.text[:m.start()].split()) >= 2 and not any(
                    o is not ln and o.bbox[1] < ln.bbox[3] and ln.bbox[1] < o.bbox[3] for o in lines):
                out.add(id(ln))
    return out
