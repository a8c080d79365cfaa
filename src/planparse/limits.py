"""Resource limits with safe defaults, configurable from the library and the CLI."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Per-file limits. Exceeding one raises :class:`planparse.errors.LimitExceeded`."""

    max_pages: int = 1000
    max_file_mb: float = 512.0
    seconds_per_file: float = 300.0  # enforced by the CLI's worker processes
    memory_mb_per_worker: int = 2048  # enforced by the CLI's worker processes (RLIMIT_AS)
    max_image_pixels: int = 60_000_000  # largest page image rendered for OCR
    max_chars_per_page: int = 100_000


DEFAULT_LIMITS = Limits()
