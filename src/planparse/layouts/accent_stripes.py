"""Accent stripes: a card's coloured edge that carries its owner's status or assessment.

Planning-system exports draw each goal as a card with a coloured bar along its top (Stratsys)
or a coloured border down its left side (web tools: ``border-left: 4px solid green``), and no
icon or word: the stripe's colour is the assessment. A stripe is a filled rectangle a few
points thick and long along the card, with no text on it; its owner is the first goal or
activity whose title starts just under a top stripe, or just right of a left one and within
its height. Stripes of one colour only through the document are decoration (a theme's rule
under every heading), never a value."""

from __future__ import annotations

from planparse.layouts.icons import Marker, Markers
from planparse.layouts.marker import color_name
from planparse.model import Activity, Goal
from planparse.reading.model import Document, Drawing, overlap

Owner = Goal | Activity
_THICK = (2.0, 8.0)  # points: a stripe's thickness
_LONG = 150.0  # points: a top stripe's length at least (a left one's: _TALL)
_TALL = 30.0
_UNDER = 40.0  # points: the most between a top stripe and its owner's title
_BESIDE = 40.0  # points: the most between a left stripe and its owner's title
_VALUED = ("green", "yellow", "red")


def _stripes(doc: Document, named: set[str]) -> list[tuple[int, Drawing, bool]]:
    """(page, drawing, is_top) of every coloured stripe with no text on it: green, yellow or
    red, or a colour the document's key names (``named``: "grå = Ej startad")."""
    out: list[tuple[int, Drawing, bool]] = []
    for page in doc.pages:
        for d in page.drawings:
            if d.fill is None or d.kind not in ("rect", "shape") or color_name(d.fill) not in (*_VALUED, *named):
                continue
            w, h = d.bbox[2] - d.bbox[0], d.bbox[3] - d.bbox[1]
            top = _THICK[0] <= h <= _THICK[1] and w >= _LONG
            left = _THICK[0] <= w <= _THICK[1] and h >= _TALL
            if (top or left) and not any(overlap(ln.bbox, d.bbox) for ln in page.lines):
                out.append((page.number, d, top))
    return out


def _owner(d: Drawing, top: bool, owners: list[Owner]) -> Owner | None:
    def under(o: Owner) -> bool:
        b = o.provenance.bbox
        return 0 <= b[1] - d.bbox[3] <= _UNDER and b[0] < d.bbox[2] and d.bbox[0] < b[2]

    def beside(o: Owner) -> bool:
        b = o.provenance.bbox
        return 0 <= b[0] - d.bbox[2] <= _BESIDE and d.bbox[1] - 2 <= b[1] <= d.bbox[3]

    near = [o for o in owners if (under(o) if top else beside(o))]
    return min(near, key=lambda o: (o.provenance.bbox[1], o.provenance.bbox[0])) if near else None


def attach_stripes(doc: Document, markers: Markers, owners: list[Owner]) -> None:
    """Give owners without a value their card's stripe's (one stripe an owner)."""
    stripes = _stripes(doc, {colour for colour, _ in (*markers.legend_status, *markers.legend_assessment)})
    if len({color_name(d.fill or 0) for _, d, _ in stripes}) < 2:
        return
    by_page: dict[int, list[Owner]] = {}
    for o in owners:
        if o.provenance is not None and o.provenance.bbox is not None:
            by_page.setdefault(o.provenance.page, []).append(o)
    given: set[int] = set()
    for page, d, top in stripes:
        owner = _owner(d, top, by_page.get(page, []))
        if owner is None or id(owner) in given:
            continue
        m = Marker(page, d.bbox, color_name(d.fill or 0))
        if isinstance(owner, Activity) and owner.status is None:
            owner.status = markers.status(m)
        elif isinstance(owner, Goal) and owner.assessment is None:
            owner.assessment = markers.assessment(m)
        given.add(id(owner))
