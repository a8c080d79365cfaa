"""Ånge-style "Målavstämning, tertial N YYYY": a tertial follow-up of the KF goals, the KS
sub-goals under them and the activities of the KS verksamhetsplan.

Layout (see fixtures/README.md, "## ange_tertial"): a running header "Målavstämning, tertial N
YYYY" / "<organ>", numbered chapters; in the "Redovisning av …" chapters KF goals ``3.N`` and KS
sub-goals ``3.N.M``, each with a "Bedömning" label and its value on the next line, an optional
"Kommentar" block, then an activity table ``Verksamhetens aktiviteter | Status | Slutdatum``
(title row, then full-width description and "Kommentar" rows). Chapter 4 goals add a measure
table ``Mått | Mål | Utfall`` and an italic note under it.

Pages without vector rules (an image with an OCR text layer) have no tables in the page model:
there the tables are read from positioned lines. A header row ("Verksamhetens aktiviteter",
"Status", "Slutdatum" on one baseline) gives the column positions; a row with a date or status
in its columns starts an activity, lines close under it continue its cells, and what follows
is the full-width description or "Kommentar" row.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
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
    is_heading,
    numbered,
    provenance,
)
from planparse.layouts.facts import guess_facts
from planparse.layouts.spec import LayoutSpec
from planparse.layouts.tables import header_labels, indicator_rows, value_kind
from planparse.model import (
    Activity,
    Assessment,
    AssessmentValue,
    Direction,
    DocumentType,
    Goal,
    GoalLevel,
    Indicator,
    IndicatorValue,
    Metadata,
    Municipality,
    Period,
    PeriodKind,
    Status,
    StatusValue,
)
from planparse.municipalities import find_in_text
from planparse.reading.model import Document, Line, Row, Span, Table, join_lines
from planparse.text.fold import fold
from planparse.text.numbers import parse_date, parse_number

# Characters that stand for a table rule or a status icon when OCR reads them as text.
_RULE_TOKENS = frozenset({"|", "||", "¦", "[", "]", "l"})
_ICON_TOKENS = frozenset({"@", "®", "©", "e", "o", "c", "●", "•", "®)", "©)", "@)", "e)"})
_QUOTES = "\"'“”„’‘«»*`´"
_GOAL_CHAPTER = re.compile(r"^redovisning\b")


def _label(text: str) -> str | None:
    """The canonical label of a line that holds only a label ("Bedömning", "Kommentar")."""
    t = text.strip().rstrip(":").strip()
    if not t or len(t.split()) > 3:
        return None
    m = vocabulary.match_label(t)
    return m.value if m is not None else None


def _status(text: str, ocr: bool) -> Status | None:
    """A status cell's label ("@ Pågående enligt plan" → in_progress); ``raw`` without the icon,
    for an OCR'd cell the vocabulary's spelling of the matched label."""
    cleaned = _strip_icon(text)
    if not cleaned:
        return None
    m = vocabulary.match_status(cleaned)
    if m is None:
        return None
    return Status(value=StatusValue(m.value), raw=m.matched if ocr else cleaned, confidence=m.confidence)


def _assessment(text: str, ocr: bool) -> Assessment | None:
    cleaned = _strip_icon(text)
    m = vocabulary.match_assessment(cleaned) if cleaned else None
    if m is None:
        return None
    return Assessment(
        value=AssessmentValue(m.value), raw=m.matched if ocr else cleaned, confidence=m.confidence
    )


def _strip_icon(text: str) -> str:
    words = [w for w in text.split() if w not in _RULE_TOKENS]
    while words and (words[0] in _ICON_TOKENS or not any(ch.isalnum() for ch in words[0])):
        words = words[1:]
    return " ".join(words)


def _clean_words(text: str) -> str:
    """A cell or row text without stray rule characters."""
    return " ".join(w for w in text.split() if w not in ("|", "||", "¦"))


def _paragraphs(lines: list[Line]) -> list[str]:
    """Paragraphs of a block of lines; a page break never starts one (one text split over two
    pages). Native lines: a line step clearly above the usual leading (1.6 × the font size)
    starts a paragraph.
    OCR'd lines, whose boxes hug the ink: a gap clearly wider than the usual one does."""
    if not lines:
        return []
    height = statistics.median(ln.bbox[3] - ln.bbox[1] for ln in lines)
    paras: list[list[Line]] = [[lines[0]]]
    for prev, ln in zip(lines, lines[1:], strict=False):
        if ln.page != prev.page:
            new = False
        elif ln.method == "native":
            new = ln.y0 - prev.y0 > 1.6 * max(ln.size, prev.size)
        else:
            new = ln.y0 - prev.bbox[3] > 0.62 * height
        if new:
            paras.append([ln])
        else:
            paras[-1].append(ln)
    return [join_lines([_clean_words(ln.text) for ln in p]) for p in paras]


