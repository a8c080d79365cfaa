"""Side boxes: a framed or shaded box at the left of the page holding text of its own (a
magazine-style plan's goal: "Mål 1" and its title in a box), the running text beside it.

Merged by baseline, the box's lines and the text beside them interleave ("Mål 1", "Under året
riktar …", "Fler unga ska hitta en", …). Read as a card with the text beside it as a second card
level with it, the box comes first and the text beside it after, as the page means them.
"""

from __future__ import annotations

from planparse.reading.model import BBox, Drawing, Line, within

SIDE_GAP = 8.0  # points: the least space between a side box and the text beside it
MAX_SHARE = 0.45  # a side box is at most this share of the page's width


def side_boxes(lines: list[Line], drawings: list[Drawing], boxes: list[BBox], width: float) -> list[BBox]:
    """Each side box with the band of text beside it (two boxes, left to right), to be read as
    cards side by side. A box is one where its lines all lie inside it, nothing crosses its
    right edge on its rows (no table's rule or row), and free text stands beside it."""
    rules = [d.bbox for d in drawings if d.kind == "hline"]
    out: list[BBox] = []
    for b in boxes:
        if b[2] - b[0] > MAX_SHARE * width or b[0] > 0.25 * width or any(within(b, o, 2) for o in out):
            continue
        inside = [ln for ln in lines if within(ln.bbox, b, 1)]
        if len(inside) < 2:
            continue
        band = [ln for ln in lines if min(ln.bbox[3], b[3]) - max(ln.bbox[1], b[1]) > 0 and not within(ln.bbox, b, 1)]
        beside = [ln for ln in band if ln.bbox[0] >= b[2] + SIDE_GAP and ln.bbox[1] >= b[1] - 1 and ln.bbox[3] <= b[3] + 1]
        if len(beside) < 2 or len(beside) < len(band) or any(o is not b and min(o[3], b[3]) > max(o[1], b[1])
                                                               and o[0] >= b[2] - 1 for o in boxes):
            continue
        if any(r[0] < b[2] < r[2] and b[1] <= r[1] <= b[3] for r in rules):
            continue  # a table's row rule runs on past the box: a shaded cell
        out += [b, (b[2] + 1, b[1], max(ln.bbox[2] for ln in beside) + 1, b[3])]
    return out
