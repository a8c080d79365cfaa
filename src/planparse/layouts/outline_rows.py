"""A whole goal tree printed as one table, as planning systems export it (Stratsys, Hypergene:
"Namn | Status | Kommentar"): every row a node of the tree, its level shown only by how far
its name is indented (and by its row's shading), the goals' assessments and the activities'
statuses in the one status column. Three indents or more; the deepest holds the activities
(status words), the ones above it the goals, from the goal area down. Told from the rows alone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planparse import vocabulary
from planparse.layouts.base import provenance
from planparse.layouts.goal_words import names_goals, unlabelled
from planparse.layouts.icons import Markers
from planparse.layouts.indented_rows import assessment_of, status_of
from planparse.layouts.indicators import indicator_rows, name_direction
from planparse.layouts.known_goals import known_goal
from planparse.layouts.marker import Marker
from planparse.layouts.tables import column_of, header_labels
from planparse.layouts.transposed import transposed_indicators
from planparse.model import Activity, Goal, GoalLevel
from planparse.reading.model import Row, Table
from planparse.text.fold import fold
from planparse.text.numbers import cell_date

if TYPE_CHECKING:
    from planparse.layouts.engine import Walk

STEP = 6.0  # points between two indents, at least (a node's name starts so far right of its parent's)
_SAME = 2.0  # points within which names start at one indent
_LEVEL_NUMBER = re.compile(r"^\s*(?:niv[åa]|level)?\s*\d{1,2}\s*$", re.IGNORECASE)  # "Nivå 2", "3"


@dataclass
class Node:
    """One row of the outline: its depth (0 outermost), name, status or assessment word, comment,
    and the icon on its row (a coloured square in the status column, no word)."""

    row: Row
    depth: int
    name: str
    mark: str | None
    comment: str | None
    icon: Marker | None = None
    owner: str | None = None
    end: str | None = None  # its end date as printed


# A "Typ" column's words by the depth they name: a planning system's export names each row's kind
_KINDS = (("malomrade", "fokusomrade", "perspektiv", "strategiskt omrade", "utvecklingsomrade"),
          ("mal", "namndmal", "verksamhetsmal", "inriktningsmal", "strategiskt mal", "kommunmal"),
          ("delmal", "effektmal"),
          ("aktivitet", "atgard", "uppdrag", "insats"))


def _typed(table: Table) -> tuple[int, list[int]] | None:
    """A column naming each body row's kind ("Målområde", "Mål", "Aktivitet"), most rows'
    filled: its index and each row's depth (the kinds present, outermost 0), else None."""
    body = table.body
    for col in range(1, table.n_cols):
        kinds = [next((k for k, words in enumerate(_KINDS) if fold(r.cell_text(col)).strip(" .:") in words), None)
                 for r in body]
        if len(body) >= 4 and sum(k is not None for k in kinds) >= 0.8 * len(body) and len(_KINDS) - 1 in kinds \
                and any(k is not None and k < len(_KINDS) - 1 for k in kinds):
            if None in kinds:
                return None
            present = sorted({k for k in kinds if k is not None})
            return col, [present.index(k) for k in kinds if k is not None]
    return None


