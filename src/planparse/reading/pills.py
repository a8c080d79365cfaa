"""Pills: a short word printed in light type on a coloured box of its own height (a status or
assessment label, "Uppfyllt" white on green, beside a goal's title). The word is the box's,
no part of the text it stands beside on its baseline."""

from __future__ import annotations

from planparse.reading.model import BBox, Drawing, Line, Span

LIGHT = 0xD8  # every channel at least this: light type
DARK = 0xB0  # some channel at most this: a fill light type stands out on
MAX_HEIGHT = 2.5  # a pill is at most this many times its word's height


def light(color: int) -> bool:
    # (each channel in turn, without a generator: asked of every span and many drawings)
    return (color >> 16) & 255 >= LIGHT and (color >> 8) & 255 >= LIGHT and color & 255 >= LIGHT


def filled(d: Drawing) -> bool:
    """A box filled dark enough for light type to stand out on it."""
    return d.kind in ("rect", "shape") and d.fill is not None and min((d.fill >> s) & 255 for s in (16, 8, 0)) <= DARK


def _holds(box: BBox, s: Span) -> bool:
    return box[0] - 1 <= s.bbox[0] and s.bbox[2] <= box[2] + 1 and box[1] - 1 <= s.yc <= box[3] + 1


def pill_boxes(lines: list[Line], drawings: list[Drawing]) -> list[BBox]:
    """The boxes of ``drawings`` that are pills: filled in a colour, holding light words only,
    no taller than :data:`MAX_HEIGHT` times them."""
    words = [s for ln in lines for s in ln.spans if s.text.strip()]
    lit = [s for s in words if light(s.color)]
    if not lit:
        return []
    out: list[BBox] = []
    for b in (d.bbox for d in drawings if filled(d)):
        held = [s for s in lit if _holds(b, s)]
        if held and b[3] - b[1] <= MAX_HEIGHT * max(s.bbox[3] - s.bbox[1] for s in held) \
                and not any(_holds(b, s) and not light(s.color) for s in words):
            out.append(b)
    return out


def on_pill(line: Line, drawings: list[Drawing]) -> bool:
    """Whether ``line`` is a pill's word: light type on one of the pills of ``drawings``."""
    spans = [s for s in line.spans if s.text.strip()]
    return bool(spans) and any(all(_holds(b, s) for s in spans) for b in pill_boxes([line], drawings))
