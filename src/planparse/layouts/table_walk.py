"""The engine's tables: each table read by its role and attached to the right owner.

Goal tables ("Nämndmål | Bedömning") add goals; activity tables ("Aktivitet | Status | Färdiggrad")
add activities to the goal in scope, with status and progress from text or icons; indicator tables
go to the current activity or goal; budget, investment, control and risk tables to the document. A
table that is none of these is skipped with a warning naming its header.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse import vocabulary
from planparse.layouts import goal_tables as gt
from planparse.layouts import money, roles
from planparse.layouts.activity_cells import owner_text, percent_of_its_own
from planparse.layouts.base import provenance
from planparse.layouts.captions import date_accounts, money_unit
from planparse.layouts.cell_items import bold_head, listed_activities, row_text, title_note
from planparse.layouts.control_tables import controls, rated_risks, risks
from planparse.layouts.follow_up_rows import followed_up
from planparse.layouts.form_tables import is_form, read_form
from planparse.layouts.goal_grid import read_goal_grid
from planparse.layouts.goal_groups import names_chapter
from planparse.layouts.goal_rows import goal_parts, labelled_goal_rows
from planparse.layouts.goal_words import unlabelled
from planparse.layouts.indented_rows import activity_of, assessment_of, indented_items
from planparse.layouts.indicators import indicator_rows, name_direction
from planparse.layouts.known_goals import known_goal, named_goal, names_document
from planparse.layouts.legend import legend_table
from planparse.layouts.mark_matrix import matrix_status, status_columns
from planparse.layouts.marker import Marker
from planparse.layouts.outline_rows import grouped_indicators, outline_nodes, outline_tree
from planparse.layouts.period_columns import latest_period
from planparse.layouts.roles import Role
from planparse.layouts.row_shapes import alone, row_alone, row_starts_item, set_apart, source_row
from planparse.layouts.status_column import status_column
from planparse.layouts.status_rows import labelled_markers, status_row_icons, status_rows
from planparse.layouts.symbol_key import symbol_status
from planparse.layouts.table_owner import indicator_owner
from planparse.layouts.tables import activity_rows, cell_percent, column_of, header_labels
from planparse.layouts.title_kinds import keeps_no_budget
from planparse.layouts.transposed import transposed_indicators
from planparse.model import Activity, Goal, GoalLevel
from planparse.reading.model import Row, Table
from planparse.text.assemble import join_lines
from planparse.text.fold import fold
from planparse.text.numbers import cell_date

if TYPE_CHECKING:
    from planparse.layouts.engine import Walk


def _continues(w: Walk, table: Table) -> bool:
    """A table broken over a page without its header: the 'header' is a body row (one filled
    cell, or no vocabulary label) and the table before it had as many columns."""
    last = w.last_table
    filled = [h for h in table.header if h.strip()]
    return last is not None and last.n_cols == table.n_cols and table.page > last.rows[-1].page and len(filled) <= 1 \
        and not any(header_labels(table))


def read_table(w: Walk, table: Table) -> None:
    # An indicator table under an activity table measures the goal, not the table's last
    # activity; under an activity of its own (a heading, a list item) it is the activity's.
    activity_from_table = w.activity is not None and source_row(w.activity, w.last_table.rows if w.last_table is not None else []) is not None
    before = w.last_table
    if _continues(w, table):
        assert w.last_table is not None
        table.header, table.rows[0].is_header = list(w.last_table.header), False
        table.rows = [w.last_table.rows[0], *table.rows]
    w.last_table = table
    latest_period(table, w.markers)  # (a status a period: the latest)
    if legend_table(w.markers, table):
        return
    goal_col = gt.goal_column(table)
    role = Role.other if goal_col is not None else roles.classify(table)
    labels = header_labels(table)
    status_col = status_column(table, labels, column_of(labels, "status"))
    text_statuses = (status_col is not None and any(
        vocabulary.match_status(r.cell_text(status_col)) for r in table.body if not r.full_width
    )) or status_rows(table) or labelled_markers(w.markers, table)
    has_markers = not text_statuses and any(w.markers.near(r.page, r.bbox) for r in table.body)
    icons = status_row_icons(w.markers, table) if has_markers else {}
    if goal_col is None and (items := indented_items(table)) is not None:
        for item in items:  # goal rows with their activities indented under them
            if item.is_goal:
                _goal_row(w, item.title, item.row)
                if w.goal is not None and w.goal.assessment is None:
                    w.goal.assessment = assessment_of(item.mark)
            elif w.goal is not None:
                w.goal.activities.append(activity_of(item))
        if sum(i.is_goal for i in items) > 1 and w.stack:  # what follows the table (an indicator
            w.goal, w.activity = w.stack[-1][1], None  # table) is the area's, none of its goals'
    elif goal_col is None and (nodes := outline_nodes(table, w.markers)) is not None:  # the goal tree as one table
        w.listed.update(id(g) for g in outline_tree(nodes, w.stack[-1][1] if w.stack else None, w.out.goals, w.markers))
    elif goal_col is None and is_form(w, table):
        read_form(w, table)
    elif goal_col is None and read_goal_grid(w, table):
        pass  # a strategy map: perspectives beside their goals
    elif goal_col is not None:
        gt.read_goal_table(w, table, *goal_col)
    elif role is Role.activities and has_markers and not icons:
        _icon_activities(w, table)
    elif role is Role.activities and followed_up(w.out.goals, activity_rows(table, None, w.step, icons)):
        pass  # the follow-up of activities listed before, named by their wording
    elif role is Role.activities:
        cont = w.table_activity if w.table_activity is not None and w.activity is w.table_activity else None
        for number, title, named_row in labelled_goal_rows(w.out.goals, table):  # goals named only by their rows
            _goal_row(w, title, named_row, number)
        marks = status_columns(table)  # ("Aktivitet | Klar | Pågår | Ej påbörjad", a cross in one)
        for named, part in goal_parts(w.out.goals, table) or [(None, table)]:  # under a row naming a goal: its
            goal = named or w.owner_goal()
            if goal is not None or any(_named_goal(w, table, r) for r in part.body):
                acts = listed_activities(part, activity_rows(part, cont if named is None else None, w.step, icons), w.bullets.leads)
                for act in acts:  # each on the goal its row names ("Mål | 1.1", "Mål 2"), else the goal in scope
                    row = source_row(act, part.body)
                    act.status = act.status or (matrix_status(row, marks, table.header) if marks and row is not None else None) \
                        or symbol_status(w.doc, row)  # ("▲" under a key of symbols)
                    if (of := _named_goal(w, table, row) or goal) is not None:
                        of.activities.append(act)
                w.activity = acts[-1] if acts else goal.activities[-1] if goal is not None and goal.activities else w.activity
                w.table_activity = w.activity
    elif role is Role.indicators:
        w.markers.spend(table.body)  # its icons are its rows' values (a trend's arrow), no owner's
        owner = indicator_owner(w, labels, activity_from_table, before)
        if grouped_indicators(w, table, owner):  # under rows naming their goals (an indikatorbilaga's)
            pass
        elif owner is not None:
            rest = _rest_of_row(table, before)
            if rest is not None and owner.indicators:
                owner.indicators[-1].name = join_lines([owner.indicators[-1].name, rest.cells[0].text])
                table.rows.remove(rest)
            for ind in transposed_indicators(table) or indicator_rows(table, w.doc.reread, this_year=w.out.year):
                ind.direction = ind.direction or name_direction(ind.name)
                owner.indicators.append(ind)
        else:
            w.out.warn("table_skipped", f"indicator table outside any goal or activity: {_header_text(table)}", table.page)
        if isinstance(owner, Goal) and owner is w.goal:  # a note under the table describes the goal
            w.activity, w.field = None, "description"
    elif role in (Role.budget, Role.investments) and keeps_no_budget(w.out.title or ""):
        w.out.warn("table_skipped", f"a taxa's fees or a physical plan's costs, no budget: {_header_text(table)}", table.page)
    elif role is Role.budget:
        unit = money_unit(w.doc, table, w.heading_title, w.prev_text)
        lines = money.budget_lines(table, w.out, unit)
        date_accounts(lines, w.doc, table)
        w.out.budget.extend(lines)
    elif role is Role.investments:
        date_accounts(projects := money.investments(table, w.out, money_unit(w.doc, table, w.heading_title, w.prev_text)), w.doc, table)
        w.out.investments.extend(projects)
    elif role is Role.controls:
        w.out.controls.extend(controls(table, w.out))
        w.out.risks.extend(rated_risks(table))
    elif role is Role.risks:
        w.out.risks.extend(risks(table))
    elif role is not Role.figure:
        w.out.warn("table_skipped", f"table not recognised: {_header_text(table)}", table.page)


def _header_text(table: Table) -> str:
    return " | ".join(h for h in table.header if h)[:100] or f"{table.n_cols} columns, no header"


def _rest_of_row(table: Table, before: Table | None) -> Row | None:
    """The first body row of a table under the header of the table before it (repeated after a page
    break) holding the rest of that table's last name: text in its first cell alone, in lower case."""
    if before is None or not table.body or [fold(h) for h in table.header] != [fold(h) for h in before.header]:
        return None
    filled = [c for c in table.body[0].cells if c.text]
    return table.body[0] if len(filled) == 1 and filled[0].col == 0 and filled[0].text[:1].islower() else None


