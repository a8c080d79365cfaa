"""OCR'd table cells read again from the page image (a misread or lost figure, a name's unit),
and an OCR'd indicator name's per cent unit given back."""

from __future__ import annotations

import re
from collections.abc import Callable

from planparse import vocabulary
from planparse.reading.model import BBox, Cell, Row, Table, union
from planparse.text.assemble import join_lines
from planparse.text.fold import fold
from planparse.text.numbers import misread_figure, parse_number
from planparse.text.repair import PERCENT_UNIT_MISREADS, opens_share

_VALUE_WORDS = frozenset({"ja", "nej", "ej", "klar", "klart", "ok"})
_SPECKS = " .:;'\"‘’“”`°^*_|"


_CROPS = ((0.3, 0.15), (0.5, 0.3), (0.3, 0.5))  # margins around a cell's figure, by its height (across, up and down)


def _crop_reads(reread: Callable[[int, BBox], str | None], c: Cell) -> list[str]:
    """A cell read again from the page image in each of :data:`_CROPS`, specks stripped ("" where nothing was read)."""
    x0, y0, x1, y1 = union([ln.bbox for ln in c.lines])
    h = max(y1 - y0, 1.0)
    reads = (reread(c.lines[0].page, (x0 - wide * h, y0 - tall * h, x1 + wide * h, y1 + tall * h)) for wide, tall in _CROPS)
    return [read.strip(_SPECKS).strip() if read is not None else "" for read in reads]


def _majority(votes: list[str]) -> str | None:
    """The reading more than half of :data:`_CROPS` agree on, or None (the first of equal counts)."""
    best = max(votes, key=votes.count) if votes else None
    return best if best is not None and 2 * votes.count(best) > len(_CROPS) else None


def reread_figure(reread: Callable[[int, BBox], str | None] | None, c: Cell | None) -> str | None:
    """An OCR'd cell of a numeric column that reads as no number but may be a figure misread
    (:func:`planparse.text.numbers.misread_figure`: "27 PN", "Slo"), read again from the page
    image (``reread``, the document's): the figure it holds, or None. A direction or yes/no
    word ("Öka", "Ja") is no misread figure."""
    if reread is None or c is None or not c.lines or all(ln.method == "native" for ln in c.lines):
        return None
    raw = join_lines([ln.text for ln in c.lines])
    if not misread_figure(raw) or fold(raw) in _VALUE_WORDS:
        return None
    d = vocabulary.match_direction(raw)
    if d is not None and d.confidence >= 0.9:
        return None
    # Only a clean figure counts (specks around it aside): a second misreading mended by
    # guesswork ("~ S52" for "4 552") would put a wrong amount where none was. A blurred
    # figure can read differently in crops a little apart ("7,9" / "7,5" / "7,5"): three
    # crops vote, the first read winning a tie.
    votes = [fixed for fixed in _crop_reads(reread, c) if fixed and parse_number(fixed) is not None]
    if votes:
        return max(votes, key=votes.count)  # (max keeps the first of equal counts)
    # Once more with a wider margin (a figure's edge cut off by a box set off its ink reads
    # as a letter: "a5." for "75"), taken only with as many figures as the cell has glyphs.
    x0, y0, x1, y1 = union([ln.bbox for ln in c.lines])
    h = max(y1 - y0, 1.0)
    read = reread(c.lines[0].page, (x0 - h, y0 - 0.15 * h, x1 + h, y1 + 0.15 * h))
    fixed = read.strip(_SPECKS).strip() if read is not None else ""
    same = len(fixed.replace(" ", "")) == len(raw.replace(" ", ""))
    return fixed if fixed and same and parse_number(fixed) is not None else None


