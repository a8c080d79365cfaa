"""Headings told on a scan by their strokes: an OCR'd line whose every word the page image
shows in bold (:mod:`planparse.reading.weight`) over running text in the regular face."""

from __future__ import annotations

import statistics
from collections.abc import Callable

from planparse.reading.model import Document, Line


def set_bold(line: Line) -> bool:
    """An OCR'd line of three words or more, each bold in the page image (one or two words
    may read heavy from a speck or a short word's few strokes)."""
    words = [s for s in line.spans if s.text.strip()]
    return line.method != "native" and len(words) >= 3 and all(s.bold for s in words)


def bold_size(doc: Document, near_body: Callable[[Line], bool], rank: Callable[[Line], int]) -> float:
    """The one size of a document's bold OCR'd headings in about the body's size: their
    letters' boxes read a point apart ("Företagsklimatet ska förbättras" 9.4, "Besöksnäringen
    ska växa under hela året" 10.2), one style all the same; 0.0 without such headings."""
    sizes = [ln.size for page in doc.pages for ln in page.lines if set_bold(ln) and near_body(ln) and rank(ln)]
    return statistics.median(sizes) if sizes else 0.0
