"""Robertsfors-style "Kommunstyrelsens verksamhetsplan <år>" (a Word template).

Layout (see fixtures/README.md, "## robertsfors"): a cover with a document-information grid
(label row / value row twice: Dokumentnamn | Dokumenttyp | Fastställt | Senast reviderad |
Giltighetstid, Dokumentansvarig | Beslutsinstans | Diarienummer | Version | Dokumentet gäller
för), numbered prose chapters ("1.0", "1.1", "2.0" with "<Kommun>s vision är:" and
"<Kommun>s värdegrund är:" display lines), then goal areas "3.N <CAPITALS>" with a
"Strategi mål:" paragraph, prose, "Anknyter till FN:s globala mål …" (icons), and
"Uppdrag 3.N.M" sections: the assignment text, the labelled blocks Processägare, Parter,
Genomförande, Uppföljning (bold label on its own line, value below, any order, any missing)
and an indicator table ``Indikator | <år-1> | Källa | Mått | Utfall <år>``.
"""

from __future__ import annotations

import re
from collections import Counter

from planparse import vocabulary
from planparse.layouts import register
from planparse.layouts.base import (
    YEAR,
    Builder,
    Fingerprint,
    LayoutParser,
    Signal,
    body_size,
    numbered,
    provenance,
)
from planparse.layouts.facts import guess_facts
from planparse.layouts.spec import LayoutSpec
from planparse.layouts.tables import TableKind, classify_table, indicator_rows
from planparse.model import (
    Activity,
    Direction,
    DocumentType,
    Goal,
    GoalLevel,
    Metadata,
    Municipality,
    Period,
    PeriodKind,
)
from planparse.municipalities import lookup
from planparse.reading.model import Document, Line, Table, is_bullet, join_lines
from planparse.text.fold import fold
from planparse.text.numbers import parse_date

_UPPDRAG = re.compile(r"^(\S+)\s+(\d{1,2}(?:\.\d{1,2}){2})\s*$")
_ITEM = re.compile(r"^\d{1,2}[.)]\s+\S")
_KOMMUN = re.compile(r"^(\S.*?\s+kommun)$")
_VISION = re.compile(r"\bvision\s+ar\s*$")
_VALUES = re.compile(r"\bvardegrund\s+ar\s*$")
_SDG = re.compile(r"^anknyter till fn s globala mal")
# Grid labels (folded) → Metadata field; Dokumenttyp is the document_type, not metadata.
_META_FIELDS = {
    "dokumentnamn": "document_name",
    "faststallt": "decided_on",
    "senast reviderad": "revised_on",
    "giltighetstid": "valid_until",
    "dokumentansvarig": "responsible",
    "beslutsinstans": "decided_by",
    "diarienummer": "diarienummer",
    "version": "version",
    "dokumentet galler for": "applies_to",
}
_DATE_FIELDS = ("decided_on", "revised_on")
# Activity blocks: canonical vocabulary label → Activity field.
_BLOCKS = ("owner", "parties", "implementation", "follow_up")
# Verb endings of an indicator name that state its direction ("… ökar", "… ska minska").
_DIRECTION_VERBS = frozenset({"Ökar", "Ska öka", "Minskar", "Ska minska"})
_N = r"[\do]{1,2}"


# ----------------------------------------------------------------------------- text


def split_paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Group lines into paragraphs: a vertical gap, a bullet or a numbered item starts a new
    one; at a page break the paragraph continues only when the next line starts lower-case."""
    paras: list[list[Line]] = []
    for line in lines:
        if not paras:
            paras.append([line])
            continue
        prev = paras[-1][-1]
        text = line.text
        if is_bullet(text) or _ITEM.match(text):
            new = True
        elif line.page != prev.page:
            new = not text[:1].islower()
        else:
            new = line.y0 - prev.bbox[3] > 0.3 * max(line.size, 1)
        if new:
            paras.append([line])
        else:
            paras[-1].append(line)
    return paras


def paragraph_text(lines: list[Line]) -> str:
    """One paragraph's text; a "•" bullet becomes "- "."""
    text = join_lines([ln.text for ln in lines])
    if is_bullet(text):
        text = "- " + text[1:].strip()
    return text


def paragraphs(lines: list[Line]) -> list[str]:
    return [t for t in (paragraph_text(p) for p in split_paragraphs(lines)) if t]


