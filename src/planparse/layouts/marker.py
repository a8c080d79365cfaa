"""A marker (a status icon or a progress bar), the colour it is named by, and grey icons named
by a legend of the same tones.

A grayscale scan keeps no colour: a green and a red icon differ only in their grey tone, and
the convention (green = uppfyllt) cannot be applied to a tone. A legend printed in the same
document went through the same scan, so its icons have the same tones as the icons in the
tables: an icon takes the value of the legend entry nearest in tone and of its shape (a disc
with a check mark in it, or a plain one), when that entry is within :data:`TONE_TOLERANCE`
and clearly nearer than any entry of another value. Otherwise it gets no value: never a guess.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, TypeVar

from planparse.reading.model import BBox, Drawing, Line, within

TONE_CONFIDENCE = 0.6  # lower than a colour's: a tone is matched, not read
TONE_TOLERANCE = 16  # the most two prints of one icon's grey tone differ by (0-255)
TONE_MARGIN = 12  # how much nearer the matched entry's tone must be than another value's


@lru_cache(maxsize=4096)  # (a document has a handful of colours and thousands of shapes)
def color_name(rgb: int) -> str | None:
    """green / yellow / red / grey / blue / purple for an sRGB colour, None for black."""
    r, g, b = ((rgb >> 16) & 255) / 255, ((rgb >> 8) & 255) / 255, (rgb & 255) / 255
    h, light, sat = colorsys.rgb_to_hls(r, g, b)
    if light < 0.22:  # black to ink grey (#333): a bullet or a rule's colour, not a status's
        return None
    if sat < 0.18 or light > 0.92:
        return "grey"
    deg = h * 360
    if deg < 18 or deg >= 330:
        return "red"
    if deg < 66:  # a traffic-light yellow is about 45°; a yellow-green (#98CB00, 75°) is green
        return "yellow"
    if deg < 170:
        return "green"
    if deg < 260:
        return "blue"
    return "purple"  # violet to pink: no convention value


@dataclass(frozen=True)
class Marker:
    page: int
    bbox: BBox
    color: str | None  # a name from color_name, None when it cannot be named
    bar: float | None = None  # a progress bar's filled share
    tone: int | None = None  # the grey tone (0-255) of an icon on a page without colour
    mark: bool = False  # a symbol drawn inside it (a check mark), seen in a page image
    tall: bool = False  # a traffic light: a line level with any part of it is its owner's
    gauge: bool = False  # (tall) a gauge's ring: the owner's title starts above its middle
    rgb: int | None = None  # its exact colour, for a legend whose shades one name merges
    steps: tuple[int, int] | None = None  # a rating picture's (filled, shapes): four of five squares

    def describe(self) -> str:
        if self.steps is not None:
            return f"{self.steps[0]} of {self.steps[1]} shapes filled"
        return str(self.color) if self.tone is None else f"grey tone {self.tone}{' with a mark' * self.mark}, no colour"


V = TypeVar("V")


def by_look(legend: dict[tuple[str, bool], V], m: Marker) -> V | None:
    """The legend's value for the marker's colour and check mark; for its colour alone when the
    legend shows that colour only with (or only without) a mark."""
    assert m.color is not None
    return legend.get((m.color, m.mark), legend.get((m.color, not m.mark)))


@dataclass(frozen=True)
class ToneEntry:
    tone: int
    mark: bool
    status: str | None  # a StatusValue's value
    assessment: str | None  # an AssessmentValue's value
    label: str  # the legend's words


@dataclass
class ToneLegend:
    entries: list[ToneEntry] = field(default_factory=list)

    def add(self, tone: int, mark: bool, status: str | None, assessment: str | None, label: str) -> None:
        self.entries.append(ToneEntry(tone, mark, status, assessment, label))

    def match(self, tone: int, mark: bool, kind: Literal["status", "assessment"]) -> tuple[str, str] | None:
        """(value, provenance note) of the entry ``tone`` and ``mark`` match, or None."""
        found = sorted((abs(e.tone - tone) + (0 if e.mark == mark else TONE_TOLERANCE), getattr(e, kind), e.label)
                       for e in self.entries if getattr(e, kind) is not None)  # fmt: skip
        if not found or found[0][0] > TONE_TOLERANCE:
            return None
        distance, value, label = found[0]
        if any(v != value and d - distance < TONE_MARGIN for d, v, _ in found[1:]):
            return None  # two entries of different values about as near: no guess
        return value, f"matched by its grey tone to the legend's {label!r}"


SHADE_TOLERANCE = 40  # the most two prints of one icon's colour differ by (sum over the channels)


@dataclass
class ShadeLegend:
    """A legend's exact colours: a legend may print shades that one colour name merges (dark
    green "Avslutad" beside green "Pågående", orange beside yellow). An icon takes the value of
    the entry nearest in colour within :data:`SHADE_TOLERANCE`, among the entries of its check
    mark when the legend has any (as :func:`by_look`); farther, the colour's name decides."""

    entries: list[tuple[int, bool, str | None, str | None]] = field(default_factory=list)  # rgb, mark, status, assessment

    def match(self, rgb: int, mark: bool, kind: Literal["status", "assessment"]) -> str | None:
        k = 2 if kind == "status" else 3
        named = [e for e in self.entries if e[k] is not None]
        named = [e for e in named if e[1] == mark] or named
        found = sorted((sum(abs((rgb >> s & 255) - (e[0] >> s & 255)) for s in (16, 8, 0)), str(e[k]))
                       for e in named)  # fmt: skip
        return found[0][1] if found and found[0][0] <= SHADE_TOLERANCE else None


