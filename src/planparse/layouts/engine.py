"""The layout engine: one walk over a document's blocks that every layout shares.

It reads structure, not wording:

- **headings** (:mod:`.headings`): numbering with or without a trailing dot or a "Mål" /
  "Uppdrag" prefix, goal words ("Nämndmål", "Fokusområde"), typography rank where the layer
  has fonts, and titles that wrap;
- **goals and activities** are opened and closed by level; an unnumbered styled heading turns
  into a goal only when goal content follows it;
- **labelled fields**: a vocabulary label opens a field whose value is read in its shape
  (paragraphs, a list, a date); a "Mål" label followed by bullets makes each bullet a goal, and
  bullets under "Aktiviteter", "Åtgärder" or "Tillvägagångssätt" are activities;
- **tables by role** (:mod:`.table_walk`), attached to the goal or activity that owns them;
- **status and assessment** from text anywhere in the owner's scope, or from an icon on the
  owner's line (:mod:`.icons`).

A :class:`~planparse.layouts.spec.LayoutSpec` supplies what is a family's own.
"""

from __future__ import annotations

import re

from planparse import nlp, vocabulary
from planparse.layouts import money, roles
from planparse.layouts.base import Builder, provenance
from planparse.layouts.facts import guess_facts
from planparse.layouts.headings import (
    LEVEL_DEPTH,
    Heading,
    Typography,
    continues_title,
    goal_word,
    numbered,
    recognise,
    section_label,
)
from planparse.layouts.icons import Markers
from planparse.layouts.spec import LayoutSpec
from planparse.layouts.table_walk import read_table
from planparse.model import (
    Activity,
    Assessment,
    AssessmentValue,
    Direction,
    Goal,
    GoalLevel,
    Indicator,
    Provenance,
    Status,
    StatusValue,
)
from planparse.reading.model import Document, Line, Table, group_paragraphs
from planparse.reading.paragraphs import line_step, paragraphs
from planparse.reading.positioned import continue_table, find_tables
from planparse.text.assemble import join_lines, list_item
from planparse.text.fold import fold
from planparse.text.numbers import parse_date

# A chapter whose title says it holds the goals ("3 Mål och uppdrag", "4 Måluppföljning").
_GOAL_CHAPTER = re.compile(r"\b(mal(?:en|et)?|malomraden?|uppdrag|fokusomraden?|maluppfoljning|malavstamning|mal och \w+)\b")
# A chapter titled only by what it holds ("5 Mål och nyckeltal", "3 Mål och uppdrag"): not a goal.
_CHAPTER_TITLE = re.compile(r"^(?:mal|malen|maluppfoljning|malavstamning|mal(?:,| och) \w+(?: och \w+)?|uppdrag|"
                            r"fokusomraden|malomraden|mal och uppfoljning)$")
_PERIOD_SUFFIX = re.compile(r"\s+(?:under |för |år )?(?:(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?|vt|ht)\s*(?=:|$)", re.IGNORECASE)
# "Mål ur läroplanen", "Mål enligt Lgr 22": a run-in list of curriculum goals follows.
_RUNIN_LABEL = re.compile(r"^mal (?:ur|enligt|fran|i) (?:laroplan|lpfo|lgr|lpf|skollag)")
_RUNIN_SPLIT = re.compile(r"(?:^|\s)[-–]\s+")
_CITATION = re.compile(r"\s*/\s*(?:lpfö|lgr|lpf|skollagen)\b.*$", re.IGNORECASE)
_COLUMN_LABELS = frozenset({"indicator", "source", "measure", "outcome", "target", "status", "start_date",
                            "end_date", "activities", "owner", "assignment"})
_YEAR_CELL = re.compile(r"(?:19|20)\d{2}")
_STRONG_LABELS = frozenset({"indicator", "source", "measure", "activities", "status", "assignment"})


