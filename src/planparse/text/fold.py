"""Folding text to a skeleton that survives OCR without a Swedish model.

Tesseract's English model reads å/ä as a, &, d, à, á and ö as o, 6, é, ó. Comparing skeletons
lets a lookup accept "Ange" for "Ånge" and "Pagaende" for "Pågående".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_OCR_MAP = str.maketrans(
    {
        "å": "a", "ä": "a", "à": "a", "á": "a", "â": "a", "&": "a",
        "ö": "o", "ó": "o", "ò": "o", "ô": "o", "é": "o", "è": "o", "6": "o", "ø": "o",
        "ü": "u",
    }
)  # fmt: skip
_NON_WORD = re.compile(r"[^\w\s-]+")
_WS = re.compile(r"\s+")


@lru_cache(maxsize=16384)  # lines and labels are folded again by every family that reads them
def fold(text: str) -> str:
    """Lowercase OCR skeleton: diacritics and their usual OCR misreadings to a/o."""
    s = unicodedata.normalize("NFC", text).casefold().translate(_OCR_MAP)
    return _WS.sub(" ", _NON_WORD.sub(" ", s)).strip()


_PLAIN = str.maketrans("åäö", "aao")


def plain(text: str) -> str:
    """Lowercase with å/ä/ö as a/a/o, punctuation kept (a legend's "grön =" is "gron =")."""
    return text.casefold().translate(_PLAIN)


def clean_spaces(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) into one space and strip."""
    return _WS.sub(" ", text.replace("\u00ad", "")).strip()
