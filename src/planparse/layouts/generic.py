"""The generic parser, for layouts no family recognises.

Numbered headings become the goal tree; tables whose header the vocabulary knows become
activities and indicators; "Uppdrag N" headings become activities; status and assessment
labels anywhere are attached to the activity or goal they follow. The document always
carries a ``layout_unknown`` warning (added by the registry) so nobody takes its output for
a family parser's.
"""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.layouts import register
from planparse.layouts.base import (
    Builder,
    Fingerprint,
    LayoutParser,
    body_size,
    guess_facts,
    is_heading,
    numbered,
    provenance,
)
from planparse.layouts.tables import TableKind, activity_rows, classify_table, indicator_rows
from planparse.model import Activity, Assessment, AssessmentValue, Goal, GoalLevel, Status, StatusValue
from planparse.reading.model import Document, Line, Table
from planparse.text.fold import fold

_UPPDRAG = re.compile(r"^(?:uppdrag|aktivitet)\s+(\d+(?:\.\d+)*)\s*[:.–-]?\s*(.*)$", re.IGNORECASE)
_LEVELS = {1: GoalLevel.goal_area, 2: GoalLevel.goal}

# Label lines whose next paragraph fills an activity field.
_ACTIVITY_FIELDS = {
    "owner": "owner",
    "parties": "parties",
    "implementation": "implementation",
    "follow_up": "follow_up",
    "comment": "comment",
    "description": "description",
}


def _depth(number: str) -> int:
    parts = number.split(".")
    if len(parts) > 1 and parts[-1] == "0":
        parts = parts[:-1]
    return len(parts)


@register
class GenericParser(LayoutParser):
    name = "generic"
    version = "1"
    description = "Any layout: numbered headings, vocabulary-labelled tables and labels."
    fingerprint = Fingerprint(signals=())

    def parse(self, doc: Document, out: Builder) -> None:
        guess_facts(doc, out)
        body = body_size(doc)
        stack: list[tuple[int, Goal]] = []
        activity: Activity | None = None
        pending: str | None = None  # the label whose value comes next
        goal: Goal | None = None

        for block in doc.flow():
            if isinstance(block, Table):
                pending = None
                kind = classify_table(block)
                if kind is TableKind.activities and goal is not None:
                    goal.activities.extend(activity_rows(block))
                    activity = goal.activities[-1] if goal.activities else activity
                elif kind is TableKind.indicators:
                    target = activity or goal
                    if target is not None:
                        target.indicators.extend(indicator_rows(block))
                continue

            line: Line = block
            text = line.text
            heading = numbered(text) if is_heading(line, body) else None
            uppdrag = _UPPDRAG.match(text) if is_heading(line, body) else None
            if uppdrag and goal is not None:
                activity = Activity(uid="", number=uppdrag[1], title=uppdrag[2] or "", provenance=provenance(line))
                goal.activities.append(activity)
                pending = "title" if not uppdrag[2] else None
                continue
            if heading and _depth(heading[0]) <= 3:
                number, title = heading
                depth = _depth(number)
                goal = Goal(
                    uid="",
                    number=number.removesuffix(".0"),
                    level=_LEVELS.get(depth, GoalLevel.sub_goal),
                    title=title,
                    provenance=provenance(line),
                )
                while stack and stack[-1][0] >= depth:
                    stack.pop()
                (stack[-1][1].children if stack else out.goals).append(goal)
                stack.append((depth, goal))
                activity, pending = None, None
                continue

            label = vocabulary.match_label(text) if len(text) < 40 else None
            if label is not None:
                pending = label.value
                continue
            if pending == "title" and activity is not None:
                activity.title = text
                pending = None
                continue
            if pending == "assessment" and goal is not None:
                a = vocabulary.match_assessment(text)
                if a is not None:
                    goal.assessment = Assessment(value=AssessmentValue(a.value), raw=text, confidence=a.confidence)
                pending = None
                continue
            if pending in _ACTIVITY_FIELDS and activity is not None:
                field = _ACTIVITY_FIELDS[pending]
                if field in ("parties", "follow_up"):
                    getattr(activity, field).append(text.lstrip("-•– ").strip())
                else:
                    current = getattr(activity, field)
                    setattr(activity, field, f"{current} {text}" if current else text)
                continue
            if pending == "comment" and goal is not None and activity is None:
                goal.comment = f"{goal.comment} {text}" if goal.comment else text
                continue
            if len(text) < 60 and activity is not None and activity.status is None:
                st = vocabulary.match_status(text)
                if st is not None:
                    activity.status = Status(value=StatusValue(st.value), raw=text, confidence=st.confidence)
                    continue
            if len(text) < 40 and goal is not None and goal.assessment is None:
                a = vocabulary.match_assessment(text)
                if a is not None and fold(text).startswith(fold(a.matched)[:4]):
                    goal.assessment = Assessment(value=AssessmentValue(a.value), raw=text, confidence=a.confidence)

        out.goals = _prune(out.goals)


def _has_content(goal: Goal) -> bool:
    return bool(goal.activities or goal.indicators or goal.assessment) or any(
        _has_content(c) for c in goal.children
    )


def _prune(goals: list[Goal]) -> list[Goal]:
    """Keep the headings that carry goal content (activities, indicators, an assessment),
    their ancestors, and their siblings; chapters such as "1 Inledning" drop out."""
    if not any(_has_content(g) for g in goals):
        return [] if goals and not any(g.children for g in goals) else goals
    kept = [g for g in goals if _has_content(g) or g.level is not GoalLevel.goal_area]
    for g in kept:
        g.children = _prune(g.children) if any(_has_content(c) for c in g.children) else g.children
    return kept
