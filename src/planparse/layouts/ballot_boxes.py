"""Status as a ballot box or a tick: a character in the status cell instead of a word.

Some plans mark each activity with a character of no colour: "☑" done, "☐" not started, "☒"
crossed out, or a tick "✓" / "✔" and a cross "✗" / "✘". The document's key, when it prints one
("Status: ☑ Avslutad ☐ Ej påbörjad ☒ Avbruten"), names each character's status; without a key a
tick or a ticked box means done (``completed``) and an empty box not started. A cross has no
meaning by convention (cancelled? not done?): without a key it gives no status.

:func:`apply` gives every activity without a status the status of the one such character that
stands alone on its row (in the status cell); ``raw`` is the character, ``source`` text.
"""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.layouts.icons import CONVENTION_CONFIDENCE, LEGEND_CONFIDENCE
from planparse.model import Activity, Goal, Status, StatusValue, activities_in
from planparse.reading.model import Document, Line

BOXES = "☑☒☐✓✔✗✘"
_CONVENTION = {"☑": StatusValue.completed, "✓": StatusValue.completed, "✔": StatusValue.completed,
               "☐": StatusValue.not_started}
# A key's entry: a box, then the status it names (up to the next box).
_ENTRY = re.compile(f"([{BOXES}])\\s*[=:–-]?\\s*([^{BOXES}]+)")


def key(doc: Document) -> dict[str, StatusValue]:
    """The document's key: each box character a line names with a status after it. A key
    names two characters at least (a status cell "☑ Avslutad" names one)."""
    found: dict[str, StatusValue] = {}
    for line in _all_lines(doc):
        if not any(ch in line.text for ch in BOXES):
            continue
        entries: dict[str, StatusValue] = {}
        for m in _ENTRY.finditer(line.text):
            s = vocabulary.match_legend("statuses", m[2].strip(" ,;.·"))
            if s is not None:
                entries.setdefault(m[1], StatusValue(s.value))
        if len(entries) >= 2:
            for ch, value in entries.items():
                found.setdefault(ch, value)
    return found


def _all_lines(doc: Document) -> list[Line]:
    return [ln for p in doc.pages for ln in (*p.lines, *(ln for t in p.tables for r in t.rows for c in r.cells for ln in c.lines))]


def _row_box(lines: list[Line], act: Activity) -> str | None:
    """The one box character standing alone on the activity's row, if any."""
    _, top, _, bottom = act.provenance.bbox
    found = {ln.text.strip() for ln in lines
             if len(ln.text.strip()) == 1 and ln.text.strip() in BOXES and top - 2 <= (ln.bbox[1] + ln.bbox[3]) / 2 <= bottom + 2}
    return found.pop() if len(found) == 1 else None


def apply(doc: Document, goals: list[Goal]) -> None:
    """Statuses from box characters for activities without one (see the module's docstring)."""
    acts = [a for a in activities_in(goals) if a.status is None]
    if not acts:
        return
    by_page: dict[int, list[Line]] = {}
    for ln in _all_lines(doc):
        if len(ln.text.strip()) == 1 and ln.text.strip() in BOXES:
            by_page.setdefault(ln.page, []).append(ln)
    if not by_page:
        return
    legend = key(doc)
    for act in acts:
        box = _row_box(by_page.get(act.provenance.page, []), act)
        if box is None:
            continue
        if box in legend:
            act.status = Status(value=legend[box], raw=box, confidence=LEGEND_CONFIDENCE)
        elif box in _CONVENTION:
            act.status = Status(value=_CONVENTION[box], raw=box, confidence=CONVENTION_CONFIDENCE)