def _is_table_header(words: list[str]) -> bool:
    """A row of column labels: two or more from the vocabulary, one of them naming the table,
    and labels or years in a third of its cells at least (a line of prose that names a label or
    two is no header)."""
    labels = [m.value for w in words if (m := vocabulary.match_label(_PERIOD_SUFFIX.sub("", w)))]
    found = [lab for lab in labels if lab in _COLUMN_LABELS]
    years = sum(1 for w in words if _YEAR_CELL.fullmatch(w.strip()))
    return (len(found) >= 2 and bool(set(found) & _STRONG_LABELS) and 3 * (len(labels) + years) >= len(words)) \
        or roles.money_header(words)


def _ocr_bullet(line: Line) -> tuple[str, str] | None:
    """A bullet as OCR reads the glyph ("« Text", "» Text", "© Text") in an OCR'd line."""
    words = line.text.split(None, 1)
    if line.method == "native" or len(words) < 2 or len(words[0]) != 1 or words[0] not in "«»*+°©®@·o":
        return None
    return (words[0], words[1]) if words[1][:1].isupper() else None


def _wraps(prev: Line, line: Line) -> bool:
    """An OCR'd heading's wrapped rest, whose box height says little: short, in lower case,
    right under it."""
    gap = line.y0 - prev.bbox[3]
    return (line.method != "native" and line.page == prev.page and line.text[:1].islower() and len(line.text) < 60
            and -2 < gap < 0.8 * (prev.bbox[3] - prev.bbox[1]))


# A lead-in sentence naming priorities or goal areas: the list after its colon holds them.
_LEAD_IN = re.compile(r"\bpriorit\w*|\b(?:fokus|mal|utvecklings)omraden\b")
_CAPTION = re.compile(r"^(foto|bild|illustration|fotograf)\s*:", re.IGNORECASE)
_LIST_FIELDS = ("parties", "follow_up")
_TEXT_FIELDS = ("owner", "implementation", "comment", "description")
_ACTIVITY_LABELS = ("activities", "assignment", "priority_development", "method")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")


