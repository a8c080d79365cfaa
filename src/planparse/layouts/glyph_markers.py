"""Coloured icon glyphs in the text ("●" in green, "▲" in red): Word documents colour a text
glyph where others draw a shape."""

from __future__ import annotations

import re

from planparse.layouts.marker import Marker, color_name
from planparse.reading.model import Page, Row

ICON_GLYPHS = frozenset("●⬤■◼▲▼◆⯁★")  # text glyphs Word documents colour ("●" in green, "▲" in red)
_ANY_GLYPH = re.compile("[●⬤■◼▲▼◆⯁★]")


def glyph_markers(page: Page, rows: list[Row]) -> list[tuple[Marker, str]]:
    """Coloured icon glyphs in the page's text and in the cells of the table ``rows`` on the
    page (a table broken over pages keeps its rows' own pages), each with the text after it on
    its line up to the next glyph (a legend's label, or nothing in a status cell)."""
    lines = list(page.lines) + [ln for r in rows for c in r.cells for ln in c.lines]
    out: list[tuple[Marker, str]] = []
    for ln in lines:
        spans = ln.spans
        if not _ANY_GLYPH.search(ln.text):  # (a line's text keeps every glyph of its spans)
            continue
        for k, sp in enumerate(spans):
            glyph = sp.text.strip()
            # (the first character tested alone first: almost every span is a word, not a glyph)
            if not glyph or glyph[0] not in ICON_GLYPHS or any(ch not in ICON_GLYPHS for ch in glyph) \
                    or (colour := color_name(sp.color)) is None:
                continue
            after: list[str] = []
            for nxt in spans[k + 1:]:
                if nxt.text.strip()[:1] in ICON_GLYPHS:
                    break
                after.append(nxt.text)
            out.append((Marker(page.number, sp.bbox, colour, rgb=sp.color), "".join(after).strip()))
    return out
