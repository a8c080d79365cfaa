"""Swedish OCR repair: undo what an English OCR model does to å, ä and ö.

Tesseract without a Swedish model reads å/ä/ö as a, &, 6, o, é, d (``malavstamning``,
``&r``, ``6ka``, ``Beddmning``). Repair looks every word up in a Swedish lexicon with word
frequencies (``wordfreq``, list "large"): a word the lexicon does not know is replaced by the
most frequent known word with the same OCR skeleton, compounds the lexicon lacks are split into
two or three known parts, and municipality names get their letters back.

Two modes. The *conservative* one changes only words the lexicon does not know (or knows only
as rare misspellings) and is safe on correct text. The *aggressive* one, used when the text
:func:`looks_damaged` (or when the caller says so), also replaces real but much rarer words
by their far more frequent skeleton twin (``mal`` → ``mål``, ``ar`` → ``är``, ``for`` →
``för``) and applies a few context rules (``Den har rapporten`` → ``Den här rapporten``,
a standalone ``&`` used as ``är``, ``|`` read for ``I``).

The lexicon index is built lazily on first use (about a second) and kept in memory only.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["ocr_case_noise", "ocr_glued_specks", "ocr_leader", "ocr_lost_i", "ocr_percent_words", "ocr_speck_end", "ocr_stray_stops", "repair_text", "repair_word", "repair_line_words", "looks_damaged", "known_word", "word_zipf"]

# Zipf thresholds (log10 of frequency per billion words).
_KNOWN = 2.0  # a word at least this frequent is a real word in conservative mode
_ALT_MIN = 2.5  # a replacement must be at least this frequent ...
_OCR_ALT_MIN = 1.5  # ... or this, when the word has OCR-only characters (&, 6, é)
_MARGIN = 1.0  # ... and this much more frequent than the word it replaces
_AGGR_ALT_MIN = 3.0  # aggressive mode: replacing a real word needs a frequent twin
_PART_MIN = 2.5  # compound parts
_LEFT_MIN = 3.0  # first compound part (short prefixes must be common)
_COMMON = 3.0  # a common word: one whose first letters a line's end may leave alone
_MAX_VARIANTS = 64
_SUFFIXES = frozenset({"skap", "skapet", "skapen", "het", "heten", "lig", "ligt", "liga"})

_TOKEN = re.compile(r"[\w&]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_BAD_DIGIT = re.compile(r"[0-57-9_]")
_SWEDISH = re.compile(r"[åäöÅÄÖ]")
_PROTECTED = re.compile(r"\S*(?:://|www\.|@)\S*")
_VOWELS = frozenset("aeiouyåäöé")

# Lexicon side: diacritics to the skeleton letter (é stays e: "kvalité", "idé").
_LEX_FOLD = (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("è", "e"), ("ü", "u"))
# OCR side: fixed misreadings, and wildcards that stand for several letters.
_OCR_MAP = str.maketrans(
    {
        "å": "a", "ä": "a", "à": "a", "á": "a", "â": "a", "&": "a",
        "ö": "o", "ó": "o", "ò": "o", "ô": "o", "ø": "o", "6": "o", "ü": "u",
    }
)  # fmt: skip
_WILD_ACCENT = "aoe"  # é, è: å/ä/ö or a real é
_WILD_D = "dao"  # d between consonants: often å/ä/ö ("Beddmning", "frdmsta")


def _lex_key(word: str) -> str:
    for a, b in _LEX_FOLD:
        word = word.replace(a, b)
    return word


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """Frequency by Swedish word, loaded once (about 40 MB; word checks need only this)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("sv", wordlist="large")  # ordered by falling frequency


@lru_cache(maxsize=1)
def _by_skeleton() -> dict[str, str]:
    """The most frequent Swedish word by OCR skeleton, built once and only for repair."""
    words = re.findall(r"^[a-zåäöéèü]+$", "\n".join(_frequencies()), re.MULTILINE)
    keys = _lex_key("\n".join(words)).split("\n")
    return dict(zip(reversed(keys), reversed(words), strict=True))  # the most frequent word wins


@lru_cache(maxsize=1)
def _municipalities() -> dict[str, str]:
    """Skeleton → single-word municipality name, for names whose skeleton is unique."""
    from planparse.municipalities import all_municipalities

    seen: dict[str, set[str]] = {}
    for k in all_municipalities():
        if " " in k.name or "-" in k.name:
            continue
        seen.setdefault(_lex_key(k.name.lower()), set()).add(k.name)
    return {key: next(iter(v)) for key, v in seen.items() if len(v) == 1}


@lru_cache(maxsize=1)
def _common_words() -> list[str]:
    """The lexicon's common words (Zipf 3 or more), sorted: the words a piece may begin."""
    common = itertools.takewhile(lambda kv: kv[1] >= 10 ** (_COMMON - 9), _frequencies().items())
    return sorted(w for w, _ in common if w.isalpha())


def _starts_common_word(word: str) -> bool:
    """Whether ``word`` (lower case) is the first piece of a longer common word, letter for
    letter ("upphandli" of "upphandling"): what a line ending inside a word leaves."""
    words = _common_words()
    i = bisect.bisect_right(words, word)
    return i < len(words) and words[i].startswith(word)


def _zipf(word: str) -> float:
    f = _frequencies().get(word)
    return round(math.log10(f) + 9, 2) if f else 0.0


def _keys(word: str, *, expand_d: bool) -> list[str]:
    """Skeleton keys an OCR-read lowercase word may stand for."""
    variants = [word]
    if "éa" in word or "oé" in word:  # "néaringslivets", "foéreningslivet": one letter
        variants.append(word.replace("éa", "a").replace("oé", "o"))
    out: list[str] = []
    for v in variants:
        s = v.translate(_OCR_MAP)
        options: list[str] = []
        for i, ch in enumerate(s):
            if ch in "éè":
                options.append(_WILD_ACCENT)
            elif (
                ch == "d"
                and expand_d
                and i + 1 < len(s)
                and s[i + 1] not in _VOWELS
                and (i == 0 or s[i - 1] not in _VOWELS)
            ):
                options.append(_WILD_D)
            else:
                options.append(ch)
        for combo in itertools.islice(itertools.product(*options), _MAX_VARIANTS):
            out.append("".join(combo))
    return out


@lru_cache(maxsize=65536)
def _best(word: str, expand_d: bool) -> tuple[str, float]:
    """The most frequent lexicon word sharing a skeleton with ``word`` ("", 0.0 if none)."""
    best = _by_skeleton()
    top, top_f = "", 0.0
    for key in _keys(word, expand_d=expand_d):
        cand = best.get(key)
        if cand is not None:
            cf = _zipf(cand)
            if cf > top_f:
                top, top_f = cand, cf
    return top, top_f


def word_zipf(word: str) -> float:
    """The word's Zipf frequency in the Swedish lexicon (0.0 when unknown), case-insensitive."""
    return _zipf(word.lower())


def garbled_caps(word: str) -> bool:
    """An OCR'd word of capitals and figures mixed that no lexicon knows ("TRR3"): what a
    shaded band's grain or a rule beside a header label reads as, no word of a label."""
    return len(word) >= 3 and word.isalnum() and any(ch.isdigit() for ch in word) \
        and any(ch.isupper() for ch in word) and not re.search(r"(?:19|20)\d\d", word) and not known_word(word)


def known_word(word: str) -> bool:
    """Whether the lexicon knows ``word`` (at least rarely) or it is a compound of known parts."""
    w = word.lower()
    return _zipf(w) >= 1.0 or (len(w) >= 7 and w.isalpha() and _split(w, 2, 0) is not None)


