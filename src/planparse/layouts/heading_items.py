"""Activities titled by headings a size under their goal's, in a plan whose levels are told only
by type size (kommunfullmäktiges mål 17 pt → nämndmål 13.5 pt → aktiviteter 11 pt, no numbers,
no goal words, no bold).

An unnumbered heading turns into a goal only when goal content follows it (a table, a label, a
list); one followed by nothing but its paragraph is read as a section and dropped. Under a goal
made from an unnumbered heading that has a group above it (a third size of heading over both),
a smaller heading with only a paragraph under it, up to the next heading as large, is one of
the goal's activities: the three sizes are group, goal and activity. Its paragraph is not kept
(as an activity table's rows have none)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from planparse.layouts.field_blocks import commits
from planparse.layouts.goal_words import goal_word, states_goal
from planparse.layouts.headings import Heading, continues_title
from planparse.layouts.outline import split_outline_marker
from planparse.layouts.owners import LEAD_IN_OWNER, names_owner
from planparse.reading.model import Document, Line, Table
from planparse.text.assemble import list_item
from planparse.text.fold import fold

if TYPE_CHECKING:
    from planparse.layouts.engine import Walk
    from planparse.layouts.walk_lists import ListWalk
    from planparse.layouts.walk_state import WalkState


def prose_only_headings(w: Walk, blocks: list[Line | Table]) -> set[int]:
    """Ids of the unnumbered styled headings (a few words, no label nor goal word) with only
    plain paragraphs under them, at least one line, up to the next heading no smaller (their
    wrapped title lines skipped): no table, label, list or smaller heading between."""
    out: set[int] = set()
    for i, block in enumerate(blocks):
        if not isinstance(block, Line) or not _titled(w, block):
            continue
        size, prose = w.typo.size(block), 0
        last: Line | None = block
        for nxt in blocks[i + 1:]:
            if isinstance(nxt, Table):
                break
            if prose == 0 and last is not None and continues_title(last, nxt, w.typo):
                last = nxt
                continue
            last = None
            head = w.recognised(nxt)
            if head is not None and w.typo.rank(nxt) > 0:
                if w.typo.size(nxt) >= size - 0.3 and prose:
                    out.add(id(block))
                break
            if w.typo.rank(nxt) > 0 or w.label(nxt.text)[0] is not None or list_item(nxt.text) is not None:
                break
            prose += 1
        else:
            if prose:
                out.add(id(block))
    return out


def _titled(w: Walk, line: Line) -> bool:
    head = w.recognised(line)
    return (head is not None and head.kind == "section" and head.number is None and w.typo.rank(line) > 0
            and 2 <= len(line.text.split()) <= 12 and line.text[:1].isupper() and not line.text.endswith((".", ":"))
            and goal_word(line.text) is None and w.label(line.text)[0] is None)


def heading_activity(w: WalkState, line: Line) -> bool:
    """Whether the styled heading ``line`` is an activity of the goal in scope (see the module's
    doc): no heading pending, the goal made from an unnumbered heading set larger than ``line``,
    under a group made from one larger still, no activity yet (the next ones follow as the first
    is styled), and only a paragraph under ``line``."""
    goal, size = w.goal, w.typo.size(line)
    if goal is None or w.section is not None or id(line) not in w.prose_only or len(w.stack) < 2:
        return False
    own, group = w.stack[-1][1], w.stack[-2][1]
    # (a goal whose activities came from a table, or a list, lists none as headings after it)
    return (own is goal and id(goal) in w.styled and id(group) in w.styled and not goal.activities
            and w.styled[id(goal)] > size + 0.3 and w.styled[id(group)] > w.styled[id(goal)] + 0.3)


def over_page(doc: Document, above: Line, line: Line) -> bool:
    """Whether the heading ``above`` ends its page and ``line`` starts the next: nothing between
    them but the page break (a goal area's heading at a page's foot, its first goal's on the next)."""
    if line.page != above.page + 1:
        return False
    pages = {p.number: p for p in doc.pages}
    first, last = pages.get(line.page), pages.get(above.page)
    return first is not None and last is not None and not any(o.bbox[1] > above.bbox[3] for o in last.lines) \
        and not any(o.bbox[3] < line.bbox[1] for o in first.lines) and not any(t.bbox[3] < line.bbox[1] for t in first.tables) \
        and not any(t.bbox[1] > above.bbox[3] for t in last.tables)


# A goal's heading that says it is one: "Mål 1. Alla elever ska …", "Nämndmål 2: Ekonomin i balans"
_GOAL_LABELLED = re.compile(r"^(?:mal|delmal|namndmal|verksamhetsmal|effektmal|malsattning)\s*\d{1,2}\b")  # (folded)


def list_under_stated_goal(w: WalkState, line: Line, item: tuple[str, str]) -> bool:
    """A list right under a pending heading that states a goal ("a) Fler flickor ska delta i
    föreningsidrott", no label between): the heading is a goal, its items what is done for it,
    each led by a verb ("Dela ut …", "Öppna …"); right under a goal's own heading, items that name
    their owners ("Prova på-platser i kommunal verksamhet (Insatsägare: Sala kommun)"), or that
    state no goal under a goal of a lower level of a cascade ("E 2.1.a …" under "N 2.1" under
    "KF 2") or under a heading labelled a goal ("Mål 1. Ekonomin i balans"); or items under a party's lead-in in a goal ("Polisen åtar sig att:",
    :data:`.owners.LEAD_IN_OWNER`). Read so; whether it was."""
    if w.mode is None and w.goal is not None and w.section is None and (LEAD_IN_OWNER.match(w.prev_text.strip()) or (
            w.field == "description" and not w.field_lines and w.activity is None and (
                states_goal(w.goal.title) and (names_owner(item[1]) or (len(w.stack) >= 2 and w.goal is w.stack[-1][1]
                                                                        and not states_goal(item[1])))
                or _GOAL_LABELLED.match(fold(w.goal.provenance.raw_text or "")) and not states_goal(item[1])))):
        w.mode = "activities"
        w.list_item(item[1], line, item[0])
        return True
    if w.section is None or w.mode is not None or w.field is not None or (w.section_prose and not commits(item[1])) \
            or not states_goal(w.section_title) or any(ch.isdigit() for ch in item[1][:12]):
        return False
    w.owner_goal()
    w.mode = "activities"
    w.list_item(item[1], line, item[0])
    return True


def after_lead_in(w: ListWalk, heading: str) -> None:
    """The paragraphs read as goals after goal words were the lead-in to the headings that follow,
    when a heading is outline-marked ("I. …": the goals' outline starts, the walk goes on outside
    the goal words) or states a goal after paragraphs that speak of goals ("Nämnden har fyra mål
    för året."; the headings are goals of the goal words' level)."""
    if w.mode != "goal_text" or not w.text_goals:
        return
    if split_outline_marker(heading) is not None:
        w.list_after_text(None)
    elif states_goal(heading) and all("mål" in g.title.lower() for g in w.text_goals):
        w.list_after_text()
    elif all("mål" in g.title.lower() and not states_goal(g.title) for g in w.text_goals):
        w.list_after_text()  # a paragraph about the goals, stating none, before a heading of its own: their intro


def kicker(w: ListWalk, head: Heading, line: Line) -> bool:
    """Goal words set small right under a larger unnumbered heading, the rest of them in lower
    case ("Ett inkluderande samhälle" / "Målområde i hållbarhetsprogrammet 2024–2030"): they
    name the level of that heading, which becomes the goal. Whether it did."""
    pending = w.section
    if pending is None or head.level is None or head.number is not None or w.section_prose or w.section_level is not None \
            or pending.page != line.page or w.typo.size(pending) <= w.typo.size(line) + 0.3 \
            or (words := goal_word(line.text)) is None or not words[1][:1].islower():
        return False
    w.section_level = head.level
    w.owner_goal()
    return True
