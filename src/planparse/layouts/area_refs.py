"""A list's heading that names the goal area it measures ("Indikatorer – målområde 1",
"Nyckeltal för målområde 2"): its indicators are that area's, not the last goal's read before
it (a slide deck's indicator slide after the area's goal slides)."""

from __future__ import annotations

import re

from planparse.model import Goal, GoalLevel
from planparse.text.fold import plain

_AREA_REF = re.compile(r"\b(?:mal|fokus|utvecklings|insats)omrade(?:t)?\s+(\d{1,2})\b")
_AREAS = (GoalLevel.goal_area, GoalLevel.focus_area)


def named_area(goals: list[Goal], text: str) -> Goal | None:
    """The top-level goal area ``text`` names by number: the one so numbered, or (none being
    numbered) the area in that place; None when it names none."""
    m = _AREA_REF.search(plain(text))
    if m is None:
        return None
    areas = [g for g in goals if g.level in _AREAS]
    numbered = [g for g in areas if g.number is not None]
    if numbered:
        return next((g for g in reversed(numbered) if g.number == m[1]), None)
    k = int(m[1])
    return areas[k - 1] if 1 <= k <= len(areas) else None
