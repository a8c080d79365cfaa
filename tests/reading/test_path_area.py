"""A small filled path's own area (a Harvey ball's wedge is told from its bounding box by it)."""

from __future__ import annotations

import math

from planparse.reading.pymupdf_backend import _path_area


def test_a_square_of_lines_and_a_rect() -> None:
    square = [("l", (0, 0), (4, 0)), ("l", (4, 0), (4, 4)), ("l", (4, 4), (0, 4)), ("l", (0, 4), (0, 0))]
    assert _path_area(square) == 16.0
    assert _path_area([("re", (1, 1, 3, 6))]) == 10.0


def test_a_quarter_disc_of_a_line_a_curve_and_a_line() -> None:
    k = 0.5523 * 10  # the usual Bézier handle of a quarter circle of radius 10
    wedge = [("l", (0, 0), (10, 0)), ("c", (10, 0), (10, k), (k, 10), (0, 10)), ("l", (0, 10), (0, 0))]
    assert abs(_path_area(wedge) - math.pi * 100 / 4) < 1.0
