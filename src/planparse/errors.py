"""Typed errors. Each names the file and the reason; the CLI turns them into manifest lines."""

from __future__ import annotations


class PlanParseError(Exception):
    """Base class: a file could not be parsed at all."""

    code = "error"

    def __init__(self, file: str, reason: str) -> None:
        self.file = file
        self.reason = reason
        super().__init__(f"{file}: {reason}")


class NotAPDF(PlanParseError):
    code = "not_a_pdf"


class EncryptedPDF(PlanParseError):
    code = "encrypted"


class CorruptPDF(PlanParseError):
    code = "corrupt"


class EmptyPDF(PlanParseError):
    code = "empty"


class LimitExceeded(PlanParseError):
    code = "limit_exceeded"

    def __init__(self, file: str, limit: str, value: object, reason: str | None = None) -> None:
        self.limit = limit
        self.value = value
        super().__init__(file, reason or f"exceeds limit {limit}={value}")


class OCRUnavailable(PlanParseError):
    code = "ocr_unavailable"


class UnknownLayout(PlanParseError):
    code = "unknown_layout"


_NO_MEMORY = ("malloc", "calloc", "realloc", "bad_alloc", "cannot allocate", "out of memory",
              "failed to map segment")


def is_out_of_memory(exc: BaseException) -> bool:
    """Memory ran out: Python's MemoryError, or MuPDF's report of an allocation it could not
    make (under a memory limit), which it raises as an error of its own ("code=2: malloc
    (1166386 bytes) failed", "std::bad_alloc"), or a library that cannot be loaded into the
    address space left ("failed to map segment from shared object", an ImportError)."""
    text = str(exc).lower()
    return isinstance(exc, MemoryError) or any(word in text for word in _NO_MEMORY)