class Walk:
    """The state of one walk: the goal stack, the current owner, the open field or list."""

    def __init__(self, doc: Document, out: Builder, spec: LayoutSpec) -> None:
        self.doc, self.out, self.spec = doc, out, spec
        self.typo = Typography(doc)
        self.markers = Markers.of(doc, out.document_type)
        self.stack: list[tuple[int, Goal]] = []
        self.goal: Goal | None = None
        self.activity: Activity | None = None
        self.field: str | None = None
        self.field_lines: list[Line] = []
        self.mode: str | None = None  # what list items (and, after goal words, paragraphs) become
        self.mode_level: GoalLevel = GoalLevel.goal
        self.section: Line | None = None  # an unnumbered heading that may become a goal
        self.section_title = ""  # its title, wrapped lines joined
        self.section_last: Line | None = None  # its last line
        self.section_prose: list[Line] = []  # prose under it: its description if it becomes a goal
        self.title_line: Line | None = None
        self.title_of: Goal | Activity | None = None
        self.item: Goal | Activity | Indicator | None = None
        self.item_x = 0.0
        self.item_line: Line | None = None  # the last line of the current list item
        self.inline_value = ""
        self.prev_text = ""  # the last line of running text, for a lead-in sentence over two lines
        self.runin_prov: Provenance | None = None
        self.last_table: Table | None = None
        self.table_owner: Goal | Activity | None = None  # small print right under a table: its notes
        self.amount_lines: list[Line] = []  # a list item outside any list: a budget amount?
        self.heading_title = ""  # the last heading's title: what amounts under it are
        self.table_activity: Activity | None = None  # the last row of the last activity table
        self.step = line_step([ln for p in doc.pages for ln in p.lines])  # OCR'd leading
        self.listed: set[int] = set()
        self.seen_labels: set[str] = set()
        self.styled: dict[int, float] = {}  # ids of goals made from unnumbered headings: their size  # ids of goals that are goals by themselves (listed, tabled)
        lines = [ln for ln in doc.flow() if isinstance(ln, Line)]
        self.chapters: dict[int, str] = {}  # chapter heading lines: their titles, wrapped lines joined
        for i, ln in enumerate(lines):
            if (h := recognise(ln, self.typo, 1)) and h.kind == "goal" and h.number and "." not in h.number:
                title, j = h.title, i + 1
                while j < len(lines) and _wraps(lines[j - 1], lines[j]):
                    title, j = f"{title} {lines[j].text}", j + 1
                self.chapters[id(ln)] = title
        numbered = [h for ln in lines if (h := recognise(ln, self.typo, spec.max_depth)) and h.kind == "goal" and h.number]
        # Where goals carry a goal word ("Mål 3.1"), shallower unmarked numbers are chapters.
        self.marked_depth = min((h.depth for h in numbered if h.marked), default=0)
        # When some chapters say they hold the goals, numbered sections elsewhere are not goals.
        self.goal_chapters = any(self.goal_chapter(t) for t in self.chapters.values())
        self.in_goal_chapter = True
        # Pages mostly photograph (a scan is one image too, but its text is its OCR'd layer).
        self.photo_pages = {
            p.number for p in doc.pages
            if p.text_layer == "native" and sum((i.bbox[2] - i.bbox[0]) * (i.bbox[3] - i.bbox[1]) for i in p.images) > 0.45 * p.width * p.height
        }

    def goal_chapter(self, title: str) -> bool:
        """Whether a chapter's title says it holds the goals (or starts as the spec's do)."""
        folded = fold(title)
        return bool(_GOAL_CHAPTER.search(folded)) or folded.startswith(self.spec.goal_chapters)

    # ------------------------------------------------------------------ tree

    def depth(self) -> int:
        return self.stack[-1][0] if self.stack else 0

    def push_goal(self, goal: Goal, depth: int, line: Line) -> None:
        self.flush()
        while self.stack and self.stack[-1][0] >= depth:
            self.stack.pop()
        (self.stack[-1][1].children if self.stack else self.out.goals).append(goal)
        self.stack.append((depth, goal))
        self.goal, self.activity, self.mode, self.section = goal, None, None, None
        self.title_line, self.title_of, self.item = line, goal, None
        self.field = "description"  # prose right under a goal heading describes it
        self.mark(goal, line)

    def same_goal(self, title: str, depth: int) -> Goal | None:
        siblings = self.out.goals if depth == 1 or not self.stack else self.stack[0][1].children
        key = fold(title)
        return next((g for g in siblings if g.number is None and fold(g.title) == key), None)

    def owner_goal(self) -> Goal | None:
        """The goal content belongs to: a pending unnumbered heading becomes one on demand."""
        if self.section is not None:
            line, self.section = self.section, None
            self.pop_styled(self.typo.size(line))
            level = self.spec.level(self.depth() + 1) if self.stack else GoalLevel.focus_area
            title = self.section_title or line.text
            labelled = re.match(r"^(\S+?)\s*:\s*(\S.*)$", title)
            if labelled is not None and (goal_word(labelled[1]) is not None or (
                (lab := vocabulary.match_label(labelled[1])) is not None and lab.value == "goal"
            )):
                title = labelled[2]  # "Mål: Höganäs kommun ska …": the label is no part of the title
            goal = Goal(uid="", level=level, title=title, provenance=provenance(line))
            if self.section_prose:
                goal.description = "\n".join(group_paragraphs(self.section_prose))
            mode, field, field_lines = self.mode, self.field, self.field_lines  # content already under way
            self.field, self.field_lines = None, []
            self.push_goal(goal, self.depth() + 1, line)
            self.mode, self.field, self.field_lines = mode, field, field_lines
            self.styled[id(goal)] = self.typo.size(line)
            self.title_line, self.section_prose = None, []
        return self.goal

    def pop_styled(self, size: float) -> None:
        """A heading no smaller than a goal made from an unnumbered heading ends its scope."""
        self.flush()
        while self.stack and id(self.stack[-1][1]) in self.styled and self.styled[id(self.stack[-1][1])] <= size + 0.3:
            self.stack.pop()
            self.goal = self.stack[-1][1] if self.stack else None

    def add_activity(self, title: str, line: Line, number: str | None = None) -> Activity | None:
        goal = self.owner_goal()
        if goal is None:
            return None
        self.flush()
        act = Activity(uid="", number=number, title=title, provenance=provenance(line))
        goal.activities.append(act)
        self.activity, self.item, self.title_of, self.title_line = act, act, act, line
        self.mark(act, line)
        return act

    def mark(self, owner: Goal | Activity, line: Line) -> None:
        """A status or assessment icon on the owner's title line, right of its text."""
        for m in self.markers.near(line.page, line.bbox, right_of=line.bbox[2] - 1):
            if isinstance(owner, Activity):
                if m.bar is not None and owner.progress is None:
                    owner.progress = round(m.bar * 100)
                elif owner.status is None and (s := self.markers.status(m)) is not None:
                    owner.status = s
            elif owner.assessment is None and (a := self.markers.assessment(m)) is not None:
                owner.assessment = a

    # ------------------------------------------------------------------ walk

    def blocks(self) -> list[Line | Table]:
        """The document's lines and tables in reading order, with unruled tables (header
        labels from the vocabulary, columns from word positions) rebuilt from their lines."""
        out: list[Line | Table] = []
        carry: list[Line] | None = None  # the header of an unruled table that ran to the page's foot
        for page in self.doc.pages:
            marks = [m.bbox for m in self.markers.by_page.get(page.number, [])]
            cont = continue_table(page.lines, carry, _is_table_header, self.is_break, marks) if carry else None
            rest = [ln for ln in page.lines if id(ln) not in {id(x) for x in cont[1]}] if cont else page.lines
            found = find_tables(rest, _is_table_header, lambda ln: self.is_break(ln), marks)
            found = ([cont] if cont else []) + found
            used = {id(ln) for _, lines in found for ln in lines}
            items: list[tuple[float, int, Line | Table]] = [(ln.y0, 0, ln) for ln in page.lines if id(ln) not in used]
            items += [(t.bbox[1], 1, t) for t in page.tables] + [(t.bbox[1], 1, t) for t, _ in found]
            items.sort(key=lambda x: (x[0], x[1]))
            out.extend(item for _, _, item in items)
            last = next((f for f in found if items and f[0] is items[-1][2]), None)
            if last is None or max(ln.bbox[3] for ln in last[1]) < 0.8 * page.height:
                carry = None
            elif last is not cont:
                carry = [ln for ln in last[1] if abs(ln.bbox[1] - last[1][0].bbox[1]) < 2]
        return out

    def is_break(self, line: Line) -> bool:
        head = recognise(line, self.typo, self.spec.max_depth)
        return head is not None and (head.number is not None or self.typo.rank(line) == 2)

    def run(self) -> None:
        for block in self.blocks():
            if isinstance(block, Table) and id(block) in self.out.front_tables:
                continue  # the front matter's grid, read by the family's facts
            if isinstance(block, Table) and block.n_cols <= 1:  # a framed text box, not a table
                for ln in (ln for r in block.rows for c in r.cells for ln in c.lines):
                    self.line(ln)
            elif isinstance(block, Table):
                self.flush()
                self.title_line = None
                read_table(self, block)
                self.table_owner = self.activity or self.goal
            elif block.page not in self.photo_pages and not _CAPTION.match(block.text):
                self.line(block)
        self.flush()

    def line(self, line: Line) -> None:
        text = line.text
        if self.table_owner is not None:
            owner, self.table_owner = self.table_owner, None
            # footnotes ("*Hållbart medarbetarengagemang (HME)") in small print under a table
            if self.typo.size(line) < self.typo.body - 1 and self.typo.has_fonts(line) and text[:1] in "*¹²³†":
                owner.comment = f"{owner.comment}\n{text}" if owner.comment else text
                self.table_owner = owner
                return
        if self.spec.closes_field and fold(text).startswith(self.spec.closes_field):
            self.flush()
            self.title_line = None
            return
        # "Strategimål: …" opens its field, however alike a heading it is printed
        labelled = ":" in text[:40] and self.label(text.partition(":")[0] + ":")[0] is not None
        item = list_item(text) or _ocr_bullet(line)
        if self.title_line is not None and self.title_of is not None:
            if continues_title(self.title_line, line, self.typo) and not labelled and item is None:
                self.title_of.title = join_lines([self.title_of.title, text])
                self.title_line = line
                return
            self.title_line = None
        if self.section_last is not None:
            if continues_title(self.section_last, line, self.typo):
                self.section_title, self.section_last = join_lines([self.section_title, text]), line
                return
            self.section_last = None
        in_list = self.mode in ("goals", "activities", "indicators") or self.field == "title"
        # Inside a list, "2. Utarbeta …" is its next item, whatever an OCR'd layer's line height says.
        numbered_item = item is not None and item[0][:1].isdigit() and in_list and self.typo.rank(line) < 2
        head = None if numbered_item else recognise(line, self.typo, self.spec.max_depth)
        if head is not None and head.kind == "section" and labelled:
            head = None
        if head is None and not numbered_item and (num := numbered(text)) is not None and self.typo.rank(line) > 0:
            # "4.1.2 Uppdrag till förvaltningen", deeper than goals go: its first word names a list
            first = vocabulary.match_label(num[2].split()[0]) if num[2].split() else None
            if first is not None and first.value in (*_ACTIVITY_LABELS, "indicator"):
                self.open_label(first.value, "", line)
                return
        if head is not None and self.heading(head, line):
            return
        if _RUNIN_LABEL.match(fold(text)):
            self.flush()
            self.field, self.field_lines, self.runin_prov = "goal_runin", [line], provenance(line)
            return
        label, value = self.label(text)
        if label is not None:
            self.open_label(label, value, line)
            return
        if item is not None and self.field == "title" and self.activity is not None and not self.field_lines:
            # "5.3.2 Uppdrag" heads a list of assignments, not one assignment
            goal = self.owner_goal()
            if goal is not None and goal.activities and goal.activities[-1] is self.activity:
                goal.activities.pop()
            self.field, self.activity, self.mode = None, None, "activities"
        if item is not None and self.mode == "goal_text":
            self.mode = "goals"
        if item is not None and self.mode in ("goals", "activities", "indicators"):
            self.list_item(item[1], line, item[0])
            return
        if self.amount_lines:
            last = self.amount_lines[-1]
            if item is None and line.page == last.page and line.x0 > self.amount_lines[0].x0 + 2 and line.y0 - last.bbox[3] < 0.5 * line.size:
                self.amount_lines.append(line)
                return
            self.end_amount()
        if item is not None and self.mode is None and self.field is None:
            self.amount_lines = [line]
            return
        if item is None and self.mode == "activities" and self.markers.near(line.page, line.bbox, right_of=line.bbox[2] - 1):
            self.list_item(text, line)  # an activity list whose items carry status icons, no bullets
            return
        # (A heading's default "description" field does not stop a wrapped list item.)
        if self.item is not None and self.item_line is not None and item is None and self.field in (None, "description"):
            prev, self.item_line = self.item_line, None
            gap = line.y0 - prev.bbox[3] if line.page == prev.page else 0.0
            height = max(prev.bbox[3] - prev.bbox[1], 1.0)
            if line.x0 >= self.item_x - 3 and (gap < 0.9 * height or (line.x0 > self.item_x + 5 and gap < 3 * height)):
                self.item_continues(text)
                self.item_line = line
                return
        if self.mode in ("goals", "activities", "indicators") and item is None and self.field != "lead":
            self.mode = None  # prose back at the margin ends the list
        if self.mode == "goal_text" and self.field is None:
            self.goal_from_text(line)
            return
        if self.marker_text(text, ocr=line.method != "native"):
            return
        if text.endswith(":") and _LEAD_IN.search(fold(f"{self.prev_text} {text}")):
            # "… är följande prioriterade under 2018:" — the bullets below are focus areas
            self.flush()
            self.section, self.mode, self.mode_level, self.item = None, "goals", GoalLevel.focus_area, None
            return
        self.prev_text = text
        if self.field is not None:
            self.field_lines.append(line)
        elif self.section is not None and item is None and self.typo.rank(line) == 0:
            self.section_prose.append(line)

    def heading(self, head: Heading, line: Line) -> bool:
        if head.kind == "goal":
            if head.level is not None:  # a goal word names the level, and so the depth
                if head.number is None:
                    self.pop_styled(self.typo.size(line))
                level, d = head.level, LEVEL_DEPTH[head.level]
                again = self.same_goal(head.title, d)
                if again is not None:  # the same Tema printed again before its next part
                    self.flush()
                    while self.stack and self.stack[-1][0] >= d:
                        self.stack.pop()
                    self.stack.append((d, again))
                    self.goal, self.activity, self.mode, self.section, self.item = again, None, None, None, None
                    return True
                if level is GoalLevel.focus_area and not any(g.level is GoalLevel.goal_area for _, g in self.stack):
                    d = 1
            else:
                d = head.depth if head.number else self.depth() + 1
                if head.number and d == 1:
                    self.in_goal_chapter = self.goal_chapter(self.chapters.get(id(line), head.title))
                chapter = head.number is not None and (
                    (d == 1 and _CHAPTER_TITLE.match(fold(head.title))) or (not head.marked and d < self.marked_depth))
                if d < self.spec.min_depth or chapter or (d > 1 and self.goal_chapters and not self.in_goal_chapter):
                    self.flush()
                    self.stack, self.goal, self.activity, self.mode, self.section = [], None, None, None, None
                    self.item, self.item_line = None, None  # a chapter ends the list before it
                    return True
                level = self.spec.level(d)
            self.push_goal(Goal(uid="", number=head.number, level=level, title=head.title,
                                provenance=provenance(line)), d, line)
            if head.level is not None and head.number is None and not head.lists_goals:
                self.listed.add(id(self.stack[-1][1]))  # "Nämndmål: Trygghet", "Mål för …": a goal by its words
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
            self.flush()
            self.owner_goal() if self.section is not None else None
            self.mode, self.mode_level, self.activity, self.item = "goal_text", head.level or GoalLevel.goal, None, None
            return True
        label, _ = self.label(head.title)
        if label is not None:
            self.open_label(label, "", line)
            return True
        self.flush()
        self.pop_styled(self.typo.size(line))
        self.section, self.activity, self.mode, self.item = line, None, None, None
        self.section_title, self.section_last, self.section_prose = head.title, line, []
        self.heading_title = head.title
        return True

    def runin_goals(self, text: str) -> None:
        """A curriculum's run-in list after its lead-in: "Förskolan ska ge varje barn
        förutsättningar att utveckla - nyfikenhet …, - förmåga att …" → one goal per item."""
        parts = _RUNIN_SPLIT.split(text)
        parent = self.stack[-1][1] if self.stack else None
        for part in parts[1:]:
            title = _CITATION.sub("", part).strip().rstrip(",;").strip()
            if len(title) < 3:
                continue
            assert self.runin_prov is not None
            goal = Goal(uid="", level=GoalLevel.goal, title=title, provenance=self.runin_prov)
            (parent.children if parent is not None else self.out.goals).append(goal)
            self.listed.add(id(goal))

    def label(self, text: str) -> tuple[str | None, str]:
        """(canonical label, inline value) of a label line ("Ansvarig: Ekonomichef"); a period
        after the label ("Prioriterad utveckling 2018", "Aktiviteter under 2025") is ignored."""
        if text[:1].islower():  # the wrapped end of a sentence ("… kommunens grunduppdrag.")
            return None, ""
        text = _PERIOD_SUFFIX.sub("", text)
        head, sep, rest = text.partition(":")
        candidates = [(head, rest.strip())] if sep and len(head) < 40 else []
        if len(text) < 60:
            candidates.append((text, ""))
        for cand, value in candidates:
            folded = fold(cand)
            if folded in self.spec.labels:
                return self.spec.labels[folded], value
            found = section_label(cand)
            if found is not None:
                return found, value
        return None, ""

    def open_label(self, label: str, value: str, line: Line) -> None:
        self.flush()
        self.seen_labels.add(label)
        self.item, self.item_x = None, 0.0
        if label == "goal":
            self.mode, self.mode_level = "goals", self.spec.level(self.depth() + 1) if self.stack else GoalLevel.goal
            if value:  # "Mål: Örebro kommun ska vara en attraktiv arbetsgivare": owns what follows
                self.list_item(value, line)
                self.mode = None
                if isinstance(self.item, Goal):
                    self.goal, self.activity = self.item, None
        elif label in _ACTIVITY_LABELS:
            self.mode, self.activity = "activities", None
            self.field = "lead"  # prose before the first item describes the goal
        elif label == "indicator":
            self.mode = "indicators"
        elif label == "description" and self.section is not None:
            pass  # prose under it describes the heading above, should that become a goal
        else:
            self.field = label
            if label in ("assessment", "status"):
                near = self.section is not None and self.section.page == line.page and line.y0 - self.section.bbox[3] < 4 * line.size
                owner = self.activity if label == "status" and self.activity else (self.owner_goal() if near or self.section is None else None)
                if owner is not None:
                    self.mark(owner, line)
        if value and self.field:
            self.field_lines.append(line)
            self.inline_value = value

    # ------------------------------------------------------------------ content

    def list_item(self, text: str, line: Line, marker: str = "") -> None:
        self.item_x, self.item_line = line.x0, line
        if self.mode == "goals":
            parent = self.owner_goal() if self.section is not None else (self.stack[-1][1] if self.stack else None)
            goal = Goal(uid="", level=self.mode_level, title=text, provenance=provenance(line))
            (parent.children if parent is not None else self.out.goals).append(goal)
            self.item = goal
            self.listed.add(id(goal))
            self.mark(goal, line)
        elif self.mode == "activities":
            act = self.add_activity(text, line)
            of = self.goal
            if act is not None and self.spec.item_numbers and marker[:1].isdigit() and of is not None and of.number:
                # by its place in the goal's list: a Word list may go on counting from the last
                act.number = f"{of.number}.{len(of.activities)}"
        else:
            owner = self.activity or self.owner_goal()
            if owner is not None:
                ind = Indicator(uid="", name=text, provenance=provenance(line))
                direction = nlp.find_direction(text)  # "Andelen … ska öka"
                ind.direction = Direction(direction) if direction else None
                owner.indicators.append(ind)
                self.item = ind

    def item_continues(self, text: str) -> None:
        if isinstance(self.item, Indicator):
            self.item.name = join_lines([self.item.name, text])
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
        self.item, self.goal, self.activity, self.title_line = goal, goal, None, line
        self.listed.add(id(goal))
        self.mark(goal, line)

    def marker_text(self, text: str, ocr: bool = False) -> bool:
        """A status or assessment printed on a line of its own, for the owner in scope (an
        OCR'd one in the vocabulary's spelling)."""
        if len(text) < 60 and self.activity is not None and self.activity.status is None:
            s = vocabulary.match_status(text)
            if s is not None:
                self.activity.status = Status(value=StatusValue(s.value), raw=s.matched if ocr else text, confidence=s.confidence)
                return True
        goal = self.goal if self.section is None else None
        if len(text) < 40 and goal is not None and goal.assessment is None:
            a = vocabulary.match_assessment(text)
            if a is not None:
                goal.assessment = Assessment(value=AssessmentValue(a.value), raw=a.matched if ocr else text, confidence=a.confidence)
                return True
        return False

    def end_amount(self) -> None:
        lines, self.amount_lines = self.amount_lines, []
        item = list_item(join_lines([ln.text for ln in lines]))
        title = self.section_title if self.section is not None else self.heading_title
        if item is not None and (budget := money.budget_item(item[1], title, self.out.year, lines)):
            self.out.budget.append(budget)

    def flush(self) -> None:
        """Store the open field's lines on its owner, in the field's shape."""
        if self.amount_lines:
            self.end_amount()
        field, lines = self.field, self.field_lines
        self.field, self.field_lines = None, []
        if field is None or not lines:
            return
        texts = [ln.text for ln in lines]
        if field == "goal_runin":
            self.runin_goals(join_lines([_RUNIN_LABEL.sub("", fold(texts[0])) and texts[0], *texts[1:]]))
            return
        inline = self.inline_value
        if inline and texts and texts[0].endswith(inline):
            texts[0] = inline
        self.inline_value = ""
        paras = paragraphs(lines, self.step, texts, self.spec.paragraph_gap) if not inline else [join_lines(texts)]
        value = "\n".join(paras)
        target: Goal | Activity | None = self.activity or self.goal
        if field == "lead":
            field, target = "description", self.owner_goal()
        if field == "strategic_goal" and isinstance(target, Goal):
            # one statement: its first paragraph; the prose after it describes the goal
            first, *rest = paragraphs(lines, self.step, texts, self.spec.paragraph_gap)
            target.strategic_goal = join_lines([target.strategic_goal or "", first]) or None
            if rest:
                target.description = "\n".join([*([target.description] if target.description else []), *rest])
            return
        if field == "title" and self.activity is not None:
            self.activity.title = paras[0]
            if len(paras) > 1 and self.activity.description is None:
                self.activity.description = "\n".join(paras[1:])
            return
        if field == "assessment" and self.goal is not None and self.goal.assessment is None:
            a = vocabulary.match_assessment(texts[0])
            if a is not None:  # an OCR'd value in the vocabulary's spelling
                raw = texts[0] if lines[0].method == "native" else a.matched
                self.goal.assessment = Assessment(value=AssessmentValue(a.value), raw=raw, confidence=a.confidence)
            return
        if field == "status" and self.activity is not None and self.activity.status is None:
            s = vocabulary.match_status(texts[0])
            if s is not None:
                self.activity.status = Status(value=StatusValue(s.value), raw=texts[0], confidence=s.confidence)
            return
        if isinstance(target, Activity):
            if field in _LIST_FIELDS:
                items = [(it[1] if (it := list_item(t)) else t) for t in texts]
                if field == "parties":  # "Ekonomikontoret, IT-kontoret": one party each
                    items = [p.strip() for i in items for p in i.split(",")]
                getattr(target, field).extend(i for i in items if i)
            elif field in ("start_date", "end_date"):
                setattr(target, field, parse_date(texts[0]))
            elif field in _TEXT_FIELDS:
                current = getattr(target, field)
                setattr(target, field, f"{current}\n{value}" if current else value)
        elif isinstance(target, Goal) and field in ("comment", "description", "strategic_goal"):
            current = getattr(target, field)
            setattr(target, field, f"{current}\n{value}" if current else value)