def word_parts(word: str) -> int | None:
    """How many lexicon words make ``word``: 1 for a word the lexicon knows, the parts of a
    compound of known words (2 or 3), None for neither (see :func:`known_word`)."""
    w = word.lower()
    if _zipf(w) >= 1.0:
        return 1
    split = _split(w, 2, 0) if len(w) >= 7 and w.isalpha() else None
    return split[1] if split is not None else None


def _ocr(word: str) -> bool:
    return any(c in word for c in "&6éè")


@lru_cache(maxsize=65536)
def _part(part: str, minimum: float, mode: int) -> tuple[str, float] | None:
    """A compound part: itself if known (mode 0), else its far more frequent twin (1, 2: d too)."""
    f = 0.0 if _ocr(part) else _zipf(part)
    if mode and part not in _SUFFIXES:
        cand, cf = _best(part, mode == 2 and f < _KNOWN)
        if cand and cf >= minimum and cf - f >= _MARGIN:
            return cand, cf
    return (part, f) if f >= minimum else None


def _left(part: str, mode: int) -> str | None:
    """A first compound part, also with a linking s ("ungdoms"; "samhälls" from "samhälle")."""
    hit = _part(part, _LEFT_MIN, mode)
    if hit:
        return hit[0]
    if part.endswith("s") and len(part) >= 5:
        hit = _part(part[:-1], _LEFT_MIN, mode)
        if hit:
            return hit[0] + "s"
        hit = _part(part[:-1] + "e", _LEFT_MIN, mode)
        if hit and hit[0].endswith("e"):
            return hit[0][:-1] + "s"
    return None


@lru_cache(maxsize=65536)
def _split(word: str, depth: int, mode: int) -> tuple[str, int] | None:
    """Split ``word`` into known parts, longest first part first: (joined text, parts)."""
    found: tuple[str, int] | None = None
    for i in range(len(word) - 3, 2, -1):
        left = _left(word[:i], mode)
        if left is None:
            continue
        right = _part(word[i:], _PART_MIN, mode)
        hit = (right[0], 1) if right else (_split(word[i:], depth - 1, mode) if depth > 1 else None)
        if hit is not None and (found is None or hit[1] + 1 < found[1]):
            found = (left + hit[0], hit[1] + 1)
            if found[1] == 2:
                break
    return found


@lru_cache(maxsize=1)
def _sorted_words() -> list[str]:
    return sorted(w for w in _frequencies() if w.isalpha())


@lru_cache(maxsize=65536)
def _compounding(head: str) -> float:
    """How much more ``head`` starts longer words than it stands alone: the Zipf frequency of
    the lexicon's words that begin with it (three letters or more after it) less its own.
    "låne" starts lånekort, låneskuld, … far more than it is a word; English "lane" in
    Swedish text starts almost nothing."""
    words, freq = _sorted_words(), _frequencies()
    total = 0.0
    for w in itertools.takewhile(lambda w: w.startswith(head), words[bisect.bisect_left(words, head):]):
        if len(w) >= len(head) + 3:
            total += freq[w]
    return (math.log10(total) + 9 if total else 0.0) - _zipf(head)


_TWINS = {"a": "åä", "o": "ö"}
HEAD_MARGIN = 1.5  # how much more a twin head must start compounds than the read one


def _head_twin(word: str) -> str | None:
    """A compound of known words read without its first part's å/ä/ö ("laneskuld", both
    "lane" and "skuld" words): the compound with that part's twin ("låneskuld") where the twin
    starts compounds far more often (:func:`_compounding`); None when no twin does."""
    for i in range(len(word) - 3, 2, -1):
        head, rest = word[:i], word[i:]
        if _zipf(rest) < _PART_MIN or _zipf(head) == 0 or not any(c in _TWINS for c in head):
            continue
        twins = [t for t in {"".join(t) for t in itertools.product(*[(c, *_TWINS.get(c, "")) for c in head])} - {head}
                 if _zipf(t) >= 1.5]
        if not twins:
            continue
        best = max(twins, key=lambda t: (_compounding(t) + _zipf(t), t))  # (the most words start with it)
        family, own = _compounding(best) + _zipf(best), _compounding(head) + _zipf(head)  # (the words they start)
        if _compounding(best) - _compounding(head) >= HEAD_MARGIN and family >= max(_COMMON, own + 1.0):
            return best + rest
    return None


@lru_cache(maxsize=131072)
def _fix_lower(word: str, aggressive: bool, title: bool) -> str:
    """Repair one lowercase word; returns it unchanged when no repair is warranted."""
    f = 0.0 if "&" in word or "6" in word else _zipf(word)
    ocr_chars = f < _KNOWN and _ocr(word)
    if title:
        muni = _municipalities().get(word.translate(_OCR_MAP))
        if muni and muni.lower() != word and (aggressive or f < _KNOWN):
            return muni.lower()
    if f >= _KNOWN:
        if aggressive:
            cand, cf = _best(word, False)
            if cand and cand != word and cf >= _AGGR_ALT_MIN and cf - f >= _MARGIN:
                return cand
        return word
    alt_min = _OCR_ALT_MIN if ocr_chars or f == 0 else _ALT_MIN
    # The letters of a longer common word's start are that word broken at a line's end, its
    # rest on the next line ("upphandli" / "ng"): no compound is made of the piece
    # ("upphanali"), which would keep the two from being joined.
    piece = len(word) >= 7 and f == 0 and _starts_common_word(word)
    # A capitalised word the lexicon lacks is often a name: three parts, one of them changed,
    # make up too much ("Hallstaberget" is no "Hall" + "stå" + "berget")
    parts = 2 if ocr_chars or (aggressive and not title) else 1
    for mode in (1, 2):
        cand, cf = _best(word, mode == 2)
        if cand and cand != word and cf >= alt_min and cf - f >= _MARGIN:
            return cand
        if mode == 1 and not ocr_chars:
            if f > 0:
                return word  # a rare but real word with no frequent twin
            if not aggressive and len(word) >= 7 and _split(word, 2, 0):
                return _head_twin(word) or word  # a compound of known words
        if mode == 1 and title and aggressive:
            for i in range(4, len(word) - 3):  # "Angemodellen": municipality + known word
                muni = _municipalities().get(word[:i].translate(_OCR_MAP))
                rest = _part(word[i:], _PART_MIN, 1)
                if muni and rest:
                    return muni.lower() + rest[0]
        if len(word) >= 7 and not piece:
            split = _split(word, parts, mode)
            if split is not None:
                return word if _inflected(word) else (_head_twin(split[0]) or split[0])
    return word


# Swedish inflection endings (plural, definite) that follow a noun's stem unchanged.
_ENDINGS = ("arna", "erna", "orna", "ar", "er", "or", "na", "en", "et")


def _inflected(word: str) -> bool:
    """Whether ``word`` is a known word with an inflection ending ("screening" + "ar"): such a
    form the lexicon lacks is no compound cut elsewhere with a changed part ("screen" +
    "ingår")."""
    return any(word.endswith(e) and _zipf(word[: -len(e)]) >= _PART_MIN for e in _ENDINGS)


def _misplaced_marks(token: str) -> str:
    """A word with å/ä/ö that no lexicon knows, whose letters with other marks make a common
    word: the OCR put a mark where there is none or the wrong one ("företäg" → "företag",
    "besökåre" → "besökare", not "besök" + "Åre"). Known words stay."""
    lower = token.lower()
    if not token.isalpha() or len(token) < 4 or len(lower) != len(token) or _zipf(lower) >= 1.0:
        return token
    cand, cf = _best(lower, False)
    if not cand or cand == lower or cf < _ALT_MIN or len(cand) != len(lower):
        return token
    if token.isupper():
        return cand.upper()
    return cand[:1].upper() + cand[1:] if token[:1].isupper() else cand