def _icon_activities(w: Walk, table: Table) -> None:
    """An activity table whose statuses are icons: an activity starts at a row with a marker;
    rows without one continue its title, a "Kommentar" row opens its comment, and a bold
    full-width row names the goal the activities below belong to."""
    labels = header_labels(table)
    title_col = next((i for i, lab in enumerate(labels) if lab == "activities"), 0)
    # a table continued from the page before goes on with its last activity
    act: Activity | None = w.table_activity if w.table_activity is not None and w.activity is w.table_activity else None
    last: Row | None = None  # the activity's last title row
    commenting = act is not None and act.comment is not None
    group: list[Row] = []
    taken: set[Marker] = set()
    for row in table.body:
        text = row.cells[0].text if row.full_width and row.cells else row_text(row, title_col)
        if not text or alone(row) and names_document(w.out, text):
            continue  # (the next page's running header, read into the table going on there)
        # (an icon set in the middle of a row whose title wraps lies in its last line's band too)
        markers = [m for m in w.markers.near(row.page, row.bbox) if m not in taken]
        taken.update(markers)
        # a group row: bold, or (an OCR'd layer has no bold) the title of a goal read before
        is_group = not markers and not gt.is_comment(row) and (
            (alone(row) and all(ln.bold for c in row.cells for ln in c.lines))
            or (alone(row) and known_goal(w.out.goals, text) is not None))
        if group and not is_group:
            _goal_row(w, join_lines([gt.first_text(r) for r in group]), group[0])
            group = []
        if is_group and not gt.is_comment(row):
            group.append(row)
            act, commenting = None, False
            continue
        if gt.is_comment(row):
            commenting = True
            rest = _after_label(row, text)
            if act is not None and rest:
                act.comment = join_lines([act.comment or "", rest])
            continue
        own = act is not None and last is not None and row.page != last.page and percent_of_its_own(row, labels, act)
        if act is not None and not markers and not own and not (commenting and not row.full_width and row_starts_item(row, title_col)):
            if commenting:
                act.comment = join_lines([act.comment or "", text]) if act.comment else text
            elif "description" in labels and not row.full_width:  # the row's cells go on (a wrap, a page break)
                act.title = join_lines([act.title, row_text(row, title_col)]).strip()
                _columns(act, row, labels)
            elif last is not None and last.page == row.page and row.bbox[1] < last.bbox[3] - 1:
                act.title = join_lines([act.title, text])  # the title wraps beside cells set in its middle
            elif act.description is not None or set_apart(last, row) or row_alone(last, row, title_col):
                act.description = join_lines([act.description or "", text]).strip()  # a row below the title's
            else:
                act.title = join_lines([act.title, text])
            last = row
            continue
        goal = _named_goal(w, table, row) or w.owner_goal()
        if goal is None:
            continue
        commenting = False
        last = row
        title, note = (text, None) if row.full_width else title_note(row, title_col)
        act = Activity(uid="", title=title, comment=note, provenance=provenance(row))
        cell = None if row.full_width or note else roles.cell(row, title_col)
        if cell is not None and (k := bold_head(cell.lines)) is not None:  # a bold title over its description
            act.title, act.description = join_lines([ln.text for ln in cell.lines[:k]]), join_lines([ln.text for ln in cell.lines[k:]])
        _columns(act, row, labels)
        goal.activities.append(act)
        for m in markers:
            if m.bar is not None and act.progress is None:
                act.progress = round(m.bar * 100)
            elif act.status is None:
                act.status = w.markers.status(m)
        w.activity = act
    w.table_activity = w.activity if act is not None else None
    if group:
        _goal_row(w, join_lines([gt.first_text(r) for r in group]), group[0])


