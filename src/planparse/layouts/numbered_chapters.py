"""Chapter headings told by their numbers alone: set in body type, neither bold nor larger nor
coloured, "1 Inledning" … "5 Sammanfattning" with their sections "1.1", "3.2.1" under them.

A body-styled "1 Text" line with fonts is a list item as a rule (:func:`.headings.recognise`).
It is a chapter heading when the document's numbering says so: every such line in the running
text, in reading order, counts 1, 2, 3 … with none left out or repeated, all start at one left
edge with the numbered sections, every section's first number is the chapter it follows, and
at least two chapters have sections. A numbered list's items have no sections numbered under
them, nor does a table's row leave the table.
"""

from __future__ import annotations

import re

from planparse.reading.model import Document, Line

_CHAPTER = re.compile(r"^(\d{1,2})\.?\s+\S")
_SECTION = re.compile(r"^(\d{1,2})\.\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+\S")
_MIN_CHAPTERS = 3
_EDGE = 3.0  # points: one left edge


def numbered_chapters(doc: Document) -> set[int]:
    """Ids of the body-styled chapter heading lines of ``doc`` (see the module's doc)."""
    from planparse.layouts.headings import numbered  # noqa: PLC0415 (headings imports typography, which asks this)

    chapters: list[tuple[int, Line]] = []
    sections: list[tuple[int, Line]] = []
    order: list[tuple[str, int, Line]] = []
    for ln in doc.flow():
        if not isinstance(ln, Line) or ln.method != "native":
            continue
        text = ln.text.strip()
        num = numbered(text)
        if num is None or num[0] is not None or len(text) > 110 or text.endswith((".", ":")):
            continue
        if (m := _SECTION.match(text)) is not None:
            sections.append((int(m[1]), ln))
            order.append(("s", int(m[1]), ln))
        elif (m := _CHAPTER.match(text)) is not None:
            chapters.append((int(m[1]), ln))
            order.append(("c", int(m[1]), ln))
    if len(chapters) < _MIN_CHAPTERS or [n for n, _ in chapters] != list(range(1, len(chapters) + 1)):
        return set()
    edge = min(ln.x0 for _, ln in chapters + sections)
    if any(abs(ln.x0 - edge) > _EDGE for _, ln in chapters + sections):
        return set()
    current, headed = 0, set()
    for kind, n, _ in order:
        if kind == "c":
            current = n
        elif n != current:
            return set()  # a section outside its chapter: the numbers say no outline
        else:
            headed.add(n)
    return {id(ln) for _, ln in chapters} if len(headed) >= 2 else set()


def chapters_stating_goals(numbered: list[tuple[int, str, str]]) -> set[int]:
    """Ids of the chapter heading lines ("3 Redovisning av målarbete") two or more of whose own
    numbered sections, before the next chapter, state goals ("3.1 Fler invånare ska delta …"):
    chapters of goals by what they hold, whatever their title says. ``numbered``: every numbered
    heading's (line id, number, title), in reading order."""
    from planparse.layouts.goal_words import states_goal

    out: set[int] = set()
    chapter: tuple[int, str] | None = None  # the open chapter's line id and number
    stating = 0
    for key, number, title in numbered:
        head, dot, _ = number.rstrip(".").partition(".")
        if not dot and head.isdigit():
            chapter, stating = (key, head), 0
        elif chapter is not None and dot and head == chapter[1] and states_goal(title):
            stating += 1
            if stating >= 2:
                out.add(chapter[0])
    return out