@lru_cache(maxsize=65536)  # a page's words repeat ("och", "att"): each is worked out once
def repair_word(token: str, *, aggressive: bool = False) -> str:
    """Repair a single word token (case preserved); anything else comes back unchanged."""
    if "w" in token and (vv := _w_as_vv(token)) is not None:
        return vv
    if _SWEDISH.search(token):
        return _misplaced_marks(token)
    if not _ASCII_LETTER.search(token) or _BAD_DIGIT.search(token):
        return token  # no Latin letters, or a code
    letters = sum(c.isalpha() for c in token)
    if "6" in token and letters < 2:
        return token
    if token.startswith("I6") and len(token) > 3:  # "I6pande": l read as I
        fixed = repair_word("l" + token[1:], aggressive=aggressive)
        return fixed if fixed[1:] != token[1:] else token
    lower = token.lower()
    if len(lower) != len(token):
        return token
    if token.isupper() and letters > 1:
        if len(token) <= 4:
            return token  # acronyms: KS, HR, SPSM
        kind = "upper"
    elif token == lower:
        kind = "lower"
    elif token[:1].isupper() and token[1:] == token[1:].lower():
        kind = "title"
    else:
        return token  # mixed case: leave it
    fixed = _fix_lower(lower, aggressive, kind == "title")
    if fixed == lower:
        return token
    if kind == "upper":
        out = fixed.upper()
        return out if len(out) == len(fixed) else token
    if kind == "title":
        return fixed[:1].upper() + fixed[1:]
    return fixed


def _w_as_vv(token: str) -> str | None:
    """A word with "vv" an OCR read as "w" ("reserwattentäkt": Swedish has "vv" only where a
    compound joins two words, English reads the pair as one letter): the word with "vv" where
    the lexicon knows that and not the word as read."""
    lower = token.lower()
    if len(lower) < 6 or not lower.isalpha() or known_word(lower):
        return None
    fixed = token.replace("w", "vv")
    return fixed if known_word(fixed.lower()) else None


# Context rules for damaged text.
_HAR = re.compile(r"\b([Dd]e[nt]) har (?=[a-zåäö]{3,}(?:en|et|na)\b)")
_AMP_AR = re.compile(
    r"(?<=[^\W\d_]{2}) & (?=(?:en|ett|det|den|de|inte|också|även|ocksa|aven|dven|kommunens|dess|"
    r"nu|da|då|redan|organiserad|klar|viktig|mycket)\b)"
)
_PIPE_I = re.compile(r"(?:(?<=^)|(?<=\n)|(?<=[.:] ))\| (?=[a-zåäö]*[a-z])", re.MULTILINE)
_KOMMUN = re.compile(r"\b([A-Z][a-z&6é]+)(?= (?:kommuns?|KOMMUNS?)\b)")


_DASHES = ("-", "–", "—")
_HEADING_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?")
_NUMBER_LAST_COMMA = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,3},")


def repair_line_words(words: list[str]) -> list[str]:
    """Context rules over the words of one OCR'd line, for damage that per-word repair cannot
    see: a lone "|" read for "I" at the start of a line or a sentence, before a lower-case word
    or at the end of the line ("| kommunen ska" → "I kommunen ska", "… i arbete. |" → "… i
    arbete. I"), or after a dash that sets off a title ("Mål 9 - | Vaggeryd kommun har …" →
    "Mål 9 - I Vaggeryd kommun har …") or a heading's number ("3.3 | Nyköping ska" → "3.3 I
    Nyköping ska"), or between the words of a numbered heading in capitals ("3.2. LIVSKVALITET |
    SORSELE" → "3.2. LIVSKVALITET I SORSELE"). A "|" between other words is a table rule and
    stays. A heading number's last dot read as a comma before a capital ("3.2.2, Kommunens" →
    "3.2.2. Kommunens") is given back."""
    out = list(words)
    if len(words) > 1 and _NUMBER_LAST_COMMA.fullmatch(words[0]) and words[1][:1].isupper():
        out[0] = words[0][:-1] + "."
    for k, w in enumerate(words):
        if w != "|":
            continue
        prev = words[k - 1] if k > 0 else ""
        nxt = words[k + 1] if k + 1 < len(words) else ""
        after_stop = k == 0 or prev.endswith((".", ":"))
        sentence = after_stop and (nxt == "" or nxt[:1].islower()) and (k > 0 or nxt != "")
        # after a heading's number ("3.3 | Nyköping ska …"), the only "|" of the line
        numbered = k == 1 and _HEADING_NUMBER.fullmatch(prev) is not None and words.count("|") == 1
        # between two words of a heading in capitals ("3.2. LIVSKVALITET | SORSELE")
        capitals = k >= 2 and _HEADING_NUMBER.fullmatch(words[0]) is not None and words.count("|") == 1 and all(
            w.isupper() and sum(c.isalpha() for c in w) >= 2 for w in words[1:k] + [nxt])
        if sentence or capitals or ((prev in _DASHES or numbered) and nxt[:1].isupper()):
            out[k] = "I"
    return out


# The word "I" opening a line read as a figure or a stroke glued to the next word ("-1kommunen
# ska", "lkommunen"), or as a heading number's last part ("3.5.1.1. kommunen ska": "3.5.1 I").
_GLUED_I = re.compile(r"^(\s*)[-–—]?[1l|](?=[a-hj-zåäö][a-zåäö]{2,}$)")  # ("linföra": the I's stroke read twice)
_DOUBLED_I = re.compile(r"^(\s*)[l|](?=i[a-zåäö]{3,}[.,:;]?\s*$)")
_NUMBER_I = re.compile(r"^(\s*\d{1,2}(?:\.\d{1,2})+)\.1\.?(\s*)$")


# (not "e", "i" or "m": a brand's prefix, "eTjänst", "iPad", "mHälsa")
_SPECK_CAPITAL = re.compile(r"^(\s*)[a-dfghj-lnoq-zåäö](?=[A-ZÅÄÖ][a-zåäö]{2,})")


def ocr_speck_before_capital(words: list[str]) -> list[str]:
    """An OCR'd line's words without a speck read as a small letter glued before its first
    word's capital ("jAndel medarbetare" → "Andel medarbetare"): where the word after the
    letter is one the lexicon knows and the whole is none."""
    out = list(words)
    if words and (m := _SPECK_CAPITAL.match(words[0])) is not None:
        rest = words[0][m.end():]
        core = rest.strip().rstrip(".,:;")
        if _zipf(core.lower()) >= _KNOWN and not known_word(words[0].strip().rstrip(".,:;")):
            out[0] = m.group(1) + rest
    return out


