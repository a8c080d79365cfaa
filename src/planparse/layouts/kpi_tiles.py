"""KPI tiles: a designed plan shows a goal's measure as a big figure ("64 %") with a small
caption over it ("Utfall 2026"), its name in small type under it ("andel vuxna som motionerar
varje vecka") and its target beside it ("Mål 2027: 70 %"), or as a table of one row whose first
cell holds the figure over "Utfall 2026: <name>" and whose other cells the targets. Each tile is
one indicator of the goal in scope; its lines are read here, not as text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planparse.layouts.base import provenance
from planparse.layouts.indicators import value_kind
from planparse.layouts.typography import Typography
from planparse.model import Indicator, IndicatorValue, ValueKind
from planparse.reading.model import Document, Line, Table
from planparse.text.assemble import join_lines
from planparse.text.numbers import parse_number

_FIGURE = re.compile(r"[<>≈~]?\s*[−-]?\d{1,3}(?:[\s\u00a0]\d{3})*(?:[,.]\d+)?\s*(?:%|st|kr|tkr|mnkr|dagar|min)?")
_LABELLED = re.compile(r"(?P<label>[^:]{2,30}):\s*(?P<value>[−-]?\d[\d\s\u00a0]*(?:[,.]\d+)?\s*\S{0,5})")
_BIG = 1.8  # a tile's figure at least this many times the body size
_BESIDE = 160.0  # points right of the figure a target may stand


@dataclass
class Tile:
    indicator: Indicator
    parts: list[Line | Table]  # the tile's lines, its figure first, or its table


def kpi_tiles(doc: Document, typo: Typography) -> dict[int, Tile]:
    """The document's tiles, each under the id of every one of its lines (or of its table)."""
    out: dict[int, Tile] = {}
    for page in doc.pages:
        for table in page.tables:
            if (tile := _tile_table(table, typo)) is not None:
                out[id(table)] = tile
        for figure in page.lines:
            if id(figure) in out or typo.size(figure) < _BIG * typo.body or not _FIGURE.fullmatch(figure.text.strip()):
                continue
            tile = _tile(figure, page.lines, typo)
            if tile is not None:
                out.update((id(ln), tile) for ln in tile.parts)
    return out


def _tile(figure: Line, lines: list[Line], typo: Typography) -> Tile | None:
    fx0, fy0, fx1, fy1 = figure.bbox
    small = [ln for ln in lines if ln is not figure and typo.size(ln) <= typo.body + 0.3]
    caption = next((ln for ln in small if abs(ln.x0 - fx0) <= 6 and ln.y0 < fy0 and ln.bbox[3] - fy0 <= 0.4 * (fy1 - fy0)
                    and value_kind(ln.text)[0] is not ValueKind.other), None)
    name: list[Line] = []
    for ln in sorted((ln for ln in small if abs(ln.x0 - fx0) <= 6 and ln.y0 >= fy1 - 2), key=lambda ln: ln.y0):
        bottom = name[-1].bbox[3] if name else fy1
        if ln.y0 - bottom > 1.2 * (ln.bbox[3] - ln.bbox[1]) or _FIGURE.fullmatch(ln.text.strip()) or _LABELLED.fullmatch(ln.text):
            break
        name.append(ln)
    targets = [(ln, m) for ln in small if fx1 < ln.x0 <= fx1 + _BESIDE and fy0 - 4 <= ln.y0 <= (name[-1].bbox[3] if name else fy1)
               and (m := _LABELLED.fullmatch(ln.text.strip())) and value_kind(m["label"])[0] is not ValueKind.other]
    if not name and caption is None and not targets:  # the name over the figure, its target under it
        name, targets = _name_over(figure, small), _targets_under(figure, small)
    if not name or not (caption or targets):
        return None  # a big figure alone: a chapter's number, a fact box's figure
    values = [_value(caption.text if caption is not None else "Utfall", figure.text)]
    values += [_value(m["label"], m["value"]) for _, m in targets]
    indicator = Indicator(uid="", name=join_lines([ln.text for ln in name]), values=values, provenance=provenance(*name))
    return Tile(indicator, [figure, *([caption] if caption else []), *name, *(ln for ln, _ in targets)])


def _name_over(figure: Line, small: list[Line]) -> list[Line]:
    """A tile's name in small type right over its figure, left-aligned with it ("Andel trygga
    elever, åk 5" over "91 %"), no value's label."""
    above = [ln for ln in small if abs(ln.x0 - figure.x0) <= 6 and ln.y0 < figure.y0  # (a big figure's box starts high)
             and ln.bbox[3] <= figure.y0 + 0.2 * (figure.bbox[3] - figure.y0) and figure.y0 - ln.bbox[3] <= 1.5 * (ln.bbox[3] - ln.y0)]
    nearest = max(above, key=lambda ln: ln.y0, default=None)
    if nearest is None or _LABELLED.fullmatch(nearest.text.strip()) or value_kind(nearest.text)[0] is not ValueKind.other:
        return []
    return [nearest]


def _targets_under(figure: Line, small: list[Line]) -> list[tuple[Line, re.Match[str]]]:
    """A tile's targets right under its figure, left-aligned with it ("Mål: 88 %")."""
    under = sorted((ln for ln in small if abs(ln.x0 - figure.x0) <= 6 and figure.bbox[3] - 2 <= ln.y0
                    and ln.y0 - figure.bbox[3] <= 0.6 * (figure.bbox[3] - figure.y0)), key=lambda ln: ln.y0)
    return [(ln, m) for ln in under[:2] if (m := _LABELLED.fullmatch(ln.text.strip())) and value_kind(m["label"])[0] is not ValueKind.other]


def _tile_table(table: Table, typo: Typography) -> Tile | None:
    if len(table.rows) != 1 or len(cells := table.rows[0].cells) < 2 or len(lines := cells[0].lines) < 2:
        return None
    figure, first = lines[0], _LABELLED_NAME.fullmatch(lines[1].text.strip())
    if typo.size(figure) < _BIG * typo.body or not _FIGURE.fullmatch(figure.text.strip()) or first is None:
        return None
    targets = [m for c in cells[1:] if (m := _LABELLED.fullmatch(c.text.strip())) and value_kind(m["label"])[0] is not ValueKind.other]
    if value_kind(first["label"])[0] is ValueKind.other or not targets:
        return None
    values = [_value(first["label"], figure.text), *(_value(m["label"], m["value"]) for m in targets)]
    name = join_lines([first["name"], *(ln.text for ln in lines[2:])])
    return Tile(Indicator(uid="", name=name, values=values, provenance=provenance(*lines[1:])), [table])


_LABELLED_NAME = re.compile(r"(?P<label>[^:]{2,30}):\s*(?P<name>\D.*)")


def _value(label: str, raw: str) -> IndicatorValue:
    """A tile's value: its label ("Utfall 2026", "Mål 2027") says its kind and year."""
    kind, year = value_kind(label)
    return IndicatorValue(label=label.strip(), kind=kind, year=year, raw=raw.strip(), value=parse_number(raw.strip()))
