"""Goals and activities listed inside one table cell: a goal cell holding several goals (one a
bullet or a sentence on its own line), an activity cell holding a bulleted list (one activity
a bullet, the row's other columns theirs all)."""

from __future__ import annotations

import re
from collections.abc import Callable

from planparse.layouts import roles
from planparse.layouts.base import provenance
from planparse.layouts.row_shapes import source_row
from planparse.layouts.tables import activity_rows, column_of, header_labels
from planparse.model import Activity
from planparse.reading.model import Line, Row, Table
from planparse.text.assemble import join_lines, list_item
from planparse.text.numbers import parse_number

Drawn = Callable[[Line], bool] | None  # whether a drawn bullet leads a line


def row_text(row: Row, col: int) -> str:
    """A cell's lines joined as one text ("" for no cell)."""
    c = roles.cell(row, col)
    return join_lines([ln.text for ln in c.lines]) if c is not None else ""


def title_note(row: Row, col: int) -> tuple[str, str | None]:
    """A title cell's title and the note set under it in italics (a comment on the activity):
    upright lines, then only italic ones. Without that shape (an OCR'd layer has no italics)
    the whole cell is the title."""
    c = roles.cell(row, col)
    lines = c.lines if c is not None else []
    k = next((i for i, ln in enumerate(lines) if ln.italic), None)
    if not k or not all(ln.italic for ln in lines[k:]):
        return join_lines([ln.text for ln in lines]), None
    return join_lines([ln.text for ln in lines[:k]]), join_lines([ln.text for ln in lines[k:]])


def bold_head(lines: list[Line]) -> int | None:
    """How many of a cell's first lines are bold over regular ones (a title set in bold over
    its description): the count, when the first line is bold and every line after the bold
    ones regular; None otherwise (all one weight, a layer without fonts)."""
    if not lines or not all(ln.method == "native" for ln in lines):
        return None
    k = next((i for i, ln in enumerate(lines) if not ln.bold), len(lines))
    return k if 0 < k < len(lines) and not any(ln.bold for ln in lines[k:]) else None


_NOTE_LABEL = re.compile(r"[A-ZÅÄÖ][\w -]{2,30}:(?:\s|$)")


def cell_goals(row: Row, col: int) -> list[str]:
    """The goals a goal cell lists: one, or one a bullet or a sentence that starts its own line
    after a line ending one ("… och solidaritet." / "Förskolan ska …"); wrapped lines joined."""
    c = roles.cell(row, col)
    items: list[list[str]] = []
    for ln in c.lines if c is not None else []:
        if items and c is not None and ln.size < c.lines[0].size - 0.5 and _NOTE_LABEL.match(ln.text):
            break  # "Framgångsfaktorer: …" set small under the goal: a note on it, no part of it
        item = list_item(ln.text)
        text = item[1] if item is not None and not item[0][:1].isdigit() else ln.text
        if not items or item is not None or (items[-1][-1].rstrip().endswith(".") and text[:1].isupper()):
            items.append([text])
        else:
            items[-1].append(text)
    return [join_lines(i) for i in items] or [row_text(row, col)]


def row_activity(table: Table, row: Row, drawn: Drawn = None) -> list[Activity]:
    """The activity a goal table's row holds in its activity column, with status, dates,
    progress and owner from their columns (see :func:`listed_activities`)."""
    one = Table(rows=[row], n_cols=table.n_cols, header=table.header)
    return listed_activities(one, activity_rows(one), drawn)


def listed_activities(table: Table, acts: list[Activity], drawn: Drawn = None) -> list[Activity]:
    """``acts`` read from ``table``'s rows, where a row's activity cell lists them as bullets one
    each (the row's other columns theirs all), and a cell of one bullet without its bullet.
    ``drawn`` tells a line led by a drawn bullet (no glyph in the text layer)."""
    col = column_of(header_labels(table), "activities")
    if col is None:
        return acts
    out: list[Activity] = []
    for act in acts:
        row = source_row(act, table.body)
        items = cell_items(row, col, drawn) if row is not None and _bulleted(row, col, drawn) else []
        if len(items) >= 2:
            out.extend(act.model_copy(update={"title": t, "description": None}, deep=True) for t in items)
            continue
        if (marked := list_item(act.title)) is not None and not marked[0][:1].isalnum():
            act.title = marked[1]
        out.append(act)
    return out


def _bulleted(row: Row, col: int, drawn: Drawn = None) -> bool:
    """Whether the cell's first line starts with a bullet (a list of items, not a title)."""
    cell = roles.cell(row, col)
    first = cell.lines[0].text.strip() if cell is not None and cell.lines else ""
    marked = list_item(first)
    return (marked is not None and not marked[0][:1].isalnum()) or first in _BULLETS or (
        drawn is not None and cell is not None and bool(cell.lines) and drawn(cell.lines[0]))


def cell_activities(row: Row, col: int) -> list[Activity]:
    """The activities listed in a goal row's activity cell (see :func:`cell_items`)."""
    return [Activity(uid="", title=t, provenance=provenance(row)) for t in cell_items(row, col)]


_BULLETS = frozenset(("•", "▪", "●", "\uf0b7", "\uf0a7"))  # alone on a line, the item on the next


def cell_items(row: Row, col: int, drawn: Drawn = None) -> list[str]:
    """The items a cell lists, one a paragraph: a line going on in lower case (any line without
    a bullet, in a bulleted list) continues the one above; a bullet starts one (Word's
    Symbol-font bullet too, also on a line of its own)."""
    cell = roles.cell(row, col)
    items: list[str] = []
    bullet = listed = False
    for ln in cell.lines if cell is not None else []:
        text = ln.text.strip()
        marked = list_item(text)
        if marked is not None and not marked[0][:1].isalnum():
            text, bullet = marked[1], True
        elif text[:2] == "o ":  # Word's second-level bullet
            text, bullet = text[2:].strip(), True
        elif text in _BULLETS:
            bullet = True  # the bullet alone; its item on the next line
            continue
        elif drawn is not None and drawn(ln):
            bullet = True
        listed = listed or bullet
        if items and not bullet and (text[:1].islower() or listed):
            items[-1] = join_lines([items[-1], text])
        elif text:
            items.append(text)
        bullet = False
    return items


def goal_named_in_rows(table: Table, labels: list[str | None]) -> int | None:
    """A "Mål" column after the activity column whose cells state goals ("Aktivitet | Mål |
    Ansvarig": "Gator och vägar ska vara säkra …", a sentence, not a target's figure): its
    index, else None."""
    col = next((i for i, label in enumerate(labels) if i and label == "goal"), None)
    texts = [row_text(r, col) for r in table.body if not r.full_width] if col is not None else []
    stated = [t for t in texts if len(t.split()) >= 3 and parse_number(t) is None]
    return col if texts and 2 * len(stated) > len(texts) else None
