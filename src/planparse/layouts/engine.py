"""The layout engine: one walk over a document's blocks that every layout shares. It reads structure, not wording:

- **headings** (:mod:`.headings`): numbering with or without a trailing dot or a "Mål" / "Uppdrag" prefix,
  goal words ("Nämndmål", "Fokusområde"), typography rank where the layer has fonts, and titles that wrap;
- **goals and activities** opened and closed by level (an unnumbered heading a goal only with goal content);
- **labelled fields**: a vocabulary label opens a field whose value is read in its shape (paragraphs, a list,
  a date); a "Mål" label followed by bullets makes each bullet a goal, bullets under "Aktiviteter" activities;
- **tables by role** (:mod:`.table_walk`), attached to the goal or activity that owns them;
- **status and assessment** from text anywhere in the owner's scope, or from an icon on the owner's line (:mod:`.icons`).

A :class:`~planparse.layouts.spec.LayoutSpec` supplies what is a family's own. The walk is one class built in layers: :mod:`.walk_state` (the goal stack and tree operations),
:mod:`.walk_fields` (labels and fields), :mod:`.walk_lists` (headings and lists) and this module (reading order, lines, tables).
"""

from __future__ import annotations

from planparse import vocabulary
from planparse.layouts import table_headers as th
from planparse.layouts import walk_state as ws
from planparse.layouts.area_titles import close_area, titles_over_goal_lists
from planparse.layouts.ballot_boxes import checked_line
from planparse.layouts.base import Builder, provenance
from planparse.layouts.control_records import control_records
from planparse.layouts.facts import guess_facts
from planparse.layouts.field_boxes import beside_row, field_column
from planparse.layouts.glyph_markers import ICON_GLYPHS
from planparse.layouts.goal_groups import prune, settled_goals
from planparse.layouts.goal_levels import finish_tree
from planparse.layouts.goal_words import goal_box
from planparse.layouts.heading_items import list_under_stated_goal, prose_only_headings
from planparse.layouts.headings import Heading, continues_title, numbered, wraps_body_title
from planparse.layouts.icon_lines import icon_item, opens_icon_list, status_beside, status_item
from planparse.layouts.known_goals import captioned_goal
from planparse.layouts.kpi_tiles import kpi_tiles
from planparse.layouts.label_columns import dated_line, gap_label, line_label, lone_measure
from planparse.layouts.nested_tables import table_parts
from planparse.layouts.numbered_goals import counts_on_goal, numbered_goal, side_frame
from planparse.layouts.owned_titles import owned_heading
from planparse.layouts.pill_assessment import pill_assessment
from planparse.layouts.prose_activities import activities_in_prose
from planparse.layouts.spec import LayoutSpec
from planparse.layouts.split_tables import join_split_columns
from planparse.layouts.stated_assessment import assessed_after_walk, stated_assessment
from planparse.layouts.table_walk import read_table
from planparse.layouts.tables import split_status_suffix
from planparse.layouts.walk_lists import ListWalk
from planparse.layouts.words_scope import settle_pending
from planparse.model import Activity, Goal, GoalLevel
from planparse.reading import positioned as pos
from planparse.reading.model import Document, Line, Table
from planparse.text.assemble import join_lines, list_item
from planparse.text.fold import fold