def outline_nodes(table: Table, markers: Markers | None = None) -> list[Node] | None:
    """The table's rows as nodes when its first column holds names at three indents or more,
    each row at most one indent deeper than the row above, the deepest rows' marks status words
    (most of them given) and every other row's mark, if any, an assessment; or when a column
    names each row's kind ("Typ": Målområde, Mål, Aktivitet), the marks then words or the icons
    on their rows (``markers``); else None."""
    labels = header_labels(table)
    if (typed := _typed(table)) is not None:
        return _typed_nodes(table, labels, *typed, markers)
    mark_col = column_of(labels, "status")
    mark_col = column_of(labels, "assessment") if mark_col is None else mark_col
    if mark_col is None or mark_col == 0 or labels[0] is not None and labels[0] not in ("goal", "activities"):
        return None
    comment_col = column_of(labels, "comment")
    rows = [r for r in table.body if r.cells and r.cells[0].col == 0 and r.cells[0].text and r.cells[0].lines]
    if len(rows) < 4 or len(rows) < len(table.body) - 1:
        return None
    starts = [min(ln.x0 for ln in r.cells[0].lines) for r in rows]
    indents: list[float] = []
    for x in sorted(starts):
        if not indents or x - indents[-1] > _SAME:
            indents.append(x)
    if len(indents) < 3 or any(b - a < STEP for a, b in zip(indents, indents[1:], strict=False)):
        return None
    nodes: list[Node] = []
    for row, x in zip(rows, starts, strict=True):
        depth = max(k for k, i in enumerate(indents) if x >= i - _SAME)
        if depth > (nodes[-1].depth + 1 if nodes else 0):
            return None  # (a level skipped: no outline)
        mark = row.cell_text(mark_col) or None
        comment = row.cell_text(comment_col) or None if comment_col is not None else None
        nodes.append(Node(row, depth, row.cells[0].text, mark, comment))
    deepest = len(indents) - 1
    acts = [n for n in nodes if n.depth == deepest]
    if sum(vocabulary.match_status(n.mark) is not None for n in acts) < max(1, len(acts) / 2) or any(
            n.mark is not None and vocabulary.match_assessment(n.mark) is None for n in nodes if n.depth < deepest):
        return None
    return nodes


def _typed_nodes(table: Table, labels: list[str | None], kind_col: int, depths: list[int],
                 markers: Markers | None) -> list[Node] | None:
    mark_col = column_of(labels, "status")
    mark_col = column_of(labels, "assessment") if mark_col is None else mark_col
    comment_col = column_of(labels, "comment")
    owner_col, end_col = column_of(labels, "owner"), column_of(labels, "end_date")
    head = next((c.bbox for r in table.rows if r.is_header for c in r.cells if c.col == mark_col), None)
    x0, x1 = (head[0], head[2]) if head is not None else (0.0, 0.0)  # (the status column's span)
    # the names: the first column that is no kind nor a level's number ("Nivå | Typ | Namn | …")
    name_col = next((k for k in range(table.n_cols) if k != kind_col and not all(
        _LEVEL_NUMBER.match(r.cell_text(k)) for r in table.body)), 0)
    nodes: list[Node] = []
    for row, depth in zip(table.body, depths, strict=True):
        if depth > (nodes[-1].depth + 1 if nodes else 0) or not row.cell_text(name_col):
            return None  # (a level skipped: no outline)
        mark = row.cell_text(mark_col) or None if mark_col is not None else None
        icon = None
        if mark is None and markers is not None and mark_col is not None:
            icon = next((m for m in markers.near(row.page, row.bbox) if x0 - 2 <= (m.bbox[0] + m.bbox[2]) / 2 <= x1 + 2), None)
        comment = row.cell_text(comment_col) or None if comment_col is not None else None
        owner = row.cell_text(owner_col) or None if owner_col is not None else None
        end = row.cell_text(end_col) or None if end_col is not None else None
        nodes.append(Node(row, depth, row.cell_text(name_col), mark, comment, icon, owner, end))
    return nodes


def _levels(goal_depths: int) -> list[GoalLevel]:
    if goal_depths == 1:
        return [GoalLevel.goal]
    return [GoalLevel.goal_area, GoalLevel.goal] + [GoalLevel.sub_goal] * (goal_depths - 2)


def outline_tree(nodes: list[Node], parent: Goal | None, into: list[Goal], markers: Markers | None = None) -> list[Goal]:
    """The goals (appended to ``parent``'s children, or to ``into`` without one) and their
    activities that ``nodes`` make (a node's icon named by ``markers``); returns the goals made."""
    deepest = max(n.depth for n in nodes)
    levels = _levels(deepest)
    stack: list[Goal] = []  # the open goal at each depth
    made: list[Goal] = []
    for n in nodes:
        if n.depth == deepest:
            if stack:
                status = status_of(n.mark) or (markers.status(n.icon) if markers is not None and n.icon else None)
                stack[-1].activities.append(Activity(uid="", title=n.name, status=status, comment=n.comment,
                                                     owner=n.owner, end_date=cell_date(n.end, end=True) if n.end else None,
                                                     provenance=provenance(n.row)))
            continue
        assessment = assessment_of(n.mark) or (markers.assessment(n.icon) if markers is not None and n.icon else None)
        goal = Goal(uid="", level=levels[n.depth], title=n.name, assessment=assessment, comment=n.comment,
                    provenance=provenance(n.row))
        del stack[n.depth:]
        (stack[-1].children if stack else parent.children if parent is not None else into).append(goal)
        stack.append(goal)
        made.append(goal)
    return made


