"""Ånge-style "Uppsiktsrapport till kommunstyrelsen": a unit's report to a KS committee.

Layout (see fixtures/README.md, "## ange_uppsikt"): a cover with title and unit, chapter 1
"Redovisning av arbete för de politiska målen" with numbered goal headings ``1.N <goal>``,
each followed by an activity table (``Verksamhetens aktiviteter | Startdatum | Slutdatum``;
per activity a title row, bold title over a regular description with the two dates, and a
full-width status row: icon, status label, comment or bullet list), prose sections without a
table, then chapter 2 "Kommunstyrelsens mål": bold sub-headings "Mål inom målområde <område>"
and "Verksamhetsmål för god ekonomisk hushållning", each over a bullet list of goals.

Image-only pages have no vector rules, so the reading layer finds no tables there: the activity
table is then read from the OCR'd lines by position (the header line's "Startdatum" and
"Slutdatum" words give the date columns).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from planparse import vocabulary
from planparse.layouts import register
from planparse.layouts.base import (
    Builder,
    Fingerprint,
    LayoutParser,
    Signal,
    body_size,
    is_heading,
    numbered,
    provenance,
)
from planparse.layouts.facts import guess_facts
from planparse.layouts.spec import LayoutSpec
from planparse.layouts.tables import header_labels
from planparse.model import (
    Activity,
    DocumentType,
    Goal,
    GoalLevel,
    Metadata,
    Municipality,
    Status,
    StatusValue,
)
from planparse.municipalities import find_in_text
from planparse.reading.model import Document, Line, Row, Span, Table, group_paragraphs, join_lines
from planparse.text.fold import fold
from planparse.text.numbers import parse_date

_AREA_PREFIX = "mal inom malomrade "
_ECONOMY_AREA = "verksamhetsmal for god ekonomisk hushallning"
# A leading token that is a bullet glyph, or what OCR makes of one.
_BULLET_TOKENS = frozenset("•«»*+-–·°●▪○◦oe©®@")
# Table rules that OCR reads as characters around words.
_RULE_CHARS = "|¦[]"
_YEAR_STATED = re.compile(r"\b(?:[Ff]ör|under)\s+((?:19|20)\d{2})\b(?!-)")


def _is_icon_token(token: str) -> bool:
    """A status icon as printed or as OCR reads it ("▶", "●", "9", "e", "®)")."""
    if len(token) > 2:
        return False
    if not any(ch.isalpha() for ch in token):
        return True
    return len(token) == 1 and token.lower() in "eoc"


def _status(text: str, ocr: bool) -> Status | None:
    """The status of a line that holds only a status label (an icon glyph before it allowed).
    For OCR'd lines ``raw`` is the vocabulary's spelling of the matched label."""
    words = text.split()
    candidates = []
    if len(words) > 1 and _is_icon_token(words[0]):
        candidates.append(" ".join(words[1:]))
    candidates.append(text.strip())
    for cand in candidates:
        m = vocabulary.match_status(cand)
        if m is not None and m.confidence >= 0.86:
            raw = m.matched if ocr else cand.lstrip("▶►●•@®©").strip()
            return Status(value=StatusValue(m.value), raw=raw, confidence=m.confidence)
    return None


def _bullet(text: str) -> str | None:
    """The text of a bullet-list line without its bullet, or None when it is not one."""
    words = text.split(None, 1)
    if len(words) == 2 and (words[0] in _BULLET_TOKENS or words[0] in ("•", "–")):
        return words[1].strip()
    return None


def _as_field(paras: list[str]) -> str | None:
    """Paragraphs of a cell as a contract text field: bullets as "- " lines, joined by "\\n"."""
    out = []
    for p in paras:
        b = _bullet(p)
        out.append(f"- {b}" if b is not None else p)
    text = "\n".join(p for p in out if p)
    return text or None


@dataclass
class _OcrTable:
    """An activity table read from OCR'd lines by the x positions of the date columns."""

    goal: Goal
    start_x: float
    end_x: float
    activity: Activity | None = None
    description: list[Line] = field(default_factory=list)
    comment: list[str] = field(default_factory=list)

    def columns(self, line: Line) -> tuple[str, str, str]:
        cols: list[list[str]] = [[], [], []]
        for s in line.spans:
            text = s.text.strip().strip(_RULE_CHARS).strip()
            if not text:
                continue
            x = s.bbox[0]
            col = 0 if x < self.start_x - 4 else 1 if x < self.end_x - 4 else 2
            cols[col].append(text)
        return " ".join(cols[0]), " ".join(cols[1]), " ".join(cols[2])

    def feed(self, line: Line, out: Builder) -> None:
        title, start, end = self.columns(line)
        d_start, d_end = parse_date(start), parse_date(end)
        if d_start or d_end:
            self.flush()
            self.activity = Activity(
                uid="", title=title, start_date=d_start, end_date=d_end, provenance=provenance(line)
            )
            self.goal.activities.append(self.activity)
            return
        act = self.activity
        if act is None:
            out.warn("unplaced_line", f"table line before any activity: {line.text!r}", line.page)
            return
        if act.status is None and not self.comment:
            st = _status(line.text, ocr=line.method != "native")
            if st is not None:
                act.status = st
                return
        text = " ".join(t for t in self.columns(line) if t)
        if act.status is None:
            self.description.append(line)
            return
        b = _bullet(text)
        if b is not None or not self.comment:
            self.comment.append(f"- {b}" if b is not None else text)
        else:
            self.comment[-1] = join_lines([self.comment[-1], text])

    def flush(self) -> None:
        act = self.activity
        if act is None:
            return
        if self.description:
            act.description = join_lines([ln.text.strip(_RULE_CHARS + " ") for ln in self.description])
        if self.comment:
            act.comment = "\n".join(self.comment)
        self.description, self.comment = [], []