def line_items(lines: list[Line]) -> list[str]:
    """One item per printed line; a line that wraps (it reaches the right margin and the next
    line starts lower-case) continues on the next."""
    if not lines:
        return []
    right = max(ln.bbox[2] for ln in lines)
    items: list[list[str]] = []
    prev: Line | None = None
    for ln in lines:
        wrapped = (
            prev is not None
            and prev.page == ln.page
            and prev.bbox[2] > right - 60
            and ln.text[:1].islower()
            and ln.y0 - prev.bbox[3] < 0.3 * max(ln.size, 1)
        )
        if wrapped:
            items[-1].append(ln.text)
        else:
            items.append([ln.text])
        prev = ln
    return [join_lines(i) for i in items]


def name_direction(name: str) -> Direction | None:
    """Direction stated by the verb that ends an indicator name ("… ska öka", "… minskar")."""
    words = name.rstrip(" .").split()
    for n in (2, 1):
        if len(words) < n:
            continue
        m = vocabulary.match_direction(" ".join(words[-n:]))
        if m is not None and m.matched in _DIRECTION_VERBS and m.confidence >= 0.9:
            return Direction(m.value)
    return None


def _label(line: Line) -> str | None:
    """The canonical label of a bold block-label line (Processägare, Parter, …), or None."""
    if not line.bold or len(line.text) > 40:
        return None
    m = vocabulary.match_label(line.text.rstrip(":"))
    if m is None or m.confidence < 0.85:
        return None
    return m.value


def _strategic_goal(line: Line) -> str | None:
    """The text after a leading "Strategi mål:" label, or None when the line has no label."""
    m = re.match(r"^\s*(\S+(?:\s+\S+)?)\s*:\s*(.*)$", line.text)
    if m is None:
        return None
    lab = vocabulary.match_label(m.group(1))
    if lab is None or lab.value != "strategic_goal" or lab.confidence < 0.85:
        return None
    return m.group(2)


# ----------------------------------------------------------------------------- parser


SPEC = LayoutSpec(
    name="robertsfors_vp",
    levels={2: GoalLevel.goal_area, 3: GoalLevel.goal},
    min_depth=2,
    max_depth=2,
    labels={"strategi mal": "strategic_goal", "strategiskt mal": "strategic_goal", "processagare": "owner"},
)


@register
class RobertsforsParser(LayoutParser):
    name = "robertsfors_vp"
    version = "1"
    spec = SPEC
    description = (
        "Verksamhetsplan (Word template): document grid, '3.N' goal areas with 'Strategi mål:', "
        "'Uppdrag 3.N.M' with Processägare/Parter/Genomförande/Uppföljning blocks and an "
        "'Indikator | år | Källa | Mått | Utfall år' table."
    )
    fingerprint = Fingerprint(
        required=(Signal(rf"^uppdrag {_N} {_N} {_N}$", 2, "H3 'Uppdrag N.N.N'"),),
        signals=(
            Signal(
                r"^indikator [\do]{4} kalla matt utfall [\do]{4}$",
                2,
                "indicator table header 'Indikator | år | Källa | Mått | Utfall år'",
            ),
            Signal(r"^strategi ?mal \w", 1.5, "'Strategi mål:' paragraph"),
            Signal(r"^processagare$", 1, "label line 'Processägare'"),
            Signal(r"^parter$", 0.5, "label line 'Parter'"),
            Signal(r"^genomforande$", 0.5, "label line 'Genomförande'"),
            Signal(r"^uppfoljning$", 0.5, "label line 'Uppföljning'"),
            Signal(r"^anknyter till fn s globala mal", 1, "'Anknyter till FN:s globala mål'"),
            Signal(
                r"^dokumentnamn dokumenttyp faststallt senast reviderad giltighetstid$",
                1,
                "document-information grid, first label row",
            ),
            Signal(
                r"^dokumentansvarig beslutsinstans diarienummer\b", 0.5, "grid, second label row"
            ),
            Signal(r"\bvision ar$", 0.5, "'<Kommun>s vision är:'"),
        ),
    )

    def parse(self, doc: Document, out: Builder) -> None:
        guess_facts(doc, out)
        _read_municipality(doc, out)
        _read_grid(doc, out)
        _Walker(doc, out).run()


def _read_municipality(doc: Document, out: Builder) -> None:
    """The name as the running header prints it ("Vindelns kommun"), the code by lookup."""
    names: Counter[str] = Counter()
    for page in doc.pages[1:]:
        for ln in page.noise:
            m = _KOMMUN.match(ln.text.strip())
            if m and lookup(m.group(1), fuzzy=False):
                names[m.group(1)] += 1
    if not names:
        out.warn("municipality_header", "no '<Kommun> kommun' running header; name guessed")
        return
    name = names.most_common(1)[0][0]
    kommun = lookup(name, fuzzy=False)
    assert kommun is not None
    out.municipality = Municipality(name=name, code=kommun.code)


