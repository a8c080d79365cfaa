"""PyMuPDF backend (the default): ``get_text("dict")`` and ``get_drawings()`` per page."""

from __future__ import annotations

import itertools
import re
import weakref
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any

import numpy as np
import pymupdf

from planparse.reading.dingbats import (
    dingbat_text,
    emoji_marker,
    icon_font_text,
    is_dingbats,
    is_wingdings,
    wingding_text,
)
from planparse.reading.model import Drawing, Image, Line, RawPage, Span, nfc

_BOLD_FLAG = 16
_ITALIC_FLAG = 2
# MuPDF's span flag for text raised above the line's baseline.
_SUPERSCRIPT_FLAG = 1
# Tesseract, ocrmypdf and most scanner software draw their invisible text in this font.
OCR_FONTS = ("GlyphLessFont", "GlyphLess")


def _rgb(color: Any) -> int | None:
    """sRGB of a PyMuPDF colour (gray, RGB or CMYK floats); tuples, what get_cdrawings gives,
    are cached (a page draws thousands of paths in a few colours)."""
    return _rgb_tuple(color) if isinstance(color, tuple) else _to_rgb(color)


@lru_cache(maxsize=4096)
def _rgb_tuple(color: tuple[float, ...]) -> int | None:
    return _to_rgb(color)


def _to_rgb(color: Any) -> int | None:
    if color is None:
        return None
    if isinstance(color, int):
        return color
    if len(color) == 1:
        color = (color[0],) * 3
    if len(color) == 4:  # CMYK
        c, m, y, k = color
        color = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    r, g, b = (max(0, min(255, round(v * 255))) for v in color[:3])
    return (r << 16) | (g << 8) | b


@lru_cache(maxsize=1024)  # a document has a handful of fonts and thousands of spans
def _font_style(font: str, flags: int) -> tuple[bool, bool]:
    name = font.lower()
    bold = bool(flags & _BOLD_FLAG) or any(k in name for k in ("bold", "black", "heavy", "semibold"))
    italic = bool(flags & _ITALIC_FLAG) or "italic" in name or "oblique" in name
    return bold, italic


# MuPDF's character flags: the glyph is filled, stroked (neither: render mode 3, invisible).
_PAINTED = 16 | 32


def _hyphen_char(chars: list[dict[str, Any]], k: int, last: dict[str, Any] | None, size: float) -> str:
    """Character ``k`` of a span with soft hyphens, as :func:`_drawn_hyphens` reads it."""
    c = chars[k]
    prev = chars[k - 1] if k else None
    if c["c"] in "-\u2010" and prev is not None and prev["c"] == "\u00ad" and c is last \
            and abs(c["bbox"][0] - prev["bbox"][0]) < 0.05 * size:
        return "\u00ad"  # the drawn hyphen of the soft hyphen before it, at the line's end
    if c["c"] != "\u00ad" or c is last or c["bbox"][2] - c["bbox"][0] <= 0.15 * size:
        return str(c["c"])
    nxt = chars[k + 1] if k + 1 < len(chars) else None
    if nxt is not None and nxt["bbox"][0] < c["bbox"][0] + 0.05 * size:
        return "\u00ad"  # the next glyph starts where it does: no advance, invisible
    return "-"


def _drawn_hyphens(soft: list[tuple[int, int, int, Span]], raw: dict[tuple[int, int], dict[str, Any]]) -> None:
    """A U+00AD drawn with a width inside a line is a hyphen: fonts share one glyph between
    "-" and the soft hyphen, and a producer that maps glyphs back to characters may write the
    hyphen as U+00AD ("2024\u00ad04\u00ad30", "gång\u00ad och"). A soft hyphen proper is only
    drawn where a line breaks; one of no width, or one the next character starts on (a
    browser's soft hyphen inside a line, which advances nothing), is invisible. Those stay
    U+00AD (the line text drops the invisible ones and joins the word at one that ends it). A
    browser draws the hyphen at a break as a character of its own on the soft hyphen's place:
    that hyphen is the soft hyphen's glyph and becomes U+00AD too."""
    for bi, li, si, span in soft:
        line = raw[bi, li]
        chars = line["spans"][si]["chars"]
        ends = [c for sp in line["spans"] for c in sp["chars"] if not c["c"].isspace()]
        last = ends[-1] if ends else None
        size = max(span.size, 1.0)
        text = "".join(_hyphen_char(chars, k, last, size) for k in range(len(chars)))
        if text != span.text and len(text) == len(span.text):
            span.__dict__["text"] = text  # (a span of this page, not yet in any line's facts)


def _split_spaced(
    lines: list[Line], spaced: list[tuple[int, int, int, Span]], raw: dict[tuple[int, int], dict[str, Any]],
    turn: pymupdf.Matrix | None, rules: list[tuple[float, float, float, float]],
) -> None:
    """Spans cut where a run of spaces leaves a gap of an em or more: typesetters that set a
    table with spaces between its columns (groff's tbl, some Word exports) give a header or a
    row as one span, "Indikator        2024      2025", whose cells the table reader must see
    apart. A word space, even stretched in justified text, stays far below an em."""
    parts: dict[int, list[Span]] = {}
    for bi, li, si, span in spaced:
        chars = raw[bi, li]["spans"][si]["chars"]
        if len(chars) != len(span.text):
            continue  # (the text was changed after reading: positions unknown)
        y0, y1 = span.bbox[1], span.bbox[3]
        pieces = _spaced_pieces(chars, span.size, [r[0] for r in rules if r[1] < y1 and r[3] > y0])
        if len(pieces) < 2:
            continue
        out = []
        for a, b in pieces:
            box = (chars[a]["bbox"][0], span.bbox[1], chars[b - 1]["bbox"][2], span.bbox[3])
            if turn is not None:
                x0, _, x1, _ = _turned((box[0], chars[a]["bbox"][1], box[2], chars[b - 1]["bbox"][3]), turn)
                box = (x0, span.bbox[1], x1, span.bbox[3])
            piece = Span("".join(c["c"] for c in chars[a:b]), (round(box[0], 2), box[1], round(box[2], 2), box[3]),
                         span.font, span.size, span.bold, span.italic, span.color)
            out.append(piece)
        parts[id(span)] = out
    if not parts:
        return
    for line in lines:
        if any(id(s) in parts for s in line.spans):
            line.spans = [p for s in line.spans for p in parts.get(id(s), [s])]


# Four or more single letters, each after one space: a word set with its letters apart (tracked
# type, or an OCR layer's characters spread over the word's box), read with spaces between them.
_TRACKED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
_TRACKING = 0.5  # the widest gap between a tracked word's letters, in ems (an em or more: table columns)


def _word_space(gap: float, usual: float, em: float) -> bool:
    """Whether a gap in a run of letters set apart (their ``usual`` gap) is a word space: half
    again as wide and a sixth of an em wider."""
    return gap > 1.5 * usual and gap > usual + em / 6


