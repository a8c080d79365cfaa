"""Goal groups a goal word names in larger type ("Målområde: Trygghet") over numbered goals of
the same level ("KF-mål 1 …"): those nest one level deeper, and so do the lower levels under
them ("Nämndmål 1.1"); a heading set larger than the group's ends it (a chapter above it).
"""

from __future__ import annotations

from planparse.layouts.headings import LEVEL_DEPTH
from planparse.model import Goal, GoalLevel


def worded_depth(stack: list[tuple[int, Goal]], worded: dict[int, float], nested: set[int],
                 level: GoalLevel, numbered: bool, size: float) -> int:
    """The depth of a goal its goal word names at ``level`` (``size`` its type): the level's
    own, or one under a goal of that level named in larger type without a number (``worded``:
    such goals' type sizes), or one under a goal of a higher level so nested (``nested``)."""
    d = LEVEL_DEPTH[level]
    for k, g in stack:
        if g.level not in LEVEL_DEPTH:
            continue
        under_nested = LEVEL_DEPTH[g.level] < LEVEL_DEPTH[level] and id(g) in nested
        under_group = numbered and g.level is level and g.number is None and worded.get(id(g), 0.0) > size + 0.3
        if under_nested or under_group:
            d = max(d, k + 1)
    return d


def group_end(stack: list[tuple[int, Goal]], worded: dict[int, float], size: float) -> int | None:
    """Where a heading in type ``size`` cuts the goal stack: at the first group whose goal word
    was set smaller ("Ekonomi" after "Målområde: Trygghet" in smaller type), else None."""
    return next((i for i, (_, g) in enumerate(stack) if worded.get(id(g), size) < size - 0.3), None)
