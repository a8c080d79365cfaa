"""Shaded cells of a colour scan: their colour, two cells of one colour apart, their rules."""

from __future__ import annotations

import numpy as np

from planparse.reading.model import Drawing
from planparse.reading.raster_fills import fills
from planparse.reading.raster_icons import colour_fills
from planparse.reading.raster_rules import _rule_groups

DPI = 150


def _page() -> np.ndarray:
    """A white page with a table column of two cells of one dark grey (a green's tone), a black
    rule between and under them, and a rule running on across the table at that height."""
    px = np.full((900, 700), 250, dtype=np.uint8)
    px[300:380, 500:640] = 150  # the upper cell
    px[382:470, 500:640] = 150  # the lower cell
    px[380:382, 100:640] = 20  # the rule between them, across the table
    px[470:472, 100:640] = 20  # the rule under the table
    return px


def test_two_cells_of_one_tone_parted_by_a_rule_are_two_fills() -> None:
    found = fills(_page(), DPI)
    tall = sorted((f[0], f[1]) for f in found)
    assert len(tall) == 2
    assert tall[0][1] <= 382 <= tall[1][0] + 4


def test_rules_along_a_dark_fill_stay_rules() -> None:
    px = _page()
    hs, _, _, _ = _rule_groups(px, DPI, fills(px, DPI))
    rows = sorted(g[0] for g in hs if g[3] - g[2] > 400)
    assert any(378 <= r <= 382 for r in rows) and any(468 <= r <= 472 for r in rows)


def test_a_fill_takes_its_colour_from_the_colour_image() -> None:
    rgb = np.full((300, 300, 3), 250, dtype=np.uint8)
    rgb[50:150, 50:250] = (0, 176, 80)  # Word's green cell shading
    rgb[90:100, 60:200] = (30, 30, 30)  # a line of type on it
    green = Drawing((50 * 72 / DPI, 50 * 72 / DPI, 250 * 72 / DPI, 150 * 72 / DPI), "rect", fill=0x989898)
    grey = Drawing((50 * 72 / DPI, 160 * 72 / DPI, 250 * 72 / DPI, 250 * 72 / DPI), "rect", fill=0xC0C0C0)
    rgb[160:250, 50:250] = 192
    colour_fills(rgb, DPI, [green, grey])
    assert green.fill == 0x00B050
    assert grey.fill == 0xC0C0C0
