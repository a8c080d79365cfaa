"""Turned scanned sheets: a sheet fed into the scanner the wrong way round is an upright page
whose image is turned 180°, one fed sideways a page whose image holds the text turned a quarter
(90° either way; the page often landscape by its box). Tesseract reads such a page as garbage
("uejd" for "plan") or nothing.

A cheap look decides which pages to ask about: in upright Latin text a line carries more ink
above its x-height band (capitals, ascenders, å ä ö marks) than below it (descenders), and a
turned line the reverse. Text turned a quarter shows in small tiles of the page as lines
running down: gaps between lines are blank columns rather than blank rows. Tables and rules
make these looks noisy, so they only pick the pages that may be turned; Tesseract's orientation
detection (``--psm 0``, its ``osd`` model) then decides, each look admitting only the turn it
suspects. Pages found turned are read with the page turned back (see :func:`turned_pages`).
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile

import numpy as np

LOOK_DPI = 100  # the cheap look
OSD_DPI = 150  # Tesseract's orientation detection
INK = 140  # darker than this is ink
MIN_LINE_PX, MAX_LINE_PX = 5, 80  # a text line's height at LOOK_DPI
SUSPECT_BELOW = 1.0  # ink above / ink below under this: ask Tesseract
MIN_CONFIDENCE = 3.0  # Tesseract's orientation confidence needed to turn a page
TILE_PX = 96  # a tile of the page (at LOOK_DPI) holding a few text lines
TILE_MIN_INK = 0.02  # a tile with less ink than this share is left out
TILE_MARGIN = 0.1  # blank rows over blank columns (or the reverse) by this share to vote
SIDEWAYS_OVER = 2  # sideways tiles more than this many times the upright ones: ask Tesseract


def ink_above_below(gray: np.ndarray) -> float:
    """Ink above the text lines' x-height bands over ink below them (1.0 when no lines)."""
    rows = (gray < INK).sum(axis=1).astype(float)
    on = rows > max(2.0, 0.003 * gray.shape[1])
    above = below = 0.0
    i, n = 0, len(rows)
    while i < n:
        if not on[i]:
            i += 1
            continue
        j = i
        while j < n and on[j]:
            j += 1
        if MIN_LINE_PX <= j - i <= MAX_LINE_PX:
            line = rows[i:j]
            core = np.nonzero(line >= 0.5 * line.max())[0]
            above += float(line[: core[0]].sum())
            below += float(line[core[-1] + 1:].sum())
        i = j
    return (above + 1.0) / (below + 1.0)


def tile_votes(gray: np.ndarray) -> tuple[int, int]:
    """Tiles of the page whose text lines run across (upright or upside down) and tiles whose
    lines run down (turned a quarter): in a tile of lines across, the gaps between lines make
    blank rows, more than the gaps between words make blank columns; turned, the reverse."""
    ink = gray < INK
    across = down = 0
    h, w = ink.shape
    for y in range(0, h - TILE_PX + 1, TILE_PX):
        for x in range(0, w - TILE_PX + 1, TILE_PX):
            tile = ink[y:y + TILE_PX, x:x + TILE_PX]
            if tile.mean() < TILE_MIN_INK:
                continue
            rows, cols = tile.sum(axis=1) > 0, tile.sum(axis=0) > 0
            ys, xs = np.nonzero(rows)[0], np.nonzero(cols)[0]
            blank_rows = 1.0 - float(rows[ys[0]:ys[-1] + 1].mean())
            blank_cols = 1.0 - float(cols[xs[0]:xs[-1] + 1].mean())
            if blank_rows > blank_cols + TILE_MARGIN:
                across += 1
            elif blank_cols > blank_rows + TILE_MARGIN:
                down += 1
    return across, down


def _osd_rotation(image: bytes, tesseract: str) -> tuple[int, float] | None:
    """Tesseract's orientation of a PNM page image: (degrees to turn it, confidence)."""
    with tempfile.TemporaryDirectory(prefix="planparse-osd-") as tmp:
        src = os.path.join(tmp, "page.pnm")
        with open(src, "wb") as f:
            f.write(image)
        try:
            out = subprocess.run([tesseract, src, "-", "--psm", "0", "--dpi", str(OSD_DPI)],
                                 capture_output=True, text=True, timeout=60,
                                 env=dict(os.environ, OMP_THREAD_LIMIT="1")).stdout
        except (OSError, subprocess.SubprocessError):
            return None
    turn = re.search(r"^Rotate:\s*(\d+)", out, re.M)
    confidence = re.search(r"^Orientation confidence:\s*([\d.]+)", out, re.M)
    if not turn or not confidence:
        return None
    return int(turn.group(1)), float(confidence.group(1))


def page_turn(page: object, tesseract: str) -> int:
    """The degrees (clockwise: 0, 90, 180 or 270) a PyMuPDF page's image must be turned by for
    its text to stand upright."""
    import pymupdf

    assert isinstance(page, pymupdf.Page)
    pix = page.get_pixmap(dpi=LOOK_DPI, colorspace=pymupdf.csGRAY, alpha=False)
    gray = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]
    suspects = set()
    if ink_above_below(gray) < SUSPECT_BELOW:
        suspects.add(180)
    across, down = tile_votes(gray)
    if down > SIDEWAYS_OVER * across:
        suspects |= {90, 270}
    if not suspects:
        return 0
    image = page.get_pixmap(dpi=OSD_DPI, colorspace=pymupdf.csGRAY, alpha=False).tobytes("pnm")
    found = _osd_rotation(image, tesseract)
    if found is None or found[0] not in suspects or found[1] < MIN_CONFIDENCE:
        return 0
    return found[0]


def turned_pages(pdf: object, numbers: list[int], tesseract: str | None, has_osd: bool) -> dict[int, int]:
    """Turn each of ``numbers`` (1-based pages to be OCR'd) whose image is upside down or
    sideways upright in ``pdf`` (in memory only, by the page's rotation) and give their numbers
    with the degrees turned."""
    import pymupdf

    assert isinstance(pdf, pymupdf.Document)
    if tesseract is None or not has_osd:
        return {}
    turned = {}
    for n in numbers:
        page = pdf[n - 1]
        degrees = page_turn(page, tesseract)
        if degrees:
            page.set_rotation((page.rotation + degrees) % 360)
            turned[n] = degrees
    return turned