def _group_row(row: Row) -> bool:
    """A row naming a goal over the indicator rows under it: one cell of text (or a cell across
    the table), three words or more, no figure, a goal's statement ("Brukarna ska vara nöjda …")
    or set in bold; not an indicator over its parts ("Anställningstrygghetsindex, bestående av")."""
    cells = [c for c in row.cells if c.text]
    text = _GOAL_NUMBER.sub("", cells[0].text) if len(cells) == 1 else ""  # (its number or code: "1.1 …", "Målområde 2: …")
    if len(cells) != 1 or len(text.split()) < (2 if text != cells[0].text else 3) or any(ch.isdigit() for ch in text) \
            or text.rstrip().endswith((":", " av")):
        return False
    return _STATEMENT.search(text) is not None or all(ln.bold for ln in cells[0].lines)


_GOAL_NUMBER = re.compile(r"^(?:[A-Za-zÅÄÖåäö-]+\s+)?\d{1,2}(?:\.\d{1,2}){0,3}\.?\s*[:.–-]?\s+(?=[A-ZÅÄÖ])")
_STATEMENT = re.compile(r"\b(?:ska|skall|bör)\b", re.IGNORECASE)


def grouped_indicators(w: Walk, table: Table, owner: Goal | Activity | None) -> bool:
    """An indicator table whose body rows are grouped under rows naming goals ("Äldre ska kunna
    bo kvar hemma …" over its indicators, an indikatorbilaga), outside every goal: each group
    row a goal, the indicators under it its own. Under a goal of a bare heading right over the
    table (a group row the page break left above the table's next part) the rows before the
    first group are that goal's and the groups its siblings. False (nothing read) otherwise."""
    groups = [r for r in table.body if _group_row(r)]
    bare = isinstance(owner, Goal) and owner is w.goal and not (
        owner.indicators or owner.activities or owner.children or owner.description)
    if groups and owner is not None and not bare and table.body[0] is groups[0]:
        owner = None  # (a table opening with its own goal's row: the goal read before owns none of it)
    if not groups or owner is None and table.body[0] is not groups[0] or owner is not None and not bare:
        return False  # (indicators before the first group: no goal of the table's own owns them)
    goal: Goal | None = owner if isinstance(owner, Goal) else None
    if goal is not None:
        goal.level = GoalLevel.goal
    parent = next((g for _, g in reversed(w.stack) if goal in g.children), None) if goal is not None else (
        w.stack[-1][1] if w.stack else None)
    for ind in transposed_indicators(table) or indicator_rows(table, w.doc.reread, this_year=w.out.year):
        if any(provenance(r) == ind.provenance for r in groups):
            goal = known_goal(w.out.goals, ind.name) or known_goal(w.out.goals, _GOAL_NUMBER.sub("", ind.name))  # (a goal named before: a strategy map's)
            if goal is None:
                goal = Goal(uid="", level=GoalLevel.goal, title=unlabelled(ind.name), provenance=ind.provenance)
                (parent.children if parent is not None else w.out.goals).append(goal)
                w.listed.add(id(goal))
        elif goal is not None:
            ind.direction = ind.direction or name_direction(ind.name)
            goal.indicators.append(ind)
    over = w.stack[-1][1] if w.stack else None  # ("Bilaga. Indikatorer per mål" over the table: its heading, no goal)
    if over is not None and not (over.indicators or over.children or over.activities) and names_goals(over.title):
        up = w.stack[-2][1].children if len(w.stack) > 1 else w.out.goals
        up[:] = [g for g in up if g is not over]
        w.stack.pop()
    w.goal, w.activity = goal, None
    return True
