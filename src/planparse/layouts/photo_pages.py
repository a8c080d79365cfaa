"""Pages mostly photograph: their lines are captions and credits, no plan content. A scan is
one image too, but its text is its OCR'd layer; a picture with text set on it is a background
(a slide's table cells drawn as pictures, a cover's photo under its title), no photograph."""

from __future__ import annotations

from planparse.reading.model import BBox, Document, Line

_SHARE = 0.45  # of the page's area, at least, in photographs


def _on(line: Line, box: BBox) -> bool:
    """Whether a line's middle stands on a picture's box."""
    x, y = (line.bbox[0] + line.bbox[2]) / 2, (line.bbox[1] + line.bbox[3]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def photo_pages(doc: Document) -> set[int]:
    """The numbers of the document's native pages mostly covered by pictures with no text on them."""
    out: set[int] = set()
    for page in doc.pages:
        if page.text_layer != "native" or not page.images:
            continue
        texts = page.all_lines()
        area = sum((i.bbox[2] - i.bbox[0]) * (i.bbox[3] - i.bbox[1]) for i in page.images
                   if not any(_on(ln, i.bbox) for ln in texts))
        if area > _SHARE * page.width * page.height:
            out.add(page.number)
    return out
