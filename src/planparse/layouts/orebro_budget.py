"""Örebro-style "Kommunstyrelsens plan med budget": a prose-heavy plan with unnumbered headings.

Layout (see fixtures/README.md, "orebro_budget"): a cover page (municipality band, title,
"<Organ> i <Kommun>", "Förslag till beslut i <organ> den <date>, § N", contents), then body
pages whose headings carry no numbers and are told apart by style alone: H1 bold and large,
H2 bold and a little smaller, H3 bold-italic (the focus areas), H4 bold just above body size
("Grunduppdrag", "Prioriterad utveckling <år>"). Goal statements are bold paragraphs starting
"Mål:", one of them followed by a Tot/K/M indicator table and footnotes; budget amounts stand
in "•" bullets ("Sociala investeringar 11,3 mnkr.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planparse import vocabulary
from planparse.layouts import register
from planparse.layouts.base import (
    YEAR,
    Builder,
    Fingerprint,
    LayoutParser,
    Signal,
    body_size,
    provenance,
)
from planparse.layouts.facts import guess_facts
from planparse.layouts.spec import LayoutSpec
from planparse.layouts.tables import TableKind, classify_table
from planparse.layouts.tables import grouped_indicator_rows as indicators
from planparse.model import (
    Activity,
    AmountUnit,
    BudgetKind,
    BudgetLine,
    BudgetValue,
    DocumentType,
    Goal,
    GoalLevel,
    Municipality,
    Period,
    PeriodKind,
    ValueGroup,
)
from planparse.municipalities import find_in_text
from planparse.reading.model import Document, Line, Table, is_bullet, join_lines
from planparse.text.fold import fold
from planparse.text.numbers import parse_date, parse_number

_PERIOD = re.compile(r"\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2,4}\b|\bför perioden\b", re.IGNORECASE)
_AMOUNT = re.compile(
    r"^(?P<name>.*?)[\s,]+(?P<amount>\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*"
    r"(?P<unit>mnkr|tkr|kr)\b(?P<rest>.*)$"
)
_DECISION = re.compile(
    r"^(?P<status>(?:Förslag till )?[Bb]eslut(?:at)?)\s+i\s+(?P<by>.+?)\s+den\s+"
    r"(?P<date>\d{1,2}\s+\w+\s+\d{4})\s*,?\s*(?P<par>§\s*\d+)?"
)
_ORGAN_LINE = re.compile(r"^(?P<organ>[A-ZÅÄÖ][\wåäöÅÄÖ -]+?)\s+i\s+(?P<kommun>.+)$")
_PRIORITY_LEAD = re.compile(r"prioriterade under \S+$")  # folded: "… särskilt prioriterade under 2018:"
_GROUPS = {"tot": ValueGroup.total, "k": ValueGroup.women, "m": ValueGroup.men}
_FOOTNOTE = re.compile(r"[\s*]+$")


@dataclass
class _Block:
    """A heading, paragraph, bullet or footnote line built from consecutive lines."""

    kind: str  # h1, h2, h3, h4, goal, bullet, para, small
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        text = join_lines([ln.text for ln in self.lines])
        if self.kind == "bullet":
            text = text[1:].strip() if is_bullet(text) else text
        return text

    @property
    def page(self) -> int:
        return self.lines[0].page


Item = _Block | Table


def _kind(line: Line, body: float) -> str:
    text = line.text
    if is_bullet(text):
        return "bullet"
    if line.size < body - 1.0:
        return "small"
    if line.bold and fold(text).startswith("mal ") and text.lstrip().startswith(("Mål:", "Mal:")):
        return "goal"
    if line.bold and line.size >= body * 1.45:
        return "h1"
    if line.bold and line.size >= body * 1.2:
        return "h2"
    if line.bold and line.italic and line.size > body + 0.25:
        return "h3"
    if line.bold and line.size > body + 0.25:
        return "h4"
    return "para"


def _blocks(doc: Document, body: float) -> list[Item]:
    """The body pages' flow as headings, paragraphs, bullets and tables."""
    out: list[Item] = []
    prev: Line | None = None
    for item in doc.flow():
        if isinstance(item, Table):
            if item.page > 1:
                out.append(item)
            prev = None
            continue
        line = item
        if line.page == 1:
            continue
        kind = _kind(line, body)
        last = out[-1] if out and isinstance(out[-1], _Block) else None
        if last is not None and prev is not None and _continues(last, kind, prev, line):
            last.lines.append(line)
        else:
            out.append(_Block(kind, [line]))
        prev = line
    return out


