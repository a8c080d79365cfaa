"""Tables rebuilt from positioned text: unruled tables, OCR'd layers and scans.

A table without rules is only text set in columns. Given a header row (the caller decides
which rows are headers, e.g. by their vocabulary labels), the columns start where the header's
words start; the rows below are split into cells by the x of their words until the text no
longer fits the columns (a paragraph across them, a heading, a wide vertical gap). A row with
text only in the first column continues the cell above it (a wrapped name).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from planparse.reading.model import BBox, Cell, Line, Row, Span, Table, line_gap, union
from planparse.reading.rule_cuts import abutting
from planparse.reading.tables import mend_broken_words
from planparse.text.assemble import list_item
from planparse.text.fold import fold
from planparse.text.numbers import parse_number

# How far left of a column's start a word may begin and still belong to it (points).
_SLACK = 6.0
_SURE_STATUS = 0.86  # the least confidence of a lone row's status label (a column's evidence)


def visual_rows(lines: list[Line]) -> list[list[Line]]:
    """Lines of one page grouped by baseline (their vertical centres within half a line),
    top to bottom, each row left to right."""
    # Each line with its box, read once: (box, line) pairs sort as the lines would by box.
    rows: list[list[tuple[BBox, Line]]] = []
    for b, ln in sorted(((ln.bbox, ln) for ln in lines), key=lambda bl: (round(bl[0][1], 1), bl[0][0])):
        yc = (b[1] + b[3]) / 2
        if rows:
            last = rows[-1]
            ref = last[0][0]
            h = max(ref[3] - ref[1], 1.0)
            if abs((ref[1] + ref[3]) / 2 - yc) < 0.5 * h:
                last.append((b, ln))
                last.sort(key=lambda bl: bl[0][0])
                continue
        rows.append([(b, ln)])
    return [[ln for _, ln in row] for row in rows]


# What OCR makes of a table's vertical rules: never a word of a cell.
_RULES = frozenset({"|", "||", "¦", "[", "]"})


# What OCR reads from a speck of dirt or a faint glyph: never a value ("(%)" and "-" are).
_SPECKS = frozenset("=:;.,'\"‘’“”`~_^*°")
_RULE_GLYPHS = frozenset("|¦[]")  # a rule's pieces, in a header label made of nothing else ("_|")


def _spans(row: list[Line]) -> list[Span]:
    out: list[Span] = []
    for ln in row:
        for k, s in enumerate(ln.spans):
            # (a line's leading bullet stays, however flat its box: a sub-row's dash, "- Motivation")
            bullet = k == 0 and len(ln.spans) > 1 and s.text.strip() in _BULLET_GLYPHS
            if not bullet and (not _word(s, ln.method) or ln.method != "native" and _sliver(ln.spans, k)):
                continue
            if ln.method != "native":  # (an OCR'd word may carry a rule or an icon glued to it)
                if s.text[:1] in _RULE_GLYPHS:
                    s = _without_rule(s)
                if s.text.rstrip()[-1:] in _ICON_GLYPHS and sum(ch.isalpha() for ch in s.text) >= 3:
                    out.extend(_icon_apart(s))
                    continue
            out.append(s)
    return sorted(out, key=lambda s: s.bbox[0])


def _sliver(spans: list[Span], k: int) -> bool:
    """A word of one narrow character on an OCR'd layer ("1" or "f" a tenth as wide as high)
    standing apart, further than a line's height from the words beside it: a speck, alone on its
    line or merged into a row with its neighbours ("i" between two words is Swedish's "in")."""
    x0, y0, x1, y1 = spans[k].bbox
    if len(spans[k].text.strip()) != 1 or x1 - x0 >= 0.12 * (y1 - y0):
        return False
    return (k == 0 or x0 - spans[k - 1].bbox[2] > y1 - y0) and (k + 1 == len(spans) or spans[k + 1].bbox[0] - x1 > y1 - y0)


_ICON_GLYPHS = frozenset("®©@")  # what an English OCR reads a status icon as


def _icon_apart(span: Span) -> list[Span]:
    """An OCR'd word with the status icon after it glued on ("budgetavvikelse®"): the word and
    the icon, its box as wide as the line is high (an icon is square; it stands in the next column)."""
    text = span.text.rstrip()
    x0, y0, x1, y1 = span.bbox
    cut = round(max(x0, x1 - max((x1 - x0) / max(len(text), 1), y1 - y0)), 2)
    return [Span(text=text[:-1], bbox=(x0, y0, cut, y1), size=span.size, font=span.font, bold=span.bold,
                 italic=span.italic, color=span.color),
            Span(text=" " + text[-1] + span.text[len(text):], bbox=(cut, y0, x1, y1), size=span.size,
                 font=span.font, bold=span.bold, italic=span.italic, color=span.color)]


def _without_rule(span: Span) -> Span:
    """An OCR'd word glued to the rule before it ("| 8"): the word alone, its box from where it
    starts (the characters' share of the box)."""
    m = re.match(r"[|¦\[\]]\s+(?=\S)", span.text)
    if m is None:
        return span
    x0, y0, x1, y1 = span.bbox
    cut = x0 + (x1 - x0) * m.end() / max(len(span.text.rstrip()), 1)
    return Span(text=span.text[m.end():], bbox=(round(cut, 2), y0, x1, y1), size=span.size,
                font=span.font, bold=span.bold, italic=span.italic, color=span.color)


def _word(span: Span, method: str) -> bool:
    """A word of a cell: not a rule, and on an OCR'd layer not a speck read as punctuation
    ('=', '"', '.'); a lone dash is a value ("no figure") and stays."""
    text = span.text.strip()
    if not text or text in _RULES:
        return False
    if method != "native" and (span.bbox[3] - span.bbox[1] < 1.5 or span.bbox[2] - span.bbox[0] < 0.1):
        return False  # a box without height or width: a speck OCR read as a letter ("I", "i", "f")
    if method == "ocr" and text in _DASHES and span.bbox[3] - span.bbox[1] > 2 * (span.bbox[2] - span.bbox[0]):
        # a dash taller than wide: a stroke (a rule's piece, a scratch) read as one. (Tesseract's
        # own boxes fit the ink; a PDF's OCR layer boxes every word as tall as its font.)
        return False
    return method == "native" or not set(text) <= _SPECKS


def _phrases(header: list[Line]) -> list[list[Span]]:
    """A header row's words grouped into column labels. A born-digital line's spans are its
    labels already; on an OCR'd layer every word is its own span, and words closer than about
    a letter height belong to one label ("Verksamhetens" "aktiviteter"), a wider gap starts
    the next column, and so does a rule read as "|" between two words."""
    spans = _spans(header)
    if header and header[0].method == "native":
        return _stacked(_word_runs(spans))
    # (a rule OCR read as "|" between two words parts their labels however close they stand)
    rules = [(r.bbox[0] + r.bbox[2]) / 2 for ln in header for r in ln.spans if r.text.strip() in _RULES]
    out: list[list[Span]] = []
    for s in spans:
        if out:
            prev = out[-1][-1]
            if s.bbox[0] - prev.bbox[2] < max(0.9 * max(s.size, prev.size, 1.0), _word_space(s)) \
                    and not any(prev.bbox[0] < x < s.bbox[0] for x in rules):
                out[-1].append(s)
                continue
        out.append([s])
    # A speck OCR read where a label was (":" for a faint "Mål", "_|" for a rule) is no
    # column: it would cut the column before it short.
    return _stacked(_joined_labels([p for p in out if not set(_label(p).replace(" ", "")) <= _SPECKS | _RULE_GLYPHS]))


def _word_runs(spans: list[Span]) -> list[list[Span]]:
    """A born-digital line's spans are its labels, save where a producer set each word apart (no
    space characters in the layer): neighbours on one baseline less than a word space apart
    (0.4 em; cells stand a padding or more apart) are one label ("Utfall" "2025")."""
    out: list[list[Span]] = []
    for s in spans:
        if out:
            prev = out[-1][-1]
            size = max(s.size, prev.size, 1.0)
            if -0.5 <= s.bbox[0] - prev.bbox[2] < 0.4 * size and abs(s.yc - prev.yc) < 0.3 * size:
                out[-1].append(s)
                continue
        out.append([s])
    return out


def _past_bullet(spans: list[Span]) -> Span | None:
    """The word after a leading bullet (one an OCR may have made of a speck), else the first."""
    if len(spans) > 1 and spans[0].text.strip() in _BULLET_GLYPHS:
        return spans[1]
    return spans[0] if spans else None


def _text_start(row: list[Line]) -> float:
    """Where a row's lines start, a leading bullet aside (:func:`_past_bullet`)."""
    def start(ln: Line) -> float:
        first = _past_bullet(ln.spans)
        return ln.x0 if first is None or first is ln.spans[0] else first.bbox[0]
    return min(start(ln) for ln in row)


_BULLET_GLYPHS = frozenset({"•", "▪", "◦", "●"})


def _joined_labels(phrases: list[list[Span]]) -> list[list[Span]]:
    """An OCR'd header's label parted at a gap a little wider than its words' (their boxes cut
    to the ink) joined again: a word that is no label of the vocabulary with the next, within
    twice the letters' height, where the two are one ("Verksamhetens" "aktiviteter")."""
    from planparse import vocabulary

    out: list[list[Span]] = []
    for p in phrases:
        if out:
            prev = out[-1]
            gap, size = p[0].bbox[0] - prev[-1].bbox[2], max(p[0].size, prev[-1].size, 1.0)
            if 0 <= gap < 2 * size and vocabulary.match_label(_label(prev)) is None \
                    and (m := vocabulary.match_label(f"{_label(prev)} {_label(p)}")) is not None and m.confidence >= 0.9:
                out[-1] = prev + p
                continue
        out.append(p)
    return out


def _split_at_body_starts(phrases: list[list[Span]], body: list[list[Line]]) -> list[list[Span]]:
    """An OCR'd header's labels set closer than a letter height ("Riskvärde Kontrollmetod") split
    where the body shows two columns: words of two rows or more start under the label's first
    word and under a later one, and no body word runs across either start."""
    words = [s for vr in body for s in _spans(vr)]

    def column_at(x: float) -> bool:
        return _column_at(words, x)

    out: list[list[Span]] = []
    for p in phrases:
        out.append([p[0]])
        for s in p[1:]:
            # (both labels' columns left-aligned in the body: figures set right under "Utfall
            # helår 2023" may start under its year by chance)
            # (not a label's second line under its first: "Investeringsprojekt," / "tkr")
            if _wordy(s.text) and any(_wordy(w.text) for w in out[-1]) and column_at(s.bbox[0]) \
                    and column_at(out[-1][0].bbox[0]) and abs(s.bbox[0] - out[-1][0].bbox[0]) > _SLACK / 2:
                out.append([s])
            else:
                out[-1].append(s)
    return out


def _column_at(words: list[Span], x: float) -> bool:
    """Whether body ``words`` of two rows or more start at ``x`` and none runs across it."""
    starting = [w for w in words if abs(w.bbox[0] - x) <= _SLACK / 2]
    if any(_word_after(v, w) and not (parse_number(v.text) is not None and parse_number(w.text) is not None)
           for w in starting for v in words):
        return False  # a sentence's next word ("Vi arbetar", "Vi gör": rows that open alike), no column (a figure after a figure may be)
    under = {round(w.yc) for w in starting}
    return len(under) >= 2 and not any(w.bbox[0] < x - _SLACK / 2 and w.bbox[2] > x + _SLACK / 2 for w in words)


def _body_column(x: float, starts: list[Span], words: list[Span]) -> bool:
    """Whether a column of the body starts at ``x``: words of ``starts`` begin there on two rows
    or more, and fewer rows have a word of ``words`` across it (a row across the columns, a
    comment under an activity, may cross it)."""
    starting = {round(w.yc) for w in starts if abs(w.bbox[0] - x) <= _SLACK / 2}
    crossing = {round(w.yc) for w in words if w.bbox[0] < x - _SLACK / 2 and w.bbox[2] > x + _SLACK / 2}
    return len(starting) >= 2 and len(crossing) < len(starting)


def _narrowed_labels(phrases: list[list[Span]], body: list[list[Line]]) -> list[list[Span]]:
    """OCR'd header labels of one word boxed far wider than their letters (a dark header band
    read into the box: "[status" from 270 to 532 pt) starting where the body's column under
    them starts: the leftmost start of body words of two rows or more inside the box."""
    words = [w for vr in body for w in _spans(vr)]
    if not words:
        return phrases
    size = sorted(w.bbox[3] - w.bbox[1] for w in words)[len(words) // 2]  # (a box's size says little)
    out = []
    for k, p in enumerate(phrases):
        s = p[0]
        if len(p) == 1 and s.bbox[2] - s.bbox[0] > 2.5 * 0.6 * size * max(len(s.text.strip()), 1):
            end = min(s.bbox[2], phrases[k + 1][0].bbox[0] if k + 1 < len(phrases) else s.bbox[2]) - _SLACK
            starts = sorted({round(w.bbox[0], 1) for w in words if s.bbox[0] + _SLACK < w.bbox[0] < end})
            x = next((x for x in starts if _body_column(x, words, words)), None)
            if x is not None:
                p = [Span(text=s.text, bbox=(x, s.bbox[1], max(x + 1.0, min(s.bbox[2], x + 0.6 * size * len(s.text))), s.bbox[3]),
                          size=s.size, font=s.font, bold=s.bold, italic=s.italic, color=s.color)]
        out.append(p)
    return out


def _centred_labels(phrases: list[list[Span]], body: list[list[Line]]) -> list[list[Span]]:
    """Header labels centred over their columns, moved to where the body's column under each
    starts: the leftmost start of body words of two rows or more between the label before's end
    and the label's start (and fewer rows' words across it), where the body has no column at the
    label itself. Labels set at their columns' left edge stay."""
    words = [w for vr in body for w in _spans(vr) if w.text.strip()]
    if len(phrases) < 2 or not words:
        return phrases
    # a cell's first word: no word of its row ends less than a letter's height before it
    firsts: list[Span] = []
    for vr in body:
        ws = [x for x in _spans(vr) if x.text.strip()]
        firsts.extend(w for w in ws if not any(
            o is not w and w.bbox[0] - (w.bbox[3] - w.bbox[1]) < o.bbox[2] <= w.bbox[0] + 1 for o in ws))

    right = max(w.bbox[2] for w in words)
    out: list[list[Span]] = []
    for k, p in enumerate(phrases):
        s = p[0]
        lo = out[-1][-1].bbox[2] + _SLACK if out else min(w.bbox[0] for w in words) - 1
        end = phrases[k + 1][0].bbox[0] - _SLACK if k + 1 < len(phrases) else right  # (the column's end at most)
        middle = (s.bbox[0] + p[-1].bbox[2]) / 2
        if not any(_body_column(w.bbox[0], firsts, words) for w in firsts if abs(w.bbox[0] - s.bbox[0]) <= _SLACK):
            # (the label about the middle of the column starting at x)
            x = next((x for x in sorted({round(w.bbox[0], 1) for w in firsts if lo < w.bbox[0] < s.bbox[0] - _SLACK})
                      if _body_column(x, firsts, words) and abs((x + end) / 2 - middle) <= 0.25 * (end - x)), None)
            if x is not None:
                p = [Span(text=s.text, bbox=(x, s.bbox[1], x + s.bbox[2] - s.bbox[0], s.bbox[3]), size=s.size, font=s.font,
                          bold=s.bold, italic=s.italic, color=s.color), *p[1:]]
        out.append(p)
    return out


def _on_line_of(word: Span, other: Span) -> bool:
    """Whether ``word`` stands on ``other``'s line (their middles less than half its height apart)."""
    return abs(word.yc - other.yc) < 0.5 * (other.bbox[3] - other.bbox[1])


def _word_after(before: Span, word: Span) -> bool:
    """Whether ``word`` follows ``before`` on its line a word space or so after it."""
    return _on_line_of(before, word) and 0 <= word.bbox[0] - before.bbox[2] <= 1.5 * _word_space(word)


def _dropped_rows(vr: list[Line], gap: float, h: float, starts: list[float], ends: Sequence[float]) -> bool:
    """Whether an OCR'd row after a gap of up to six line heights still belongs to the table:
    an OCR of the whole page leaves a sparse table's sub-rows ("K", "M" and their figures) unread,
    and the rows after them stand that far below. The row must name its row in the first column
    and fill a later one, fitting the columns."""
    if vr[0].method == "native" or gap > 6 * h:
        return False
    spans = _spans(vr)
    cols = {_column_of(s, starts, ends, ocr=True) for s in spans}
    return 0 in cols and len(cols) >= 2 and _fits(vr, starts, max(ends[-1], starts[-1] + 120), ends)


def _strays_to_next_column(by_col: dict[int, list[Span]], starts: list[float], space: float | None) -> None:
    """An OCR'd cell's last word of one or two characters, set far from its text and right
    against the next column's start, where that column's cell on the line has words, goes to
    that column, in place: what Tesseract read off the edge of an icon leading the next cell
    ("varje    7 Pe Pågående"), not the end of this cell's sentence."""
    if space is None:
        return
    for col in sorted(by_col):
        words = by_col[col]
        if col + 1 >= len(starts) or len(words) < 2:
            continue
        last = max(words, key=lambda w: w.bbox[2])
        line = [w for w in words if w is not last and _on_line_of(w, last)]
        before = max(line, key=lambda w: w.bbox[2], default=None)  # its neighbour on its own line
        beside = [w for w in by_col.get(col + 1, []) if _on_line_of(w, last)]
        if before is not None and beside and len(last.text.strip()) <= 2 \
                and last.bbox[0] - before.bbox[2] > 4 * space and starts[col + 1] - last.bbox[2] < 3 * space:
            by_col[col] = [w for w in words if w is not last]
            by_col.setdefault(col + 1, []).insert(0, last)


def _unlabelled_columns(phrases: list[list[Span]], body: list[list[Line]]) -> list[list[Span]]:
    """An OCR'd header that lost a short label ("Risk" between "Rutin/process" and "Riskvärde"):
    the body shows the column all the same. Words of two rows or more start at one x well
    past a label's end and before the next label, no body word runs across that x, and on
    some row the column to its left holds a word too, a gutter apart. In a table of one row
    (an activity's title, status and date) one row is enough where its words from that x to
    the next label are a status label of the vocabulary ("Avbruten", "Pågående enligt plan"),
    a letter's gutter apart: two rows can't show it, and a status is the label such a header
    loses (white type on a band). The column is added with an empty label (an empty span at
    its start); the caller decides its role."""
    words = [s for vr in body for s in _spans(vr) if _wordy(s.text)]
    out: list[list[Span]] = []
    for k, p in enumerate(phrases):
        out.append(p)
        nxt = phrases[k + 1][0].bbox[0] if k + 1 < len(phrases) else None
        size = max(max(s.size for s in p), 6.0)
        lo, hi = max(s.bbox[2] for s in p) + 3 * size, (nxt - 2 * size) if nxt is not None else None
        for x in sorted({round(w.bbox[0]) for w in words if w.bbox[0] >= lo and (hi is None or w.bbox[0] <= hi)}):
            at = [w for w in words if abs(w.bbox[0] - x) <= _SLACK / 2]
            rows = {round(w.yc) for w in at}
            # a gutter: no word runs across x or ends within two letters left of it (a lone
            # status: no word runs across x, and its row's word before it ends a letter left)
            lone = len(rows) == 1
            gutter = size if lone else 2 * size
            crossed = any(w.bbox[0] < x - _SLACK / 2 and w.bbox[2] > x - (_SLACK / 2 if lone else gutter) for w in words)
            shared = any(w.bbox[2] <= x - gutter and abs(w.yc - a.yc) < 0.5 * size and abs(w.bbox[0] - p[0].bbox[0]) <= 2 * _SLACK
                         for a in at for w in words)
            if not crossed and shared and (not lone or _lone_status(at[0], words, nxt, gutter)):
                y0, y1 = p[0].bbox[1], p[0].bbox[3]
                out.append([Span(text="", bbox=(float(x), y0, float(x), y1), size=p[0].size)])
                break
    return out


def _lone_status(first: Span, words: list[Span], nxt: float | None, gutter: float) -> bool:
    """Whether the words of ``first``'s row from it to the next label (``nxt``) are a status
    label of the vocabulary, surely ("Avbruten", "Pågående enligt plan"), and the row's word
    before it ends a ``gutter`` left of it (no word space inside a cell's text)."""
    from planparse import vocabulary

    h = max(first.bbox[3] - first.bbox[1], 1.0)
    row = sorted((w for w in words if abs(w.yc - first.yc) < 0.5 * h), key=lambda w: w.bbox[0])
    before = [w for w in row if w.bbox[0] < first.bbox[0] - 1]
    if before and before[-1].bbox[2] > first.bbox[0] - gutter:
        return False
    text = " ".join(w.text.strip() for w in row if w.bbox[0] >= first.bbox[0] - 1 and (nxt is None or w.bbox[0] < nxt - _SLACK))
    found = vocabulary.match_status(text)
    return found is not None and found.confidence >= _SURE_STATUS


def _without_crossed(phrases: list[list[Span]], body: list[list[Line]]) -> list[list[Span]]:
    """An OCR'd header without a short "label" of one word (three characters at most) under
    which no body word starts while a body word runs across its start: Tesseract read it off
    something in the header's band ("Status Ear Slutdatum"), and as a column it would cut the
    cells it stands over."""
    words = [s for vr in body for s in _spans(vr) if sum(ch.isalpha() for ch in s.text) >= 2]

    def junk(p: list[Span]) -> bool:
        x = p[0].bbox[0]
        return len(p) == 1 and len(_label(p)) <= 3 \
            and any(w.bbox[0] < x - _SLACK / 2 and w.bbox[2] > x + _SLACK / 2 for w in words) \
            and not any(abs(w.bbox[0] - x) <= _SLACK / 2 for w in words)

    return [p for k, p in enumerate(phrases) if k == 0 or not junk(p)]


def _without_speck(label: str) -> str:
    """A label without a last word of no letter or figure: a speck OCR read after it
    ("Beskrivnin §")."""
    words = label.split()
    return " ".join(words[:-1]) if len(words) >= 2 and not any(ch.isalnum() for ch in words[-1]) else label


def _wordy(text: str) -> bool:
    """Two letters or figures at least: a label's word, no speck ("—", "|")."""
    return sum(ch.isalnum() for ch in text) >= 2


def _stacked(phrases: list[list[Span]]) -> list[list[Span]]:
    """Phrases of a header set on two lines: a label's wrapped rest, on the line below and
    starting under it ("Verksamhetens" / "aktiviteter"), is one label with it, top line first."""
    out: list[list[Span]] = []
    for p in phrases:
        if out:
            last = out[-1]
            h = max(s.bbox[3] - s.bbox[1] for s in last)
            if p[0].bbox[0] < max(s.bbox[2] for s in last) - 1 and abs(p[0].bbox[1] - last[0].bbox[1]) > 0.5 * h:
                out[-1] = [*last, *p] if p[0].bbox[1] > last[0].bbox[1] else [*p, *last]
                continue
        out.append(p)
    return out


def _label(phrase: list[Span]) -> str:
    out = ""
    for k, s in enumerate(phrase):
        text = s.text.strip()
        # a word broken at its narrow cell's edge without a hyphen: its rest, under it, is no
        # word of its own ("Startdatu" / "m")
        glued = k and s.bbox[1] > phrase[k - 1].bbox[3] - 1 and _BROKEN_REST.fullmatch(text) and out[-1:].isalpha()
        out += text if glued or not out else " " + text
    return out


_BROKEN_REST = re.compile(r"[b-df-hj-np-tv-xz]{1,3}")  # a lower-case piece without a vowel ("m", "nd")


def _column(x0: float, starts: list[float]) -> int:
    col = 0
    for i, start in enumerate(starts):
        if x0 >= start - _SLACK:
            col = i
    return col


def _column_of(s: Span, starts: list[float], ends: Sequence[float] = (), ocr: bool = False) -> int:
    """The column of a word: the one it starts in, or the next one when the word is set
    right-aligned under that column's label (a number wider than its label, "1 300" under
    "Mål"), ending where the label ends and starting clear of its own column's label. An
    OCR'd number whose box reaches over the next column's start belongs to that column, and
    so does an OCR'd word whose box lies mostly past it: a speck left of it stretched its box
    ("50" boxed from the name column's gutter)."""
    col = _column(s.bbox[0], starts)
    if ocr and col + 1 < len(starts) and s.bbox[0] < starts[col + 1] - _SLACK < s.bbox[2] and (
        parse_number(s.text) is not None or s.bbox[2] - starts[col + 1] > starts[col + 1] - s.bbox[0]
    ):
        return col + 1
    if col + 1 < len(ends) and abs(s.bbox[2] - ends[col + 1]) <= _SLACK and s.bbox[0] > ends[col] + _SLACK:
        return col + 1
    return col


def _fits(row: list[Line], starts: list[float], right: float, ends: Sequence[float] = ()) -> bool:
    """Every word starts inside a column and none runs far into the next column's start
    (a paragraph set across the columns does), and, on an OCR'd layer, no two words one word
    space apart sit either side of a column start (a sentence, not two cells)."""
    prev: Span | None = None
    prev_col = 0
    ocr = row[0].method != "native"
    space = _row_word_space(row, starts, ends) if ocr else None
    spans = _spans(row)
    words = _ocr_words(spans, starts, ends, space) if ocr else spans
    cut = {id(s) for s in words} - {id(s) for s in spans}  # the halves of a glued word cut at a column start
    for s in words:
        if s.bbox[0] < starts[0] - 2 * _SLACK or s.bbox[0] > right + 2 * _SLACK:
            return False
        col = _column_of(s, starts, ends, ocr=ocr)
        if col + 1 < len(starts) and s.bbox[2] > starts[col + 1] + 3 * _SLACK:
            return False
        if prev is not None and ocr and prev_col != col and s.bbox[0] - prev.bbox[2] < _word_space(s) \
                and (space is None or s.bbox[0] - prev.bbox[2] < 2 * space) and not _dash(prev.text) \
                and s.text.strip() not in _ICON_GLYPHS and id(s) not in cut and not _value_at_start(s, starts[col]):
            # OCR'd words one space apart across a column start: a sentence (an icon's glyph,
            # a glued word's rest cut at the start, a figure set at the start are none)
            return False
        prev, prev_col = s, col
    return True


_DASHES = frozenset({"—", "–", "-"})


def _dash(text: str) -> bool:
    """A dash, also with specks read beside it ("—_", "-."): one glyph of a rule or an icon's
    edge."""
    return "".join(ch for ch in text.strip() if ch not in _SPECKS) in _DASHES


def _value_at_start(s: Span, start: float) -> bool:
    """A figure or a capitalised word set where its column starts, within a third of the slack
    ("212" under "2026" after a name run on to a space of it, "Andel" under "Mått" after a
    source as long as its cell, a date after a status as long as its cell): a cell's value, no
    word of a sentence."""
    return abs(s.bbox[0] - start) <= _SLACK / 3 and (
        parse_number(s.text) is not None or s.text[:1].isupper() or _DATE.fullmatch(s.text.strip()) is not None)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _ocr_words(spans: list[Span], starts: list[float], ends: Sequence[float], space: float | None) -> list[Span]:
    """An OCR'd row's words as cells take them: a word run over a column's start cut there
    (:func:`_glued_apart`), a right-aligned cell's words one span (:func:`_set_right`)."""
    return _set_right(_glued_apart(spans, starts), starts, ends, space)


def _set_right(spans: list[Span], starts: list[float], ends: Sequence[float], space: float | None) -> list[Span]:
    """An OCR'd row's words with a right-aligned cell's words made one span: the words that end
    a line, a word space or so apart, the last where a later column's label ends and the first
    left of that label, far from the words before them ("… varje vecka      Arbetslag Krabban"
    under "Ansvarig"), as a born-digital layer gives them (:func:`_column_of` then finds its column)."""
    if len(spans) < 2 or len(ends) < 2:
        return spans
    last = max(spans, key=lambda w: w.bbox[2])
    line = sorted((w for w in spans if _on_line_of(w, last)), key=lambda w: w.bbox[0])
    col = next((c for c in range(1, len(ends)) if abs(last.bbox[2] - ends[c]) <= _SLACK), None)
    step = space or _word_space(last)
    k = len(line) - 1
    while k > 0 and line[k].bbox[0] - line[k - 1].bbox[2] <= 1.5 * step:
        k -= 1
    if col is None or k == 0 or k == len(line) - 1 or line[k].bbox[0] >= starts[col] - _SLACK \
            or line[k].bbox[0] - line[k - 1].bbox[2] < 4 * step or line[k].bbox[0] <= ends[col - 1] + _SLACK:
        return spans
    head = line[k]
    cell = Span(text=" ".join(w.text.strip() for w in line[k:]) + " ", bbox=union([w.bbox for w in line[k:]]),
                font=head.font, size=head.size, bold=head.bold)
    taken = {id(w) for w in line[k:]}
    return sorted([w for w in spans if id(w) not in taken] + [cell], key=lambda w: w.bbox[0])


def _glued_apart(spans: list[Span], starts: list[float]) -> list[Span]:
    """An OCR'd row's words with a word that runs over a column's start cut where two cells'
    texts abut ("socialpsykiatrEj": a name run on past its cell up to the status): a capital
    after a small letter or figure, the cut where the column starts."""
    out: list[Span] = []
    for s in spans:
        x0, y0, x1, y1 = s.bbox
        start = next((x for x in starts if x0 < x - _SLACK / 2 and x1 > x + _SLACK / 2), None)
        text = s.text.rstrip()
        glue = [k for k in abutting(text) if 2 <= k < len(text) - 1]
        if start is None or not glue:
            out.append(s)
            continue
        at = len(text) * (start - x0) / (x1 - x0)
        k = min(glue, key=lambda k: abs(k - at))
        cut = round(max(start, x0 + 1.0), 2)
        out += [Span(text=text[:k], bbox=(x0, y0, cut - 0.5, y1), size=s.size, font=s.font, bold=s.bold),
                Span(text=" " + s.text[k:], bbox=(cut, y0, x1, y1), size=s.size, font=s.font, bold=s.bold)]
    return out


def _edge_dashes(spans: list[Span], starts: list[float], method: str) -> list[Span]:
    """An OCR'd row's words without a lone dash that ends a cell's text set against the next
    column's first word (the edge of an icon or a rule read as "—": "med ny — Påbörjad"); a
    dash alone in its cell is a value ("no figure") and stays."""
    if method == "native":
        return spans
    return [
        s for k, s in enumerate(spans)
        if not (_dash(s.text) and 0 < k < len(spans) - 1
                and _column(spans[k - 1].bbox[0], starts) == _column(s.bbox[0], starts)
                and _column(spans[k + 1].bbox[0], starts) > _column(s.bbox[0], starts)
                and spans[k + 1].bbox[0] - s.bbox[2] < _word_space(s))
    ]


def _word_space(s: Span) -> float:
    return 0.75 * max(s.bbox[3] - s.bbox[1], 1.0)


def _row_word_space(row: list[Line], starts: list[float], ends: Sequence[float]) -> float | None:
    """The median gap between neighbouring words of one cell on one line of an OCR'd row, given
    three such gaps or more: the row's own word space, where a tall box (a line with descenders
    set in a taller box) makes a word's height a poor measure of it."""
    gaps = sorted(
        b.bbox[0] - a.bbox[2]
        for ln in row for a, b in itertools.pairwise(ln.spans)
        if _column_of(a, starts, ends, ocr=True) == _column_of(b, starts, ends, ocr=True)
    )
    return gaps[len(gaps) // 2] if len(gaps) >= 3 else None


def _full_width(row: list[Line], starts: list[float], right: float) -> bool:
    """A row set across the columns inside the table's width (a comment or description row)."""
    spans = _spans(row)
    first = _past_bullet(spans)
    return first is not None and first.bbox[0] >= starts[0] - _SLACK and max(s.bbox[2] for s in spans) <= right + 2 * _SLACK


def _row(cells_spans: dict[int, list[Span]], page: int, method: str) -> Row:
    cells = []
    for col, spans in sorted(cells_spans.items()):
        # (a label stacked on two lines, "Utfall jan–aug" over "2026": a line each)
        tiers: list[list[Span]] = []
        for sp in sorted(spans, key=lambda sp: sp.yc):
            if tiers and abs(sp.yc - tiers[-1][0].yc) <= 0.5 * max(sp.bbox[3] - sp.bbox[1], 1.0):
                tiers[-1].append(sp)
            else:
                tiers.append([sp])
        lines = [Line(spans=sorted(t, key=lambda sp: sp.bbox[0]), page=page, method=method)  # type: ignore[arg-type]
                 for t in tiers] if method == "native" and len(tiers) > 1 else [
            Line(spans=spans, page=page, method=method)]  # type: ignore[arg-type]
        cells.append(Cell(lines=lines, bbox=union([ln.bbox for ln in lines]), col=col))
    return Row(cells=cells, page=page, bbox=union([c.bbox for c in cells]))


def _gap_split(gaps: list[float]) -> float | None:
    """The gap between the two sizes of gaps, when there are two clearly apart (line gaps
    within rows, wider gaps between rows, two or more of them), else None."""
    g = sorted(gaps)
    if len(g) < 3:
        return None
    k = max(range(len(g) - 1), key=lambda i: g[i + 1] - g[i])
    low, high = g[k], g[k + 1]
    if len(g) - k - 1 < 2 or high - low < 3.0 or high < 2 * max(low, 1.0):
        return None
    return (low + high) / 2


def _row_gap(prev: Row, vr: list[Line]) -> float:
    """The space between a row and the visual row ``vr`` under it; on a scan planparse OCR'd,
    from where the row's descenders would reach (see :func:`line_gap`): a line of a name
    without descenders ("Nettokostnadsav") stops at its baseline."""
    lines = [ln for c in prev.cells for ln in c.lines]
    if vr[0].method != "ocr" or not lines:
        return min(ln.bbox[1] for ln in vr) - prev.bbox[3]
    return min(line_gap(max(lines, key=lambda ln: ln.bbox[3]), ln) for ln in vr)


def _wrapped(prev: Row, vr: list[Line], by_col: dict[int, list[Span]]) -> bool:
    """A row right under a row of more cells, a cell going on in lower case: the cells of
    the row above wrap ("Ta fram koncept … i Ånge | Avslutad enligt" over "kommun | plan");
    so does a line in the first column alone under a row of only that text (a description's
    or a comment's next line, or its unit in brackets: "Sjukfrånvaro, procentandel" / "(%)")."""
    filled = {c.col for c in prev.cells if c.text}
    paragraph = set(by_col) == {0} and (prev.full_width or filled == {0})
    gap = _row_gap(prev, vr)
    h = max(ln.bbox[3] - ln.bbox[1] for ln in vr)
    if vr[0].method != "native" and not prev.full_width and len(by_col) >= 2 and set(by_col) <= filled \
            and gap < 0.5 * h and all(spans[0].text.strip()[:1].islower() or spans[0].text.strip()[:1] == "("
                                      for spans in by_col.values()):
        return True  # an OCR'd row's cells each going on in lower case or with a note in brackets, tight
        # under it ("Registrering av" / "allmänna handlingar", "24 %" / "(2027)")
    if not prev.full_width and filled == {0} and len(by_col) >= 2 and 0 in by_col and gap < 0.5 * h \
            and by_col[0][0].text.strip()[:1].islower():
        return True  # a name's first line over its row's other cells, set centred on its two lines
    if not paragraph and (prev.full_width or len(by_col) >= len(filled)):
        return False
    return gap < 0.7 * h and any(spans[0].text.strip()[:1].islower() or spans[0].text.strip()[:1] == "("
                                 for spans in by_col.values())


def _names_column(label: str) -> bool:
    """Whether a first column headed ``label`` names indicators (Indikator, Mått, Nyckeltal)."""
    from planparse import vocabulary

    found = vocabulary.match_label(label)
    return found is not None and found.value in ("indicator", "measure")


def _fits_above(prev: Row, word: Span, edge: float) -> bool:
    """Whether ``word`` would have fitted at the end of the first cell's last line in the row
    above (its column's text reaching ``edge``): then a line starting with it is a row of its
    own, not the cell wrapping, since a line breaks only before a word that does not fit."""
    cell = next((c for c in prev.cells if c.col == 0 and c.lines), None)
    if cell is None or cell.colspan > 1:
        return False
    width = word.bbox[2] - word.bbox[0]
    space = 0.3 * (word.bbox[3] - word.bbox[1])  # and as much again: OCR boxes hug the ink
    return cell.lines[-1].bbox[2] + 2 * space + width <= edge


_YEARISH = re.compile(r"(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?")


# A label's short rest under it, the two sides of a split ("Tot" / "K/M")
_PAIR = re.compile(r"[A-ZÅÄÖ]{1,2}/[A-ZÅÄÖ]{1,2}")


def _header_wraps(head: Row, vr: list[Line], by_col: dict[int, list[Span]]) -> bool:
    """A line right under the header, closer than a line's height, with only years in
    columns the header names and nothing in the first column: the header's labels wrap
    ("Målvärde" / "2019", "Utfall" / "2027", "Budget" / "helår 2024"), it is no row of values; so does a bold header's
    label going on in bold lower case. Beside the years, a
    label broken after a slash may go on ("Tot K/" / "M"). On an OCR'd layer, so do labels
    broken at a narrow column's edge, every piece of the line going on in lower case from a
    label ending in a letter, a comma or a slash ("Investerin" / "gsprojekt," / "tkr", "Beskrivnin" / "g",
    "Rutin/" / "process")."""
    named = {c.col: c.text for c in head.cells if c.text}
    gap = _row_gap(head, vr)
    h = max(ln.bbox[3] - ln.bbox[1] for ln in vr)
    texts = {col: " ".join(s.text.strip() for s in spans) for col, spans in by_col.items()}
    if vr[0].method != "native" and by_col and gap < 0.7 * h and all(col in named for col in texts) and all(
        t[:1].isalpha() and t[:1].islower() and not any(ch.isdigit() for ch in t)
        and (_without_speck(named[col]).rstrip(".:;'\"")[-1:].isalpha() or named[col].endswith((",", "/")))
        for col, t in texts.items()
    ):
        return True  # OCR'd labels broken at narrow columns' edges ("Investerin" / "gsprojekt," / "tkr")
    head_spans = [s for c in head.cells for ln in c.lines for s in ln.spans if s.text.strip()]
    if vr[0].method == "native" and by_col and gap < 0.7 * h and head_spans and all(s.bold for s in head_spans) and all(
        col in named and all(s.bold for s in by_col[col]) and (
            _YEARISH.fullmatch(t) or not any(ch.isdigit() for ch in t) and (t[:1].islower() or len(t) <= 4))
        for col, t in texts.items()
    ):
        return True  # a bold label's rest, wrapped in its cell ("Verksamhetens" / "aktiviteter", "Tot" / "K/M")
    return bool(by_col) and 0 not in by_col and gap < 0.7 * h and all(col in named for col in texts) and any(
        _YEARISH.fullmatch(t) for t in texts.values()
    ) and all(
        _YEARISH.fullmatch(t) or _WORD_YEAR.fullmatch(t) or (named[col].endswith("/") and t.isalpha() and len(t) <= 3)
        or _PAIR.fullmatch(t)
        for col, t in texts.items()
    )


# A label's wrapped rest: a word in lower case before a year ("Budget" / "helår 2024").
_WORD_YEAR = re.compile(r"[a-zåäö][a-zåäö.]{1,11} (?:19|20)\d\d")


def _name_wraps(prev: Row, vr: list[Line], by_col: dict[int, list[Span]]) -> bool:
    """A line in the first column alone, closer under a row with values than half a line's
    height (rows are set further apart), not a "- " sub-item: the row's name wraps
    ("… HME-värde på minst" / "78, procent"); it has no values of its own."""
    if set(by_col) != {0} or len([c for c in prev.cells if c.text]) < 2 or prev.full_width:
        return False
    gap = _row_gap(prev, vr)
    h = max(ln.bbox[3] - ln.bbox[1] for ln in vr)
    return gap < 0.5 * h and list_item(by_col[0][0].text.strip()) is None


def _second_figure(prev: Row, by_col: dict[int, list[Span]]) -> bool:
    """A figure under a figure in the same column: a row of its own, however tight under
    the row above it sits (a figure wraps only after its thousands, see _THOUSANDS_HEAD)."""
    above = {c.col: c.text for c in prev.cells if c.text}
    texts = {col: " ".join(s.text.strip() for s in spans) for col, spans in by_col.items()}
    return any(
        col > 0 and col in above and parse_number(above[col]) is not None and parse_number(t) is not None
        and not (_THOUSANDS_HEAD.fullmatch(above[col]) and _THOUSANDS_TAIL.fullmatch(t)) and not _YEAR_NOTE.fullmatch(t)
        for col, t in texts.items()
    )


# The year a figure is of, in brackets under it ("24 %" / "(2027)"): no amount in parentheses.
_YEAR_NOTE = re.compile(r"\((?:19|20)\d\d\)")


# An amount broken after its thousands ("24" / "225"): one figure, wrapped in a narrow column.
_THOUSANDS_HEAD = re.compile(r"[−–-]?\(?\d{1,3}(?:[ \u00a0]\d{3})*")
_THOUSANDS_TAIL = re.compile(r"\d{3}(?:[ \u00a0]\d{3})*(?:,\d+)?\)?")


def _did_not_fit(prev: Row, spans: list[Span], edge: float) -> bool:
    """The first word of ``spans`` would not have fit after the last line of ``prev``'s first
    cell, whose column's text reaches ``edge``: the line is that cell's wrap, where a producer
    that keeps the space at a wrap left none (the last word filled the line)."""
    cell = next((c for c in prev.cells if c.col == 0 and c.lines), None)
    text = spans[0].text.strip() if spans else ""
    if cell is None or not text:
        return False
    word = text.split()[0]
    above = cell.lines[-1].text.split()
    if word[:1].isupper() and not (above and above[-1].casefold() in _OPEN_ENDED):
        return False  # a capital starts a paragraph of its own (a description under the title)
    width = (spans[0].bbox[2] - spans[0].bbox[0]) * len(word) / max(len(spans[0].text), 1)
    return cell.lines[-1].bbox[2] + width + 0.25 * spans[0].size > edge + 1


# Words no title or sentence ends on: a line ending in one goes on below, capital or not
# ("Skapa utbildning kring" / "Rehabiliteringsprocessen").
_OPEN_ENDED = frozenset({"och", "eller", "samt", "kring", "för", "med", "av", "till", "om", "inom", "mellan",
                         "från", "vid", "hos", "genom", "under", "mot", "på", "i", "inför", "efter", "utan", "den", "det",
                         "de", "en", "ett", "att", "som"})


def _goes_on(tail: str, head: str) -> bool:
    """A cell's next line goes on from ``tail``: a wrap after a kept space, or the rest of a
    word broken at the cell's edge (lower case on)."""
    return tail.endswith(" ") or (tail[-1:].isalpha() and head[:1].isalpha() and head[:1].islower())


def _marked(row: list[Line], marks: Sequence[BBox], starts: list[float]) -> bool:
    """A mark (a status icon) on the row's band in a column after the first."""
    y0, y1 = min(ln.bbox[1] for ln in row), max(ln.bbox[3] for ln in row)
    return len(starts) > 1 and any(
        y0 - 2 <= (m[1] + m[3]) / 2 <= y1 + 2 and m[0] >= starts[1] - 2 * _SLACK for m in marks
    )


def stub_column(header: list[Line], first: list[Line]) -> float | None:
    """Where the unlabelled first column starts of a table whose header labels only its figure
    columns ("Budget 2025 | Utfall 2025 | Avvikelse" over rows "Intäkter 14 200 13 650 -550"):
    the first row under it opens with a name ending left of the first label, and the rest of
    its words are figures under the labels. None when the header labels every column."""
    labels, spans = _spans(header), _spans(first)
    if len(labels) < 2 or len(spans) < 2 or header[0].method != first[0].method:
        return None
    if not spans[0].bbox[2] < labels[0].bbox[0] - _SLACK or parse_number(spans[0].text) is not None:
        return None
    rest = spans[1:]
    if not all(parse_number(x.text) is not None and x.bbox[0] >= labels[0].bbox[0] - 2 * _SLACK for x in rest):
        return None
    if min(ln.bbox[1] for ln in first) - max(ln.bbox[3] for ln in header) > 2 * max(first[0].bbox[3] - first[0].bbox[1], 1.0):
        return None
    return spans[0].bbox[0]


def table_from_rows(header: list[Line], body: list[list[Line]], marks: Sequence[BBox] = (), stub: float | None = None) -> Table:
    """A table whose columns start at the header's words; body rows split by word position.
    A row set tight under the row above (closer than a row's gap) holds the wrapped lines of
    its cells (a long name, a description, an amount broken after its thousands): they join
    the cells above; under the header, a line in its first column wraps the header's label
    ("Investeringsprojekt," / "tkr"). A mark (an icon in a later column, ``marks``) on a row's
    band, or a gap before it in a table with icons, starts a row."""
    phrases = _centred_labels(_phrases(header), body)
    if header[0].method != "native":
        phrases = _unlabelled_columns(_without_crossed(_split_at_body_starts(_narrowed_labels(phrases, body), body), body), body)
    starts, ends = [p[0].bbox[0] for p in phrases], [p[-1].bbox[2] for p in phrases]
    page, method = header[0].page, header[0].method
    head = _row(dict(enumerate(phrases, start=int(stub is not None))), page, method)
    if stub is not None:  # (an unlabelled name column before the labels)
        starts, ends = [stub, *starts], [stub, *ends]
    head.is_header = True
    rows: list[Row] = [head]
    # Lines of one row sit closer than rows do, where the producer pads its rows: the gaps
    # between the header and body lines fall in two sizes, and the smaller joins lines of one row. Evenly set
    # rows (Word without padding) tell nothing by their gaps.
    # The header's gap counts too: a table of two rows under it has one gap between its rows.
    # An icon alone on a row of its own (a status under an activity's description) stands in
    # the gap above the next line: that gap is no spacing, and the line starts a row.
    x_lo, x_hi = starts[0] - 2 * _SLACK, max(p[-1].bbox[2] for p in phrases) + 2 * _SLACK
    tops = [(max(ln.bbox[3] for ln in a), min(ln.bbox[1] for ln in b)) for a, b in zip([header, *body], body, strict=False)]
    after_icon = [any(up < (m[1] + m[3]) / 2 < low and m[0] >= x_lo and m[2] <= x_hi for m in marks) for up, low in tops]
    gaps = [low - up for (up, low), icon in zip(tops, after_icon, strict=True) if not icon]
    split = _gap_split(gaps) if method == "native" else None  # an OCR'd layer's boxes jitter
    # (though not by a blank line: rows padded that far apart are rows there too)
    padded = None if method == "native" or (cut := _gap_split(gaps)) is None else max(cut, 1.2 * min(
        ln.bbox[3] - ln.bbox[1] for vr in body for ln in vr))
    marks_wraps = method == "native" and any(s.text.endswith(" ") for vr in body for s in _spans(vr))  # Word
    # In a table with icons, rows are set apart: a first-column line after a gap is a row.
    iconic = any(_marked(vr, marks, starts) for vr in body)
    prev_bottom = max(ln.bbox[3] for ln in header)
    right = max(p[-1].bbox[2] for p in phrases)
    # A first column of indicator names holds one name a row (an activity's cell may hold
    # its title and description); where its edge is (its widest text) tells a wrap.
    names = method != "native" and _names_column(_label(phrases[0]))  # only OCR'd rows ask
    name_edge = max((s.bbox[2] for vr in body for s in _spans(vr) if _column(s.bbox[0], starts) == 0),
                    default=0.0) if names else 0.0
    col0_right = max((s.bbox[2] for vr in body for s in _spans(vr) if _column(s.bbox[0], starts) == 0), default=0.0)
    for vr, icon_above in zip(body, after_icon, strict=True):
        if not _fits(vr, starts, max(right, starts[-1] + 120), ends):  # set across the columns
            line = Line(spans=_spans(vr), page=vr[0].page, method=vr[0].method)
            prev_cell = rows[-1].cells[0] if len(rows) > 1 and rows[-1].full_width else None
            if prev_cell is not None:
                prev_cell.lines.append(line)
                prev_cell.bbox = rows[-1].bbox = union([prev_cell.bbox, line.bbox])
            else:
                rows.append(Row(cells=[Cell(lines=[line], bbox=line.bbox, col=0, colspan=len(starts))],
                                page=line.page, bbox=line.bbox))
            prev_bottom = line.bbox[3]
            continue
        by_col: dict[int, list[Span]] = {}
        space = _row_word_space(vr, starts, ends) if method != "native" else None
        for s in _edge_dashes(_ocr_words(_spans(vr), starts, ends, space) if method != "native" else _spans(vr), starts, method):
            by_col.setdefault(_column_of(s, starts, ends, ocr=method != "native"), []).append(s)
        if method != "native":
            _strays_to_next_column(by_col, starts, space)
        prev = rows[-1]
        top, height = min(ln.bbox[1] for ln in vr), max(ln.bbox[3] - ln.bbox[1] for ln in vr)
        new_row = icon_above or _marked(vr, marks, starts) or (iconic and top - prev_bottom > 0.45 * height) or (
            len(rows) > 1 and _second_figure(prev, by_col))
        prev_bottom = max(ln.bbox[3] for ln in vr)
        tight = split is not None and vr[0].bbox[1] - prev.bbox[3] < split
        # A producer that keeps the space where a line wraps (Word) shows a row's wrapped
        # lines so: every cell of the line goes on from a cell above that ended in a space.
        above = {c.col: c for c in prev.cells if c.lines}
        if len(rows) > 1 and marks_wraps and not new_row and all(
            col in above and _goes_on(above[col].lines[-1].spans[-1].text, spans[0].text)
            for col, spans in by_col.items()
        ):
            tight = True
        if method != "native" and len(rows) > 1 and set(by_col) == {0} and not new_row and (
            padded is None or top - prev.bbox[3] < padded) and (
            prev.full_width or not any(c.col > 0 and c.text for c in prev.cells)  # prose goes on
            or not (names and not by_col[0][0].text.strip()[:1].islower() and (
                _fits_above(prev, by_col[0][0], name_edge) or top - prev.bbox[3] >= 0.7 * height))
        ):
            tight = True  # an OCR'd layer: a line in the first column alone wraps the cell above
        if method == "native" and len(rows) > 1 and not new_row and _name_wraps(prev, vr, by_col) and (
                not marks_wraps or _did_not_fit(prev, by_col[0], col0_right)):
            tight = True
        if len(rows) > 1 and not new_row and _wrapped(prev, vr, by_col):
            tight = True
        if len(rows) > 1 and not new_row and top < prev.bbox[3] - 0.3 * height:
            tight = True  # no row overlaps the one above: cells centred on a cell's two lines ("Pågående enligt" / "plan")
        head_wrap = len(rows) == 1 and _header_wraps(head, vr, by_col)
        if head_wrap or (tight and not new_row and (len(rows) > 1 or set(by_col) == {0})):
            for col, spans in by_col.items():
                line = Line(spans=spans, page=vr[0].page, method=vr[0].method)
                cell = next((c for c in prev.cells if c.col == col or c.colspan > 1), None)
                if cell is None:
                    prev.cells.append(Cell(lines=[line], bbox=line.bbox, col=col))
                    prev.cells.sort(key=lambda c: c.col)
                else:
                    cell.lines.append(line)
                    cell.bbox = union([ln.bbox for ln in cell.lines])
            prev.bbox = union([prev.bbox, *[c.bbox for c in prev.cells]])
            continue
        rows.append(_row(by_col, vr[0].page, vr[0].method))
    mend_broken_words(rows[1:] if method == "native" else rows)  # OCR'd labels break mid-word too
    labels = {c.col: c.text for c in head.cells}
    return Table(rows=rows, n_cols=len(starts), header=[labels.get(i, "") for i in range(len(starts))])


def _heading_after(row: list[Line], header: list[Line]) -> bool:
    """A bold row set larger than the table's header: a heading after the table."""
    spans, head = _spans(row), _spans(header)
    return bool(spans) and bool(head) and all(s.bold for s in spans) and \
        min(s.size for s in spans) > max(s.size for s in head) + 0.5


_FOOTNOTE = re.compile(r"^\s*(?:\*{1,3}|[¹²³†])\s?[A-ZÅÄÖa-zåäö]")


def _note(row: list[Line], body: list[list[Line]], starts: list[float], indented: bool) -> bool:
    """An OCR'd row that opens with a footnote mark ("*Medarbetarenkät, skala 0–100"), or a born-digital row in another type size than the row above that is none of the table's
    own: set at the text margin left of a table set in from it, or, in a table at the margin,
    in a size no row of it has (a table's own small print, its descriptions, is set at its
    column start, in the size of its other descriptions)."""
    if row[0].method != "native":  # an OCR'd row's size is an estimate: its footnote mark tells
        return _FOOTNOTE.match(min(row, key=lambda ln: ln.x0).text) is not None
    if any(abs(ln.size - above.size) <= 0.4 for ln in row for above in body[-1]):
        return False  # (a row's cells in two sizes, "61 %" beside its indicator's name: either goes on)
    if indented:
        return min(ln.x0 for ln in row) < starts[0] - 2.5
    return not any(abs(ln.size - r[0].size) <= 0.4 for r in body for ln in row)


def _sentence_note(row: list[Line], body: list[list[Line]], header: list[Line], starts: list[float]) -> bool:
    """An OCR'd sentence under an unruled table ("Utfallet avser perioden januari till augusti
    …."): one line in the first column, six words or more from a capital to a full stop, set
    further under the last row than that row under the one above it (a name's wrapped line
    sits tight under it)."""
    if len(row) != 1 or row[0].method == "native" or len(starts) < 2:
        return False
    text = row[0].text.strip()
    if not (text[:1].isupper() and text.endswith(".") and len(text.split()) >= 6):
        return False
    return _set_apart(row, body, header, starts)


def _lone_title(row: list[Line], after: list[Line] | None, body: list[list[Line]], header: list[Line],
                starts: list[float]) -> bool:
    """An OCR'd heading under an unruled table, which the OCR read in body size ("Elevernas
    ansvar och inflytande"): one line in the first column, a few words from a capital, no figure
    nor closing punctuation in it, no line wrapped tight under it (a cell's sentence going on:
    "Arbeta fram en plan tillsammans med" / "kärnverksamheterna."), set apart from the last row
    as :func:`_sentence_note`; or one opening with a section number ("5.2 Riskanalys"), whatever
    the OCR made of its words."""
    if len(row) != 1 or row[0].method == "native" or len(starts) < 2:
        return False
    if after is not None and _top(after) - _bottom(row) < 0.5 * _height(row):
        return False
    text = row[0].text.strip()
    if _SECTION_NUMBER.match(text) and len(text.split()) <= 6:  # "5.2 Riskanalys", however its title was read
        return _set_apart(row, body, header, starts)
    if not text[:1].isupper() or len(text.split()) > 6 or any(ch.isdigit() for ch in text) or text[-1] in ".,;:-":
        return False
    return _set_apart(row, body, header, starts)


_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+\S")


def _set_apart(row: list[Line], body: list[list[Line]], header: list[Line], starts: list[float]) -> bool:
    """A one-line ``row`` in the first column, set further under the last row than that row
    under the one above it."""
    if any(_column(s.bbox[0], starts) != 0 for s in _spans(row)):
        return False
    # the last row with the lines wrapped tight under its first (an activity's title on two
    # lines): its description below is set as far under it as it stands under the row above
    first = len(body) - 1
    while first > 0 and _top(body[first]) - _bottom(body[first - 1]) < 0.5 * _height(body[first]):
        first -= 1
    above = body[first - 1] if first > 0 else header
    return row[0].bbox[1] - _bottom(body[-1]) > 1.3 * max(_top(body[first]) - _bottom(above), 1.0)


def _top(row: list[Line]) -> float:
    return min(ln.bbox[1] for ln in row)


def _bottom(row: list[Line]) -> float:
    return max(ln.bbox[3] for ln in row)


def _height(row: list[Line]) -> float:
    return max(ln.bbox[3] - ln.bbox[1] for ln in row)


def _rows_follow(rows: list[list[Line]], starts: list[float], ends: list[float], right: float,
                 stop: Callable[[list[Line]], bool]) -> bool:
    """A row of two cells or more follows, within three line heights a step, before a row
    that ``stop`` accepts (a heading, the next table's header)."""
    prev: list[Line] | None = None
    for vr in rows:
        if prev is not None and vr[0].bbox[1] - max(ln.bbox[3] for ln in prev) > 3 * max(prev[0].bbox[3] - prev[0].bbox[1], 1.0):
            return False
        if stop(vr):
            return False
        if _fits(vr, starts, right, ends) and len(
            {_column_of(s, starts, ends, ocr=vr[0].method != "native") for s in _spans(vr)}
        ) >= 2:
            return True
        prev = vr
    return False


def header_rows(lines: list[Line], is_header: Callable[[list[str]], bool]) -> list[Line]:
    """The lines of the visual rows among ``lines`` that ``is_header`` accepts: a table's header
    repeated at the top of each page it runs over, which repetition in the margin makes look
    like a running header, with its labels' wrapped rest."""
    rows, out = visual_rows(lines), dict[int, Line]()
    for k in range(len(rows)):
        header = _header_at(rows, k, is_header)
        if header is not None:
            if len(header) == len(rows[k]) and k + 1 < len(rows) and _wraps_header(rows[k], rows[k + 1]):
                header = [*header, *rows[k + 1]]  # its labels' wrapped rest ("Utfall" / "2024")
            out.update((id(ln), ln) for ln in header)
    return list(out.values())


def _wraps_header(top: list[Line], below: list[Line], labels: list[list[Span]] | None = None) -> bool:
    """A row set tight under ``top`` whose words each start under one of its labels, and hold
    no figure but a year: the rest of the header's wrapped labels."""
    h = max(ln.bbox[3] - ln.bbox[1] for ln in top)
    # (on a scan, from where the top row's descenders would reach: "Indikatorer Tot Utfall"
    # over "K/M 2025 2026" has none, its box stops at the baseline)
    if line_gap(max(top, key=lambda ln: ln.bbox[3]), below[0]) > 0.5 * h or len(below) > len(top):
        return False
    spans, labels = _spans(below), _phrases(top) if labels is None else labels  # (``labels``: top's, when known)
    return bool(spans) and all(_YEARISH.fullmatch(s.text.strip()) or not any(ch.isdigit() for ch in s.text) for s in spans) and all(
        any(p[0].bbox[0] - _SLACK <= s.bbox[0] <= p[-1].bbox[2] for p in labels) for s in spans
    )


def wraps_up(above: list[Line], head: list[Line]) -> bool:
    """A row set tight over a header row whose every word stands over one of its labels, and
    over no other, with no figure but a year: the top line of labels that wrap upward in cells
    aligned to their foot ("Utfall jan–aug" over "2026"), not a label spanning several columns."""
    h = max(ln.bbox[3] - ln.bbox[1] for ln in head)
    spans, labels = _spans(above), _phrases(head)
    if not spans or len(spans) > len(labels) or line_gap(max(above, key=lambda ln: ln.bbox[3]), min(
            head, key=lambda ln: ln.bbox[1])) > 0.5 * h:
        return False
    if any(len(" ".join(s.text for s in p).split()) > 4 for p in _phrases(above)):
        return False  # a line of its own ("Mål: Barnen visar omsorg om …"), no label's top
    for s in spans:
        if any(ch.isdigit() for ch in s.text) and not _YEARISH.fullmatch(s.text.strip()):
            return False
        under = [p for p in labels if p[0].bbox[0] < s.bbox[2] - 1 and s.bbox[0] + 1 < p[-1].bbox[2]]
        if len(under) != 1:
            return False
    return True


def _header_at(rows: list[list[Line]], k: int, is_header: Callable[[list[str]], bool]) -> list[Line] | None:
    """The header row starting at visual row ``k``: its lines, with the next row's where the
    labels wrap onto it, or None."""
    if k + 2 < len(rows) and _centred_stub(rows[k], rows[k + 1], rows[k + 2]):
        three = [*rows[k], *rows[k + 1], *rows[k + 2]]
        if len(words := [_label(p) for p in _phrases(three)]) >= 2 and is_header(words):
            return three
    if len(rows[k]) == 1 and len(rows[k][0].spans) < 2:
        return None  # one line of one span (most rows): one label at most, and no cells to wrap
    phrases = _phrases(rows[k])
    if len(words := [_label(p) for p in phrases]) >= 2 and is_header(words):
        return rows[k]
    if rows[k][0].method != "native" and len(words := [_label(p) for p in _split_at_body_starts(
            phrases, rows[k + 1 : k + 6])]) > len(phrases) and is_header(words):
        return rows[k]  # OCR'd labels set closer than a letter height, where the body shows two columns ("Mål Utfall")
    if k + 1 < len(rows) and len(rows[k]) >= 2 and _wraps_header(rows[k], rows[k + 1], phrases):  # cells: lines apart
        both = [*rows[k], *rows[k + 1]]
        if len(words := [_label(p) for p in _phrases(both)]) >= 2 and is_header(words):
            return both
    return None


def _centred_stub(top: list[Line], mid: list[Line], below: list[Line]) -> bool:
    """A header row set by a word processor with its cells centred vertically: labels of two
    lines ("Utfall" / "2024", "Startdatu" / "m") over and under the middle of the row, where the
    one-line labels stand ("Indikatorer", "Verksamhetens aktiviteter | Slutdatum"). Every
    two-line label's lines overlap, no label of one line stands over or under them, and the
    lower lines hold no figure but a year."""
    def centre(row: list[Line]) -> float:
        return sum(ln.bbox[1] + ln.bbox[3] for ln in row) / (2 * len(row))

    def over(a: Span, b: Span) -> bool:
        return a.bbox[0] < b.bbox[2] - 1 and b.bbox[0] < a.bbox[2] - 1

    h = max(ln.bbox[3] - ln.bbox[1] for ln in mid)
    ups, lows, ones = _spans(top), _spans(below), _spans(mid)
    if not (ups and lows and ones) or abs(centre(mid) - (centre(top) + centre(below)) / 2) > 0.25 * h or line_gap(
            max(top, key=lambda ln: ln.bbox[3]), min(below, key=lambda ln: ln.bbox[1])) > 0.5 * h:
        return False
    return not any(over(o, c) for o in ups + lows for c in ones) and all(
        any(over(u, w) for w in lows) for u in ups) and all(any(over(w, u) for u in ups) for w in lows) and all(
        _YEARISH.fullmatch(w.text.strip()) or not any(ch.isdigit() for ch in w.text) for w in lows)


def find_tables(
    lines: list[Line], is_header: Callable[[list[str]], bool], is_break: Callable[[Line], bool],
    marks: Sequence[BBox] = (),
) -> list[tuple[Table, list[Line]]]:
    """Unruled tables among one page's ``lines``: (table, the lines it consumed). A visual row
    whose words ``is_header`` accepts opens a table; it runs while rows fit its columns and no
    line ``is_break`` (a heading) and the vertical gaps stay under three line heights; another
    header row starts the next table. ``marks`` (icons' boxes) start rows, see
    :func:`table_from_rows`."""
    found: list[tuple[Table, list[Line]]] = []
    rows = visual_rows(lines)
    margin: float | None = None  # the text margin, looked for once a header row is found
    k = 0
    free = 0  # the first row no table took
    while k < len(rows):
        header = _header_at(rows, k, is_header)
        if header is None:
            k += 1
            continue
        if len(header) > len(rows[k]):  # its labels wrap onto a second line (and a third)
            rows[k : k + 2 if len(header) <= len(rows[k]) + len(rows[k + 1]) else k + 3] = [header]
        elif k > free and wraps_up(rows[k - 1], header):  # its labels wrap upward, set at the cells' foot
            header = [*rows[k - 1], *header]
            rows[k - 1 : k + 1] = [header]
            k -= 1
        phrases = _phrases(header)
        if header[0].method != "native":
            phrases = _narrowed_labels(_without_crossed(phrases, rows[k + 1 : k + 6]), rows[k + 1 : k + 6])
        phrases = _centred_labels(phrases, rows[k + 1 : k + 6])
        words = [_label(p) for p in phrases]
        starts, ends = [p[0].bbox[0] for p in phrases], [p[-1].bbox[2] for p in phrases]
        right = max(s.bbox[2] for s in _spans(header))
        stub = stub_column(header, rows[k + 1]) if k + 1 < len(rows) else None
        if stub is not None:
            starts, ends = [stub, *starts], [stub, *ends]
        # A table set in from the text margin (cell padding): rows across the columns that stay
        # inside it are its own (descriptions, comments), however far apart.
        if margin is None:
            margin = min((ln.x0 for ln in lines if len(ln.text) > 20 and ln.text[:1].isalnum()), default=0.0)
        # (or boxed: on an OCR'd layer the box's left rule read as "|" left of the first label;
        # its cells' text may stand a point or two from the text margin, a hair OCR's boxes blur)
        indented = starts[0] - margin >= 3 or any(
            ln.method != "native" and s.text.strip() in _RULES and s.bbox[2] <= starts[0] - 3 for ln in header for s in ln.spans[:1])
        # Where a row's words are back at the margin: left of the first label's padding; on an OCR'd
        # layer left of the middle between margin and label (a speck OCR read before the first
        # label and dropped leaves the label's box a few points right of its cell's edge)
        back = starts[0] - 2.5 if header[0].method == "native" else min(starts[0] - 2.5, (margin + starts[0]) / 2)
        body: list[list[Line]] = []
        j = k + 1
        prev = header
        while j < len(rows):
            vr = rows[j]
            h = max(prev[0].bbox[3] - prev[0].bbox[1], 1.0)
            # (a line starting under a later column is a cell, however like a heading: "16 Uppföljning av")
            gap = vr[0].bbox[1] - max(ln.bbox[3] for ln in prev)
            if (gap > 3 * h and not _dropped_rows(vr, gap, h, starts, ends)) or any(
                    is_break(ln) for ln in vr if len(starts) < 2 or ln.x0 < starts[1] - _SLACK):
                break
            if indented and min((s.bbox[0] for s in _spans(vr) if s.text.strip()[:1].isalnum()
                                 and sum(ch.isalpha() for ch in s.text) >= 2),
                                default=starts[0]) < back:
                break  # words back at the text margin, left of the cells' padding: text after the table
            if _heading_after(vr, header) and (header[0].method == "native" or not _rows_follow(
                    rows[j + 1 :], starts, ends, max(right, starts[-1] + 120), lambda r: any(is_break(ln) for ln in r) or (
                    len(p := _phrases(r)) >= 2 and is_header([_label(x) for x in p])))):
                break  # (an OCR'd box's size is no sure rank: a label whose table goes on is a row)
            close = vr[0].bbox[1] - max(ln.bbox[3] for ln in prev) < 0.9 * h or (
                indented and _text_start(vr) >= starts[0] - 2.5)
            if not _fits(vr, starts, max(right, starts[-1] + 120), ends) and not (
                (body or indented) and close and _full_width(vr, starts, max(right, starts[-1] + 120))
            ):
                break
            if body and (_note(vr, body, starts, indented) or _sentence_note(vr, body, header, starts)
                         or _lone_title(vr, rows[j + 1] if j + 1 < len(rows) else None, body, header, starts)) and not _rows_follow(
                rows[j + 1 :], starts, ends, max(right, starts[-1] + 120), lambda r: any(is_break(ln) for ln in r) or (
                    len(p := _phrases(r)) >= 2 and is_header([_label(x) for x in p]))
            ):
                break  # a note under the table
            words_j = [_label(p) for p in _phrases(vr)]
            if words_j != words and len(words_j) >= 2 and is_header(words_j):
                break  # the header of the next table ("Mått | Mål | Utfall" under an activity table)
            body.append(vr)
            prev = vr
            j += 1
        if body:
            found.append((table_from_rows(header, body, marks, stub), [ln for r in [header, *body] for ln in r]))
            k = free = j
        else:
            k += 1
    return found


def continue_table(
    lines: list[Line], header: list[Line], is_header: Callable[[list[str]], bool],
    is_break: Callable[[Line], bool], marks: Sequence[BBox] = (),
) -> tuple[Table, list[Line]] | None:
    """The rows at the top of a page that continue an unruled table from the page before
    (whose ``header`` row is not repeated): (the continuation without a header row, the lines
    it consumed), or None when the page's first row is a header of its own, does not fit the
    header's columns, or is no table row (text in one column only and no mark beside it: a
    running header or a paragraph)."""
    phrases = _phrases(header)
    starts, ends = [p[0].bbox[0] for p in phrases], [p[-1].bbox[2] for p in phrases]
    right = max(s.bbox[2] for s in _spans(header))
    body: list[list[Line]] = []
    prev: list[Line] | None = None
    for vr in visual_rows(lines):
        if prev is not None:
            h = max(prev[0].bbox[3] - prev[0].bbox[1], 1.0)
            if vr[0].bbox[1] - max(ln.bbox[3] for ln in prev) > 3 * h:
                break
        if any(is_break(ln) for ln in vr) or _heading_after(vr, header) or \
                not _fits(vr, starts, max(right, starts[-1] + 120), ends):
            break
        body.append(vr)
        prev = vr
    if not body:
        return None
    wraps = 0  # the name cell of the last row going on at the top of this page ("i aktiviteterna")
    while wraps < len(body) and body[0][0].method != "native" and _name_wrap(body[wraps], starts):
        wraps += 1
    first = _spans(body[wraps]) if wraps < len(body) else []
    if first and (_header_at(body, wraps, is_header) is not None or (
        len({_column_of(s, starts, ends, ocr=body[wraps][0].method != "native") for s in first}) < 2
        and not _marked(body[wraps], marks, starts)
    )):
        body = body[:wraps]
    if not body:
        return None
    table = table_from_rows(header, body, marks)
    table.rows = table.rows[1:]
    return table, [ln for r in body for ln in r]


def _name_wrap(row: list[Line], starts: list[float]) -> bool:
    """An OCR'd row of words in the first column only, in lower case: a wrapped name."""
    spans = _spans(row)
    return bool(spans) and spans[0].text.strip()[:1].islower() and all(_column(s.bbox[0], starts) == 0 for s in spans)


def join_wrapped_top(above: Table, table: Table) -> None:
    """Move the first rows of ``table`` (a continuation on the next page) that only wrap the
    name of ``above``'s last row (see :func:`continue_table`) into that row's first cell."""
    while table.rows and above.rows and not above.rows[-1].is_header and len(table.rows[0].cells) == 1 \
            and table.rows[0].cells[0].col == 0 and table.rows[0].cells[0].text[:1].islower():
        wrap, last = table.rows.pop(0), above.rows[-1]
        cell = next((c for c in last.cells if c.col == 0), None)
        if cell is None:
            continue
        cell.lines.extend(wrap.cells[0].lines)
        mend_broken_words([last])


def _key(label: str) -> str:
    return "".join(ch for ch in fold(label) if ch.isalnum())


def _same_labels(a: list[str], b: list[str]) -> bool:
    """Two headers with the same labels, their letters compared alone: an OCR'd layer reads a
    label broken at a narrow column's edge a little differently on each page ("Beskrivnin. g",
    "Beskrivning")."""
    return len(a) == len(b) and all(_key(x) == _key(y) for x, y in zip(a, b, strict=True))


def repeats_header(above: Table, tables: list[Table]) -> bool:
    """Whether one of ``tables`` (a page's ruled tables) starts with ``above``'s header labels:
    the table goes on there under its repeated header, and the lines above that (a running
    header set in two parts, "Internkontrollplan 2027 … Socialnämnden") are none of its rows."""
    return bool(above.header) and any(_same_labels(t.header, above.header) for t in tables)


def join_repeated(above: Table, found: list[tuple[Table, list[Line]]], lines: list[Line]) -> set[int]:
    """The first of a page's unruled tables ``found``, first on its page under ``above``'s header
    labels repeated, goes on with ``above`` (the last table of the page before, which ran to that
    page's foot): its rows are added to ``above`` and it leaves ``found``, in place; the ids of
    its lines are returned (none when it does not go on). Rows of one indicator broken over the
    page ("K" and "M" under their "Tot" row) are read together so."""
    if not found or not above.header:
        return set()
    table, taken = found[0]
    top = table.rows[0].bbox[1]
    if not _same_labels(table.header, above.header) or any(ln.bbox[3] < top for ln in lines):
        return set()
    above.rows.extend(table.body)
    found.pop(0)
    return {id(ln) for ln in taken}


def _wrap_in_header(above: Table, table: Table) -> None:
    """The repeated header's first label with a line in lower case more than the header on
    the page before ("Investeringsprojekt, tkr" / "konst"): the name of ``above``'s last row
    wrapping onto the new page, taken into the header as a wrap of its label; it goes back."""
    head, last = table.rows[0], above.rows[-1]
    cell = next((c for c in head.cells if c.col == 0), None)
    name = next((c for c in last.cells if c.col == 0 and c.lines), None)
    if cell is None or name is None or last.is_header or len(cell.lines) < 2 or not above.header:
        return
    if not cell.lines[-1].text[:1].islower() or _key(" ".join(ln.text for ln in cell.lines[:-1])) != _key(above.header[0]):
        return
    name.lines.append(cell.lines.pop())
    cell.bbox = union([ln.bbox for ln in cell.lines])
    mend_broken_words([last])
    table.header[0] = cell.text


def wrap_under_header(above: Table, table: Table) -> None:
    """A table at a page's foot going on under its header repeated on the next page, the name
    of its last row wrapping onto the new page first ("pensionsåtagand" / "en"): the wrap goes
    back to that name (:func:`join_wrapped_top`)."""
    if not table.rows or not table.rows[0].is_header or len(table.header) != len(above.header):
        return
    _wrap_in_header(above, table)
    if not _same_labels(table.header, above.header):
        return
    head, table.rows = table.rows[0], table.rows[1:]
    join_wrapped_top(above, table)
    table.rows.insert(0, head)