def ocr_lost_i(words: list[str]) -> list[str]:
    """An OCR'd line's words with a lost "I" at its start given back: a "1", "l" or "|" (a
    dash's speck before it) glued to a word the lexicon knows in lower case, the whole no word
    nor a damaged one ("-1kommunen" → "I kommunen"; "länder", "lankar" stay), and a heading number's last "1" before a word in lower case, which no
    heading's title starts with ("3.5.1.1. kommunen" → "3.5.1 I" "kommunen"). A bullet word
    may stand first."""
    out = list(words)
    k = 1 if len(words) > 1 and words[0].strip() in ("•", "-", "–") else 0
    if k >= len(words):
        return out
    m = _GLUED_I.match(words[k])
    whole = words[k].strip().lstrip("-–—").rstrip(".,:;")
    # "länder", "lankar" (an English OCR's "länkar") are no "I änder", "I ankar"
    if m is not None and _zipf(words[k][m.end():].strip().rstrip(".,:;")) >= _KNOWN \
            and not known_word(whole) and repair_word(whole, aggressive=True) == whole:
        out[k] = f"{m.group(1)}I {words[k][m.end():]}"
    elif (g := _DOUBLED_I.match(words[k])) is not None and _zipf(whole) < 1.0 \
            and _zipf(whole[1:]) >= _COMMON:  # "linföra": the capital I read as "li"
        out[k] = f"{g.group(1)}I{words[k][g.end() + 1:]}"
    elif k + 1 < len(words) and (n := _NUMBER_I.match(words[k])) is not None \
            and re.match(r"\s*[a-zåäö]{3,}", words[k + 1]) and _zipf(words[k + 1].strip().rstrip(".,:;")) >= _KNOWN:
        out[k] = f"{n.group(1)} I{n.group(2)}"
    return out


_GLUED_SPECK = re.compile(r"^([a-zåäö]{2,})[-:;.,]([a-zåäö]{2,})$")


def ocr_glued_specks(words: list[str]) -> list[str]:
    """An OCR'd line's words with a speck read as punctuation between two words it glued
    together parted ("som-är" → "som är", "som:har" → "som har"): both parts common words
    (Zipf 4 or more), the whole with or without its sign none ("e-post", "bl.a" stay). A
    hyphen parts only after a function word ("prova-på" stays), and before "och" it is a
    compound's, its space lost ("barn-och" → "barn- och"). The preposition "i" glued to the
    word before it ("kommai arbete": their boxes touched) is parted too, where the word without
    it is common and the whole none, before a word in lower case. A colon inside a word that
    makes a known word without it is a speck and goes ("VA- och avfallsenh:eten")."""
    out = list(words)
    for k, word in enumerate(words):
        core = word.strip()
        after = words[k + 1].strip() if k + 1 < len(words) else ""
        if word == "i" and k > 0 and after[:1].islower() and (before := words[k - 1].strip()).isalpha() \
                and _zipf(before + "i") < 1.0 and _zipf(before) >= 4.0:
            out[k] = " i"  # (a word of its own, its box run into the one before: no space between)
            continue
        if _GLUED_PREPOSITION.match(core) and after[:1].islower() and _zipf(core) < 1.0 \
                and _zipf(core[:-1]) >= 4.0 and _zipf(after.rstrip(".,:;")) >= _KNOWN:
            out[k] = word.replace(core, f"{core[:-1]} i", 1)
            continue
        m = _GLUED_SPECK.match(core)
        if m is not None and ":" in core and known_word(m[1] + m[2]) and not (_zipf(m[1]) >= 4.0 and _zipf(m[2]) >= 4.0):
            out[k] = word.replace(core, m[1] + m[2], 1)  # a speck read as a colon inside a word ("enh:eten")
            continue
        if m is None or _zipf(m[1]) < 4.0 or _zipf(m[2]) < 4.0 or _zipf(m[1] + m[2]) >= 1.0 or _zipf(core) >= 1.0:
            continue
        if "-" in core and m[1] not in _FUNCTION_WORDS and m[2] not in _JOINING:
            continue  # a compound written with its hyphen ("prova-på")
        # ("barn-och": the space after a compound's hyphen lost, "barn- och utbildning")
        cut = "- " if "-" in core and m[2] in _JOINING else " "
        out[k] = word.replace(core, f"{m[1]}{cut}{m[2]}", 1)
    return out


_GLUED_PREPOSITION = re.compile(r"^[a-zåäö]{4,}[^i]i$")
_JOINING = frozenset({"och", "eller", "samt", "till"})
_FUNCTION_WORDS = frozenset({"som", "att", "och", "en", "ett", "är", "har", "för", "med", "av", "de", "den", "det",
                             "vi", "ska", "kan", "inte", "om", "så"})


_CASE_NOISE = re.compile(r"[^\W\d_]*[a-zåäö][A-ZÅÄÖ]|[A-ZÅÄÖ]{2}[a-zåäö]")
_CAMEL = re.compile(r"[A-ZÅÄÖ][a-zåäö]+(?:[A-ZÅÄÖ][a-zåäö]+)+")


def ocr_case_noise(words: list[str]) -> list[str]:
    """An OCR'd line's words with capitals a blurred scan put inside a word given back as
    small letters ("varje VeCKa" → "varje vecka", "KUlturer", "terMin"): a word of five letters
    or more with a capital after a small letter, or two capitals before small ones, whose
    small-letter form the lexicon knows as a common word. Its first letter stays a capital
    when it starts the line or a sentence. Camel case ("YouTube") and short words ("SoL") stay."""
    out = list(words)
    for k, word in enumerate(words):
        core = word.strip().rstrip(".,:;!?)")
        if len(core) < 5 or not core.isalpha() or not _CASE_NOISE.match(core) or _CAMEL.fullmatch(core):
            continue
        lower = core.lower()
        if _zipf(lower) < _COMMON:
            continue
        starts = k == 0 or words[k - 1].rstrip().endswith((".", "!", "?", ":"))
        fixed = lower[0].upper() + lower[1:] if starts and core[0].isupper() else lower
        out[k] = word.replace(core, fixed, 1)
    return out


# A list bullet an OCR read as other glyphs: "•" as "¢", "«", "»", "+", "·" as ".", or two
# glyphs for one ("+»", "+ —", "e ="); only punctuation, never a capital letter ("O Ej påbörjad" is
# a status icon) nor "&" (an icon too). A small filled bullet on a blurred scan comes out as
# "e", which is no Swedish word: "e" before a capitalised word is a bullet too. A second
# glyph may stick to the word ("« -Jobbspår").
# (a quote mark set apart: a speck of the bullet, "‘* Ta fram"; a speck under it, "_*", but not
# a lone "_": a rule's piece before a table's first cell)
_GLYPH_WORD = r"(?!_+\s)[¢«»+*•·©®°~.=—–‘’'`\"“_-]{1,3}"
_OCR_BULLET = re.compile(rf"^(\s*)(?:{_GLYPH_WORD}|e)(?:\s+{_GLYPH_WORD})?\s+(?:[—–-](?=[A-ZÅÄÖ][a-zåäö]))?(?=[A-ZÅÄÖ][a-zåäö])")
_GLYPHS_ONLY = re.compile(rf"^\s*{_GLYPH_WORD}\s*$")
# (not "*": glued before a word it is a footnote's mark, "*Medarbetarenkät, skala 0–100")
_GLUED_BULLET = re.compile(r"^(\s*)[¢«+•·©®](?=[A-ZÅÄÖ][a-zåäö]{2})")
_GLUED_DASH = re.compile(r"^(\s*)[—–-](?=[A-ZÅÄÖ][a-zåäö])")


def ocr_bullet(text: str) -> str:
    """An OCR'd line's leading bullet read as other glyphs made "•" ("¢ Förbättra
    näringslivsklimatet." → "• Förbättra näringslivsklimatet.", "+» Digitalisering" →
    "• Digitalisering"), also glued to its word ("«Alla barn", no "»" after it: no quote). A
    glyph counts as a bullet only before a capitalised word; other text comes back unchanged."""
    fixed = _OCR_BULLET.sub(lambda m: f"{m.group(1)}• ", text, count=1)
    if fixed == text and "»" not in text:
        fixed = _GLUED_BULLET.sub(lambda m: f"{m.group(1)}• ", text, count=1)
    return fixed