def _continues(block: _Block, kind: str, prev: Line, line: Line) -> bool:
    """Whether ``line`` wraps the block that ``prev`` ended."""
    same_page = prev.page == line.page
    gap = line.y0 - prev.bbox[3] if same_page else 0.0
    if block.kind in ("h1", "h2", "h3", "h4", "goal"):
        return (
            same_page
            and gap < 0.5 * line.size
            and line.bold == prev.bold
            and line.italic == prev.italic
            and abs(line.size - prev.size) < 0.3
            and kind != "bullet"
        )
    if block.kind == "bullet":
        return (
            kind == "para"
            and line.x0 > block.lines[0].x0 + 2
            and abs(line.size - prev.size) < 0.3
            and (not same_page or gap < 0.3 * line.size)
        )
    if block.kind == "para":
        return kind == "para" and (not same_page or gap < 0.25 * line.size)
    return False


SPEC = LayoutSpec(
    name="orebro_budget",
    levels={1: GoalLevel.focus_area, 2: GoalLevel.goal},
    labels={"grunduppdrag": "description", "prioriterad utveckling": "priority_development"},
)


@register
class OrebroBudgetParser(LayoutParser):
    name = "orebro_budget"
    version = "1"
    spec = SPEC
    description = "Plan med budget: unnumbered styled headings, Grunduppdrag / Prioriterad utveckling, Tot/K/M table."
    fingerprint = Fingerprint(
        required=(Signal(r"^prioriterad utveckling \w{4}$", 2.0, "'Prioriterad utveckling <år>' headings"),),
        signals=(
            Signal(r"^grunduppdrag(et)?$", 1.0, "'Grunduppdrag' labels"),
            Signal(r"^indikatorer tot k m utfall", 1.5, "indicator table 'Indikatorer | Tot K/M | Utfall …'"),
            Signal(r"^forslag till beslut i .+ den ", 1.0, "cover line 'Förslag till beslut i … den …'"),
            Signal(r"\w (mnkr|tkr)\b", 0.5, "amounts in mnkr/tkr"),
            Signal(r"^mal for \w", 0.5, "'Mål för …' headings"),
        ),
    )

    def parse(self, doc: Document, out: Builder) -> None:
        guess_facts(doc, out)
        self._cover(doc, out)
        body = body_size(doc)
        items = _blocks(doc, body)
        _Walker(out, items).run()

    # ------------------------------------------------------------------ cover page

    def _cover(self, doc: Document, out: Builder) -> None:
        out.document_type = DocumentType.plan_och_budget
        out.unit = None
        cover = doc.pages[0].lines if doc.pages else []
        texts = [ln.text for ln in cover]
        for t in doc.pages[0].tables if doc.pages else []:
            texts += [c.text for r in t.rows for c in r.cells]
        kommun = find_in_text("\n".join(texts))
        if kommun:
            out.municipality = Municipality(name=kommun.display_name, code=kommun.code)
        if cover:
            top = max(ln.size for ln in cover)
            title = join_lines([ln.text for ln in cover if ln.size >= top - 0.5])
            out.title = title.rstrip(" .")
            years = YEAR.findall(out.title)
            if years:
                out.year = int(years[-1])
        out.period = Period(kind=PeriodKind.year, number=None)
        for ln in cover:
            m = _DECISION.match(ln.text)
            if m:
                out.metadata.decided_by = m["by"]
                out.metadata.decided_on = parse_date(m["date"])
                if m["par"]:
                    out.metadata.extra["paragraph"] = re.sub(r"§\s*", "§ ", m["par"])
                out.metadata.extra["decision_status"] = m["status"]
                continue
            m2 = _ORGAN_LINE.match(ln.text)
            if m2 and find_in_text(m2["kommun"]) is not None and len(ln.text) < 80:
                out.organ = m2["organ"]
        if out.metadata.decided_by and not out.organ:
            out.organ = out.metadata.decided_by


