"""Two columns on an OCR'd page whose text layer joined them: Tesseract (or a scanner's OCR)
often reads a line of the left column and the line level with it in the right one as one line
("Mål inom målområde Hållbar utveckling   Mål inom målområde Attraktiv"), so no line ends at
the gutter and :func:`.columns.gutter` finds none. Here such lines are cut where their words
stand far apart, the gutter is looked for among the pieces, and only the lines whose gap holds
the gutter stay cut.
"""

from __future__ import annotations

from dataclasses import replace

from planparse.reading import columns
from planparse.reading.model import Line, Span

WIDE_GAP = 2.5  # line heights between two words of one line: two columns (a word space is a third)


def _pieces(line: Line) -> list[list[Span]]:
    """``line``'s spans in runs split where two words stand over :data:`WIDE_GAP` line heights
    apart, or over one line height before a bullet (a speck under half the line's height that
    is no letter or figure: "•" read as "&" or "+" starts the other column's list item)."""
    height = line.bbox[3] - line.bbox[1]
    runs: list[list[Span]] = [[]]
    for s in line.spans:
        gap = s.bbox[0] - runs[-1][-1].bbox[2] if runs[-1] else 0.0
        if runs[-1] and s.text.strip() and (gap > WIDE_GAP * height or gap > height and _bullet_speck(s, height)):
            runs.append([])
        if s.text.strip() or runs[-1]:
            runs[-1].append(s)
    return [r for r in runs if r]


def _bullet_speck(span: Span, height: float) -> bool:
    text = span.text.strip()
    return len(text) == 1 and not text.isalnum() and span.bbox[3] - span.bbox[1] < 0.5 * height


def _line(line: Line, spans: list[Span]) -> Line:
    first = spans[0]
    return replace(line, spans=[replace(first, text=first.text.lstrip()), *spans[1:]])


def split_columns(lines: list[Line], page_width: float, rules: list[tuple[float, float, float, float]]
                  ) -> tuple[tuple[float, float], list[Line]] | None:
    """The gutter of an OCR'd page in two columns whose lines run across it, and the page's
    lines with those cut at it; None when the page has no such lines or no gutter."""
    cut = {id(ln): p for ln in lines if ln.method != "native" and len(p := _pieces(ln)) > 1}
    if not cut:
        return None
    trial = [_line(ln, spans) for ln in lines for spans in cut.get(id(ln), [ln.spans])]
    band = columns.gutter(trial, page_width, rules)
    return None if band is None else (band, cut_at(lines, band))


def cut_at(lines: list[Line], band: tuple[float, float]) -> list[Line]:
    """``lines`` with each OCR'd line whose words stand apart across the gutter ``band`` cut
    there (the rest as they are)."""
    mid = (band[0] + band[1]) / 2
    out: list[Line] = []
    for ln in lines:
        spans = ln.spans
        k = None
        if ln.method != "native" and ln.bbox[0] < mid < ln.bbox[2]:
            height = ln.bbox[3] - ln.bbox[1]
            # (a gap wider than the line is high, from a column's edge across the gutter, parts them too)
            k = next((k for k, (a, b) in enumerate(zip(spans, spans[1:], strict=False))
                      if a.bbox[2] <= mid <= b.bbox[0] and (b.bbox[0] - a.bbox[2] > WIDE_GAP * height or (
                          (a.bbox[2] <= band[0] + 1 or b.bbox[0] >= band[1] - 1) and b.bbox[0] - a.bbox[2] > height))),
                     None)
        if k is None:
            out.append(ln)
        else:
            out += [_line(ln, spans[: k + 1]), _line(ln, spans[k + 1 :])]
    return out
