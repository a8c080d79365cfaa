"""The connected blobs the icon finders walk: labelled by runs in numpy, they must be the
8-connected components a plain flood fill finds, in the same order."""

from __future__ import annotations

from collections import deque

import numpy as np
import pytest

from planparse.reading.raster_icons import _blobs


def _flood(mask: np.ndarray) -> list[list[tuple[int, int]]]:
    h, w = mask.shape
    seen = np.zeros_like(mask)
    out = []
    for y, x in zip(*np.nonzero(mask), strict=True):
        if seen[y, x]:
            continue
        seen[y, x] = True
        queue, blob = deque([(int(y), int(x))]), []
        while queue:
            cy, cx = queue.popleft()
            blob.append((cy, cx))
            for ny in (cy - 1, cy, cy + 1):
                for nx in (cx - 1, cx, cx + 1):
                    if 0 <= ny < h and 0 <= nx < w and mask[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        queue.append((ny, nx))
        out.append(sorted(blob))
    return out


@pytest.mark.parametrize("density", [0.3, 0.55, 0.7])
def test_blobs_are_the_flood_fills_components(density: float) -> None:
    mask = np.random.default_rng(7).random((90, 120)) < density
    got = [sorted(zip(ys.tolist(), xs.tolist(), strict=True)) for ys, xs in _blobs(mask, 10**9, 10**9)]
    assert got == _flood(mask)


def test_blobs_too_large_are_left_out() -> None:
    mask = np.zeros((40, 40), dtype=bool)
    mask[2:6, 2:6] = True  # an icon-sized square
    mask[10:12, 0:40] = True  # a rule across the page
    mask[20:36, 20:36] = True  # a block of 256 pixels
    got = _blobs(mask, 100, 10)
    assert [(int(ys.min()), int(xs.min()), len(ys)) for ys, xs in got] == [(2, 2, 16)]
