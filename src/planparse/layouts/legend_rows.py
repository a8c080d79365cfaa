"""A legend laid out as a table: "Färg | Mål | Aktivitet" or "Symbol | Bedömning av mål |
Symbol | Status för aktivitet", each body row an icon (or a filled cell) followed by the names
of what it means, one cell each. Its cells are no page lines, so the line-wise legend reader
does not see them.

A row is a legend row when every cell with text in it names a status or an assessment: an
activity row beside its status icon has a title, which names neither."""

from __future__ import annotations

from planparse import vocabulary
from planparse.layouts.marker import Marker
from planparse.reading.model import Cell, Row
from planparse.text.fold import fold

# What a legend entry's name may say it is for, before a colon ("Mål: Uppfyllt", "Aktivitet: Klar").
_FOR = {"mal": "assessments", "malet": "assessments", "bedomning": "assessments", "aktivitet": "statuses",
        "aktiviteter": "statuses", "status": "statuses", "uppdrag": "statuses", "atgard": "statuses"}


def legend_kind(label: str) -> tuple[str | None, str]:
    """The kind a legend entry names ("statuses", "assessments", None for either) and its name:
    "Mål: Uppfyllt" is an assessment, "Aktivitet: Klar" a status."""
    head, colon, rest = label.partition(":")
    kind = _FOR.get(fold(head).strip()) if colon and rest.strip() else None
    return kind, rest.strip() if kind else label


def _names(text: str) -> bool:
    kind, name = legend_kind(text)
    return any(vocabulary.match_legend(k, name) is not None for k in ("statuses", "assessments") if kind in (None, k))


def _worded(row: Row) -> list[Cell]:
    """The row's cells with words in them (an icon set as a glyph, "●", has none)."""
    return [c for c in row.cells if any(ch.isalpha() for ch in c.text)]


def names_only(row: Row) -> bool:
    """Whether the row has text and every cell with words in it names a status or an assessment."""
    named = _worded(row)
    return bool(named) and all(_names(c.text) for c in named)


def legend_rows(rows: list[Row], markers: list[Marker]) -> list[tuple[Marker, str]]:
    """Each icon of a legend row with every name in the cells right of it up to the row's
    next icon (a fill as wide as its cell ends where the next cell starts)."""
    out: list[tuple[Marker, str]] = []
    for row in rows:
        if not names_only(row):
            continue
        named = _worded(row)
        x0, y0, x1, y1 = row.bbox
        icons = sorted((m for m in markers if m.bar is None and y0 - 1 <= (m.bbox[1] + m.bbox[3]) / 2 <= y1 + 1
                        and x0 - 1 <= m.bbox[0] and m.bbox[2] <= x1 + 1), key=lambda m: m.bbox[0])  # fmt: skip
        for k, m in enumerate(icons):
            stop = icons[k + 1].bbox[0] if k + 1 < len(icons) else x1
            out.extend((m, c.text) for c in named if m.bbox[2] - 1 <= c.bbox[0] and c.bbox[2] <= stop + 1)
    return out
