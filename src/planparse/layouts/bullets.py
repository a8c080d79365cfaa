"""Bullets drawn as vector shapes: a browser prints a list's disc as a small filled path left of
the item's first line, with no glyph in the text layer ("Åtgärder:" over such items)."""

from __future__ import annotations

from planparse.reading.model import BBox, Document, Line


def _neutral(rgb: int | None) -> bool:
    """Black or grey: a bullet's colour, not a status colour."""
    if rgb is None:
        return False
    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return max(r, g, b) - min(r, g, b) < 40


class VectorBullets:
    """Each page's small dark filled shapes that may be bullets, looked up by the line they lead."""

    def __init__(self, doc: Document) -> None:
        self.by_page: dict[int, list[BBox]] = {}
        for page in doc.pages:
            boxes = [d.bbox for d in page.drawings if d.kind in ("shape", "rect") and _neutral(d.fill)
                     and 1.5 <= d.bbox[2] - d.bbox[0] <= 7 and 1.5 <= d.bbox[3] - d.bbox[1] <= 7]
            if boxes:
                self.by_page[page.number] = boxes

    def leads(self, line: Line) -> bool:
        """Whether a bullet shape sits just left of ``line``, within its height."""
        boxes = self.by_page.get(line.page)
        if not boxes:
            return False
        x0, y0, _, y1 = line.bbox
        return any(0 <= x0 - b[2] <= max(2.5 * line.size, 12.0) and y0 <= (b[1] + b[3]) / 2 <= y1 for b in boxes)
