"""The internal page model: what a layout parser sees of a PDF.

This is not the output contract. Coordinates are PDF points with the origin at the top left.
Backends fill :class:`RawPage`; :mod:`planparse.reading.layout` turns raw pages into
:class:`Page` objects with noise removed and tables rebuilt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Any, Literal

from planparse.reading.by_height import ByHeight
from planparse.text.assemble import join_lines
from planparse.text.fold import fold

BBox = tuple[float, float, float, float]
TextMethod = Literal["native", "ocr", "repaired"]


def covers(fill: BBox, cell: BBox) -> bool:
    """Whether the box ``fill`` (a filled rect) covers most of ``cell`` and little else."""
    w = min(fill[2], cell[2]) - max(fill[0], cell[0])
    h = min(fill[3], cell[3]) - max(fill[1], cell[1])
    area = (cell[2] - cell[0]) * (cell[3] - cell[1])
    own = (fill[2] - fill[0]) * (fill[3] - fill[1])
    return w > 0 and h > 0 and w * h >= 0.7 * area and own <= 1.5 * area


def neutral(rgb: int | None) -> bool:
    """Black, grey or white: no hue (the channels within 40 of each other), a bullet's or a frame's
    colour, not a status colour."""
    if rgb is None:
        return False
    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return max(r, g, b) - min(r, g, b) < 40


def within(inner: BBox, outer: BBox, slack: float) -> bool:
    """Whether ``inner`` lies inside ``outer``, give or take ``slack`` points on each side."""
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def overlap(a: BBox, b: BBox) -> bool:
    """Whether boxes ``a`` and ``b`` share some area."""
    return min(a[2], b[2]) - max(a[0], b[0]) > 0 and min(a[3], b[3]) - max(a[1], b[1]) > 0


def overlap_by(a: BBox, b: BBox, depth: float) -> bool:
    """Whether boxes ``a`` and ``b`` run into each other by ``depth`` points or more each way."""
    return min(a[2], b[2]) - max(a[0], b[0]) >= depth and min(a[3], b[3]) - max(a[1], b[1]) >= depth


# An accent set as a glyph of its own before its letter (TeX's old fonts: "Socialf¨orvaltningen"),
# and the combining mark it stands for
_SPACING_ACCENT = re.compile("([¨˚´ˆ˜ˇ])([A-Za-z])")
_COMBINING = {"¨": "\u0308", "˚": "\u030a", "´": "\u0301", "ˆ": "\u0302", "˜": "\u0303", "ˇ": "\u030c"}


def nfc(text: str) -> str:
    """``text`` with its letters composed ("a" + ring above → "å"): a producer that writes
    Swedish decomposed (TeX, some macOS ones) reads like any other, also one that sets the
    accent as a glyph of its own before the letter ("f¨orvaltning" → "förvaltning")."""
    if text.isascii():
        return text
    if _SPACING_ACCENT.search(text):
        text = _SPACING_ACCENT.sub(lambda m: m[2] + _COMBINING[m[1]], text)
    return unicodedata.normalize("NFC", text)


def union(boxes: list[BBox]) -> BBox:
    if not boxes:
        raise ValueError("the union of no boxes")
    x0s, y0s, x1s, y1s = zip(*boxes, strict=True)
    return min(x0s), min(y0s), max(x1s), max(y1s)


# Zero-width characters some producers put between words or before text (Google Docs, Skia).
_INVISIBLE = {0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None, 0x00AD: None}
_ANY_INVISIBLE = re.compile("[" + "".join(map(chr, _INVISIBLE)) + "]")  # translate() is slow, a search not


# Bumped whenever a span already built is changed (OCR repair rewrites span text in place):
# a line's cached text and geometry are valid only for the count they were computed at.
_span_edits = 0


@dataclass(init=False)
class Span:
    """A run of text in one font."""

    text: str
    bbox: BBox
    font: str = ""
    size: float = 0.0
    bold: bool = False
    italic: bool = False
    color: int = 0  # sRGB as 0xRRGGBB

    def __init__(
        self, text: str, bbox: BBox, font: str = "", size: float = 0.0, bold: bool = False,
        italic: bool = False, color: int = 0,
    ) -> None:
        # The fields set straight into the instance: the constructor is no edit (and spans are
        # made by the ten thousand, where a __setattr__ call per field shows).
        self.__dict__.update(text=text, bbox=bbox, font=font, size=size, bold=bold, italic=italic, color=color)

    def __setattr__(self, name: str, value: object) -> None:
        if name in self.__dict__:  # a change of a field (every field is set by the constructor)
            global _span_edits
            _span_edits += 1
        object.__setattr__(self, name, value)

    @property
    def xc(self) -> float:
        return (self.bbox[0] + self.bbox[2]) / 2

    @property
    def yc(self) -> float:
        return (self.bbox[1] + self.bbox[3]) / 2


@dataclass(slots=True)
class _LineFacts:
    """What a line derives from its spans, computed once: see :meth:`Line._facts`."""

    edits: int
    spans: list[Span]
    n_spans: int
    text: str
    bbox: BBox | None  # None without spans (asking a line without spans for its bbox fails)
    size: float
    bold: bool
    italic: bool


@dataclass
class Line:
    """A line of text on one page: its spans left to right.

    ``text``, ``bbox``, ``size``, ``bold`` and ``italic`` are derived from the spans once and
    kept until the spans change (another list, another length, or any span edited)."""

    spans: list[Span]
    page: int  # 1-based
    method: TextMethod = "native"
    raw_text: str | None = None  # the text before OCR repair, when repaired
    from_image: bool = False  # read by OCR from a picture on a native page (a banner heading)
    _cache: _LineFacts | None = field(default=None, init=False, repr=False, compare=False)

    def _facts(self) -> _LineFacts:
        c = self._cache
        spans = self.spans
        if c is not None and c.edits == _span_edits and c.spans is spans and c.n_spans == len(spans):
            return c
        if len(spans) == 1:  # most lines: one span, its facts without the loops (_text1 and
            s = spans[0]  # _style1 inline)
            b = s.bbox
            text = s.text
            if _ANY_INVISIBLE.search(text):
                text = _visible(text)
            size = _round1(s.size)
            if s.text.strip():
                c = _LineFacts(_span_edits, spans, 1, " ".join(text.split()), (b[0], b[1], b[2], b[3]), size,
                               bool(s.bold), bool(s.italic))
            else:
                c = _LineFacts(_span_edits, spans, 1, " ".join(text.split()), (b[0], b[1], b[2], b[3]), size,
                               False, False)
        else:
            c = _LineFacts(_span_edits, spans, len(spans), _text(spans),
                           union([s.bbox for s in spans]) if spans else None, *_style(spans))
        self._cache = c
        return c

    def share_facts(self, other: Line) -> None:
        """Take ``other``'s derived facts, this line's spans being ``other``'s (the same spans
        in the same order): a table cell's line that is a whole line of the page."""
        c = other._facts()
        self._cache = _LineFacts(c.edits, self.spans, len(self.spans), c.text, c.bbox, c.size, c.bold, c.italic)

    # Each property checks the cache inline: these are read hundreds of thousands of times.

    @property
    def text(self) -> str:
        c = self._cache
        if c is None or c.edits != _span_edits or c.spans is not self.spans or c.n_spans != len(self.spans):
            c = self._facts()
        return c.text

    @property
    def raw(self) -> str:
        return self.raw_text if self.raw_text is not None else self.text

    @property
    def bbox(self) -> BBox:
        c = self._cache
        if c is None or c.edits != _span_edits or c.spans is not self.spans or c.n_spans != len(self.spans):
            c = self._facts()
        return union([]) if c.bbox is None else c.bbox

    @property
    def size(self) -> float:
        """The dominant font size (by characters)."""
        c = self._cache
        if c is None or c.edits != _span_edits or c.spans is not self.spans or c.n_spans != len(self.spans):
            c = self._facts()
        return c.size

    @property
    def bold(self) -> bool:
        c = self._cache
        if c is None or c.edits != _span_edits or c.spans is not self.spans or c.n_spans != len(self.spans):
            c = self._facts()
        return c.bold

    @property
    def italic(self) -> bool:
        c = self._cache
        if c is None or c.edits != _span_edits or c.spans is not self.spans or c.n_spans != len(self.spans):
            c = self._facts()
        return c.italic

    @property
    def x0(self) -> float:
        c = self._cache
        if c is None or c.edits != _span_edits or c.spans is not self.spans or c.n_spans != len(self.spans):
            c = self._facts()
        return union([])[0] if c.bbox is None else c.bbox[0]

    @property
    def y0(self) -> float:
        c = self._cache
        if c is None or c.edits != _span_edits or c.spans is not self.spans or c.n_spans != len(self.spans):
            c = self._facts()
        return union([])[1] if c.bbox is None else c.bbox[1]


