"""The generic parser, for layouts no family recognises.

It reads what most Swedish planning documents share, without knowing the layout:

- numbered headings ("3.1", "Mål 2 – …") become the goal tree, a heading wrapped over
  several lines included;
- an unnumbered heading becomes a goal only when goal content follows it (a "Prioriterad
  utveckling" list, an activity or indicator table, a Bedömning);
- tables whose header the vocabulary knows become activities or indicators;
- "Uppdrag N" headings become activities, with the labelled blocks under them (Processägare,
  Parter, Genomförande, Uppföljning) as their fields;
- bullet or numbered lists under an Uppdrag / Prioriterad utveckling label become activities,
  under a Nyckeltal / Indikatorer label indicators;
- status and assessment labels anywhere attach to the activity or goal they follow.

The registry adds a ``layout_unknown`` warning whenever this parser is chosen by detection.
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
from planparse.model import (
    Activity,
    Assessment,
    AssessmentValue,
    Goal,
    GoalLevel,
    Indicator,
    Status,
    StatusValue,
)
from planparse.reading.model import Document, Line, Table

_UPPDRAG = re.compile(r"^(?:uppdrag|aktivitet)\s+(\d+(?:\.\d+)*)\s*[:.–-]?\s*(.*)$", re.IGNORECASE)
_MAL_N = re.compile(r"^mål\s+(\d+)\s*[–—:-]\s*(.+)$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^(?:[-•–●○▪*]|\d{1,2}[.)])\s+(.+)$")
_LEVELS = {1: GoalLevel.goal_area, 2: GoalLevel.goal}
# Labels whose following paragraph fills an activity field.
_ACTIVITY_FIELDS = ("owner", "parties", "implementation", "follow_up", "comment", "description")
_LIST_FIELDS = ("parties", "follow_up")


def _depth(number: str) -> int:
    parts = number.split(".")
    if len(parts) > 1 and parts[-1] == "0":
        parts = parts[:-1]
    return len(parts)


class _State:
    """Where the walk is: the goal stack, the current goal and activity, what comes next."""

    def __init__(self, out: Builder) -> None:
        self.out = out
        self.stack: list[tuple[int, Goal]] = []
        self.goal: Goal | None = None
        self.activity: Activity | None = None
        self.pending: str | None = None  # the label whose value comes next
        self.list_kind: str | None = None  # "activities" or "indicators" while a list runs
        self.item_x: float = 0.0  # x of the current list item's text, for its wrapped lines
        self.heading: Line | None = None  # the last unnumbered heading
        self.heading_goal: Goal | None = None  # its goal, once content made it one
        self.title_line: Line | None = None  # the heading line a wrapped title continues
        self.title_end: Line | None = None  # the last line of an Uppdrag's title paragraph

    def push_goal(self, goal: Goal, depth: int) -> None:
        while self.stack and self.stack[-1][0] >= depth:
            self.stack.pop()
        (self.stack[-1][1].children if self.stack else self.out.goals).append(goal)
        self.stack.append((depth, goal))
        self.goal, self.activity, self.pending, self.list_kind = goal, None, None, None

    def goal_for_content(self) -> Goal | None:
        """The goal content belongs to: an unnumbered heading turns into one on demand."""
        if self.heading is not None and self.heading_goal is None:
            depth = (self.stack[-1][0] + 1) if self.stack else 1
            goal = Goal(
                uid="",
                level=GoalLevel.focus_area if depth == 1 else GoalLevel.goal,
                title=self.heading.text,
                provenance=provenance(self.heading),
            )
            (self.stack[-1][1].children if self.stack else self.out.goals).append(goal)
            self.heading_goal = self.goal = goal
        return self.goal


@register
class GenericParser(LayoutParser):
    name = "generic"
    version = "2"
    description = "Any layout: numbered headings, vocabulary-labelled tables, lists and labels."
    fingerprint = Fingerprint(signals=())

    def parse(self, doc: Document, out: Builder) -> None:
        guess_facts(doc, out)
        body = body_size(doc)
        st = _State(out)
        for block in doc.flow():
            if isinstance(block, Table):
                self._table(block, st)
            else:
                self._line(block, st, body)
        out.goals = _prune(out.goals)

    def _table(self, table: Table, st: _State) -> None:
        st.pending, st.list_kind, st.title_line = None, None, None
        kind = classify_table(table)
        if kind is TableKind.activities:
            goal = st.goal_for_content()
            if goal is not None:
                goal.activities.extend(activity_rows(table))
                st.activity = goal.activities[-1] if goal.activities else st.activity
                return
        elif kind is TableKind.indicators:
            target = st.activity or st.goal_for_content()
            if target is not None:
                target.indicators.extend(indicator_rows(table))
                return
        st.out.warn("table_skipped", f"a {table.n_cols}-column table was not recognised", table.page)

    def _line(self, line: Line, st: _State, body: float) -> None:
        text = line.text
        heading_like = is_heading(line, body)

        if st.title_line is not None:
            prev = st.title_line
            if (
                heading_like
                and abs(line.size - prev.size) < 0.6
                and line.bold == prev.bold
                and not numbered(text)
                and line.y0 - prev.bbox[3] < 0.8 * line.size
                and st.goal is not None
            ):
                st.goal.title = f"{st.goal.title} {text}"
                st.title_line = line
                return
            st.title_line = None

        if heading_like:
            uppdrag = _UPPDRAG.match(text)
            if uppdrag and st.goal_for_content() is not None:
                st.activity = Activity(uid="", number=uppdrag[1], title=uppdrag[2], provenance=provenance(line))
                st.goal.activities.append(st.activity)  # type: ignore[union-attr]
                st.pending = "title" if not uppdrag[2] else None
                st.list_kind = None
                return
            head = numbered(text)
            if head and vocabulary.match_label(head[1]) is not None:
                self._label(vocabulary.match_label(head[1]).value, st)  # type: ignore[union-attr]
                return
            if head and _depth(head[0]) <= 3:
                number, title = head[0].removesuffix(".0"), head[1]
                depth = _depth(head[0])
                m = _MAL_N.match(title)
                if m:
                    number, title = m[1], m[2]
                goal = Goal(
                    uid="",
                    number=number,
                    level=_LEVELS.get(depth, GoalLevel.sub_goal),
                    title=title,
                    provenance=provenance(line),
                )
                st.push_goal(goal, depth)
                st.heading, st.heading_goal, st.title_line = None, None, line
                return

        label = vocabulary.match_label(text) if len(text) < 60 else None
        if label is not None:
            self._label(label.value, st)
            return
        if heading_like and not _LIST_ITEM.match(text) and len(text) < 120:
            st.heading, st.heading_goal = line, None
            st.activity, st.pending, st.list_kind = None, None, None
            return

        if st.list_kind is not None and self._list_line(line, st):
            return
        self._value(line, st)

    def _label(self, value: str, st: _State) -> None:
        st.list_kind = None
        if value in ("assignment", "priority_development"):
            st.list_kind, st.activity = "activities", None
        elif value == "indicator":
            st.list_kind = "indicators"
        st.pending = value

    def _list_line(self, line: Line, st: _State) -> bool:
        """A list item or its wrapped continuation; False when the list has ended."""
        text = line.text
        item = _LIST_ITEM.match(text)
        goal = st.goal_for_content()
        if goal is None:
            return False
        if item:
            name = item[1].strip()
            # Where the item's text starts: its wrapped lines are indented to there.
            width = line.bbox[2] - line.x0
            st.item_x = line.x0 + width * (len(text) - len(item[1])) / max(len(text), 1)
            if st.list_kind == "activities":
                st.activity = Activity(uid="", title=name, provenance=provenance(line))
                goal.activities.append(st.activity)
            else:
                target = st.activity or goal
                target.indicators.append(Indicator(uid="", name=name, provenance=provenance(line)))
            return True
        if st.item_x > 0 and line.x0 >= st.item_x - 3:
            last: Activity | Indicator | None = (
                goal.activities[-1] if st.list_kind == "activities" and goal.activities else None
            )
            if st.list_kind == "indicators":
                target = st.activity or goal
                last = target.indicators[-1] if target.indicators else None
            if last is not None:
                if isinstance(last, Activity):
                    last.title = f"{last.title} {text}"
                else:
                    last.name = f"{last.name} {text}"
                return True
        st.list_kind = None
        return False

    def _value(self, line: Line, st: _State) -> None:
        text = line.text
        goal, activity, pending = st.goal, st.activity, st.pending
        if pending == "title" and activity is not None:
            activity.title = text
            st.pending, st.title_end = "title_more", line
            return
        if pending == "title_more" and activity is not None and st.title_end is not None:
            gap = line.y0 - st.title_end.bbox[3]
            if line.page == st.title_end.page and gap < 0.6 * max(line.size, 1):
                activity.title = f"{activity.title} {text}"  # the paragraph wraps
                st.title_end = line
                return
            st.pending = None
        if pending == "strategic_goal" and goal is not None:
            goal.strategic_goal = text if goal.strategic_goal is None else f"{goal.strategic_goal} {text}"
            return
        if pending == "assessment":
            a = vocabulary.match_assessment(text)
            target = st.goal_for_content()
            if a is not None and target is not None:
                target.assessment = Assessment(value=AssessmentValue(a.value), raw=text, confidence=a.confidence)
            st.pending = None
            return
        if pending in _ACTIVITY_FIELDS and activity is not None:
            value = text.lstrip("-•– ").strip()
            if pending in _LIST_FIELDS:
                getattr(activity, pending).append(value)
            else:
                current = getattr(activity, pending)
                setattr(activity, pending, f"{current} {value}" if current else value)
            return
        if pending == "comment" and goal is not None and activity is None:
            goal.comment = f"{goal.comment} {text}" if goal.comment else text
            return
        if len(text) < 60 and activity is not None and activity.status is None:
            s = vocabulary.match_status(text)
            if s is not None:
                activity.status = Status(value=StatusValue(s.value), raw=text, confidence=s.confidence)
                return
        if len(text) < 40 and goal is not None and goal.assessment is None:
            a = vocabulary.match_assessment(text)
            if a is not None:
                goal.assessment = Assessment(value=AssessmentValue(a.value), raw=text, confidence=a.confidence)


def _has_content(goal: Goal) -> bool:
    return bool(goal.activities or goal.indicators or goal.assessment) or any(
        _has_content(c) for c in goal.children
    )


def _prune(goals: list[Goal]) -> list[Goal]:
    """Keep numbered headings that carry goal content or sit beside headings that do;
    chapters with no goal content anywhere ("1 Inledning") drop out."""
    if not any(_has_content(g) for g in goals):
        return []
    kept = [g for g in goals if _has_content(g) or g.level is not GoalLevel.goal_area]
    for g in kept:
        g.children = _prune(g.children) if any(_has_content(c) for c in g.children) else g.children
    return kept
