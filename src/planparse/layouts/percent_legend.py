"""A per-cent legend: the key that names an activity's status by how far it has come.

A document that shows its activities' progress only as a per cent (a "Färdiggrad" column: a
progress bar with its per cent beside it) may print which per cents mean which status:
"Färdiggrad: 0 % = Ej påbörjad · 1–99 % = Pågående · 100 % = Avslutad". Each entry is a range of
per cents and the status it names (a vocabulary status). A range is one value ("100 %"), two
joined by a hyphen, a dash or "till" ("1–99 %", "1-99%", "80 till 100 %", "1 % – 99 %"), or a
bound ("under 50 %", "mindre än 50 %", "över 80 %", "upp till 50 %", "< 50 %").

A legend is a line (or a table row, its cells joined) made of entries alone, after at most a
heading naming the key ("Färdiggrad:", "Teckenförklaring"), or such lines set one under
another ("0 % Ej påbörjad" / "1–99 % Pågående" / "100 % Avslutad"). Every per cent on the line
must open an entry whose words name a status, the legend names two statuses at least and no per
cent twice: an activity row "Aktivitet X | 50 % | Pågående" is no legend, nor rows "Status: 100 %
Klar" of a list.

:func:`apply` gives every activity with a per cent (``progress``) and no status the status of
the legend entry whose range holds its per cent; ``raw`` is the per cent ("75 %"), ``source``
text when the per cent is printed on the activity's row, icon when only its bar shows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planparse import vocabulary
from planparse.layouts.icons import CONVENTION_CONFIDENCE, LEGEND_CONFIDENCE
from planparse.layouts.tables import cell_percent
from planparse.model import (
    Activity,
    Assessment,
    AssessmentValue,
    Goal,
    MarkerSource,
    Status,
    StatusValue,
    activities_in,
    goals_in,
)
from planparse.reading.model import BBox, Document, Line
from planparse.text.fold import fold

_RANGE = re.compile(
    r"(?<![\w.,])(?:"
    r"(?P<bound>under|mindre\s+än|upp\s+till|över|mer\s+än|<|>)\s*(?P<b>\d{1,3})"
    r"|(?P<lo>\d{1,3})\s*%?\s*(?:[-–—]|till)\s*(?P<hi>\d{1,3})"
    r"|(?P<one>\d{1,3})"
    r")\s*%",
    re.IGNORECASE,
)
_HEADING = re.compile(r"(?:fardiggrad|genomforandegrad|tecken|symbol|forklaring|procent|maluppfyllelse)")
_EDGES = " \t=:–—-·•|;,.()"
_TAIL = re.compile(r"\s+(?:och|samt|eller)$", re.IGNORECASE)
_GROUP_GAP = 1.5  # line heights: the most space between two lines of one legend


@dataclass(frozen=True)
class Entry:
    """Per cents ``low`` to ``high`` (both included) name ``status``, or a goal's ``assessment``
    ("Måluppfyllelse: 100 % = uppfyllt, 50–99 % = delvis uppfyllt")."""

    low: int
    high: int
    status: StatusValue | None
    assessment: AssessmentValue | None = None

    def holds(self, percent: int) -> bool:
        return self.low <= percent <= self.high


def _bounds(m: re.Match[str]) -> tuple[int, int] | None:
    if m["one"] is not None:
        low = high = int(m["one"])
    elif m["lo"] is not None:
        low, high = int(m["lo"]), int(m["hi"])
    else:
        b, word = int(m["b"]), m["bound"].casefold()
        if word.startswith(("under", "mindre", "<")):
            low, high = 0, b - 1
        else:  # "upp till" N holds N; "över", "mer än", ">" hold N + 1 and up
            low, high = (0, b) if word.startswith("upp") else (b + 1, 100)
    return (low, high) if 0 <= low <= high <= 100 else None


def entries(text: str) -> list[Entry]:
    """The legend entries a line states, in order; none unless the whole line is a legend's
    (a heading at most, then entries only, each naming a status)."""
    found = list(_RANGE.finditer(text))
    if not found:
        return []
    head = text[: found[0].start()].strip(_EDGES.replace(":", ""))
    head = head.rpartition(". ")[2] if ". " in head else head  # (the key's sentence after the document's name)
    if head and not _HEADING.search(fold(head)) or len(head) > 40:
        return []
    out: list[Entry] = []
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        label = _TAIL.sub("", text[m.end():end].strip(_EDGES)).strip(_EDGES)
        bounds = _bounds(m)
        hit = vocabulary.match_legend("statuses", label) if label and len(label) <= 40 else None
        rated = vocabulary.match_legend("assessments", label) if label and len(label) <= 40 and hit is None else None
        if bounds is None or (hit is None or hit.confidence < 0.9) and (rated is None or rated.confidence < 0.9):
            return []
        out.append(Entry(*bounds, StatusValue(hit.value)) if hit else Entry(*bounds, None, AssessmentValue(rated.value) if rated else None))
    return out


@dataclass(frozen=True)
class PercentLegend:
    entries: tuple[Entry, ...]

    def status(self, percent: int) -> StatusValue | None:
        """The status of the first entry holding ``percent``, or None."""
        return next((e.status for e in self.entries if e.status and e.holds(percent)), None)

    def assessment(self, percent: int) -> AssessmentValue | None:
        """The assessment of the first entry holding ``percent``, or None."""
        return next((e.assessment for e in self.entries if e.assessment and e.holds(percent)), None)


def _texts(doc: Document) -> dict[int, list[tuple[str, BBox]]]:
    """Every page's lines, and its table rows as one text each (cells joined), by page."""
    out: dict[int, list[tuple[str, BBox]]] = {}
    for page in doc.pages:
        out.setdefault(page.number, []).extend((ln.text, ln.bbox) for ln in page.lines if "%" in ln.text)
        for t in page.tables:
            for r in t.rows:
                text = " ".join(c.text for c in r.cells)
                if "%" in text:
                    out.setdefault(r.page, []).append((text, r.bbox))
    return out


