"""Scans made at a low resolution (a 100 dpi page image, a fax): Tesseract reads their small
type far better from a copy enlarged smoothly to :data:`SHARP_DPI` than from the page rendered
at :data:`planparse.reading.ocr.DPI`, whose enlargement keeps the pixels' blocks."""

from __future__ import annotations

import io

from planparse.reading.model import RawPage

LOW_DPI = 130  # a page image under this resolution is read from an enlarged copy
SHARP_DPI = 300
_COVER = 0.8  # of the page's width and height: an image this large is the page's scan


def scan_dpi(page: RawPage) -> float | None:
    """The resolution of the image that covers the page (a scan), or None."""
    dpis = [im.width / ((im.bbox[2] - im.bbox[0]) / 72) for im in page.images
            if im.bbox[2] - im.bbox[0] >= _COVER * page.width and im.bbox[3] - im.bbox[1] >= _COVER * page.height]
    return min(dpis) if dpis else None


def enlarged(page: object, dpi: float) -> bytes:
    """PyMuPDF ``page`` rendered at its scan's resolution ``dpi`` and enlarged to
    :data:`SHARP_DPI` by Lanczos resampling, as a grayscale PGM image."""
    import pymupdf
    from PIL import Image

    from planparse.reading.pymupdf_backend import render_gray

    assert isinstance(page, pymupdf.Page)
    small = Image.open(io.BytesIO(render_gray(page, max(1, round(dpi)))))
    size = (round(page.rect.width * SHARP_DPI / 72), round(page.rect.height * SHARP_DPI / 72))
    out = io.BytesIO()
    small.convert("L").resize(size, Image.Resampling.LANCZOS).save(out, format="PPM")
    return out.getvalue()
