"""Column headers turned 90°: a narrow column's label (Status, Bedömning, Utfall 2023) printed
up the header row. PyMuPDF gives such text as lines running up or down the page, which are no
body text (see ``RawPage.rotated``); a table cell with no text of its own whose box holds the
middle of one or more of them reads them as its text, in reading order (text running up the
page is read from its left line, text running down from its right)."""

from __future__ import annotations

from planparse.reading.model import BBox, Line, Span


def rotated_label(box: BBox, rotated: list[Line], page: int) -> list[Line]:
    """The cell ``box``'s label from the page's ``rotated`` lines, as one upright line; none
    when no rotated line has its middle in the box."""
    x0, y0, x1, y1 = box
    inside = [ln for ln in rotated if ln.spans
              and x0 <= (ln.spans[0].bbox[0] + ln.spans[0].bbox[2]) / 2 <= x1
              and y0 <= (ln.spans[0].bbox[1] + ln.spans[0].bbox[3]) / 2 <= y1]
    if not inside:
        return []
    inside.sort(key=lambda ln: ln.spans[0].bbox[0])
    first = inside[0].spans[0]
    text = " ".join(ln.spans[0].text for ln in inside)
    left = min(ln.spans[0].bbox[0] for ln in inside)
    right = max(ln.spans[0].bbox[2] for ln in inside)
    top = min(ln.spans[0].bbox[1] for ln in inside)
    bottom = max(ln.spans[0].bbox[3] for ln in inside)
    return [Line([Span(text, (left, top, right, bottom), first.font, first.size, first.bold, first.italic,
                       first.color)], page)]