def _ocr_header(line: Line) -> tuple[float, float] | None:
    """x positions of the start and end date columns when ``line`` is an activity table's
    header as OCR read it ("Verksamhetens aktiviteter Startdatum Slutdatum")."""
    if not fold(line.text).startswith("verksamhetens aktiviteter"):
        return None
    xs: dict[str, float] = {}
    for s in line.spans:
        m = vocabulary.match_label(s.text.strip())
        if m is not None and m.value in ("start_date", "end_date") and m.value not in xs:
            xs[m.value] = s.bbox[0]
    if "start_date" in xs and "end_date" in xs:
        return xs["start_date"], xs["end_date"]
    return None


def _title_x(line: Line, number: str) -> float | None:
    """x where a numbered heading's text starts (after the number), for its wrapped lines."""
    spans: list[Span] = line.spans
    if spans and spans[0].text.strip().rstrip(".") == number and len(spans) > 1:
        return spans[1].bbox[0]
    return None


SPEC = LayoutSpec(
    name="ange_uppsikt",
    levels={2: GoalLevel.goal, 3: GoalLevel.goal},
    min_depth=2,
    max_depth=2,
)


@register
class AngeUppsiktParser(LayoutParser):
    name = "ange_uppsikt"
    version = "1"
    spec = SPEC
    description = "Uppsiktsrapport till kommunstyrelsen (Ånge template): goals 1.N with activity tables, KS goal catalogue."
    fingerprint = Fingerprint(
        required=(
            Signal(
                r"verksamhetens aktiviteter\s+startdatum\s+slutdatum",
                3,
                "activity table header with start and end dates",
            ),
        ),
        signals=(
            Signal(r"^uppsiktsrapport till\b", 2, "title 'Uppsiktsrapport till …'"),
            Signal(r"^1 redovisning av arbete for de politiska\b", 2, "chapter 1 heading"),
            Signal(r"^\d{1,2} kommunstyrelsens mal$", 1, "chapter 'Kommunstyrelsens mål'"),
            Signal(r"^mal inom malomrade \w", 2, "sub-headings 'Mål inom målområde …'"),
            Signal(r"^verksamhetsmal for god ekonomisk hushallning$", 1, "economy goal heading"),
            Signal(r"^\d{1,2} \d{1,2} rapportering och uppfoljning$", 1, "section 'Rapportering och uppföljning'"),
            Signal(r"^\d{1,2} \d{1,2} avgransning$", 0.5, "section 'Avgränsning'"),
        ),
    )

    def parse(self, doc: Document, out: Builder) -> None:
        guess_facts(doc, out)
        self._facts(doc, out)
        _Walker(doc, out).run()
        if out.year is None:
            years = Counter(
                d.year
                for g in out.goals
                for a in g.activities
                for d in (a.start_date, a.end_date)
                if d is not None
            )
            out.year = years.most_common(1)[0][0] if years else None

    def _facts(self, doc: Document, out: Builder) -> None:
        """Municipality, title, unit, organ, type, year: what the cover and prose state."""
        noise = [ln for p in doc.pages for ln in p.noise]
        page1 = doc.pages[0].lines if doc.pages else []
        for lines in (noise, page1):
            kommun = find_in_text("\n".join(ln.text for ln in lines))
            if kommun:
                out.municipality = Municipality(name=kommun.display_name, code=kommun.code)
                break
        out.document_type = DocumentType.uppsiktsrapport
        out.period = None
        out.metadata = Metadata()
        out.vision = None

        title, unit = None, None
        k = next((i for i, ln in enumerate(page1) if fold(ln.text).startswith("uppsiktsrapport")), None)
        if k is not None:
            first = page1[k]
            j = k + 1
            while (
                j < len(page1)
                and abs(page1[j].size - first.size) <= 2
                and page1[j].bold == first.bold
                and numbered(page1[j].text) is None
            ):
                j += 1
            title = join_lines([ln.text for ln in page1[k:j]])
            if j < len(page1) and numbered(page1[j].text) is None:
                unit = page1[j].text.strip()
        running = next((ln.text for ln in noise if "uppsiktsrapport" in fold(ln.text)), None)
        if running is not None:
            m = re.search(r"(Uppsiktsrapport\b.*?)\s+[–-]\s+(.+)$", running)
            if m:
                title = title or m[1].strip()
                unit = unit or m[2].strip()
        if title:
            m = re.match(r"^(.*?)\s+[–-]\s+(.+)$", title)
            if m:  # "Uppsiktsrapport till kommunstyrelsen – <unit>" on one line
                title, unit = m[1], unit or m[2]
            out.title = title
            m2 = re.search(r"\btill\s+(\w+)$", title)
            if m2:
                out.organ = m2[1][:1].upper() + m2[1][1:]
        out.unit = unit
        out.year = None
        for block in doc.flow():
            if isinstance(block, Line):
                m3 = _YEAR_STATED.search(block.text)
                if m3:
                    out.year = int(m3[1])
                    break
        if k is None:
            out.warn("title_not_found", "no 'Uppsiktsrapport' title on page 1", 1)


