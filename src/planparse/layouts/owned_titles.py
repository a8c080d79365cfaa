"""Activities told by the owner line under their title: a short line straight over an
"Ansvarig: Kulturskolechef" line (a vocabulary owner label with its value), in a goal's scope.

A plan whose levels are told by size and weight together (målområde 16 pt bold → nämndmål
12.5 pt regular → aktivitet 9.5 pt bold over 9.5 pt body) prints each activity as a bold
body-size line with its owner under it. The typography rank alone cannot tell that line from
the nämndmål above it (both rank one step over the body), and an OCR'd copy has no weight
and sizes within their noise; the owner line under it is what says "activity". With fonts the
title must be bold, in body size and smaller than the goal's heading; on an OCR'd layer it must
be no larger than the goal's heading and not right under it (a goal's own "Ansvarig" line
follows its heading, or the goal's paragraph)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse.layouts.headings import Heading
from planparse.reading.model import Line
from planparse.text.assemble import list_item

if TYPE_CHECKING:
    from planparse.layouts.engine import Walk


def _below(w: Walk, line: Line) -> Line | None:
    """The next line of ``line``'s column: under it on its page at its left edge, else the
    first line of the next page, when ``line`` ends its page."""
    page = w.page(line)
    under = [o for o in page.lines if o is not line and o.bbox[1] >= line.bbox[3] - 1 and abs(o.x0 - line.x0) < 40
             and o.bbox[0] < line.bbox[2] and o.bbox[2] > line.bbox[0]]
    if under:
        return min(under, key=lambda o: o.bbox[1])
    if any(o.bbox[1] > line.bbox[3] for o in page.lines):
        return None
    nxt = next((p for p in w.doc.pages if p.number == line.page + 1), None)
    return min(nxt.lines, key=lambda o: o.bbox[1]) if nxt is not None and nxt.lines else None


def _owner_line(w: Walk, line: Line, below: Line | None) -> bool:
    """Whether ``below`` is an owner label with its value, set straight under ``line``."""
    if below is None or abs(below.x0 - line.x0) > 5:
        return False
    label, value = w.label(below.text)
    if label != "owner" or not value.strip():
        return False
    height = max(line.bbox[3] - line.bbox[1], 1.0)
    return below.page != line.page or below.bbox[1] - line.bbox[3] < 1.2 * height


def _scope(w: Walk) -> tuple[float, Line] | None:
    """The size and line of the heading whose goal is in scope: a pending heading, else the
    open goal made from an unnumbered heading."""
    if w.section is not None:
        return w.typo.size(w.section), w.section
    goal = w.goal
    if goal is not None and id(goal) in w.styled and (head := w.heading_lines.get(id(goal))) is not None:
        return w.styled[id(goal)], head
    return None


def _right_under(head: Line, line: Line) -> bool:
    """Whether ``line`` is the line straight under the heading ``head`` (nothing between)."""
    height = max(head.bbox[3] - head.bbox[1], 1.0)
    return line.page == head.page and 0 <= line.bbox[1] - head.bbox[3] < 1.5 * height


def owned_heading(w: Walk, line: Line) -> Heading | None:
    """``line`` as an activity's heading, when it titles one of the goal in scope."""
    return Heading("activity", line.text.strip()) if _owned_title(w, line) else None


def _owned_title(w: Walk, line: Line) -> bool:
    """Whether ``line`` titles an activity of the goal in scope (see the module's doc)."""
    text = line.text.strip()
    words = text.split()
    if not 2 <= len(words) <= 14 or not text[:1].isupper() or text.endswith((".", ":", ";", ",")):
        return False
    if list_item(text) is not None or w.label(text)[0] is not None or ":" in text:
        return False
    scope = _scope(w)
    if scope is None or not _owner_line(w, line, _below(w, line)):
        return False
    size, head = scope
    if w.typo.has_fonts(line):
        return bool(line.bold) and abs(line.size - w.typo.body) <= 0.5 and size > w.typo.size(line) + 0.3
    return w.typo.rank(line) < 2 and w.typo.size(line) <= size + 0.3 and not _right_under(head, line)
