"""Dithered scans: a 1-bit scanner that sets paper and greys as dot patterns (error diffusion)
covers the page with specks that Tesseract reads as noise, finding no text at all. A 3×3 median
takes the dots away and keeps the letters, whose strokes are wider than a dot. A page is taken
for dithered when many of its pixels stand far from their neighbourhood's median (a clean or
noisy scan has a few, at the edges of its strokes and specks)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from planparse.reading.raster_rules import _pgm

LEAP = 60  # grey levels a dot stands off its neighbourhood's median
SHARE = 0.03  # the share of such pixels over which a band is dotted (clean scans: under 0.015; a
# halftone photo or a dark band crossing one band: about 0.025)
BAND = 240  # rows of each band measured: at a quarter, half and three quarters of the page


def _median(pixels: np.ndarray) -> np.ndarray:
    return np.asarray(Image.fromarray(pixels).filter(ImageFilter.MedianFilter(3)))


def dithered(pixels: np.ndarray) -> bool:
    """Whether a page image is covered with dots: in each of three bands across it."""
    for k in (1, 2, 3):
        top = max(0, pixels.shape[0] * k // 4 - BAND // 2)
        band = pixels[top: top + BAND]
        if band.size == 0 or float((np.abs(band.astype(np.int16) - _median(band)) > LEAP).mean()) <= SHARE:
            return False
    return True


def undithered(image: bytes) -> bytes:
    """A PGM page image (as :func:`planparse.reading.pymupdf_backend.render_gray` makes it) with a
    dithered page's dots taken away; any other page image as it is."""
    pixels = _pgm(image)
    if pixels is None or not dithered(pixels):
        return image
    flat = _median(pixels)
    return image[: len(image) - flat.size] + flat.tobytes()
