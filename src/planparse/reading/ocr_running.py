"""Running headers and footers as an OCR reads them: each page's reading of the same line
differs by a letter or two ("Sorsele kommun" / "Sårsele kommun", "Sida 2 av7"), or the line
comes apart into pieces where its words stand far apart ("Hudiksvalls kommun" and
"Verksamhetsplan 2026" for "Hudiksvalls kommun Verksamhetsplan 2026"). The keys of
:func:`planparse.reading.noise.running_lines` that are such readings of one line."""

from __future__ import annotations

from difflib import SequenceMatcher

# How alike two readings of one running line are (difflib's ratio), and how long a key must
# be to be compared at all: a short one ("Mål 1", "Bilaga") is alike too many others.
_ALIKE = 0.85
_MIN_KEY = 12


def ocr_variants(key: str, seen: dict[str, list[tuple[int, float]]], top: float,
                 at: dict[str, list[float]], height: float) -> list[str]:
    """The other keys in ``seen`` (margin lines' keys: (page, size) of each; ``at``: the top
    of each) that are another OCR reading of the running line of key ``key`` whose top is
    ``top`` (a line ``height`` high): nearly the same letters, or a longer line whose words
    ``key``'s words are a run of, set at the same height on its page (a title under a running
    header of its words is none)."""
    if len(key) < _MIN_KEY:
        return []
    out = []
    padded = f" {key} "
    for other in seen:
        if other != key and len(other) >= _MIN_KEY and any(abs(y - top) <= max(3.0, 0.6 * height) for y in at.get(other, ())) \
                and (padded in f" {other} " or SequenceMatcher(None, key, other, autojunk=False).ratio() >= _ALIKE):
            out.append(other)
    return out