def _read_grid(doc: Document, out: Builder) -> None:
    """Title, organ, document type, year, period and metadata from the cover grid."""
    grid: Table | None = None
    for page in doc.pages[:2]:
        for t in page.tables:
            if any(fold(h) == "dokumentnamn" for h in t.header):
                grid = t
                break
        if grid is not None:
            break
    meta = Metadata()
    if grid is None:
        out.warn("metadata_missing", "no document-information grid on the cover", 1)
        out.metadata = meta
        return
    rows = grid.rows
    for i in range(0, len(rows) - 1, 2):
        labels, values = rows[i], rows[i + 1]
        for cell in labels.cells:
            label = cell.text.strip()
            if not label:
                continue
            value = values.cell_text(cell.col).strip()
            key = fold(label)
            if not value:
                continue
            if key == "dokumenttyp":
                if "verksamhetsplan" in fold(value):
                    out.document_type = DocumentType.verksamhetsplan
                continue
            field = _META_FIELDS.get(key)
            if field in _DATE_FIELDS:
                date = parse_date(value)
                if date is None:
                    meta.extra[label] = value
                    out.warn("metadata_date", f"{label}: {value!r} is not a date", 1)
                else:
                    setattr(meta, field, date)
            elif field is not None:
                setattr(meta, field, value)
            else:
                meta.extra[label] = value
    if len(rows) % 2:
        out.warn("metadata_grid", "document grid has a label row without values", 1)
    out.metadata = meta
    if meta.document_name:
        out.title = meta.document_name
        y = YEAR.search(meta.document_name)
        if y:
            out.year = int(y.group(1))
    if out.year is None and meta.valid_until:
        y = YEAR.search(meta.valid_until)
        out.year = int(y.group(1)) if y else None
    if meta.decided_by:
        out.organ = meta.decided_by
    if out.year is not None:
        out.period = Period(kind=PeriodKind.year, number=None)


