"""Fonts whose text layer is shifted: every letter of a font comes out a fixed number of places
along the alphabet ("Bwtmvube" for "Avslutad", "Qähäfoef" for "Pågående"), or every character
a fixed number of code points off. A subset font embedded with a broken or missing ToUnicode
map does this: its codes are glyph numbers, in the font's own order.

Such a font's words are not Swedish while the rest of the document is. Each font with words
enough is checked; the shift that turns most of its words into words the lexicon knows is
undone on every span of that font, when it makes most of them known (:data:`KNOWN_AFTER`).
The text is decided by the lexicon alone, never by one document's wording.
"""

from __future__ import annotations

import re
from collections import defaultdict

from planparse.reading.model import RawPage, Span

ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"  # the Swedish order: å, ä, ö after z
MIN_WORDS = 4  # a font's words of three letters or more, to judge it by
KNOWN_BEFORE = 0.3  # a font whose words the lexicon knows less than this share may be shifted
KNOWN_AFTER = 0.7  # ... and is, when one shift makes at least this share known
MAX_CODE_SHIFT = 40
SAMPLE = 40  # a font's first distinct words, enough to judge it (the lexicon's look-up is not free)
_WORD = re.compile(r"[^\W\d_]{3,}")


def shift_letters(text: str, k: int, alphabet: str = ALPHABET) -> str:
    """``text`` with every letter of ``alphabet`` moved ``k`` places along it (case kept);
    other characters as they are."""
    n = len(alphabet)
    out = []
    for ch in text:
        low = ch.lower()
        i = alphabet.find(low)
        if i < 0:
            out.append(ch)
            continue
        moved = alphabet[(i + k) % n]
        out.append(moved.upper() if ch != low else moved)
    return "".join(out)


def shift_codes(text: str, k: int) -> str:
    """``text`` with every visible character moved ``k`` code points (spaces as they are)."""
    return "".join(ch if ch.isspace() or not 32 < ord(ch) + k < 0x110000 else chr(ord(ch) + k) for ch in text)


def _known_share(words: list[str]) -> float:
    from planparse.text.repair import known_word

    return sum(known_word(w) for w in words) / len(words) if words else 0.0


def _mostly_unknown(words: list[str]) -> bool:
    """Whether the lexicon knows less than :data:`KNOWN_BEFORE` of ``words`` (looked up only
    until it is clear: a Swedish font's first words settle it)."""
    from planparse.text.repair import known_word

    enough = KNOWN_BEFORE * len(words)
    known = 0
    for w in words:
        known += known_word(w)
        if known >= enough:
            return False
    return True


def unshift(words: list[str]) -> tuple[str, int] | None:
    """The shift that undoes a font's words, as ("letters" or "codes", k), or None: the one that
    makes the most of them known, when that is at least :data:`KNOWN_AFTER` of them and the
    words as they are mostly unknown."""
    if len(words) < MIN_WORDS or not _mostly_unknown(words):
        return None
    best: tuple[float, str, int] | None = None
    tried = [("letters", k) for k in range(1, len(ALPHABET))] + [
        ("codes", k) for k in range(-MAX_CODE_SHIFT, MAX_CODE_SHIFT + 1) if k]
    for kind, k in tried:
        moved = [shift_letters(w, k) if kind == "letters" else shift_codes(w, k) for w in words]
        share = _known_share(moved)
        if best is None or share > best[0]:
            best = (share, kind, k)
    return (best[1], best[2]) if best is not None and best[0] >= KNOWN_AFTER else None


def _sample(spans: list[Span]) -> list[str]:
    """A font's first :data:`SAMPLE` distinct words of three letters or more."""
    seen: dict[str, None] = {}
    for s in spans:
        for w in _WORD.findall(s.text):
            seen[w] = None
        if len(seen) >= SAMPLE:
            break
    return list(seen)[:SAMPLE]


def mend_shifted_fonts(pages: list[RawPage]) -> list[str]:
    """Undo shifted fonts on native pages' spans in place (see the module's docstring); the
    names of the fonts mended, in order."""
    spans: dict[str, list[Span]] = defaultdict(list)
    for page in pages:
        for ln in page.lines:
            if ln.method == "native":
                for s in ln.spans:
                    spans[s.font].append(s)
    mended = []
    for font, members in sorted(spans.items()):
        words = _sample(members)
        how = unshift(words)
        if how is None:
            continue
        kind, k = how
        for s in members:
            s.text = shift_letters(s.text, k) if kind == "letters" else shift_codes(s.text, k)
        mended.append(font)
    return mended
