"""Goal tables whose first column holds each goal's code ("Kod | Mål | Indikator | Bedömning"):
"KF1", "NM 1.2", "VM-4", "M3a", "2.1". The code is the goal's number, not a group's name; a row
of a code and a title alone, before rows whose codes are of another kind ("KF1" over "NM 1.1"),
is the group those goals are in (kommunfullmäktiges mål over nämndens)."""

from __future__ import annotations

import re

from planparse.layouts.cell_items import row_text
from planparse.reading.model import Row, Table

# A code: letters (a goal word's initials) and an outline number, or the number alone
CODE = re.compile(r"(?P<prefix>[A-ZÅÄÖ]{1,4})?[\s-]?\d{1,2}(?:\.\d{1,2}){0,3}[a-z]?\.?")


def code_column(table: Table, col: int) -> int | None:
    """The column left of the goal column ``col`` whose every filled body cell is a code."""
    for i in range(col - 1, -1, -1):
        cells = [t for r in table.body if not r.full_width and (t := row_text(r, i).strip())]
        # (an OCR'd code may come out as letters: "Mila" for "M1a"; short, and most of them codes)
        if len(cells) >= 2 and all(len(c) <= 7 for c in cells) and sum(bool(CODE.fullmatch(c)) for c in cells) * 4 >= len(cells) * 3:
            return i
    return None


def _prefix(code: str) -> str:
    m = CODE.fullmatch(code.strip())
    return (m["prefix"] or "") if m else ""


def group_row(table: Table, index: int, col: int, code_col: int) -> bool:
    """Whether body row ``index`` names a group: its code and title alone, the next row's code
    of another kind, and that row with more than a code and a title."""
    body = table.body
    row = body[index]
    code = row_text(row, code_col).strip()
    if not code or index + 1 >= len(body) or any(
            row_text(row, c.col).strip() for c in row.cells if c.col not in (code_col, col)):
        return False
    following = body[index + 1]
    after = row_text(following, code_col).strip()
    return bool(after) and _prefix(after) != _prefix(code) and any(
        row_text(following, c.col).strip() for c in following.cells if c.col not in (code_col, col))


def code_of(text: str) -> str | None:
    """``text`` as a code, an OCR'd one's figure one read as letters given back ("Mila", "Mla"
    → "M1a"), else None."""
    text = text.strip()
    if CODE.fullmatch(text):
        return text.rstrip(".")
    again = text[:1] + re.sub(r"[1ilI|]+", "1", text[1:]) if 2 <= len(text) <= 6 else ""
    return again.rstrip(".") if again and CODE.fullmatch(again) else None


def row_code(row: Row, code_col: int | None) -> str | None:
    """The row's code, as its goal's number."""
    return code_of(row_text(row, code_col)) if code_col is not None else None