def dedupe(markers: list[Marker]) -> list[Marker]:
    """Producers sometimes place the same icon twice at (almost) the same spot."""
    out: list[Marker] = []
    for m in markers:
        if not any(abs(m.bbox[0] - o.bbox[0]) < 3 and abs(m.bbox[1] - o.bbox[1]) < 3 and m.bar == o.bar for o in out):
            out.append(m)
    return out


def marker_key(m: Marker) -> tuple[int, float, float]:
    """Where a marker is, to know it again: page and top-left corner."""
    return (m.page, round(m.bbox[0], 1), round(m.bbox[1], 1))


def light(color: int | None) -> bool:
    """White or nearly: the colour of a symbol drawn on an icon (a check mark)."""
    return color is not None and (color >> 16 & 255) >= 0xE0 and (color >> 8 & 255) >= 0xE0 and (color & 255) >= 0xE0


def inside(inner: BBox, outer: BBox) -> bool:
    """Whether ``inner`` lies within ``outer`` (half a point of slack)."""
    return within(inner, outer, 0.5)


BAR_HEIGHT = (4.0, 10.0)  # points: a drawn progress bar's height
BAR_MIN_WIDTH = 20.0  # points, and at least four times its height


def vector_bars(page: int, drawings: list[Drawing]) -> list[Marker]:
    """Progress bars drawn as vectors (a "Färdiggrad" cell's track and its coloured part, a
    browser's CSS bar or a report generator's rects): the widest filled shape of a stack
    starting at one x is the track, and the widest other-coloured one on it its filled share.
    A coloured bar alone is full, a grey track alone empty."""
    shapes = [d for d in drawings if d.fill is not None and d.kind in ("rect", "shape")
              and BAR_HEIGHT[0] <= d.bbox[3] - d.bbox[1] <= BAR_HEIGHT[1]]  # fmt: skip
    out, used = segmented_bars(page, shapes)
    for track in sorted(shapes, key=lambda d: d.bbox[0] - d.bbox[2]):  # widest first
        if id(track) in used or track.bbox[2] - track.bbox[0] < max(BAR_MIN_WIDTH, 4 * (track.bbox[3] - track.bbox[1])):
            continue
        stack = [d for d in shapes if id(d) not in used and abs(d.bbox[0] - track.bbox[0]) <= 1.0
                 and abs(d.bbox[1] - track.bbox[1]) <= 1.5 and abs(d.bbox[3] - track.bbox[3]) <= 1.5]  # fmt: skip
        used.update(id(d) for d in stack)
        width = track.bbox[2] - track.bbox[0]
        parts = [d for d in stack if d.fill != track.fill and d.bbox[2] - d.bbox[0] <= width + 1.0]
        if parts:
            share = max(d.bbox[2] - d.bbox[0] for d in parts) / width
        else:
            share = 0.0 if color_name(track.fill or 0) == "grey" else 1.0
        out.append(Marker(page, track.bbox, None, min(share, 1.0)))
    return out


SEGMENTS = 5  # the fewest blocks of a segmented bar


def _lightness(rgb: int) -> float:
    return colorsys.rgb_to_hls((rgb >> 16 & 255) / 255, (rgb >> 8 & 255) / 255, (rgb & 255) / 255)[1]


def segmented_bars(page: int, shapes: list[Drawing]) -> tuple[list[Marker], set[int]]:
    """Progress bars drawn as a row of equal blocks ("Färdiggrad" as ten squares, the done ones
    coloured, the rest pale): at least :data:`SEGMENTS` blocks of one size on one band, evenly
    spaced with gaps narrower than a block. The filled share is the coloured blocks' count over
    all; one colour alone is a full bar, or an empty one when pale. Returns the bars and the ids
    of their blocks."""
    blocks = sorted((d for d in shapes if d.kind == "rect" and d.bbox[2] - d.bbox[0] <= 2 * (d.bbox[3] - d.bbox[1])),
                    key=lambda d: (round(d.bbox[1]), d.bbox[0]))  # fmt: skip
    out: list[Marker] = []
    used: set[int] = set()
    k = 0
    while k < len(blocks):
        run = [blocks[k]]
        for d in blocks[k + 1:]:
            a, b = run[-1].bbox, d.bbox
            gap, width = b[0] - a[2], a[2] - a[0]
            if abs(b[1] - a[1]) > 0.5 or abs(b[3] - a[3]) > 0.5 or abs((b[2] - b[0]) - width) > 0.5 \
                    or not 0 <= gap < width or (len(run) > 1 and abs(gap - (a[0] - run[-2].bbox[2])) > 0.6):
                break
            run.append(d)
        k += len(run)
        fills = {d.fill for d in run if d.fill is not None}
        if len(run) < SEGMENTS or len(fills) > 2:
            continue
        empty = max(fills, key=_lightness)
        if len(fills) == 1 and _lightness(empty) < 0.85:
            empty = -1  # one colour, not pale: every block done
        share = sum(d.fill != empty for d in run) / len(run)
        used.update(id(d) for d in run)
        out.append(Marker(page, (run[0].bbox[0], run[0].bbox[1], run[-1].bbox[2], run[-1].bbox[3]), None, share))
    return out, used