_GLUED_NUMBER = re.compile(r"^(\s*\d{1,2}\.)[|¦]?(?=[A-ZÅÄÖ][a-zåäö])")
_COMMA_NUMBER = re.compile(r"^(\s*\d{1,2})(?:,|\.{2,3})(?=\s+[A-ZÅÄÖ][a-zåäö]{2})")
_STRAY_END = re.compile(r"^[;:,]{1,2}$")
# a section's number whose stop was read as a comma ("3,1 Det ska finnas bostäder"): before a
# capitalised word, where a decimal number has a unit or a lower-case word after it
_COMMA_SECTION = re.compile(r"^\s*\d{1,2},\d{1,2}(?:[.,]\d{1,2})*(?=\s+[A-ZÅÄÖ][a-zåäö]{2})")


def ocr_list_number(text: str) -> str:
    """A list number an OCR glued to its text given its space back ("11.Implementera
    programmet" → "11. Implementera programmet", "19.Ta fram", "24.|Informera": a rule's
    speck between), or its stop read as a comma or as two or three ("24, Planera
    och genomföra" → "24. Planera och genomföra", "1... Genomföra" → "1. Genomföra"), also a
    section number's ("3,1 Det ska" → "3.1 Det ska"); other text comes back unchanged."""
    text = _COMMA_SECTION.sub(lambda m: m[0].replace(",", "."), text, count=1)
    return _COMMA_NUMBER.sub(r"\1.", _GLUED_NUMBER.sub(r"\1 ", text, count=1), count=1)


def ocr_list_number_words(words: list[str]) -> list[str]:
    """:func:`ocr_list_number` over a line given as its words (one span each): the number's
    word is fixed, its spacing kept ("24," "Planera" → "24." "Planera")."""
    if not words:
        return []
    out = list(words)
    out[0] = ocr_list_number(words[0])
    if len(words) > 1 and (m := re.fullmatch(r"\s*(\d{1,2})(?:,|\.{2,3})\s*", words[0])):
        head = words[0].strip()
        fixed = ocr_list_number(f"{head} {words[1].strip()}")
        if not fixed.startswith(head):
            out[0] = words[0].replace(head, m[1] + ".")
    elif len(words) > 1 and re.fullmatch(r"\s*\d{1,2},\d{1,2}(?:[.,]\d{1,2})*\s*", words[0]):
        head = words[0].strip()
        fixed = ocr_list_number(f"{head} {words[1].strip()}")
        if not fixed.startswith(head):
            out[0] = words[0].replace(head, head.replace(",", "."))
    return out


def ocr_stray_end(words: list[str]) -> list[str]:
    """An OCR'd line's words without the lone ";", ":" or "," specks after its last word
    ("anmälas. ; :" → "anmälas.", "Berörda ;" → "Berörda"), nor a lone dash after a full stop
    ("pendlingstrafik. -": no sentence ends on one), nor a lone small letter or quote mark after
    a full stop ("livsmedelsupphandlingar. i", "klimatanpassningsplan. ‘": a speck read as
    one), nor a full stop a space after a word ("talspråk .": a stop sits on its word), nor a
    lone "|", or "I" after a figure (a table's rule: "Utfall 2024 I"; "Etapp I" stays): a
    dropped word becomes ""."""
    out = list(words)
    k = len(out)
    last, before = (out[-1].strip(), out[-2].strip()[-1:]) if k > 1 else ("", "")
    if k > 1 and (last == "." and before.isalpha() or last == "|" or last == "I" and before.isdigit()):
        out[-1] = ""
        k -= 1
    while k > 1 and (_STRAY_END.match(out[k - 1].strip()) or (
            (out[k - 1].strip() in _DASHES or out[k - 1].strip() in _SPECK_AFTER_STOP)
            and out[k - 2].rstrip().endswith(".") and not out[k - 2].rstrip().endswith(".."))):
        out[k - 1] = ""
        k -= 1
    return out


_SPECK_AFTER_STOP = frozenset("ilj|!'‘’`´,")


# Opening quotes, each with the quotes that may close it (Swedish sets ”…”, English “…”).
_CLOSERS = {"‘": "’'‘´", "'": "’'´", "`": "’'´", "‚": "’'‘´", "“": "”\"“", "\"": "”\"“", "„": "”\"“"}


def ocr_stray_quote(words: list[str], following: str = "") -> list[str]:
    """An OCR'd line's words without an opening quote glued to its first word (after a
    bullet, "•" or a glyph read for it, or a heading's number: "4.1 "Sjukfrånvaron") that nothing closes, neither on the line nor on the next (``following``): a speck
    left of the word read as a quote, which also stretched the word's box ("‘Andel hushåll",
    "“Kommunledningsstab"). A quote closed later ("”sällan”", "“Vi tar" / "ansvar”") stays."""
    out = list(words)
    k = 1 if len(out) > 1 and (_GLYPHS_ONLY.match(out[0]) or _HEADING_NUMBER.fullmatch(out[0].strip())) else 0
    if k >= len(out):
        return out
    core = out[k].lstrip()
    # (a heading's number too: "‘3.1.2 Den psykiska hälsan …")
    if len(core) < 3 or core[0] not in _CLOSERS or not (core[1].isalpha() or (k == 0 and _HEADING_NUMBER.fullmatch(core[1:].rstrip()))):
        return out
    closers = _CLOSERS[core[0]]
    if any(ch in closers for w in (core[1:], *out[k + 1 :], following) for ch in w):
        return out
    out[k] = out[k].replace(core[0], "", 1)
    return out


_OPENERS = "‘'`\"“„«”’"  # (Swedish opens with ” too)


def ocr_stray_close(words: list[str], preceding: str = "") -> list[str]:
    """An OCR'd line's words without a closing single quote glued to a word that nothing opened,
    neither on the line before it nor on the line before (``preceding``): a speck right of
    the word, at the line's end or inside a sentence going on in lower case ("… en ekonomi
    i" / "balans'", "Trygg och' hälsosam uppväxt"); nor a double quote alone at its end
    ("… och författarbesök ”": a footnote's raised mark)."""
    out = list(words)
    for k, word in enumerate(words):
        core = word.rstrip()
        if k and k == len(words) - 1 and core.strip() in ("”", '"') and not any(
                ch in _OPENERS for w in (preceding, *words[:k]) for ch in w):
            out[k] = ""  # a quote alone at the line's end that nothing opened: a footnote's mark, a speck
            continue
        if len(core) < 3 or core[-1] not in "’'" or not core[-2].isalpha():
            continue  # (a double quote closes a quotation over a wrapped line too often)
        if k + 1 < len(words) and not words[k + 1].strip()[:1].islower():
            continue
        if any(ch in _OPENERS for w in (preceding, *words[:k], core[:-1]) for ch in w):
            continue
        out[k] = core[:-1] + word[len(core):]
    return out


def ocr_quote_style(words: list[str]) -> list[str]:
    """An OCR'd line's words with a straight quote (or a single one) that opens a quotation
    closed by "”" set as that closing quote ('svarat "sällan” eller' → 'svarat ”sällan”
    eller', "svarat ’sällan” eller" too): the Swedish quotation is ”…”, and Tesseract's
    English model reads its first mark as the straight one, or as a single one.
    A line with an English opening "“" keeps its quotes."""
    if any("“" in w for w in words):
        return list(words)
    out = list(words)
    for k, w in enumerate(words):
        core = w.lstrip()
        if core[:1] not in '"’‘\'' or not core[1:2].isalnum():
            continue
        rest = "".join(words[k:])[len(w) - len(core) + 1 :]
        close = next((ch for ch in rest if ch in '"”'), None)
        if close == "”":
            out[k] = w.replace(core[0], "”", 1)
    return out


