"""Page images for the review page, rendered with PyMuPDF (the one PDF library use here)."""

from __future__ import annotations

from dataclasses import dataclass

from planparse.errors import CorruptPDF, EncryptedPDF
from planparse.reading.engine import import_pymupdf

# 25 A4 pages at these settings stay well under 10 MB of HTML (benchmarks/review.py).
DEFAULT_DPI = 110
DEFAULT_QUALITY = 70


@dataclass(frozen=True)
class PageImage:
    number: int  # 1-based
    width: float  # PDF points, the coordinate space of provenance boxes
    height: float
    mime: str
    data: bytes


def render_pages(
    data: bytes, name: str, *, dpi: int = DEFAULT_DPI, quality: int = DEFAULT_QUALITY
) -> list[PageImage]:
    """Every page of a PDF as a JPEG (``quality`` 1–100) at ``dpi``."""
    pymupdf = import_pymupdf()
    try:
        pdf = pymupdf.open(stream=data, filetype="pdf")
    except Exception as e:  # MuPDF raises several types for broken files
        raise CorruptPDF(name, f"cannot be opened as a PDF: {e}") from None
    with pdf:
        if pdf.needs_pass and not pdf.authenticate(""):
            raise EncryptedPDF(name, "is encrypted with a password")
        out = []
        zoom = dpi / 72
        for i, page in enumerate(pdf, start=1):
            pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
            out.append(
                PageImage(
                    number=i,
                    width=float(page.rect.width),
                    height=float(page.rect.height),
                    mime="image/jpeg",
                    data=pix.tobytes(output="jpg", jpg_quality=quality),
                )
            )
        return out