def _text(spans: list[Span]) -> str:
    out = ""
    prev: Span | None = None
    for s in spans:
        if prev is not None and s.bbox[0] - prev.bbox[2] > 0.15 * max(s.size, 1) and not (
            out.endswith(" ") or s.text.startswith(" ")
        ) and not (_letter(prev) and _letter(s) and s.bbox[0] - prev.bbox[2] <= _LETTER_SPACED * max(s.size, 1)):
            out += " "
        if prev is not None and s.text.strip() in _STOPS and s.bbox[0] - prev.bbox[2] <= _LETTER_SPACED * max(s.size, 1):
            out = out.rstrip() + s.text.strip()  # (a stop after a spaced word: "alkohol ,")
        else:
            out += s.text
        prev = s
    if _ANY_INVISIBLE.search(out):
        out = _visible(out)
    if _SPACING_ACCENT.search(out):  # (an accent in a span of its own before its letter's)
        out = nfc(out)
    return " ".join(out.split())


# Letters spaced out one glyph at a time ("F Ö R" in a heading set in spaced small caps) stand
# this far apart (ems) at most, a word space between two one-letter words further
_LETTER_SPACED = 0.4
_STOPS = frozenset(",.;:)")


def _letter(span: Span) -> bool:
    return len(span.text) == 1 and span.text.isalpha()


