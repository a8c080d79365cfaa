"""Goal tables: a goal per row ("Nämndmål | Bedömning | Kommentar", a school's "Mål |
Aktiviteter | Uppföljning"), with its assessment from the row's icon or printed text, its
comment, and the activities listed in its row; and the row helpers the engine's other table
readers share (:mod:`.table_walk`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from planparse.layouts import roles
from planparse.layouts.base import OUTLINE_NUMBER, numbered, provenance
from planparse.layouts.cell_items import (
    cell_activities,
    cell_goals,
    cell_items,
    goal_named_in_rows,
    row_activity,
    row_text,
)
from planparse.layouts.code_columns import CODE, code_column, group_row, row_code
from planparse.layouts.goal_words import GOAL_WORDS, goal_word, names_goals, states_goal
from planparse.layouts.goals_again import (
    by_number,
    named_again,
    number_of,
    read_before,
)
from planparse.layouts.indicators import indicator_rows
from planparse.layouts.mark_matrix import marked_matrix, matrix_assessment, matrix_columns
from planparse.layouts.nested_tables import nested_table, read_nested
from planparse.layouts.repeated_goals import merge_activities
from planparse.layouts.row_shapes import row_starts_item
from planparse.layouts.scales import row_assessment
from planparse.layouts.tables import column_of, header_labels, match_status_prefix, split_title
from planparse.layouts.walk_state import _RUNIN_LABEL
from planparse.model import Goal, GoalLevel, Indicator
from planparse.reading.model import Row, Table
from planparse.text.assemble import join_lines
from planparse.text.fold import fold

if TYPE_CHECKING:
    from planparse.layouts.engine import Walk


# A first column of curriculum goals: "Mål ur läroplanen", "Mål enligt Lpfö 18", "Läroplanens mål".
_CURRICULUM = re.compile(_RUNIN_LABEL.pattern + r"|^laroplan(?:ens|s)? ?mal|^strav(?:ans|ar)mal")


_SITUATION = frozenset({"nulage", "utgangslage", "nulagesanalys", "bakgrund"})


def goal_column(table: Table) -> tuple[int, GoalLevel] | None:
    """The column naming goals: a goal word ("Nämndmål"), or a first column "Mål" beside
    the goal's activities or assessment ("Mål | Aktiviteter | Uppföljning", a school's plan;
    "Mål" elsewhere is a target value)."""
    worded = [(i, words[0]) for i, h in enumerate(table.header) if h and (words := goal_word(h)) is not None and not words[1]]
    if worded:  # the last: one before it groups its goals ("Kommunfullmäktiges mål | Nämndmål")
        return worded[-1]
    labels = header_labels(table)
    # (after a column of where things stand: "Nuläge | Mål | Insatser | Uppföljning", a school's quality report)
    first = next((i for i, h in enumerate(table.header) if h.strip() and fold(h).strip(" :") not in _SITUATION), None)
    curriculum = first is not None and _CURRICULUM.match(fold(table.header[first])) is not None
    if first is not None and labels[first] is None and labels[first + 1 : first + 2] == ["goal"]:
        first += 1  # after a column grouping the goals: "Område | Mål | Åtgärd | Ansvarig"
    if first is not None and (labels[first] == "goal" or curriculum) and (any(
        lab in ("activities", "assessment", "status") for lab in labels[first + 1:]
    ) or (first == 0 and marked_matrix(table))):  # "Mål | Uppfyllt | Delvis uppfyllt | Ej uppfyllt"
        return first, GoalLevel.goal
    if first is not None and labels[first] == "goal" and first == len(table.header) - 1 and len(table.body) >= 2 \
            and all(states_goal(t) for r in table.body if (t := row_text(r, first))):
        return first, GoalLevel.goal  # "Nr | Mål": a list of goals, nothing beside them
    if first is not None and labels[first] == "goal" and "indicator" in labels[first + 1:] and len(table.body) >= 2 \
            and sum(states_goal(t) for r in table.body if (t := row_text(r, first))) * 2 > len(table.body):
        return first, GoalLevel.goal  # "Nr | Mål | Indikator | Målvärde": the goals stated, each with its indicators
    if first is not None and labels[first] == "assessment" and labels[first + 1 : first + 2] == ["goal"]:
        return first + 1, GoalLevel.goal  # the assessment's mark first: "Bedömning | Mål | Analys"
    if first is not None and labels[first] == "activities" and (named := goal_named_in_rows(table, labels)) is not None:
        return named, GoalLevel.goal  # "Aktivitet | Mål | Ansvarig | Status": each row names its goal
    # A header OCR'd from a dark band loses letters or splits words ("I ndmal" for
    # "Nämndmål"): beside an assessment or activities column, a label that only a goal word
    # can be read from.
    for i, h in enumerate(table.header):
        if any(lab in ("activities", "assessment") for lab in labels[i + 1:]) and labels[i] is None \
                and (level := garbled_goal_word(h)) is not None:
            return i, level
    # "Finansiellt mål | Måluppfyllelse": the first column names a kind of goal ("… mål"),
    # beside its assessment or status
    if first is not None and fold(table.header[first]).split()[-1:] == ["mal"] and any(
        lab in ("assessment", "status") for lab in labels[first + 1:]
    ):
        return first, GoalLevel.goal
    return None


def garbled_goal_word(text: str) -> GoalLevel | None:
    """The level of the one goal word ``text`` is an OCR-damaged form of: close to it (a letter
    misread), or its end (the first letters lost), spaces within it ignored; None when no or
    more than one level fits, and for a text too short to tell."""
    key = fold(text).replace(" ", "")
    if len(key) < 5 or not key.isalpha():
        return None
    levels = {level for word, level in GOAL_WORDS
              if (w := word.replace(" ", "")) == key or fuzz.ratio(w, key) >= 85 or w.endswith(key)}  # fmt: skip
    return levels.pop() if len(levels) == 1 else None


def first_text(row: Row) -> str:
    """The text of the row's first cell with text (a table read with an empty first column)."""
    return next((c.text for c in row.cells if c.text), "")