# What Tesseract reads for "%" in a label's "(%)": "(26)", "(96)", "(9%)", "(%6)", "(0/0)".
_PERCENT_MISREAD = re.compile(r"^(\s*)\((?:20|26|90|96|9%|%6|%0|%o|0/0|o/o)\)(\s*)$")
_PERCENT_BARE = re.compile(r"^(\s*)(?:26|96|9%|%6|%0|%o|0/0|o/o)(\s*)$")
_LABEL_WORD = re.compile(r"[A-Za-zÅÄÖåäö]{2}[,:]?\s*$")
# ... and for a unit set off by a comma: "Yo" ending a label ("medarbetare, Yo"), no value nor
# word; a bare misread (or "960") before "av" and a word or the line's end ("Sjukfrånvaro, 960
# av" / "arbetstid").
_PERCENT_WORD = re.compile(r"^(\s*)(?:Yo|Y%|9%|%6|%0|%o|0/0|o/o|2o|9o)(\s*)$")
_PERCENT_OF = re.compile(r"^(\s*)(?:26|96|960|9%|%6|%0|%o|0/0|o/o|Yo)(\s*)$")
_AFTER_COMMA = re.compile(r"[A-Za-zÅÄÖåäö]{2},\s*$")
_PERCENT_AFTER_FIGURE = re.compile(r"^(\s*)(?:Yo|Y%)([,.]?\s*)$")
# What an English OCR reads for the "%" that ends a label after its comma.
PERCENT_UNIT_MISREADS = "20|26|90|96|240|246|260|960|Ha|Yo|Y%|9%|%6|%0|%o|0/0|o/o|2o|9o"
_SHARE_UNIT = re.compile(rf"^(\s*)(?:{PERCENT_UNIT_MISREADS})(\s*)$")


def opens_share(text: str) -> bool:
    """Whether a label opens with "Andel": a share, whose unit is per cent."""
    return text.strip().lower().startswith("andel ")


def ocr_percent_words(words: list[str], share: bool | None = None) -> list[str]:
    """An OCR'd line's words with a percent sign misread inside parentheses at the end of a
    label given back ("procentandel (26)" → "procentandel (%)"): the misread must follow a
    word of letters and end the line or stand before a word without letters (a value). A bare
    misread between "i" and "av" and a word is one too ("Sjukfrånvaro i 96 av arbetstid" →
    "i % av arbetstid"; "i 26 av 30" is a count and stays), and so is one after a label's comma:
    ending the line as no value reads ("medarbetare, Yo" → "medarbetare, %") or before "av" and
    a word ("Sjukfrånvaro, 960 av arbetstid" → "Sjukfrånvaro, % av arbetstid"). "Yo" after a
    figure is "%" ("över 15 Yo"), and so is the word after the last comma of a line that opens
    with "Andel", a share ("Andel elever …, 260" → "…, %"; ``share`` says so for a line that
    goes on from a cell's first)."""
    out = list(words)
    if share is None:  # a share's unit is per cent
        share = opens_share(" ".join(w.strip() for w in words))
    for k in range(1, len(words)):
        m = _PERCENT_AFTER_FIGURE.match(words[k])
        if m and re.fullmatch(r"\s*\d+(?:,\d+)?\s*", words[k - 1]):  # "över 15 Yo"
            out[k] = f"{m.group(1)}%{m.group(2)}"
        elif share and k == len(words) - 1 and _AFTER_COMMA.search(words[k - 1]) and (m := _SHARE_UNIT.match(words[k])):
            out[k] = f"{m.group(1)}%{m.group(2)}"  # "Andel elever …, 260": no value ends a label after its comma
    for k in range(1, len(words) - 2):  # "Sjukfrånvaro i 96 av arbetstid": "i % av", not "i 26 av 30"
        m = _PERCENT_BARE.match(words[k])
        if m and words[k - 1].strip() == "i" and words[k + 1].strip() == "av" and words[k + 2].strip()[:1].isalpha():
            out[k] = f"{m.group(1)}%{m.group(2)}"
    for k in range(1, len(words)):
        if not _AFTER_COMMA.search(words[k - 1]):
            continue
        last = k == len(words) - 1
        of = not last and words[k + 1].strip() == "av" and (k + 2 == len(words) or words[k + 2].strip()[:1].isalpha())
        m = _PERCENT_WORD.match(words[k]) if last else _PERCENT_OF.match(words[k]) if of else None
        if m:
            out[k] = f"{m.group(1)}%{m.group(2)}"
    for k in range(1, len(words)):
        m = _PERCENT_MISREAD.match(words[k])
        if m is None or not _LABEL_WORD.search(words[k - 1]):
            continue
        if k + 1 < len(words) and re.search(r"[A-Za-zÅÄÖåäö]", words[k + 1]):
            continue
        out[k] = f"{m.group(1)}(%){m.group(2)}"
    return out


# Abbreviations that end with a stop inside a sentence ("etc. uppfyller", "inkl. moms").
_ABBREVIATIONS = frozenset({
    "ang", "avd", "bil", "bl", "ca", "dec", "dvs", "enl", "etc", "ev", "ex", "exkl", "feb", "ff",
    "forts", "fr", "jan", "jfr", "jul", "jun", "kap", "kl", "kr", "mfl", "mkr", "mm", "mnkr", "nov",
    "nr", "obs", "okt", "osv", "prel", "proc", "resp", "sek", "sep", "sept", "sid", "sk", "st", "tel",
    "tex", "tf", "tim", "tkr", "uppl", "vol", "vs", "aug", "apr", "max", "min", "inkl", "bla",
    "pga", "ngt", "mha", "fd", "dr", "prof", "jämf", "kvm", "ffa", "mån", "tis", "ons", "tor",
    "fre", "lör", "sön", "stk", "ggr", "öre", "mdkr", "mdr", "milj", "förv",
})  # fmt: skip
_ONE_AS_LETTER = re.compile(r"^(\s*)[Il|](\s*)$")
_GROUP = re.compile(r"^\s*\d{3}[,.]?\s*$")
_MONEY_UNIT = re.compile(r"^\s*(?:tkr|mnkr|mkr|mdkr|kr|kronor)\b", re.IGNORECASE)


def ocr_thousands_one(words: list[str]) -> list[str]:
    """A sum's leading "1" read as a letter before its thousands group ("Anslaget för
    kollektivtrafik I 012 tkr" → "… 1 012 tkr"): "I", "l" or "|" before a group of three
    figures that opens with a nought or is followed by a money unit, after a word that is no
    figure. The word "I" before a number ("I 200 kommuner") stays."""
    out = list(words)
    for k in range(1, len(words) - 1):
        m = _ONE_AS_LETTER.match(words[k])
        if m is None or not _GROUP.match(words[k + 1]) or any(ch.isdigit() for ch in words[k - 1]):
            continue
        unit = k + 2 < len(words) and _MONEY_UNIT.match(words[k + 2]) is not None
        if words[k + 1].strip().startswith("0") or unit:
            out[k] = f"{m.group(1)}1{m.group(2)}"
    return out


_STOP_WORD = re.compile(r"^(\s*)([A-Za-zÅÄÖåäö]{2,})\.(\s*)$")
_LOWER_START = re.compile(r"^\s*[a-zåäö]")


_WORD_GAP = 0.6  # line heights: the most blank between two words of one phrase


