"""The library API: ``parse`` a PDF into a :class:`~planparse.model.PlanDocument`."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from planparse.layouts import Detection, detect_document, parse_document
from planparse.limits import DEFAULT_LIMITS, Limits
from planparse.model import PlanDocument
from planparse.reading import read_pdf

Backend = Literal["pymupdf", "pdfplumber"]
OcrMode = Literal["auto", "always", "never"]


def parse(
    source: str | os.PathLike[str] | bytes,
    *,
    layout: str | None = None,
    backend: Backend = "pymupdf",
    ocr: OcrMode = "auto",
    limits: Limits = DEFAULT_LIMITS,
    filename: str | None = None,
) -> PlanDocument:
    """Parse one PDF (a path or its bytes) into the canonical model.

    ``layout`` forces a layout family by name instead of detecting it. ``ocr="auto"`` runs
    Tesseract only on pages without a usable text layer. Raises a
    :class:`planparse.errors.PlanParseError` subclass when the file cannot be read at all;
    problems inside a readable document become ``warnings`` on the result.
    """
    with _fewer_collections():  # (the page model freed before the threshold is restored)
        return parse_document(read_pdf(source, backend=backend, ocr=ocr, limits=limits, filename=filename),
                              layout=layout)


# Objects made (less those freed) before the cyclic collector's youngest generation is
# collected, while a document is parsed; Python's default is 700.
_GC_THRESHOLD = 10_000


_gc_lock = threading.Lock()
_gc_parses = 0  # parses running now (threads): the first raises the threshold, the last restores it
_gc_saved: tuple[int, ...] = ()


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The collector's first threshold raised while a document is parsed, then restored: a
    parse makes and drops objects by the hundred thousand and holds few cycles, and at the
    default the collector walked the young survivors some ten times a document (and, every
    few documents, every object of the process, a loaded spaCy's too) for little garbage.
    Parses in several threads share one raise; the last to finish restores the threshold."""
    global _gc_parses, _gc_saved
    with _gc_lock:
        if _gc_parses == 0:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(max(_gc_saved[0], _GC_THRESHOLD), *_gc_saved[1:])
        _gc_parses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_parses -= 1
            if _gc_parses == 0:
                gc.set_threshold(*_gc_saved)


def detect(
    source: str | os.PathLike[str] | bytes,
    *,
    backend: Backend = "pymupdf",
    filename: str | None = None,
) -> list[Detection]:
    """Score a PDF against every registered layout family, best first."""
    document = read_pdf(source, backend=backend, ocr="never", filename=filename)
    return detect_document(document)


__all__ = ["parse", "detect"]
