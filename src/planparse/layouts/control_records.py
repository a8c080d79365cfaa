"""A control plan written as records, no table: each control a heading ("1. Avtalstrohet vid
inköp") over label lines ("Risk: …", "Kontrollmoment: …", "Metod: …", "Ansvarig: …",
"Riskvärde: 12 (sannolikhet 4 × konsekvens 3)"). Each record is read as the one row of a control
plan's table (:func:`.control_tables.controls`), so a record and a row give the same control."""

from __future__ import annotations

import re

from planparse.layouts.base import Builder, numbered
from planparse.layouts.control_tables import controls
from planparse.model import ControlPoint
from planparse.reading.model import Cell, Line, Page, Row, Span, Table, union
from planparse.text.assemble import join_lines
from planparse.text.fold import fold

# a control plan's column labels, as label lines; a record needs MIN_LABELS of them, one a check
_LABELS = ("risk", "riskvarde", "riskbedomning", "kontrollmoment", "kontrollmetod", "metod", "ansvarig",
           "frekvens", "rapporteras till", "rapportering")
_CHECKS = frozenset({"kontrollmoment", "kontrollmetod"})
MIN_LABELS = 3


def _label(line: Line) -> tuple[str, str] | None:
    head, sep, value = line.text.partition(":")
    name = fold(head).strip()
    return (head.strip(), value.strip()) if sep and name in _LABELS and value.strip() else None


def control_records(pages: list[Page], out: Builder) -> list[ControlPoint]:
    """The controls of every record on ``pages`` (see the module's docstring)."""
    found: list[ControlPoint] = []
    lines = [ln for p in pages for ln in p.lines]
    k = 0
    while k < len(lines):
        fields: list[tuple[str, list[Line]]] = []
        j = k + 1
        while j < len(lines) and (lab := _label(lines[j])) is not None:
            fields.append((lab[0], [lines[j]]))
            j += 1
            # a value wrapped onto the next line (no label of its own, set as its first line)
            while j < len(lines) and _label(lines[j]) is None and abs(lines[j].x0 - lines[j - 1].x0) < 2 \
                    and lines[j].size <= lines[j - 1].size + 0.3 and not lines[j].bold and j + 1 < len(lines) and _label(lines[j + 1]):
                fields[-1][1].append(lines[j])
                j += 1
        names = {fold(name) for name, _ in fields}
        if len(names) >= MIN_LABELS and names & _CHECKS and _label(lines[k]) is None:
            found.extend(controls(_record_table(lines[k], fields), out))
            k = j
        else:
            k += 1
    return found


def _record_table(title: Line, fields: list[tuple[str, list[Line]]]) -> Table:
    """The record as a control plan's table: a header row of its labels, one row of its values."""
    name = (numbered(title.text) or ("", title.text))[1]
    texts = [name, *(_value(lab, join_lines([ls[0].text.partition(":")[2].strip(), *(ln.text for ln in ls[1:])])) for lab, ls in fields)]
    sources = [title, *(ls[0] for _, ls in fields)]
    cells = [Cell(lines=[Line(spans=[Span(t, src.bbox, size=src.size, bold=src.bold)], page=src.page, method=src.method)],
                  bbox=src.bbox, col=i)
             for i, (t, src) in enumerate(zip(texts, sources, strict=True))]
    box = union([c.bbox for c in cells])
    header = ["Process", *(lab for lab, _ in fields)]
    head = Row(cells=[Cell(lines=[], bbox=title.bbox, col=i) for i in range(len(header))], page=title.page, bbox=title.bbox, is_header=True)
    return Table(rows=[head, Row(cells=cells, page=title.page, bbox=box)], n_cols=len(header), header=header)


def _value(label: str, text: str) -> str:
    """A label's value as its column would hold it: a risk value's figure without the sum that
    makes it ("12 (sannolikhet 4 × konsekvens 3)" is 12)."""
    if fold(label) in ("riskvarde", "riskbedomning") and (m := re.match(r"\d+\b", text)):
        return m[0]
    return text
