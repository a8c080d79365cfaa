"""Headings open goals, activities, goal lists or sections; items become what their list holds."""

from __future__ import annotations

from planparse.layouts import heading_items as hi
from planparse.layouts.base import provenance
from planparse.layouts.field_blocks import block
from planparse.layouts.form_tables import measured_item
from planparse.layouts.goal_groups import (
    GROUPS,
    area_depth,
    area_end,
    bare_goal_label,
    group_end,
    group_level,
    labelled,
    named_again,
    names_chapter,
    styled_alike,
    titles_goals,
    worded_depth,
)
from planparse.layouts.goal_words import LEVEL_DEPTH, goal_word, names_goals, states_goal
from planparse.layouts.headings import Heading
from planparse.layouts.icon_lines import lit_goal
from planparse.layouts.numbered_groups import under_numbered_heading, under_parent_number
from planparse.layouts.status_words import split_assessment_suffix
from planparse.layouts.tables import split_status_suffix
from planparse.layouts.unmarked_items import UnmarkedItems
from planparse.layouts.walk_fields import FieldWalk
from planparse.layouts.words_scope import (
    WordsScope,
    heads_under_words,
    names_areas,
    settle_pending,
    words_list,
)
from planparse.model import Activity, Goal, GoalLevel, Indicator
from planparse.reading.charts import space_between
from planparse.reading.model import Line, group_paragraphs
from planparse.text.assemble import join_lines