class Walk(ListWalk):
    """One walk over a document's blocks: lines and tables in reading order."""

    def blocks(self) -> list[Line | Table]:
        """The document's lines and tables in reading order, unruled tables (header labels from the vocabulary, columns from word positions) rebuilt."""
        out: list[Line | Table] = []
        carry: list[Line] | None = None  # the header of an unruled table that ran to the page's foot
        carried: Table | None = None  # and that table
        for page in self.doc.pages:
            marks = [m.bbox for m in self.markers.by_page.get(page.number, [])]
            # (a table's header repeated at the page's top, or its labels' rest, taken for noise)
            lines = page.lines + th.header_in_noise(page)
            if carried is not None and pos.repeats_header(carried, page.tables):
                carry, carried = None, None
            cont = pos.continue_table(lines, carry, th.is_table_header, self.is_break, marks) if carry else None
            consumed = {id(x) for x in cont[1]} if cont else set()
            if cont and carried is not None:
                pos.join_wrapped_top(carried, cont[0])  # the last name on the page before going on
                cont = cont if cont[0].rows else None
            rest = [ln for ln in lines if id(ln) not in consumed]
            found = pos.find_tables(rest, th.is_table_header, self.is_break, marks)
            if carry and cont is None and carried is not None and found:
                pos.wrap_under_header(carried, found[0][0])
            consumed |= pos.join_repeated(carried, found, rest) if carried is not None and not cont else set()
            found = ([cont] if cont else []) + found
            used = consumed | {id(ln) for _, taken in found for ln in taken}
            items = page.in_order([ln for ln in page.lines if id(ln) not in used], page.tables + [t for t, _ in found])
            items = [x for it in items for x in (table_parts(it, self.is_break) if isinstance(it, Table) else [it])]
            out.extend(items)
            last = next((f for f in found if items and f[0] is items[-1]), None)
            if last is None or max(ln.bbox[3] for ln in last[1]) < 0.8 * page.height:
                carry, carried = None, None
                continue
            if last is not cont:
                top = last[0].rows[0].bbox  # the header row, its labels on one line or two
                carry = [ln for ln in last[1] if top[1] - 1 <= (ln.bbox[1] + ln.bbox[3]) / 2 <= top[3] + 1]
            carried = last[0]
        return out

    def is_break(self, line: Line) -> bool:
        """A heading, or a list's label alone on its line ("Prioriterad utveckling 2018"): no row of the table
        above. A line with text left of it on its baseline is a row's cells, no heading."""
        page = next(p for p in self.doc.pages if p.number == line.page)
        if th.text_left_of(line, page):
            return False
        head = self.recognised(line)
        if head is not None and head.number is None and line.method != "native" and self.label(line.text) == ("comment", ""):
            return False  # "Kommentar" alone, however large its OCR'd box: the activity table's row
        if head is not None and (head.number is not None or self.typo.rank(line) == 2 and not th.crosses_other(line, page)):
            return True
        label, value = self.label(line.text.lstrip("•▪◦● "))
        if label == "goal" and value:
            return True  # "Mål: Barnen utvecklar …": the next goal's statement, no row
        if label not in ws._ACTIVITY_LABELS or value or ":" in line.text or len(line.text.split()) > 4:
            return False
        return not any(o is not line and o.bbox[1] < line.bbox[3] - 1 and o.bbox[3] > line.bbox[1] + 1 for o in page.lines)  # alone on its row

    def run(self) -> None:
        blocks = join_split_columns(self.blocks())
        self.area_titles, self.prose_only = titles_over_goal_lists(blocks, self.label), prose_only_headings(self, blocks)
        beside, fields = field_column(blocks, {p.number: p for p in self.doc.pages})
        tiles = kpi_tiles(self.doc, self.typo)
        for block in blocks:
            if id(block) in tiles:  # a KPI tile's line or table: its first gives the goal in scope the indicator
                if tiles[id(block)].parts[0] is block and (goal := self.owner_goal()) is not None:
                    goal.indicators.append(tiles[id(block)].indicator)
            elif isinstance(block, Table) and (id(block) in self.out.front_tables or id(block) in fields):
                continue  # the front matter's grid, read by the family's facts; a form's value boxes, read beside their rows
            elif isinstance(block, Table) and block.text_box and side_frame(self.page(block), block):
                continue  # a fact box beside the running text ("Faktaruta"): no item's text
            elif isinstance(block, Table) and (block.text_box or goal_box(block)):  # a framed text box, not a table
                for ln in (ln for r in block.rows for c in r.cells for ln in c.lines):
                    self.line(ln)
            elif isinstance(block, Table):
                self.flush()
                self.title_line = None
                read_table(self, block)
                if self.mode == "activities" and self.activity is not None and self.activity is self.table_activity:
                    self.mode = None  # the list under "Aktiviteter" was this table: text after it is none of it
                self.table_owner = self.activity or self.goal
            elif block.page not in self.photo_pages and not ws._CAPTION.match(block.text) and id(block) not in self.skipped and id(block) not in fields:
                if id(block) in beside:
                    beside_row(self, block, beside[id(block)])
                else:
                    self.line(block)
        self.flush()
        settle_pending(self)  # (the last heading, stating a goal with only its paragraph under it)
        self.out.controls = self.out.controls or control_records(self.doc.pages, self.out)  # (a plan as records, no table)

    def line(self, line: Line) -> None:
        text = line.text
        if self.table_owner is not None:
            owner, self.table_owner = self.table_owner, None  # (a footnote under a table in small print: "*HME")
            if self.typo.size(line) < self.typo.body - 1 and self.typo.has_fonts(line) and text[:1] in "*¹²³†":
                owner.comment = f"{owner.comment}\n{text}" if owner.comment else text
                self.table_owner = owner
                return
        if self.spec.closes_field and fold(text).startswith(self.spec.closes_field) or captioned_goal(self, text):
            self.flush()
            self.title_line = None
            return
        # "Strategimål: …" opens its field, however alike a heading it is printed
        labelled = ":" in text[:40] and self.label(text.partition(":")[0] + ":")[0] is not None or bool(gap_label(self, line))
        item = list_item(text) or ws._ocr_bullet(line)
        drawn = item is None and self.drawn_item(line)  # a list whose bullets are drawn, not printed
        item = ("•", text) if drawn else item
        if status_beside(self, line) or checked_line(self, line) or item is None and (stated_assessment(self, line) or pill_assessment(self, line) or dated_line(self, line)):
            return  # "Målet bedöms som delvis uppfyllt."; "● Pågår" right of the activity on its row
        if self.title_line is not None and self.title_of is not None:
            wraps = continues_title(self.title_line, line, self.typo) or (
                isinstance(self.title_of, Goal | Activity) and wraps_body_title(self.title_line, line, self.typo))
            if wraps and not labelled and item is None:
                self.title_of.title = join_lines([self.title_of.title, text])
                self.title_line, self.item_line = line, line if self.title_of is self.item and self.typo.has_fonts(line) else self.item_line  # (an item's row ends here)
                return
            self.title_line = None
        if self.section_last is not None:
            if continues_title(self.section_last, line, self.typo):
                self.section_title, self.section_last = join_lines([self.section_title, text]), line
                return
            self.section_last = None
        in_list = self.mode in ("goals", "activities", "indicators") or self.field == "title"
        # Inside a list, "2. Utarbeta …" is its next item, whatever an OCR'd layer's line height says,
        # unless it is a chapter's heading set larger ("6. Ekonomi" after item "25.").
        rank = self.typo.rank(line)
        numbered_item = item is not None and item[0][:1].isdigit() and in_list and rank < 2 and not (
            rank == 1 and id(line) in self.chapters and not self.next_item(item[0])) and not counts_on_goal(self, item[0])
        head = None if numbered_item or icon_item(self, line, rank) else (item is None and not labelled and owned_heading(self, line)) or self.recognised(line)
        if id(line) in self.area_titles:
            head = head or Heading("section", text)
            close_area(self)
        if self.field in ("goal_title", "lead_one") and head is not None and head.kind == "section" and not labelled and (
                not self.field_lines or continues_title(self.field_lines[-1], line, self.typo)):
            self.field_lines.append(line)  # the title under "Mål 1" or "Aktivitet", set as a heading of its own
            return
        if head is not None and (head.kind == "section" and labelled or self.no_heading(head, line, labelled)):
            head = None
        if head is None and not numbered_item and (num := numbered(text)) is not None and self.typo.rank(line) > 0:
            # "4.1.2 Uppdrag till förvaltningen", deeper than goals go: its first word names a list
            first = vocabulary.match_label(num[2].split()[0]) if num[2].split() else None
            if first is not None and first.value in (*ws._ACTIVITY_LABELS, "indicator"):
                self.open_label(first.value, "", line)
                return
        if head is not None and self.heading(head, line):
            return
        if ws._RUNIN_LABEL.match(fold(text)):
            self.flush()
            self.field, self.field_lines, self.runin_prov = "goal_runin", [line], provenance(line)
            return
        label, value = line_label(self, line)
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
            self.list_after_text("goals")
        if item is not None and (numbered_goal(self, line, item) or status_item(self, line, item)):
            return
        if item is not None and self.mode in ("goals", "activities", "indicators"):
            self.retract_stated()
            self.list_item(item[1], line, item[0])
            return
        if self.amount_lines:
            last = self.amount_lines[-1]
            # its wrapped rest: right of a printed bullet, under the text of a drawn one
            indent = -2 if self.amount_drawn else 2
            if item is None and line.page == last.page and line.x0 > self.amount_lines[0].x0 + indent \
                    and line.y0 - last.bbox[3] < 0.5 * line.size:
                self.amount_lines.append(line)
                return
            self.end_amount()
        # an activity list whose items carry status icons or words ("… – Pågår"), no bullets (or the legend's coloured glyphs as bullets)
        if (item is None or item[0] in ICON_GLYPHS) and (item is None and self.mode == "activities" and self.field != "assessment" and (
                self.line_icons(line) or split_status_suffix(text)[1] is not None) or opens_icon_list(self, line)):
            self.mode = "activities"
            self.list_item(*((text, line) if item is None else (item[1], line, item[0])))
            return
        if item is not None and self.mode is None and not list_under_stated_goal(self, line, item) and self.field is None:
            self.amount_lines, self.amount_drawn = [line], drawn
            return
        if self.item is not None and self.item_line is not None and item is None and self.field in (None, "description"):  # (not a heading's default field)
            prev, self.item_line = self.item_line, None
            gap = line.y0 - prev.bbox[3] if line.page == prev.page else 0.0
            height = max(prev.bbox[3] - prev.bbox[1], 1.0)
            if self.lost_bullet(prev, line, gap, height):
                self.list_item(text, line)
                return
            if line.x0 >= self.item_x - 3 and (gap < 0.9 * height or (line.x0 > self.item_x + 5 and gap < 3 * height)) \
                    and not self.stated_ended(prev, line):
                self.item_continues(text)
                self.item_line = line
                return
        if item is None and self.state_goal(line):
            return
        if item is None and lone_measure(self, line):  # the one measure an "Indikator" label alone names, its values below
            return
        if self.mode in ("goals", "activities", "indicators") and item is None and self.field not in ("lead", "lead_one"):
            self.mode = None  # prose back at the margin ends the list
        if self.mode == "goal_text" and self.field is None:
            self.goal_from_text(line)
            return
        if self.marker_text(text, ocr=line.method != "native"):
            return
        leads_activities = self.mode == "activities" and self.field in ("lead", "lead_one")
        if text.endswith(":") and not leads_activities and ws._LEAD_IN.search(fold(f"{self.prev_text} {text}")) \
                and not ws._NOT_LEAD_IN.search(fold(text)):
            # "… är följande prioriterade under 2018:" — the bullets below are focus areas;
            # under a list label ("Prioriterad utveckling 2024") the lead-in names its activities
            self.flush()
            self.section, self.mode, self.mode_level, self.item = None, "goals", GoalLevel.focus_area, None
            return
        self.prev_text = text
        if self.field is not None:
            self.field_lines.append(line)
        elif self.section is not None and item is None and self.typo.rank(line) == 0:
            self.section_prose.append(line)


