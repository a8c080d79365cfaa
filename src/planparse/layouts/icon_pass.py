"""The icon pass after any walk: an owner (goal or activity) still without a status or
assessment takes the icon on its own title line or row, or the first icon below its title
before the next owner, when that icon stands alone on its line or before the owner's title.
Legend icons and columns of same-coloured bullets are never taken."""

from __future__ import annotations

from planparse import vocabulary
from planparse.layouts.accent_stripes import attach_stripes
from planparse.layouts.icons import Marker, Markers
from planparse.layouts.marker import marker_key
from planparse.model import Activity, DocumentType, Goal, Warning
from planparse.reading.model import Document, Line
from planparse.text.fold import fold

Owner = Goal | Activity
_BELOW = 160.0  # how far under its title (pt) an owner's icon may stand
_GAP = 30.0  # the most space between an icon and the text it stands before


def _owners(goals: list[Goal]) -> list[Owner]:
    out: list[Owner] = []
    for g in goals:
        out.append(g)
        out.extend(g.activities)
        out.extend(_owners(g.children))
    return out


def _lacks(owner: Owner) -> bool:
    return owner.status is None if isinstance(owner, Activity) else owner.assessment is None


def _bullet_columns(markers: list[Marker], lines: list[Line]) -> set[tuple[int, float, float]]:
    """Markers that are list bullets: three or more of one colour in one column, each before
    a text line. Status icons in a column differ in colour; bullets do not."""
    before = [m for m in markers if _line_after(m, lines) is not None]
    out: set[tuple[int, float, float]] = set()
    for m in before:
        column = [o for o in before if abs(o.bbox[0] - m.bbox[0]) < 1.5]
        if len(column) >= 3 and len({o.color for o in column}) == 1:
            out.add(marker_key(m))
    return out


def _line_after(m: Marker, lines: list[Line]) -> Line | None:
    """The text line that starts just right of the marker, on its band."""
    cy = (m.bbox[1] + m.bbox[3]) / 2
    found = [ln for ln in lines if ln.bbox[1] - 2 <= cy <= ln.bbox[3] + 2 and -1 <= ln.bbox[0] - m.bbox[2] < _GAP]
    return min(found, key=lambda ln: ln.bbox[0]) if found else None


def _line_before(m: Marker, lines: list[Line]) -> Line | None:
    """The text line that ends just left of the marker, on its band."""
    cy = (m.bbox[1] + m.bbox[3]) / 2
    found = [ln for ln in lines if ln.bbox[1] - 2 <= cy <= ln.bbox[3] + 2 and -1 <= m.bbox[0] - ln.bbox[2] < _GAP]
    return max(found, key=lambda ln: ln.bbox[2]) if found else None


def _text_on_band(m: Marker, lines: list[Line]) -> bool:
    cy = (m.bbox[1] + m.bbox[3]) / 2
    return any(ln.bbox[1] - 2 <= cy <= ln.bbox[3] + 2 and ln.text.strip() for ln in lines)


def _starts_title(line: Line, owner: Owner) -> bool:
    head, title = fold(line.text)[:24], fold(owner.title)
    return bool(head) and (title.startswith(head) or head in title)


def attach(doc: Document, document_type: DocumentType, goals: list[Goal]) -> list[Warning]:
    """Give owners without a status (activities) or assessment (goals) the icon that belongs
    to them; returns a warning per owner whose icon's colour maps to no value."""
    markers = Markers.of(doc, document_type)
    owners = [o for o in _owners(goals) if o.provenance is not None]
    attach_stripes(doc, markers, owners)  # (a card's stripe is no icon: a document may have stripes alone)
    if not markers.by_page:
        return []
    by_page: dict[int, list[Owner]] = {}
    for o in owners:
        by_page.setdefault(o.provenance.page, []).append(o)
    warnings: list[Warning] = []
    done: set[int] = set()  # owners that have taken an icon in this pass
    last: Owner | None = None  # the last owner of the page before
    for page in doc.pages:
        found = [m for m in markers.by_page.get(page.number, []) if (m.bar is None or m.steps is not None)
                 and not markers.is_legend(m) and not markers.is_spent(m)]  # (a rating picture is a goal's)
        here = sorted(by_page.get(page.number, []), key=lambda o: (o.provenance.bbox[1], o.provenance.bbox[0]))
        before, last = last if last is not None and last.provenance.page == page.number - 1 else None, \
            max(here, key=lambda o: (o.provenance.bbox[3], o.provenance.bbox[1])) if here else None
        if not found or not (here or before):
            continue
        bullets = _bullet_columns(found, page.lines)
        for k, m in enumerate(found):
            if marker_key(m) in bullets:
                continue
            owner = _owner_of(m, here, page.lines)
            if owner is None and k == 0 and before is not None and _alone(m, page.lines) \
                    and not any(o.provenance.bbox[3] <= m.bbox[1] for o in here):
                owner = before  # the page's first icon, alone, over its owners: the row broken over the page
            if owner is None or id(owner) in done or not _lacks(owner) or m.steps is not None and isinstance(owner, Activity):
                continue
            done.add(id(owner))
            if isinstance(owner, Activity):
                owner.status = markers.status(m)
            else:
                owner.assessment = markers.assessment(m)
            if _lacks(owner):
                what = "status" if isinstance(owner, Activity) else "assessment"
                warnings.append(Warning(
                    code="icon_unmapped",
                    message=f"{what} icon of {owner.title[:60]!r} has a colour ({m.describe()}) that neither "
                            f"the legend nor the convention maps: no {what} given",
                    page=page.number,
                ))
    return warnings


def _owner_of(m: Marker, owners: list[Owner], lines: list[Line]) -> Owner | None:
    """The owner a marker belongs to: one whose title line or row holds it (the nearest in x),
    else the nearest owner above it when the marker stands alone on its line or before that
    owner's title."""
    cy = (m.bbox[1] + m.bbox[3]) / 2
    on_band = [o for o in owners if o.provenance.bbox[1] - 2 <= cy <= o.provenance.bbox[3] + 2]
    if on_band:
        def gap(o: Owner) -> float:
            x0, _, x1, _ = o.provenance.bbox
            return max(x0 - m.bbox[2], m.bbox[0] - x1, 0.0)

        # (a goal's row shared with its first activity, the goal's cell merged down beside its
        # activities: an icon on that row is the activity's status)
        return min(on_band, key=lambda o: (gap(o), not isinstance(o, Activity)))
    above = [o for o in owners if o.provenance.bbox[3] <= cy and cy - o.provenance.bbox[3] <= _BELOW]
    if not above:
        return None
    owner = max(above, key=lambda o: (o.provenance.bbox[3], o.provenance.bbox[1]))
    after = _line_after(m, lines)
    if after is not None and _starts_title(after, owner):
        return owner  # an icon before the title (the owner's provenance is its heading above)
    last = _line_before(m, lines)
    if last is not None and len(last.text) > 2 and fold(owner.title).endswith(fold(last.text)):
        return owner  # an icon after the title's wrapped last line ("… till arbete eller" / "studier ●")
    if _alone(m, lines) or last is not None and _assessment_label(last.text):
        return owner  # an icon on a line of its own, or after its label ("Måluppfyllelse")
    return None


def _assessment_label(text: str) -> bool:
    return vocabulary.label_of(text.strip(" :"), min_confidence=0.9) == "assessment"


def _alone(m: Marker, lines: list[Line]) -> bool:
    return _line_after(m, lines) is None and not _text_on_band(m, lines)
