"""Table cells that show a status or assessment by their fill alone: an empty body cell
filled green, yellow or red. A cell merged down over several rows (a goal's "Bedömning" beside
each of its indicators) is one fill as tall as those rows: the value of the row it starts on,
the row that holds the merged goal's name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse import vocabulary
from planparse.layouts.marker import Marker, color_name
from planparse.model import Goal
from planparse.reading.model import BBox, Document, Drawing, Page, Row, Table, covers

if TYPE_CHECKING:
    from planparse.layouts.icons import Markers

# The colours a filled table cell shows a status or assessment by; a grey or blue fill is a
# table's styling far more often than a value.
FILL_COLOURS = frozenset({"green", "yellow", "red"})
_EDGE = 2.0  # points a fill's edge may lie off its cell's


def _merged_down(fill: BBox, cell: BBox, rows: list[Row], col: int) -> bool:
    """Whether ``fill`` is ``cell`` merged down over the rows under it: as wide as the cell,
    starting at its top and ending at a lower row's bottom, every cell of the column it covers
    empty."""
    w = min(fill[2], cell[2]) - max(fill[0], cell[0])
    if w < 0.7 * (cell[2] - cell[0]) or fill[2] - fill[0] > 1.5 * (cell[2] - cell[0]):
        return False
    if abs(fill[1] - cell[1]) > _EDGE or fill[3] <= cell[3] + _EDGE:
        return False
    under = [r for r in rows if cell[1] + _EDGE < (r.bbox[1] + r.bbox[3]) / 2 < fill[3]]
    ends = any(abs(r.bbox[3] - fill[3]) <= _EDGE for r in under)
    return ends and all(not c.text for r in under for c in r.cells if c.col == col)


def cell_fills(page: Page) -> list[Marker]:
    """Empty body cells filled in a traffic-light colour, each the status or assessment of its
    row ("Måluppfyllelse" shown as a green, yellow or red cell), a cell merged down over rows
    that of its first row. A row with more than one such cell is a chart (a Gantt row), not a
    value."""
    fills: list[Drawing] = [d for d in page.drawings if d.kind == "rect" and d.fill is not None
                            and color_name(d.fill) in FILL_COLOURS]  # fmt: skip
    if not fills:
        return []
    # (in a column whose cells show values by traffic-light fills, a grey or blue one is a value
    # too: "grå = Avbruten" in the legend)
    other = [d for d in page.drawings if d.kind == "rect" and d.fill is not None
             and color_name(d.fill) in _OTHER_COLOURS]  # fmt: skip
    out: list[Marker] = []
    for table in page.tables:
        body = [r for r in (table.rows if _labelled_box(table) else table.body) if r.page == page.number]
        rows = [_row_fills(row, fills, body[k + 1:]) for k, row in enumerate(body)]
        valued = {m_col for found in rows for _, m_col in found}
        for k, (row, found) in enumerate(zip(body, rows, strict=True)):
            found = found or [f for f in _row_fills(row, other, body[k + 1:]) if f[1] in valued]
            if len({m.bbox for m, _ in found}) == 1 and len({m.color for m, _ in found}) == 1:
                out.append(found[0][0])
    return out


_OTHER_COLOURS = frozenset({"grey", "blue"})


def _labelled_box(table: Table) -> bool:
    """A one-row table of a status or assessment label beside the cell that shows it ("Bedömning" |
    a green cell): its row is no header."""
    texts = [c.text for c in table.rows[0].cells if c.text] if len(table.rows) == 1 else []
    return len(texts) == 1 and vocabulary.label_of(texts[0]) in ("assessment", "status")


def _row_fills(row: Row, fills: list[Drawing], under: list[Row]) -> list[tuple[Marker, int]]:
    """The fills of the row's empty cells among ``fills``, each with its cell's column."""
    return [(Marker(row.page, c.bbox, color_name(d.fill)), c.col) for c in row.cells if not c.text
            for d in fills if d.fill is not None and (covers(d.bbox, c.bbox) or _merged_down(d.bbox, c.bbox, under, c.col))]


def band_fill(page: Page, box: BBox) -> Marker | None:
    """The fill of the band a heading line ``box`` is printed on (a scorecard's goal row in
    green, yellow or red, at most three lines high, the text inside it), as a marker; None for
    a line on no such band."""
    height = box[3] - box[1]
    bands = [d for d in page.drawings if d.kind == "rect" and d.fill is not None and d.bbox[3] - d.bbox[1] <= 3 * height
             and d.bbox[0] - 1 <= box[0] and box[2] <= d.bbox[2] + 1 and d.bbox[1] - 1 <= box[1] and box[3] <= d.bbox[3] + 1
             and color_name(d.fill) in FILL_COLOURS]
    if not bands:
        return None
    d = min(bands, key=lambda d: (d.bbox[3] - d.bbox[1]) * (d.bbox[2] - d.bbox[0]))
    return Marker(page.number, d.bbox, color_name(d.fill or 0), rgb=d.fill)


def band_assessments(goals: list[Goal], doc: Document, markers: Markers) -> None:
    """Goals without an assessment whose title stands on a band of a colour the document's
    legend names (a scorecard's goal row in yellow, "gul – målet nås delvis") take its value."""
    from planparse.layouts.icons import LEGEND_CONFIDENCE  # noqa: PLC0415 (icons reads cell fills)

    pages = {p.number: p for p in doc.pages}
    for g in goals:
        prov = g.provenance
        if g.assessment is None and prov.bbox is not None and prov.page in pages \
                and (band := band_fill(pages[prov.page], prov.bbox)) is not None:
            a = markers.assessment(band)  # (by the legend only: a coloured band is styling far more often)
            g.assessment = a if a is not None and a.confidence >= LEGEND_CONFIDENCE else None
        band_assessments(g.children, doc, markers)
