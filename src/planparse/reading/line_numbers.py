"""Line numbers in the margin: a draft printed with Word's "Radnumrering" (or a legal text with
numbered lines) has a number before every line of text, counting up down the page, set apart
from the text by a gap wider than a word space and aligned in a column of its own. They are
the print's furniture, no part of the text: "9 Mål 1: Kommunens fordon …" is the heading
"Mål 1: Kommunens fordon …", and a line holding nothing but its number is no line.

Told from numbered headings ("1 Inledning", "2 Mål") by the gap (a heading's number is a word
space from its text), by the column (the numbered lines' text starts right of every number,
and so does the page's other text), and by the count (five or more, counting up by one, a skipped line or two aside)."""

from __future__ import annotations

import re

from planparse.reading.model import Line, Span

_NUMBER = re.compile(r"\d{1,3}")
MIN_NUMBERED = 5  # numbered lines a page needs before its numbers are read as line numbers
ALIGN = 2.0  # points the numbers' right (or left) edges may differ in their column
GAP = 0.8  # a line number is further from its line's text than this share of the type size


def strip(lines: list[Line]) -> list[Line]:
    """The page's ``lines`` with their line numbers taken off (lines of nothing but their
    number left out); the lines as they were where the page has none."""
    found = _numbers(lines)
    if not found:
        return lines
    out: list[Line] = []
    for ln in lines:
        span = found.get(id(ln))
        if span is None:
            out.append(ln)
            continue
        rest = [s for s in ln.spans if s is not span]
        if not any(s.text.strip() for s in rest):
            continue
        while rest and not rest[0].text.strip():
            rest.pop(0)
        rest[0] = Span(rest[0].text.lstrip(), rest[0].bbox, rest[0].font, rest[0].size, rest[0].bold,
                       rest[0].italic, rest[0].color)
        ln.spans = rest
        if ln.raw_text is not None:
            ln.raw_text = _NUMBER.sub("", ln.raw_text.lstrip(), count=1).lstrip()
        out.append(ln)
    return out


def _numbers(lines: list[Line]) -> dict[int, Span]:
    """The line-number span of each numbered line (by the line's id), or none."""
    candidates: list[tuple[Line, Span]] = []
    for ln in lines:
        spans = [s for s in ln.spans if s.text.strip()]
        if not spans or not _NUMBER.fullmatch(spans[0].text.strip()):
            continue
        first = spans[0]
        if len(spans) > 1 and spans[1].bbox[0] - first.bbox[2] < GAP * max(spans[1].size, ln.size, 1.0):
            continue  # a word space from its text: a number of the text's own ("1 Inledning")
        candidates.append((ln, first))
    if len(candidates) < MIN_NUMBERED:
        return {}
    best: list[tuple[Line, Span]] = []
    for edge in (2, 0):  # right-aligned numbers (Word's), then left-aligned ones
        for _, s in candidates:
            column = [(ln, t) for ln, t in candidates if abs(t.bbox[edge] - s.bbox[edge]) <= ALIGN]
            if len(column) > len(best):
                best = column
    if len(best) < MIN_NUMBERED:
        return {}
    right = max(s.bbox[2] for _, s in best)
    numbered = {id(ln) for ln, _ in best}
    others = [ln for ln in lines if id(ln) not in numbered and ln.text.strip()]
    # the page's text right of the numbers, all of it but a speck or two (a table's "Nr" column
    # has its header over it, a numbered list its page's text beside it)
    if sum(ln.bbox[0] < right for ln in others) > len(others) // 20:
        return {}
    values = [int(s.text.strip()) for _, s in sorted(best, key=lambda m: m[0].bbox[1])]
    rising = sum(0 < b - a <= 3 for a, b in zip(values, values[1:], strict=False))
    if rising < 0.8 * (len(values) - 1):
        return {}
    return {id(ln): s for ln, s in best}
