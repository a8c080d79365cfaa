"""The status icons of one line: right of its text, or leading it as its bullet.

A slide or a page set in columns puts lines side by side on one row, each led by its own
status icon: the icon leading the next column's line is that line's, not one "right of the
text" of the line before it.

A plan that lists its activities as bullets may print each one's status at the right end of
its row after a coloured glyph ("• Skogsdag varje tisdag … ● Pågår"); kept apart by the reading
layer, the status reads as a bullet item of its own (:func:`status_beside`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planparse import vocabulary
from planparse.layouts.drawn_icons import in_other_card
from planparse.layouts.glyph_markers import ICON_GLYPHS
from planparse.layouts.icons import Markers
from planparse.layouts.marker import Marker
from planparse.layouts.tables import split_status_suffix, status_line
from planparse.model import MarkerSource, Status, StatusValue
from planparse.reading.model import Line, Page
from planparse.text.assemble import list_item

if TYPE_CHECKING:
    from planparse.layouts.walk_lists import ListWalk
    from planparse.layouts.walk_state import WalkState

LEAD_GAP = 20.0  # points: the widest space between an icon leading a line and its first word (a gauge's: 0.6 of its width)
LEAD_SIZE = 5.5  # points: the smallest icon that leads a line as its status (a bullet is smaller)


def leads(m: Marker, line: Line) -> bool:
    """Whether ``m`` stands just left of ``line``'s first word, on its row."""
    return 0 <= line.bbox[0] - m.bbox[2] <= LEAD_GAP and line.bbox[1] <= (m.bbox[1] + m.bbox[3]) / 2 <= line.bbox[3]


def line_icons(markers: Markers, page: Page, line: Line) -> list[Marker]:
    """The icons right of ``line``'s text (in its own card, none leading another line), then those leading it
    (of a status's size; a legend's icons are none)."""
    near = [m for m in markers.near(line.page, line.bbox) if not (m.gauge and line.bbox[1] > (m.bbox[1] + m.bbox[3]) / 2)]
    right = [m for m in near if (m.bbox[0] >= line.bbox[2] - 1 or _glyph_ends(m, line))
             and not in_other_card(m.bbox, line.bbox, page.drawings)]
    if right:  # (not one leading another line, nor one right of another line's text on the band: that text's)
        right = [m for m in right if not any(o is not line and (leads(m, o) or _between(o, line, m)) for o in page.lines)]
    return right + [
        m for m in near if m.bar is None and (0 <= line.bbox[0] - m.bbox[2] <= max(LEAD_GAP, 0.6 * (m.bbox[2] - m.bbox[0]))
                                              or _glyph_of(m, line))
        and min(m.bbox[2] - m.bbox[0], m.bbox[3] - m.bbox[1]) >= LEAD_SIZE and not markers.is_legend(m)]


def _between(other: Line, line: Line, m: Marker) -> bool:
    """Whether ``other`` stands between ``line``'s end and the marker, on the marker's band (an
    activity in the next column, its dot after it)."""
    cy = (m.bbox[1] + m.bbox[3]) / 2
    return other.bbox[1] - 2 <= cy <= other.bbox[3] + 2 and other.bbox[0] >= line.bbox[2] - 1 and other.bbox[2] <= m.bbox[0] + 1 \
        and any(ch.isalpha() for ch in other.text)


def _glyph_ends(m: Marker, line: Line) -> bool:
    """Whether ``m`` is the coloured glyph that ends ``line``'s text ("Bedömning: ●", an icon
    font's icon after its label)."""
    last = next((s for s in reversed(line.spans) if s.text.strip()), None)
    return last is not None and last is not line.spans[0] and last.bbox == m.bbox and last.text.strip()[:1] in ICON_GLYPHS


def _glyph_of(m: Marker, line: Line) -> bool:
    """Whether ``m`` is the coloured glyph that leads ``line``'s own text ("● Rusta upp …")."""
    first = next((s for s in line.spans if s.text.strip()), None)
    return first is not None and first.bbox == m.bbox and first.text.strip()[:1] in ICON_GLYPHS


def led_by_status(markers: Markers, page: Page, line: Line) -> bool:
    """Whether a status icon the document's legend names leads ``line``: an item of a list
    whose bullets are its statuses (a slide's activities, each after its coloured shape)."""
    if not markers.legend_entries:
        return False
    return any(markers.status(m) is not None and (line.bbox[0] > m.bbox[2] or _glyph_of(m, line))
               for m in line_icons(markers, page, line))


def opens_icon_list(w: WalkState, line: Line) -> bool:
    """Whether ``line``, outside any list or field, under a goal or a heading that may become
    one, is the first item of the goal's activities: led by a status shape the legend names."""
    return w.mode is None and w.field in (None, "description") and not w.field_lines \
        and (w.section is not None or w.goal is not None) and led_by_status(w.markers, w.page(line), line)