def _text1(text: str) -> str:
    """:func:`_text` of a single span's text."""
    if _ANY_INVISIBLE.search(text):
        text = _visible(text)
    return " ".join(text.split())


def _visible(text: str) -> str:
    """``text`` without invisible characters, except a soft hyphen that ends it: there the
    word was broken at the line's end and goes on on the next line (:func:`join_lines`
    joins the two halves)."""
    soft = text.rstrip().endswith("\u00ad")
    text = text.translate(_INVISIBLE)
    return text.rstrip() + "\u00ad" if soft and text.strip() else text


# round(size, 1) by size: a document has a handful of sizes and thousands of spans.
_ROUNDED: dict[float, float] = {}


def _round1(size: float) -> float:
    if type(size) is not float or not size:  # (12 and 12.0, 0.0 and -0.0 are equal keys)
        return round(size, 1)
    r = _ROUNDED.get(size)
    if r is None:
        if len(_ROUNDED) > 4096:
            _ROUNDED.clear()
        r = _ROUNDED[size] = round(size, 1)
    return r


def _style1(s: Span) -> tuple[float, bool, bool]:
    """:func:`_style` of a single span."""
    if s.text.strip():
        return _round1(s.size), bool(s.bold), bool(s.italic)
    return _round1(s.size), False, False


