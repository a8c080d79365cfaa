"""Pages set in two columns (an annual report's body, a Word section with two columns): the
gutter between them, so that lines on one baseline in different columns are not joined and
each column is read top to bottom before the next.

The evidence is strong on purpose: rows of running text on both sides of one empty vertical
band near the middle of the page, each side filling its column. Side-by-side table cells and
a cover's label grid do not fill their halves and leave no such band, and a table's later
column holds few lines beside its first column's many.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from planparse.reading.by_height import ByHeight
from planparse.reading.model import Line

MIN_ROWS = 4  # lines in the right column, and baselines with text in both
MIN_GUTTER = 8.0  # pt of empty band between the columns
EDGE_SPREAD = 4.0  # pt over which the starts of one column's lines may spread (an OCR'd page)
_FILLED = 0.6  # share of those rows whose lines fill their column
_BESIDE = 0.5  # the least share of the left column's lines the right one has beside them
# how far the widths of two short columns may differ (a column's width: its longest line,
# which wraps a word short of the column's edge, or more where the column's lines are few)
_SAME_WIDTH = 0.15


def gutter(lines: list[Line], page_width: float, rules: list[Box] | None = None) -> tuple[float, float] | None:
    """The empty vertical band (x0, x1) between two columns of running text, or None;
    ``rules``: the boxes of the page's drawn horizontal rules (a ruled table's rows)."""
    lines = _inside_running_rules(lines, rules or [], page_width)
    if (labelled := _labelled_columns(lines, page_width)) is not None:
        return labelled
    if len(lines) >= 2 * MIN_ROWS and any(ln.method != "native" for ln in lines):
        # (an OCR'd speck a few points high, a rule's or a shadow's debris "a a", is no line of text)
        heights = sorted(ln.bbox[3] - ln.bbox[1] for ln in lines)
        lines = [ln for ln in lines if ln.bbox[3] - ln.bbox[1] >= 0.4 * heights[len(heights) // 2]]
    if len(lines) < 2 * MIN_ROWS:
        return None
    boxes = [ln.bbox for ln in lines]  # (read once: a line's box is a computed property)
    edge = _column_edge([b[0] for b in boxes], page_width) or _lead_in_edge(lines, boxes, page_width)
    if edge is None:
        return None
    x = edge - 1.0
    # a lead-in set out from its column's indented list ("För att nå visionen är följande" /
    # "… prioriterade under 2025:" over the bullets) starts the column a little left of most
    # of its lines: lines ending in a colon, or right above one that does
    lead = [(b, ln.text) for b, ln in zip(boxes, lines, strict=True)
            if 0.3 * page_width <= b[0] < x < b[2] and x - b[0] <= 3 * (b[3] - b[1])]
    colons = [b for b, text in lead if text.rstrip().endswith(":")]
    # (or a goal's number hanging in the gutter left of its column's text: "4. Våld i nära …")
    lead = [(b, text) for b, text in lead if any(abs(b[0] - c[0]) <= 2 and 0 <= c[1] - b[1] <= 2.5 * (b[3] - b[1])
                                                  for c in colons) or _HANGING.match(text)]
    if lead:
        x = min(b[0] for b, _ in lead) - 1.0
    x = _indented_edge(boxes, x, page_width)
    left = [b for b in boxes if b[2] <= x]
    right = [b for b in boxes if b[0] >= x]
    # (lines across the gutter above or below the right column, a title over both columns or
    # a running header and footer, are no evidence against it)
    across = [b for b in boxes if b[0] < x < b[2]]
    reach = (min(b[1] for b in right), max(b[3] for b in right)) if right else (0.0, 0.0)
    if sum(1 for b in across if b[3] > reach[0] and b[1] < reach[1]) > 0.2 * len(boxes):
        return None
    if len(left) < MIN_ROWS or len(right) < MIN_ROWS:
        return None
    if across and max(b[2] for b in right) < max(b[2] for b in across) - 0.12 * page_width:
        return None  # the "column" stops far short of where the page's text ends: a table's later cells
    if 2 * sum(1 for ln, b in zip(lines, boxes, strict=True) if b[0] >= x and not _WORD.search(ln.text)) > len(right):
        return None  # a table's figure columns beside its names ("84 86 Öka", "85 87"): no text
    # Running text fills both columns alike where both have text; a table's second column
    # (a status and a date beside a cell of many lines) holds a few lines beside many.
    top, bottom = max(min(b[1] for b in left), min(b[1] for b in right)), min(max(b[3] for b in left), max(b[3] for b in right))
    def rows(side: list[tuple[float, float, float, float]]) -> int:  # baselines, cells beside each other as one
        return len({round((b[1] + b[3]) / 4) for b in side if top <= b[1] <= bottom})

    rows_beside = rows(right) >= _BESIDE * rows(left)
    g0, g1 = max(b[2] for b in left), min(b[0] for b in right)
    if g1 - g0 < MIN_GUTTER:
        return None
    margin_l, margin_r = min(b[0] for b in left), max(b[2] for b in right)
    width_l, width_r = g0 - margin_l, margin_r - g1
    if min(width_l, width_r) < 0.25 * page_width:
        return None
    stops = {b for b, ln in zip(boxes, lines, strict=True) if ln.text.rstrip().endswith((".", "!", "?"))}
    # a list's lead-in ("… är följande områden prioriterade:") and the items of a bulleted list
    # right under it, each short of its column's edge
    lead_ins = {b for b, ln in zip(boxes, lines, strict=True) if ln.text.rstrip().endswith(":")}
    items = {b for b, ln in zip(boxes, lines, strict=True) if _BULLET.match(ln.text)}
    headings = _headings(lines, boxes)
    by_top = {id(side): _by_top(side) for side in (left, right)}
    ran: dict[Box, bool] = {}  # running() of the right column's boxes, each worked out once

    def fills(end: Box, margin: float, width: float) -> bool:
        return end[2] - margin >= 0.65 * width

    def running(b: Box, side: list[Box], margin: float, width: float) -> bool:
        # a row filling its column, or a paragraph's or list item's last line (after a stop,
        # or under a row that filled the column: items of a list end without one)
        end = row_end(b, side, by_top[id(side)])
        if fills(end, margin, width) or end in stops or (end in lead_ins and end[2] - margin >= 0.4 * width):
            return True
        if b in items:  # (an item under its lead-in or under another item)
            above = row_above(b, by_top[id(side)])
            if above is not None and (above in items or above in lead_ins or above in headings):
                return True
        # (in a column of many lines, set in from its margin no further than a bullet's
        # indent: a cover's label grid, a few rows, has its values under labels across it; in
        # a short column only the wrap of a line filling 80 % of it, starting where it starts)
        if b[0] - margin > 3 * (b[3] - b[1]):
            return False
        above = row_above(b, by_top[id(side)])
        if above is None:
            return False
        if len(side) < 3 * MIN_ROWS:
            # (and set in its size, told by the boxes' heights: a cover grid's value under its label is not)
            return abs(above[0] - b[0]) <= 1 and row_end(above, side, by_top[id(side)])[2] - margin >= 0.8 * width \
                and abs((above[3] - above[1]) - (b[3] - b[1])) <= 0.15 * max(above[3] - above[1], b[3] - b[1])
        return fills(row_end(above, side, by_top[id(side)]), margin, width)

    if not rows_beside:  # (few rows side by side: two columns only if the right one is short)
        return (g0, g1) if _short_column(boxes, x, left, right, (margin_l, width_l), (g1, width_r), running, headings) \
            else None
    pairs = 0
    filled = 0
    for b in left:
        yc = (b[1] + b[3]) / 2
        # (boxes on one row overlap: an OCR'd layer's baselines are a point or two apart)
        beside = [r for r in by_top[id(right)](min(yc, b[1]), max(yc, b[3]))
                  if r[1] - 1 <= yc <= r[3] + 1 or min(r[3], b[3]) - max(r[1], b[1]) > 0.5 * (b[3] - b[1])]
        if not beside:
            continue
        pairs += 1
        if running(b, left, margin_l, width_l) and any(
                ran[r] if r in ran else ran.setdefault(r, running(r, right, g1, width_r)) for r in beside):
            filled += 1
    if pairs < MIN_ROWS:
        return (g0, g1) if _short_column(boxes, x, left, right, (margin_l, width_l), (g1, width_r), running, headings) \
            else None
    if filled < _FILLED * pairs and not _both_running(
            left, right, (margin_l, width_l), (g1, width_r), (top, bottom), lambda b, side, m, w: running(b, side, m, w), rules or [],
            across, headings) \
            and not _short_column(boxes, x, left, right, (margin_l, width_l), (g1, width_r), running, headings):
        return None
    return g0, g1


# What a column of text under a head holds: a list or a text, not a table column's values
_COLUMN_HEADS = frozenset({"activities", "assignment", "indicator", "measure", "method", "goal", "description",
                           "priority_development"})


def _labelled_columns(lines: list[Line], page_width: float) -> tuple[float, float] | None:
    """The gutter under two column heads set alike side by side, the right one a section label
    starting in the page's middle ("MÅL" | "AKTIVITETER" on a slide, "Målområde 1" | "Så här
    gör vi"): every line under them keeps to one side of the right label's start. A slide holds
    too few lines for the evidence of running text below."""
    from planparse.vocabulary import match_label

    heads = [ln for ln in lines if len(ln.text.split()) <= 3 and (m := match_label(ln.text)) is not None
             and m.confidence >= 0.9 and m.value in _COLUMN_HEADS]
    for right in heads:
        if not 0.3 * page_width <= right.bbox[0] <= 0.7 * page_width or any(
                ln is not right and abs(ln.bbox[3] - right.bbox[3]) <= 2 and ln.bbox[0] > right.bbox[0] for ln in lines):
            continue  # (a third head on the row: a table's header, "Aktivitet | Status | Slutdatum")
        # (the left head is a label or a short head set alike: "MÅL", "MÅLOMRÅDE 1")
        if not any(abs(left.bbox[3] - right.bbox[3]) <= 2 and left.bbox[2] < right.bbox[0] - MIN_GUTTER
                   and left.bbox[0] < 0.3 * page_width and len(left.text.split()) <= 3
                   and abs((left.bbox[3] - left.bbox[1]) - (right.bbox[3] - right.bbox[1])) <= 1.5 for left in lines):
            continue
        x, top = right.bbox[0] - 2, right.bbox[3]
        below = [ln for ln in lines if ln.bbox[1] >= top - 1]
        left_side = [ln.bbox for ln in below if ln.bbox[2] <= x]
        right_side = [ln for ln in below if ln.bbox[0] >= x]
        if not left_side or not right_side or len(left_side) + len(right_side) < len(below):
            return None  # a line under the heads crosses the gutter: no two columns
        if 2 * sum(1 for ln in right_side if any(ch.isdigit() for ch in ln.text) and not _WORD.search(ln.text)) \
                > sum(1 for ln in right_side if any(ch.isalnum() for ch in ln.text)):
            return None  # figures under the right head: a table's header ("Mått | Mål Utfall")
        g0, g1 = max(b[2] for b in left_side), min(ln.bbox[0] for ln in right_side)
        return (g0, g1) if g1 - g0 >= MIN_GUTTER else None
    return None


_WORD = re.compile(r"[^\W\d_]{5}")  # a word of five letters: running text has them, a table's figures not
_BULLET = re.compile(r"\s*[•●▪■◦‣–«»·-]\s")  # (« » ·: an OCR'd bullet)
_HANGING = re.compile(r"\d{1,2}(?:\.\d{1,2})*[.)]?\s+[A-ZÅÄÖ]")
_FURNITURE_LINES = 3  # the most lines a running header or footer holds


def _inside_running_rules(lines: list[Line], rules: list[Box], page_width: float) -> list[Line]:
    """The lines between the rules across the page (70 % of its width or more) that part a
    running header (a few lines above the topmost) and footer (a few lines below the lowest)
    from the text: the header's title and organisation at either side, or a page number in
    the middle, would otherwise stand in either column or across the gutter."""
    wide = [r for r in rules if r[2] - r[0] >= 0.7 * page_width]
    if not wide or not lines:
        return lines
    top, bottom = min(r[1] for r in wide), max(r[3] for r in wide)
    boxes = [ln.bbox for ln in lines]  # (read once: a line's box is a computed property)
    above = sum(1 for b in boxes if b[3] <= top)
    below = sum(1 for b in boxes if b[1] >= bottom)
    cut_above = 0 < above <= _FURNITURE_LINES and any(b[1] > top for b in boxes)
    cut_below = 0 < below <= _FURNITURE_LINES and any(b[3] < bottom for b in boxes)
    if not (cut_above or cut_below):
        return lines
    return [ln for ln, b in zip(lines, boxes, strict=True)
            if (not cut_above or b[3] > top) and (not cut_below or b[1] < bottom)]


_SPAN = 0.6  # of the text's height: how far down the page both columns must run side by side


def _both_running(
    left: list[Box], right: list[Box], col_l: tuple[float, float], col_r: tuple[float, float],
    shared: tuple[float, float], running: Callable[[Box, list[Box], float, float], bool], rules: list[Box],
    across: list[Box], headings: set[Box],
) -> bool:
    """Two columns told each on its own, where row by row they do not pair up: a column of
    headings, short assessment lines and table rows beside running text has its rows at other
    heights than the text's, so few of the text's rows have a filled row beside them. Both
    columns run side by side over most of the text's height (``shared``, at least
    :data:`_SPAN` of it) and each on its own is running text: of the rows it starts, at least
    :data:`_FILLED` fill it (``running``; a table's rows across the column count) and at least
    :data:`MIN_ROWS`. Side-by-side table cells fail it (a short cell's column holds few filled
    rows), and so does a cover's label grid. The text's height is the section's the columns
    stand in: between the lines ``across`` the gutter above and below them (a title block and
    a paragraph across the page over the columns, a conclusion under them)."""
    top = max((b[3] for b in across if b[3] <= shared[0] + 1), default=-math.inf)
    bottom = min((b[1] for b in across if b[1] >= shared[1] - 1), default=math.inf)
    every = [b for b in left + right if b[1] >= top - 1 and b[3] <= bottom + 1]
    height = max(b[3] for b in every) - min(b[1] for b in every)
    if shared[1] - shared[0] < _SPAN * height:
        return False
    return all(_runs(side, col, shared, running, rules, headings) for side, col in ((left, col_l), (right, col_r)))


def _runs(side: list[Box], col: tuple[float, float], span: tuple[float, float],
          running: Callable[[Box, list[Box], float, float], bool], rules: list[Box], headings: set[Box]) -> bool:
    """Whether a column is running text over ``span``: of the rows it starts there, at least
    :data:`_FILLED` fill it (``running``) and at least :data:`MIN_ROWS`; a heading's row
    (``headings``) over a row that does is neither (a preschool plan's "Nuläge" and "Mål" over
    their paragraphs and bullets). The cells of a
    table's row are one row, running when one of them is (its last cell reaches the column's
    edge) when drawn rules part it from the rows above and below (``rules``, the page's
    horizontal rules): a narrow ruled table inside a column is no evidence against it."""
    near = _by_top(side)
    rows: list[list[Box]] = []  # a row's starts: one, or the cells of a ruled table's row
    for b in sorted((b for b in side if span[0] <= b[1] <= span[1] and row_start(b, near)), key=lambda b: (b[1], b[0])):
        yc = (b[1] + b[3]) / 2
        if rows and rows[-1][0][1] - 1 <= yc <= rows[-1][0][3] + 1 and _ruled_row([*rows[-1], b], rules, col):
            rows[-1].append(b)
        else:
            rows.append([b])
    ran_rows = [any(running(b, side, *col) for b in row) for row in rows]
    heads = sum(1 for i, row in enumerate(rows[:-1]) if row[0] in headings and not ran_rows[i] and ran_rows[i + 1])
    ran = sum(ran_rows)
    return ran >= MIN_ROWS and ran >= _FILLED * (len(rows) - heads)


def _ruled_row(cells: list[Box], rules: list[Box], col: tuple[float, float]) -> bool:
    """Whether ``cells`` on one baseline stand between two drawn rules across all of them, each
    within two lines' height and neither reaching out of the column ``col`` (margin, width): a
    row of a table inside the column (a table across the page is no column's)."""
    x0, x1 = min(b[0] for b in cells), max(b[2] for b in cells)
    top, bottom = min(b[1] for b in cells), max(b[3] for b in cells)
    reach = 2 * (bottom - top)
    across = [r for r in rules if r[0] <= x0 and r[2] >= x1 and r[0] >= col[0] - reach and r[2] <= col[0] + col[1] + reach]
    return any(top - reach <= r[3] <= top + 1 for r in across) and any(bottom - 1 <= r[1] <= bottom + reach for r in across)


def _short_column(
    boxes: list[Box], x: float, left: list[Box], right: list[Box], col_l: tuple[float, float],
    col_r: tuple[float, float], running: Callable[[Box, list[Box], float, float], bool], headings: set[Box],
) -> bool:
    """Two columns of which one is short (the text ends a few lines into the second column, so
    few rows stand side by side): nothing crosses the gutter beside the right column (a
    heading and a lead-in above both may), the columns are as wide as each other (a page's
    columns are; a table's rarely) and each is running text on its own."""
    top, bottom = min(b[1] for b in right), max(b[3] for b in right)
    if any(b[0] < x < b[2] and b[3] > top and b[1] < bottom for b in boxes) \
            or abs(col_l[1] - col_r[1]) > _SAME_WIDTH * max(col_l[1], col_r[1]):
        return False
    return all(_runs(side, col, (-1e9, 1e9), running, [], headings) for side, col in ((left, col_l), (right, col_r)))


_HEADING_SIZE = 1.15  # of the body's size: a heading set larger than the text


def _headings(lines: list[Line], boxes: list[Box]) -> set[Box]:
    """The boxes of lines set apart as headings: bold, or larger than the page's commonest
    size, and ending in no full stop (an OCR'd layer has neither weight nor sizes to tell)."""
    sizes = sorted(ln.size for ln in lines if ln.size)
    if not sizes:
        return set()
    body = max(set(sizes), key=lambda s: (sizes.count(s), -s))
    return {b for b, ln in zip(boxes, lines, strict=True)
            if (ln.bold or ln.size >= _HEADING_SIZE * body) and not ln.text.rstrip().endswith((".", ","))}


def row_start(box: Box, near: Callable[[float, float], list[Box]]) -> bool:
    """Whether ``box`` starts its row of text: no piece on its baseline ends a word's space
    (the box's height) or less before it (see :func:`row_end`)."""
    yc, gap = (box[1] + box[3]) / 2, box[3] - box[1]
    return not any(b[1] - 1 <= yc <= b[3] + 1 and b[2] <= box[0] and box[0] - b[2] <= gap
                   for b in near(yc, yc) if b is not box)


Box = tuple[float, float, float, float]


def _lead_in_edge(lines: list[Line], boxes: list[Box], page_width: float) -> float | None:
    """A short right column's edge where too few lines start at one x for
    :func:`_column_edge`: a lead-in ending in a colon in the middle third of the page ("För att
    nå visionen är följande områden" / "särskilt prioriterade under 2026:") and the list right
    under it, set in no further than three lines' height, :data:`MIN_ROWS` lines in all."""
    for ln, b in zip(lines, boxes, strict=True):
        if not (0.3 * page_width <= b[0] <= 0.7 * page_width and ln.text.rstrip().endswith(":")):
            continue
        height = b[3] - b[1]
        group = [o for o in boxes if abs(o[0] - b[0]) <= EDGE_SPREAD and b[1] - 3 * height <= o[1] <= b[1]]
        bottom = b[3]
        for o in sorted((o for o in boxes if o[1] > b[1]), key=lambda o: o[1]):
            if o[1] - bottom > 1.5 * height:  # (a list's items may stand a blank line apart)
                break
            if b[0] - EDGE_SPREAD <= o[0] <= b[0] + 3 * height:
                group.append(o)
                bottom = o[3]
        if len(group) >= MIN_ROWS:
            return min(o[0] for o in group)
    return None


def _indented_edge(boxes: list[Box], x: float, page_width: float) -> float:
    """The column's edge left of ``x`` (where most of its lines start) when its headings and a
    list's bullets start a little further left, up to three lines' height: three lines or
    more start there and no more lines cross it than cross ``x`` (the right column of a page of
    headed lists: its list text starts most lines, the headings the column; a page number or
    a photo's caption is one or two lines)."""
    heights = sorted(b[3] - b[1] for b in boxes)
    reach = 3 * heights[len(heights) // 2]
    crossing = sum(1 for b in boxes if b[0] < x < b[2])
    for start in sorted({b[0] for b in boxes if x - reach <= b[0] < x and b[0] >= 0.3 * page_width}):
        if sum(1 for b in boxes if start <= b[0] <= start + EDGE_SPREAD) >= MIN_ROWS - 1 \
                and sum(1 for b in boxes if b[0] < start - 1.0 < b[2]) <= crossing:
            return start - 1.0
    return x


def _column_edge(starts: list[float], page_width: float) -> float | None:
    """The right column's left edge: where most lines starting in the middle third of the page
    start, or None when fewer than :data:`MIN_ROWS` do. Starts within :data:`EDGE_SPREAD` of
    the leftmost of them count as one edge, at that leftmost start: an OCR'd column's lines
    start a point or three apart (a scan's residual tilt, a letter's side bearing), and a
    table's cells set in from the column's edge must not pass for it."""
    lo, hi = 0.3 * page_width, 0.7 * page_width
    found = sorted(x for x in starts if lo <= x <= hi)
    best: tuple[int, float] | None = None
    j = 0
    for i, x in enumerate(found):
        while found[j] < x - EDGE_SPREAD:
            j += 1
        # the window (x - EDGE_SPREAD, x]: its count, at its leftmost start
        if best is None or i - j + 1 > best[0]:
            best = (i - j + 1, found[j])
    if best is None or best[0] < MIN_ROWS:
        return None
    return best[1]


def _by_top(side: list[Box]) -> Callable[[float, float], list[Box]]:
    """A lookup of the boxes of ``side`` that may reach from ``lo`` to ``hi`` (their tops
    within the tallest box's height above ``lo`` and a point or two below ``hi``), in their
    order: a superset of those a row's tests below accept, found by bisection."""
    tall = max((b[3] - b[1] for b in side), default=0.0)
    tops = ByHeight(lambda: side, lambda b: b[1])

    def near(lo: float, hi: float) -> list[Box]:
        if not (tall >= 0 and lo == lo and hi == hi):  # (NaN: every box, the tests decide)
            return side
        return tops.within(lo - tall - 2, hi + 2)

    return near


def row_above(box: Box, near: Callable[[float, float], list[Box]]) -> Box | None:
    """The start of the row of text right above ``box`` in its paragraph or list item: less
    than a line's gap above, starting at most a point right of it and at most a bullet's
    indent (three line heights) left of it (a wrapped item's next line is set in under its
    text, past the bullet)."""
    h = box[3] - box[1]
    found = [b for b in near(box[1] - 2 * h, box[1])
             if b is not box and b[3] <= box[1] + 1 and box[1] - b[3] <= 0.8 * h and box[0] - 3 * h <= b[0] <= box[0] + 1]
    return min(found, key=lambda b: (-b[3], b[0])) if found else None


def row_end(box: Box, side: list[Box], near: Callable[[float, float], list[Box]] | None = None) -> Box:
    """The last piece of the row of text that ``box`` starts: the pieces on its baseline that
    follow it a word's space apart (an OCR'd layer breaks a column's line into pieces:
    "Andelen fossilfria fordon" · "i kommunens"); a table's cells further apart stay apart.
    ``near``: a lookup of the boxes of ``side`` near a height (:func:`_by_top`)."""
    end, yc, gap = box, (box[1] + box[3]) / 2, box[3] - box[1]
    found = side if near is None else near(yc, yc)
    for b in sorted((b for b in found if b[1] - 1 <= yc <= b[3] + 1 and b[0] > box[0]), key=lambda b: b[0]):
        # (a bullet, a glyph narrower than high, stands a tab's indent before its item's text)
        if b[0] - end[2] > (gap if end[2] - end[0] > 0.6 * gap else 2.5 * gap):
            break
        end = b if b[2] > end[2] else end
    return end


def column_order(lines: list[Line], band: tuple[float, float]) -> list[Line]:
    """Lines in reading order on a two-column page: lines crossing the gutter (a title over
    both columns) split the page into zones; within a zone the left column, then the right.
    ``lines`` must be in top-to-bottom order."""
    mid = (band[0] + band[1]) / 2
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for ln in lines:
        if ln.bbox[0] < mid < ln.bbox[2]:
            out.extend(left + right)
            left, right = [], []
            out.append(ln)
        elif ln.bbox[2] <= mid:
            left.append(ln)
        else:
            right.append(ln)
    out.extend(left + right)
    return out


SHEET_GUTTER = 24.0  # pt of empty band at a sheet's middle between two pages: both their margins
SHEET_MARGIN = 0.03  # of the sheet's width: how far the two pages' left margins may differ
PAGE_FILL = 0.25  # of the sheet's width: the least width of each page's text


def two_pages(lines: list[Line], width: float, height: float) -> tuple[float, float] | None:
    """The empty band (x0, x1) between two pages printed side by side on one landscape sheet
    (two A5 pages on an A4 sheet, a booklet's spread), or None. No line crosses the sheet's
    middle, the band around it is wider than two margins, and each half is a page of its
    own: text as wide as half a page, set from its own left margin, the right page's the
    left page's moved by half the sheet. The pages are read one after the other (a page's
    lines beside the other page's are no row of a table and no column of running text)."""
    if width <= height or not lines:
        return None
    mid = width / 2
    boxes = [ln.bbox for ln in lines]
    if any(b[0] < mid < b[2] for b in boxes):
        return None
    left = [b for b in boxes if b[2] <= mid]
    right = [b for b in boxes if b[0] >= mid]
    if not left or not right:
        return None
    g0, g1 = max(b[2] for b in left), min(b[0] for b in right)
    if g1 - g0 < SHEET_GUTTER:
        return None
    margin_l, margin_r = min(b[0] for b in left), g1
    if abs((margin_r - mid) - margin_l) > SHEET_MARGIN * width:
        return None
    if min(g0 - margin_l, max(b[2] for b in right) - margin_r) < PAGE_FILL * width:
        return None
    return g0, g1
