"""The engine's labelled fields: a vocabulary label opens a field whose value is read in its
shape (paragraphs, a list, a date) and stored on the owner in scope; statuses and
assessments printed on a line of their own; amounts in list items (see :mod:`.engine`)."""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.layouts import money
from planparse.layouts.area_refs import named_area
from planparse.layouts.field_blocks import ONE_ACTIVITY, second_field, set_field
from planparse.layouts.form_tables import inline_value, measured_line
from planparse.layouts.goal_groups import runin_goals
from planparse.layouts.goal_label import GoalLabel
from planparse.layouts.goal_words import _PERIOD_SUFFIX
from planparse.layouts.headings import Heading, section_label
from planparse.layouts.known_goals import number_goes_back
from planparse.layouts.scales import SCALE_NOTE, scaled_assessment
from planparse.layouts.stated_assessment import evaluated, labelled_assessment, open_assessment
from planparse.layouts.tables import after_icon
from planparse.layouts.title_kinds import keeps_no_budget
from planparse.layouts.walk_state import (
    _ACTIVITY_LABELS,
    _LIST_FIELDS,
    _RUNIN_LABEL,
    _TEXT_FIELDS,
)
from planparse.layouts.wraps import title_lines
from planparse.model import (
    Activity,
    Assessment,
    AssessmentValue,
    Goal,
    Indicator,
    Status,
    StatusValue,
)
from planparse.reading.model import Line
from planparse.reading.paragraphs import paragraphs
from planparse.text.assemble import join_lines, list_item
from planparse.text.fold import fold
from planparse.text.numbers import parse_number

# A status icon printed as a glyph before its label ("● Delvis uppfyllt"): noise, no part of it.
_GLYPH = re.compile(r"^[^\w\"'(«“]+(?=\w)")
# Fields a label line opens (a heading's own "description" is none): its value comes below it.
_LABEL_FIELDS = ("owner", "parties", "implementation", "follow_up", "comment")

