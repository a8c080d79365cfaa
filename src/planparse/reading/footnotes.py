"""Footnote marks typed as characters: a title ending in "¹", "²" or "*" whose footnote stands
at the foot of the page ("¹ Med placerade barn avses …"). The mark is the footnote's anchor, no
part of the title; raised marks set small are left out where the spans are read."""

from __future__ import annotations

from planparse.reading.model import Line, Span

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


RAISED_SMALL = 0.8  # a raised mark is set at most this share of its word's type size


def drop_raised_digits(lines: list[Line], height: float) -> list[Line]:
    """Footnote marks set as small raised figures ("de yngsta²" typed as a small "2" over the
    baseline) left out, where the page's lower part holds a note that starts with the figure:
    the figure touches the word before it, set smaller and higher. Lines of nothing but such a
    mark go with it; the lines as they were where there is none."""
    notes: dict[str, float] = {}  # a note's figure: the top of its note
    for ln in lines:
        first = ln.text.split()[:1]
        if ln.y0 > 0.5 * height and len(ln.text.split()) > 2 and first[0].isdigit():
            notes[first[0]] = min(notes.get(first[0], height), ln.y0)
    if not notes:
        return lines
    words = [s for ln in lines for s in ln.spans if s.text.strip() and not s.text.strip().isdigit()]
    marks: set[int] = set()
    for ln in lines:
        for s in ln.spans:
            t = s.text.strip()
            if t in notes and s.bbox[3] < notes[t] and any(_raised_after(s, w) for w in words):
                marks.add(id(s))
    if not marks:
        return lines
    out = []
    for ln in lines:
        kept = [s for s in ln.spans if id(s) not in marks]
        if len(kept) < len(ln.spans):
            if not any(s.text.strip() for s in kept):
                continue
            ln.spans = kept
        out.append(ln)
    return out


def _raised_after(mark: Span, word: Span) -> bool:
    """Whether ``mark`` sits right after ``word``, smaller and raised over its baseline."""
    return (abs(mark.bbox[0] - word.bbox[2]) <= 2.0 and mark.size <= RAISED_SMALL * word.size
            and mark.bbox[1] < word.bbox[1] + 0.5 and mark.bbox[3] < word.bbox[3] - 1.0)
