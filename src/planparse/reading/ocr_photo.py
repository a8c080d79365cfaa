"""A photographed page made to read like a flatbed scan before Tesseract sees it.

A phone photo of a sheet shows the sheet as a bright quadrilateral on a darker ground (the
table it lies on), warped by the camera's angle, and lit unevenly. Its text lines then run at
slopes that change across the page, its running header sits at another height on each page, and
Tesseract binarises the dim corner into noise. :func:`flatten_photo` finds the sheet's four
corners, maps the sheet onto an upright rectangle of its own size (a homography, bilinear), and
divides the page by its own blurred paper tone, so the paper is evenly white.

A page image is a photo only when its border is mostly far darker than the paper: a flatbed
scan's paper reaches the image's edges (or its border is white), and such a page is returned
unchanged, after a look at a small copy of it. Where the sheet's corners lie outside the image
(the camera cut the sheet off, the ground showing in wedges along its sides) the sheet is not
straightened: the ground is painted in the paper's tone and the light evened.
"""

from __future__ import annotations

import numpy as np

from planparse.reading.raster_rules import _pgm

STEP = 4  # the small copy the sheet is found on: every STEP-th pixel each way
MIN_DARK_BORDER = 0.6  # share of the image's border pixels darker than the threshold
MAX_GROUND_TONE = 0.65  # the ground's median at most this share of the paper's
MIN_SHEET = 0.35  # the sheet covers at least this share of the image
MARGIN = 0.01  # each corner at least this share of the image's size from its edges
WHITE_SHARE = 0.88  # a pixel this close to its paper tone is paper: white (a photo's grain)
BACKGROUND_POINTS = 18.0  # the cell (points) the paper tone is measured in: wider than a letter


def _otsu(values: np.ndarray) -> float:
    """The grey level that best splits ``values`` in two (Otsu)."""
    hist = np.bincount(values.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1.0)
    return float(np.argmax(between))


def sheet_corners(pixels: np.ndarray) -> np.ndarray | None:
    """The four corners (x, y: top-left, top-right, bottom-right, bottom-left) of a sheet
    photographed on a darker ground, in pixels of ``pixels``; None when the image is no such
    photo (see the module's note)."""
    found = _sheet(pixels)
    return None if found is None or isinstance(found, float) else found


def _sheet(pixels: np.ndarray) -> np.ndarray | float | None:
    """The sheet's corners (see :func:`sheet_corners`); the grey level parting sheet from
    ground when the photo is a sheet on a dark ground whose corners the camera cut off (the
    ground shows along two sides or more, wedges of it where the sheet stands askew); None
    for any other image."""
    small = pixels[::STEP, ::STEP]
    h, w = small.shape
    if h < 20 or w < 20:
        return None
    threshold = _otsu(small)
    border = np.concatenate([small[0], small[-1], small[:, 0], small[:, -1]])
    dark = border < threshold
    if dark.mean() < MIN_DARK_BORDER:
        return None
    sheet = small >= threshold
    # a sheet pixel has sheet on all sides: a bright speck of the ground is not the sheet
    inner = sheet[1:-1, 1:-1] & sheet[:-2, 1:-1] & sheet[2:, 1:-1] & sheet[1:-1, :-2] & sheet[1:-1, 2:]
    if inner.mean() < MIN_SHEET:
        return None
    paper, ground = float(np.median(small[1:-1, 1:-1][inner])), float(np.median(border[dark]))
    if ground > MAX_GROUND_TONE * paper:
        return None
    ys, xs = np.nonzero(inner)
    xs, ys = xs + 1, ys + 1
    picks = [np.argmin(xs + ys), np.argmax(xs - ys), np.argmax(xs + ys), np.argmax(ys - xs)]
    corners = np.array([(xs[k], ys[k]) for k in picks], dtype=np.float64) * STEP
    H, W = pixels.shape
    mx, my = MARGIN * W, MARGIN * H
    if (corners[:, 0] < mx).any() or (corners[:, 0] > W - mx).any() or (corners[:, 1] < my).any() \
            or (corners[:, 1] > H - my).any():
        return threshold
    return corners