def walk(doc: Document, out: Builder, spec: LayoutSpec) -> None:
    """Parse ``doc`` into ``out`` with the engine and ``spec``."""
    guess_facts(doc, out)
    if spec.facts is not None:
        spec.facts(doc, out)
    w = Walk(doc, out, spec)
    w.run()
    if spec.after is not None:
        spec.after(doc, out)
    activities_in_prose(out.goals)  # paragraphs closed by the work's status
    assessed_after_walk(out.goals, doc, w.markers)  # by a legend's colour band, by a sentence in a paragraph
    out.goals = prune(out.goals, w.listed, spec.bare_goals, out.title or "")
    finish_tree(out.goals, generic=spec.name == "generic")
    if spec.name == "generic":
        out.goals = settled_goals(doc, out.goals, out.title or "")
    for label in spec.expects:
        if label not in w.seen_labels:
            out.warn("section_missing", f"no {vocabulary.vocabulary()['labels'][label][0]!r} section found for the {spec.name} "
                     "layout: its fields stay empty, the rest is parsed")
    if not out.goals and (kept := [k for k in ("budget", "investments", "controls", "risks") if getattr(out, k)]):
        out.warn("no_goal_tree", f"no goals, activities or indicators were recognised; {', '.join(kept)} read")
    elif not out.goals:
        out.warn("no_plan_content", "no goals, activities or indicators were recognised in this document")