def ocr_stray_stops(words: list[str], gaps: Sequence[float] | None = None) -> list[str]:
    """An OCR'd line's words without a speck read as a full stop after a common word that
    goes on in lower case ("följt av. dialog" → "följt av dialog", "ligger fortfarande över.
    målvärdet" → "över målvärdet"): a sentence does not go on in lower case, and a stop that
    does is an abbreviation's ("etc. uppfyller", "inkl. moms"), which stays; so does a word
    the lexicon does not know well, unless it is a long lower-case word it knows or a compound
    of known words ("arbetsplatsträffar. varje": an abbreviation is short or no word; a
    capitalised one may be a name) followed a word's space on: ``gaps``, the blank after each
    word in line heights, where known (OCR may join two cells' text into one line)."""
    out = list(words)
    for k in range(len(words) - 1):
        m = _STOP_WORD.match(words[k])
        if m is None or not _LOWER_START.match(words[k + 1]) or (k and words[k - 1].rstrip().endswith(".")):
            continue
        word = m.group(2)
        if word.lower() in _ABBREVIATIONS or _zipf(word.lower()) < 3.0 and not (
                gaps is not None and gaps[k] <= _WORD_GAP and len(word) >= 8 and word[0].islower() and known_word(word)):
            continue
        out[k] = f"{m.group(1)}{word}{m.group(3)}"
    return out


_LOWER_WORD_START = re.compile(r"^\s*[a-zåäö]{2}")


def ocr_stop_before_lower(words: list[str], below: str) -> list[str]:
    """An OCR'd line's words without a speck read as a full stop after its last word, where
    the text it wraps into, the line ``below``, goes on in lower case ("Andel elever i åk 3
    som." / "klarar nationella prov"): :func:`ocr_stray_stops` across the line's end. The
    line below must open with a word of two letters or more ("e Barnen" is a bullet read as
    "e" before the next item)."""
    if not words or not _LOWER_WORD_START.match(below):
        return list(words)
    return ocr_stray_stops([*words, below.split()[0]])[:-1]


_SPECK = re.compile(r"^\s*[a-zåäö]\s*$")
_LONE_QUOTE = re.compile(r"^\s*['‘’`´]\s*$")


def ocr_lone_quotes(words: list[str]) -> list[str]:
    """An OCR'd line's words without a lone quote mark between two words ("Antal '
    orosanmälningar" → "Antal orosanmälningar"): a speck of the scan; a quote mark belongs to a
    word. A dropped word becomes ""."""
    return ["" if 0 < k < len(words) - 1 and _LONE_QUOTE.match(w) else w for k, w in enumerate(words)]



# A quote mark glued inside a word between two words in lower case ("med'långvarigt").
_INNER_QUOTE = re.compile(r"^(\s*[a-zåäö]{2,})['‘’`´](?=[a-zåäö]{2,}[.,:;]?\s*$)")
# Quote marks glued before a figure ('"2023' in a table's header cell).
_QUOTED_FIGURE = re.compile(r"^(\s*)['‘’`´\"“”„]+(?=\d[\d\s,.%]*$)")


def ocr_inner_quotes(words: list[str]) -> list[str]:
    """An OCR'd line's words with a quote mark glued between two words in lower case made the
    space it stands in ("med'långvarigt" → "med långvarigt"): a speck between the words; no
    Swedish word has a quote inside it. Both halves must be words the lexicon knows, of two
    letters or more ("rock'n'roll" has a one-letter middle; a name's "O'Brien" is capitalised)."""
    out = list(words)
    for k, w in enumerate(words):
        m = _INNER_QUOTE.match(w)
        if m is None:
            continue
        left, right = m.group(1).strip(), w[m.end() :].strip().rstrip(".,:;")
        if known_word(left) and known_word(right):
            out[k] = f"{m.group(1)} {w[m.end():]}"
    return out


def ocr_quoted_figure(words: list[str]) -> list[str]:
    """An OCR'd table cell's words without quote marks glued before a figure that nothing on
    the line closes ('"2023' → "2023", a header's year): a speck of the scan; a figure in a
    cell is never quoted alone."""
    if sum(ch in "'‘’`´\"“”„" for w in words for ch in w) > 1 and len(words) > 1:
        return list(words)
    return [_QUOTED_FIGURE.sub(r"\1", w) for w in words]


def ocr_speck_end(words: list[str], x0: list[float], x1: list[float], height: float) -> list[str]:
    """An OCR'd table cell line's words without a lone lower-case letter standing far right of
    the last word ("tillfällen      u" → "tillfällen"): a speck of the scan read as a letter,
    set more than twice the line's height away, so no word of the text ("i", "å"); a dropped
    word becomes ""."""
    out = list(words)
    if len(words) >= 2 and _SPECK.match(words[-1]) and x0[-1] - x1[-2] > 2 * height:
        out[-1] = ""
    return out


# Glyphs no Swedish text sets as a word of their own: a speck or a bullet the English model
# read as a sign ("unga ¢ en trygg", "till målet °"), or a speck on the baseline read as an
# underscore ("staden ska _ Antal": no text writes "_" as a word).
_NO_WORD_GLYPHS = re.compile(r"^\s*(?:[¢«»©®°]{1,2}|_+)\s*$")
# A bullet of one of those glyphs before a list item that goes on in lower case ("¢
# kommungemensamma statsbidrag": the sentence's lead-in above).
_LOWER_BULLET = re.compile(r"^\s*[¢«©®•]\s*$")
_HEADING_NUMBER_WORD = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){1,3}\.?\s*$")


def ocr_lone_glyphs(words: list[str]) -> list[str]:
    """An OCR'd line's words without the signs that stand alone after its first word and are
    no text (:data:`_NO_WORD_GLYPHS`; a "°" after a figure, a degree, stays), and without a
    lone stop or comma before a heading's number ("." "5.3" "Mål 5": a speck left of the
    margin). A line whose first word is such a glyph before a word in lower case gets it as
    its bullet "•" (the glyph before a capital: see :func:`ocr_bullet`). A dropped word
    becomes ""."""
    out = list(words)
    for k in range(1, len(words)):
        if _NO_WORD_GLYPHS.match(words[k]) and not (words[k].strip() == "°" and words[k - 1].strip()[-1:].isdigit()):
            out[k] = ""
    if len(words) >= 2 and words[0].strip() in (".", ",", "·") and _HEADING_NUMBER_WORD.match(words[1]):
        out[0] = ""
    elif len(words) >= 2 and _LOWER_BULLET.match(words[0]) and re.match(r"\s*[a-zåäö]{2}", words[1]):
        out[0] = "•"
    return out


def ocr_bullet_words(words: list[str]) -> list[str]:
    """:func:`ocr_bullet` over a line given as its words (one span each, as Tesseract gives
    them): the bullet's first word becomes "•", a second glyph word of it becomes ""."""
    line = " ".join(w.strip() for w in words)
    fixed = ocr_bullet(line)
    if fixed == line:
        return list(words)
    out = list(words)
    if all(_GLYPHS_ONLY.match(w) for w in words[0].split()) or words[0].strip() == "e":
        out[0] = "•"  # (one word, or the layer's glyphs for it in one: "¢ .")
        if len(words) > 2 and _GLYPHS_ONLY.match(words[1]):
            out[1] = ""
        elif len(words) > 1 and _GLUED_DASH.match(words[1]):  # "« -Jobbspår"
            out[1] = _GLUED_DASH.sub(r"\1", words[1], count=1)
    else:
        out[0] = ocr_bullet(words[0])
    return out


def _kommun_name(m: re.Match[str]) -> str:
    name = m.group(1)
    muni = _municipalities().get(name.lower().translate(_OCR_MAP).replace("é", "o"))
    return muni if muni else name


