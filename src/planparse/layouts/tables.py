"""Reading planning tables into contract objects: what kind a table is by its header labels,
and activity tables (title, description, status, dates and comment per activity; indicator
tables are read by :mod:`.indicators`). Columns are recognised by their header labels through
the vocabulary, not by position: a table with its columns in another order reads right."""

from __future__ import annotations

import re
from enum import Enum

from planparse import vocabulary
from planparse.layouts.activity_cells import (
    description_goes_on,
    numbered_title,
    text_columns,
    title_goes_on,
    title_wraps,
    titled_lines,
)
from planparse.layouts.base import OUTLINE_NUMBER, YEAR, provenance
from planparse.layouts.status_column import report_column, status_column
from planparse.model import Activity, Status, StatusValue
from planparse.reading.model import Cell, Line, Row, Table, group_paragraphs
from planparse.reading.paragraphs import line_step, list_text, paragraphs
from planparse.text.assemble import join_lines
from planparse.text.fold import fold
from planparse.text.numbers import cell_date
from planparse.text.repair import garbled_caps


class TableKind(Enum):
    activities = "activities"
    indicators = "indicators"
    other = "other"


def _unlabelled(words: list[str]) -> list[str]:
    """The words after a "Status:" label printed before the status ("Status: Avbruten")."""
    m = vocabulary.match_label(words[0]) if len(words) > 1 and words[0].endswith(":") else None
    return words[1:] if m is not None and m.value == "status" else words


def header_labels(table: Table) -> list[str | None]:
    """The canonical label of each header column (None where the vocabulary has none)."""
    out: list[str | None] = []
    for text in table.header or [""] * table.n_cols:
        m = vocabulary.match_label(text) if text else None
        words = text.split()
        if m is None and len(words) > 1 and (len(words[-1]) <= 2 and words[-1].isalpha() or garbled_caps(words[-1])):
            m = vocabulary.match_label(" ".join(words[:-1]))  # a speck read as letters: "Status fä", "Indikator TRR3"
        if m is None and YEAR.fullmatch(text.strip()):
            out.append("year")
        else:
            out.append(m.value if m else None)
    return out


def classify_table(table: Table) -> TableKind:
    labels = set(header_labels(table))
    if labels & {"activities"} or ({"status", "end_date", "start_date"} & labels and len(labels) <= 4
                                   and not labels & {"indicator", "measure"}):  # ("Mått | … | Status": a traffic light each)
        return TableKind.activities
    if "assignment" in labels and labels & {"owner", "follow_up", "comment"}:
        return TableKind.activities  # "Uppdrag | Ansvarig nämnd | Återrapportering | …": a list of assignments
    if labels & {"indicator"} or (labels & {"outcome", "target", "measure"} and len(labels) >= 2):
        return TableKind.indicators
    return TableKind.other


def title_column(labels: list[str | None]) -> int:
    """An activity table's title column: its "Aktivitet" column, else its "Uppdrag" column, else the first."""
    return next((k for name in ("activities", "assignment") for k, lab in enumerate(labels) if lab == name), 0)


def column_of(labels: list[str | None], *names: str) -> int | None:
    for i, lab in enumerate(labels):
        if lab in names:
            return i
    return None


def split_title(cell: Cell) -> tuple[str, str | None]:
    """A title cell that also holds a description: bold lines are the title, else (OCR) the first paragraph."""
    lines = cell.lines
    if not lines:
        return "", None
    bold = [ln for ln in lines if ln.bold]
    if bold and lines[0].bold and len(bold) < len(lines):
        k = next(i for i, ln in enumerate(lines) if not ln.bold)
        title = join_lines([ln.text for ln in lines[:k]])
        rest = "\n".join(group_paragraphs(lines[k:]))
        return title, rest or None
    paras = group_paragraphs(lines)
    if len(paras) > 1 and not bold:
        return paras[0], "\n".join(paras[1:])
    return join_lines([ln.text for ln in lines]), None


def icon_glyph(word: str) -> bool:
    """A lone glyph that OCR makes of a status icon before its label: "e", "o", "c", "I", a
    digit ("9"), signs ("&", "©", "O-"). Callers strip it only where the rest is a label."""
    w = word.strip("-")
    return len(word) <= 2 and (not w or not any(c.isalpha() for c in w) or (len(w) == 1 and w.lower() in "eoci"))


def after_icon(text: str) -> str:
    """An OCR'd line's text without a leading icon glyph (see :func:`icon_glyph`)."""
    words = text.split(None, 1)
    return words[1] if len(words) == 2 and icon_glyph(words[0]) else text


def match_status_prefix(text: str) -> tuple[Status, str] | None:
    """A status label at the start of a text ("Avslutad enligt plan Arbete pågår …"):
    the status and the remaining text."""
    words = text.split()
    if len(words) > 1 and icon_glyph(words[0]) and match_status_prefix(" ".join(words[1:])) is not None:
        words = words[1:]  # a status icon OCR read as a letter ("e Pågående enligt plan")
    words = _unlabelled(words)
    for n in range(min(5, len(words)), 0, -1):
        head = " ".join(words[:n])
        m = vocabulary.match_status(head)
        # one word before more text must be the label itself: "Genomföra hälsosamtal …" is a
        # description opening with a verb, not "Genomförd"
        if m is not None and m.confidence >= (0.95 if n == 1 and len(words) > 1 else 0.85):
            return Status(value=StatusValue(m.value), raw=head.lstrip("▶●•@®© "), confidence=m.confidence), " ".join(words[n:])
    return None