class _Walker:
    """Walks the document flow once, building goals, activities and the goal catalogue."""

    def __init__(self, doc: Document, out: Builder) -> None:
        self.doc = doc
        self.out = out
        self.body = body_size(doc)
        self.pending: tuple[str, str, Line] | None = None  # a 1.N heading waiting for its table
        self.goal: Goal | None = None  # the last reported goal
        self.area: Goal | None = None  # the chapter-2 sub-heading whose bullets come next
        self.area_x = 0.0
        self.ocr_table: _OcrTable | None = None

    # ---------------------------------------------------------------- helpers

    def _heading(self, line: Line) -> tuple[str, str] | None:
        n = numbered(line.text)
        if n is None or not n[1][:1].isupper():
            return None
        if _status(line.text, ocr=True) is not None:  # "9 Avslutad enligt plan": an OCR'd icon
            return None
        if line.method == "native":
            return n if is_heading(line, self.body) else None
        # OCR: no bold flag and unreliable sizes; the number pattern must be a heading's
        return n if re.fullmatch(r"\d(?:\.\d{1,2})?", n[0]) else None

    def _goal_from_pending(self) -> Goal | None:
        if self.pending is None:
            return None
        number, title, line = self.pending
        self.pending = None
        goal = Goal(uid="", number=number, level=GoalLevel.goal, title=title, provenance=provenance(line))
        self.out.goals.append(goal)
        self.goal = goal
        return goal

    def _end_ocr_table(self) -> None:
        if self.ocr_table is not None:
            self.ocr_table.flush()
            self.ocr_table = None

    # ---------------------------------------------------------------- walk

    def run(self) -> None:
        blocks = self.doc.flow()
        i = 0
        while i < len(blocks):
            block = blocks[i]
            i += 1
            if isinstance(block, Table):
                self._end_ocr_table()
                self._table(block)
                continue
            line = block
            heading = self._heading(line)
            if heading is not None:
                self._end_ocr_table()
                self.area = None
                number, title = heading
                tx = _title_x(line, number)
                prev = line
                while tx is not None and i < len(blocks) and isinstance(blocks[i], Line):
                    nxt = blocks[i]
                    assert isinstance(nxt, Line)
                    gap = nxt.y0 - prev.bbox[3]
                    if nxt.page != prev.page or abs(nxt.x0 - tx) > 6 or gap > 1.2 * max(nxt.size, 1):
                        break
                    title = join_lines([title, nxt.text])
                    prev = nxt
                    i += 1
                self.pending = (number, title, line) if "." in number else None
                continue
            if self._area_heading(line):
                continue
            cols = _ocr_header(line) if line.method != "native" else None
            if cols is not None:
                self._start_ocr_table(line, cols)
                continue
            if self.ocr_table is not None:
                self.ocr_table.feed(line, self.out)
                continue
            if self.area is not None and self._area_line(line):
                continue
            # prose: a 1.N heading followed by prose is a prose section, not a goal
            self.pending = None
        self._end_ocr_table()

    def _table(self, table: Table) -> None:
        labels = header_labels(table)
        if "activities" not in labels:
            self.out.warn(
                "table_unplaced",
                f"table with header {table.header!r} is not an activity table; not extracted",
                table.page,
            )
            return
        goal = self._goal_from_pending() or self.goal
        if goal is None:
            self.out.warn("table_unplaced", "activity table before any goal heading", table.page)
            return
        start_col = labels.index("start_date") if "start_date" in labels else None
        end_col = labels.index("end_date") if "end_date" in labels else None
        title_col = labels.index("activities")
        act: Activity | None = None
        for row in table.body:
            if row.full_width:
                if act is None:
                    self.out.warn("unplaced_row", f"status row before any activity: {row.texts[0]!r}", row.page)
                    continue
                self._status_row(act, row)
                continue
            cell = next((c for c in row.cells if c.col == title_col), None)
            if cell is None or not cell.text:
                self.out.warn("unplaced_row", f"row without activity title: {row.texts!r}", row.page)
                continue
            bold = [ln for ln in cell.lines if ln.bold]
            k = len(cell.lines)
            if bold and cell.lines[0].bold:
                k = next((j for j, ln in enumerate(cell.lines) if not ln.bold), len(cell.lines))
            title = join_lines([ln.text for ln in cell.lines[:k]])
            description = _as_field(group_paragraphs(cell.lines[k:]))
            act = Activity(
                uid="",
                title=title,
                description=description,
                start_date=parse_date(row.cell_text(start_col)) if start_col is not None else None,
                end_date=parse_date(row.cell_text(end_col)) if end_col is not None else None,
                provenance=provenance(row),
            )
            goal.activities.append(act)
        for a in goal.activities:
            if a.status is None:
                self.out.warn("status_missing", f"activity {a.title!r} has no status row", a.provenance.page)

    def _status_row(self, act: Activity, row: Row) -> None:
        lines = row.cells[0].lines if row.cells else []
        if not lines:
            return
        rest = lines
        if act.status is None:
            st = _status(lines[0].text, ocr=lines[0].method != "native")
            if st is not None:
                act.status = st
                rest = lines[1:]
            else:
                self.out.warn(
                    "status_unrecognised",
                    f"no status label in the status row of {act.title!r}: {lines[0].text!r}",
                    row.page,
                )
        text = _as_field(group_paragraphs(rest))
        if text:
            act.comment = text if act.comment is None else f"{act.comment}\n{text}"

    def _start_ocr_table(self, line: Line, cols: tuple[float, float]) -> None:
        if self.ocr_table is not None and self.pending is None:
            # the header repeated after a page break: the same table continues
            self.ocr_table.start_x, self.ocr_table.end_x = cols
            return
        self._end_ocr_table()
        goal = self._goal_from_pending() or self.goal
        if goal is None:
            self.out.warn("table_unplaced", "activity table before any goal heading", line.page)
            return
        self.ocr_table = _OcrTable(goal=goal, start_x=cols[0], end_x=cols[1])

    def _area_heading(self, line: Line) -> bool:
        folded = fold(line.text)
        if folded.startswith(_AREA_PREFIX):
            title = line.text.split(None, 3)[3].strip() if len(line.text.split()) > 3 else ""
        elif folded == _ECONOMY_AREA:
            title = line.text.strip().rstrip(":")
        else:
            return False
        if line.method == "native" and not is_heading(line, self.body):
            return False
        self._end_ocr_table()
        self.pending = None
        self.area = Goal(uid="", level=GoalLevel.goal_area, title=title, provenance=provenance(line))
        self.area_x = line.x0
        self.out.goals.append(self.area)
        return True

    def _area_line(self, line: Line) -> bool:
        """A bullet of the current goal area (or its wrapped continuation)."""
        assert self.area is not None
        text = line.text.strip()
        b = _bullet(text)
        children = self.area.children
        if b is not None:
            children.append(Goal(uid="", level=GoalLevel.goal, title=b, provenance=provenance(line)))
            return True
        if line.x0 > self.area_x + 8 and children:
            last = children[-1]
            if text[:1].isupper() and last.title.endswith((".", "!", "?")):
                # OCR lost the bullet: a new goal
                children.append(Goal(uid="", level=GoalLevel.goal, title=text, provenance=provenance(line)))
            else:
                last.title = join_lines([last.title, text])
            return True
        self.area = None
        return False
