"""Test-session setup."""

# Import the reading layer before any test module imports pymupdf, so that PyMuPDF is loaded
# without its ONNX layout extras (and their runtime threads), as in a real planparse run: the
# CLI tests fork worker processes from this process.
import planparse.reading  # noqa: F401
