"""Status and assessment as a character mark instead of a word: ballot boxes, ticks, crosses,
arrows, warning signs and star ratings, and letter codes a key names ("G = Genomförd Gul =
Pågår R = Försenad" over a status column of "G", "Gul", "R").

Some plans mark each activity with a character in its status cell: "☑" done, "☐" not started,
"☒" crossed out, a tick "✓" / "✔", a cross "✗" / "✖", an arrow "➜" or a warning sign "⚠"; and
each goal with a star rating ("Måluppfyllelse: ★★☆"). The document's key, when it prints one
("Status: ☑ Avslutad ☐ Ej påbörjad ☒ Avbruten" on a line, or a "Teckenförklaring" table of
marks beside their names), names each mark's status or assessment. Without a key a tick or a
ticked box means done (``completed``) and an empty box not started; any other mark has no
meaning by convention and gives nothing.

:func:`apply` gives every activity without a status the status of the one mark that stands
alone on its row (in the status cell), and every goal without an assessment the assessment of
a mark after its assessment label ("Måluppfyllelse:") below its title; ``raw`` is the mark,
``source`` text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from planparse import vocabulary
from planparse.layouts.icons import CONVENTION_CONFIDENCE, LEGEND_CONFIDENCE
from planparse.model import (
    Activity,
    Assessment,
    AssessmentValue,
    Goal,
    Status,
    StatusValue,
    activities_in,
    goals_in,
)
from planparse.reading.model import Document, Line, Row

if TYPE_CHECKING:
    from planparse.layouts.walk_state import WalkState

BOXES = "☑☒☐✓✔✗✘✖➜➔⚠★☆◐◑◒◓●○"  # (a half-filled circle: half done; filled and empty by a key)
_CONVENTION = {"☑": StatusValue.completed, "✓": StatusValue.completed, "✔": StatusValue.completed,
               "☐": StatusValue.not_started, "◐": StatusValue.in_progress, "◑": StatusValue.in_progress}
_MARK = re.compile(f"[{BOXES}]{{1,5}}")
# A key's entry on a line: a mark, then the name it stands for (up to the next mark).
_ENTRY = re.compile(f"([{BOXES}]{{1,5}})\\s*[=:–-]?\\s*([^{BOXES}]+)")
# A letter code's entry in a key on a line: "G = Genomförd", "Gul = Pågår" (up to the next code).
# (or capitals, "EP = Ej påbörjad", or a figure, "3 = Försenad")
_CODE = r"(?:[A-ZÅÄÖ][a-zåäö]{0,3}|[A-ZÅÄÖ]{2,3}|\d)"
_CODE_ENTRY = re.compile(rf"(?<![\w.])({_CODE})\s*=\s*([^=]+?)(?=\s+{_CODE}\s*=|[,;.]|$)")
_CODED = re.compile(rf"^(?P<label>[^:¹²³]{{3,40}}?)(?:[¹²³*]+:?|:)\s*(?P<mark>{_CODE})$")  # "Bed.: D", "Bed.² D" (its key a note)
# A goal's assessment as a mark after its label: "Måluppfyllelse: ★★☆".
_LABELLED = re.compile(f"^(?P<label>[^:]{{3,40}}):\\s*(?P<mark>[{BOXES}]{{1,5}})$")

Key = dict[str, tuple[StatusValue | None, AssessmentValue | None]]


def _named(text: str) -> tuple[StatusValue | None, AssessmentValue | None]:
    """The status and the assessment a key's name stands for ("Aktiviteten: Pågår")."""
    name = text.strip(" ,;.·").rpartition(":")[2].strip() or text
    s = vocabulary.match_legend("statuses", name)
    a = vocabulary.match_legend("assessments", name)
    if s is None and a is None and " / " in name:  # "Done / Klar": the name in each language, the Swedish one
        return _named(name.rpartition(" / ")[2])
    return (StatusValue(s.value) if s else None), (AssessmentValue(a.value) if a else None)


def key(doc: Document, lines: list[Line] | None = None) -> Key:
    """The document's key: the marks a line names two or more of (each before its name), and
    the rows of a table of two or more marks each beside a name (a "Teckenförklaring").
    ``lines``: the document's lines and table cells' lines, when the caller has them."""
    found: Key = {}
    run: dict[str, tuple[StatusValue | None, AssessmentValue | None]] = {}  # one entry a line, lines in a row
    notes = [n for p in doc.pages for n in p.noise if "=" in n.text]  # (a key as a page's footnote: "¹ Stat.: K = Klar, …")
    for line in [*(_all_lines(doc) if lines is None else lines), *notes]:
        codes = {m[1]: named for m in _CODE_ENTRY.finditer(line.text) if any(named := _named(m[2]))} if "=" in line.text else {}
        for code, named in codes.items() if len(codes) >= 2 else ():  # "G = Genomförd Gul = Pågår R = Försenad"
            found.setdefault(code, named)
        if not any(ch in line.text for ch in BOXES) or checked_choice(line.text) is not None:
            run = {}  # (a row of choices, one ticked or none, is no key)
            continue
        entries = {m[1]: named for m in _ENTRY.finditer(line.text) if any(named := _named(m[2]))}
        one = len(entries) == 1 and _ENTRY.fullmatch(line.text.strip()) is not None
        run = {**run, **entries} if one else {}
        if len(entries) >= 2 or len(run) >= 2:
            for mark, named in (entries if len(entries) >= 2 else run).items():
                found.setdefault(mark, named)
    for table in (t for p in doc.pages for t in p.tables):
        entries = {}
        for row in table.rows:
            texts = [c.text for c in row.cells if c.text]
            if len(texts) >= 2 and _keyed_row(row) and any(named := _named(texts[-1])):
                entries.setdefault(texts[0], named)
        if len(entries) >= 2:
            for mark, named in entries.items():
                found.setdefault(mark, named)
    return found