class _Walker:
    """Walks the flow once: headings open sections; goal areas and uppdrag collect lines."""

    def __init__(self, doc: Document, out: Builder) -> None:
        self.doc = doc
        self.out = out
        self.body = body_size(doc)
        self.goal: Goal | None = None
        self.goal_lines: list[Line] = []  # a goal area's text before its first uppdrag
        self.act: Activity | None = None
        self.act_head: list[Line] = []  # the assignment text before the first label
        self.blocks: dict[str, list[Line]] = {}
        self.block: str | None = None
        self.display: str | None = None  # "vision" | "values": the next display lines
        self.display_lines: list[Line] = []

    # -- headings -----------------------------------------------------------------------

    def _is_heading(self, line: Line) -> bool:
        """A numbered chapter or goal-area heading ("1.0 …", "3. …", "3.1 …")."""
        return line.bold and line.size >= self.body + 1.5 and numbered(line.text) is not None

    def run(self) -> None:
        flow = self.doc.flow()
        i = 0
        while i < len(flow):
            block = flow[i]
            i += 1
            if isinstance(block, Table):
                self._table(block)
                continue
            line = block
            if self._is_heading(line):
                head = [line]
                while (
                    i < len(flow)
                    and isinstance(flow[i], Line)
                    and flow[i].bold  # type: ignore[union-attr]
                    and abs(flow[i].size - line.size) < 0.3  # type: ignore[union-attr]
                    and flow[i].page == line.page  # type: ignore[union-attr]
                    and numbered(flow[i].text) is None  # type: ignore[union-attr]
                ):
                    head.append(flow[i])  # type: ignore[arg-type]
                    i += 1
                self._heading(head)
                continue
            m = _UPPDRAG.match(line.text)
            if m and line.bold and line.size > self.body:
                lab = vocabulary.match_label(m.group(1))
                if lab is not None and lab.value == "assignment":
                    self._uppdrag(line, m.group(2))
                    continue
            self._line(line)
        self._close_goal()

    def _heading(self, head: list[Line]) -> None:
        self._close_goal()
        self._end_display()
        num_title = numbered(join_lines([ln.text for ln in head]))
        assert num_title is not None
        number, title = num_title
        self.goal = Goal(
            uid="",
            number=number,
            level=GoalLevel.goal_area,
            title=title,
            provenance=provenance(*head),
        )
        self.goal_lines = []

    def _uppdrag(self, line: Line, number: str) -> None:
        self._close_activity()
        self._end_display()
        if self.goal is None:
            self.out.warn(
                "uppdrag_outside_goal", f"Uppdrag {number} outside a goal area", line.page
            )
            return
        self.act = Activity(uid="", number=number, title="", provenance=provenance(line))
        self.act_head, self.blocks, self.block = [], {}, None

    # -- lines --------------------------------------------------------------------------

    def _line(self, line: Line) -> None:
        folded = fold(line.text)
        if self.act is not None:
            lab = _label(line)
            if lab in _BLOCKS:
                self.block = lab
                if lab in self.blocks:
                    self.out.warn(
                        "label_repeated",
                        f"{line.text} twice in Uppdrag {self.act.number}",
                        line.page,
                    )
                self.blocks.setdefault(lab, [])
            elif self.block is None:
                self.act_head.append(line)
            else:
                self.blocks[self.block].append(line)
            return
        # "<Kommun>s vision är:" / "… värdegrund är:" and the display line(s) under them
        if _VISION.search(folded) or _VALUES.search(folded):
            self._end_display()
            self.display = "vision" if _VISION.search(folded) else "values"
            return
        if self.display is not None:
            first = self.display_lines[0] if self.display_lines else None
            if (first is None and line.size > self.body) or (
                first is not None
                and line.italic == first.italic
                and line.bold == first.bold
                and abs(line.size - first.size) < 0.3
            ):
                self.display_lines.append(line)
                return
            self._end_display()
        if self.goal is not None:
            self.goal_lines.append(line)

    def _end_display(self) -> None:
        lines, kind = self.display_lines, self.display
        self.display, self.display_lines = None, []
        if not lines or kind is None:
            return
        text = join_lines([ln.text for ln in lines])
        if kind == "vision":
            self.out.vision = text
        else:
            self.out.metadata.extra["Värdegrund"] = text

    # -- tables -------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        self._end_display()
        if table.page == 1 and any(fold(h) == "dokumentnamn" for h in table.header):
            return  # the document grid, read by _read_grid
        if classify_table(table) is not TableKind.indicators:
            self.out.warn("table_unplaced", f"table {table.header} not read", table.page)
            return
        target = self.act
        if target is None:
            self.out.warn("indicators_unplaced", "indicator table outside an Uppdrag", table.page)
            return
        for ind in indicator_rows(table):
            ind.direction = name_direction(ind.name)
            target.indicators.append(ind)
        self.block = "__table__"  # text after the table is not part of any block
        self.blocks.setdefault("__table__", [])

    # -- closing ------------------------------------------------------------------------

    def _close_activity(self) -> None:
        act, self.act = self.act, None
        if act is None or self.goal is None:
            return
        head = paragraphs(self.act_head)
        if not head:
            self.out.warn(
                "uppdrag_untitled", f"Uppdrag {act.number} has no text", act.provenance.page
            )
            act.title = f"Uppdrag {act.number}"
        else:
            act.title = head[0]
            act.description = "\n".join(head[1:]) or None
        b = self.blocks
        owner = paragraphs(b.get("owner", []))
        act.owner = " ".join(owner) or None
        parties = " ".join(paragraphs(b.get("parties", [])))
        act.parties = [p.strip() for p in parties.split(",") if p.strip()]
        act.implementation = "\n".join(paragraphs(b.get("implementation", []))) or None
        act.follow_up = line_items(b.get("follow_up", []))
        stray = b.get("__table__", [])
        if stray:
            self.out.warn(
                "text_unplaced",
                f"text after the indicator table of Uppdrag {act.number}: {stray[0].text[:60]!r}",
                stray[0].page,
            )
        self.goal.activities.append(act)

    def _close_goal(self) -> None:
        self._close_activity()
        goal, self.goal = self.goal, None
        if goal is None:
            return
        lines = self.goal_lines
        strategic: list[Line] = []
        rest: list[Line] = []
        paras = split_paragraphs(lines)
        for k, para in enumerate(paras):
            sg = _strategic_goal(para[0]) if not strategic else None
            if sg is not None:
                strategic = para
                text = join_lines([sg] + [ln.text for ln in para[1:]])
                after = paras[k + 1 :]
                if not text and after:  # the label on its own line, the goal below it
                    text, after = paragraph_text(after[0]), after[1:]
                goal.strategic_goal = text or None
                rest = [ln for p in after for ln in p]
                break
        if not strategic:
            if goal.activities:
                self.out.warn(
                    "strategic_goal_missing",
                    f"goal area {goal.number} has no 'Strategi mål:'",
                    goal.provenance.page,
                )
            else:
                return  # a prose chapter (1.0, 2.1, "3. MÅLOMRÅDE …"), not a goal area
        desc: list[Line] = []
        tail: list[Line] = []
        for ln in rest:
            if tail or _SDG.match(fold(ln.text)):
                tail.append(ln)
            else:
                desc.append(ln)
        goal.description = "\n".join(paragraphs(desc)) or None
        for ln in tail[1:]:
            self.out.warn(
                "text_unplaced",
                f"text after the FN-mål line of {goal.number}: {ln.text[:60]!r}",
                ln.page,
            )
        self.out.goals.append(goal)