def _columns(act: Activity, row: Row, labels: list[str | None]) -> None:
    """An activity row's dates, progress, comment and description (or more of it) from the columns their labels name."""
    for i, lab in enumerate(labels):
        if lab in ("start_date", "end_date"):
            setattr(act, lab, getattr(act, lab) or cell_date(row.cell_text(i), end=lab == "end_date"))
        elif lab == "owner" and act.owner is None:
            act.owner = owner_text(row, row_text(row, i))
        elif lab == "progress" and act.progress is None:
            act.progress = cell_percent(row.cell_text(i))  # the bar's printed per cent
        elif lab == "description" and row.cell_text(i):
            act.description = join_lines([act.description or "", row_text(row, i)]).strip()
        elif lab == "comment" and i and row.cell_text(i):  # "Aktivitet | Status | Kommentar"
            act.comment = join_lines([act.comment or "", row_text(row, i)]).strip()


def _named_goal(w: Walk, table: Table, row: Row | None) -> Goal | None:
    """The goal read before that an activity row names in its "Mål" column ("1.1", a title):
    the activity is that goal's, whichever goal is in scope."""
    col = column_of(header_labels(table), "goal")
    return named_goal(w.out.goals, row_text(row, col)) if row is not None and col is not None else None


def _after_label(row: Row, text: str) -> str:
    """A comment row's text after its label: after the colon, or (a label alone on its first
    line, "Kommentar" over the text) the lines under it."""
    if ":" in text:
        return text.split(":", 1)[1].strip()
    lines = [ln for c in row.cells for ln in c.lines]
    if len(lines) < 2 or len(lines[0].text.split()) > 3 or not fold(lines[0].text).startswith(("kommentar", "analys")):
        return ""
    return join_lines([ln.text for ln in lines[1:]]).strip()


def _goal_row(w: Walk, title: str, row: Row, number: str | None = None) -> None:
    """A group row inside an activity table: the goal it names, found among the goals read so
    far or added under the current goal area. A goal label before it ("Mål: …") is no part of
    its title."""
    if (known := known_goal(w.out.goals, title := unlabelled(title))) is not None:
        w.goal = known
        return
    if w.section is not None and names_chapter(w.out, w.section_title):
        w.section = None  # "Mål och aktiviteter": a heading over the goals, no goal itself
    if w.section is not None:  # the heading over the table groups its goals (as over a goal table)
        if not w.stack and w.section_level is None:
            w.section_level = GoalLevel.goal_area
        w.owner_goal()
        w.field = None
    parent = w.stack[-1][1] if w.stack else None
    goal = Goal(uid="", number=number, level=GoalLevel.goal, title=title, provenance=provenance(row))
    (parent.children if parent is not None else w.out.goals).append(goal)
    w.goal = goal
    w.listed.add(id(goal))