def _style(spans: list[Span]) -> tuple[float, bool, bool]:
    """(size, bold, italic) of a line, in one pass over its spans: the dominant size by
    characters (the first of equal weight), bold when bold spans hold at least 60 % of the
    characters of the spans with text, italic when all of those spans are italic."""
    weights: dict[float, int] = {}
    chars = bold_chars = 0
    seen, italic = False, True
    for s in spans:
        stripped = len(s.text.strip())
        size = _round1(s.size)
        weights[size] = weights.get(size, 0) + stripped
        if stripped:
            n = len(s.text)
            chars += n
            if s.bold:
                bold_chars += n
            italic = italic and bool(s.italic)
            seen = True
    size = max(weights, key=weights.__getitem__) if weights else 0.0
    return size, seen and bold_chars >= 0.6 * chars, seen and italic


@dataclass
class Drawing:
    """A vector shape: a rule, a cell border, or a small filled shape such as a status icon."""

    bbox: BBox
    kind: Literal["hline", "vline", "rect", "shape"]
    fill: int | None = None  # sRGB, None when not filled
    stroke: int | None = None
    # An icon found in a page image without colour (a grayscale scan) is ``toneless``: ``fill``
    # is its grey tone, which names no colour. ``mark``: an icon found in a page image with a
    # light symbol inside (a check mark), told from a plain one.
    toneless: bool = False
    mark: bool = False
    area: float | None = None  # a small filled path's own area (a Harvey ball's wedge), where known

    @property
    def is_icon(self) -> bool:
        w, h = self.bbox[2] - self.bbox[0], self.bbox[3] - self.bbox[1]
        top = 20 if self.kind == "shape" else 16  # (a disc as tall as two lines of text; a rect that large is a cell's fill)
        return (
            self.fill is not None
            and self.kind in ("shape", "rect")
            and 2 <= w <= top
            and 2 <= h <= top
            and 0.6 <= w / h <= 1.6
        )

    @property
    def is_framed(self) -> bool:
        """A filled and outlined shape other than a rect: a browser's card with rounded corners."""
        return self.kind == "shape" and self.fill is not None and self.stroke is not None


@dataclass
class Image:
    """An image on the page. Small ones (icons, progress bars) carry their look: ``color`` is
    the dominant saturated or grey colour, ``fill`` the share of a bar's width that is coloured."""

    bbox: BBox
    width: int
    height: int
    color: int | None = None
    fill: float | None = None
    mark: bool = False  # a light symbol drawn on an icon (a check mark)
    steps: tuple[int, int] | None = None  # a rating picture's (filled, shapes): four of five squares

    @property
    def is_icon(self) -> bool:
        w, h = self.bbox[2] - self.bbox[0], self.bbox[3] - self.bbox[1]
        # (as narrow as a traffic light standing upright, three lamps one over the other, one of them
        # lit: a grey strip that narrow is a frame's edge, a slide block's rounded side)
        return self.color is not None and 3 <= w <= 24 and 3 <= h <= 24 and 0.3 <= w / h <= 1.6 and (
            w / h >= 0.6 or not neutral(self.color))

    @property
    def is_bar(self) -> bool:
        w, h = self.bbox[2] - self.bbox[0], self.bbox[3] - self.bbox[1]
        return self.fill is not None and 3 <= h <= 24 and w >= 2.5 * h


@dataclass
class Cell:
    """One table cell; ``lines`` are the text lines inside it."""

    lines: list[Line]
    bbox: BBox
    col: int
    colspan: int = 1
    merged_up: bool = False  # merged with the cell above it (no rule between): its text is that one's

    @property
    def text(self) -> str:
        """The cell's lines joined as wrapped text (:func:`planparse.text.assemble.join_lines`):
        "Informations-" / "säkerhet" is one word, a header's "Utfall jan–" / "aug" one label."""
        return join_lines([line.text for line in self.lines])

    @property
    def raw_text(self) -> str:
        """The cell's lines before OCR repair, joined as :attr:`text` joins them."""
        return join_lines([line.raw for line in self.lines])

    @property
    def paragraphs(self) -> list[str]:
        """The cell's lines grouped into paragraphs (a blank gap or a bullet starts a new one)."""
        return group_paragraphs(self.lines)


