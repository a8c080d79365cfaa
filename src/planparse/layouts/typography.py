"""A document's typography: its body size, and each line's rank (body, larger, much larger)."""

from __future__ import annotations

import math
import re
import statistics
from difflib import SequenceMatcher

from planparse.layouts.bold_lines import set_bold
from planparse.layouts.leading import alone_lines, heading_shaped, label_alone, tight_titles
from planparse.reading.model import Document, Line


def body_size(doc: Document) -> float:
    """The most common font size of body lines."""
    sizes: dict[float, int] = {}
    for page in doc.pages:
        for ln in page.lines:
            sizes[ln.size] = sizes.get(ln.size, 0) + len(ln.text)
    return body_of(sizes)


_TEXT_SHARE = 0.75  # of the commonest size's characters: a size as common is running text too
_TEXT_STEP = 2.0  # points: how much larger that size may be


def body_of(sizes: dict[float, int]) -> float:
    """The body text size from the characters set in each size: the commonest, or a size up to :data:`_TEXT_STEP`
    larger with nearly as many (prose beside smaller-set tables that hold as much text: no body to rank it by)."""
    if not sizes:
        return 10.0
    top = max(sizes, key=lambda k: sizes[k])
    return max(k for k, n in sizes.items() if k == top or top < k <= top + _TEXT_STEP and n >= _TEXT_SHARE * sizes[top])


# an OCR'd list item: a bullet glyph (as the OCR read it) and a capital
_BULLETED = re.compile(r"[•●▪■◦‣«»*+·&]\s+[A-ZÅÄÖ]")


def char_width(line: Line) -> float:
    """The mean width of a line's letters: its words' boxes over their characters (the gaps
    between words, which a table's columns widen, left out)."""
    chars = sum(len(s.text.strip()) for s in line.spans)
    return sum(s.bbox[2] - s.bbox[0] for s in line.spans if s.text.strip()) / chars if chars else 0.0


def _inked_apart(line: Line) -> bool:
    """An OCR'd line whose every word the page image shows in grey or a colour while its running
    text is black (:func:`planparse.reading.tone.mark_grey` gives such words their colour)."""
    words = [s for s in line.spans if s.text.strip()]
    return bool(words) and all(s.color != 0 for s in words)


def _one_word_title(text: str) -> bool:
    """One capitalised word of letters ("Medborgarservice"), no label of the vocabulary."""
    return text.isalpha() and text[:1].isupper() and len(text) >= 4 and not label_alone(text)


_SENTENCES = re.compile(r"[a-zåäö]{2,}[.!?] [A-ZÅÄÖ][a-zåäö]")  # "… nåddes inte. Arbetsmarknaden …"
_NUMBERED = re.compile(r"\s*(?:[A-ZÅÄÖ][a-zåäö]+\s+)?\d{1,2}(?:\.\d{1,2})*[.:)]?\s")  # "3.4.2 …", "Mål 2. …"

