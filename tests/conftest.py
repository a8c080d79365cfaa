"""Test-session setup."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

# Import the reading layer before any test module imports pymupdf, so that PyMuPDF is loaded
# without its ONNX layout extras (and their runtime threads), as in a real planparse run: the
# CLI tests fork worker processes from this process.
import planparse.reading  # noqa: F401
from planparse.reading.ocr import CACHE_ENV

_OCR_CACHE: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    """One Tesseract result cache for the session (planparse's own, PLANPARSE_OCR_CACHE):
    many test modules parse the same scans, and Tesseract gives the same words for the same
    page image. A cache the caller set is used as it is (scripts/test.sh keeps one between
    runs); otherwise one starts empty and is removed after the run. The CLI processes and the
    test workers the session starts inherit it."""
    global _OCR_CACHE
    if os.environ.get(CACHE_ENV) or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    _OCR_CACHE = os.environ[CACHE_ENV] = tempfile.mkdtemp(prefix="planparse-test-ocr-")


def pytest_unconfigure(config: pytest.Config) -> None:
    global _OCR_CACHE
    if _OCR_CACHE is not None:
        shutil.rmtree(_OCR_CACHE, ignore_errors=True)
        os.environ.pop(CACHE_ENV, None)
        _OCR_CACHE = None