class FieldWalk(GoalLabel):
    """Labels and the fields they open."""

    label_size = 0.0  # the size of the line that opened the field

    def label(self, text: str) -> tuple[str | None, str]:
        """(canonical label, inline value) of a label line ("Ansvarig: Ekonomichef"); a period
        after the label ("Prioriterad utveckling 2018", "Aktiviteter under 2025") is ignored.
        Worked out once per text (the walk, the table finder's breaks and headings ask)."""
        if (found := self.labels_read.get(text)) is None:
            found = self.labels_read[text] = self._label(text)
        return found

    def _label(self, text: str) -> tuple[str | None, str]:
        if text[:1].islower():  # the wrapped end of a sentence ("… kommunens grunduppdrag.")
            return None, ""
        head, sep, rest = text.partition(":")  # (a period after the label's head only: "…; Målvärde 2027: 150" keeps its year)
        candidates = [(_PERIOD_SUFFIX.sub("", SCALE_NOTE.sub("", head)), rest.strip())] if sep and len(head) < 40 else []
        if len(text) < 60:
            candidates.append((_PERIOD_SUFFIX.sub("", text), ""))
        for cand, value in candidates:
            folded = fold(cand)
            if folded in self.spec.labels:
                return evaluated(self.spec.labels[folded], value), value
            found = section_label(cand)
            if found is not None:
                return evaluated(found, value), value
        return ("assessment", rest.strip()) if sep and labelled_assessment(head, rest) else (None, "")

    def no_heading(self, head: Heading, line: Line, labelled: bool) -> bool:
        """Whether ``head`` is a label's line or value rather than a heading: on an OCR'd
        layer the value under a label ("Processägare" / "Kommunstyrelsens ordförande") or its
        numbered list (see :func:`number_goes_back`), and a
        run-in label in body type or the family's own ("Strategiskt mål: Vilhelmina kommun ska …")."""
        if self.field is not None and self.stack and not self.typo.has_fonts(line) and number_goes_back(head, self.stack[0][1].number):
            return True  # an OCR'd "1. Pilot …" under a label, inside chapter 3: the label's list
        if head.kind == "section" and self.field in ("assessment", "status") and not self.field_lines and (found := (
                vocabulary.match_assessment if self.field == "assessment" else vocabulary.match_status)(line.text)) \
                and found.confidence >= 0.9:
            return True  # the value under "Bedömning" / "Status", however large its OCR'd box ("Uppfyllt")
        if head.kind == "section":
            # (a heading set larger than the body, under a label-worded chapter heading larger
            # still, "Måluppföljning" / "Kunskap och lärande", is a heading of its own)
            return not self.typo.has_fonts(line) and not self.field_lines and self.field in _LABEL_FIELDS \
                and not (self.typo.rank(line) and self.typo.size(line) + 0.3 < self.label_size)
        return head.kind == "goal" and head.number is None and labelled and (
            fold(line.text.partition(":")[0]) in self.spec.labels
            or (self.typo.has_fonts(line) and self.typo.rank(line) == 0))

    def open_label(self, label: str, value: str, line: Line) -> None:
        if (split := second_field(label, value, self.label)) is not None:
            self.open_label(label, split[0], line)
            if split[1] is not None:
                self.open_label(split[1], split[2], line)
            return
        if (label in ("target", "outcome") or label == "goal" and parse_number(value) is not None) and isinstance(self.item, Indicator) and inline_value(
                self.item, line.text.partition(":")[0].strip(), value):
            return  # "Målvärde 2027: 95 %" under "Mått: …": a value of that measure
        if label in _ACTIVITY_LABELS and value and vocabulary.marker_confidence(value) >= 0.95:
            return  # a key's entry ("Aktiviteten: Genomförd" beside its mark): no activity
        if label in _ACTIVITY_LABELS and not value and self.mode != "activities" and self.activity is not None \
                and (self.activity.owner or self.field in ("owner", "parties")) and not self.activity.implementation \
                and fold(line.text).strip(" :") not in ONE_ACTIVITY:  # (not "Aktivitet:", the next one's label)
            label = "implementation"  # "Så här gör vi" among an uppdrag's labelled fields, after its "Ansvarig": how it is done
        if label == "end_date" and not value and self.mode == "activities" and isinstance(self.item, Activity) \
                and (done := vocabulary.match_status(line.text)) is not None and done.confidence >= 0.95:
            self.item.status = self.item.status or Status(value=StatusValue(done.value), raw=line.text, confidence=done.confidence)  # "Klar" under its activity: a status
            return
        self.flush()
        self.seen_labels.add(label)
        below = self.item_line is not None and (line.page, line.y0) >= (self.item_line.page, self.item_line.y0)
        if self.mode == "goals" and isinstance(self.item, Goal) and line.x0 > self.item_x + 5 and below:
            self.goal, self.activity = self.item, None  # a label set in under a listed goal: that goal's
        self.item, self.item_x, self.item_line = None, 0.0, None
        if label == "goal":
            self.open_goal_label(value, line)
        elif label in _ACTIVITY_LABELS:
            self.mode, self.activity, self.list_label = "activities", None, label
            self.list_label_size = self.typo.size(line)
            # prose before the first item describes the goal (under "Aktivitet" a line no list follows is it)
            self.field = "lead_one" if fold(line.text).strip(" :") in ONE_ACTIVITY else "lead"
            if value:  # "Åtgärder: Vi har barnråd varannan vecka": the first activity
                self.field = None
                self.list_item(value, line)
                return
        elif label in ("indicator", "measure"):  # "Mått:" over a list: the goal's measures (after a list of activities too)
            if (area := named_area(self.out.goals, line.text)) is not None:  # "Indikatorer – målområde 1"
                self.stack, self.goal, self.section, self.activity = [(1, area)], area, None, None
            self.activity = None if self.mode == "activities" and self.list_label in _ACTIVITY_LABELS else self.activity
            self.mode = "indicators"
            if value:  # "Mått: Andel nöjda brukare": the first
                self.list_item(value, line)
                return
        elif label == "description" and self.section is not None:
            pass  # prose under it describes the heading above, should that become a goal
        else:
            if label == "comment" and self.section is not None and self.section_level is not None:
                self.owner_goal()  # "Kommentar" under a heading that goal words name a goal: its comment
            if label in ("assessment", "status"):
                open_assessment(self, label, value, line)
            self.field = label  # (after the heading above became a goal: that flushes the open field)
            self.label_size = self.typo.size(line)
        if value and self.field:
            self.field_lines.append(line)
            self.inline_value = value

    def label_sibling(self, head: Heading, line: Line) -> bool:
        """A short heading set as the field labels under a goal headed in larger type ("Resultat"
        between "Mål" and "Analys", all in one smaller italic): one more label, no goal."""
        size = self.typo.size(line)
        top = self.stack[-1][1] if self.stack else None
        if head.kind != "section" or self.label_style != (size, line.bold, line.italic) or top is None \
                or self.section is not None or len(head.title.split()) > 3 or self.styled.get(id(top), 0.0) <= size + 0.3:
            return False
        self.flush()
        self.mode, self.activity, self.item = None, None, None
        return True

    def marker_text(self, text: str, ocr: bool = False) -> bool:
        """A status or assessment printed on a line of its own, for the owner in scope (an OCR'd one in the vocabulary's spelling)."""
        if text[:1].islower() and text.endswith(".") and self.prev_text.rstrip()[-1:].isalpha():
            return False  # a sentence's end wrapped onto a line of its own ("… att målet inte är" / "uppnått.")
        if len(text) < 60 and self.activity is not None and self.activity.status is None:
            s = vocabulary.match_status(text)
            if s is not None:
                self.activity.status = Status(value=StatusValue(s.value), raw=s.matched if ocr else _GLYPH.sub("", text), confidence=s.confidence)
                return True
        goal = self.goal if self.section is None else None
        if len(text) < 40 and goal is not None and goal.assessment is None:
            a = vocabulary.match_assessment(text) or (vocabulary.match_assessment(after_icon(text)) if ocr else None)
            if a is not None:
                goal.assessment = Assessment(value=AssessmentValue(a.value), raw=a.matched if ocr else _GLYPH.sub("", text), confidence=a.confidence)
                return True
        return False

    def end_amount(self) -> None:
        lines, self.amount_lines = self.amount_lines, []
        text = join_lines([ln.text for ln in lines])
        item = ("•", text) if self.amount_drawn else list_item(text)
        title = self.section_title if self.section is not None else self.heading_title
        if item is not None and not keeps_no_budget(self.out.title or "") and (budget := money.budget_item(item[1], title, self.out.year, lines)):
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
            runin_goals(self, join_lines([_RUNIN_LABEL.sub("", fold(texts[0])) and texts[0], *texts[1:]]))
            return
        inline = self.inline_value
        if inline and texts and inline in texts[0]:
            texts[0] = inline
        self.inline_value = ""
        paras = paragraphs(lines, self.step, texts, self.spec.paragraph_gap) if not inline else [join_lines(texts)]
        value = "\n".join(paras)
        target: Goal | Activity | None = self.activity or self.goal
        if field == "lead_one" and len(paras) == 1 and not paras[0].endswith(":") and self.activity is None:
            self.add_activity(paras[0], lines[0])
            return
        if field in ("lead", "lead_one"):
            field, target = "description", self.owner_goal()
        if field == "strategic_goal" and isinstance(target, Goal):
            # one statement: its first paragraph; the prose after it describes the goal
            first, *rest = paragraphs(lines, self.step, texts, self.spec.paragraph_gap)
            target.strategic_goal = join_lines([target.strategic_goal or "", first]) or None
            if rest:
                target.description = "\n".join([*([target.description] if target.description else []), *rest])
            return
        if field == "goal_title" and self.goal is not None:
            self.goal.title = paras[0]
            self.goal.description = "\n".join(paras[1:]) or None
            return
        if field == "title" and self.activity is not None:
            if len(paras) == 1 and lines[0].method != "native" and (k := title_lines(lines, texts, self.doc)) < len(lines):
                paras = [join_lines(texts[:k]), *paragraphs(lines[k:], self.step, texts[k:], self.spec.paragraph_gap)]
            self.activity.title = paras[0]
            if len(paras) > 1 and self.activity.description is None:
                self.activity.description = "\n".join(paras[1:])
            return
        assessed = self.measured(self.goal)
        if field == "assessment" and assessed is not None and assessed.assessment is None:
            ocr = lines[0].method != "native"
            a = vocabulary.match_assessment(texts[0]) or (vocabulary.match_assessment(after_icon(texts[0])) if ocr else None)
            raw = _GLYPH.sub("", texts[0]) if lines[0].method == "native" or a is None else a.matched  # OCR'd: the vocabulary's spelling
            a = a or vocabulary.assessment_in_sentence(texts[0]) or scaled_assessment(texts[0], self.doc) \
                or self.markers.worded_assessment(texts[0])
            if a is not None:
                assessed.assessment = Assessment(value=AssessmentValue(a.value), raw=raw, confidence=a.confidence)
                if len(lines) > 1 and assessed.comment is None:  # the analysis under "Måluppfyllelse: Uppfyllt"
                    assessed.comment = "\n".join(paragraphs(lines[1:], self.step, texts[1:], self.spec.paragraph_gap))
            return
        if field == "status" and self.activity is None and assessed and (m := scaled_assessment(texts[0], self.doc) or (
                vocabulary.match_assessment(_GLYPH.sub("", texts[0])) if assessed.assessment is None else None)):
            assessed.assessment = Assessment(value=AssessmentValue(m.value), raw=_GLYPH.sub("", texts[0]), confidence=m.confidence)
            return  # "Status: 3/5" under a goal, a step on the document's scale of assessments; "Status: ■ Uppfyllt"
        if field == "status" and self.activity is not None and self.activity.status is None:
            s = vocabulary.match_status(texts[0])
            if s is not None:
                self.activity.status = Status(value=StatusValue(s.value), raw=_GLYPH.sub("", texts[0]), confidence=s.confidence)
            return
        if isinstance(target, Activity):
            if field in _LIST_FIELDS:
                items = [(it[1] if (it := list_item(t)) else t) for t in texts]
                if field == "parties":  # "Ekonomikontoret, IT-kontoret": one party each
                    items = [p.strip() for i in items for p in i.split(",")]
                getattr(target, field).extend(i for i in items if i)
            elif field in ("start_date", "end_date") or (
                    field in _TEXT_FIELDS and not (field == "owner" and sum(ch.isalpha() for ch in value) < 3)):  # (specks: a name blacked out)
                set_field(self, target, field, texts[0] if field.endswith("_date") else value)
        elif isinstance(target, Goal) and field == "follow_up" and (measure := measured_line(value, lines[0])) is not None:
            target.indicators.append(measure)  # "Så följer vi upp: Andel förnybar el, % (2024: 86 · Mål 2030: 100)"
        elif isinstance(target, Goal) and field in ("comment", "description", "strategic_goal"):
            current = getattr(target, field)
            setattr(target, field, f"{current}\n{value}" if current else value)
