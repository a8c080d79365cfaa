"""planparse: Swedish municipal planning PDFs to structured JSON (contract schema v1)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "parse", "detect"]

if TYPE_CHECKING:
    from planparse.api import detect, parse


def __getattr__(name: str) -> Any:
    # The API pulls in PyMuPDF and the layout parsers; import it on first use so that
    # `import planparse` and `planparse --help` stay fast.
    if name in ("parse", "detect"):
        from planparse import api

        return getattr(api, name)
    raise AttributeError(f"module 'planparse' has no attribute {name!r}")