# The title runs to its first word character without backtracking (``[^\w\n]*+``, where
# ``.*?\w`` would retry every later word character for every end of the title: quadratic in
# the length of a long activity text that has no status tail); the match is the same.
STATUS_TAIL = re.compile(r"^(?P<title>[^\w\n]*+\w.*?)\s*(?:[–—-]\s+|:\s*|\(\s*|[●⬤■◼▲▼◆]\s*|(?:\.\s?){3,}\s*|…+\s*)(?P<status>[^–—:()]{3,40}?)\)?\s*\.?$")
_STATUS_WORD = re.compile(r"\s*[–—-]?\s*\bstatus$", re.IGNORECASE)  # "… – status: Klar"


def split_status_suffix(title: str) -> tuple[str, Status | None]:
    """An activity written with its status after a dash, colon or in brackets ("Trygghetsvandringar
    i alla stadsdelar – Pågående", "Ny rutin (Klar)"): the title without it, and the status."""
    m = STATUS_TAIL.match(title)
    if m is None or re.search(r"\b(?:klart|klart senast|slutdatum|tidplan)\W*$", m["title"], re.IGNORECASE):
        return title, None  # (or a date's label before it: "… Klart: löpande")
    found = vocabulary.match_status(m["status"])
    if found is None or found.confidence < 0.9:
        return title, None
    return _STATUS_WORD.sub("", m["title"]), Status(value=StatusValue(found.value), raw=m["status"].strip(), confidence=found.confidence)


def status_line(line: Line) -> Status | None:
    """The status of a line that holds only a status label, after an icon or what OCR reads of
    one ("9 Avslutad enligt plan", "e Pågående enligt plan"); an OCR'd label is given in the
    vocabulary's spelling."""
    words = line.text.split()
    if len(words) > 1 and icon_glyph(words[0]):
        words = words[1:]
    words = _unlabelled(words)
    text = " ".join(words)
    m = vocabulary.match_status(text) if 0 < len(words) <= 5 else None
    if m is None or m.confidence < 0.86:
        return None
    return Status(value=StatusValue(m.value), raw=m.matched if line.method != "native" else text, confidence=m.confidence)