@dataclass
class Row:
    """A table row. A full-width row (a description under an activity) has one cell."""

    cells: list[Cell]
    page: int
    bbox: BBox
    is_header: bool = False
    icons: list[Drawing] = field(default_factory=list)

    @property
    def full_width(self) -> bool:
        return len(self.cells) == 1 and self.cells[0].colspan > 1

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    @property
    def native(self) -> bool:
        """Every line of its cells is born-digital text (none OCR'd)."""
        return all(ln.method == "native" for c in self.cells for ln in c.lines)

    def cell_text(self, col: int) -> str:
        for c in self.cells:
            if c.col <= col < c.col + c.colspan:
                return c.text
        return ""

    def merged_up(self, col: int) -> bool:
        """Whether the cell at ``col`` is merged with the one above it (see :attr:`Cell.merged_up`)."""
        return any(c.col <= col < c.col + c.colspan and c.merged_up for c in self.cells)


@dataclass
class Table:
    """A table, possibly continued over several pages: every row keeps its own page."""

    rows: list[Row]
    n_cols: int
    header: list[str] = field(default_factory=list)
    columns: list[float] = field(default_factory=list)  # an unruled table's column starts and end

    @property
    def page(self) -> int:
        return self.rows[0].page

    @property
    def bbox(self) -> BBox:
        return self.rows[0].bbox if len(self.rows) == 1 else union(
            [r.bbox for r in self.rows if r.page == self.page]
        )

    @property
    def body(self) -> list[Row]:
        return [r for r in self.rows if not r.is_header]

    @property
    def pages(self) -> list[int]:
        return sorted({r.page for r in self.rows})

    @property
    def text_box(self) -> bool:
        """One column (or rows with text in one column only), or one row with text in one cell
        alone (a slide's shaded block, "Bedömning" over "Delvis uppfyllt", its sides drawn as
        cells): a framed text box, no table."""
        if self.n_cols <= 1:
            return True
        if self.n_cols <= 3 and len(self.rows) > 1 and len({c.col for r in self.rows for c in r.cells if c.text.strip()}) == 1:
            return True  # boxes one under the other, their text in one column (an activity card each; a
            # wider grid keeps its marks in the other columns)
        filled = [c.text for c in self.rows[0].cells if c.text.strip()] if len(self.rows) == 1 else []
        return len(filled) == 1 and any(ch.isalpha() for ch in filled[0])  # (a figure alone is a row of a table)

    def grid(self) -> list[list[str]]:
        """Rows × columns of cell text (spanned cells repeated in the first column only)."""
        out = []
        for r in self.rows:
            cells = [""] * self.n_cols
            for c in r.cells:
                cells[c.col] = c.text
            out.append(cells)
        return out


