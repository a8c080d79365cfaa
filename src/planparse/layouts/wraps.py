"""Whether a line could be the wrapped rest of the line above it."""

from __future__ import annotations

from planparse.reading.model import Document, Line


def did_not_wrap(prev: Line, line: Line, doc: Document) -> bool:
    """``prev`` ended with room to spare: ``line``'s first word would have fit after it before
    the page's text edge (the right end of its widest line), so ``line`` is no wrapped rest."""
    page = next((p for p in doc.pages if p.number == prev.page), None)
    words = line.text.split()
    if page is None or not words or prev.page != line.page:
        return False
    right = max((ln.bbox[2] for ln in page.lines), default=0.0)
    width = (line.bbox[2] - line.bbox[0]) * (len(words[0]) + 1) / max(len(line.text), 1)
    return prev.bbox[2] + width + 0.5 * max(line.size, 4.0) < right
