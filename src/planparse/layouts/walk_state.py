"""The engine's state: the goal stack, owner in scope, open field or list, and the tree operations (:mod:`.engine`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from planparse.layouts.base import OUTLINE_NUMBER, Builder, provenance
from planparse.layouts.bullets import DrawnBullets
from planparse.layouts.goal_words import (
    GOAL_COMPOUND,
    LEVEL_DEPTH,
    handed_labels,
    lists_plan_parts,
    names_goals,
    unlabelled,
)
from planparse.layouts.headings import Heading, Typography, continues_title, recognise
from planparse.layouts.icon_lines import badge_tail, line_icons
from planparse.layouts.icons import Markers
from planparse.layouts.known_goals import goal_path, names_document, sibling_goal_level
from planparse.layouts.label_columns import dated_tail
from planparse.layouts.legend import legend_lines
from planparse.layouts.marker import Marker
from planparse.layouts.numbered_chapters import chapters_stating_goals
from planparse.layouts.photo_pages import photo_pages
from planparse.layouts.spec import LayoutSpec
from planparse.layouts.tables import split_status_suffix
from planparse.model import Activity, Goal, GoalLevel, Indicator, Provenance
from planparse.reading.model import Document, Line, Page, Table, group_paragraphs
from planparse.reading.paragraphs import line_step
from planparse.text.assemble import list_item as item_of
from planparse.text.fold import fold

if TYPE_CHECKING:
    from planparse.layouts.words_scope import WordsScope

# A chapter whose title says it holds the goals ("3 Mål och uppdrag", "4 Måluppföljning").
_GOAL_CHAPTER = re.compile(rf"\b({GOAL_COMPOUND}?mal(?:en|et)?|malomraden?|uppdrag|fokusomraden?|maluppfoljning|malavstamning|mal och \w+)\b")
# "Mål ur läroplanen", "Mål enligt Lgr 22": a run-in list of curriculum goals follows.
_RUNIN_LABEL = re.compile(r"^mal (?:ur|enligt|fran|i) (?:laroplan|lpfo|lgr|lpf|skollag)")
_RUNIN_SPLIT = re.compile(r"(?:^|\s)[-–]\s+")
_CITATION = re.compile(r"\s*/\s*(?:lpfö|lgr|lpf|skollagen)\b.*$", re.IGNORECASE)
def _ocr_bullet(line: Line) -> tuple[str, str] | None:
    """A bullet as OCR reads the glyph ("« Text", "» Text", "© Text", "e Text") in an OCR'd line."""
    words = line.text.split(None, 1)
    if line.method == "native" or len(words) < 2 or len(words[0]) != 1 or words[0] not in "«»*+°©®@·oe&":
        return None
    return (words[0], words[1]) if words[1][:1].isupper() else None


def _wraps(prev: Line, line: Line) -> bool:
    """An OCR'd heading's wrapped rest (its box height says little): short, in lower case, right under it."""
    gap = line.y0 - prev.bbox[3]
    return (line.method != "native" and line.page == prev.page and line.text[:1].islower() and len(line.text) < 60
            and -2 < gap < 0.8 * (prev.bbox[3] - prev.bbox[1]))


# A lead-in sentence naming priorities or goal areas: the list after its colon holds them.
_LEAD_IN = re.compile(r"\bpriorit\w*|\b(?:fokus|mal|utvecklings)omraden\b")
# ... unless the sentence says the bullets rank projects or investments ("prioriterat projekten
# enligt följande ordning:"): criteria, not focus areas
_NOT_LEAD_IN = re.compile(r"\b(?:projekt\w*|investering\w*|ordning\w*)\b")
_CAPTION = re.compile(r"^(foto|bild|illustration|fotograf|diagram|figur|graf)\s*\d*\s*:", re.IGNORECASE)
_LIST_FIELDS = ("parties", "follow_up")
_TEXT_FIELDS = ("owner", "implementation", "comment", "description")
_ACTIVITY_LABELS = ("activities", "assignment", "priority_development", "method")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")



def numbered_under(number: str | None, parent: str | None) -> bool:
    """Whether an outline number may stand under ``parent``: not both plain ("2.3", "1") with ``parent`` no prefix of it."""
    own, up = (number or "").rstrip("."), (parent or "").rstrip(".")
    return not ("." in own and OUTLINE_NUMBER.fullmatch(own) and OUTLINE_NUMBER.fullmatch(up)) or own.startswith(f"{up}.")


