"""Upside-down scanned sheets: a sheet fed into the scanner the wrong way round is an upright
page whose image is turned 180°. Tesseract reads such a page as garbage ("uejd" for "plan").

A cheap look decides which pages to ask about: in upright Latin text a line carries more ink
above its x-height band (capitals, ascenders, å ä ö marks) than below it (descenders), and a
turned line the reverse. Tables and rules make that look noisy, so it only picks the pages
that may be turned; Tesseract's orientation detection (``--psm 0``, its ``osd`` model) then
decides. Pages found turned are read with the page turned back (see :func:`turned_pages`).
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


def is_upside_down(page: object, tesseract: str) -> bool:
    """Whether a PyMuPDF page's image shows its text upside down."""
    import pymupdf

    assert isinstance(page, pymupdf.Page)
    pix = page.get_pixmap(dpi=LOOK_DPI, colorspace=pymupdf.csGRAY, alpha=False)
    gray = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]
    if ink_above_below(gray) >= SUSPECT_BELOW:
        return False
    image = page.get_pixmap(dpi=OSD_DPI, colorspace=pymupdf.csGRAY, alpha=False).tobytes("pnm")
    found = _osd_rotation(image, tesseract)
    return found is not None and found[0] == 180 and found[1] >= MIN_CONFIDENCE


def turned_pages(pdf: object, numbers: list[int], tesseract: str | None, has_osd: bool) -> list[int]:
    """Turn each of ``numbers`` (1-based pages to be OCR'd) whose image is upside down by 180°
    in ``pdf`` (in memory only) and give their numbers."""
    import pymupdf

    assert isinstance(pdf, pymupdf.Document)
    if tesseract is None or not has_osd:
        return []
    turned = []
    for n in numbers:
        page = pdf[n - 1]
        if is_upside_down(page, tesseract):
            page.set_rotation((page.rotation + 180) % 360)
            turned.append(n)
    return turned
