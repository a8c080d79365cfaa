"""The text columns of an activity table's rows besides the title: who owns the activity, its
comment, its description and its follow-up ("Uppdrag | Ansvarig | Status | Kommentar",
"Aktivitet | Beskrivning | Status | Slutdatum", "Aktivitet | Ansvarig | Uppföljning"), and a description cell that wraps onto a row of its own."""

from __future__ import annotations

import re

from planparse.model import Activity
from planparse.reading.model import Line, Row, line_gap
from planparse.text.assemble import ends_open, join_lines
from planparse.text.repair import ocr_name_stop

# An activity's number after its kind's word, opening its title cell: "Uppdrag 2027:04", "Åtgärd 3.2".
_NUMBER_LABEL = re.compile(r"^(?:uppdrag|aktivitet|åtgärd|insats)\s+(?P<num>\d{4}:\d{1,3}|\d{1,2}(?:[.:]\d{1,3}){0,3})\.?"
                           r"(?:\s*[:–—-])?(?:\s+(?P<title>[A-ZÅÄÖ\"”].*))?$", re.IGNORECASE | re.DOTALL)
_FIELDS = (("owner", "owner"), ("comment", "comment"), ("description", "description"))


def _column(labels: list[str | None], name: str) -> int | None:
    return next((i for i, lab in enumerate(labels) if lab == name), None)


def text_columns(act: Activity, row: Row, labels: list[str | None], title_col: int, above: Activity | None = None) -> None:
    """``act``'s owner, comment, description and follow-up from the columns of ``row`` their
    header ``labels`` name, where the activity has none yet; an owner cell merged with the one
    above it names the owner of the activity ``above`` (one "Ansvarig" beside two activities)."""
    for label, field in _FIELDS:
        col = _column(labels, label)
        if col is not None and col != title_col and getattr(act, field) is None:
            text = row.cell_text(col)
            setattr(act, field, owner_text(row, text) if field == "owner" else text or None)
            if field == "owner" and not text and above is not None and row.merged_up(col):
                act.owner = above.owner
    col = _column(labels, "follow_up")  # "Aktivitet | Ansvarig | Uppföljning": how it is followed up
    if col is not None and col != title_col and not act.follow_up and (text := row.cell_text(col)):
        act.follow_up = [text]


def owner_text(row: Row, text: str) -> str | None:
    """An owner cell's text of ``row``; on an OCR'd row without the stop a speck after the
    name was read as (:func:`planparse.text.repair.ocr_name_stop`)."""
    return (text if row.native else ocr_name_stop(text)) or None


def description_goes_on(act: Activity, row: Row, labels: list[str | None], title_col: int) -> bool:
    """A row with no title whose only text is in the description column (an unruled table's
    description wrapped past its row's other cells: "… framtagen av" / "SKR."): the text goes
    on ``act``'s description. Whether it did."""
    col = _column(labels, "description")
    if col is None or col == title_col or act.description is None:
        return False
    filled = [c for c in row.cells if c.text]
    if len(filled) != 1 or not filled[0].col <= col < filled[0].col + filled[0].colspan:
        return False
    act.description = join_lines([act.description, filled[0].text])
    return True


def title_goes_on(cont: Activity, row: Row, labels: list[str | None], title_col: int) -> bool:
    """The first row of a table going on from the page before under its repeated header, its
    title cell in lower case and no status, owner or date beside it ("med öppen verksamhet …"):
    the rest of ``cont``'s title (and of its comment, beside it). Whether it was."""
    title = next((c for c in row.cells if c.col == title_col and c.text), None)
    if title is None or not title.text[:1].islower() or cont.title.rstrip().endswith((".", "!", "?")):
        return False
    others = [c for c in row.cells if c.text and c is not title]
    if any(labels[c.col] != "comment" for c in others if c.col < len(labels)):
        return False
    cont.title = join_lines([cont.title, title.text])
    for c in others:
        cont.comment = join_lines([cont.comment or "", c.text]).strip() or None
    return True


def percent_of_its_own(row: Row, labels: list[str | None], act: Activity) -> bool:
    """Whether a row past a page break fills the table's per cent column where ``act``, the
    activity before the break, has its own: the next activity, not ``act``'s title going on."""
    col = _column(labels, "progress")
    return col is not None and act.progress is not None and bool(row.cell_text(col))


def title_wraps(lines: list[Line]) -> int:
    """How many of an OCR'd cell's first lines make its title: the first, and the lines that
    wrap it: set close under it (no paragraph's space), going on in lower case after no
    sentence's end ("Skapa Storytelling med temat" / "friskvårdsbidrag"), or after a word no
    title ends with (:data:`OPEN_ENDS`: "Skapa utbildning kring" / "Rehabiliteringsprocessen")."""
    n = 1
    while n < len(lines):
        above, line = lines[n - 1], lines[n]
        height = max(above.bbox[3] - above.bbox[1], 1.0)
        if above.text.rstrip().endswith((".", ":", ";")) or line_gap(above, line) > 0.8 * height \
                or not (line.text[:1].islower() or ends_open(above.text)):
            break
        n += 1
    return n


def titled_lines(lines: list[Line]) -> int | None:
    """How many of a cell's first lines make a title set over its sentences in the same type
    ("Bilar" / "Två elbilar för hembesök.": no weight tells them apart; :func:`title_wraps`),
    when the cell reads so: the last line ends a sentence, the title none; else None."""
    if len(lines) < 2 or any(ln.bold for ln in lines) or not lines[-1].text.rstrip().endswith(".") \
            or lines[0].text.rstrip().endswith("."):
        return None
    n = title_wraps(lines)  # (a title ending a sentence is one of the cell's sentences: no title apart)
    return n if n < len(lines) and not lines[n - 1].text.rstrip().endswith(".") else None


def numbered_title(title: str, description: str | None) -> tuple[str | None, str, str | None]:
    """(number, title, description) of an activity cell whose title is its number after its
    kind's word ("Uppdrag 2027:04" over the assignment, or before it on its line); the title
    and description as they are, without a number, otherwise."""
    lead = _NUMBER_LABEL.match(title)
    if lead is None or not (lead["title"] or description):
        return None, title, description
    rest = lead["title"] or ""
    if not rest and description:
        rest, _, description = description.partition("\n")
    return lead["num"], rest.strip(), description or None
