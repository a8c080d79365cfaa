"""Text in another language beside the Swedish: kommuner in the förvaltningsområden for finska,
meänkieli and samiska print their plans with a translation under each paragraph or after a
slash in each heading ("Mål / Tavoitteet"), and some add an English summary. The canonical
output is the Swedish text; the translation is no title, no item and no description.

The test is by the words themselves, against the Swedish lexicon: a translation's words are
not Swedish, and most of them show their language (Finnish double vowels and case endings,
Sami letters, English function words). A Swedish line garbled by OCR shows neither.
"""

from __future__ import annotations

import re

from planparse.text.repair import known_word, word_zipf

_WORD = re.compile(r"[^\W\d_]+")
_FINNISH_VOWELS = re.compile(r"aa|ee|ii|oo|uu|yy|ää|öö|ie|uo|yö")
_FINNISH_END = re.compile(r"(?:nen|sen|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|tta|ttä|mme|vat|vät|ään|iin|aan|een|yyn|ja|jä|ta|tä"
                         r"|..[iouyäö]t|sto|nto|ile|ä)$")  # (the plural's t after a vowel: "normit", "lapset" has e: see _swedish)
_SAMI_LETTERS = frozenset("áčđŋšŧž")
_ENGLISH = frozenset({"the", "and", "of", "to", "will", "be", "is", "are", "for", "with", "our", "we", "that", "this",
                      "by", "on", "all", "more", "have", "has", "an", "it", "as", "at", "from", "in", "their", "should"})


def _swedish(word: str) -> bool:
    """A Swedish word: common in the lexicon (which holds some Finnish words, rarely), or a
    compound of Swedish words."""
    return word_zipf(word) >= 2.0 or (len(word) >= 7 and known_word(word))


# A Finnish word's shape: no letter Finnish lacks, and syllables of a vowel after one or two consonants at most
_FINNISH_SHAPE = re.compile(r"(?:[^aeiouyäö]{0,2}[aeiouyäö]+)+[^aeiouyäö]?")
_NOT_FINNISH = frozenset("bcfgqwxzå")


def _marked(word: str) -> bool:
    """A word that is no Swedish word and shows Finnish or Sami."""
    if set(word) & _SAMI_LETTERS:
        return True
    return "å" not in word and not _swedish(word) and bool(_FINNISH_VOWELS.search(word) or _FINNISH_END.search(word) or (
        len(word) >= 5 and not set(word) & _NOT_FINNISH and word_zipf(word) < 1.0 and _FINNISH_SHAPE.fullmatch(word)
        and not any(word_zipf(word[:k]) >= 3.0 for k in range(5, len(word)))))  # (a Swedish word cut short: "Dokumentan")


# What a translation shows at least once and a Swedish line almost never: a cheap first test.
_HINT = re.compile(r"aa|ee|ii|oo|uu|yy|ää|öö|ie|uo|yö|ei|ja\b|ä\b|[áčđŋšŧž]|\b(?:the|and|of|to|will|is|are|our|we)\b")


def translation(text: str) -> bool:
    """Whether a line of two words or more is in another language than Swedish: most of its
    words are no Swedish words and at least half show another language."""
    low = text.lower()
    if "å" in low or _HINT.search(low) is None:
        return False
    words = _WORD.findall(low)
    if len(words) < 2:
        return False
    if any(set(w) & _SAMI_LETTERS for w in words):
        return True  # (Sami letters are no Swedish spelling)
    english = sum(1 for w in _WORD.findall(text) if w.lower() in _ENGLISH and not w.isupper())  # ("IT" is Swedish)
    if len(words) >= 4 and 4 * english >= len(words) and not set(text.lower()) & set("äö"):
        return True  # English: its function words
    swedish = sum(1 for w in words if word_zipf(w) >= 2.5 and w not in _ENGLISH and w != "ja")  # (Finnish "and")
    if len(words) == 2:  # (two words: neither Swedish, both showing another language)
        return not any(_swedish(w) for w in words) and all(_marked(w) for w in words)
    return 3 * swedish < len(words) and 2 * sum(1 for w in words if _marked(w)) >= len(words)


def swedish_part(text: str, loose: bool = False) -> str:
    """``text`` without a translation after a slash ("Mål / Tavoitteet" → "Mål", "Språk och
    kommunikation / Kieli ja viestintä" → "Språk och kommunikation"): the part after the last
    " / " is cut when most of its words are no Swedish words and one shows another language
    (``loose``: or none does, for a short label the vocabulary then checks: "Klar / Valmis")."""
    head, sep, tail = text.rpartition(" / ")
    words = _WORD.findall(tail.lower())
    if not sep or not head.strip() or not words or 2 * sum(1 for w in words if len(w) > 2 and _swedish(w)) >= len(words):
        return text
    return head.rstrip() if loose or any(_marked(w) or w in _ENGLISH for w in words) else text