def reread_empty_figure(reread: Callable[[int, BBox], str | None] | None, body: list[Row], row: Row, col: int) -> str | None:
    """An OCR'd row's empty cell in a column of figures, read from the page image: an OCR made
    of a whole page leaves short figures set apart in a sparse table unread ("Tot" with "65,2"
    and "39" under their years read as nothing). The column is where the figures of other rows
    stand (one at least); the cell is that column on the band of the row's first line. Only a clean
    figure of two digits or more that two crops read alike counts (a blank cell reads as nothing
    or a speck)."""
    if reread is None or row.cell_text(col) or row.native:
        return None
    boxes = [c.bbox for r in body if r is not row for c in r.cells
             if c.col == col and c.colspan == 1 and parse_number(c.text.strip(_SPECKS)) is not None]
    lines = [ln for c in row.cells for ln in c.lines]
    if not boxes or not lines:
        return None
    first = min(lines, key=lambda ln: ln.bbox[1])
    y0, y1 = first.bbox[1], first.bbox[3]
    x0, x1 = min(b[0] for b in boxes), max(b[2] for b in boxes)
    h = max(y1 - y0, 1.0)
    # Two crops must read the same figure of two digits or more: a speck or a blank cell's
    # edge reads as a lone digit ("4", "5") in one crop and as nothing in another.
    reads = set()
    for wide, tall in _CROPS[:2]:
        read = reread(first.page, (x0 - wide * h, y0 - tall * h, x1 + wide * h, y1 + tall * h))
        fixed = read.strip(_SPECKS).strip() if read is not None else ""
        if sum(ch.isdigit() for ch in fixed) < 2 or parse_number(fixed) is None:
            return None
        reads.add(fixed)
    return reads.pop() if len(reads) == 1 else None


_UNIT_AS_FIGURE = re.compile(r",\s*(?:\d{1,3}|[A-Z]{1,2})$")  # (or as capitals: "NV")


def unit_read_again(name: str, c: Cell | None, reread: Callable[[int, BBox], str | None] | None) -> str:
    """An OCR'd name ending in a lone figure (or a capital or two) after a comma, with it read again from
    the page image (``reread``, figures only, which reads a per-cent sign): a "%" there
    replaces it. Anything else read leaves the name as it was."""
    if reread is None or c is None or not c.lines or not _UNIT_AS_FIGURE.search(name):
        return name
    last = c.lines[-1]
    if last.method == "native" or not last.spans:
        return name
    x0, y0, x1, y1 = last.spans[-1].bbox
    h = max(y1 - y0, 1.0)
    # (a second time with a wider margin: a straightened page's box can sit a point or two off
    # the glyph in the image; the comma before it may then be read too)
    for wide, tall in ((0.3, 0.15), (1.0, 0.5)):
        read = reread(last.page, (x0 - wide * h, y0 - tall * h, x1 + wide * h, y1 + tall * h))
        if read is not None and _PER_CENT.fullmatch(read.strip()):
            return name[: name.rfind(",")] + ", %"
    return name


# (the wider crop may take in the name's comma and the last letter or two before it, read as
# figures: "0, %" for "…frånvaro, %")
_PER_CENT = re.compile(r"(?:\S{0,2},)?[-.,:;'|~ ]*%")
# What an OCR reads for "%" after the comma that ends an indicator's name ("Sjukfrånvaro, 96").
# (in a name's unit cell, "Ho" too: a photographed page's blur)
_PER_CENT_MISREAD = re.compile(rf",\s*(?:{PERCENT_UNIT_MISREADS}|Ho)$")


def ocr_name_unit(name: str) -> str:
    """An OCR'd indicator name with its per cent unit given back: a name ends in its unit, no
    figure, so what OCR reads for "%" after its last comma is one ("Sjukfrånvaro, 96"), and a
    share ("Andel …") whose unit the OCR lost after that comma gets "%"."""
    name = _PER_CENT_MISREAD.sub(", %", name)
    return name + " %" if name.endswith(",") and opens_share(name) else name


_YEAR_READ = re.compile(r"(?:19|20)\d\d")