def is_comment(row: Row) -> bool:
    return fold(first_text(row)).startswith(("kommentar", "analys", "kommentar till"))


def label_beside(row: Row, bbox: tuple[float, float, float, float]) -> bool:
    """Whether a line of ``row`` in the band of an icon's ``bbox`` opens with a status label:
    the icon is drawn beside its printed label ("● Ej påbörjad" on a line of its own inside a
    cell holding the whole activity, as a scan's positioned table reads it)."""
    mid = (bbox[1] + bbox[3]) / 2
    return any(ln.bbox[1] - 2 <= mid <= ln.bbox[3] + 2 and match_status_prefix(ln.text) is not None
               for c in row.cells for ln in c.lines)


_ACTIVITY_FIELDS = frozenset({"status", "start_date", "end_date", "progress", "owner"})


def read_goal_table(w: Walk, table: Table, col: int, level: GoalLevel) -> None:
    """A goal table: a goal per row group, its assessment from the row's icon or text, a
    "Kommentar" row under it as its comment."""
    if (again := named_again(w, table, col)) and marked_matrix(table):  # a summing-up matrix: no goals of its own
        for row in table.body:
            if (goal := again.get(id(row))) is not None:
                goal.assessment = goal.assessment or matrix_assessment(row, matrix_columns(table))
        return
    if again:
        w.section = None  # (the heading over a table of goals read before is no group of them)
    if w.mode == "goal_text":  # a goal table after the prose under goal words: the prose was its intro
        w.list_after_text(None)
    elif w.text_goals and w.text_goals[-1].provenance.page >= table.page - 1:
        w.list_after_text()  # the same under the heading of the table's goal area, between them
    if w.section is not None and names_goals(w.section_title):
        w.section = None  # "Prioriterade mål", "Mål och aktiviteter": a heading over the goals, no goal itself
    if w.section is not None:
        w.owner_goal()
        w.field = None
    parent = w.stack[-1][1] if w.stack else None
    current: Goal | None = None
    commenting, made = False, 0  # made: the goals the table adds
    labels = header_labels(table)
    group_col, code_col = _group_column(table, col, labels), code_column(table, col)
    top = parent  # the goals' parent outside any group
    if level is GoalLevel.goal_area and (group_col is not None or parent is not None and parent.level is GoalLevel.goal_area):
        level = GoalLevel.goal  # "Perspektiv | Strategiskt mål", or under a perspektiv's heading: the perspektiv is the area
    assess_col, comment_col, matrix = column_of(labels, "assessment"), column_of(labels, "comment"), matrix_columns(table)
    if assess_col is None and column_of(labels, "activities") is None:
        assess_col = column_of(labels, "status")  # "Mål | Indikator | Status": the goal's own status
    acts_col = next((i for i, lab in enumerate(labels) if lab == "activities" and i != col), None)
    follow_col = column_of(labels, "follow_up") if acts_col is not None else None  # "Så följer vi upp"
    indicator_col = column_of(labels, "indicator", "measure")
    others = frozenset(c for c in (col, assess_col, comment_col, acts_col) if c is not None)
    # an activity a row, with its own status, dates or owner beside it ("Mål | Aktivitet |
    # Ansvarig | Klart senast | Status"), rather than a cell listing the goal's activities
    one_activity = acts_col is not None and any(lab in _ACTIVITY_FIELDS for lab in labels)
    head = next((c.bbox for r in table.rows if r.is_header for c in r.cells if c.col == column_of(labels, "status")), None)
    status_x = (head[0] - 2, head[2] + 2) if one_activity and head is not None else (0.0, -1.0)
    for index, row in enumerate(table.body):
        text = row_text(row, col) if not row.full_width else row.cells[0].text if row.cells else ""
        # (an icon in the status column of a row that is also an activity's is that activity's)
        markers = [m for m in w.markers.near(row.page, row.bbox) if not status_x[0] <= (m.bbox[0] + m.bbox[2]) / 2 <= status_x[1]] \
            if text else []
        # the rest of a goal cell merged down over the rows of its activities ("… meningsfull" /
        # "vardag"): going on in lower case from a title with no sentence's end
        wraps = current is not None and not markers and not row.full_width and text[:1].islower() \
            and not current.title.rstrip().endswith((".", "!", "?"))
        if wraps and current is not None:
            current.title = join_lines([current.title, text])
        if not text or wraps:
            if current is not None and indicator_col not in (None, col):  # a goal's next indicator
                current.indicators.extend(_row_indicators(w, table, row, others))
            if current is not None and one_activity and not row.full_width:  # the goal's next activity
                merge_activities(current, row_activity(table, row, w.bullets.leads))
            continue
        if is_comment(row):
            commenting = True
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            if current is not None and rest:
                current.comment = join_lines([current.comment or "", rest]).strip() or None
            continue
        if row.full_width and table.n_cols >= 4 and len(text.split()) <= 8 and text[:1].isupper() \
                and not text.endswith(".") and not states_goal(text):  # a row across naming a group: "Medarbetare"
            parent, current, level = _group_goal(w, top, text, row), None, GoalLevel.goal if level is GoalLevel.goal_area else level
            continue
        if code_col is not None and group_row(table, index, col, code_col):  # "KF1 | Eksjö ska …" over "NM 1.1 | …"
            parent, current, level = _group_goal(w, top, text, row), None, GoalLevel.goal if level is GoalLevel.goal_area else level
            parent.number = parent.number or row_code(row, code_col)
            continue
        # (a row with text beside its title starts the next goal, after a comment too: its icon
        # may be lost, and its OCR'd specks kept, on a damaged copy)
        after_rows = current is not None and any(a.provenance != current.provenance for a in current.activities)  # (its own row)
        if current is not None and not markers and not after_rows and (row.full_width or not row_starts_item(row, col)):
            if commenting:
                current.comment = join_lines([current.comment or "", text]).strip()
            else:
                current.title = join_lines([current.title, text])
            continue
        commenting = False
        if group_col is not None and (name := row_text(row, group_col)):
            parent = _group_goal(w, top, name, row)
        titles = [text] if row.full_width else cell_goals(row, col)
        siblings = parent.children if parent is not None else w.out.goals
        if len(titles) == 1 and (same := again.get(id(row)) or read_before(siblings, titles[0]) or by_number(w, titles[0])):
            current = same  # named again (the indicator table under its activity table): one goal
            for m in markers:
                current.assessment = current.assessment or w.markers.assessment(m)
            row_assessment(row, current, assess_col, comment_col, w.doc)
            if indicator_col not in (None, col):
                current.indicators.extend(_row_indicators(w, table, row, others))
            if one_activity:  # ("Aktivitet | Mål | …": the goal named on each of its activities' rows; a follow-up's)
                merge_activities(current, row_activity(table, row, w.bullets.leads))
            w.goal, w.activity, w.item = current, None, current
            continue
        current, made = Goal(uid="", level=level, title=titles[-1], provenance=provenance(row)), made + 1
        current.number, current.title = number_of(titles[-1])
        if current.number is None and col > 0 and OUTLINE_NUMBER.fullmatch(nr := row_text(row, col - 1).strip()):
            current.number = nr.rstrip(".")  # "Nr | Mål": its number in the column before it
        current.number = current.number or row_code(row, code_col)  # "Kod | Mål": its code
        if len(titles) == 1 and not row.full_width and (c := roles.cell(row, col)) is not None and c.lines and c.lines[0].bold:
            bold, plain = split_title(c)  # a bold title over its plain comment in one cell
            if plain:
                (current.number, current.title), current.comment = number_of(bold), plain
        for title in titles[:-1]:  # a cell listing several goals: the row's activities are their parent's
            number, title = number_of(title)
            goal = Goal(uid="", number=number, level=level, title=title, provenance=provenance(row))
            (parent.children if parent is not None else w.out.goals).append(goal)
            w.listed.add(id(goal))
        (parent.children if parent is not None else w.out.goals).append(current)
        w.listed.add(id(current))
        owner = parent if len(titles) > 1 and parent is not None else current
        for m in markers:
            if current.assessment is None:
                current.assessment = w.markers.assessment(m)
        row_assessment(row, current, assess_col, comment_col, w.doc)
        current.assessment = current.assessment or (matrix_assessment(row, matrix) if matrix else None)
        if one_activity:
            owner.activities.extend(row_activity(table, row, w.bullets.leads))
        elif acts_col is not None and (inner := nested_table(w, row, acts_col)) is not None:
            read_nested(w, owner, *inner)
        elif acts_col is not None:
            acts = cell_activities(row, acts_col)
            for act in acts:  # the row's follow-up follows up each of its activities
                act.follow_up = cell_items(row, follow_col) if follow_col not in (None, col) else []
            owner.activities.extend(acts)
        if indicator_col not in (None, col):
            current.indicators.extend(_row_indicators(w, table, row, others))
        w.goal, w.activity, w.item = current, None, current
    if matrix and parent is not None and made > 1:
        w.goal = parent  # what follows a matrix of several goals (an indicator table) is their area's