def in_bar(d: Drawing, bars: list[Marker]) -> bool:
    """Whether the shape is part of one of the progress ``bars`` (its track, or its filled share
    lying inside the track): a bar's parts are never status icons, however short the share."""
    return any(inside(d.bbox, b.bbox) for b in bars)


def words_after(line: Line, m: Marker, markers: list[Marker]) -> str:
    """The words of ``line`` right after the icon ``m``, up to the next icon on the line (the
    icons' own glyph words left out)."""
    right = min((o.bbox[0] for o in markers if o.page == m.page and o.bbox[0] > m.bbox[2]
                 and o.bbox[1] < line.bbox[3] and o.bbox[3] > line.bbox[1]), default=line.bbox[2] + 1)  # fmt: skip
    spans = [s for s in line.spans if s.bbox[0] >= m.bbox[2] - 1 and s.bbox[2] <= right + 1]
    if not spans or spans[0].bbox[0] - m.bbox[2] >= 30:
        return ""
    return "".join(s.text for s in spans).split("=")[-1].strip(" :–-")


def wrapped_rest(line: Line, m: Marker, lines: list[Line], markers: list[Marker]) -> str:
    """The rest of the last legend entry on ``line`` that wraps onto the next line: the
    words in lower case that open the line set right under it, before that line's first icon
    ("Avslutad med" / "avvikelse"). Empty where ``m`` is not the line's last icon."""
    if any(o.page == m.page and o.bbox[0] > m.bbox[2] and o.bbox[1] < line.bbox[3] and o.bbox[3] > line.bbox[1]
           for o in markers):
        return ""
    height = line.bbox[3] - line.bbox[1]
    below = [ln for ln in lines if 0 <= ln.bbox[1] - line.bbox[3] < 0.8 * height and ln.bbox[0] < m.bbox[0]]
    if not below:
        return ""
    nxt = min(below, key=lambda ln: ln.bbox[1])
    first = min((o.bbox[0] for o in markers if o.page == m.page and o.bbox[1] < nxt.bbox[3] and o.bbox[3] > nxt.bbox[1]),
                default=nxt.bbox[2] + 1)
    words = "".join(s.text for s in nxt.spans if s.bbox[2] <= first + 1).strip(" :–-\xa0")
    return words if words[:1].islower() else ""


SHADE_STEP = 0.12  # lightness between the two greens of a seven-step status scale
HUE_STEP = 10.0  # degrees between its orange and its yellow


def closed_shade(rgb: int, shades: set[int]) -> str | None:
    """Where a document without a status legend draws two greens and a yellow beside an orange,
    the seven-step status scale (ej påbörjad, pågående enligt plan / med avvikelse, avslutad
    enligt plan / med avvikelse, vänteläge, avbruten): the darker green is "completed", the
    orange "completed_deviation". None for any other colour, or where one shade alone is drawn."""
    def hls(c: int) -> tuple[float, float, float]:
        return colorsys.rgb_to_hls(*(((c >> k) & 255) / 255 for k in (16, 8, 0)))

    name = color_name(rgb)
    same = [hls(c) for c in shades if color_name(c) == name]
    if not same:
        return None
    hue, lightness, _ = hls(rgb)
    if name == "green" and lightness <= max(x[1] for x in same) - SHADE_STEP:
        return "completed"
    if name == "yellow" and hue * 360 <= max(x[0] for x in same) * 360 - HUE_STEP:
        return "completed_deviation"
    return None


THEME_COLOURS = ("blue", "purple")  # a slide theme's bullets; a status icon alone of them tells little


def drop_theme_bullets(by_page: dict[int, list[Marker]], named: set[str]) -> set[int]:
    """Small icons that are all of one theme colour through the document, that no legend names
    (a beamer deck's blue triangles leading every item): the lists' bullets, no statuses. Their
    colours are given back (the bullets' look, :class:`~planparse.layouts.bullets.DrawnBullets`)."""
    small = [m for ms in by_page.values() for m in ms
             if m.color is not None and m.bar is None and not m.tall and max(m.bbox[2] - m.bbox[0], m.bbox[3] - m.bbox[1]) <= 12]
    colours = {m.color for m in small}
    if len(small) >= 3 and len(colours) == 1 and (colour := colours.pop()) in THEME_COLOURS and colour not in named:
        for page, ms in by_page.items():
            by_page[page] = [m for m in ms if m not in small]
        return {m.rgb for m in small if m.rgb is not None}
    return set()
