"""The document information of the front pages, read in the order that trusts structure most:
tables, grids of labels set without rules, lines, then the running header and footer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse.layouts.doc_info import Found, read_lines, read_table, read_text
from planparse.layouts.span_grid import read_span_grids
from planparse.model import DocumentType, Metadata
from planparse.reading.model import Document, Page
from planparse.text.fold import fold

if TYPE_CHECKING:
    from planparse.layouts.base import Builder


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


def cover_grid(doc: Document, out: Builder) -> Metadata:
    """The document-information grid of a plan's cover (or the page after a title page) into
    ``out``: its metadata, tables and document type; a warning when there is none."""
    found = read_front(doc.pages[:3])
    if not found.tables:
        out.warn("metadata_missing", "no document-information grid on the cover", 1)
    out.front_tables |= found.tables
    if found.document_type and "verksamhetsplan" in fold(found.document_type):
        out.document_type = DocumentType.verksamhetsplan
    out.metadata = found.meta
    return found.meta
