"""A goal cascade told by indentation alone: each level set further in than the one above it
(kommunfullmäktiges mål, the nämnd's goal under it, the unit's goal under that, its
activities furthest in), with no numbers of a decimal outline, no heading styles and often no
bold ("Lidköping ska vara en trygg kommun …" / "Barn och unga som behöver stöd ska få det
tidigt" / … / "Hembesök tillsammans med barnavårdscentralen"). The walk reads such lines as
paragraphs; this reader takes them where the walk found no goals.

A cascade is a run of item lines (no full stop at the end), three or more indentation levels
each one step further in, entered one level at a time, whose goal levels state goals ("… ska
…"). The furthest level holds the activities; a list marker ("1.", "a.") is the item's number.
"""

from __future__ import annotations

import re

from planparse.layouts.base import provenance
from planparse.layouts.goal_words import states_goal
from planparse.model import Activity, Goal, GoalLevel
from planparse.reading.model import Document, Line
from planparse.text.assemble import join_lines

_MARKER = re.compile(r"^(?P<num>\d{1,2}|[a-zåäö])[.)]\s+(?P<title>\S.*)$")
_SAME_X = 4.0  # points within which two lines start at the same indentation
_STEP = 8.0  # the least step in from one level to the next
_LEVELS = {1: [GoalLevel.goal], 2: [GoalLevel.goal, GoalLevel.sub_goal],
           3: [GoalLevel.goal_area, GoalLevel.goal, GoalLevel.sub_goal]}


def _items(lines: list[Line]) -> list[list[Line]]:
    """The lines as items: a line that goes on in lower case close under the one before (a
    wrapped item) joins it."""
    out: list[list[Line]] = []
    for ln in lines:
        prev = out[-1][-1] if out else None
        if prev is not None and ln.page == prev.page and ln.text[:1].islower() and not _MARKER.match(ln.text) \
                and 0 < ln.bbox[1] - prev.bbox[1] <= 1.6 * (prev.bbox[3] - prev.bbox[1]) and ln.bbox[0] >= out[-1][0].bbox[0] - 1:
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def _runs(doc: Document) -> list[list[list[Line]]]:
    """Runs of items that end in no full stop, in reading order (a paragraph's sentence ends a run)."""
    runs: list[list[list[Line]]] = [[]]
    for page in doc.pages:
        for item in _items(page.lines):
            text = join_lines([ln.text for ln in item])
            if text.rstrip().endswith((".", ":", "!", "?")) or len(text.split()) > 25:
                runs.append([])
            else:
                runs[-1].append(item)
    return [r for r in runs if len(r) >= 4]


def _levels(run: list[list[Line]]) -> list[int] | None:
    """Each item's level by its indentation, or None when the run is no cascade (fewer than
    three levels, a step too small, a level entered before the one above it)."""
    xs: list[float] = []
    for x in sorted(item[0].bbox[0] for item in run):
        if not xs or x - xs[-1] > _SAME_X:
            xs.append(x)
    if len(xs) < 3 or any(b - a < _STEP for a, b in zip(xs, xs[1:], strict=False)):
        return None
    levels = [min(range(len(xs)), key=lambda k: abs(xs[k] - item[0].bbox[0])) for item in run]
    if levels[0] != 0 or any(b > a + 1 for a, b in zip(levels, levels[1:], strict=False)):
        return None
    return levels


def _cascade(run: list[list[Line]], levels: list[int]) -> list[Goal]:
    deepest = max(levels)
    names = _LEVELS.get(deepest)
    texts = [join_lines([ln.text for ln in item]) for item in run]
    stated = [states_goal(_MARKER.sub(r"\g<title>", t)) for t, lv in zip(texts, levels, strict=True) if lv < deepest]
    if names is None or 3 * sum(stated) < 2 * len(stated):
        return []
    roots: list[Goal] = []
    stack: list[Goal] = []
    for item, text, level in zip(run, texts, levels, strict=True):
        m = _MARKER.match(text)
        number, title = (m["num"], m["title"]) if m else (None, text)
        del stack[level:]
        if level == deepest:
            if stack:
                stack[-1].activities.append(Activity(uid="", number=number, title=title, provenance=provenance(*item)))
            continue
        goal = Goal(uid="", number=number, level=names[level], title=title, provenance=provenance(*item))
        (stack[-1].children if stack else roots).append(goal)
        stack.append(goal)
    return roots


def indent_cascade(doc: Document) -> list[Goal]:
    """The goals of the document's first cascade told by indentation (see the module's doc), or []."""
    for run in _runs(doc):
        if (levels := _levels(run)) is not None and (goals := _cascade(run, levels)):
            return goals
    return []