def icon_item(w: WalkState, line: Line, rank: int) -> bool:
    """Whether an OCR'd line in an activity list, led by a status shape the legend names, is
    the list's next item whatever its box height ranks it (descenders make a line look larger)."""
    return w.mode == "activities" and rank < 2 and not w.typo.has_fonts(line) \
        and led_by_status(w.markers, w.page(line), line)


def status_beside(walk: WalkState, line: Line) -> bool:
    """Whether ``line``, a list item, is only a status right of the last activity's text on
    that activity's row; if so the activity takes it (over a status its icon gave)."""
    act, prev = walk.activity, walk.item_line
    if act is None or prev is None or walk.item is not act or prev.page != line.page or line.bbox[0] <= prev.bbox[2]:
        return False
    middle, prev_middle = (line.bbox[1] + line.bbox[3]) / 2, (prev.bbox[1] + prev.bbox[3]) / 2
    if abs(middle - prev_middle) > 0.6 * (prev.bbox[3] - prev.bbox[1]):
        return False
    status = status_line(line)
    if status is None:
        return False
    if act.status is None or act.status.source is MarkerSource.icon:
        act.status = status
    return True


def lit_goal(w: WalkState, line: Line) -> None:
    """A heading beside a traffic light (a slide's title, the lamp at its right) is an assessed
    goal, and the bullets under it are what is done for it: its activities. A heading led or
    followed by a smaller icon that a legend names is an assessed goal too."""
    icons = [m for m in w.line_icons(line) if w.markers.assessment(m) is not None]
    if any(m.tall for m in icons) or icons and w.markers.legend_assessment:  # (a newsletter's coloured
        # bullets before its headlines, no legend naming them, assess nothing)
        goal = w.owner_goal()
        w.title_line, w.title_of, w.section_last = line, goal, None  # (its title may wrap)
        w.mode = "activities" if any(m.tall for m in icons) else w.mode


def status_item(w: ListWalk, line: Line, item: tuple[str, str]) -> bool:
    """A bulleted item that carries its status after its title ("• Införa nattpatrull – status:
    Klar", "• Ny rutin (Pågår)") under a goal in scope, with no list label over it: take ``item``
    (marker, text) on ``line`` as the goal's activity. Whether it was taken."""
    if w.mode is not None:
        return False
    title, status = split_status_suffix(item[1])
    if status is None or len(title.split()) < 2 or w.owner_goal() is None:  # (a legend's "Grön – Klar")
        return False  # (owner_goal last: it makes a pending heading a goal)
    w.flush()
    w.mode = "activities"
    w.list_item(item[1], line, item[0])
    return True


def badge_tail(title: str, line: Line) -> tuple[str, Status | None]:
    """An item's status printed as a badge after its title on its line ("Planprogram för Östra
    Sörbyn [Pågår]", a web page's badge printed without its background): the line's last span
    a status label alone, set apart from the text before it by its type (size, weight or colour)
    or by a gap wider than a word space. The title without it, and the status; else ``title``."""
    spans = [s for s in line.spans if s.text.strip()]
    if len(spans) < 2 or line.method != "native":
        return title, None
    last, before = spans[-1], spans[-2]
    text = last.text.strip()
    if not title.endswith(text) or len(text.split()) > 4:
        return title, None
    apart = abs(last.size - before.size) > 0.3 or last.bold != before.bold or last.color != before.color \
        or last.bbox[0] - before.bbox[2] > 0.8 * last.size
    found = vocabulary.match_status(text) if apart else None
    if found is None or found.confidence < 0.95:
        return title, None
    return title[: -len(text)].rstrip(" –-:"), Status(value=StatusValue(found.value), raw=text, confidence=found.confidence)


def chip_item(w: ListWalk, line: Line, chip: Line) -> bool:
    """A plain line under a goal with its status in a chip at the row's right end (a planning
    tool's card: "Två dialogforum per år …      [Genomförd]"): the goal's next activity, whatever
    list label there is or not. Whether it was taken (the caller sets the status)."""
    if w.mode == "indicators" or w.field not in (None, "description") or w.typo.rank(line) or status_line(chip) is None \
            or list_item(line.text) is not None or w.label(line.text)[0] is not None:
        return False  # (a bulleted item or "Aktivitet: …": the list's or the label's own, the status set after)
    if w.mode != "activities" and w.owner_goal() is None:  # (owner_goal last: it makes a pending heading a goal)
        return False
    w.flush()
    w.mode = "activities"
    w.list_item(line.text, line)
    return True
