"""Document information set as a grid without rules: a line of three or more metadata labels
spaced as columns ("Dokumentnamn   Dokumenttyp   Fastställt"), and under it, up to the next
such line or a blank line's gap, their values, each text in the column where it starts (a
value may run on past its column, "Kommunstyrelsens verksamhetsplan 2026", or wrap).

In narrow columns a label or value wraps, also inside a word ("Dokumentnam" / "n",
"Kommunstyrelse" / "ns verksamheter"). A label's rest is the line under it that completes it.
Where the producer keeps the space at a wrap (a piece of the grid ends in one), a piece that
ends without it is a word broken by the column's edge: the next piece, in lower case, joins
it without a space."""

from __future__ import annotations

from planparse.layouts.doc_info import Found, metadata_label, put
from planparse.reading.model import Line, Span, union
from planparse.text.assemble import join_lines

Column = tuple[float, tuple[str, str]]  # (where the label starts, (field, label as printed))


def _spans(line: Line) -> list[Span]:
    """The line's pieces: its spans, on an OCR'd layer (a span a word) its words closer than
    about a letter's height joined ("Senast" "reviderad" is one label)."""
    spans = [s for s in line.spans if s.text.strip()]
    if line.method == "native":
        return spans
    out: list[Span] = []
    for s in spans:
        last = out[-1] if out else None
        if last is not None and s.bbox[0] - last.bbox[2] < 0.9 * max(s.size, last.size, 1.0):
            out[-1] = Span(f"{last.text.rstrip()} {s.text.strip()}", union([last.bbox, s.bbox]), last.font, last.size,
                           last.bold, last.italic, last.color)
        else:
            out.append(s)
    return out


def _column(columns: list[float], span: Span) -> int | None:
    at = [n for n, x in enumerate(columns) if x - 2 <= span.bbox[0]]
    return at[-1] if at else None


def _label_row(line: Line, below: list[Line]) -> tuple[list[Column], int] | None:
    """The columns of a line of three or more labels, some maybe completed by the lines of the
    band under it (``below``), and how many of those lines were their rest (all or none)."""
    spans = _spans(line)
    if len(spans) < 3:
        return None
    xs = [s.bbox[0] for s in spans]
    rest: dict[int, str] = {}
    for s in (s for ln in below if 0 <= ln.y0 - line.bbox[3] < line.bbox[3] - line.bbox[1] for s in _spans(ln)):
        n = _column(xs, s)
        if n is not None and abs(s.bbox[0] - xs[n]) < 2:
            rest[n] = s.text.strip()
    columns: list[Column] = []
    used = False
    for n, s in enumerate(spans):
        text = s.text.strip()
        joined = [f"{text}{rest[n]}", f"{text} {rest[n]}"] if n in rest else []
        hit = next((h for t in joined if (h := metadata_label(t)) is not None), None)
        used = used or hit is not None
        hit = hit or metadata_label(text)
        if hit is None:
            return None
        columns.append((s.bbox[0], hit))
    return columns, len(below) if used else 0


def read_span_grids(lines: list[Line], found: Found) -> None:
    """Each grid of ``lines`` (one page's, in reading order) into ``found``."""
    k = 0
    while k < len(lines):
        band = lines[k + 1:k + 2]  # the lines on the band under this one
        while band and k + 1 + len(band) < len(lines) and abs(lines[k + 1 + len(band)].y0 - band[0].y0) < 2:
            band.append(lines[k + 1 + len(band)])
        row = _label_row(lines[k], band)
        k += 1
        if row is None:
            continue
        columns, wrapped = row
        first = lines[k - 1]
        k += wrapped
        pieces: list[list[str]] = [[] for _ in columns]  # each column's texts as printed (spaces kept)
        bottom, height = lines[k - 1].bbox[3], max(first.bbox[3] - first.bbox[1], 1.0)
        while k < len(lines) and _label_row(lines[k], []) is None and first.bbox[3] - 2 <= lines[k].y0 < bottom + height:
            for span in _spans(lines[k]):
                n = _column([x for x, _ in columns], span)
                if n is not None:
                    pieces[n].append(span.text)
            bottom, k = max(bottom, lines[k].bbox[3]), k + 1
        keeps_spaces = any(p[:-1] and any(t.endswith(" ") for t in p[:-1]) for p in pieces)
        for (_, (kind, label)), texts in zip(columns, pieces, strict=True):
            if texts:
                put(found, kind, label, _joined(texts, keeps_spaces), grid=True)


def _joined(texts: list[str], keeps_spaces: bool) -> str:
    """A column's pieces as one value: a piece without its space at the wrap, the next in
    lower case, is one word with it where the producer keeps spaces (see the module's doc)."""
    words: list[str] = []
    for text in texts:
        if keeps_spaces and words and not words[-1].endswith(" ") and text[:1].islower():
            words[-1] += text
        else:
            words.append(text)
    return join_lines([w.strip() for w in words])
