"""A plan printed in two languages read as its Swedish text: lines that translate the Swedish
(the Finnish under each paragraph, a Sami heading after the Swedish one) set aside as noise,
and a translation after a slash cut from a line or a table cell ("Mål / Tavoitteet"), before
any layout reads the pages (see :mod:`planparse.text.language`)."""

from __future__ import annotations

import dataclasses

from planparse.reading.model import Document, Line, Page, Span, Table
from planparse.text.language import swedish_part, translation


def _cut(line: Line, left: int) -> Line:
    """``line``'s first ``left`` characters: its spans up to there, the last shortened in
    proportion."""
    spans: list[Span] = []
    for s in line.spans:
        t = s.text.strip()
        if left <= 0:
            break
        if len(t) > left:
            w = (s.bbox[2] - s.bbox[0]) * left / max(len(t), 1)
            s = dataclasses.replace(s, text=t[:left].rstrip(), bbox=(s.bbox[0], s.bbox[1], s.bbox[0] + w, s.bbox[3]))
        spans.append(s)
        left -= len(t) + 1
    return dataclasses.replace(line, spans=spans) if spans else line


def _swedish_lines(lines: list[Line]) -> list[Line]:
    """Lines of one text (a cell's) without its translation: lines of their own, or the part
    after a slash (which may wrap onto the next line)."""
    kept = [ln for ln in lines if not translation(ln.text)] or lines
    text = " ".join(ln.text for ln in kept)
    left = len(swedish_part(text)) if " / " in text else len(text)
    if left == len(text):
        return kept
    out: list[Line] = []
    for ln in kept:
        if left <= 0:
            break
        out.append(_cut(ln, left) if len(ln.text) > left else ln)
        left -= len(ln.text) + 1
    return out


def _translated_col(table: Table) -> int | None:
    """A column that translates the others (a parallel text "Mål 1: …" | "Goal 1: …"): most of its
    cells of two words or more translations, few of the other columns' cells."""
    def share(col: int, inside: bool) -> float:
        texts = [c.text for r in table.rows for c in r.cells if c.colspan == 1 and (c.col == col) == inside
                 and len(c.text.split()) >= 2]
        return sum(1 for t in texts if translation(t)) / len(texts) if len(texts) >= 2 else 0.0
    return next((k for k in range(1, table.n_cols) if share(k, True) >= 0.6 and share(k, False) <= 0.2), None)


def _table(table: Table) -> Table:
    """``table`` with its cells' translations cut, and a column that translates the others
    dropped (with one column left, a text box: its lines are read as text)."""
    if (col := _translated_col(table)) is not None:
        rows = [dataclasses.replace(r, cells=[dataclasses.replace(c, col=c.col - (c.col > col)) for c in r.cells
                                              if c.col != col]) for r in table.rows]
        return dataclasses.replace(table, rows=[r for r in rows if r.cells], n_cols=table.n_cols - 1,
                                   header=[h for k, h in enumerate(table.header) if k != col],
                                   columns=[x for k, x in enumerate(table.columns) if k != col + 1])
    if not any(" / " in c.text or any(translation(ln.text) for ln in c.lines) for r in table.rows for c in r.cells):
        return table
    rows = [dataclasses.replace(r, cells=[dataclasses.replace(c, lines=_swedish_lines(c.lines)) for c in r.cells])
            for r in table.rows]
    return dataclasses.replace(table, rows=rows, header=[swedish_part(h) for h in table.header])


def _translated_column(page: Page, told: set[int]) -> set[int]:
    """Ids of the lines of a page's right column that translates its left one (most of its
    lines of two words or more translations, few of the left's): its short lines too
    ("sivua", "TOIMENPITEET"). ``told``: the ids of the document's lines in another language."""
    if not page.two_columns:
        return set()
    right = [ln for ln in page.lines if ln.bbox[0] >= 0.45 * page.width]
    left = [ln for ln in page.lines if ln.bbox[2] <= 0.55 * page.width]

    def share(lines: list[Line]) -> float:
        long = [ln for ln in lines if len(ln.text.split()) >= 2]
        return sum(1 for ln in long if id(ln) in told) / len(long) if len(long) >= 3 else 0.0

    return {id(ln) for ln in right} if share(right) >= 0.5 and share(left) <= 0.1 else set()


def swedish_only(doc: Document) -> Document:
    """``doc`` with its translations set aside (see the module's doc); ``doc`` itself when it
    has none, or when most of its lines are in another language (a document in English is no
    translation of itself)."""
    told = {id(ln) for page in doc.pages for ln in page.lines if translation(ln.text)}
    if 2 * len(told) > sum(1 for page in doc.pages for ln in page.lines if len(ln.text.split()) >= 2):
        return doc
    pages: list[Page] = []
    for page in doc.pages:
        kept: list[Line] = []
        foreign: list[Line] = []
        column = _translated_column(page, told)
        for ln in page.lines:
            if id(ln) in column or id(ln) in told:
                foreign.append(ln)
            else:
                kept.append(_swedish_lines([ln])[0] if " / " in ln.text else ln)
        tables = [_table(t) for t in page.tables]
        if foreign or any(a is not b for a, b in zip(kept, page.lines, strict=False)) or any(
                a is not b for a, b in zip(tables, page.tables, strict=True)):
            page = dataclasses.replace(page, lines=kept, noise=[*page.noise, *foreign], tables=tables)
        pages.append(page)
    return doc if all(a is b for a, b in zip(pages, doc.pages, strict=True)) else dataclasses.replace(doc, pages=pages)
