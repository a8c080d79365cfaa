"""Table rules found in a page image: a scan has no vector drawings, but its tables' rules are
still there as long dark runs of pixels. Found here as :class:`Drawing` lines in PDF points,
the same kind the vector reader gives, so a scanned ruled table is read like a native one.
"""

from __future__ import annotations

import numpy as np

from planparse.reading.model import Drawing

DARK = 160  # a pixel darker than this (0-255 grey) is ink (anti-aliased rules included)
MIN_H = 0.12  # a horizontal rule spans at least this share of the page width
MIN_V_POINTS = 16.0  # a vertical rule is at least this long (points): taller than a letter
MAX_THICK_POINTS = 2.5  # thicker runs are filled areas or bold strokes, not rules


def _pgm(image: bytes) -> np.ndarray | None:
    """The pixels of a binary PGM (P5, 8 bit) image, as :func:`render_gray` makes them."""
    parts: list[bytes] = []
    pos = 0
    while len(parts) < 4:
        while image[pos : pos + 1].isspace():
            pos += 1
        if image[pos : pos + 1] == b"#":
            pos = image.index(b"\n", pos) + 1
            continue
        end = pos
        while not image[end : end + 1].isspace():
            end += 1
        parts.append(image[pos:end])
        pos = end
    if parts[0] != b"P5" or int(parts[3]) > 255:
        return None
    w, h = int(parts[1]), int(parts[2])
    data = np.frombuffer(image, dtype=np.uint8, count=w * h, offset=pos + 1)
    return data.reshape(h, w)


def _runs(mask: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """(line index, start, end) of runs of True at least ``min_len`` long, per row of ``mask``."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    out = []
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    for r, a, b in zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True):
        if b - a >= min_len:
            out.append((r, a, b))
    return out


def _group(runs: list[tuple[int, int, int]], max_thick: int) -> list[tuple[int, int, int, int]]:
    """Runs on adjacent lines that overlap, as (first line, last line, start, end)."""
    out: list[list[int]] = []
    for r, a, b in sorted(runs):
        target = None
        for g in reversed(out):
            if g[1] < r - 1:
                break
            if g[1] == r - 1 and a < g[3] and b > g[2]:
                target = g
                break
        if target is None:
            out.append([r, r, a, b])
        else:
            target[1], target[2], target[3] = r, min(target[2], a), max(target[3], b)
    # A rule is thin, but a skewed one climbs across lines along its length (up to about
    # 0.7 degrees is allowed).
    return [(g[0], g[1], g[2], g[3]) for g in out if g[1] - g[0] + 1 <= max_thick + 0.012 * (g[3] - g[2])]


def rules(image: bytes, dpi: int) -> list[Drawing]:
    """Horizontal and vertical rules in a page image rendered at ``dpi``."""
    pixels = _pgm(image)
    if pixels is None:
        return []
    ink = pixels < DARK
    scale = 72.0 / dpi
    thick = max(1, round(MAX_THICK_POINTS / scale))
    # A slightly skewed scan steps its rules by a pixel now and then: each pixel row (column)
    # is read together with the next, so a rule's run goes on across a step.
    across = ink.copy()
    across[:-1] |= ink[1:]
    down = ink.copy()
    down[:, :-1] |= ink[:, 1:]
    ink_h, ink = across, down
    out: list[Drawing] = []
    for y0, y1, x0, x1 in _group(_runs(ink_h, round(MIN_H * ink.shape[1])), thick):
        out.append(Drawing(bbox=(x0 * scale, y0 * scale, x1 * scale, (y1 + 1) * scale), kind="hline", stroke=0))
    for x0, x1, y0, y1 in _group(_runs(ink.T, round(MIN_V_POINTS / scale)), thick):
        out.append(Drawing(bbox=(x0 * scale, y0 * scale, (x1 + 1) * scale, y1 * scale), kind="vline", stroke=0))
    return [
        Drawing(bbox=tuple(round(v, 2) for v in d.bbox), kind=d.kind, stroke=0)  # type: ignore[arg-type]
        for d in out
    ]