def _text(lines: list[Line]) -> str | None:
    text = "\n".join(p for p in _paragraphs(lines) if p)
    return text or None


# ----------------------------------------------------------------------------- positioned tables


@dataclass
class _Column:
    label: str | None
    x0: float
    x1: float
    text: str


def _visual_rows(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped by baseline (pieces of one visual row that the reading layer kept apart)."""
    rows: list[list[Line]] = []
    for ln in lines:
        yc = (ln.bbox[1] + ln.bbox[3]) / 2
        if rows:
            ref = rows[-1][0]
            ryc = (ref.bbox[1] + ref.bbox[3]) / 2
            if ln.page == ref.page and abs(yc - ryc) <= max(3.0, 0.3 * min(ln.size, ref.size)):
                rows[-1].append(ln)
                continue
        rows.append([ln])
    for r in rows:
        r.sort(key=lambda ln: ln.x0)
    return rows


def _row_spans(row: list[Line]) -> list[Span]:
    return sorted((s for ln in row for s in ln.spans if s.text.strip()), key=lambda s: s.bbox[0])


def _row_text(row: list[Line]) -> str:
    return " ".join(ln.text for ln in row).strip()


def _header_columns(row: list[Line]) -> list[_Column] | None:
    """Columns of a table header row read from positioned text: each span (or run of spans)
    whose text is a label starts a column. None unless at least two labels are found."""
    spans = [s for s in _row_spans(row) if s.text.strip() not in _RULE_TOKENS]
    cols: list[_Column] = []
    k = 0
    while k < len(spans):
        hit = None
        for n in (3, 2, 1):  # the longest label first ("Verksamhetens aktiviteter")
            group = spans[k : k + n]
            if len(group) < n:
                continue
            if n > 1 and any(b.bbox[0] - a.bbox[2] > 12 for a, b in zip(group, group[1:], strict=False)):
                continue
            m = vocabulary.match_label(" ".join(s.text.strip() for s in group))
            if m is not None:
                hit = (n, m.value)
                break
        if hit is None:
            if cols:
                return None  # a header holds labels only
            k += 1
            continue
        n, value = hit
        group = spans[k : k + n]
        cols.append(
            _Column(value, group[0].bbox[0], group[-1].bbox[2], " ".join(s.text.strip() for s in group))
        )
        k += n
    if len(cols) < 2 or spans and spans[0].bbox[0] < cols[0].x0 - 1:
        return None
    return cols


def _split_columns(row: list[Line], cols: list[_Column]) -> list[list[Span]]:
    """The row's spans by column: a span lies in the column whose header it overlaps most
    (numbers right-aligned under their header), otherwise in the last column that starts left
    of it."""
    out: list[list[Span]] = [[] for _ in cols]
    for s in _row_spans(row):
        if s.text.strip() in _RULE_TOKENS:
            continue
        overlaps = [min(s.bbox[2], c.x1) - max(s.bbox[0], c.x0) for c in cols]
        best = max(range(len(cols)), key=lambda i: overlaps[i])
        if overlaps[best] <= 0:
            best = max((i for i, c in enumerate(cols) if c.x0 - 4 <= s.bbox[0]), default=0)
        out[best].append(s)
    return out


def _spans_text(spans: list[Span]) -> str:
    return " ".join(s.text.strip() for s in spans).strip()


@dataclass
class _PosTable:
    """A table being read from positioned lines (no vector rules on the page)."""

    kind: str  # "activities" | "measures"
    cols: list[_Column]
    goal: Goal
    left: float
    last: Line | None = None
    activity: Activity | None = None
    title_open: bool = False
    title: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    status_ocr: bool = False
    section: str = "title"  # what free lines continue: "title", "description", "comment"
    description: list[Line] = field(default_factory=list)
    comment: list[Line] = field(default_factory=list)

    def col(self, label: str) -> int | None:
        return next((i for i, c in enumerate(self.cols) if c.label == label), None)

    def contains(self, row: list[Line]) -> bool:
        return min(ln.x0 for ln in row) >= self.left - 2.5

    def feed(self, row: list[Line], out: Builder) -> None:
        if self.kind == "measures":
            self._measure_row(row)
        else:
            self._activity_row(row, out)
        self.last = max(row, key=lambda ln: ln.y0)

    def _close(self, row: list[Line]) -> bool:
        """Whether ``row`` continues the cell lines above it (no row rule between them)."""
        last = self.last
        if last is None or last.page != row[0].page:
            return False
        top = min(row, key=lambda ln: ln.y0)
        if top.method == "native":
            return top.y0 - last.y0 <= 1.6 * max(top.size, last.size)
        height = max(ln.bbox[3] - ln.bbox[1] for ln in row)
        return top.y0 - last.bbox[3] <= 0.7 * height

    def _activity_row(self, row: list[Line], out: Builder) -> None:
        cells = _split_columns(row, self.cols)
        title_c, status_c, end_c = self.col("activities"), self.col("status"), self.col("end_date")
        texts = [_spans_text(c) for c in cells]
        end = parse_date(texts[end_c]) if end_c is not None else None
        status_text = texts[status_c] if status_c is not None else ""
        starts = end is not None or (
            status_c is not None
            and _status(status_text, True) is not None
            and title_c is not None
            and bool(texts[title_c])
        )
        if starts:
            self.flush()
            first = min(row, key=lambda ln: ln.x0)
            self.activity = Activity(uid="", title="", end_date=end, provenance=provenance(first))
            self.goal.activities.append(self.activity)
            self.title = [texts[title_c]] if title_c is not None and texts[title_c] else []
            self.status = [status_text] if status_text else []
            self.status_ocr = any(ln.method != "native" for ln in row)
            self.title_open, self.section = True, "title"
            return
        if self.activity is None:
            out.warn("unplaced_line", f"table line before any activity: {_row_text(row)!r}", row[0].page)
            return
        if self.title_open and self._close(row):
            if title_c is not None and texts[title_c]:
                self.title.append(texts[title_c])
            if status_text:
                self.status.append(status_text)
            return
        self.title_open = False
        text = _row_text(row)
        if _label(text) == "comment":
            self.section = "comment"
            return
        lead = row[0].spans[0].text if row[0].spans else ""
        if len(row[0].spans) > 1 and _label(lead) == "comment" and self.section != "comment":
            self.section = "comment"
            rest = Line(spans=row[0].spans[1:], page=row[0].page, method=row[0].method)
            if rest.spans:
                self.comment.append(rest)
            return
        if self.section == "title":
            self.section = "description"
        (self.comment if self.section == "comment" else self.description).extend(row)

    def _measure_row(self, row: list[Line]) -> None:
        cells = _split_columns(row, self.cols)
        texts = [_spans_text(c) for c in cells]
        name_c = self.col("indicator")
        if name_c is None:
            name_c = self.col("measure") or 0
        name = texts[name_c]
        if not name:
            return
        ind = Indicator(uid="", name=name.rstrip("* ").strip(), provenance=provenance(row[0]))
        for i, col in enumerate(self.cols):
            if i == name_c or not texts[i]:
                continue
            kind, year = value_kind(col.text)
            ind.values.append(
                IndicatorValue(label=col.text, kind=kind, year=year, raw=texts[i], value=parse_number(texts[i]))
            )
            d = vocabulary.match_direction(texts[i])
            if d is not None and ind.direction is None:
                ind.direction = Direction(d.value)
        self.goal.indicators.append(ind)

    def flush(self) -> None:
        act = self.activity
        if act is None:
            return
        act.title = join_lines(self.title)
        if self.status:
            act.status = _status(join_lines(self.status), self.status_ocr)
        act.description = _text(self.description)
        act.comment = _text(self.comment)
        self.activity = None
        self.title, self.status, self.description, self.comment = [], [], [], []


# ----------------------------------------------------------------------------- the parser


SPEC = LayoutSpec(
    name="ange_tertial",
    facts=lambda doc, out: AngeTertialParser()._facts(doc, out),
    levels={2: GoalLevel.goal, 3: GoalLevel.sub_goal},
    min_depth=2,
    max_depth=3,
)


@register
class AngeTertialParser(LayoutParser):
    name = "ange_tertial"
    version = "1"
    spec = SPEC
    description = (
        "Målavstämning per tertial (Ånge template): KF goals 3.N with KS sub-goals 3.N.M, "
        "Bedömning, activity tables Verksamhetens aktiviteter | Status | Slutdatum, measure table."
    )
    fingerprint = Fingerprint(
        required=(
            Signal(
                r"verksamhetens aktiviteter\s+status\s+slutdatum",
                3,
                "activity table header with status and end date",
            ),
        ),
        signals=(
            Signal(r"^bedomning$", 2, "label 'Bedömning' on its own line"),
            Signal(
                r"^(?:delvis |knappt |ej )?uppfy[li]{2}t$|^saknas$",
                1,
                "assessment value on its own line",
            ),
            Signal(r"^kommentar$", 1, "label 'Kommentar' on its own line"),
            Signal(r"^\d{1,2} \d{1,2} \d{1,2} \w", 1, "sub-goal headings N.N.N"),
            Signal(r"^\d{1,2} redovisning av\b", 1, "chapter 'Redovisning av …'"),
            Signal(r"^matt\s+mal\s+utfall$", 1, "measure table header Mått | Mål | Utfall"),
        ),
    )

    def parse(self, doc: Document, out: Builder) -> None:
        from planparse.layouts.engine import walk
        walk(doc, out, SPEC)

    def _facts(self, doc: Document, out: Builder) -> None:
        """Title, organ, year and period from the running header; municipality from the text;
        the vision from the quoted statement."""
        out.document_type = DocumentType.tertialrapport
        out.unit = None
        out.metadata = Metadata()
        header = _running_header(doc)
        if header:
            out.title = header[0]
            if len(header) > 1:
                out.organ = header[1]
            years = YEAR.findall(header[0])
            if years:
                out.year = int(years[-1])
            m = re.search(r"\btertial\s*(\d)", fold(header[0]))
            if m:
                out.period = Period(kind=PeriodKind.tertial, number=int(m[1]))
        else:
            out.warn("title_not_found", "no running header with the report title")
        kommun = _municipality(doc)
        if kommun is not None:
            out.municipality = kommun
        out.vision = _vision(doc)


def _municipality(doc: Document) -> Municipality | None:
    """The municipality the body text names most often ("Ånge kommun"), first mention on ties."""
    counts: Counter[str] = Counter()
    found: dict[str, Municipality] = {}
    for line in doc.text().splitlines():
        kommun = find_in_text(line)
        if kommun is not None:
            counts[kommun.code] += 1
            found.setdefault(kommun.code, Municipality(name=kommun.display_name, code=kommun.code))
    return found[counts.most_common(1)[0][0]] if counts else None


def _running_header(doc: Document) -> list[str]:
    """The running header's lines, top to bottom (page numbers left out), from the first page
    that has one."""
    for page in doc.pages:
        top = sorted(
            (ln for ln in page.noise if ln.bbox[3] < 0.15 * page.height and re.search(r"[^\W\d_]", ln.text)),
            key=lambda ln: ln.y0,
        )
        if top:
            return [ln.text.strip() for ln in top]
    return []


def _vision(doc: Document) -> str | None:
    """The vision: a quoted statement set larger than body text, before the first goal."""
    body = body_size(doc)
    lines = [b for b in doc.flow() if isinstance(b, Line)]
    for k, ln in enumerate(lines):
        n = numbered(ln.text)
        if n is not None and "." not in n[0] and _GOAL_CHAPTER.search(fold(n[1])):
            break  # the goals start: no vision after this
        text = ln.text.strip()
        if not text or text[0] not in _QUOTES or ln.size < body * 1.2:
            continue
        parts = [text]
        j = k
        while not parts[-1].rstrip().endswith(tuple(_QUOTES)) and j + 1 < len(lines) and j - k < 8:
            j += 1
            parts.append(lines[j].text.strip())
        if parts[-1].rstrip().endswith(tuple(_QUOTES)):
            return join_lines(parts).strip(_QUOTES + " ") or None
    return None


class _Walker:
    """Walks the document flow once: chapters, goals, their blocks and tables."""

    def __init__(self, doc: Document, out: Builder) -> None:
        self.doc = doc
        self.out = out
        self.body = body_size(doc)
        self.in_goals = False  # inside a "Redovisning av …" chapter
        self.goal: Goal | None = None  # the goal or sub-goal whose blocks come next
        self.kf_goal: Goal | None = None
        self.block: str | None = None  # "assessment" | "comment" | "note"
        self.block_lines: list[Line] = []
        self.pos_table: _PosTable | None = None
        self.margin = self._margin()

    def _margin(self) -> float:
        xs = [round(ln.x0) for p in self.doc.pages for ln in p.lines if len(ln.text) > 40]
        return statistics.median(xs) if xs else 0.0

    # ---------------------------------------------------------------- helpers

    def _heading(self, line: Line) -> tuple[str, str] | None:
        n = numbered(line.text)
        if n is None or not n[1][:1].isupper():
            return None
        if line.method == "native":
            return n if is_heading(line, self.body) else None
        # OCR: no bold flag and unreliable sizes; a heading starts at the margin
        if line.x0 > self.margin + 3 or _status(n[1], True) is not None:
            return None
        return n

    def _title_x(self, line: Line, number: str) -> float | None:
        spans = [s for s in line.spans if s.text.strip()]
        if len(spans) > 1 and spans[0].text.strip().rstrip(".") == number:
            return spans[1].bbox[0]
        return None

    def _end_block(self) -> None:
        block, lines, goal = self.block, self.block_lines, self.goal
        self.block, self.block_lines = None, []
        if goal is None or not lines:
            return
        if block == "comment":
            text = _text(lines)
            goal.comment = text if goal.comment is None else f"{goal.comment}\n{text}"
        elif block == "note":
            text = _text(lines)
            goal.description = text if goal.description is None else f"{goal.description}\n{text}"

    def _end_pos_table(self) -> None:
        t = self.pos_table
        if t is not None:
            t.flush()
            self.pos_table = None
            if t.kind == "measures":
                self.block, self.block_lines = "note", []

    # ---------------------------------------------------------------- walk

    def run(self) -> None:
        blocks = self.doc.flow()
        items: list[Table | list[Line]] = []
        pending: list[Line] = []
        for b in blocks:
            if isinstance(b, Table):
                items.extend(_visual_rows(pending))
                pending = []
                items.append(b)
            else:
                pending.append(b)
        items.extend(_visual_rows(pending))

        i = 0
        while i < len(items):
            item = items[i]
            i += 1
            if isinstance(item, Table):
                self._end_pos_table()
                self._end_block()
                self._table(item)
                continue
            row = item
            first = row[0]
            heading = self._heading(first) if len(row) == 1 or first.x0 <= self.margin + 3 else None
            if heading is not None and (
                self.pos_table is None or not self.pos_table.contains(row) or first.method == "native"
            ):
                self._end_pos_table()
                self._end_block()
                number, title = heading
                tx = self._title_x(first, number)
                prev = first
                while tx is not None and i < len(items) and not isinstance(items[i], Table):
                    nxt_row = items[i]
                    assert isinstance(nxt_row, list)
                    nxt = nxt_row[0]
                    gap = nxt.y0 - prev.bbox[3]
                    if (
                        len(nxt_row) > 1
                        or nxt.page != prev.page
                        or abs(nxt.x0 - tx) > 6
                        or gap > 0.9 * max(nxt.bbox[3] - nxt.bbox[1], 1)
                        or (nxt.method == "native" and (nxt.bold != first.bold or abs(nxt.size - first.size) > 0.6))
                    ):
                        break
                    title = join_lines([title, nxt.text])
                    prev = nxt
                    i += 1
                self._heading_found(number, title, first)
                continue
            if not self.in_goals:
                continue
            cols = _header_columns(row)
            if cols is not None:
                self._pos_header(row, cols)
                continue
            if self.pos_table is not None:
                if self.pos_table.contains(row):
                    self.pos_table.feed(row, self.out)
                    continue
                self._end_pos_table()
            self._line(row)
        self._end_pos_table()
        self._end_block()

    def _heading_found(self, number: str, title: str, line: Line) -> None:
        depth = number.count(".")
        if depth == 0:
            self.in_goals = _GOAL_CHAPTER.search(fold(title)) is not None
            self.goal = self.kf_goal = None
            return
        if not self.in_goals:
            return
        goal = Goal(uid="", number=number, level=GoalLevel.goal, title=title, provenance=provenance(line))
        if depth == 1:
            self.out.goals.append(goal)
            self.kf_goal = goal
        else:
            goal.level = GoalLevel.sub_goal
            parent = self.kf_goal
            if parent is None or not number.startswith(f"{parent.number}."):
                self.out.warn("orphan_sub_goal", f"sub-goal {number} without its goal heading", line.page)
                self.out.goals.append(goal)
            else:
                parent.children.append(goal)
        self.goal = goal

    def _line(self, row: list[Line]) -> None:
        """A line outside tables inside a goal chapter: labels, their values, comment prose."""
        text = _row_text(row)
        label = _label(text)
        if label == "assessment":
            self._end_block()
            self.block = "assessment"
            return
        if label == "comment":
            self._end_block()
            self.block = "comment"
            return
        if self.goal is None:
            return  # the chapter's introduction
        if self.block == "assessment":
            ocr = any(ln.method != "native" for ln in row)
            a = _assessment(text, ocr)
            if a is None:
                self.out.warn("assessment_unrecognised", f"no assessment in {text!r}", row[0].page)
            elif self.goal.assessment is None:
                self.goal.assessment = a
            self.block = None
            return
        if self.block in ("comment", "note"):
            self.block_lines.extend(row)
            return
        self.out.warn("unplaced_line", f"line under goal {self.goal.number} not placed: {text!r}", row[0].page)

    def _pos_header(self, row: list[Line], cols: list[_Column]) -> None:
        labels = {c.label for c in cols}
        kind = "activities" if "activities" in labels else "measures" if labels & {"measure", "indicator"} else None
        if kind is None:
            self.out.warn("table_unplaced", f"table header {_row_text(row)!r} not understood", row[0].page)
            return
        t = self.pos_table
        if t is not None and t.kind == kind:
            t.cols = cols  # the header repeated after a page break: the table continues
            t.last = row[-1]
            return
        self._end_pos_table()
        self._end_block()
        if self.goal is None:
            self.out.warn("table_unplaced", "table before any goal heading", row[0].page)
            return
        self.pos_table = _PosTable(kind=kind, cols=cols, goal=self.goal, left=cols[0].x0, last=row[-1])

    # ---------------------------------------------------------------- vector tables

    def _table(self, table: Table) -> None:
        labels = header_labels(table)
        if not self.in_goals or self.goal is None:
            if "activities" in labels or "measure" in labels:
                self.out.warn("table_unplaced", f"table {table.header!r} outside any goal", table.page)
            return
        if "activities" in labels:
            self._activity_table(table, labels)
        elif "measure" in labels or "indicator" in labels:
            self.goal.indicators.extend(indicator_rows(table))
            self.block, self.block_lines = "note", []
        else:
            self.out.warn("table_unplaced", f"table with header {table.header!r} not extracted", table.page)

    def _activity_table(self, table: Table, labels: list[str | None]) -> None:
        assert self.goal is not None
        title_c = labels.index("activities")
        status_c = labels.index("status") if "status" in labels else None
        end_c = labels.index("end_date") if "end_date" in labels else None
        act: Activity | None = None
        section = "description"
        prev: Row | None = None
        for row in table.body:
            if row.full_width:
                lines = [ln for c in row.cells for ln in c.lines]
                if act is None:
                    self.out.warn("unplaced_row", f"row before any activity: {row.texts!r}", row.page)
                    continue
                continued = prev is not None and prev.page != row.page
                if lines and _label(lines[0].text) == "comment" or (
                    lines and fold(lines[0].text).startswith("kommentar ") and lines[0].spans[0].bold
                ):
                    if _label(lines[0].text) == "comment":
                        lines = lines[1:]
                    else:
                        lines = [Line(spans=lines[0].spans[1:], page=lines[0].page, method=lines[0].method)] + lines[1:]
                    section = "comment"
                    text = _text(lines)
                    if text:
                        act.comment = text if act.comment is None else f"{act.comment}\n{text}"
                elif continued and (act.comment if section == "comment" else act.description) is not None:
                    text = _text(lines)
                    if text and section == "comment":
                        act.comment = join_lines([act.comment or "", text])
                    elif text:
                        act.description = join_lines([act.description or "", text])
                else:
                    text = _text(lines)
                    if act.description is None and section == "description":
                        act.description = text
                    else:
                        self.out.warn("unplaced_row", f"extra row under {act.title!r}: {text!r}", row.page)
                prev = row
                continue
            title = row.cell_text(title_c)
            if not title:
                self.out.warn("unplaced_row", f"row without activity title: {row.texts!r}", row.page)
                continue
            status_text = row.cell_text(status_c) if status_c is not None else ""
            ocr = any(ln.method != "native" for c in row.cells for ln in c.lines)
            act = Activity(
                uid="",
                title=join_lines([ln.text for c in row.cells if c.col == title_c for ln in c.lines]),
                status=_status(status_text, ocr) if status_text else None,
                end_date=parse_date(row.cell_text(end_c)) if end_c is not None else None,
                provenance=provenance(row),
            )
            if status_text and act.status is None:
                self.out.warn("status_unrecognised", f"status {status_text!r} not recognised", row.page)
            self.goal.activities.append(act)
            section = "description"
            prev = row