def reread_year_heads(table: Table, reread: Callable[[int, BBox], str | None] | None, cols: list[int]) -> None:
    """An OCR'd header's cells over the value columns ``cols`` that read as no label and no
    year (nothing, "ERANER", "|": a shaded band's grain taken for letters) read again from the
    page image as figures: a bare year read there becomes the column's label (in place, in
    ``table.header``). A word label misread stays: the figures reader reads no words. A cell
    of figures and debris that holds a year but is none ("[20247": a column's rule beside it
    read as a bracket and a figure) is read again too; the year read there is taken only
    where the OCR's text holds it."""
    head = table.rows[0] if table.rows and table.rows[0].is_header else None
    if reread is None or head is None or head.native:
        return
    for col in cols:
        c = next((c for c in head.cells if c.col == col and c.colspan == 1), None)
        text = table.header[col].strip(_SPECKS).strip() if col < len(table.header) else ""
        debris = _year_with_debris(text)
        if c is None or (any(ch.isdigit() for ch in text) and not debris) or vocabulary.match_label(text) is not None:
            continue
        read = reread(head.page, c.bbox)
        fixed = read.strip(_SPECKS).strip() if read is not None else ""
        if _YEAR_READ.fullmatch(fixed) and (not debris or fixed in text):
            table.header[col] = fixed


def _year_with_debris(text: str) -> bool:
    """Whether a header cell's OCR'd ``text`` is a year with a rule's or a speck's debris about
    it: no letter, one year in it, a character or two more than the year (in figures and signs)
    and no clean year."""
    years = _YEAR_READ.findall(text)
    return (
        not _YEAR_READ.fullmatch(text) and len(years) == 1 and not any(ch.isalpha() for ch in text)
        and len(text.replace(" ", "")) <= 6
    )


def _form(text: str) -> tuple[int, int] | None:
    """A figure's form: its digits before and after the decimal comma ("7,3" → (1, 1))."""
    t = text.strip().replace(" ", "").lstrip("-−")
    if parse_number(t) is None or not t[:1].isdigit():
        return None
    whole, _, part = t.partition(",")
    return (len(whole), len(part)) if whole.isdigit() and (not part or part.isdigit()) else None


def reread_odd_figure(reread: Callable[[int, BBox], str | None] | None, c: Cell | None, others: list[str]) -> str | None:
    """An OCR'd figure of a row whose other figures (``others``, two at least) all share one
    form, its own another ("253" among "1,4 | 1,9 | 2,0": a decimal comma read as a digit;
    "9" among "78 | 79 | 81": a digit lost), read again from the page image: the figure the
    crops read most, taken only in the row's form. None otherwise."""
    if reread is None or c is None or not c.lines or all(ln.method == "native" for ln in c.lines):
        return None
    forms = {_form(t) for t in others}
    own = _form(join_lines([ln.text for ln in c.lines]))
    if len(others) < 2 or len(forms) != 1 or None in forms or own is None or own in forms:
        return None
    votes = [fixed for fixed in _crop_reads(reread, c) if _form(fixed) in forms]
    return _majority(votes)


def reread_lost_percent(reread: Callable[[int, BBox], str | None] | None, c: Cell | None, others: list[str]) -> str | None:
    """An OCR'd figure without the per cent sign that the row's other figures carry ("184"
    beside "24 %": the sign read as a digit; "35" beside "48 %": the sign lost; beside "24R",
    a sign misread, too), read again from the page image: the reading with the sign that the
    crops agree on (a majority), or None."""
    if reread is None or c is None or not c.lines or all(ln.method == "native" for ln in c.lines):
        return None
    own = join_lines([ln.text for ln in c.lines])
    if "%" in own or parse_number(own) is None or not any(
            "%" in t or parse_number(t) is None and re.match(r"\d+(?:,\d+)?\s*[^\d\s]{1,2}$", t) for t in others):
        return None
    votes = [" ".join(fixed.replace("%", " %").split()) for fixed in _crop_reads(reread, c)]
    votes = [v for v in votes if v.endswith("%") and parse_number(v) is not None]
    return _majority(votes)
