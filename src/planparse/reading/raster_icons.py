"""Status icons on a colour scan: a page image has no vector shapes, but a filled traffic-light
circle or square is still there as a compact blob of one saturated colour. Each such blob
becomes a filled shape (:class:`~planparse.reading.model.Drawing`) of its colour, so the icon
reading of born-digital documents (:mod:`planparse.layouts.icons`) reads it too.

A blob is an icon when it is icon-sized (4-16 pt each way), about as wide as high, and fills
most of its box (a disc fills 0.79 of it); a coloured letter of a heading or a link fills much
less of its box or is not square. A grayscale scan has no saturated pixels: nothing is found.
"""

from __future__ import annotations

from collections import deque

import numpy as np

from planparse.reading.model import Drawing

DPI = 96  # pixels per inch of the rendering searched: an icon of 6 pt is 8 pixels wide
MIN_PT, MAX_PT = 4.0, 16.0
MIN_FILL = 0.6
MIN_SATURATION = 0.35  # (max - min) / max of the pixel's channels
MIN_VALUE = 60  # the brightest channel: darker pixels are ink, whatever their tint
MAX_BLOB_PIXELS = 2000  # a coloured area larger than this is a picture or a band, not an icon


def _blobs(mask: np.ndarray) -> list[list[tuple[int, int]]]:
    """The 8-connected components of ``mask`` (row, column pixel lists)."""
    seen = np.zeros_like(mask, dtype=bool)
    height, width = mask.shape
    out: list[list[tuple[int, int]]] = []
    for y, x in zip(*np.nonzero(mask), strict=True):
        if seen[y, x]:
            continue
        seen[y, x] = True
        queue = deque([(int(y), int(x))])
        blob: list[tuple[int, int]] = []
        while queue:
            cy, cx = queue.popleft()
            blob.append((cy, cx))
            for ny in (cy - 1, cy, cy + 1):
                for nx in (cx - 1, cx, cx + 1):
                    if 0 <= ny < height and 0 <= nx < width and mask[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        queue.append((ny, nx))
        out.append(blob)
    return out


def icons(rgb: np.ndarray, dpi: int = DPI) -> list[Drawing]:
    """The filled colour icons in a page image (``rgb``: height × width × 3, uint8), as
    filled shapes in page points."""
    pixels = rgb.astype(np.int16)
    hi = pixels.max(axis=2)
    lo = pixels.min(axis=2)
    mask = (hi >= MIN_VALUE) & ((hi - lo) >= MIN_SATURATION * np.maximum(hi, 1))
    if not mask.any():
        return []
    k = 72.0 / dpi
    out: list[Drawing] = []
    for blob in _blobs(mask):
        if len(blob) > MAX_BLOB_PIXELS:
            continue
        ys = [p[0] for p in blob]
        xs = [p[1] for p in blob]
        y0, y1, x0, x1 = min(ys), max(ys) + 1, min(xs), max(xs) + 1
        w, h = (x1 - x0) * k, (y1 - y0) * k
        if not (MIN_PT <= w <= MAX_PT and MIN_PT <= h <= MAX_PT and 0.75 <= w / h <= 1.33):
            continue
        if len(blob) < MIN_FILL * (x1 - x0) * (y1 - y0):
            continue
        # a letter of a coloured word has coloured neighbours on its line; an icon stands alone
        gap = max(2, round(0.6 * (y1 - y0)))
        if mask[y0:y1, max(0, x0 - gap) : x0].any() or mask[y0:y1, x1 : x1 + gap].any():
            continue
        colour = np.median(rgb[ys, xs], axis=0).astype(int)
        fill = (int(colour[0]) << 16) | (int(colour[1]) << 8) | int(colour[2])
        out.append(Drawing(bbox=(x0 * k, y0 * k, x1 * k, y1 * k), kind="shape", fill=fill))
    return out


def page_icons(page: object) -> list[Drawing]:
    """:func:`icons` of a PyMuPDF page, rendered in colour at :data:`DPI`."""
    import pymupdf

    assert isinstance(page, pymupdf.Page)
    pix = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csRGB, alpha=False)
    rgb = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3)
    found = icons(rgb, DPI)
    # Hundreds of "icons" on a page are the letters of coloured text, not statuses.
    return found if len(found) <= MAX_ICONS else []


MAX_ICONS = 60  # status icons a page can hold (a full activity table's column, its legend)
