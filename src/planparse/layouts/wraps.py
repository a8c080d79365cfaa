"""Whether a line could be the wrapped rest of the line above it."""

from __future__ import annotations

from planparse.layouts.typography import Typography
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


def title_lines(lines: list[Line], texts: list[str], doc: Document) -> int:
    """How many of a title field's lines are the title: those up to the first sentence that
    ends with room to spare on its line before a capital (its description starts there, where
    an OCR'd page's even leading shows no paragraph); all of them when none does."""
    for k in range(1, len(lines)):
        if texts[k - 1].rstrip().endswith((".", "!", "?")) and texts[k][:1].isupper() \
                and did_not_wrap(lines[k - 1], lines[k], doc):
            return k
    return len(lines)


def wraps_body_title(prev: Line, line: Line, typo: Typography) -> bool:
    """Whether ``line`` goes on with a goal's or activity's title set in body type whose last line is ``prev``
    ("Nämndmål 1.1 Kommunstyrelsen ska … så att otryggheten i" / "centrala Ljusdal …"): the
    sentence not ended, the next line in the same type, close under it, going on in lower case."""
    if line.page != prev.page or prev.text.rstrip().endswith((".", ":", "!", "?", ";")):
        return False
    if not (typo.has_fonts(line) and typo.has_fonts(prev)) or typo.rank(line) or typo.rank(prev):
        return False
    if line.bold != prev.bold or abs(line.size - prev.size) > 0.3:
        return False
    height = max(prev.bbox[3] - prev.bbox[1], 1.0)
    gap = line.y0 - prev.bbox[3]
    return -0.6 * height <= gap < 0.8 * height and line.text[:1].islower()
