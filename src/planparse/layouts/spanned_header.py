"""Table headers of two rows whose upper label spans several columns: group columns of
indicators ("Utfall 2025" over Totalt | Kvinnor | Män: each of those columns' values is the
upper label's, of the group under it; told from the header's lines, not its rules: a spanning
cell may be drawn without any, one shaded band, its label left-aligned over the first column
only), and the own labels of money columns ("Budget 2027" over Utgift | Inkomst | Netto)."""

from __future__ import annotations

from planparse.layouts.base import YEAR
from planparse.layouts.roles import cell
from planparse.model import ValueGroup
from planparse.reading.model import Line, Row, Table
from planparse.text.assemble import join_lines
from planparse.text.fold import fold

_GROUP_WORDS = {"kvinnor": ValueGroup.women, "flickor": ValueGroup.women, "man": ValueGroup.men,
                "pojkar": ValueGroup.men, "totalt": ValueGroup.total, "total": ValueGroup.total, "tot": ValueGroup.total}


def _group(text: str) -> ValueGroup | None:
    return _GROUP_WORDS.get(fold(text).strip())


def spanned_groups(table: Table) -> dict[int, tuple[str, ValueGroup]]:
    """Value columns under a spanning label: column → (label, group). A column whose header
    holds only a group word on the header's lower line takes the upper line's label of the
    nearest column to its left whose header has a label above a group word; that column
    too. Empty when the header is one line."""
    cols: dict[int, list[Line]] = {}
    for row in table.rows:
        if not row.is_header:
            continue
        for c in row.cells:
            for k in range(c.col, c.col + c.colspan):
                cols.setdefault(k, []).extend(c.lines)
    tops = sorted({round(ln.bbox[1]) for lines in cols.values() for ln in lines})
    if len(tops) < 2:
        return {}
    lower = tops[-1]

    def on_lower(ln: Line) -> bool:
        return abs(ln.bbox[1] - lower) <= 2

    out: dict[int, tuple[str, ValueGroup]] = {}
    label: str | None = None
    for k in sorted(cols):
        lines = sorted(cols[k], key=lambda ln: ln.bbox[1])
        below = [ln for ln in lines if on_lower(ln)]
        above = [ln for ln in lines if not on_lower(ln)]
        group = _group(" ".join(ln.text for ln in below)) if below else None
        if group is not None and above and _group(above[-1].text) is None:
            label = " ".join(ln.text.strip() for ln in above)  # "Utfall 2025" over "Totalt"
            out[k] = (label, group)
        elif group is not None and not above and label is not None:
            out[k] = (label, group)  # "Kvinnor" under the span
        else:
            label = None
    return out if any(g is not ValueGroup.total for _, g in out.values()) else {}


def own_labels(header_rows: list[Row], labels: list[str]) -> list[str]:
    """Each column's own header, as printed: in a header of several rows, without a cell that
    spans it and its neighbours ("Utgift per år (mnkr)" over "2026 | 2027 | …" gives "2026"),
    unless that cell names the year its columns lack: "Budget 2027" over "Utgift | Inkomst |
    Netto" is each one's label ("Budget 2027 Utgift")."""
    out = list(labels)
    if len(header_rows) < 2:
        return out
    for i in range(len(labels)):
        cells = [c for r in header_rows if (c := cell(r, i)) is not None and c.text]
        parts = [c.text for c in cells if c.colspan == 1]
        spanning = " ".join(c.text for c in cells if c.colspan > 1)
        if YEAR.search(spanning) and not any(YEAR.search(p) for p in parts):
            continue  # (the joined label, upper over lower)
        if parts and len(parts) < len(cells):
            out[i] = join_lines(parts)
    return out