def walk(doc: Document, out: Builder, spec: LayoutSpec) -> None:
    """Parse ``doc`` into ``out`` with the engine and ``spec``."""
    guess_facts(doc, out)
    if spec.facts is not None:
        spec.facts(doc, out)
    w = Walk(doc, out, spec)
    w.run()
    if spec.after is not None:
        spec.after(doc, out)
    out.goals = prune(out.goals, w.listed, spec.bare_goals)
    for label in spec.expects:
        if label not in w.seen_labels:
            out.warn("section_missing", f"no {vocabulary.vocabulary()['labels'][label][0]!r} section found for the {spec.name} "
                     "layout: its fields stay empty, the rest is parsed")
    if not out.goals:
        out.warn("no_plan_content", "no goals, activities or indicators were recognised in this document")


def has_content(goal: Goal, listed: set[int]) -> bool:
    return bool(goal.activities or goal.indicators or goal.assessment or id(goal) in listed) or any(
        has_content(c, listed) for c in goal.children
    )


def prune(goals: list[Goal], listed: set[int], bare: bool = True) -> list[Goal]:
    """Keep goals that carry content, were listed as goals, or are numbered beside goals that
    do; chapters and styled headings with no goal content anywhere ("1 Inledning") drop out."""
    if not any(has_content(g, listed) for g in goals):
        return []
    kept = [g for g in goals if has_content(g, listed) or (bare and g.number and g.level is not GoalLevel.goal_area)]
    for g in kept:
        g.children = prune(g.children, listed, bare) if any(has_content(c, listed) for c in g.children) else g.children
    return kept