class Typography:
    """The document's body text size, so a line's rank can be told: 0 body, 1 larger or bold,
    2 much larger. OCR'd lines have no fonts: their box height stands in for the size."""

    @classmethod
    def of(cls, doc: Document) -> Typography:
        """The document's typography, worked out once (the walk and a family's facts ask)."""
        if (found := doc.derived.get(cls)) is None:
            found = doc.derived[cls] = cls(doc)
        return found  # type: ignore[no-any-return]

    def __init__(self, doc: Document) -> None:
        self.tight, self.under = set[int](), set[int]()  # (ranks asked for before tight_titles: none yet)
        self.prose_lines = _prose_lines(doc)
        sizes: dict[float, int] = {}
        ocr_sizes: list[float] = []
        scanned = False  # a line of text without fonts (an OCR'd one)
        for page in doc.pages:
            for ln in page.lines:
                size = ln.size
                if ln.method == "native":
                    sizes[size] = sizes.get(size, 0) + len(ln.text)
                else:
                    scanned = True
                    if size > 0:
                        ocr_sizes.extend([size] * len(ln.text))
            # (Table text is body text too: an OCR'd page's tables come from its image's rules.)
            for table in page.tables:
                for row in table.rows:
                    for cell in row.cells:
                        ocr_sizes.extend(
                            size for ln in cell.lines if ln.method != "native" and ln.size > 0
                            for size in [ln.size] * len(ln.text)
                        )
        self.body = body_of(sizes)
        from planparse.layouts.colour_headings import coloured_headings  # noqa: PLC0415 (it imports this module)
        from planparse.layouts.numbered_chapters import numbered_chapters  # noqa: PLC0415

        self.coloured = coloured_headings(doc, self.body)
        self.chapters = numbered_chapters(doc)  # body-styled "1 Inledning" told by numbering
        # An OCR'd line's size is its words' font size told from their boxes and letters
        # (planparse.reading.ocr.line_size) or the layer's own; the body: their median by characters.
        self.ocr_body = statistics.median(ocr_sizes) if ocr_sizes else 10.0
        self.steps: dict[float, float] = {}
        if not scanned:  # (every estimate below is of OCR'd lines: none)
            self.ocr_width, self.owner_size, self.tight_size, self.parent_size = 0.0, 0.0, 0.0, 0.0
            self.repeated, self.alone, self.owners, self.parents = set[int](), set[int](), set[int](), set[int]()
            return
        # ... and their letters' width: a word set larger or bold is wider per letter too, a
        # second estimate of the size that the letters' heights do not sway.
        widths: list[float] = []
        for page in doc.pages:
            for ln in page.lines:
                if ln.method != "native" and len(ln.text) > 40 and (width := char_width(ln)) > 0:
                    widths.extend([width] * len(ln.text))
        self.ocr_width = statistics.median(widths) if widths else 0.0
        # OCR'd headings of one style come out up to a point apart: each heading size stands
        # for its step, sizes within 8 % of the next one up a step of their own, no step
        # wider than 12 % (two styles two points apart stay two).
        self.repeated = _repeated_lines(doc)
        self.alone, self.owners = alone_lines(doc)
        self.tight, self.under = tight_titles(doc)
        # OCR'd lines right over a list in smaller type: a title's place (a goal over its activities)
        self.over_lists = {id(a) for page in doc.pages for a, b in zip(page.lines, page.lines[1:], strict=False)
                           if a.method != "native" and _BULLETED.match(b.text) and not _BULLETED.match(a.text) and b.size < a.size}
        heads = sorted({ln.size for page in doc.pages for ln in page.lines
                        if ln.method != "native" and self.rank(ln) and id(ln) not in self.tight})
        step: list[float] = []
        for size in [*heads, float("inf")]:
            if step and step[0] * 1.12 < size <= step[-1] * 1.08 and step[0] >= 1.15 * self.ocr_body:
                # too wide a step of heading sizes: it parts where they lie furthest apart (a goal
                # area's 14.0-14.8 over its goals' 12.9-13.2), the part below a step of its own
                gaps = [math.log(b / a) for a, b in zip([*step, size], [*step, size][1:], strict=False)]
                cut = max(range(len(gaps)), key=lambda i: (gaps[i], -i)) + 1
                # (a clear break only: half again as wide as every other gap, the last one's too)
                if cut < len(step) and all(gaps[cut - 1] >= 1.5 * g for i, g in enumerate(gaps) if i != cut - 1):
                    self.steps.update(dict.fromkeys(step[:cut], statistics.median(step[:cut])))
                    step = step[cut:]
                    if size <= step[0] * 1.12:
                        step.append(size)
                        continue
            if step and (size > step[-1] * 1.08 or size > step[0] * 1.12):
                self.steps.update(dict.fromkeys(step, statistics.median(step)))
                step = []
            step.append(size)
        # Headings in about the body's size that own a field's label ("Medborgarservice" over
        # "Grunduppdrag") are of one style, whatever their letters' boxes tell: one size.
        owned = [ln.size for page in doc.pages for ln in page.lines if id(ln) in self.owners and self._near_body(ln)]
        self.owner_size = statistics.median(owned) if owned else 0.0
        # So are the titles wrapped tight in about the body's size (see tight_titles).
        titled = [ln.size for page in doc.pages for ln in page.lines if id(ln) in self.tight]
        self.tight_size = statistics.median(titled) if titled else 0.0
        # A grey heading with another straight under it (no text, no table between) is over
        # that one, whatever their letters' boxes tell: its own step above.
        self.parents, children = _parent_headings(doc, self)
        over = [ln.size for page in doc.pages for ln in page.lines if id(ln) in self.parents]
        self.parent_size = max(statistics.median(over), 1.08 * max(children)) if over else 0.0

    def _near_body(self, line: Line) -> bool:
        return line.size < 1.15 * max(self.ocr_body, 1.0)

    def size(self, line: Line) -> float:
        if line.method == "native":
            return line.size
        size = self.steps.get(line.size, line.size) if line.size in self.steps and self.rank(line) else line.size
        if id(line) in self.owners and self._near_body(line) and self.rank(line):
            size = self.owner_size
        if id(line) in self.tight:
            size = self.tight_size
        if id(line) in getattr(self, "parents", ()):
            size = self.parent_size
        return self.body * size / max(self.ocr_body, 1.0)

    def rank(self, line: Line) -> int:
        if line.method != "native":  # sizes estimated from OCR'd boxes: a margin for their noise
            if id(line) in self.tight:
                return 1 if heading_shaped(line.text) else 0
            if id(line) in self.under:
                return 0  # the text under such a title, however wide its letters came out
            ratio = line.size / max(self.ocr_body, 1.0)
            if ratio >= 1.4:
                return 2
            if _BULLETED.match(line.text):
                return 0  # a list item, its box made tall by a word's descender
            if ratio >= 1.15:
                return 1
            if _inked_apart(line) and heading_shaped(line.text, words=16) and id(line) not in getattr(self, "repeated", ()):
                return 1  # printed in grey or a colour over black running text (reading.tone)
            if ratio >= 0.9 and set_bold(line) and heading_shaped(line.text):
                return 1  # every word's strokes heavy in the image (reading.weight): bold over plain text
            # A step above the body is noise unless the letters' width says so too (under a tenth, on no open end):
            width = char_width(line) / self.ocr_width if self.ocr_width > 0 else 0.0
            if ratio >= 1.06 and (width >= (1.06 if ratio >= 1.1 else 1.1) and heading_shaped(line.text, open_end=ratio >= 1.1)
                                  or width >= 1.1 and len(line.text) >= 8 and _one_word_title(line.text)):
                return 1  # (one long word is letters enough to tell its width: "Lokalförsörjning")
            if ratio >= 1.08 and id(line) in getattr(self, "over_lists", ()) and heading_shaped(line.text) and not _sentences(line.text):
                return 1  # (a step above the body over a list: its title)
            owner = id(line) in getattr(self, "owners", ())
            shaped = heading_shaped(line.text) or (owner and _one_word_title(line.text))
            # (a field's owner whose every word is heavy in the image: its box may come out short)
            floor = 0.9 if owner and all(s.bold for s in line.spans if s.text.strip()) else 0.97
            return 1 if id(line) in getattr(self, "alone", ()) and ratio >= floor and shaped else 0
        size = line.size  # (a line with fonts: its own, see size())
        if size >= self.body * 1.35:
            return 2
        if (size >= self.body + 1.0 or (line.bold and len(line.text) < 160)) and id(line) not in self.prose_lines \
                or id(line) in self.coloured:
            return 1  # (a sentence's end and the next's start on the line, or the lower-case rest under it: running text)
        return 0

    def prose(self, line: Line) -> bool:
        """An OCR'd line the leading around it shows to be running text (see tight_titles)."""
        return id(line) in self.under

    def has_fonts(self, line: Line) -> bool:
        return line.method == "native"