def activity_rows(table: Table, cont: Activity | None = None, step: float | None = None,
                  icons: dict[int, Status] | None = None) -> list[Activity]:
    """Activities from a table with an activity column and status/date/number columns; full-width rows under an
    activity row are its description, status line or comment (paragraphs of OCR'd lines by the document's ``step``,
    see :func:`line_step`), or a status row with an icon alone (``icons``: status by row id). Full-width rows before
    the first activity row go on with the text of ``cont``, the last activity of the table this one continues."""
    labels = header_labels(table)
    title_col = title_column(labels)
    status_col = status_column(table, labels, column_of(labels, "status"))
    report_col = report_column(table, labels, title_col) if status_col is None else None
    start_col = column_of(labels, "start_date")
    end_col = column_of(labels, "end_date")
    progress_col = column_of(labels, "progress")
    number_col = next((k for k, h in enumerate(table.header) if k != title_col and fold(h).strip(" .") in ("nr", "#")), None)
    out: list[Activity] = []
    step = step or line_step([ln for r in table.body for c in r.cells for ln in c.lines])
    icons = icons or {}
    filled_last: str | None = None  # the field the last full-width row went to
    prev: Row | None = None
    for row in table.body:
        filled = [c for c in row.cells if c.text]
        status_row = id(row) in icons  # (a status row: an icon, perhaps a comment)
        if row.full_width or (status_row or len(filled) == 1 and filled[0].col == title_col) and (out or cont):
            act = out[-1] if out else None
            if act is None and cont is not None and filled:
                lines = filled[0].lines
                j = next((i for i, ln in enumerate(lines) if _comment_label(ln.text)), len(lines))
                field = "comment" if cont.comment else "description"
                if j:
                    text, before = "\n".join(paragraphs(lines[:j], step)), getattr(cont, field)
                    # the first row goes on from the page before; a row after it is a paragraph
                    setattr(cont, field, f"{before}\n{text}" if before and prev is not None else join_lines([before or "", text]))
                _attach_full_width(cont, lines[j:], step)
                prev = row
                continue
            if act is not None and status_row:  # the status an icon, the row's text the comment
                lines = [ln for c in row.cells for ln in c.lines]
                act.status, act.comment = act.status or icons[id(row)], list_text(lines, step) or act.comment
                prev, filled_last = row, "comment"
                continue
            opens_comment = bool(row.cells and row.cells[0].lines and _comment_label(row.cells[0].lines[0].text))
            if act is not None and filled_last and prev is not None and prev.page != row.page and prev.full_width \
                    and not opens_comment:
                # the row goes on after a page break: the same text continues
                setattr(act, filled_last, join_lines([getattr(act, filled_last) or "", "\n".join(paragraphs(row.cells[0].lines, step))]))
            else:
                filled_last = _attach_full_width(act, row.cells[0].lines if row.cells else [], step)
            prev = row
            continue
        prev, filled_last = row, None
        cell = next((c for c in row.cells if c.col == title_col), None)
        if (cell is None or not cell.text) and out and description_goes_on(out[-1], row, labels, title_col) \
                or not out and cont is not None and title_goes_on(cont, row, labels, title_col):
            continue
        if cell is None or not cell.text or (table.header and cell.text == table.header[title_col]):
            continue  # empty, or the header repeated after a page break
        # The whole activity in one cell (a positioned table): title and description, then a
        # status line or a "Kommentar" line, and the comment.
        k = next((i for i, ln in enumerate(cell.lines) if i and (status_line(ln) or _comment_label(ln.text))), None)
        head, tail = (cell.lines[:k], cell.lines[k:]) if k is not None else (cell.lines, [])
        status = status_line(tail[0]) if tail else None
        # no fonts, or no weight told apart (a title over its sentences in one type): the row's own line is the title
        if head[0].method != "native" and (status is not None or len(filled) > 1) or titled_lines(head) is not None:
            n = title_wraps(head)
            title, description = join_lines([ln.text for ln in head[:n]]), list_text(head[n:], step)
        else:
            title, description = split_title(Cell(lines=head, bbox=cell.bbox, col=cell.col))
        number, title, description = numbered_title(title, description)
        act = Activity(uid="", number=number, title=title, description=description, status=status, provenance=provenance(row))
        if status is not None:
            act.comment = list_text(tail[1:], step)
        elif tail:
            _attach_full_width(act, tail, step)
        if status_col is not None and act.status is None:
            text = row.cell_text(status_col)
            m = vocabulary.match_status(text) if text else None
            if m is not None:
                act.status = Status(value=StatusValue(m.value), raw=re.sub(r"^[^\wÅÄÖåäö]+", "", text).strip(),
                                   confidence=m.confidence)
        if report_col is not None and act.status is None and (lead := match_status_prefix(row.cell_text(report_col))):
            act.status, act.comment = lead[0], act.comment or lead[1] or None
        act.start_date = cell_date(row.cell_text(start_col)) if start_col is not None else None
        act.end_date = cell_date(row.cell_text(end_col), end=True) if end_col is not None else None
        if number_col is not None and OUTLINE_NUMBER.fullmatch(nr := row.cell_text(number_col).strip()):
            act.number = nr.rstrip(".")  # "Nr | Aktivitet | …": the activity's own number
        if progress_col is not None:
            act.progress = cell_percent(row.cell_text(progress_col))
        text_columns(act, row, labels, title_col, out[-1] if out else None)
        out.append(act)
    return out


def cell_percent(text: str) -> int | None:
    """A Färdiggrad cell in per cent ("60 %", "60%", "100"), else None."""
    m = re.fullmatch(r"\s*(\d{1,3})(?:[,.]\d+)?\s*(?:%|procent)?\s*", text)
    return int(m[1]) if m and int(m[1]) <= 100 else None


def _comment_label(text: str) -> bool:
    """A line that is a comment label, or opens with one before a colon ("Kommentar: …")."""
    t = text.strip().split(":", 1)[0] if ":" in text[:40] else text.strip()
    m = vocabulary.match_label(t) if 0 < len(t.split()) <= 2 else None
    return m is not None and m.value == "comment"


def _attach_full_width(act: Activity | None, lines: list[Line], step: float | None = None) -> str | None:
    """A full-width row under an activity: its status line, description or comment (a
    "Kommentar" line inside the row starts the comment). Returns the field the row's text
    went to."""
    if act is None:
        return None
    j = next((i for i, ln in enumerate(lines) if i and _comment_label(ln.text)), None)
    if j is not None:
        _attach_full_width(act, lines[:j], step)
        return _attach_full_width(act, lines[j:], step)
    text = "\n".join(paragraphs(lines, step))
    if not text:
        return None
    folded = fold(text)
    if folded.startswith("kommentar"):
        act.comment = text.split(None, 1)[1].lstrip(": ") if " " in text or "\n" in text else None
        return "comment"
    first = match_status_prefix(lines[0].text) if act.status is None and lines else None
    if first is not None and not first[1]:  # the status label on a line of its own
        act.status = first[0]
        act.comment = list_text(lines[1:], step)
        return "comment"
    status = match_status_prefix(text) if act.status is None else None
    # one status word going on in lower case opens the comment's sentence ("Avbruten efter beslut …")
    if status is not None and not (len(status[0].raw.split()) == 1 and status[1][:1].islower()):
        act.status, rest = status
        act.comment = rest.strip() or None
        return "comment"
    if act.description is None:
        act.description = text
        return "description"
    act.comment = text if act.comment is None else f"{act.comment}\n{text}"
    return "comment"