_EMPTY_BOX = "☐"


def checked_choice(text: str) -> str | None:
    """The name a filled-in row of three choices or more ticks ("☐ Ej påbörjad ☒ Pågår ☐ Försenad",
    maybe after a label: "Status för nämndmålet: ☐ Uppfyllt ☒ Delvis uppfyllt ☐ Ej uppfyllt"), ""
    for a row none is ticked in (a blank form's); None for any other line (a key names a different
    mark each, or says "=")."""
    start = next((k for k, ch in enumerate(text) if ch in BOXES), None)
    entries = _ENTRY.findall(text[start:]) if start is not None else []
    ticked = [name.strip() for mark, name in entries if mark != _EMPTY_BOX]
    if len(entries) < 3 or len(ticked) > 1 or "=" in text or (start or 0) > 0 and not text[:start].rstrip().endswith(":"):
        return None
    return ticked[0] if ticked else ""


def checked_line(w: WalkState, line: Line) -> bool:
    """Read a filled-in row of choices (:func:`checked_choice`) as the status of the activity in
    scope, or the assessment of the goal in scope; whether ``line`` is one (a blank one says nothing)."""
    if "=" in line.text and sum(any(_named(m[2])) for m in _CODE_ENTRY.finditer(line.text)) >= 2:
        return True  # a key's line ("Bed.: U = Uppfyllt, D = Delvis uppfyllt"): no label of a value
    name = checked_choice(line.text)
    if not name:
        return name is not None
    ticked = f"{line.text[line.text.find(name) - 2:].split(name)[0].strip()} {name}".strip()  # "☒ Pågår"
    if w.activity is not None and w.activity.status is None and (s := vocabulary.match_status(name)) is not None:
        w.activity.status = Status(value=StatusValue(s.value), raw=ticked, confidence=s.confidence)
    elif w.activity is None and w.goal is not None and w.goal.assessment is None and (a := vocabulary.match_assessment(name)):
        w.goal.assessment = Assessment(value=AssessmentValue(a.value), raw=ticked, confidence=a.confidence)
    return True


def _keyed_row(row: Row) -> bool:
    """Whether a table row may be a key's entry: a mark or a code first (as :func:`key` reads them)."""
    first = next((c.text for c in row.cells if c.text), "")
    return bool(first) and (_MARK.fullmatch(first) is not None or re.fullmatch(_CODE, first) is not None)


def _all_lines(doc: Document) -> list[Line]:
    return [ln for p in doc.pages for ln in p.all_lines()]


def _row_box(lines: list[Line], act: Activity) -> str | None:
    """The one mark standing alone on the activity's row, if any."""
    _, top, _, bottom = act.provenance.bbox
    found = {ln.text.strip() for ln in lines if top - 2 <= (ln.bbox[1] + ln.bbox[3]) / 2 <= bottom + 2}
    return found.pop() if len(found) == 1 else None


def _leading_box(lines: list[Line], act: Activity) -> str | None:
    """The box character that opens the activity's own line, its bullet."""
    x0, top, _, bottom = act.provenance.bbox
    return next((ln.text.strip()[0] for ln in lines if top - 2 <= (ln.bbox[1] + ln.bbox[3]) / 2 <= bottom + 2
                 and ln.bbox[0] <= x0 + 1), None)


def apply(doc: Document, goals: list[Goal]) -> None:
    """Statuses and assessments from marks for owners without one (see the module's docstring)."""
    by_page: dict[int, list[Line]] = {}
    labelled: list[tuple[Line, str]] = []  # (line, mark) of "Måluppfyllelse: ★★☆" lines, in order
    leading: dict[int, list[Line]] = {}  # lines a box character opens ("☑ Meröppet bibliotek", a drawn box)
    lines = _all_lines(doc)
    legend = key(doc, lines) if any("=" in ln.text for ln in lines) or any(_keyed_row(r) for p in doc.pages for tb in p.tables for r in tb.rows) else None
    coded = set(legend or ())  # (its letter codes; its marks are marks anyway)
    for ln in lines:
        text = ln.text.strip()
        if _MARK.fullmatch(text) or text in coded:  # (or a letter the key names: "Gul")
            by_page.setdefault(ln.page, []).append(ln)
        elif text[:1] in _CONVENTION and text[1:2] == " ":
            leading.setdefault(ln.page, []).append(ln)
        elif (m := _LABELLED.match(text) or _CODED.match(text)) and vocabulary.label_of(m["label"]) == "assessment":
            labelled.append((ln, m["mark"]))
    if not by_page and not labelled and not leading:
        return
    legend = key(doc, lines) if legend is None else legend
    for act in activities_in(goals):
        box = _row_box(by_page.get(act.provenance.page, []), act) or _leading_box(leading.get(act.provenance.page, []), act)
        if act.status is None and box is not None:
            if (value := legend.get(box, (None, None))[0]) is not None:
                act.status = Status(value=value, raw=box, confidence=LEGEND_CONFIDENCE)
            elif box in _CONVENTION:
                act.status = Status(value=_CONVENTION[box], raw=box, confidence=CONVENTION_CONFIDENCE)
    owners = sorted(goals_in(goals), key=lambda g: (g.provenance.page, g.provenance.bbox[1]))  # by where titles stand
    for ln, mark in labelled:
        rating = legend.get(mark, (None, None))[1]
        above = [g for g in owners if (g.provenance.page, g.provenance.bbox[1]) < (ln.page, ln.bbox[1])]
        if rating is not None and above and above[-1].assessment is None:
            above[-1].assessment = Assessment(value=rating, raw=mark, confidence=LEGEND_CONFIDENCE)
