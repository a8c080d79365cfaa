"""An assessment printed as a pill beside or under a goal's title ("Uppfyllt" in white on a
green box, :mod:`planparse.reading.pills`): the word is the assessment of the goal in scope
(a pending unnumbered heading made one), read through the vocabulary, ``source`` text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse import vocabulary
from planparse.model import Assessment, AssessmentValue
from planparse.reading.model import Line
from planparse.reading.pills import on_pill

if TYPE_CHECKING:
    from planparse.layouts.walk_fields import FieldWalk


def pill_assessment(w: FieldWalk, line: Line) -> bool:
    """Read ``line`` as the assessment pill of the goal in scope; whether it was one."""
    if w.activity is not None or w.mode in ("goals", "activities", "indicators"):
        return False
    found = vocabulary.match_assessment(line.text)
    page = next((p for p in w.doc.pages if p.number == line.page), None)
    if found is None or page is None or not on_pill(line, page.drawings):
        return False
    goal = w.measured(w.owner_goal() if w.section is not None else w.goal)
    if goal is None or goal.assessment is not None:
        return False
    w.flush()
    goal.assessment = Assessment(value=AssessmentValue(found.value), raw=line.text.strip(), confidence=found.confidence)
    w.title_line = None
    return True