@dataclass
class RawPage:
    """What a backend reads off one page, before noise removal and table rebuilding."""

    number: int
    width: float
    height: float
    lines: list[Line]
    drawings: list[Drawing]
    images: list[Image]
    invisible_text: bool = False  # the text is drawn invisibly (an OCR layer over an image)
    ocr_font: bool = False  # a font that OCR tools use for their text layer (GlyphLessFont)
    ink_bold: bool = False  # its OCR layer's bold words read from the page image's strokes
    # Text running up or down the page (a column header turned 90°), one line per run, kept
    # apart from ``lines``: only a table cell without other text reads it (as its label).
    rotated: list[Line] = field(default_factory=list)
    # The spans of ``lines`` by the height of their centre, while the page's tables are read
    # (its lines unchanged meanwhile); None otherwise.
    spans_by_height: ByHeight[Span] | None = field(default=None, repr=False, compare=False)


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]  # text outside tables, reading order, noise removed
    tables: list[Table]  # tables that start on this page (continuations are merged in)
    drawings: list[Drawing]
    images: list[Image]
    text_layer: Literal["native", "ocr", "repaired", "none"]
    noise: list[Line] = field(default_factory=list)  # removed headers, footers, contents lines
    two_columns: bool = False  # set in two columns: ``lines`` are in column order, not by height
    charts: list[BBox] = field(default_factory=list)  # the areas of charts (their words left out)

    def all_lines(self) -> list[Line]:
        """The page's lines and its tables' cells' lines."""
        return [*self.lines, *(ln for t in self.tables for r in t.rows for c in r.cells for ln in c.lines)]

    def in_order(self, lines: list[Line], tables: list[Table]) -> list[Line | Table]:
        """``lines`` (of this page, in its order) and ``tables`` in reading order: by height;
        on a page in two columns (or of cards side by side) each table after the last line
        above it in its own column (one it shares some width with) and the tables above it there,
        or right after the card on its left that it stands level with, else before the first
        line under its top."""
        if self.two_columns:
            blocks: list[Line | Table] = list(lines)
            for t in sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0])):
                x0, top, x1 = t.bbox[0], t.bbox[1], t.bbox[2]
                k = next((i + 1 for i, b in enumerate(blocks) if isinstance(b, Table)
                          and abs(b.bbox[1] - top) <= 2 and b.bbox[2] <= x0), None)
                k = k or next((i + 1 for i in range(len(blocks) - 1, -1, -1) if isinstance(b := blocks[i], Line)
                               and b.y0 < top and b.x0 < x1 and x0 < b.bbox[2]), None)
                if k is None:
                    k = next((i for i, b in enumerate(blocks) if isinstance(b, Line) and b.y0 > top), len(blocks))
                # (after the tables above it in its column placed there already, and the cards level with them)
                passed: Table | None = None
                while k < len(blocks) and isinstance(b := blocks[k], Table) and b.bbox[1] <= top and (
                        b.bbox[0] < x1 and x0 < b.bbox[2] or passed is not None and abs(b.bbox[1] - passed.bbox[1]) <= 2):
                    passed, k = b, k + 1
                blocks.insert(k, t)
            return blocks
        items: list[tuple[float, int, Line | Table]] = [(ln.y0, 0, ln) for ln in lines] \
            if all(ln.method == "native" for ln in lines) else [(y, 0, ln) for y, ln in _ocr_rows(lines)]
        items += [(t.bbox[1], 1, t) for t in tables]
        items.sort(key=itemgetter(0, 1))
        return [item for _, _, item in items]


def _ocr_rows(lines: list[Line]) -> list[tuple[float, Line]]:
    """Each line with the height it is read at. OCR'd lines side by side (a table's header
    cells) are read left to right: Tesseract sets their tops a point or two apart, so a cell
    further right could come first by height. Each takes the top of its row's first line."""
    if all(ln.method == "native" for ln in lines):
        return [(ln.y0, ln) for ln in lines]
    out: list[tuple[float, Line]] = []
    row: list[Line] = []

    def flush() -> None:
        out.extend((row[0].y0 + i * 1e-6, ln) for i, ln in enumerate(sorted(row, key=lambda ln: ln.x0)))

    for ln in sorted(lines, key=lambda ln: ln.y0):
        first = row[0] if row else None
        if first is not None and ln.method != "native" and first.method != "native" and \
                abs((ln.bbox[1] + ln.bbox[3]) / 2 - (first.bbox[1] + first.bbox[3]) / 2) < 0.4 * (first.bbox[3] - first.bbox[1]):
            row.append(ln)
            continue
        if row:
            flush()
        row = [ln]
    if row:
        flush()
    return out


Block = Line | Table


