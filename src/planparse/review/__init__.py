"""Review pages: see what planparse extracted, drawn over the PDF.

* :func:`review_pdf` parses a PDF and writes its review page;
* :func:`review_json` writes the review page of an existing output JSON and its PDF (the PDF
  must be the one the JSON was made from: same sha256);
* :func:`planparse.review.run.review_run` writes an ``index.html`` over a whole output folder.

A review page is one standalone HTML file (no server, no network) with the page images
embedded and every extracted item's provenance box drawn over its page.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from planparse.errors import PlanParseError
from planparse.review.images import DEFAULT_DPI, DEFAULT_QUALITY, render_pages
from planparse.review.items import DEFAULT_THRESHOLD
from planparse.review.page import build_page


class ReviewError(PlanParseError):
    """A review page cannot be made: a JSON file that is not planparse output, or a PDF that
    is missing or is not the one the JSON was made from."""

    code = "review"


def _write(path: str | os.PathLike[str], text: str) -> None:
    from planparse.batch import atomic_write_text

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text)


def load_json(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A planparse output JSON file as a dict; :class:`ReviewError` when it is not one."""
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise ReviewError(name, f"cannot be read: {e.strerror or e}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ReviewError(name, f"is not JSON: {e}") from None
    if not isinstance(data, dict) or not isinstance(data.get("source"), dict):
        raise ReviewError(name, "is not planparse output (no 'source' object)")
    return data


def pdf_for(doc: dict[str, Any], json_name: str, pdf: str | os.PathLike[str]) -> bytes:
    """The bytes of ``pdf``, checked to be the PDF ``doc`` was made from (by sha256)."""
    source = doc.get("source") or {}
    made_from = f"{source.get('file') or '?'} (sha256 {source.get('sha256') or '?'})"
    try:
        data = Path(pdf).read_bytes()
    except OSError as e:
        raise ReviewError(
            json_name,
            f"was made from {made_from}, but the PDF {pdf} cannot be read: {e.strerror or e}",
        ) from None
    sha = hashlib.sha256(data).hexdigest()
    if source.get("sha256") and sha != source["sha256"]:
        raise ReviewError(
            json_name,
            f"was made from {made_from}, but {pdf} has sha256 {sha}: not the same PDF",
        )
    return data


def review_document(
    doc: dict[str, Any],
    pdf_data: bytes,
    output: str | os.PathLike[str],
    *,
    pdf_name: str,
    dpi: int = DEFAULT_DPI,
    quality: int = DEFAULT_QUALITY,
    threshold: float = DEFAULT_THRESHOLD,
) -> Path:
    """Write the review page of ``doc`` (JSON form) over ``pdf_data``; returns its path."""
    images = render_pages(pdf_data, pdf_name, dpi=dpi, quality=quality)
    html = build_page(doc, images, threshold=threshold, pdf_name=pdf_name)
    _write(output, html)
    return Path(output)


def review_json(
    json_path: str | os.PathLike[str],
    pdf: str | os.PathLike[str],
    output: str | os.PathLike[str],
    **options: Any,
) -> Path:
    """The review page of an existing output JSON and the PDF it was made from."""
    doc = load_json(json_path)
    data = pdf_for(doc, str(json_path), pdf)
    return review_document(doc, data, output, pdf_name=Path(pdf).name, **options)


def review_pdf(
    pdf: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    layout: str | None = None,
    ocr: str = "auto",
    **options: Any,
) -> Path:
    """Parse ``pdf`` and write its review page."""
    from planparse.api import parse

    doc = parse(pdf, layout=layout, ocr=ocr)  # type: ignore[arg-type]  # raises for a bad PDF
    data = Path(pdf).read_bytes()
    return review_document(
        json.loads(doc.to_json()), data, output, pdf_name=Path(pdf).name, **options
    )


__all__ = [
    "DEFAULT_DPI",
    "DEFAULT_QUALITY",
    "DEFAULT_THRESHOLD",
    "ReviewError",
    "load_json",
    "pdf_for",
    "review_document",
    "review_json",
    "review_pdf",
]
