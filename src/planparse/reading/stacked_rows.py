"""Rows stacked in one band of a table: a table ruled only between its groups (a rule under
each subtotal), or a scan whose rules between some rows are lost, holds several rows between
two rules. A cell of a figure column never wraps into a second figure, so a band where two or
more text lines each carry a name (text left of their figures) and a figure in one column is that
many rows, one per text line: a named line with a figure in a column where a line of the
row so far has one too starts a row (also after the row's name wrapped onto a line of its own) (the next indicator beside a goal's name merged down over its rows
too), and so does a line whose first column starts in upper case (a group's title, "Gata
och park"). A line going on in lower case in the first column, or without text there, is a
wrap (of a name, or of a cell's text: "Följs upp" / "2027") and stays with the line above. A
date counts as a figure ("Slutdatum" | "2026-09-01"); in a dated band only a line with a date
starts a row (a speck an OCR read as "1" beside a description starts none)."""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import itemgetter

from planparse.reading.model import Span
from planparse.text.numbers import parse_number

_SAME_LINE = 3.0  # points between the centres of spans on one text line


def _text_lines(spans: list[Span]) -> list[list[Span]]:
    """The spans grouped into text lines by their vertical centres, top down."""
    out: list[list[Span]] = []
    last = 0.0  # the centre of the last span placed
    for yc, s in sorted((((s.bbox[1] + s.bbox[3]) / 2, s) for s in spans), key=itemgetter(0)):
        if out and yc - last <= _SAME_LINE:
            out[-1].append(s)
        else:
            out.append([s])
        last = yc
    return out


def _cells(line: list[Span], xs: list[float]) -> dict[int, str]:
    """A text line's text by column (spans by their centres; left of the first column: 0)."""
    cells: dict[int, list[Span]] = {}
    for s in line:
        col = max(0, min(len(xs) - 2, bisect_right(xs, s.xc) - 1))
        cells.setdefault(col, []).append(s)
    return {c: " ".join(s.text.strip() for s in sorted(ss, key=lambda s: s.bbox[0])).strip()
            for c, ss in cells.items()}


_DATE = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}")


def _figures(cells: dict[int, str]) -> set[int]:
    """The columns after the first where a text line holds a figure or a date."""
    return {c for c, t in cells.items() if c > 0 and t and (parse_number(t) is not None or _DATE.fullmatch(t))}


def _named(cells: dict[int, str], figures: set[int]) -> bool:
    """A line with a figure (``figures``: its columns with one) and, left of its figures, text
    that is none: a row's name."""
    return bool(figures) and any(t and c < min(figures) and parse_number(t) is None for c, t in cells.items())


def split_stacked(top: float, bottom: float, spans: list[Span], xs: list[float]) -> list[tuple[float, float]]:
    """The band from ``top`` to ``bottom`` of a table with column starts ``xs`` cut into one
    band per row stacked in it (see the module's docstring); ``spans`` are the band's."""
    if len(xs) < 3 or len(spans) < 2:
        return [(top, bottom)]
    lines = _text_lines(spans)
    if len(lines) < 2:
        return [(top, bottom)]  # (one line: nothing stacked)
    cells = [_cells(ln, xs) for ln in lines]
    # A named line with a figure in a column where a named line above has one too is a row of
    # its own (each line's figures and name worked out once, not for every pair of lines).
    figures = [_figures(c) for c in cells]
    named = [_named(c, f) for c, f in zip(cells, figures, strict=True)]
    seen: set[int] = set()  # the figure columns of the named lines so far
    for k, f in enumerate(figures):
        if named[k]:
            if f & seen:
                break  # a named line stacked under another named one
            seen |= f
    else:
        if not _group_title(lines, cells, named):
            return [(top, bottom)]
    bands: list[tuple[float, float]] = []
    start = top
    held = set(figures[0])  # the figure columns of the band so far
    # (rows dated in a column: an activity's lines under its dated line, "Kommentar" and its
    # text, are its own, whatever case they start in)
    dates = [{c for c, t in line.items() if c > 0 and _DATE.fullmatch(t)} for line in cells]
    dated = any(dates)
    for k in range(1, len(lines)):
        name = cells[k].get(0, "")
        if not dates[k] if dated else not (named[k] and held & figures[k]) and (not name or name[:1].islower()):
            held |= figures[k]
            continue  # a wrap: of a name, or of a cell's text ("Följs upp" / "2027")
        cut = (max(s.bbox[3] for s in lines[k - 1]) + min(s.bbox[1] for s in lines[k])) / 2
        bands.append((start, cut))
        start = cut
        held = set(figures[k])
    bands.append((start, bottom))
    return bands


def _group_title(lines: list[list[Span]], cells: list[dict[int, str]], named: list[bool]) -> bool:
    """A band opened by a group's title (text in the first column only, set in italic or bold
    unlike the row under it: "Skattefinansierad verksamhet") over a named row with figures,
    no rule between them. On a text layer without fonts (OCR) the row's name starting in upper
    case tells it (a wrapped name goes on in lower case)."""
    if set(cells[0]) != {0} or not named[1]:
        return False
    if not any(s.font for ln in lines[:2] for s in ln):
        return cells[0][0][:1].isupper() and cells[1].get(0, "")[:1].isupper()
    def style(line: list[Span]) -> tuple[bool, bool]:
        return all(s.italic for s in line), all(s.bold for s in line)
    return style(lines[0]) != style([s for s in lines[1] if s.xc < lines[1][0].bbox[2] + 1] or lines[1]) and any(style(lines[0]))