def _legend(group: list[Entry]) -> bool:
    """Whether a group of entries is a legend: two values at least, no per cent in two ranges."""
    return len({(e.status, e.assessment) for e in group}) >= 2 and not any(
        a.low <= b.high and b.low <= a.high for k, a in enumerate(group) for b in group[k + 1:])


def read(doc: Document) -> PercentLegend | None:
    """The document's per-cent legend: the entries of every group of legend lines that names
    two statuses or more, in reading order; None where there is none."""
    found: list[Entry] = []
    for number, texts in sorted(_texts(doc).items()):
        group: list[Entry] = []
        last: BBox | None = None
        for text, bbox in sorted(texts, key=lambda tb: (tb[1][1], tb[1][0])):
            got = entries(text)
            if not got and (wrap := _wrapped(doc, number, bbox, text)) is not None:
                got = entries(f"{text} {wrap}")  # a key's last entry run onto the next line ("… = ej" / "uppfyllt.")
            if not got:
                continue
            if last is not None and bbox[1] - last[3] > _GROUP_GAP * max(last[3] - last[1], 6.0):
                found.extend(group if _legend(group) else [])
                group = []
            group.extend(got)
            last = bbox
        found.extend(group if _legend(group) else [])
    return PercentLegend(tuple(found)) if found else None


def _wrapped(doc: Document, page: int, bbox: BBox, text: str) -> str | None:
    """The text of the line right under a line of text that ends in a word (a sentence wrapped on), if any."""
    if not text[-1:].isalpha():
        return None
    height = bbox[3] - bbox[1]
    below = [ln for p in doc.pages if p.number == page for ln in p.lines
             if 0 <= ln.bbox[1] - bbox[3] <= 0.8 * height and abs(ln.bbox[0] - bbox[0]) < 2 and ln.bbox[1] > bbox[1]]
    return below[0].text if len(below) == 1 else None


def _row_lines(doc: Document, page: int) -> list[Line]:
    lines: list[Line] = []
    for p in doc.pages:
        if p.number == page:
            lines.extend(p.lines)
        lines.extend(ln for t in p.tables for r in t.rows if r.page == page for c in r.cells for ln in c.lines)
    return lines


def _printed(lines: list[Line], act: Activity) -> bool:
    """Whether the activity's per cent is printed on its row (not only drawn as a bar)."""
    _, top, _, bottom = act.provenance.bbox
    return any(top - 2 <= (ln.bbox[1] + ln.bbox[3]) / 2 <= bottom + 2 and cell_percent(ln.text) == act.progress
               for ln in lines)  # fmt: skip


def apply(doc: Document, goals: list[Goal]) -> None:
    """Statuses through the document's per-cent legend for activities with a per cent and no
    status (see the module's docstring)."""
    legend = read(doc)
    if legend is None:
        return
    _rate_goals(doc, goals, legend)
    lines: dict[int, list[Line]] = {}
    for act in activities_in(goals):
        if act.status is not None or act.progress is None or (value := legend.status(act.progress)) is None:
            continue
        page = act.provenance.page
        if page not in lines:
            lines[page] = _row_lines(doc, page)
        printed = _printed(lines[page], act)
        act.status = Status(value=value, raw=f"{act.progress} %" if printed else f"bar: {act.progress} %",
                            confidence=LEGEND_CONFIDENCE, source=MarkerSource.text if printed else MarkerSource.icon)


def _rate_goals(doc: Document, goals: list[Goal], legend: PercentLegend) -> None:
    """Goals without an assessment given the legend's for the per cent printed alone right of
    their title, on its row or just under it (a ring's "75 %" beside a nämndmål's title); an
    assessment guessed from a shape's colour by convention alone (the ring's grey track) gives
    way to it."""
    for goal in goals_in(goals):
        guessed = goal.assessment is not None and goal.assessment.source is MarkerSource.icon \
            and (goal.assessment.confidence or 1.0) <= CONVENTION_CONFIDENCE
        if goal.assessment is not None and not guessed or goal.provenance is None or goal.provenance.bbox is None:
            continue
        x0, top, x1, bottom = goal.provenance.bbox
        height = max(bottom - top, 1.0)
        page = next((p for p in doc.pages if p.number == goal.provenance.page), None)
        for ln in page.lines if page is not None else []:
            percent = cell_percent(ln.text) if _ALONE.fullmatch(ln.text.strip()) else None
            if percent is not None and ln.bbox[0] > x1 and top - height <= ln.bbox[1] <= bottom + height \
                    and (value := legend.assessment(percent)) is not None:
                goal.assessment = Assessment(value=value, raw=ln.text.strip(), confidence=LEGEND_CONFIDENCE)
                break


_ALONE = re.compile(r"\d{1,3}\s*%")