def _group_column(table: Table, col: int, labels: list[str | None]) -> int | None:
    """The column left of the goal column that groups its goals ("Perspektiv | Strategiskt
    mål", "Målområde | Nämndmål"): named by no label but a goal word, a name on the first row,
    each name over the goals of the rows down to the next (a cell merged down, or repeated)."""
    # (its own cells: not the goal's spanning it too, an OCR'd grid's header shifted by a column)
    left = [i for i in range(col) if any(row_text(r, i) for r in table.body)
            and all(roles.cell(r, i) is not roles.cell(r, col) for r in table.body)]
    if not left or (labels[left[-1]] is not None and goal_word(table.header[left[-1]]) is None):
        return None
    cells = [row_text(r, left[-1]) for r in table.body if not r.full_width]
    if not cells or not cells[0] or any(CODE.fullmatch(c) for c in cells):
        return None  # a number column ("Nr | Mål"), or the goals' codes ("Kod | Mål")
    return left[-1]


def _group_goal(w: Walk, parent: Goal | None, title: str, row: Row) -> Goal:
    """The goal a group cell names, under ``parent``: the one read before, or a new one."""
    siblings = parent.children if parent is not None else w.out.goals
    number, title = numbered(title) or (None, title)  # ("1. Barn och unga …": its number apart)
    found = next((g for g in siblings if fold(g.title) == fold(title)), None)
    if found is None:
        found = Goal(uid="", number=number, level=GoalLevel.goal_area if parent is None else GoalLevel.focus_area,
                     title=title, provenance=provenance(row))
        siblings.append(found)
        w.listed.add(id(found))
    return found


def _row_indicators(w: Walk, table: Table, row: Row, others: frozenset[int]) -> list[Indicator]:
    """The indicator a goal row names in its indicator column, with the row's values."""
    return indicator_rows(Table(rows=[row], n_cols=table.n_cols, header=table.header), w.doc.reread, others)
