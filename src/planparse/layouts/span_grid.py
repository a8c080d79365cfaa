"""Document information set as a grid without rules: a line of three or more metadata labels
spaced as columns ("Dokumentnamn   Dokumenttyp   Fastställt"), and under it, up to the next
such line or a blank line's gap, their values, each text in the column where it starts (a
value may run on past its column, "Kommunstyrelsens verksamhetsplan 2026", or wrap)."""

from __future__ import annotations

from planparse.layouts.doc_info import Found, metadata_label, put
from planparse.reading.model import Line
from planparse.text.assemble import join_lines

Column = tuple[float, tuple[str, str]]  # (where the label starts, (field, label as printed))


def label_columns(line: Line) -> list[Column] | None:
    """The columns of a line whose every piece (span) is a metadata label, three or more."""
    spans = [s for s in line.spans if s.text.strip()]
    hits = [metadata_label(s.text) for s in spans]
    if len(spans) < 3 or any(h is None for h in hits):
        return None
    return [(s.bbox[0], h) for s, h in zip(spans, hits, strict=True) if h is not None]


def read_span_grids(lines: list[Line], found: Found) -> None:
    """Each grid of ``lines`` (one page's, in reading order) into ``found``."""
    k = 0
    while k < len(lines):
        columns = label_columns(lines[k])
        k += 1
        if columns is None:
            continue
        values: list[list[str]] = [[] for _ in columns]
        top, bottom = lines[k - 1].bbox[3], lines[k - 1].bbox[3]  # (value lines may share a baseline)
        height = max(lines[k - 1].bbox[3] - lines[k - 1].bbox[1], 1.0)
        while k < len(lines) and label_columns(lines[k]) is None and top - 2 <= lines[k].y0 < bottom + height:
            for span in (s for s in lines[k].spans if s.text.strip()):
                at = [n for n, (x, _) in enumerate(columns) if x - 2 <= span.bbox[0]]
                if at:
                    values[at[-1]].append(span.text.strip())
            bottom, k = max(bottom, lines[k].bbox[3]), k + 1
        for (_, (kind, label)), texts in zip(columns, values, strict=True):
            if texts:
                put(found, kind, label, join_lines(texts), grid=True)
