"""Heading numbers an OCR read without their dots ("322 Besöksnäringen ska stärkas" for
"3.2.2 Besöksnäringen ska stärkas"), or with a dot read as a figure ("271 Personer …" for "2.1
Personer …", under the chapter "2: Trygghet …"): given back where the dotted number is the next
one in the document's own numbering, after the heading number before it (its next sibling, its
first child, or the next at a level above; a chapter's one number counts when a stop or colon
follows it). A figure in a sentence ("322 personer") follows no heading
number so, and stays as read."""

from __future__ import annotations

import re

from planparse.reading.model import Line

_DOTLESS = re.compile(r"^(\d{2,3})$")
_DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?$")
_COMMA = re.compile(r"^\d{1,2},\d{1,2}$")
_CHAPTER = re.compile(r"^(\d{1,2})[.:]$")  # an OCR'd chapter's number, "2." or "2:"
_TITLE_START = re.compile(r"^[A-ZÅÄÖ][a-zåäöA-ZÅÄÖ]")


def _next_numbers(number: str) -> set[str]:
    parts = [int(p) for p in number.split(".")]
    out = {".".join(map(str, [*parts, 1]))}
    for i in range(len(parts)):
        out.add(".".join(map(str, [*parts[:i], parts[i] + 1])))
    return out


def dotted_heading_numbers(lines: list[Line]) -> None:
    """Give OCR'd heading numbers in ``lines`` (a document's, in reading order) their dots back, in place."""
    last: str | None = None
    for ln in lines:
        if len(ln.spans) < 2:
            continue
        if last is not None and ln.method != "native" and (joined := _dot_read_as_space(ln, _next_numbers(last))):
            last = joined
            continue
        first, second = ln.spans[0].text.strip(), ln.spans[1].text.strip()
        if not _TITLE_START.match(second):
            continue
        if (m := _DOTTED.match(first)) is not None or (ln.method != "native" and (m := _CHAPTER.match(first))):
            last = m[1]
        elif last is not None and ln.method != "native" and _COMMA.match(first) \
                and (dotted := first.replace(",", ".")) in _next_numbers(last):
            ln.spans[0].text = ln.spans[0].text.replace(first, dotted, 1)  # ("3,1 Trygghet …": its dot read as a comma)
            last = dotted
        elif last is not None and ln.method != "native" and _DOTLESS.match(first):
            found = _dotted(first, _next_numbers(last))
            if found is not None:
                ln.spans[0].text = ln.spans[0].text.replace(first, found, 1)
                last = found


def _dot_read_as_space(line: Line, wanted: set[str]) -> str | None:
    """The heading number of an OCR'd line whose last dot was read as a space ("Uppdrag 3.1 1",
    "3.1 1 Närvaron …" for 3.1.1), joined in place when it is one of ``wanted``; else None."""
    spans = line.spans
    for i in (0, 1):
        if len(spans) < i + 2 or i == 1 and not spans[0].text.strip().isalpha():
            continue
        head, tail = spans[i].text.strip(), spans[i + 1].text.strip()
        rest = spans[i + 2].text.strip() if len(spans) > i + 2 else ""
        if _DOTTED.match(head) and tail.isdigit() and len(tail) <= 2 and (not rest or _TITLE_START.match(rest)) \
                and (number := f"{head.rstrip('.')}.{tail}") in wanted:
            spans[i].text = spans[i].text.replace(head, number, 1)
            line.spans = [*spans[: i + 1], *spans[i + 2 :]]
            return number
    return None


def _dotted(figures: str, wanted: set[str]) -> str | None:
    """The dotted number of ``wanted`` that ``figures`` is, read without its dots ("322" for
    "3.2.2") or with its one dot read as a figure ("271" for "2.1"); None if none is."""
    if (dotted := ".".join(figures)) in wanted:
        return dotted
    if len(figures) == 3 and (dotted := f"{figures[0]}.{figures[2]}") in wanted:
        return dotted
    return None
