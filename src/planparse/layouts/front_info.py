"""The document information of the front pages, read in the order that trusts structure most:
tables, grids of labels set without rules, lines, then the running header and footer."""

from __future__ import annotations

from planparse.layouts.doc_info import Found, read_lines, read_table, read_text
from planparse.layouts.span_grid import read_span_grids
from planparse.reading.model import Page


def read_front(pages: list[Page], found: Found | None = None, *, tables: bool = True) -> Found:
    """The document information of ``pages`` (the front pages): tables first, then grids without
    rules (:mod:`.span_grid`), the first page's lines, then the running header and footer."""
    found = found or Found()
    if tables:
        for page in pages:
            for t in page.tables:
                read_table(t, found)
    for page in pages:
        read_span_grids(page.lines, found)
    for page in pages[:1]:
        read_lines(page.lines, found)
    for page in pages[:2]:
        for ln in page.noise:
            read_text(ln.text, found)
    return found