def _untrack(tracked: list[tuple[int, int, int, Span]], raw: dict[tuple[int, int], dict[str, Any]]) -> None:
    """Tracked words joined again: in a run of single letters (:data:`_TRACKED`) the spaces
    between letters set a narrow gap apart (the run's usual gap, under :data:`_TRACKING` of an
    em) are dropped, those at a word space's gap (:func:`_word_space`) kept ("G r a n s h a n d
    e l n  s k a" → "Granshandeln ska")."""
    for bi, li, si, span in tracked:
        chars = raw[bi, li]["spans"][si]["chars"]
        text = "".join(c["c"] for c in chars)
        if nfc(text) != span.text:
            continue  # (the text was changed after reading: positions unknown)
        em = max(span.size, 1.0)
        out, end = [], 0
        for m in _TRACKED.finditer(text):
            letters = [k for k in range(m.start(), m.end()) if not text[k].isspace()]
            gaps = [chars[b]["bbox"][0] - chars[a]["bbox"][2] for a, b in zip(letters, letters[1:], strict=False)]
            usual = sorted(gaps)[len(gaps) // 2]
            if usual > _TRACKING * em:
                continue
            word = text[letters[0]]
            for k, gap in zip(letters[1:], gaps, strict=True):
                word += (" " if _word_space(gap, usual, em) else "") + text[k]
            out.append(text[end : m.start()] + word)
            end = m.end()
        if out:
            span.__dict__["text"] = nfc("".join(out) + text[end:])  # (a span of this page, not yet in any line's facts)


def _joined_letters(spans: list[Span]) -> list[Span]:
    """A line's runs of four or more spans of one letter each (each glyph drawn on its own)
    set a narrow gap apart: one span each, with word spaces where :func:`_untrack` puts them."""
    out: list[Span] = []
    k = 0
    while k < len(spans):
        j = k
        while j < len(spans) and len(t := spans[j].text.strip()) == 1 and t.isalpha():
            j += 1
        run = spans[k:j]
        gaps = [b.bbox[0] - a.bbox[2] for a, b in zip(run, run[1:], strict=False)]
        usual = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
        em = max(run[0].size, 1.0) if run else 1.0
        if len(run) < 4 or not -0.1 * em <= usual <= _TRACKING * em:
            out.append(spans[k])
            k += 1
            continue
        text = run[0].text.strip()
        for a, gap in zip(run[1:], gaps, strict=True):
            text += (" " if _word_space(gap, usual, em) else "") + a.text.strip()
        first, last = run[0], run[-1]
        text = first.text[: len(first.text) - len(first.text.lstrip())] + text + last.text[len(last.text.rstrip()):]
        out.append(Span(text, (first.bbox[0], first.bbox[1], run[-1].bbox[2], first.bbox[3]), first.font, first.size,
                        first.bold, first.italic, first.color))
        k = j
    return out


def _raw_lines(tp: pymupdf.TextPage, data: dict[str, Any], keys: set[tuple[int, int]]) -> dict[tuple[int, int], dict[str, Any]]:
    """Lines ``keys`` (block, line: indices into ``data``, the text page's ``extractDICT``)
    with their characters, as ``extractRAWDICT`` gives them. A few lines are read each with the
    text page clipped to the line's box (its characters are those of the whole page's reading,
    since they lie in that box): a page's every character as a dict of its own costs more than
    the rest of the page. Where a line is not found so, the whole page is read."""
    out: dict[tuple[int, int], dict[str, Any]] = {}
    if len(keys) <= _CLIPPED_LINES:
        box = tp.this.m_internal.mediabox
        page_box = (box.x0, box.y0, box.x1, box.y1)
        try:
            for bi, li in keys:
                line = data["blocks"][bi]["lines"][li]
                x0, y0, x1, y1 = line["bbox"]
                box.x0, box.y0 = max(page_box[0], x0 - 1), max(page_box[1], y0 - 1)
                box.x1, box.y1 = min(page_box[2], x1 + 1), min(page_box[3], y1 + 1)
                texts = [s["text"] for s in line["spans"]]
                found = next((ln for b in tp.extractRAWDICT()["blocks"] for ln in b.get("lines", ())
                              if ln["bbox"] == line["bbox"]
                              and ["".join(c["c"] for c in s["chars"]) for s in ln["spans"]] == texts), None)
                if found is None:
                    break
                out[bi, li] = found
        finally:
            box.x0, box.y0, box.x1, box.y1 = page_box
        if len(out) == len(keys):
            return out
    raw = tp.extractRAWDICT()
    return {(bi, li): raw["blocks"][bi]["lines"][li] for bi, li in keys}


_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3")  # an emoji keycap digit
_CLIPPED_LINES = 8  # lines read one by one (clipped) at most; more: the whole page at once


# A dot leader between a text and a word ("Läsa högt ....... Arbetslaget"), no page number.
_LEADER_WORD = re.compile(r"\S\s?(?:\.\s?){4,}\s*[^\W\d_]")
# A lower-case letter before a capital inside a word: maybe two runs of text that collided, a
# cell's text overflowing into the next cell ("bestående avTot"), told by their overlap.
_CAMEL = re.compile(r"[a-zåäö][A-ZÅÄÖ]")
_COLLISION = 0.15  # an overlap of characters (in ems) far beyond any kerning pair's


def _spaced_pieces(chars: list[dict[str, Any]], size: float, rules: list[float] | None = None) -> list[tuple[int, int]]:
    """Index ranges of ``chars`` (a span's characters) between runs of two or more spaces
    that span an em or more, or dot leaders before a word ("Läsa högt ........ Arbetslaget":
    a row and its owner, not a contents entry's page number), each range without its outer
    spaces and leader; and where a character starts well inside the one before it (two runs
    of text that collided) with no column rule of ``rules`` (x positions) there."""
    em = max(size, 1.0)
    pieces: list[tuple[int, int]] = []
    start: int | None = None
    end = 0  # one past the last character of the piece
    k = 0
    while k < len(chars):
        c = chars[k]["c"]
        if not c.isspace() and not (c == "." and _leader_at(chars, k)):
            if start is None:
                start = k
            elif end == k and chars[k]["bbox"][0] < chars[k - 1]["bbox"][2] - _COLLISION * em \
                    and not any(abs(x - chars[k]["bbox"][0]) < 2 * em for x in rules or ()):
                pieces.append((start, end))  # a cell's text run into the next one's ("avTot")
                start = k
            end = k + 1
            k += 1
            continue
        run = k
        dots = 0
        while k < len(chars) and (chars[k]["c"].isspace() or chars[k]["c"] == "." and (dots or _leader_at(chars, k))):
            dots += chars[k]["c"] == "."
            k += 1
        if start is not None and k < len(chars) and (k - run >= 2 or dots) \
                and chars[k]["bbox"][0] - chars[end - 1]["bbox"][2] >= em and (not dots or chars[k]["c"].isalpha()):
            pieces.append((start, end))
            start = None
        elif dots and start is not None:
            end = k  # a leader before a figure: its contents entry's, kept
    if start is not None:
        pieces.append((start, end))
    return pieces


def _leader_at(chars: list[dict[str, Any]], k: int) -> bool:
    """Whether a dot leader (four dots or more, spaces between them allowed) starts at ``k``."""
    dots, j = 0, k
    while j < len(chars) and (chars[j]["c"] == "." or chars[j]["c"] == " ") and dots < 4:
        dots += chars[j]["c"] == "."
        j += 1
    return dots >= 4


def _emboldened(page: pymupdf.Page, lines: list[Line], turn: pymupdf.Matrix | None) -> None:
    """Spans a producer made bold without a bold face, marked bold: each glyph drawn twice a
    fraction of a point apart, or filled and then stroked (render mode 2, how printer drivers
    embolden). MuPDF's text keeps one copy of an overprinted glyph and says nothing of a
    stroke; the page's text trace (every glyph as drawn) shows both. Asked only on pages
    without a bold span (a producer that emboldens so has no bold face)."""
    boxes: list[tuple[float, float, float, float]] = []
    prev: dict[str, Any] | None = None
    for tr in _texttrace(page):
        chars = tr["chars"]
        if (tr["type"] == 1 and prev is not None and prev["type"] == 0
                and [c[1] for c in prev["chars"]] == [c[1] for c in chars] and prev["bbox"] == tr["bbox"]):
            boxes.extend(c[3] for c in chars if _ink(c[0]))  # filled, then stroked
        elif tr["type"] == 0:
            for a, b in zip(chars, chars[1:], strict=False):
                if a[1] == b[1] and _ink(a[0]) and 0.01 < b[2][0] - a[2][0] <= 1.5 and abs(b[2][1] - a[2][1]) < 0.1:
                    boxes.append(a[3])  # the same glyph again, a hair to the right
        prev = tr
    if not boxes:
        return
    if turn is not None:
        boxes = [_turned(b, turn) for b in boxes]
    centres = sorted(((b[1] + b[3]) / 2, (b[0] + b[2]) / 2) for b in boxes)
    ys = [c[0] for c in centres]
    for ln in lines:
        for s in ln.spans:
            x0, y0, x1, y1 = s.bbox
            inside = sum(1 for yc, xc in centres[bisect_left(ys, y0):bisect_right(ys, y1)] if x0 <= xc <= x1)
            if inside and inside >= 0.5 * len(s.text.replace(" ", "")):
                s.__dict__["bold"] = True  # (a span of this page, not yet in any line's facts)


def _ink(code: int) -> bool:
    """Whether a traced glyph's character shows (not a space; -1 where no character is known)."""
    return 0 < code < 0x110000 and not chr(code).isspace()


def _texttrace(page: pymupdf.Page) -> list[dict[str, Any]]:
    """``page.get_texttrace()`` without its MuPDF warnings (it measures every glyph, and warns
    of glyphs a font lacks that the text extraction passed over quietly): the warnings the page
    gave before are kept, for the reader's damage report."""
    earlier = pymupdf.TOOLS.mupdf_warnings(reset=True)
    try:
        return list(page.get_texttrace())
    finally:
        pymupdf.TOOLS.mupdf_warnings(reset=True)
        for line in earlier.splitlines():
            pymupdf.mupdf.fz_warn(line)


def drop_overprint(lines: list[Line], invisible: set[int]) -> list[Line]:
    """The page's lines without text drawn twice over itself.

    * An invisible span (``invisible``: ids of spans) lying over visible text is a second text
      layer of the same words: "searchable PDF" software OCRs a born-digital printout and
      writes its words invisibly over the page's own text. It is dropped when visible spans
      cover half its box. (An invisible layer over an image, a real OCR layer, stays.)
    * A visible span repeated with the same text and size within a point or so of itself is a
      producer's fake bold (the text overprinted at a small offset instead of a bold face):
      one copy stays, bold.
    """
    visible = [s for ln in lines for s in ln.spans if id(s) not in invisible] if invisible else \
        [s for ln in lines for s in ln.spans]
    drop: set[int] = set()
    if invisible:
        rows: dict[int, list[Span]] = {}
        for s in visible:
            for k in range(int(s.bbox[1] // 8), int(s.bbox[3] // 8) + 1):
                rows.setdefault(k, []).append(s)
        for ln in lines:
            for s in ln.spans:
                if id(s) in invisible and _covered(s, rows):
                    drop.add(id(s))
    seen: dict[tuple[str, float], list[Span]] = {}
    for s in visible:
        key = (s.text.strip(), s.size)
        twins = seen.get(key)
        if twins is None:  # (most spans: no other span with their text and size)
            seen[key] = [s]
            continue
        tol = max(1.0, 0.1 * s.size)
        first = next((t for t in twins if abs(t.bbox[0] - s.bbox[0]) <= tol and abs(t.bbox[1] - s.bbox[1]) <= tol
                      and abs(t.bbox[2] - s.bbox[2]) <= tol), None)
        if first is None:
            twins.append(s)
        else:
            drop.add(id(s))
            first.__dict__["bold"] = True  # (a span of this page, not yet in any line's facts)
    if not drop:
        return lines
    out = []
    for ln in lines:
        kept = [s for s in ln.spans if id(s) not in drop]
        if kept:
            out.append(ln if len(kept) == len(ln.spans) else Line(spans=kept, page=ln.page))
    return out


def _covered(s: Span, rows: dict[int, list[Span]]) -> bool:
    """Whether visible spans (``rows``: by 8 pt bands of height) cover half of ``s``'s box."""
    x0, y0, x1, y1 = s.bbox
    area = max(x1 - x0, 0.1) * max(y1 - y0, 0.1)
    near = {id(v): v for k in range(int(y0 // 8), int(y1 // 8) + 1) for v in rows.get(k, ())}
    cover = 0.0
    for v in near.values():
        w = min(x1, v.bbox[2]) - max(x0, v.bbox[0])
        h = min(y1, v.bbox[3]) - max(y0, v.bbox[1])
        if w > 0 and h > 0:
            cover += w * h
    return cover >= 0.5 * area


def dark_neutral(color: int) -> bool:
    """A dark grey or black (every channel under 0x70, within 0x18 of each other): the colour
    of text and of glyph-like marks (a trend arrow), never a status colour."""
    r, g, b = (color >> 16) & 255, (color >> 8) & 255, color & 255
    return max(r, g, b) < 0x70 and max(r, g, b) - min(r, g, b) <= 0x18


# Images this small (points) may be status icons or progress bars: their pixels are read.
# An image's look, decoded once per document: its colour, a bar's filled share, a symbol drawn
# on it, and its digest.
Steps = tuple[int, int] | None  # a rating picture's (filled, shapes): four of five squares
Look = tuple[int | None, float | None, bool, Steps, bytes | None]
_ICON_MAX = 24.0
_BAR_MAX_W = 160.0


def _grey_key(key: int) -> bool:
    """Whether a quantised colour (3 bits a channel, see :func:`_look`) is a grey."""
    r, g, b = (key >> 16) & 7, (key >> 8) & 7, key & 7
    return max(r, g, b) - min(r, g, b) <= 1


def _vivid_key(key: int) -> bool:
    """Whether a quantised colour is a strong colour (green, yellow, red: no grey, no dark tint)."""
    r, g, b = (key >> 16) & 7, (key >> 8) & 7, key & 7
    return max(r, g, b) - min(r, g, b) >= 3


def _lit_lamp(counts: dict[int, int], key: int, total: int) -> int:
    """A traffic light's colour: where the dominant colour is a dark grey or black (its housing,
    its unlit lamps), the commonest strong colour covering at least :data:`LAMP_SHARE` of the
    pixels (the lit lamp); else ``key``."""
    r, g, b = (key >> 16) & 7, (key >> 8) & 7, key & 7
    if not _grey_key(key) or max(r, g, b) > 3:
        return key
    vivid = [(k, c) for k, c in counts.items() if _vivid_key(k)]
    if not vivid or sum(c for _, c in vivid) < LAMP_SHARE * total:
        return key
    return max(vivid, key=lambda kc: (kc[1], kc[0]))[0]


LAMP_SHARE = 0.04


def _mark(pix: pymupdf.Pixmap) -> bool:
    """Whether an icon image (RGB) has a light symbol inside it (a white check mark on a green
    disc): light pixels in the middle half of the icon, but not most of them (a ring's hole)."""
    n, w, h, stride, samples = pix.n, pix.width, pix.height, pix.stride, pix.samples
    if w < 8 or h < 8:
        return False
    light = total = 0
    for y in range(h // 4, h - h // 4):
        row = y * stride
        for x in range(w // 4, w - w // 4):
            i = row + x * n
            if pix.alpha and samples[i + n - 1] < 128:
                continue
            total += 1
            light += min(samples[i], samples[i + 1], samples[i + 2]) > 225
    return total > 0 and MARK_SHARE[0] <= light / total <= MARK_SHARE[1]


MARK_SHARE = (0.05, 0.6)  # the share of an icon's middle a symbol drawn on it covers


def _look(pix: pymupdf.Pixmap) -> tuple[int | None, float | None, bool, Steps]:
    """The dominant colour of an icon-sized image, for a bar the coloured share of its width,
    and for an icon whether a light symbol is drawn on it (:func:`_mark`); a rating picture
    (a row of like shapes, some filled: :func:`_rating`) is a bar filled to its steps. White and
    near-white pixels are background; a colour needs 8 % of the pixels."""
    if pix.n - pix.alpha < 3:
        pix = pymupdf.Pixmap(pymupdf.csRGB, pix)
    n, w, h = pix.n, pix.width, pix.height
    samples = pix.samples
    step_x, step_y = max(1, w // 48), max(1, h // 16)
    counts: dict[int, int] = {}
    total = 0
    alpha = bool(pix.alpha)
    stride = pix.stride
    for y in range(0, h, step_y):
        row = y * stride
        # The sampled pixels of this row, channel by channel (slices, not a loop per byte).
        end = row + ((w - 1) // step_x) * step_x * n + 1
        reds = samples[row:end:step_x * n]
        greens = samples[row + 1:end + 1:step_x * n]
        blues = samples[row + 2:end + 2:step_x * n]
        alphas = samples[row + n - 1:end + n - 1:step_x * n] if alpha else bytes(len(reds))
        for r, g, b, a in zip(reds, greens, blues, alphas, strict=True):
            if alpha and a < 128:
                continue
            total += 1
            if min(r, g, b) > 225:
                continue
            # Quantise to 32 levels per channel so anti-aliased edges fall into their colour.
            key = ((r >> 5) << 16) | ((g >> 5) << 8) | (b >> 5)
            counts[key] = counts.get(key, 0) + 1
    if not counts or total == 0:
        return None, None, False, None
    steps = _rating(pix) if w >= 2.5 * h else None
    bar: float | None = None
    if steps is not None:
        bar = round(steps[0] / steps[1], 3)
    elif w >= 2.5 * h:  # a bar: the coloured share of its middle row, inside its frame
        row = (h // 2) * stride
        end = row + w * n
        middle = list(zip(samples[row:end:n], samples[row + 1:end:n], samples[row + 2:end:n], strict=True))
        inner = _inside_frame(middle)
        coloured = sum(1 for r, g, b in inner if max(r, g, b) - min(r, g, b) > 40)
        bar = round(min(1.0, coloured / len(inner)), 3)
    key, n_key = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    key = _lit_lamp(counts, key, total)
    if n_key < 0.08 * total:
        # A ring drawn in grey (an empty circle: "ej påbörjad"): its anti-aliased edge spreads
        # over many grey levels, none of them 8 %, all of them grey together.
        greys = [(k, c) for k, c in counts.items() if _grey_key(k)]
        n_grey = sum(c for _, c in greys)
        if n_grey < 0.08 * total or n_grey < 0.8 * sum(counts.values()):
            return None, None, False, None
        key = min(greys, key=lambda kc: (-kc[1], kc[0]))[0]
    color = ((((key >> 16) & 7) << 5) + 16) << 16 | ((((key >> 8) & 7) << 5) + 16) << 8 | (((key & 7) << 5) + 16)
    return color, bar, bar is None and _mark(pix), steps


def _inside_frame(row: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """A bar's row of pixels without its frame: a run of a few pixels of one neutral colour
    at each end, unlike the pixels inside (a full bar in a grey frame is all coloured inside)."""
    edge = max(1, len(row) // 40)
    left, right = row[0], row[-1]
    if left != right or max(left) - min(left) > 40 or len(row) < 4 * edge:
        return row
    a = next((i for i, px in enumerate(row[: edge + 1]) if px != left), None)
    b = next((i for i, px in enumerate(reversed(row[-edge - 1:])) if px != right), None)
    if a is None or b is None or row[a] == left or row[-b - 1] == right:
        return row
    return row[a:len(row) - b]


def _rating(pix: pymupdf.Pixmap) -> Steps:
    """A rating drawn as a picture: three to ten like shapes in a row (squares, discs) set apart
    by blank columns, each either filled or only outlined, the filled ones first: (filled,
    shapes). None for anything else (a bar, a half-filled shape, shapes of unlike widths)."""
    n, w, h = pix.n, pix.width, pix.height
    px = np.frombuffer(pix.samples, dtype=np.uint8).reshape(h, pix.stride)[:, : w * n].reshape(h, w, n)
    ink = px[..., :3].min(axis=2) <= 225
    if pix.alpha:
        ink &= px[..., n - 1] >= 128
    edges = np.diff(np.concatenate(([0], ink.any(axis=0).astype(np.int8), [0])))
    runs = list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=True))
    if not 3 <= len(runs) <= 10:
        return None
    widths = [b - a for a, b in runs]
    gaps = [c - b for (_, b), (c, _) in itertools.pairwise(runs)]
    if min(widths) < 4 or max(widths) > 1.25 * min(widths) or max(gaps) > 2 * min(gaps) + 2:
        return None
    filled: list[bool] = []
    for a, b in runs:
        rows = np.flatnonzero(ink[:, a:b].any(axis=1))
        top, bottom = int(rows[0]), int(rows[-1]) + 1
        if not 0.6 <= (b - a) / max(bottom - top, 1) <= 1.6:
            return None
        share = float(ink[top + (bottom - top) // 4: bottom - (bottom - top) // 4, a + (b - a) // 4: b - (b - a) // 4].mean())
        if 0.3 < share < 0.7:
            return None
        filled.append(share >= 0.7)
    if filled != sorted(filled, reverse=True):
        return None  # (a rating fills from the left)
    return sum(filled), len(filled)


def _textpage(page: pymupdf.Page, dl: pymupdf.DisplayList, flags: int) -> pymupdf.TextPage:
    """A text page made from ``dl``, the page's display list, as ``page.get_textpage`` makes
    one from the page (PyMuPDF's ``DisplayList.get_textpage`` gives the bare MuPDF object)."""
    tp = dl.get_textpage(flags=flags)
    if not isinstance(tp, pymupdf.TextPage):
        tp = pymupdf.TextPage(tp)
        tp.parent = weakref.proxy(page)
    return tp


def _page_textpage(page: pymupdf.Page, flags: int, rotation: int) -> pymupdf.TextPage:
    """``page.get_textpage(flags=flags)``; on a page known unturned (``rotation`` 0) without
    its looking up the page's rotation again."""
    if rotation != 0:
        return page.get_textpage(flags=flags)
    tp = pymupdf.TextPage(page._get_textpage(None, flags=flags, matrix=pymupdf.Matrix(1, 1)))
    tp.parent = weakref.proxy(page)
    return tp


def _text_dict(tp: pymupdf.TextPage) -> dict[str, Any]:
    """``tp.extractDICT()`` without the page's width and height (unread here: working them out
    bounds the text page again)."""
    data: dict[str, Any] = {}
    pymupdf.JM_make_textpage_dict(tp.this, data, False)
    return data


class _ImageInfo:
    """``page.get_image_info(hashes)`` from the page's display list, made once (with digests
    once they are asked for), as PyMuPDF keeps it on the page."""

    def __init__(self, page: pymupdf.Page, dl: pymupdf.DisplayList) -> None:
        self.page, self.dl = page, dl
        self.infos: list[dict[str, Any]] | None = None
        self.hashed = False
        self.blocks: dict[int, dict[str, Any]] | None = None

    def __call__(self, hashes: bool) -> list[dict[str, Any]]:
        if self.infos is None or (hashes and not self.hashed):
            tp = _textpage(self.page, self.dl, pymupdf.TEXT_PRESERVE_IMAGES)
            self.infos, self.hashed = tp.extractIMGINFO(hashes=hashes), hashes
        return self.infos

    def inline_look(self, number: int) -> tuple[int | None, float | None, bool, Steps]:
        """The look of the image of block ``number`` decoded from the text page's own copy of
        it: an inline image (in the content stream, no XObject) that ``get_images`` does not
        list. The text page with the images' bytes is made once, when first asked for."""
        if self.blocks is None:
            tp = _textpage(self.page, self.dl, pymupdf.TEXT_PRESERVE_IMAGES)
            self.blocks = {b["number"]: b for b in _text_dict(tp).get("blocks", []) if b.get("type") == 1}
        block = self.blocks.get(number)
        if block is None or not block.get("image"):
            return None, None, False, None
        try:
            return _look(pymupdf.Pixmap(block["image"]))
        except Exception:  # an undecodable image is no icon
            return None, None, False, None


def _image_looks(
    page: pymupdf.Page, items: list[Any], cache: dict[int, Look],
    image_info: _ImageInfo,
) -> list[Image]:
    """The page's images; small ones (icons, progress bars) with their look. Only images small
    in pixels are decoded, once per document (``cache`` by xref, with the image's digest, which
    finds its places on the page): decoding every photo to find the icons among them would cost
    more than the rest of the page. ``items`` is the page's ``get_images(full=True)``."""
    looks: list[tuple[tuple[float, float, float, float], int | None, float | None, bool, Steps]] = []
    for item in items:
        xref, width, height = item[0], item[2], item[3]
        if not xref or height > 96 or width > 800:
            continue
        if xref not in cache:
            try:
                pix = pymupdf.Pixmap(page.parent, xref)
                digest = pix.digest
                cache[xref] = (*_look(pix), digest)
            except Exception:  # an undecodable image is no icon
                cache[xref] = (None, None, False, None, None)
        look_color, look_fill, look_mark, look_steps, digest = cache[xref]
        if digest is None:  # (get_image_rects decodes it again, and fails as it did)
            rects = [(r.x0, r.y0, r.x1, r.y1) for r in page.get_image_rects(xref)]
        else:  # what get_image_rects finds, without decoding the image again on every page
            rects = [im["bbox"] for im in image_info(True) if im["digest"] == digest]
        looks.extend((rect, look_color, look_fill, look_mark, look_steps) for rect in rects)
    images = []
    for info in image_info(False):
        bx = info["bbox"]
        bw, bh = bx[2] - bx[0], bx[3] - bx[1]
        color: int | None = None
        fill: float | None = None
        mark = False
        steps: Steps = None
        if 3 <= bh <= _ICON_MAX and 3 <= bw <= _BAR_MAX_W:
            match = next((lk for lk in looks if abs(lk[0][0] - bx[0]) < 1.0 and abs(lk[0][1] - bx[1]) < 1.0
                          and abs(lk[0][2] - bx[2]) < 1.0 and abs(lk[0][3] - bx[3]) < 1.0), None)
            if match is not None:
                color, fill, mark, steps = match[1], match[2], match[3], match[4]
            elif info["height"] <= 96 and info["width"] <= 800:  # an inline image: no XObject
                color, fill, mark, steps = image_info.inline_look(info["number"])
        images.append(
            Image(bbox=(bx[0], bx[1], bx[2], bx[3]), width=info["width"], height=info["height"],
                  color=color, fill=fill, mark=mark, steps=steps)
        )
    return images


def _has_image_block(tp: pymupdf.TextPage) -> bool:
    """Whether ``tp`` has a block that is not text (an image, kept with TEXT_PRESERVE_IMAGES):
    ``bool(tp.extractIMGINFO())``, without building the info of every block on the way."""
    block = tp.this.m_internal.first_block
    while block:
        if block.type != pymupdf.mupdf.FZ_STEXT_BLOCK_TEXT:
            return True
        block = block.next
    return False


# round(v, 2) of the positions of spans, by position (a float; zero is not kept, 0.0 and -0.0
# being one key): a document's spans start and end at a few hundred positions.
_X_ROUNDED: dict[float, float] = {}


# A footnote marker set as superscript: a digit or two, a star or a dagger.
_MARK = re.compile(r"^(?:\d{1,2}|\*{1,3}|†)$")
# A unit the superscript is the power of ("m²", "km²", "kWh/m²", "m³"): kept.
_POWER_OF = re.compile(r"(?:^|[^A-Za-zÅÄÖåäö])(?:[kcdm]?m)$")


def _footnote_mark(text: str, before: str) -> bool:
    """Whether a superscript span ``text`` after ``before`` on its line is a footnote
    marker: a short mark right after a word, a number, a per cent sign or a bracket ("nöjda
    med bemötandet, %²"), not the power of a unit."""
    before = before.rstrip()
    return _MARK.match(text) is not None and (before[-1:].isalnum() or before[-1:] in "%)") and not (
        text in ("2", "3") and _POWER_OF.search(before) is not None)


def read_page(
    page: pymupdf.Page, number: int,
    cache: dict[int, Look] | None = None,
) -> RawPage:
    flags = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
    no_images = False
    rotation = page.rotation  # (looked up once: PyMuPDF's calls below would each look again)
    image_items = page.get_images(full=True)
    if not image_items:
        # No image XObject: one text page, keeping images, serves for the text and shows whether
        # there are inline images; without any, the separate image pass is skipped.
        tp = _page_textpage(page, flags | pymupdf.TEXT_PRESERVE_IMAGES, rotation)
        if not _has_image_block(tp):
            data = _text_dict(tp)
            no_images = True
    if not no_images:
        # One display list serves the page's text and, in _image_looks, its images' boxes: the
        # page's content is interpreted once for the two, not once for each.
        dl = page.get_displaylist()
        tp = _textpage(page, dl, flags)
        data = _text_dict(tp)
    # PyMuPDF gives text, paths and images in the page's unrotated space; a page stored turned
    # (/Rotate 90: a landscape table page stored in portrait, or a scanner's) is read as shown.
    turn = page.rotation_matrix if rotation % 360 else None
    if turn is not None and not _upright_when_turned(data, turn):
        turn = None  # text upright as stored, the page turned by its /Rotate alone: read as stored
    lines: list[Line] = []
    rotated: list[Line] = []
    ocr_font = False
    # The span loop runs for every span of every page: Span objects are made without their
    # constructor's keyword dict (the fields go straight into the instance, as the constructor
    # puts them), fonts' styles are looked up once per font and flags.
    new_span = object.__new__
    styles: dict[tuple[str, int], tuple[bool, bool]] = {}
    sizes: dict[float, float] = {}
    xs = _X_ROUNDED
    if len(xs) > 8192:
        xs.clear()
    last_ys: tuple[float, float] | None = None
    last_rys = (0.0, 0.0)
    invisible: set[int] = set()  # id() of spans drawn invisibly (render mode 3, or fully transparent)
    soft: list[tuple[int, int, int, Span]] = []  # spans with U+00AD: (block, line, span, Span)
    tracked: list[tuple[int, int, int, Span]] = []  # spans with letters set apart ("V e r k"): the same
    spaced: list[tuple[int, int, int, Span]] = []  # spans with a run of spaces inside: the same
    for bi, block in enumerate(data["blocks"]):
        if block.get("type") != 0:
            continue
        for li, ln in enumerate(block["lines"]):
            dx, dy = ln.get("dir", (1, 0))
            if turn is not None:
                dx, dy = dx * turn.a + dy * turn.c, dx * turn.b + dy * turn.d
            if dx < 0.96:  # vertical or turned text (a diagonal watermark, a side note): not body text
                if abs(dy) >= 0.96:  # (up or down the page: kept for a table's turned header)
                    rotated.append(_rotated_line(ln, number, turn))
                continue
            spans: list[Span] = []
            for si, s in enumerate(ln["spans"]):
                text = nfc(s["text"])
                if "\u20e3" in text:
                    text = _KEYCAP.sub(r"\1.", text)  # "1️⃣ Fler företag …" numbers its item as "1."
                if "ingbats" in s["font"] and is_dingbats(s["font"]):
                    text = dingbat_text(text)  # (base-14 ZapfDingbats: "G" is its "●")
                elif "ingdings" in s["font"] and is_wingdings(s["font"]) or "OpenSymbol" in s["font"] and text[:1] >= "\uf020":
                    text = wingding_text(text)  # (Word's symbols: "\uf06c" is its "●"; LibreOffice draws them in OpenSymbol)
                elif (s["font"].startswith("Type3") or "con" in s["font"] or "aterial" in s["font"] or "wesome" in s["font"]) \
                        and (icon := icon_font_text(text, s["font"])) is not None:
                    text = icon  # (a web tool's icon font: "\uf058", "check_circle" in colour)
                color = s["color"]
                if text[:1] >= "\u26aa" and (emoji := emoji_marker(text)) is not None:
                    text, color = emoji  # (a colour emoji "🟢": a green "●")
                stripped = text.strip()
                if not stripped:
                    continue
                font, flags = s["font"], s["flags"]
                if flags & _SUPERSCRIPT_FLAG and spans and s["size"] < 0.85 * spans[-1].size \
                        and _footnote_mark(stripped, spans[-1].text):
                    continue  # a footnote's mark, set small and raised after a word or figure ("97,0²")
                style = styles.get((font, flags))
                if style is None:
                    style = styles[(font, flags)] = _font_style(font, flags)
                    if font.startswith(OCR_FONTS):
                        ocr_font = True
                x0, y0, x1, y1 = s["bbox"] if turn is None else _turned(s["bbox"], turn)
                # round(v, 2) is slow (a correctly rounded decimal conversion); the spans of a
                # line share their top and bottom and a page has a handful of sizes: rounded once.
                # (Zero is not cached: 0.0 and -0.0 are equal keys but print differently.)
                ys = (y0, y1)
                if ys != last_ys or not (y0 and y1):
                    ry0, ry1 = xs.get(y0), xs.get(y1)  # (positions rounded once, as x's below)
                    if ry0 is None:
                        ry0 = round(y0, 2)
                        if y0:
                            xs[y0] = ry0
                    if ry1 is None:
                        ry1 = round(y1, 2)
                        if y1:
                            xs[y1] = ry1
                    last_ys, last_rys = ys, (ry0, ry1)
                size = s["size"]
                rsize = sizes.get(size)
                if rsize is None or not size:
                    rsize = sizes[size] = round(size, 2)
                # x positions repeat (margins, columns, tab stops): each rounded once.
                rx0 = xs.get(x0)
                if rx0 is None:
                    rx0 = round(x0, 2)
                    if x0:
                        xs[x0] = rx0
                rx1 = xs.get(x1)
                if rx1 is None:
                    rx1 = round(x1, 2)
                    if x1:
                        xs[x1] = rx1
                span = new_span(Span)
                span.__dict__.update({  # (not an assignment: Span.__setattr__ would see it)
                    "text": text, "bbox": (rx0, last_rys[0], rx1, last_rys[1]),
                    "font": font, "size": rsize, "bold": style[0], "italic": style[1],
                    "color": color,
                })
                spans.append(span)
                if "\u00ad" in text:
                    soft.append((bi, li, si, span))
                if "  " in stripped or "...." in stripped and _LEADER_WORD.search(stripped) \
                        or _CAMEL.search(stripped):
                    spaced.append((bi, li, si, span))
                if " " in stripped and _TRACKED.search(stripped):  # (letters set apart need spaces)
                    tracked.append((bi, li, si, span))
                if s.get("alpha", 255) == 0 or not s.get("char_flags", _PAINTED) & _PAINTED:
                    invisible.add(id(span))
            if spans:
                if len(spans) >= 4 and len(spans[1].text) == 1:
                    spans = _joined_letters(spans)
                lines.append(Line(spans, number))  # (positional: half the cost of keywords, per line)
    raw: dict[tuple[int, int], dict[str, Any]] = {}
    if soft or spaced or tracked:
        raw = _raw_lines(tp, data, {(bi, li) for bi, li, _, _ in soft + spaced + tracked})
        if soft:
            _drawn_hyphens(soft, raw)
        if tracked:
            _untrack(tracked, raw)
    del tp
    if lines and not any(s.bold for ln in lines for s in ln.spans):
        _emboldened(page, lines, turn)
    if len(lines) > 1:
        lines = drop_overprint(lines, invisible)
    drawn = hidden = 0
    if invisible:
        drawn = sum(len(s.text) for ln in lines for s in ln.spans if id(s) not in invisible)
        hidden = sum(len(s.text) for ln in lines for s in ln.spans if id(s) in invisible)

    drawings = _drawings(page, rotation)
    if spaced:  # (after the drawings: a text run into the next cell across its rule is cut at the rule, see rule_cuts)
        _split_spaced(lines, spaced, raw, turn, [d.bbox for d in drawings if d.kind == "vline"])
    images = [] if no_images else _image_looks(page, image_items, {} if cache is None else cache, _ImageInfo(page, dl))
    if turn is not None:
        drawings, images = _turn_shapes(drawings, images, turn, rotation % 180 == 90)
    rect = page.rect
    return RawPage(
        number=number,
        width=rect.width,
        height=rect.height,
        lines=lines,
        drawings=drawings,
        images=images,
        invisible_text=hidden > drawn,
        ocr_font=ocr_font,
        rotated=[ln for ln in rotated if ln.spans],
    )


def _rotated_line(ln: dict[str, Any], number: int, turn: pymupdf.Matrix | None) -> Line:
    """A line of text running up or down the page as one span: its text in reading order,
    its box on the page (upright, as shown)."""
    spans = [s for s in ln["spans"] if s["text"].strip()]
    if not spans:
        return Line([], number)
    box = ln["bbox"] if turn is None else _turned(ln["bbox"], turn)
    first = spans[0]
    bold, italic = _font_style(first["font"], first["flags"])
    text = nfc(" ".join("".join(s["text"] for s in spans).split()))
    x0, y0, x1, y1 = (round(v, 2) for v in box)
    return Line([Span(text, (x0, y0, x1, y1), first["font"], round(first["size"], 2),
                      bold, italic, first["color"])], number)


def _upright_when_turned(data: dict[str, Any], m: pymupdf.Matrix) -> bool:
    """Whether more of the page's lines run left to right as the page is shown (turned by
    ``m``) than as it is stored."""
    stored = shown = 0
    for block in data["blocks"]:
        for ln in block.get("lines", ()):
            dx, dy = ln.get("dir", (1, 0))
            stored += dx >= 0.96
            shown += dx * m.a + dy * m.c >= 0.96
    return shown >= stored


def _turned(bbox: tuple[float, float, float, float], m: pymupdf.Matrix) -> tuple[float, float, float, float]:
    """``bbox`` (unrotated page space) in the space of the page as shown (``m``: its
    ``rotation_matrix``)."""
    r = pymupdf.Rect(bbox) * m
    return (min(r.x0, r.x1), min(r.y0, r.y1), max(r.x0, r.x1), max(r.y0, r.y1))


def _turn_shapes(
    drawings: list[Drawing], images: list[Image], m: pymupdf.Matrix, quarter: bool
) -> tuple[list[Drawing], list[Image]]:
    """Paths and images of a rotated page in the space of the page as shown; a quarter turn
    makes horizontal rules vertical and the reverse."""
    swap = {"hline": "vline", "vline": "hline"} if quarter else {}
    out = []
    for d in drawings:
        box = tuple(round(v, 2) for v in _turned(d.bbox, m))
        out.append(Drawing(bbox=box, kind=swap.get(d.kind, d.kind), fill=d.fill, stroke=d.stroke))  # type: ignore[arg-type]
    for im in images:
        im.bbox = _turned(im.bbox, m)
    return out, images


class _Rounded(dict[float, float]):
    """``round(v, 2)`` of floats, each worked out once: the rules of a page's grids share their
    positions, and ``round`` with digits is a slow, correctly rounded decimal conversion. Zero
    is not kept (0.0 and -0.0 are one key but print differently)."""

    def __missing__(self, v: float) -> float:
        r = round(v, 2)
        if v:
            self[v] = r
        return r


def _cdrawings(page: pymupdf.Page, rotation: int | None = None) -> list[dict[str, Any]]:
    """``page.get_cdrawings()``; on a page known unturned (``rotation`` 0) straight from
    PyMuPDF's C extension, without its looking up the page's rotation (and its box) again."""
    if rotation != 0 or not getattr(pymupdf, "g_use_extra", False):
        return page.get_cdrawings()  # type: ignore[no-any-return]
    fz_page = page.this
    if isinstance(fz_page, pymupdf.mupdf.PdfPage):
        fz_page = pymupdf.mupdf.FzPage(fz_page)
    return pymupdf.extra.get_cdrawings(fz_page, None, None, None)  # type: ignore[no-any-return]


def _drawings(page: pymupdf.Page, rotation: int | None = None) -> list[Drawing]:
    """The page's vector paths: rules and rects by their items, anything else one shape.
    ``rotation``: the page's, when known."""
    drawings: list[Drawing] = []
    rd = _Rounded()  # (every coordinate below is a float)
    # get_cdrawings, not get_drawings: the same paths without a Point or Rect object made for
    # every coordinate (on pages of rules and boxes that conversion costs more than the text).
    for d in _cdrawings(page, rotation):
        paint = d.get("type", "")  # "f" fill, "s" stroke, "fs" both
        fill = _rgb(d.get("fill")) if "f" in paint else None
        stroke = _rgb(d.get("color")) if "s" in paint else None
        items = d["items"]
        first = items[0][0] if items else "l"  # (a path without items adds nothing)
        if first in ("l", "re", "qu") and all(it[0] == first for it in items):
            if first == "l" and 3 <= len(items) <= 8 and _box_path(items, bool(d.get("closePath"))):
                # A rectangle drawn as a closed path of lines (how a rect comes out of a
                # turned or skewed page, and how some drivers draw every box): one rect.
                x0, y0, x1, y1 = d["rect"]
                drawings.append(_rect(float(x0), float(y0), float(x1), float(y1), fill, stroke, rd))
                continue
            if first == "l" and fill is not None and len(items) >= 3 and (not dark_neutral(fill) or _small(d["rect"])) and any(
                abs(it[1][0] - it[2][0]) > 0.01 and abs(it[1][1] - it[2][1]) > 0.01 for it in items
            ):
                # A filled polygon with slanted sides (a triangle, a diamond: a status icon; dark
                # and small, a list's bullet drawn as a disc of lines), one shape with its fill,
                # not its sides as loose strokes.
                x0, y0, x1, y1 = d["rect"]
                drawings.append(Drawing((rd[float(x0)], rd[float(y0)], rd[float(x1)], rd[float(y1)]), "shape", fill, stroke))
                continue
            if first == "l" and fill is None and _drawn_symbol(items, d["rect"]):
                # A small stroked figure with a slanted stroke (a trend arrow, a check mark, a
                # cross): one shape, not its level and upright strokes as loose rules that would
                # sit between a table's row rules and cut its rows apart.
                x0, y0, x1, y1 = d["rect"]
                drawings.append(Drawing((rd[float(x0)], rd[float(y0)], rd[float(x1)], rd[float(y1)]), "shape", None, stroke))
                continue
            for it in items:
                if first == "l":
                    p, q = it[1], it[2]
                    drawings.append(_segment(float(p[0]), float(p[1]), float(q[0]), float(q[1]), stroke, rd))
                elif first == "re":
                    r = it[1]
                    drawings.append(_rect(float(r[0]), float(r[1]), float(r[2]), float(r[3]), fill, stroke, rd))
                else:
                    b = pymupdf.Quad(it[1]).rect
                    drawings.append(_rect(float(b.x0), float(b.y0), float(b.x1), float(b.y1), fill, stroke, rd))
            continue
        x0, y0, x1, y1 = d["rect"]
        box = (rd[float(x0)], rd[float(y0)], rd[float(x1)], rd[float(y1)])
        small = fill is not None and max(float(x1) - float(x0), float(y1) - float(y0)) <= ICON_AREA_MAX
        drawings.append(Drawing(box, "shape", fill, stroke, area=_path_area(items) if small else None))
    return drawings


ICON_AREA_MAX = 24.0  # points: the largest filled path whose own area is worked out


def _path_area(items: list[tuple[Any, ...]]) -> float:
    """The area a closed path of lines and Bézier curves encloses (shoelace over its corners and
    points along each curve), rounded to hundredths of a square point."""
    points: list[tuple[float, float]] = []
    for it in items:
        if it[0] == "l":
            points += [(float(it[1][0]), float(it[1][1])), (float(it[2][0]), float(it[2][1]))]
        elif it[0] == "c":
            (ax, ay), (bx, by), (cx, cy), (dx, dy) = (tuple(map(float, p)) for p in it[1:5])
            for t in (k / 8 for k in range(9)):
                u = 1 - t
                points.append((u**3 * ax + 3 * u * u * t * bx + 3 * u * t * t * cx + t**3 * dx,
                               u**3 * ay + 3 * u * u * t * by + 3 * u * t * t * cy + t**3 * dy))
        elif it[0] == "re":
            x0, y0, x1, y1 = map(float, it[1])
            return round(abs((x1 - x0) * (y1 - y0)), 2)
    twice = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True))
    return round(abs(twice) / 2, 2)


SYMBOL_MAX = 16.0  # points: the widest and tallest a stroked symbol drawn among text is
BULLET_MAX = 8.0  # points: the widest and tallest a bullet drawn as a polygon is


def _small(rect: Any) -> bool:
    x0, y0, x1, y1 = (float(v) for v in rect)
    return x1 - x0 <= BULLET_MAX and y1 - y0 <= BULLET_MAX


def _drawn_symbol(items: list[Any], rect: Any) -> bool:
    """Whether path ``items`` (all lines, stroked) draw a symbol: two lines or more, one of
    them slanted, within :data:`SYMBOL_MAX` each way."""
    x0, y0, x1, y1 = (float(v) for v in rect)
    return len(items) >= 2 and x1 - x0 <= SYMBOL_MAX and y1 - y0 <= SYMBOL_MAX and any(
        abs(it[1][0] - it[2][0]) > 0.01 and abs(it[1][1] - it[2][1]) > 0.01 for it in items)


def _box_path(items: list[Any], closed: bool) -> bool:
    """Whether path ``items`` (all lines) go round an upright rectangle: each line along one of
    its sides (a side may be drawn in pieces, as Impress draws a text box's frame), each
    starting where the last ended, back to the start (or ``closed``)."""
    xs = [float(v) for it in items for v in (it[1][0], it[2][0])]
    ys = [float(v) for it in items for v in (it[1][1], it[2][1])]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    x_a, y_a = items[0][1]
    px, py = x_a, y_a
    for it in items:
        (x0, y0), (x1, y1) = it[1], it[2]
        if abs(x0 - px) > 0.01 or abs(y0 - py) > 0.01:
            return False
        level = abs(y1 - y0) <= 0.01 and min(abs(y0 - top), abs(y0 - bottom)) <= 0.05
        upright = abs(x1 - x0) <= 0.01 and min(abs(x0 - left), abs(x0 - right)) <= 0.05
        if not (level or upright):
            return False
        px, py = x1, y1
    if right - left <= 0.05 or bottom - top <= 0.05:
        return False
    return closed or (abs(px - x_a) <= 0.01 and abs(py - y_a) <= 0.01)


def _segment(
    x0: float, y0: float, x1: float, y1: float, stroke: int | None, rd: _Rounded | None = None
) -> Drawing:
    """A line from (x0, y0) to (x1, y1); ``rd`` rounds floats (None: ``round``, any number)."""
    if abs(y1 - y0) <= 1.5:
        kind = "hline"
    elif abs(x1 - x0) <= 1.5:
        kind = "vline"
    else:
        kind = "shape"
    if rd is None:
        box = (round(min(x0, x1), 2), round(min(y0, y1), 2), round(max(x0, x1), 2), round(max(y0, y1), 2))
    else:
        box = (rd[min(x0, x1)], rd[min(y0, y1)], rd[max(x0, x1)], rd[max(y0, y1)])
    return Drawing(box, kind, None, stroke)  # type: ignore[arg-type]


def _rect(
    x0: float, y0: float, x1: float, y1: float, fill: int | None, stroke: int | None,
    rd: _Rounded | None = None,
) -> Drawing:
    """A rect, or a rule when it is thin; ``rd`` rounds floats (None: ``round``, any number)."""
    if x1 < x0:  # (as sorted() orders the two)
        x0, x1 = x1, x0
    if y1 < y0:
        y0, y1 = y1, y0
    box = (round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)) if rd is None else (rd[x0], rd[y0], rd[x1], rd[y1])
    if y1 - y0 <= 1.5:
        return Drawing(box, "hline", fill, stroke)  # (positional: cheaper than keywords)
    if x1 - x0 <= 1.5:
        return Drawing(box, "vline", fill, stroke)
    return Drawing(box, "rect", fill, stroke)


def render_gray(page: pymupdf.Page, dpi: int) -> bytes:
    """The page as a grayscale PGM image at ``dpi``, for OCR.

    PGM, not PNG: Tesseract reads both, and PNG compression costs about 0.2 s a page at
    200 dpi, a tenth of the OCR itself; the uncompressed image goes straight to Tesseract's stdin.
    """
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    if negative(pix.samples):
        pix.invert_irect(pix.irect)  # a microfilm negative: white type on black, read as printed
    return pix.tobytes("pnm")


def negative(samples: bytes) -> bool:
    """Whether a grayscale page image is a negative: nearly all of it dark, a little of it light
    (the type), as a microfilm copy prints. A dark photograph has no such thin light strokes."""
    import numpy as np

    pixels = np.frombuffer(samples, dtype=np.uint8)
    light = float((pixels > 160).mean())
    return float((pixels < 64).mean()) > 0.6 and 0.002 < light < 0.3


# Annotations a reader adds on top of the document (comments, sticky notes, highlights, ink,
# stamps): no part of its content. Form fields (widgets) and links stay.
_REVIEW_MARKS = frozenset({
    "Text", "FreeText", "Line", "Square", "Circle", "Polygon", "PolyLine", "Highlight", "Underline", "Squiggly",
    "StrikeOut", "Caret", "Ink", "Popup", "FileAttachment", "Sound", "Stamp",
})


def without_review_marks(pdf: pymupdf.Document) -> int:
    """Remove the reviewers' annotations from the (in-memory) document ``pdf``: MuPDF would
    otherwise read a FreeText comment as a line of the page and render a sticky note's icon
    as a status mark. How many were removed."""
    removed = 0
    for number in range(pdf.page_count):
        page = pdf[number]
        if not page.first_annot:
            continue
        for annot in [a for a in page.annots() if a.type[1] in _REVIEW_MARKS]:
            page.delete_annot(annot)
            removed += 1
    return removed
