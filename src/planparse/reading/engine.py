"""Importing PyMuPDF without the extras PyMuPDF 2 loads on import.

PyMuPDF 2 imports pymupdf4llm and its layout package when it is imported: numpy,
onnxruntime and an ONNX layout model, about half a second and several runtime threads in
every process, threads that make forking worker processes unsafe. planparse rebuilds layout
itself and never calls them. The first import of pymupdf in a process therefore goes through
:func:`import_pymupdf`, which hides the two extras for that one import only: afterwards an
application can still import them itself.
"""

from __future__ import annotations

import sys
from types import ModuleType

_EXTRAS = ("pymupdf.layout", "pymupdf4llm")


def import_pymupdf() -> ModuleType:
    if "pymupdf" in sys.modules:
        return sys.modules["pymupdf"]
    hidden = [name for name in _EXTRAS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes "import name" fail
    try:
        import pymupdf
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]
    return pymupdf
