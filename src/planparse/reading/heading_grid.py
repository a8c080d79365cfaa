"""A block of two columns led by two headings side by side (a CSS grid of two lists: "Mål inom
målområde …" left, "Verksamhetsmål för …" right): read the left column, then the right.

The page as a whole is no two-column page (:mod:`planparse.reading.columns` finds none: the
block is a few short lines under running text across the page), and its rows stand on one
baseline each, so that a reader joining a row's pieces reads the two lists' lines into one
("Livskvalitet och Verksamhetsmål för god ekonomisk"). The evidence is the head row: exactly
two pieces, both bold, apart by a wide gap, the right one starting near the middle of the
page; the rows under it (down to a line crossing the gap, a wide gap down the page or the end
of the page) are set in the same two columns, at least two lines in each. A table's
header has the same look but its rows are read as a table before this pass (only the lines
outside tables are looked at), and a table of three columns has three pieces in its head row.
"""

from __future__ import annotations

from planparse.reading.model import Line, Span
from planparse.text.control_labels import control_header

_GAP = 2.0  # of the line's height: the least gap between the two pieces of the head row
_MID = (0.35, 0.65)  # of the page's width: where the right column starts
_BODY_ROWS = 2  # the least rows under the head row with text in either column
_BULLETS = ("•", "-", "–", "●", "▪")
_DOWN = 2.5  # of the line's height: a gap down the page this wide ends the block


def _row_key(ln: Line) -> float:
    b = ln.bbox
    return (b[1] + b[3]) / 2


def _rows(lines: list[Line]) -> list[list[Line]]:
    """Lines on one baseline (their centres within a third of their height) as one row."""
    rows: list[list[Line]] = []
    for ln in lines:
        if rows:
            ref = rows[-1][0]
            h = max(ref.bbox[3] - ref.bbox[1], 1.0)
            if abs(_row_key(ln) - _row_key(ref)) <= h / 3:
                rows[-1].append(ln)
                continue
        rows.append([ln])
    return rows


def _spans(row: list[Line]) -> list[tuple[Span, Line]]:
    return sorted(((s, ln) for ln in row for s in ln.spans if s.text.strip()), key=lambda p: p[0].bbox[0])


def _split_at(row: list[Line], x: float) -> tuple[list[tuple[Span, Line]], list[tuple[Span, Line]]] | None:
    """A row's pieces left and right of ``x``, or None when one crosses it."""
    left: list[tuple[Span, Line]] = []
    right: list[tuple[Span, Line]] = []
    for s, ln in _spans(row):
        if s.bbox[0] < x < s.bbox[2]:
            return None
        (left if s.bbox[2] <= x else right).append((s, ln))
    return left, right


def _head_gap(row: list[Line], width: float) -> tuple[float, float] | None:
    """The gap (x0, x1) between the head row's two bold pieces, or None."""
    pieces = _spans(row)
    if len(pieces) < 2:
        return None
    height = max(ln.bbox[3] - ln.bbox[1] for ln in row)
    gaps = [(pieces[k + 1][0].bbox[0] - pieces[k][0].bbox[2], k) for k in range(len(pieces) - 1)]
    wide = [k for g, k in gaps if g >= _GAP * height]
    if len(wide) != 1 or not all(s.bold for s, _ in pieces):
        return None
    k = wide[0]
    if any(_labels_only(" ".join(s.text for s, _ in side)) for side in (pieces[:k + 1], pieces[k + 1:])) \
            or control_header(" ".join(s.text for s, _ in pieces).split()):
        return None  # an unruled table's header ("Mått | Mål Utfall", "Område | Konsekvens …"), no lists' headings
    x0, x1 = pieces[k][0].bbox[2], pieces[k + 1][0].bbox[0]
    if not _MID[0] * width <= x1 <= _MID[1] * width:
        return None
    return x0, x1


def _labels_only(text: str) -> bool:
    """Whether every word of ``text`` (years aside) is a column label of the vocabulary."""
    from planparse import vocabulary

    words = [w for w in text.replace("|", " ").split() if not w.isdigit()]
    return bool(words) and all(vocabulary.match_label(w) is not None for w in words)


def _line(pieces: list[tuple[Span, Line]]) -> Line:
    first, ln = pieces[0]
    spans = [s for s, _ in pieces]
    if first.text != first.text.lstrip():
        spans[0] = Span(first.text.lstrip(), first.bbox, first.font, first.size, first.bold, first.italic, first.color)
    return Line(spans, ln.page, ln.method)


def _bulleted(ln: Line) -> bool:
    return ln.spans[0].text.strip() in _BULLETS


def _lost_bullets(cols: list[list[Line]]) -> None:
    """An OCR'd block whose one column's items carry their bullets ("• Invånarna ska …") and
    whose other column's carry none (the bullets a speck too small for the OCR): the other
    column's lines that start an item get theirs. Such a line starts at the column's text edge
    (its heading's lines are set left of it) with a capital, where a wrapped item's next line
    goes on in lower case ("effektivt")."""
    marked = [any(_bulleted(ln) for ln in col[1:]) for col in cols]
    if all(marked) or not any(marked) or any(ln.method not in ("ocr", "repaired") for col in cols for ln in col):
        return
    col = cols[marked.index(False)]
    body = [ln for ln in col if not ln.bold]
    if len(body) < 2:
        return
    edge = min(ln.bbox[0] for ln in body)
    if edge - min(ln.bbox[0] for ln in col) < 4.0:  # (the items set in from the heading)
        return
    for ln in body:
        first = ln.spans[0]
        if abs(first.bbox[0] - edge) <= 3.0 and first.text.strip()[:1].isupper():
            x = first.bbox[0] - 0.8 * first.size
            dot = Span("•", (x, first.bbox[1], x + 0.3 * first.size, first.bbox[3]), first.font, first.size)
            first.text = " " + first.text.lstrip()
            ln.spans = [dot, *ln.spans]


def read_grid(lines: list[Line], width: float) -> tuple[list[Line], bool]:
    """``lines`` (top to bottom, outside tables) with each heading-led two-column block read
    column by column (the lines as they were where there is none), and whether there was one
    (the page's lines are then no longer in order by height)."""
    rows = _rows(lines)
    out: list[Line] = []
    found = False
    i = 0
    while i < len(rows):
        gap = _head_gap(rows[i], width)
        if gap is None:
            out.extend(rows[i])
            i += 1
            continue
        x = gap[1] - 1.0
        height = max(ln.bbox[3] - ln.bbox[1] for ln in rows[i])
        left_col: list[list[tuple[Span, Line]]] = []
        right_col: list[list[tuple[Span, Line]]] = []
        j = i
        bottom = max(ln.bbox[3] for ln in rows[i])
        while j < len(rows):
            top = min(ln.bbox[1] for ln in rows[j])
            if j > i and top - bottom > _DOWN * height:
                break
            parts = _split_at(rows[j], x)
            if parts is None:
                break
            if parts[0]:
                left_col.append(parts[0])
            if parts[1]:
                right_col.append(parts[1])
            bottom = max(ln.bbox[3] for ln in rows[j])
            j += 1
        if j - i - 1 < _BODY_ROWS or len(right_col) < 2 or len(left_col) < 2:
            out.extend(rows[i])
            i += 1
            continue
        cols = [[_line(p) for p in col] for col in (left_col, right_col)]
        _lost_bullets(cols)
        out.extend(cols[0] + cols[1])
        found = True
        i = j
    return out, found
