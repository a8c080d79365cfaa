"""Headings told by colour alone: native lines in the body's size, not bold, printed in a colour
over running text in black (a Word style that only colours its headings)."""

from __future__ import annotations

from planparse.layouts.leading import heading_shaped
from planparse.layouts.marker import color_name
from planparse.reading.model import Document, Line


def _colour(line: Line) -> int | None:
    """The one colour a line's words are printed in (0 black), None when they differ."""
    found = {s.color for s in line.spans if s.text.strip()}
    return found.pop() if len(found) == 1 else None


def coloured_headings(doc: Document, body: float) -> set[int]:
    """Native lines in the body's size (half a point either way), not bold, in a colour (not grey)
    over running text in black (nine tenths of its letters or more): headings told by colour
    alone. Each is a title's shape (a few capitalised words, no sentence's end) or one word in
    capitals ("INLEDNING"); a colour that also prints long running lines is no heading's."""
    black = coloured = 0
    lines = [ln for page in doc.pages for ln in page.lines if ln.method == "native"]
    by_colour: dict[int, list[Line]] = {}
    for ln in lines:
        colour = _colour(ln)
        if colour is None or abs(ln.size - body) > 0.5:
            continue
        if colour == 0:
            black += len(ln.text)
        elif color_name(colour) not in (None, "grey"):
            coloured += len(ln.text)
            by_colour.setdefault(colour, []).append(ln)
    if not by_colour or black < 9 * coloured:
        return set()
    out: set[int] = set()
    for group in by_colour.values():
        if any(len(ln.text.split()) > 12 for ln in group):
            continue  # (a colour for running text or links, no heading's)
        out.update(id(ln) for ln in group if not ln.bold and (
            heading_shaped(ln.text) or (ln.text.isupper() and ln.text.isalpha() and len(ln.text) >= 4)))
    return out
