"""Headings told on a scan by their strokes: an OCR'd line whose every word the page image
shows in bold (:mod:`planparse.reading.weight`) over running text in the regular face."""

from __future__ import annotations

from planparse import vocabulary
from planparse.reading.model import Line


def set_bold(line: Line) -> bool:
    """An OCR'd line of three words or more, each bold in the page image (one or two words
    may read heavy from a speck or a short word's few strokes), no row of column labels (a
    table's bold header outside its table: "Indikatorer Tot Utfall Målvärde")."""
    words = [s for s in line.spans if s.text.strip()]
    if line.method == "native" or len(words) < 3 or not all(s.bold for s in words):
        return False
    return sum(vocabulary.match_label(s.text.strip(" ,.:;")) is not None for s in words) < 2
