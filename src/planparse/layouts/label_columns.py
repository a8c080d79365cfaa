"""A form's label column: each label in a column of its own and its value beside it after a
wide gap, no colon ("Ansvarig      Bygglovschef", "Mål      Handläggningen av bygglov ska …"),
as a planning system prints an item's fields. The label is read as if a colon followed it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planparse import vocabulary
from planparse.layouts.field_blocks import block
from planparse.layouts.leading import heading_shaped
from planparse.reading.model import Line
from planparse.text.numbers import parse_date, parse_end_date

if TYPE_CHECKING:
    from planparse.layouts.walk_fields import FieldWalk
    from planparse.layouts.walk_lists import ListWalk

GAP = 2.0  # of the line's height: the least blank between a label and its value


def line_label(w: FieldWalk, line: Line) -> tuple[str | None, str]:
    """``w.label`` of a line, or of its part before a wide gap when that part is a label alone:
    (label, the rest)."""
    found = w.label(line.text)
    return found if found[0] is not None else gap_label(w, line) or found


def _first_gap(line: Line) -> int | None:
    """The index of the span after the line's first wide gap (:data:`GAP`), or None."""
    gap = GAP * (line.bbox[3] - line.bbox[1])
    return next((k for k in range(1, len(line.spans)) if line.spans[k].bbox[0] - line.spans[k - 1].bbox[2] >= gap), None)


def gap_label(w: FieldWalk, line: Line) -> tuple[str, str] | None:
    """(label, value) of a line whose part before its first wide gap is a label alone, else None."""
    if (cut := _first_gap(line)) is None:
        return None
    label, value = w.label(" ".join(s.text.strip() for s in line.spans[:cut]))
    if label is None or value:
        return None
    return label, " ".join(" ".join(s.text for s in line.spans[cut:]).split())


def dated_tail(title: str, line: Line) -> tuple[str, dt.date | None, dt.date | None]:
    """An item's title without the date field set after a wide gap on its line ("Samlokalisera
    … arbetsmarknadsenheten      Slutdatum 2025-06-30", a planning system's activity row), and
    that date as (start, end); the title as it is and no dates without one."""
    if (cut := _first_gap(line)) is None:
        return title, None, None
    tail = " ".join(" ".join(s.text for s in line.spans[cut:]).split())
    head, _, value = tail.rpartition(" ")
    found = vocabulary.match_label(head) if head else None
    if found is None or found.confidence < 0.95 or found.value not in ("start_date", "end_date") or not title.endswith(tail):
        return title, None, None
    end = found.value == "end_date"
    day = (parse_end_date if end else parse_date)(value)
    if day is None:
        return title, None, None
    return title[: -len(tail)].rstrip(), None if end else day, day if end else None


def dated_line(w: FieldWalk, line: Line) -> bool:
    """A line that is a date field alone ("Slutdatum 2026-03-31", a planning system's card
    setting it beside the title, a point off its row) right after an activity's title: that
    activity's date, when it has none yet. False (nothing read) otherwise."""
    act = w.activity
    words = line.text.split()
    if act is None or w.title_of is not act or len(words) < 2:
        return False
    found = vocabulary.match_label(" ".join(words[:-1]))
    if found is None or found.confidence < 0.95 or found.value not in ("start_date", "end_date"):
        return False
    end = found.value == "end_date"
    day = (parse_end_date if end else parse_date)(words[-1])
    if day is None or (act.end_date if end else act.start_date) is not None:
        return False
    for a in block(w) or [act]:  # (a block's field: each of its activities')
        if end:
            a.end_date = day
        else:
            a.start_date = day
    return True


def lone_measure(w: ListWalk, line: Line) -> bool:
    """Under an "Indikator" label alone, a plain line shaped as a name (no bullet): the one
    measure it names, its values on lines of their own below ("Utfall 2025: 38 %"). Whether it
    was taken."""
    if w.mode != "indicators" or w.item is not None or w.field is not None or not heading_shaped(line.text, 16):
        return False
    w.list_item(line.text, line)
    return True
