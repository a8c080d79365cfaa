"""Goal areas an OCR'd layer does not tell by size: a line in body type right over a "Mål"
label's list ("Kunskaper" / "Mål" / bullets) heads an area, and the next such line closes it
(they are siblings, whatever sizes the OCR read them in)."""

from __future__ import annotations

from collections.abc import Callable

from planparse.layouts.walk_state import WalkState
from planparse.reading.model import Line, Table
from planparse.text.assemble import list_item


def titles_over_goal_lists(
    blocks: list[Line | Table], label: Callable[[str], tuple[str | None, str]]
) -> set[int]:
    """Ids of the OCR'd lines in body size that head a "Mål" label's list right under them
    ("Kunskaper" / "Mål" / bullets): a goal area's heading, which the OCR's sizes do not tell.
    ``label`` reads a line as a label of the walk's vocabulary and its value."""
    out: set[int] = set()
    for a, b in zip(blocks, blocks[1:], strict=False):
        if not isinstance(a, Line) or not isinstance(b, Line) or a.method == "native" or a.page != b.page:
            continue
        text = a.text.strip()
        if len(text.split()) > 6 or not text[:1].isupper() or text[-1] in ".:,;-" or any(ch.isdigit() for ch in text):
            continue
        if label(b.text) != ("goal", "") or label(text)[0] is not None or list_item(text) is not None:
            continue
        if abs(a.x0 - b.x0) < 5 and 0 <= b.y0 - a.bbox[3] < 2.5 * max(a.bbox[3] - a.bbox[1], 1.0):
            out.add(id(a))
    return out


def close_area(w: WalkState) -> None:
    """The next area's heading ends the last area headed over its "Mål" list (``w.area_titles``),
    whatever sizes the OCR read the two in: they are siblings."""
    titled = [k for k, (_, g) in enumerate(w.stack) if id(w.heading_lines.get(id(g))) in w.area_titles]
    if titled:
        w.flush()
        del w.stack[titled[-1]:]
        w.goal, w.activity, w.mode = (w.stack[-1][1] if w.stack else None), None, None
