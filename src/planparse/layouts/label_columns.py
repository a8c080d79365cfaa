"""A form's label column: each label in a column of its own and its value beside it after a
wide gap, no colon ("Ansvarig      Bygglovschef", "Mål      Handläggningen av bygglov ska …"),
as a planning system prints an item's fields. The label is read as if a colon followed it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse.reading.model import Line

if TYPE_CHECKING:
    from planparse.layouts.walk_fields import FieldWalk

GAP = 2.0  # of the line's height: the least blank between a label and its value


def line_label(w: FieldWalk, line: Line) -> tuple[str | None, str]:
    """``w.label`` of a line, or of its part before a wide gap when that part is a label alone:
    (label, the rest)."""
    found = w.label(line.text)
    return found if found[0] is not None else gap_label(w, line) or found


def gap_label(w: FieldWalk, line: Line) -> tuple[str, str] | None:
    """(label, value) of a line whose part before its first wide gap is a label alone, else None."""
    if len(line.spans) < 2:
        return None
    gap = GAP * (line.bbox[3] - line.bbox[1])
    cut = next((k for k in range(1, len(line.spans)) if line.spans[k].bbox[0] - line.spans[k - 1].bbox[2] >= gap), None)
    if cut is None:
        return None
    label, value = w.label(" ".join(s.text.strip() for s in line.spans[:cut]))
    if label is None or value:
        return None
    return label, " ".join(" ".join(s.text for s in line.spans[cut:]).split())