def _homography(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """The 3×3 projective map taking the four points ``src`` to ``dst``."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    h = np.linalg.solve(np.array(rows, dtype=np.float64), np.array(rhs, dtype=np.float64))
    return np.append(h, 1.0).reshape(3, 3)


def _upright(pixels: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """The sheet mapped onto an upright rectangle of its mean side lengths, centred on an image
    of the same size as ``pixels``, in the sheet's paper tone around it (white would make
    the sheet a shaded panel on a white page)."""
    H, W = pixels.shape
    tl, tr, br, bl = corners
    width = (np.hypot(*(tr - tl)) + np.hypot(*(br - bl))) / 2
    height = (np.hypot(*(bl - tl)) + np.hypot(*(br - tr))) / 2
    x0, y0 = (W - width) / 2, (H - height) / 2
    target = np.array([(x0, y0), (x0 + width, y0), (x0 + width, y0 + height), (x0, y0 + height)])
    back = _homography(target, corners)  # output pixel → photo pixel
    tl_, br_ = corners.min(axis=0).astype(int), corners.max(axis=0).astype(int)
    paper = int(np.median(pixels[tl_[1] : br_[1] : STEP, tl_[0] : br_[0] : STEP]))
    out = np.full((H, W), paper, dtype=np.uint8)
    c0, c1 = max(0, int(np.ceil(x0))), min(W, int(x0 + width))
    r0, r1 = max(0, int(np.ceil(y0))), min(H, int(y0 + height))
    gx, gy = np.meshgrid(np.arange(c0, c1, dtype=np.float32), np.arange(r0, r1, dtype=np.float32))
    b = back.astype(np.float32)
    z = b[2, 0] * gx + b[2, 1] * gy + b[2, 2]
    sx = (b[0, 0] * gx + b[0, 1] * gy + b[0, 2]) / z
    sy = (b[1, 0] * gx + b[1, 1] * gy + b[1, 2]) / z
    np.clip(sx, 0, W - 1.001, out=sx)
    np.clip(sy, 0, H - 1.001, out=sy)
    ix, iy = sx.astype(np.int32), sy.astype(np.int32)
    fx, fy = sx - ix, sy - iy
    src = pixels.astype(np.float32)
    top = src[iy, ix] * (1 - fx) + src[iy, ix + 1] * fx
    bottom = src[iy + 1, ix] * (1 - fx) + src[iy + 1, ix + 1] * fx
    out[r0:r1, c0:c1] = np.clip(top * (1 - fy) + bottom * fy + 0.5, 0, 255).astype(np.uint8)
    return out


def _without_ground(pixels: np.ndarray, threshold: float) -> np.ndarray:
    """``pixels`` with the ground painted in the paper's tone: on each row the dark run from
    either edge of the image (a wedge of the table beside a sheet photographed askew)."""
    dark = pixels < threshold
    H, W = pixels.shape
    left = np.where(dark.all(axis=1), W, np.argmin(dark, axis=1))
    right = np.where(dark.all(axis=1), W, np.argmin(dark[:, ::-1], axis=1))
    cols = np.arange(W)[None, :]
    ground = (cols < left[:, None]) | (cols >= W - right[:, None])
    out = pixels.copy()
    out[ground] = np.uint8(np.median(pixels[~dark]))
    return out


def _even_light(pixels: np.ndarray, dpi: int) -> np.ndarray:
    """The page divided by its paper tone: the brightest pixel of each cell of
    :data:`BACKGROUND_POINTS` (the paper between the letters), smoothed over the neighbouring
    cells and spread back over the page; the paper, down to :data:`WHITE_SHARE` of its tone,
    comes out white and the ink as dark as it was against its own paper."""
    H, W = pixels.shape
    cell = max(4, round(BACKGROUND_POINTS * dpi / 72))
    rows, cols = -(-H // cell), -(-W // cell)
    padded = np.full((rows * cell, cols * cell), 0, dtype=np.uint8)
    padded[:H, :W] = pixels
    tone = padded.reshape(rows, cell, cols, cell).max(axis=(1, 3)).astype(np.float32)
    # a cell of ink only (a heading's bar) takes its neighbours' paper: the brightest around it
    pad = np.pad(tone, 1, mode="edge")
    tone = np.max([pad[dy : dy + rows, dx : dx + cols] for dy in range(3) for dx in range(3)], axis=0)
    pad = np.pad(tone, 1, mode="edge")
    tone = np.mean([pad[dy : dy + rows, dx : dx + cols] for dy in range(3) for dx in range(3)], axis=0)
    # bilinear spread of the cell tones back to the pixels
    cy = (np.arange(H, dtype=np.float32) + 0.5) / cell - 0.5
    cx = (np.arange(W, dtype=np.float32) + 0.5) / cell - 0.5
    iy, ix = np.clip(cy.astype(np.int32), 0, rows - 1), np.clip(cx.astype(np.int32), 0, cols - 1)
    jy, jx = np.minimum(iy + 1, rows - 1), np.minimum(ix + 1, cols - 1)
    fy, fx = np.clip(cy - iy, 0, 1)[:, None], np.clip(cx - ix, 0, 1)[None, :]
    top = tone[iy][:, ix] * (1 - fx) + tone[iy][:, jx] * fx
    bottom = tone[jy][:, ix] * (1 - fx) + tone[jy][:, jx] * fx
    paper = np.maximum((top * (1 - fy) + bottom * fy) * WHITE_SHARE, 1.0)
    return np.clip(pixels.astype(np.float32) * (255.0 / paper) + 0.5, 0, 255).astype(np.uint8)


def flatten_photo(image: bytes, dpi: int) -> bytes:
    """A PGM page image (as :func:`planparse.reading.pymupdf_backend.render_gray` makes it)
    with a photographed sheet made upright and evenly lit; any other page image as it is."""
    pixels = _pgm(image)
    if pixels is None:
        return image
    found = _sheet(pixels)
    if found is None:
        return image
    if isinstance(found, float):  # the sheet cut off: its ground painted over, the light evened
        flat = _even_light(_without_ground(pixels, found), dpi)
    else:
        flat = _upright(_even_light(pixels, dpi), found)
    return image[: len(image) - flat.size] + flat.tobytes()
