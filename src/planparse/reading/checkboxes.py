"""Check boxes drawn as vector shapes (a stroked square, a tick drawn inside it when done) in
front of a line of text: a nämndplan's activities "bockas av" as they are done. The box is read
as the ballot box character it draws, "☑" ticked or "☐" empty, put before the line's text, so
the box works as the item's bullet and its status mark (:mod:`planparse.layouts.ballot_boxes`)
as the same character typed in the text layer does.
"""

from __future__ import annotations

from planparse.reading.model import Drawing, Line, Span, within

MIN_SIDE, MAX_SIDE = 5.0, 14.0  # pt: a box's side
SQUARE = 1.0  # pt: how much its sides may differ
REACH = 3.0  # of the box's side: the most blank between the box and the text it stands before
TICKED, EMPTY = "☑", "☐"


def _box(d: Drawing) -> bool:
    w, h = d.bbox[2] - d.bbox[0], d.bbox[3] - d.bbox[1]
    return d.kind == "rect" and d.stroke is not None and (d.fill is None or d.fill == 0xFFFFFF) \
        and MIN_SIDE <= w <= MAX_SIDE and abs(w - h) <= SQUARE


def marked_lines(lines: list[Line], drawings: list[Drawing]) -> None:
    """Put each drawn check box's character before the line of text it stands before (in place)."""
    boxes = [d for d in drawings if _box(d)]
    if not boxes:
        return
    ticks = [d for d in drawings if d.kind in ("shape", "hline", "vline") and d.stroke is not None]
    for box in boxes:
        side = box.bbox[2] - box.bbox[0]
        yc = (box.bbox[1] + box.bbox[3]) / 2
        beside = [ln for ln in lines if ln.spans and ln.bbox[1] - 1 <= yc <= ln.bbox[3] + 1
                  and 0 <= ln.bbox[0] - box.bbox[2] <= REACH * side]
        if len(beside) != 1 or beside[0].text[:1] in (TICKED, EMPTY):
            continue
        line = beside[0]
        first = line.spans[0]
        mark = TICKED if any(within(t.bbox, box.bbox, 1) for t in ticks) else EMPTY  # (the box, a rect, is no tick)
        line.spans = [Span(mark, box.bbox, first.font, first.size, False, False, 0), *line.spans]