def _damage(text: str) -> tuple[int, int, int]:
    """(word tokens, tokens the conservative repair changes, further ones the aggressive does)."""
    total = sure = maybe = 0
    for tok, n in Counter(m.group() for m in _TOKEN.finditer(text)).items():  # each word once
        if not _ASCII_LETTER.search(tok):
            continue
        total += n
        if repair_word(tok) != tok:
            sure += n
        elif repair_word(tok, aggressive=True) != tok:
            maybe += n
    return total, sure, maybe


def looks_damaged(text: str) -> bool:
    """Whether ``text`` reads like OCR without Swedish letters.

    Counts words the lexicon does not know but whose repaired form it does (and, at half
    weight, real but rare words with a far more frequent twin: "mal", "ar", "for").
    """
    total, sure, maybe = _damage(text)
    if total == 0 or (sure == 0 and maybe < 2):
        return False
    score = (sure + 0.5 * maybe) / total
    return score >= 0.1 if total < 20 else score >= 0.03 and sure + maybe >= 2


def repair_text(text: str, *, aggressive: bool | None = None) -> str:
    """Restore å/ä/ö in OCR-damaged Swedish text; correct text comes back unchanged.

    ``aggressive`` None decides by :func:`looks_damaged`; True or False forces the mode.
    """
    if not text or not _ASCII_LETTER.search(text):
        return text
    aggr = looks_damaged(text) if aggressive is None else aggressive
    protected = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]

    def word(m: re.Match[str]) -> str:
        tok = m.group()
        if protected and any(a <= m.start() < b for a, b in protected):
            return tok
        return unglued(repair_word(tok, aggressive=aggr))

    out = _KOMMUN.sub(_kommun_name, text)
    if aggr:
        out = _AMP_AR.sub(" är ", out)
        out = _PIPE_I.sub("I ", out)
    out = _TOKEN.sub(word, out)
    if aggr:
        out = _HAR.sub(lambda m: f"{m.group(1)} här ", out)
    return _MONTH_RANGE.sub("\\1–", _SQUARE_UNIT.sub(r"\1²", out))


# Short words an OCR glues to their neighbours where it misses a narrow space ("Deltai",
# "Viläser", "tryggaiskolanskaöka"); not those that are pieces of compounds too ("av|tal",
# "för|eta|gare", "hälsoinspiratör|en").
_GLUE_WORDS = frozenset({"i", "på", "vi", "och", "att", "ska", "med", "som", "till"})
_GLUED_MIN = 5  # letters of the shortest glued token looked at
_GLUED_PART = 3.0  # Zipf of every other part of four to six letters (seven or more: 2.5; three: 4.5)


def unglued(token: str) -> str:
    """An OCR'd token of words run together where spaces were lost, given its spaces back
    ("Energianvändningikommunens" → "Energianvändning i kommunens"): a token the lexicon does
    not know, neither as a word nor a compound, that is short words of a closed class (i, på,
    vi, och, ska …) between common words the lexicon knows whole, the fewest pieces. Anything
    else comes back as is."""
    if len(token) < _GLUED_MIN or not token.isalpha() or known_word(token):
        return token
    cut = _glue_cuts(token.lower())
    return token if cut is None else " ".join(token[a:b] for a, b in itertools.pairwise((0, *cut, len(token))))


def _glue_piece(piece: str) -> bool:
    """A piece of a glued token: a glue word, or a common word the lexicon knows whole."""
    if piece in _GLUE_WORDS:
        return True
    n = len(piece)
    return n >= 3 and _zipf(piece) >= (4.5 if n == 3 else _GLUED_PART if n < 7 else _PART_MIN)


@lru_cache(maxsize=65536)
def _glue_cuts(word: str) -> tuple[int, ...] | None:
    """Where to cut ``word`` (see :func:`unglued`): the inner cut positions, or None."""
    best: dict[int, tuple[bool, int, tuple[int, ...]]] = {0: (False, 0, ())}  # end → (glue used, -pieces, cuts)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 30), end):
            if start in best and _glue_piece(word[start:end]):
                used, pieces, cuts = best[start]
                cand = (used or word[start:end] in _GLUE_WORDS, pieces - 1, (*cuts, start) if start else cuts)
                if end not in best or cand[:2] > best[end][:2]:
                    best[end] = cand
    found = best.get(len(word))
    return found[2] if found is not None and found[0] and found[1] <= -2 else None


# "åk 9" (årskurs) read as "ak 9" or "äk 9": no other word of two letters stands before a school year.
_SCHOOL_YEAR = re.compile(r"^(\s*)([aäAÄ])k(\.?\s*)$")
_YEAR_DIGIT = re.compile(r"^\s*[1-9](?:[-–][1-9])?\b")


def ocr_school_year(words: list[str]) -> list[str]:
    """An OCR'd line's words with "ak"/"äk" before a school year's figure made "åk" ("i äk 8"
    → "i åk 8")."""
    out = list(words)
    for k, w in enumerate(words[:-1]):
        m = _SCHOOL_YEAR.match(w)
        if m is not None and _YEAR_DIGIT.match(words[k + 1]):
            out[k] = m[1] + ("Åk" if m[2].isupper() else "åk") + m[3]
    return out


# A range of months ("jan–aug", "januari–augusti") is printed with an en dash, which OCR reads
# as a hyphen (no word joins two month names with a hyphen).
_MONTHS = r"(?:jan(?:uari)?|feb(?:ruari)?|mars?|apr(?:il)?|maj|juni?|juli?|aug(?:usti)?|sept?(?:ember)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH_RANGE = re.compile(rf"\b({_MONTHS})-(?={_MONTHS}(?![a-zåäö]))", re.IGNORECASE)
# The square metre's superscript two read as "?" by an English model ("kWh/m?", ", m?"): no
# question ends with the unit alone.
_SQUARE_UNIT = re.compile(r"((?:^|[\s/])m)\?(?=[\s,.;)]|$)")


def ocr_name_stop(text: str) -> str:
    """A name OCR'd from a table's cell (an activity's owner: "Enhetschef familjehem.") without
    the stop a speck after its last word read as: a role or a person's name ends with no
    sentence's stop. A short abbreviation's stays ("m.fl.", "adm.")."""
    m = _NAME_STOP.fullmatch(text)
    return m[1] if m is not None else text


_NAME_STOP = re.compile(r"(.*[A-Za-zÅÄÖåäö]{4})\s*\.")


# A dot leader as Tesseract reads it: dots, then the letters it makes of the rest of the run
# (".........ccccceseeessseeeseeees", "..............cccccseeeeaseeee").
_OCR_LEADER = re.compile(r"^[.…·]{3,}[a-z.…·,:;'`]*$")  # (no word starts with three dots)


_OCR_SPECKS = re.compile(r"^[;:“”„\"'*`´,.]{1,3}$")


def ocr_leader(word: str) -> bool:
    """Whether an OCR'd word is a dot leader (between an item and its owner or page number),
    or specks read as punctuation alone ("; “*" before a header's label)."""
    return _OCR_LEADER.match(word.strip()) is not None or _OCR_SPECKS.match(word.strip()) is not None


def ocr_list_stops(texts: list[str]) -> list[str]:
    """The items of one list, OCR'd: where most items end with a full stop, an item ending in a
    semicolon, colon or comma ended with a stop that the OCR misread (a JPEG's blocks, a faint
    print); the other items as they are."""
    stops = sum(t.rstrip().endswith(".") for t in texts)
    if len(texts) < 2 or 2 * stops < len(texts):
        return texts
    return [t.rstrip()[:-1] + "." if t.rstrip().endswith((";", ":", ",")) else t for t in texts]
