"""Goal boxes assessed by a coloured strip down their left side: each goal in a shaded box
whose left border is drawn thick in green, yellow or red (a legend of the same strips beside
"Målet är uppfyllt" …). The strip is a stroked rule, not an icon; it gives the goal whose title
opens the box its assessment, by the legend where it names the colour, else by the convention.
Told only where strips of two colours or more mark boxes on the document's pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse.layouts.known_goals import depth_first
from planparse.layouts.marker import Marker, color_name
from planparse.model import Goal
from planparse.reading.model import BBox, Document, Page, within

if TYPE_CHECKING:
    from planparse.layouts.icons import Markers

_STRIP_SLACK = 2.0  # points: a strip runs along its box's left side, top to bottom, within this


def _strips(page: Page) -> list[tuple[BBox, Marker]]:
    """The page's boxes with a coloured strip down the left side, each with the strip as a marker."""
    boxes = [d.bbox for d in page.drawings if d.kind == "rect" and d.fill is not None]
    out: list[tuple[BBox, Marker]] = []
    for d in page.drawings:
        if d.kind != "vline" or d.stroke is None or (name := color_name(d.stroke)) not in ("green", "yellow", "red"):
            continue
        x, top, bottom = d.bbox[0], d.bbox[1], d.bbox[3]
        box = next((b for b in boxes if abs(b[0] - x) <= _STRIP_SLACK and abs(b[1] - top) <= _STRIP_SLACK
                    and abs(b[3] - bottom) <= _STRIP_SLACK), None)
        if box is not None:
            out.append((box, Marker(page.number, d.bbox, name, rgb=d.stroke)))
    return out


def strip_assessments(goals: list[Goal], doc: Document, markers: Markers) -> None:
    """Give each goal without an assessment whose title opens a box with a coloured strip the
    strip's assessment, in place (see the module's doc)."""
    strips = {page.number: _strips(page) for page in doc.pages}
    if len({m.color for found in strips.values() for _, m in found}) < 2:
        return
    for goal in depth_first(goals):
        prov = goal.provenance
        if goal.assessment is not None or prov is None or prov.bbox is None:
            continue
        title = (prov.bbox[0], prov.bbox[1], prov.bbox[2], prov.bbox[3])
        for box, marker in strips.get(prov.page, []):
            if within(title, box, 1) and title[1] - box[1] < 3 * (title[3] - title[1]):  # (its title opens the box)
                goal.assessment = markers.assessment(marker)
                break