class ListWalk(FieldWalk, UnmarkedItems):
    """Headings, and the items of the list in scope."""

    def heading(self, head: Heading, line: Line) -> bool:
        # a chapter, also one named by a label ("3 Måluppföljning"); not "Fokusområde 1: …" (a goal group) inside it
        if head.number and head.depth == 1 and head.level is None and not head.marked:  # ("Mål 1: …" is none)
            self.in_goal_chapter = self.goal_chapter(self.chapters.get(id(line), head.title)) or id(line) in self.stated_chapters
            if self.in_goal_chapter:
                self.goal_chapter_no = head.number.rstrip(".")
            elif len(head.title.split()) > 2 and not any(ch.isdigit() for ch in head.title):
                # a chapter of its own ("4 Styrning och uppföljning"), no table row read as one
                # ("4 SCB", "95 Intern statistik Antal 112")
                self.goal_chapter_no = None
            if head.kind == "section" and self.stack:  # "2 Måluppfyllelse": a chapter ends the goals before it
                self.flush()
                self.stack, self.goal, self.activity, self.mode, self.section = [], None, None, None, None
        if head.kind == "goal" and head.lists_goals and head.number is None and names_goals(head.title):
            head = Heading("goal_words", head.title, level=GoalLevel.goal)  # "Nämndens mål och indikatorer": no goal
        if head.kind == "goal" and head.lists_goals and hi.kicker(self, head, line):
            return True  # "Målområde i hållbarhetsprogrammet 2024–2030" under the area's title: its level
        if head.kind == "goal" and not head.title and head.number is not None and (named := goal_word(line.text)) and any(
                g.number == head.number and g.level is named[0] for g in self.out.goals):
            return True  # "MÅLOMRÅDE 1" over a goal's text: the area it is in, named again
        if head.kind == "goal":
            self.item_heading = None
            # numbered goals, or goals of a higher level ("Kommunfullmäktiges mål: …" after
            # "Nämndens mål"), after the goal words' prose: it was their intro
            if self.mode == "goal_text" and (head.number or (
                    head.level is not None and LEVEL_DEPTH[head.level] < LEVEL_DEPTH[self.mode_level])):
                self.list_after_text()
            if head.level is not None and labelled(line.text) and self._heads_group(line) \
                    and (up := group_level(self.stack, head.level, self.spec.levels.get(1))):
                self.section_level = up  # "Nämndmål: …" under a larger unnumbered heading: their goal area
                self.owner_goal()
            if head.level is not None:  # a goal word names the level, and so the depth
                if named_again(self.section, self.section_title, self.section_level, head):
                    self.owner_goal()  # "Målområde" / "Trygg uppväxt", then "Målområde: Trygg uppväxt" (a breadcrumb)
                if head.number is None:
                    self.pop_styled(self.typo.size(line))
                level, d = head.level, LEVEL_DEPTH[head.level]
                siblings = self.out.goals if d == 1 or not self.stack else self.stack[0][1].children
                path = self.same_goal(head.title, d)
                if path:  # the same Tema printed again before its next part; a summary's goal again
                    self.flush()
                    while self.stack and self.stack[-1][0] >= d:
                        self.stack.pop()
                    if any(g is path[-1] for g in siblings):
                        self.stack.append((d, path[-1]))
                    else:  # found elsewhere in the tree: in its own place
                        self.stack = [(k + 1, g) for k, g in enumerate(path)]
                    self.goal, self.activity, self.mode, self.section, self.item = path[-1], None, None, None, None
                    return True
                if level is GoalLevel.focus_area and not any(g.level is GoalLevel.goal_area for _, g in self.stack):
                    d = 1
                else:
                    d = max(d, worded_depth(self.stack, self.worded, self.nested, level, head.number is not None,
                                            self.typo.size(line), self.styled, line.text))
            else:
                d = max(head.depth, under_parent_number(self, head)) if head.number else self.depth() + 1
                area = area_depth(self.stack, self.styled, self.typo.size(line)) is not None  # (an area open above, its prose or not)
                if head.number and d == 1 and (head.marked or (area or not self.section_prose) and states_goal(head.title) and not titles_goals(self.section_title)):  # "Mål 1: …", "1. … ska …" under a larger unnumbered heading
                    d = self._under_area(line) or under_numbered_heading(self, head.number, line) or d
                chapter = head.number is not None and (
                    (d == 1 and names_goals(head.title)) or (
                        not head.marked and d < self.marked_depth and not states_goal(head.title)))
                if head.number and d > 1 and (" " in head.number or head.number.split(".")[0] == self.goal_chapter_no):
                    self.in_goal_chapter = True  # "3.3" goes on in goal chapter "3" ("4 SCB" was a table's cells; "N 2.1" is coded)
                if d < self.spec.min_depth or chapter or (d > 1 and self.goal_chapters and not self.in_goal_chapter):
                    self.flush()
                    self.stack, self.goal, self.activity, self.mode, self.section = [], None, None, None, None  # ends the list
                    self.item, self.item_line, self.section_last, self.section_title = None, None, line, head.title  # (title may wrap)
                    return True
                level = self.spec.level(d)
            title, assessment = split_assessment_suffix(head.title)
            self.push_goal(Goal(uid="", number=head.number, level=level, title=title, assessment=assessment,
                                description=head.description, provenance=provenance(line)), d, line)
            if head.level is not None and head.number is None and goal_word(head.title) is None:
                # a group with a name of its own ("Målområde: Trygghet"), no chapter naming goals
                self.worded[id(self.stack[-1][1])] = self.typo.size(line)
            elif head.level is not None and d > LEVEL_DEPTH[head.level]:
                self.nested.add(id(self.stack[-1][1]))
            if not head.title:  # "Mål 1" alone: the paragraph below is the goal's title
                self.field, self.title_line = "goal_title", None
            if head.description is not None or (head.level is not None or head.marked) and head.number and states_goal(title) \
                    and self.typo.rank(line) > 0:  # (set as a heading: no running head repeating it)
                self.listed.add(id(self.stack[-1][1]))  # "Mål 1 Ekonomi i balans. Nämnden ska …": a goal by its word
                if self.typo.has_fonts(line):  # (an OCR'd layer's sizes are estimates: no scope by size)
                    self.worded_numbered[id(self.stack[-1][1])] = self.typo.size(line)
            if head.level is not None and head.number is None and not head.lists_goals:
                self.listed.update([] if head.enumerated else [id(self.stack[-1][1])])  # "Nämndmål: Trygghet", "Mål för …": a goal by its words
                self.styled[id(self.stack[-1][1])] = self.typo.size(line)
            if head.lists_goals:
                self.mode, self.mode_level = "goals", GoalLevel.goal
                self.listed.add(id(self.stack[-1][1]))
            return True
        if head.kind == "activity":
            act = self.add_activity(head.title, line, head.number)
            if act is not None and not head.title:
                self.field, self.title_line = "title", None  # the title is the paragraph below
            return act is not None
        if head.kind == "goal_words":
            words_list(self, line, head.title)
            if self.section is not None and (self.section_level is not None
                                             or self.typo.size(self.section) > self.typo.size(line) + 0.3):
                self.owner_goal()  # a heading set larger over the goal words: their group
            self.section = None  # one beside them ("Inledning") is no goal
            self.mode, self.mode_level, self.activity, self.item, self.title_line = "goal_text", head.level or GoalLevel.goal, None, None, None
            self.text_goals, self.words_scope = [], WordsScope(self.typo.size(line), self.mode_level, None, names_areas(head.title))
            return True
        label, _ = self.label(head.title)
        if label is not None or self.label_sibling(head, line):
            self.label_style = (self.typo.size(line), line.bold, line.italic)
            if label is not None:
                if self.section is not None and names_goals(head.title) and self.typo.size(line) >= self.typo.size(self.section) - 0.3 \
                        and not (bare_goal_label(head.title) and len(group_paragraphs(self.section_prose)) <= 1):
                    # "Måluppföljning" as large: the heading before is no group; a bare "Mål" under a heading as
                    # large, after one lead-in paragraph or none (a work plan's area, all bold body type), is its list
                    self.section = self.section_above = None
                self.open_label(label, "", line)
            return True
        style = (self.typo.size(line), line.bold)
        if self.goal is not None and not styled_alike(self.heading_lines.get(id(self.goal)), line, self.typo.has_fonts(line)) and (
            (self.mode == "activities" and style[0] <= self.list_label_size + 0.3
             and (self.typo.has_fonts(line) or not self.item_marked))
            or (self.activity is not None and self.item_heading == style) or hi.heading_activity(self, line)
        ):
            # a styled title under "Uppdrag" or "Aktiviteter", in no larger type, or styled as
            # the activity title before it: the list's next item, not a goal (on an OCR'd
            # layer, whose sizes are estimates, not after items with bullets); a size under its goal's (.heading_items)
            act = self.add_activity(head.title, line)
            self.item_heading = style if act is not None else None
            return act is not None
        self.item_heading = None
        self.flush()
        settle_pending(self)
        worded, words_level = heads_under_words(self, head, line)
        if self.section is not None and self.section_level in GROUPS and self.typo.size(self.section) > self.typo.size(line) + 0.3:
            self.owner_goal()  # the group goal words named ("Målområde" over it: a divider slide), a smaller heading under it
        if (cut := group_end(self.stack, self.worded, self.typo.size(line), self.styled, line)) is not None:
            del self.stack[cut:]  # a chapter above the goal group
            self.goal = self.stack[-1][1] if self.stack else None
        # right under goal words ("Kommunfullmäktiges mål"), a heading is a goal of their level
        hi.after_lead_in(self, head.title)
        under_words = (self.mode_level if self.mode == "goal_text" and not self.text_goals else None) or words_level
        self.pop_styled(self.typo.size(line), under_words)
        size, pending = self.typo.size(line), self.section
        if pending is not None and self.typo.size(pending) > size + 0.3:
            # the group of the headings under it (a chart between takes no room), not a chapter naming them ("Kommungemensamma objekt")
            gap = space_between(pending.bbox[3], line.y0, self.page(line).charts) / (pending.bbox[3] - pending.bbox[1])
            group = self.section_level is None and (not self.section_prose and (pending.page == line.page and gap < 3 or hi.over_page(
                self.doc, pending, line)) or states_goal(head.title) and pending.page == line.page) and not names_chapter(
                self.out, self.section_title)  # (or ending the page above; over its intro, a heading stating a goal)
            self.section_above = (pending, self.section_title, self.section_prose) if group else None
        elif self.section_above is not None and self.typo.size(self.section_above[0]) <= size + 0.3:
            self.section_above = None  # a heading as large ends the group
        self.section_level = under_words
        self.section, self.activity, self.mode, self.item = line, None, None, None
        self.section_title, self.section_last, self.section_prose = head.title, line, []
        self.heading_title, self.worded_section = head.title, id(line) if worded else None
        lit_goal(self, line)
        return True

    def _under_area(self, line: Line) -> int | None:
        """The depth of a top-level "Mål 1: …" under its goal area: the pending unnumbered heading in larger type (made the area here; the area before, as large, ends), or the open one."""
        if self._heads_group(line) and self.section is not None:
            if (cut := area_end(self.stack, self.styled, self.typo.size(self.section))) is not None:
                self.flush()
                del self.stack[cut:]
            self.section_level = GoalLevel.goal_area
            self.owner_goal()
        return area_depth(self.stack, self.styled, self.typo.size(line))

    def _heads_group(self, line: Line) -> bool:
        """The pending unnumbered heading, in larger type than ``line`` and naming no list of goals or items ("Nämndens mål", "Prioriterade områden") nor the document, is a group."""
        return (p := self.section) is not None and self.section_level is None and self.typo.size(p) > self.typo.size(line) + 0.3 \
            and not names_chapter(self.out, self.section_title)

    def list_item(self, text: str, line: Line, marker: str = "") -> None:
        above = self.item_line
        if self.activity_point(text, line, marker):
            return
        self.item_gap = line.y0 - above.bbox[3] if above is not None and above.page == line.page else None
        self.item_x, self.item_line = line.x0, line
        self.item_marked = bool(marker)  # item_x is its bullet's, left of its text
        goal_above = self.list_goal
        if self.mode == "indicators" and goal_above is not None and marker[:1].isdigit() and abs(line.x0 - self.list_goal_x) < 3:
            self.mode = "goals"  # the numbered goals' next, after the measures set in under the one before
        if self.mode == "goals" and goal_above is not None and not marker[:1].isdigit() and (
            marker[:1].isalpha() or self.list_goal_in < line.x0 - self.list_goal_x < 72  # (not the next column's)
        ) and (self.item is goal_above or (goal_above.activities and self.item is goal_above.activities[-1])):
            # "a) …", or a bullet set in further, under "1. …" or "• …": the goal's activities
            self.goal, self.activity, self.section = self.list_goal, None, None
            self.add_activity(text, line)
            return
        if self.mode == "goals":
            parent = self.owner_goal() if self.section is not None else (self.stack[-1][1] if self.stack else None)
            goal = Goal(uid="", level=self.mode_level, title=text, provenance=provenance(line))
            (parent.children if parent is not None else self.out.goals).append(goal)
            self.item = goal
            # (numbered or bulleted; a bullet's own place jitters on an OCR'd layer: set in further)
            self.list_goal, self.list_goal_x, self.list_goal_in = (goal if marker else None), line.x0, 5 if marker[:1].isdigit() else 14
            self.listed.add(id(goal))
            self.mark(goal, line)
        elif self.mode == "activities":
            act = self.add_activity(text, line)
            of = self.goal
            if act is not None and self.spec.item_numbers and marker[:1].isdigit() and of is not None and of.number:
                # by its place in the goal's list: a Word list may go on counting from the last
                act.number = f"{of.number}.{len(of.activities)}"
        else:
            owner = self.owner_goal() if block(self) else self.activity or self.owner_goal()
            if owner is not None:
                ind = measured_item(text, line)  # ("Andelen … ska öka", "…; Målvärde 2027: 150")
                owner.indicators.append(ind)
                self.item = ind

    def item_continues(self, text: str) -> None:
        if isinstance(self.item, Indicator):
            self.item.name = join_lines([self.item.name, text])
        elif isinstance(self.item, Activity) and self.item.status is None:
            self.item.title, self.item.status = split_status_suffix(join_lines([self.item.title, text]))
        elif self.item is not None:
            self.item.title = join_lines([self.item.title, text])

    def goal_from_text(self, line: Line) -> None:
        """After goal words ("Verksamhetsmål"), each paragraph is a goal."""
        prev = self.item if isinstance(self.item, Goal) else None
        if prev is not None and self.title_line is not None and line.y0 - self.title_line.bbox[3] < 0.6 * max(line.size, 6):
            prev.title = join_lines([prev.title, line.text])
            self.title_line = line
            return
        parent = self.stack[-1][1] if self.stack else None
        goal = Goal(uid="", level=self.mode_level, title=line.text, provenance=provenance(line))
        (parent.children if parent is not None else self.out.goals).append(goal)
        self.item, self.goal, self.activity, self.title_line, self.title_of = goal, goal, None, line, None  # (its wraps: above)
        self.listed.add(id(goal))
        self.text_goals.append(goal)
        self.mark(goal, line)

    def list_after_text(self, mode: str | None = "keep") -> None:
        """A list (or numbered or outline-marked goal headings) right after the goal words' paragraphs holds the goals: they were its lead-in ("Nämnden har antagit följande mål …"); the walk goes on in ``mode`` if given."""
        parent = self.stack[-1][1] if self.stack else None
        siblings = parent.children if parent else self.out.goals
        drop = {id(g) for g in self.text_goals if not (g.activities or g.indicators or g.assessment or g.children)}
        siblings[:] = [g for g in siblings if id(g) not in drop]
        self.listed -= drop
        self.text_goals, self.goal, self.item, self.title_line = [], parent, None, None
        self.mode = self.mode if mode == "keep" else mode