@dataclass
class Document:
    """A read PDF: pages plus the document-level facts the output's ``source`` needs."""

    file: str
    sha256: str
    pages: list[Page]
    text_layer: Literal["native", "ocr", "mixed"] | None
    ocr_engine: str | None
    warnings: list[tuple[str, str, int | None]] = field(default_factory=list)
    pdf_metadata: dict[str, str] = field(default_factory=dict)
    # Reads a box of a page image again as one line of figures (page, box → text, None when
    # it cannot): for OCR'd cells of numeric columns that came out as no number. Set by the
    # reading layer where pages were OCR'd and Tesseract is at hand.
    reread: Callable[[int, BBox], str | None] | None = field(default=None, repr=False, compare=False)
    # The pages once more with the table rules and colour icons found in the page images under
    # someone else's OCR layer (which has neither); None when there were none. The generic
    # parser reads these; a layout family keeps reading ``pages``, as its layout was learnt.
    image_ruled: list[Page] | None = field(default=None, repr=False, compare=False)
    # What the layout layer derives from the whole read document and asks for more than once
    # (its icons and legend), kept by key: the document is not changed after reading.
    derived: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def flow(self) -> list[Block]:
        """Lines and tables of the whole document in reading order; a table continued over a
        page break appears once, where it starts."""
        out: list[Block] = []
        for page in self.pages:
            out.extend(page.in_order(page.lines, page.tables))
        return out

    @cached_property
    def folded_text(self) -> str:
        """:meth:`text` folded to its OCR skeleton line by line; computed once per document,
        since every layout family's fingerprint reads it."""
        return "\n".join(fold(line) for line in self.text().splitlines())

    def text(self) -> str:
        """All body text (tables cell by cell), for detection and search."""
        parts: list[str] = []
        for block in self.flow():
            if isinstance(block, Line):
                parts.append(block.text)
            else:
                for row in block.rows:
                    parts.append(" | ".join(row.texts))
        return "\n".join(parts)


_BULLET = ("-", "•", "–", "●", "○", "▪", "*", "\uf0b7", "\uf0a7")  # the last two: Symbol and Wingdings bullets of Word exports


def is_bullet(text: str) -> bool:
    t = text.lstrip()
    return t[:1] in _BULLET and len(t) > 1 and t[1:2] in (" ", "\t")


def line_gap(above: Line, line: Line) -> float:
    """The space between two lines, from the bottom of ``above`` to the top of ``line``. A line
    planparse OCR'd itself has its words' ink boxes, not its font's: where it has no letter
    that descends (rises), its box stops at the baseline (the x-height), and the gap is
    measured from where the descenders (ascenders) would reach, so a wrapped line of "för
    temat kost och" over "återhämtning" is no wider apart than the lines above it."""
    bottom, top = above.bbox[3], line.bbox[1]
    if above.method == "ocr" and not any(c in OCR_DESCENDING for c in above.text):
        bottom += OCR_DESCENT * above.size
    if line.method == "ocr" and not any(c in OCR_RISING or c.isupper() for c in line.text):
        top -= OCR_RISE * line.size
    return top - bottom


# Letters whose ink reaches below the baseline (above the x-height), and by how much of the
# font size (see :func:`planparse.reading.ocr.word_size`).
OCR_DESCENDING = frozenset("gjpqyQ,;()[]{}|")
OCR_RISING = frozenset("bdfhklt0123456789!?/()[]{}|%&#@\"'åäö")
OCR_DESCENT = 0.21
OCR_RISE = 0.21


def group_paragraphs(lines: list[Line]) -> list[str]:
    """Join wrapped lines into paragraphs; a vertical gap or a bullet starts a new paragraph."""
    paras: list[list[Line]] = []
    gaps = sorted(line_gap(a, b) for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page)
    leading = gaps[len(gaps) // 2] if gaps else 0.0  # the usual space between wrapped lines
    for line in lines:
        if not paras:
            paras.append([line])
            continue
        prev = paras[-1][-1]
        gap = line_gap(prev, line)
        size = max(line.size, 1)
        if is_bullet(line.text) or gap > 0.6 * size or (gap > 0.2 * size and gap > leading + 0.25 * size):
            paras.append([line])
        else:
            paras[-1].append(line)
    return [join_lines([ln.text for ln in p]) for p in paras]