def _prose_lines(doc: Document) -> set[int]:
    """Lines holding one sentence's end and the next one's start, and the lower-case rest under
    such a line (on the page or in a table's cell): running text, whatever its type."""
    runs = [run for page in doc.pages for run in (page.lines, *(c.lines for t in page.tables for r in t.rows for c in r.cells))]
    return {id(b) for run in runs for a, b in zip([None, *run], run, strict=False)
            if _sentences(b.text) or a is not None and _sentences(a.text) and b.text[:1].islower()}


def _sentences(text: str) -> bool:
    """Whether an unnumbered line holds a sentence's end and the next one's start (a numbered
    heading may state its goal in two: "3.4.2 Förbättra näringslivsklimatet. Svenskt …")."""
    return _SENTENCES.search(text) is not None and not _NUMBERED.match(text)


def _repeated_lines(doc: Document) -> set[int]:
    """OCR'd lines in grey ink that another page repeats at about their height (its lines or
    its noise), read a little differently ("Sårsele kommun …" / "Sorsele kommun …"): a running
    header the noise filter could not match, no heading."""
    out: set[int] = set()
    for page in doc.pages:
        grey = [ln for ln in page.lines if ln.method != "native" and _inked_apart(ln)]
        others = [o for p in doc.pages if p is not page for o in (*p.lines, *p.noise)] if grey else []
        for ln in grey:
            if any(abs(o.bbox[1] - ln.bbox[1]) < 8 and SequenceMatcher(None, o.text, ln.text).ratio() >= 0.8 for o in others):
                out.add(id(ln))
    return out


def _parent_headings(doc: Document, typo: Typography) -> tuple[set[int], list[float]]:
    """Scanned headings in grey ink (rank 1, not wrapped titles) with the next line of their
    page a grey heading straight under them: sizes within the 12 % that OCR'd sizes of one
    style spread over, no table between. Each is the group over the one under it (a KF goal
    over its first nämndmål). Also the sizes of those under. (Black OCR'd headings are left
    to their sizes and leading: a text layer's lines come in other orders.)"""
    parents: set[int] = set()
    children: list[float] = []
    for page in doc.pages:
        lines = [ln for ln in page.lines if ln.method != "native"]
        for a, b in zip(lines, lines[1:], strict=False):
            if a.bbox[3] <= b.bbox[1] and typo.rank(a) == 1 and typo.rank(b) == 1 and id(a) not in typo.tight \
                    and max(a.size, b.size) <= 1.12 * min(a.size, b.size) and _inked_apart(a) and _inked_apart(b) \
                    and not any(a.bbox[3] <= t.bbox[1] < b.bbox[1] for t in page.tables):
                parents.add(id(a))
                children.append(b.size)
    return parents, children
