"""Bullets drawn, not typed: a browser prints a list's disc as a small filled path left of the
item's first line, an office suite may place a small picture there (a list with a picture
bullet); either way no glyph is in the text layer ("Åtgärder:" over such items)."""

from __future__ import annotations

from planparse.reading.model import BBox, Document, Line, neutral


def _picture_bullets(doc: Document, theme: set[int]) -> dict[int, list[BBox]]:
    """Small square black or grey pictures standing at one x, two at least in the document: a
    list's picture bullets by page (a status icon has a colour; a lone small picture is a logo's)."""
    small = [(page.number, im.bbox) for page in doc.pages for im in page.images
             if (neutral(im.color) or im.color in theme) and 3 <= im.bbox[2] - im.bbox[0] <= 10
             and 0.8 <= (im.bbox[2] - im.bbox[0]) / max(im.bbox[3] - im.bbox[1], 0.1) <= 1.25]
    out: dict[int, list[BBox]] = {}
    for number, b in small:
        if sum(abs(o[0] - b[0]) < 1 for _, o in small) >= 2:
            out.setdefault(number, []).append(b)
    return out


class DrawnBullets:
    """Each page's small dark filled shapes and picture bullets that may be bullets, looked up
    by the line they lead."""

    def __init__(self, doc: Document, theme: set[int]) -> None:
        """``theme``: colours a slide theme draws its bullets in (see drop_theme_bullets)."""
        self.by_page: dict[int, list[BBox]] = {}
        pictures = _picture_bullets(doc, theme)
        for page in doc.pages:  # (dark or grey, or a slide theme's colour)
            boxes = [d.bbox for d in page.drawings if d.kind in ("shape", "rect") and (neutral(d.fill) or d.fill in theme)
                     and 1.5 <= d.bbox[2] - d.bbox[0] <= 7 and 1.5 <= d.bbox[3] - d.bbox[1] <= 7]
            boxes += pictures.get(page.number, [])
            if boxes:
                self.by_page[page.number] = boxes

    def leads(self, line: Line) -> bool:
        """Whether a bullet shape sits just left of ``line``, within its height."""
        boxes = self.by_page.get(line.page)
        if not boxes:
            return False
        x0, y0, _, y1 = line.bbox
        return any(0 <= x0 - b[2] <= max(2.5 * line.size, 12.0) and y0 <= (b[1] + b[3]) / 2 <= y1 for b in boxes)
