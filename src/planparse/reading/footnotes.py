"""Footnote marks typed as characters: a title ending in "¹", "²" or "*" whose footnote stands
at the foot of the page ("¹ Med placerade barn avses …"). The mark is the footnote's anchor, no
part of the title; raised marks set small are left out where the spans are read."""

from __future__ import annotations

from planparse.reading.model import Line

MARKS = "¹²³⁴⁵⁶⁷⁸⁹*†"


def strip_marks(lines: list[Line], height: float) -> None:
    """Marks ending a line of the page that a footnote in the page's lower half starts with,
    taken off the line's last span, in place."""
    notes = {ln.text[0] for ln in lines if ln.text[:1] in MARKS and ln.y0 > 0.5 * height and len(ln.text) > 3}
    if not notes:
        return
    for ln in lines:
        text = ln.text
        if len(text) > 3 and text[-1] in notes and text[-2:-1].isalpha() and ln.spans:
            last = ln.spans[-1]
            last.text = last.text.rstrip()[:-1]
