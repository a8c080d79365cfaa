"""A strategy map (målkarta) as a grid: a row per perspective, its name in the first cell with
text and its goals in the cells beside it ("Invånare och patienter | Vården ska vara tillgänglig
… | Patienterna ska vara delaktiga …"), boxes that the table reader reads as one table without a
header. Each row is a goal area over its goals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse.layouts.base import provenance
from planparse.layouts.goal_words import states_goal
from planparse.model import Goal, GoalLevel

if TYPE_CHECKING:
    from planparse.layouts.walk_state import WalkState
    from planparse.reading.model import Table

_NAME_WORDS = 5  # the most words of a perspective's name


def read_goal_grid(w: WalkState, table: Table) -> bool:
    """Read ``table`` as a strategy map if it is one (every row a short name that states no goal,
    then goal statements beside it, three goals at least); whether it was."""
    rows = []
    for row in table.rows:
        texts = [c.text.strip() for c in sorted(row.cells, key=lambda c: c.col) if c.text.strip()]
        if len(texts) < 2 or len(texts[0].split()) > _NAME_WORDS or states_goal(texts[0]) \
                or not all(states_goal(t) for t in texts[1:]):
            return False
        rows.append((row, texts))
    if len(rows) < 2 or sum(len(t) - 1 for _, t in rows) < 3:
        return False
    w.flush()
    siblings = w.stack[-1][1].children if w.stack else w.out.goals
    for row, (name, *goals) in rows:
        area = Goal(uid="", level=GoalLevel.goal_area, title=name, provenance=provenance(row))
        area.children = [Goal(uid="", level=GoalLevel.goal, title=t, provenance=provenance(row)) for t in goals]
        siblings.append(area)
        w.listed.update(id(g) for g in [area, *area.children])
    w.section = None
    return True