class WalkState:
    """The state of one walk: the goal stack, the current owner, the open field or list."""

    def __init__(self, doc: Document, out: Builder, spec: LayoutSpec) -> None:
        self.doc, self.out, self.spec, self.handed = doc, out, spec, handed_labels(doc)
        self.typo, self.markers = Typography.of(doc), Markers.of(doc, out.document_type)
        self.skipped = legend_lines(doc, self.markers)  # ids of lines that are no content: a legend's, a chapter title's wraps
        self.stack: list[tuple[int, Goal]] = []
        self.goal: Goal | None = None
        self.activity: Activity | None = None
        self.field: str | None = None
        self.field_lines: list[Line] = []
        self.mode: str | None = None  # what list items (and, after goal words, paragraphs) become
        self.mode_level: GoalLevel = GoalLevel.goal
        self.list_label_size = 0.0  # the type size of the label that opened the activity list
        self.item_heading: tuple[float, bool] | None = None  # (size, bold) of an activity titled by a heading
        self.section: Line | None = None  # an unnumbered heading that may become a goal
        self.section_title = ""  # its title, wrapped lines joined
        self.section_last: Line | None = None  # its last line
        self.section_prose: list[Line] = []  # prose under it: its description if it becomes a goal
        self.section_level: GoalLevel | None = None  # the level goal words right above it name ("Nämndmål")
        # a larger heading right above the pending one (title, prose): their group ("Ett jämlikt kulturliv")
        self.section_above: tuple[Line, str, list[Line]] | None = None
        self.title_line: Line | None = None
        self.title_of: Goal | Activity | None = None
        self.item: Goal | Activity | Indicator | None = None
        self.item_x, self.item_marked = 0.0, False
        self.item_line: Line | None = None  # the last line of the current list item
        self.item_gap: float | None = None  # the space above the current item's first line
        self.list_goal: Goal | None = None  # the last goal of a numbered list ("1. …"): "a) …" items are its activities
        self.list_goal_x = 0.0  # and where its line starts
        self.list_goal_in = 5.0  # how far in from it an item under it starts
        self.text_goals: list[Goal] = []  # goals made from paragraphs after goal words, until a list follows
        self.words_scope: WordsScope | None = None  # goal words set as a heading, and the headings under them
        self.worded_section: int | None = None  # id of the pending heading that is a goal of that scope
        self.inline_value = ""
        self.prev_text = ""  # the last line of running text, for a lead-in sentence over two lines
        self.runin_prov: Provenance | None = None
        self.last_table: Table | None = None
        self.table_owner: Goal | Activity | None = None  # small print right under a table: its notes
        self.amount_lines: list[Line] = []  # a list item outside any list: a budget amount?
        self.amount_drawn = False  # and its bullet drawn, not printed
        self.list_label = ""  # the label that opened the activity list in scope
        self.stated: Goal | None = None  # a goal stated in the paragraph under a "Mål" label alone
        self.label_style: tuple[float, bool, bool] | None = None  # (size, bold, italic) of labels set as headings
        self.bullets = DrawnBullets(doc, self.markers.theme)
        self.heading_title = ""  # the last heading's title: what amounts under it are
        self.table_activity: Activity | None = None  # the last row of the last activity table
        self.step = line_step([ln for p in doc.pages for ln in p.lines])  # OCR'd leading
        self.listed, self.seen_labels, self.labels_read = set[int](), set[str](), dict[str, tuple[str | None, str]]()
        self.worded: dict[int, float] = {}  # ids of goals an unnumbered goal word names ("Målområde: X"): their size
        self.nested: set[int] = set()  # ids of goals set one level deeper under such a goal of their level
        self.styled: dict[int, float] = {}  # ids of goals made from unnumbered headings: their size,
        self.heading_lines: dict[int, Line] = {}  # and their heading's line
        self.worded_numbered: dict[int, float] = {}  # ids of goals headed by goal word and number ("KF-mål 1. …"): their size
        # ids of styled headings with only a paragraph under them (.heading_items), and of areas' titles over "Mål" lists
        self.prose_only, self.area_titles = set[int](), set[int]()
        self._heads: dict[int, tuple[Line, Heading | None]] = {}  # see recognised()
        lines = [ln for ln in doc.flow() if isinstance(ln, Line)]
        # chapter heading lines (a numbered section too, "3 Måluppföljning"): their titles, wrapped lines joined
        self.chapters: dict[int, str] = {}
        numbered: list[tuple[int, Heading]] = []  # every numbered goal heading, read once, by its line's id
        for i, ln in enumerate(lines):
            h = self.recognised(ln)
            if h is None or h.kind not in ("goal", "section") or not h.number:
                continue
            if h.kind == "goal":
                numbered.append((id(ln), h))
            if h.depth == 1 and "." not in h.number:
                title, j = h.title, i + 1
                while j < len(lines) and (_wraps(lines[j - 1], lines[j]) or continues_title(lines[j - 1], lines[j], self.typo)):
                    title, j = f"{title} {lines[j].text}", j + 1
                if names_goals(title) or self.goal_chapter(title):  # a chapter, never a goal: its wraps are its heading's
                    self.skipped.update(id(w) for w in lines[i + 1:j])
                self.chapters[id(ln)] = title
        # Where goals carry a goal word ("Mål 3.1"), shallower unmarked numbers are chapters.
        self.marked_depth = min((h.depth for _, h in numbered if h.marked), default=0)
        # When some chapters say (or their sections show: "3.1 … ska …") they hold the goals, sections elsewhere are none.
        self.goal_chapters = any(self.goal_chapter(t) for t in self.chapters.values())
        self.stated_chapters = chapters_stating_goals([(k, h.number or "", h.title) for k, h in numbered])
        self.in_goal_chapter = True
        self.goal_chapter_no: str | None = None  # the number of the last chapter of goals ("3")
        self.photo_pages = photo_pages(doc)

    def recognised(self, line: Line) -> Heading | None:
        """:func:`recognise` of ``line`` with this walk's typography and depth, worked out once
        per line (a line is read here, by the table finder's breaks and by the walk)."""
        hit = self._heads.get(id(line))
        if hit is None or hit[0] is not line:
            hit = (line, recognise(line, self.typo, self.spec.max_depth, self.handed.get(id(line))))
            self._heads[id(line)] = hit
        return hit[1]

    def goal_chapter(self, title: str) -> bool:
        """Whether a chapter's title says it holds the goals (or starts as the spec's do)."""
        folded = fold(title)
        return bool(_GOAL_CHAPTER.search(folded)) or folded.startswith(self.spec.goal_chapters)

    def depth(self) -> int:
        return self.stack[-1][0] if self.stack else 0

    def push_goal(self, goal: Goal, depth: int, line: Line) -> None:
        self.flush()
        self.section_above = None
        while self.stack and (self.stack[-1][0] >= depth or not numbered_under(goal.number, self.stack[-1][1].number)):
            self.stack.pop()  # ("2.3" after "1 Året som gått", its "2" never printed, is no part of it)
        (self.stack[-1][1].children if self.stack else self.out.goals).append(goal)
        self.stack.append((depth, goal))
        self.goal, self.activity, self.mode, self.section = goal, None, None, None
        self.title_line, self.title_of, self.item = line, goal, None
        self.field = "description"  # prose right under a goal heading describes it
        self.mark(goal, line)

    def same_goal(self, title: str, depth: int) -> list[Goal]:
        """The goal ``title`` repeats: a sibling at ``depth``, or one read from a table or list anywhere, with those above it."""
        siblings = self.out.goals if depth == 1 or not self.stack else self.stack[0][1].children
        key = fold(title)
        found = next((g for g in siblings if g.number is None and fold(g.title) == key), None)
        return [found] if found is not None else goal_path(self.out.goals, key, self.listed)

    def owner_goal(self) -> Goal | None:
        """The goal content belongs to: a pending unnumbered heading (and its group above) made one on demand."""
        if self.section is not None and (names_document(self.out, self.section_title) or lists_plan_parts(self.section_title)
                                         or re.search(r"\w[:;]{2}", self.section_title)):  # (or an OCR'd label: "Bed::'E")
            self.section = None  # the document's title heading is no goal of it, nor "Mål och aktiviteter"
        above, self.section_above = self.section_above, None
        if above is not None and (names_document(self.out, above[1]) or lists_plan_parts(above[1])):
            above = None  # (the title of the document over its goal areas is no group of them)
        if self.section is not None and above is not None:
            self.pop_styled(self.typo.size(above[0]))
            size = self.typo.size(self.section)  # OCR'd sizes of one style differ: a group over headings styled as the
            while not self.typo.has_fonts(above[0]) and self.stack and id(top := self.stack[-1][1]) in self.styled \
                    and top.children and abs(self.styled.get(id(top.children[-1]), 0.0) - size) < 0.3:
                self.stack.pop()  # last group's own is that group's sibling, whatever size its letters read as
            goal = Goal(uid="", level=self.spec.level(self.depth() + 1) if self.stack else GoalLevel.goal_area, title=above[1],
                        description="\n".join(group_paragraphs(above[2])) or None, provenance=provenance(above[0]))
            self.stack.append((self.depth() + 1, goal))
            (self.stack[-2][1].children if len(self.stack) > 1 else self.out.goals).append(goal)
            self.styled[id(goal)] = self.typo.size(above[0])
        if self.section is not None:
            line, self.section = self.section, None
            self.pop_styled(self.typo.size(line), self.section_level)
            level = self.section_level or (self.spec.level(self.depth() + 1) if self.stack else (
                sibling_goal_level(self.out.goals, self.styled, self.typo.size(line)) or GoalLevel.focus_area))
            title = unlabelled(self.section_title or line.text)  # ("Mål: Höganäs kommun ska …": the label is no part of it)
            if not self.stack and (again := self.same_goal(title, 1)) and again[-1].level in (GoalLevel.goal_area, GoalLevel.focus_area):
                self.stack, self.goal, self.title_line = [(k + 1, g) for k, g in enumerate(again)], again[-1], None
                self.styled[id(self.goal)] = self.typo.size(line)  # (ended by the next heading as large)
                return self.goal  # a goal area printed again over more of its content (a styrkort's measures): one area
            goal = Goal(uid="", level=level, title=title, provenance=provenance(line))
            if self.section_prose:
                goal.description = "\n".join(group_paragraphs(self.section_prose))
            mode, field, field_lines = self.mode, self.field, self.field_lines  # content already under way
            self.field, self.field_lines = None, []
            self.push_goal(goal, self.depth() + 1, line)
            self.mode, self.field, self.field_lines = mode, field, field_lines
            self.styled[id(goal)], self.heading_lines[id(goal)] = self.typo.size(line), line
            self.title_line, self.section_prose = None, []
        return self.goal

    def measured(self, goal: Goal | None) -> Goal | None:
        """The goal an indicator table or an assessment in ``goal``'s scope measures: the goal
        stated under a "Mål" label of ``goal`` (an area's), else ``goal``."""
        if goal is not None and self.activity is None and any(c is self.stated for c in goal.children):
            return self.stated
        return goal

    def pop_styled(self, size: float, level: GoalLevel | None = None) -> None:
        """A heading no smaller than a goal made from an unnumbered heading ends its scope, and one
        larger than a goal headed by its goal word and number ("KF-mål 1. …" under a chapter per
        nämnd), unless goal words name it a ``level`` under that goal's ("Nämndmål" over a heading
        styled as the "Kommunfullmäktiges mål" heading before it)."""
        self.flush()
        while self.stack and (id(top := self.stack[-1][1]) in self.styled and self.styled[id(top)] <= size + 0.3
                              or self.worded_numbered.get(id(top), size) < size - 0.3):
            if level is not None and top.level in LEVEL_DEPTH and LEVEL_DEPTH[top.level] < LEVEL_DEPTH.get(level, 0):
                break
            self.stack.pop()
            self.goal = self.stack[-1][1] if self.stack else None

    def add_activity(self, title: str, line: Line, number: str | None = None) -> Activity | None:
        goal = self.owner_goal()
        if goal is None:
            return None
        self.flush()
        (title, status), (start, end) = split_status_suffix((tailed := dated_tail(title, line))[0]), tailed[1:]
        title, status = (title, status) if status is not None else badge_tail(title, line)
        act = Activity(uid="", number=number, title=title, status=status, start_date=start, end_date=end, provenance=provenance(line))
        goal.activities.append(act)
        self.activity, self.item, self.title_of, self.title_line = act, act, act, line
        self.mark(act, line)
        return act

    def line_icons(self, line: Line) -> list[Marker]:
        """The status icons of a line: right of its text, or leading it as its bullet (an icon
        of a status's size just left of its first word; a legend's icons are none)."""
        return line_icons(self.markers, self.page(line), line)

    def page(self, item: Line | Table) -> Page:
        return next(p for p in self.doc.pages if p.number == item.page)

    def next_item(self, marker: str) -> bool:
        """Whether a numbered item ``marker`` ("6.") counts on from the list's last item ("5.")."""
        last = (p[0] if self.item_line is not None and (p := item_of(self.item_line.text)) else "").rstrip(".)")
        return (here := marker.rstrip(".)")).isdigit() and last.isdigit() and int(here) == int(last) + 1

    def mark(self, owner: Goal | Activity, line: Line) -> None:
        """A status or assessment icon on the owner's title line, right of its text or leading it."""
        for m in self.line_icons(line):
            if isinstance(owner, Activity):
                if m.bar is not None and owner.progress is None:
                    owner.progress = round(m.bar * 100)
                elif owner.status is None and (s := self.markers.status(m)) is not None:
                    owner.status = s
            elif owner.assessment is None and (a := self.markers.assessment(m)) is not None:
                owner.assessment = a


    def flush(self) -> None:  # defined by a subclass of the walk (see :mod:`.engine`)
        raise NotImplementedError

    def list_item(self, text: str, line: Line, marker: str = "") -> None:  # defined by a subclass of the walk (see :mod:`.engine`)
        raise NotImplementedError
