"""Key-figure codes printed with indicators (Kolada's "N01951", "U21468"): a column of them
beside the names, or a code in brackets after a name ("Andel nöjda brukare¹ (U21468)"). A code
says which indicator it is, so it is no value and no part of the name: it is the indicator's
source reference."""

from __future__ import annotations

import re

from planparse.reading.model import Table
from planparse.text.fold import fold

# A column of key-figure codes ("Kolada-id" | "N01951"): which indicator it is, no value
_ID_HEAD = re.compile(r"(?:kolada|kpi|nyckeltals?)(?:[- ]?id)?|id|kod")
_ID_CELL = re.compile(r"[A-Z]{1,3}\d{3,6}")
# A Kolada code in brackets at a name's end, and the footnote marks set as superscript digits before it
_NAMED_ID = re.compile(r"\s*\((?:kolada:?\s*)?(?P<id>[NU]\d{5})\)\s*$", re.IGNORECASE)
# Footnote marks set as superscript digits after a word ("brukare¹"), not a unit's power ("kWh/m²")
FOOTNOTE_MARKS = re.compile(r"(?:(?<=[^\W\dm])[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=m)[¹⁴⁵⁶⁷⁸⁹⁰]+)(?=\s|$)")


def code_column(table: Table, col: int) -> bool:
    """Whether column ``col`` holds key-figure codes (Kolada ids), not values."""
    cells = [t for r in table.body for c in r.cells if c.col == col and c.colspan == 1 and (t := c.text.strip())]
    head = fold(table.header[col]).strip() if col < len(table.header) else ""
    return bool(cells) and all(_ID_CELL.fullmatch(t) for t in cells) and (
        _ID_HEAD.fullmatch(head) is not None or len(cells) >= 3)


def split_code(name: str) -> tuple[str, str | None]:
    """An indicator's name without the Kolada code in brackets after it (and the footnote
    marks before the code), and the code: "Andel nöjda brukare¹ (U21468)" → ("Andel nöjda
    brukare", "U21468"); a name without one as it is."""
    m = _NAMED_ID.search(name)
    if m is None:
        return name, None
    return FOOTNOTE_MARKS.sub("", name[:m.start()]).strip(), m["id"].upper()
