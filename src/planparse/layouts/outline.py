"""Outline markers that head a goal's title in place of a decimal number: Roman numerals
("I.", "IV."), letters ("A.", "a)", "(b)"), letter-led outline numbers ("A.1", "B.2.1") and
"1)". Pandoc, Word's outline lists and many reports number goal areas and goals so; the walk
reads such headings by their type and rank, leaving the marker in the title. The marker is the
goal's ``number`` ("I", "a", "A.1"), never part of its title.
"""

from __future__ import annotations

import re

from planparse.model import Goal

_MARKER = re.compile(
    r"^(?:(?P<roman>[IVX]{1,5}|[Il]{2,3}|[Il]?[VX]|[VX][Il]{1,3})\.|(?P<letter>[A-ZÅÄÖ])\.|\(?(?P<small>[a-zåäö])\)|(?P<outline>[A-Z](?:\.\d{1,2}){1,3})\.?"
    r"|(?P<digit>\d{1,2})\))\s+(?P<title>[A-ZÅÄÖ0-9\"“«(].*)$"
)


def split_outline_marker(title: str) -> tuple[str, str] | None:
    """(number, title) of a title led by an outline marker, else None."""
    m = _MARKER.match(title)
    if m is None or len(m["title"].split()) < 2:
        return None
    number = next(m[k] for k in ("roman", "letter", "small", "outline", "digit") if m[k])
    if m["roman"]:
        number = number.replace("l", "I")  # (an OCR'd layer reads "II." as "ll.")
    return number, m["title"]


def outline_numbers(goals: list[Goal]) -> None:
    """Move the outline marker of every unnumbered goal's title into its number, in place."""
    for g in goals:
        if g.number is None and (found := split_outline_marker(g.title)) is not None:
            g.number, g.title = found
        outline_numbers(g.children)