class _Walker:
    """Walks the blocks with the section state the layout needs."""

    def __init__(self, out: Builder, items: list[Item]) -> None:
        self.out = out
        self.items = items
        self.h1: _Block | None = None
        self.h2: _Block | None = None
        self.goal: Goal | None = None  # the goal that prose, tables and activities attach to
        self.mode: str | None = None  # description, activities, priority_list, vision
        self.lead: list[str] = []  # lead-in paragraphs after "Prioriterad utveckling"
        self.after_table = False

    def run(self) -> None:
        for k, item in enumerate(self.items):
            if isinstance(item, Table):
                self._table(item)
                continue
            handler = getattr(self, f"_{item.kind}")
            handler(item, k)

    # ---------------------------------------------------------------- headings

    def _close(self) -> None:
        self.goal, self.mode, self.lead, self.after_table = None, None, [], False

    def _h1(self, b: _Block, k: int) -> None:
        self._close()
        self.h1, self.h2 = b, None
        self.mode = "vision" if "fardriktning" in fold(b.text) else None

    def _h2(self, b: _Block, k: int) -> None:
        vision = self.mode == "vision" and self.h2 is None
        self._close()
        self.h2 = b
        if vision and self.out.vision is None:
            self.out.vision = b.text
            self.mode = "vision_prose"
            return
        if fold(b.text).startswith("mal for "):
            self._new_goal(b, GoalLevel.goal, b.text)
            self.mode = "description"

    def _h3(self, b: _Block, k: int) -> None:
        self._close()
        if self._has_priority_section(k):
            self._new_goal(b, GoalLevel.focus_area, b.text)
            self.mode = "description"

    def _h4(self, b: _Block, k: int) -> None:
        label = vocabulary.match_label(YEAR.sub("", b.text).strip())
        value = label.value if label else None
        if value == "priority_development":
            if self.goal is None:
                self.out.warn("unplaced_section", f"'{b.text}' without a goal above it", b.page)
            self.mode, self.lead = "activities", []
            return
        if value == "basic_mission" and self.goal is not None:
            self.mode = "description"
            return
        # Any other sub-heading (forum names, the decision proposal) ends the goal's scope.
        self._close()

    def _goal(self, b: _Block, k: int) -> None:
        self._close()
        title = re.sub(r"^M[åa]l\s*:\s*", "", b.text)
        self._new_goal(b, GoalLevel.goal, title)
        self.mode = "goal"

    def _has_priority_section(self, k: int) -> bool:
        for item in self.items[k + 1 :]:
            if isinstance(item, Table):
                continue
            if item.kind in ("h1", "h2", "h3", "goal"):
                return False
            if item.kind == "h4":
                label = vocabulary.match_label(YEAR.sub("", item.text).strip())
                if label and label.value == "priority_development":
                    return True
        return False

    def _new_goal(self, b: _Block, level: GoalLevel, title: str) -> None:
        self.goal = Goal(uid="", level=level, title=title, provenance=provenance(*b.lines))
        self.out.goals.append(self.goal)

    # ---------------------------------------------------------------- content

    def _para(self, b: _Block, k: int) -> None:
        text = b.text
        if self.goal is not None and self.mode == "goal" and self.after_table:
            self.out.warn("unplaced_text", f"prose after the indicator table of '{self.goal.title}'", b.page)
            return
        if self.goal is not None and self.mode in ("description", "goal"):
            g = self.goal
            g.description = f"{g.description}\n{text}" if g.description else text
            return
        if self.goal is not None and self.mode == "activities":
            if self.goal.activities:
                self.out.warn("unplaced_text", f"prose after the activity list of '{self.goal.title}'", b.page)
                return
            g = self.goal
            g.description = f"{g.description}\n{text}" if g.description else text
            return
        if _PRIORITY_LEAD.search(fold(text)):
            self.mode = "priority_list"
            return
        if self.mode == "priority_list":
            self.mode = None

    def _bullet(self, b: _Block, k: int) -> None:
        text = b.text
        if self.mode == "activities" and self.goal is not None:
            self.goal.activities.append(Activity(uid="", title=text, provenance=provenance(*b.lines)))
            return
        if self.mode == "priority_list":
            self.out.goals.append(
                Goal(uid="", level=GoalLevel.focus_area, title=text, provenance=provenance(*b.lines))
            )
            return
        m = _AMOUNT.match(text)
        if m:
            self._budget(b, m)
            return
        if self.goal is not None and self.mode in ("description", "goal"):
            self.out.warn("unplaced_bullet", f"bullet in the description of '{self.goal.title}': {text[:60]}", b.page)

    def _small(self, b: _Block, k: int) -> None:
        if self.goal is not None and self.after_table:
            g = self.goal
            g.comment = f"{g.comment}\n{b.text}" if g.comment else b.text
            return
        self.out.warn("unplaced_text", f"small print not placed: {b.text[:60]}", b.page)

    def _budget(self, b: _Block, m: re.Match[str]) -> None:
        heading = self.h2 or self.h1
        label = heading.text if heading else ""
        name = m["name"].rstrip(" ,")
        years = YEAR.findall(label)
        year: int | None = int(years[-1]) if years else self.out.year
        if _PERIOD.search(name) or _PERIOD.search(m["rest"]):
            year = None
        self.out.budget.append(
            BudgetLine(
                uid="",
                name=name,
                values=[
                    BudgetValue(
                        label=label,
                        year=year,
                        kind=BudgetKind.budget,
                        amount=parse_number(m["amount"]),
                        unit=AmountUnit(m["unit"]),
                    )
                ],
                provenance=provenance(*b.lines),
            )
        )

    def _table(self, table: Table) -> None:
        if self.goal is None or classify_table(table) is not TableKind.indicators:
            self.out.warn("unplaced_table", "a table outside a goal, or not an indicator table", table.page)
            return
        self.goal.indicators.extend(indicators(table))
        self.after_table = True
