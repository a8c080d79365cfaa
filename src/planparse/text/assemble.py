"""Text assembly: the one implementation of the gold text rules, for every layout.

Pure functions over strings (and, for paragraphs, over positioned lines):

- :func:`clean` normalises what producers use as word separators (tabs, CR, no-break and
  other Unicode spaces, soft hyphens between words, zero-width characters) and removes
  table-cell debris ("|", "¦") and doubled spaces;
- :func:`join_lines` joins wrapped lines, telling a line-break hyphen ("Informations-|säkerhet"
  → "Informationssäkerhet") from a real one ("IT-|säkerhet", "e-|tjänster",
  "Säkerhets- och");
- :func:`list_item` recognises bullets and list numbering ("•", "-", "–", "", "1.", "a)");
- :func:`sentences` parts a paragraph into its sentences;
- :func:`strip_icon` drops icon glyphs that OCR or symbol fonts leave before a label.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["clean", "ends_open", "join_lines", "list_item", "strip_icon", "CONJUNCTIONS", "BULLETS", "OPEN_ENDS"]

# Words after a line-end hyphen that show the hyphen stands for a left-out part ("Säkerhets- och").
CONJUNCTIONS = frozenset({"och", "eller", "samt", "resp", "respektive", "till", "som", "och/eller"})
# Words no title or sentence ends with (prepositions, articles, conjunctions): a line ending
# with one goes on on the next line, whatever case that line starts with ("Skapa utbildning
# kring" / "Rehabiliteringsprocessen").
OPEN_ENDS = frozenset({
    "av", "en", "ett", "för", "från", "genom", "i", "inom", "kring", "med", "mellan", "mot", "och", "om",
    "på", "samt", "som", "till", "under", "vid", "åt", "att", "eller", "efter", "enligt", "hos", "utan",
})  # fmt: skip


def ends_open(text: str) -> bool:
    """Whether ``text``'s last word is one no title or sentence ends with (:data:`OPEN_ENDS`)."""
    words = text.split()
    return bool(words) and words[-1].lower() in OPEN_ENDS


# Bullet glyphs as producers and symbol fonts print them (Wingdings "§", "", "n", "q" included;
# and any of Unicode's dingbats, U+2700–U+27BF, in the list pattern: "✿", "➤", "❖").
BULLETS = "-•–—●○◦▪▫■□◆◇►▶▸▹‣➢✓✔*·☐☑☒"
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_SPACES = re.compile(r"[\t\r\n\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_DEBRIS = re.compile(r"(?:(?<=\s)|^)[|¦]+(?=\s|$)")
_MULTI = re.compile(r" {2,}")
_DASH_END = re.compile(r"(?<=[^\W\d_])\s+[—–]$")
_SOFT_HYPHEN_BETWEEN = re.compile(r"\u00ad(?=\s|$)")
# Anything clean() changes but the text's ends: a separator, a zero-width or soft hyphen, debris, two spaces.
_UNCLEAN = re.compile("[\t\r\n\f\v\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff|¦]|  ")
_LIST = re.compile(  # ("*" only before a space: glued to a word it is a footnote's mark, "*Mätperioden är …")
    r"^\s*(?:(?P<bullet>[" + re.escape(BULLETS.replace("*", "")) + r"\uf0a7\uf0b7\uf076\uf0d8\uf0fc\u2700-\u27bf]|\*(?=\s))"
    r"|(?P<num>\d{1,2}[.)]|[a-zåäö]\))(?=\s|[A-ZÅÄÖ]))\s*(?P<text>\S.*)$"
)
_HYPHEN_END = re.compile(r"(\S*?)([A-Za-zÅÄÖåäöÉéÜü0-9]+)-$")


@lru_cache(maxsize=8192)  # (a cell's text is joined again each time it is asked for)
def clean(text: str) -> str:
    """``text`` with producer separators normalised to single spaces and cell debris removed."""
    if not text:
        return ""
    s = unicodedata.normalize("NFC", text)
    if _UNCLEAN.search(s) is None:  # (most text: nothing below would change it)
        return s.strip()
    s = _ZERO_WIDTH.sub("", s)
    # A soft hyphen is invisible unless the line breaks there: between words it separates them.
    if "\u00ad" in s:
        s = _SOFT_HYPHEN_BETWEEN.sub("", s)
        s = s.replace("\u00ad", "")
    s = _SPACES.sub(" ", s)
    if "|" in s or "¦" in s:
        s = _DEBRIS.sub(" ", s)
    if "  " in s:
        s = _MULTI.sub(" ", s)
    return s.strip()


def without_end_dash(text: str) -> str:
    """A field's text without a dash after its last word: a table rule's end an OCR'd layer read
    as "—" ("… materialåtervinning —"). A line's own is kept: a wrap goes on after it."""
    return _DASH_END.sub("", text) if text.endswith(("—", "–")) else text


_WHOLE_WORD = 1.5  # Zipf: a word the lexicon knows
_PIECE = 1.0  # Zipf: a piece rarer than this is no word of its own


def _hyphen_is_line_break(left: str, right: str, prefix: str) -> bool:
    """Whether "left-" at a line end and "right" on the next line are one word split by the
    line break: a plain Swedish compound member ending in the linking "s" and a lower-case
    continuation, or a word broken inside itself. Abbreviations, single letters and loan words
    keep their hyphen."""
    if not (left.isalpha() and left[1:].islower() and right[:1].islower()) or prefix:
        return False
    if len(left) >= 4 and left.endswith("s"):
        return True
    if not right.isalpha():
        return False
    # a word broken inside itself (a typesetter's hyphenation: "grannkom-" "munen", "verk-"
    # "samheten"): the two pieces make a common word, one of them none on its own
    from planparse.text.repair import word_zipf

    whole = word_zipf(left + right)
    return whole >= _WHOLE_WORD and (word_zipf(left) < _PIECE or word_zipf(right) < _PIECE + 0.5)


def _after_mark(t: str) -> str:
    """A line starting with the mark that ends the word above, as it follows that word: a
    comma read onto the next word (",markköp") keeps its space after it."""
    return t[0] + " " + t[1:] if t[0] in ",;" and t[1:2].isalpha() else t


def join_lines(texts: list[str]) -> str:
    """Join wrapped lines with one space (see :func:`_joined`)."""
    return _joined(tuple(texts))


@lru_cache(maxsize=1 << 15)  # (a page's cells are joined again and again while it is read)
def _joined(texts: tuple[str, ...]) -> str:
    """Join wrapped lines with one space (none before a line that starts with a comma, a stop
    or a closing bracket). A line ending in a hyphen inside a word joins the
    next line without a space (the hyphen dropped only where it is a line-break hyphen, see
    :func:`_hyphen_is_line_break`); before a conjunction the hyphen stands for a left-out part
    and the space stays. A soft hyphen at the break always joins."""
    if len(texts) == 1:  # (most cells and titles: one line)
        raw = texts[0]
        return _dangling(clean(raw) if not raw.endswith("\u00ad") else clean(raw[:-1]) + "\u00ad").replace("\u00ad", "")
    out = ""
    for raw in texts:
        t = clean(raw) if not raw.endswith("\u00ad") else clean(raw[:-1]) + "\u00ad"
        if not t:
            continue
        if not out:
            out = t
            continue
        if out.endswith("\u00ad"):
            # (before "och", "eller": a hyphen drawn with the soft hyphen's glyph, "gång- och")
            out = out[:-1] + ("- " if t.split()[0] in CONJUNCTIONS else "") + t
            continue
        if out.endswith("/") and out[-2:-1].isalpha() and t[:1].isalpha():  # "enheter/" "grupper"
            out += t
            continue
        if out.endswith("–") and out[-2:-1].isalnum() and t[:1].isalnum() and t.split()[0].lower() not in CONJUNCTIONS:
            out += t  # a range broken after its dash: "jan–" "aug", "2025–" "2027"
            continue
        if out.endswith("-") and out[-2:-1].isdigit() and t[:1].isdigit():
            out += t  # a date or a number range broken after its hyphen: "2026-12-" / "31"
            continue
        if len(t) == 1 and t.islower() and t not in "iåöo" and out[-1:].isalpha():
            out += t  # a word broken without a hyphen in a narrow cell: "Avgiftshandläggar" / "e"
            continue
        # (Only a text ending in "-" can match: the search scans the whole paragraph so far.)
        m = _HYPHEN_END.search(out) if out.endswith("-") else None
        if m is None:
            # a mark wrapped onto the line after its word ("konsulttjänster" / ", tillstånd") follows it
            out += _after_mark(t) if t[:1] in ",;)" or (t[:1] in ".:" and t[1:2] in ("", " ")) else " " + t
            continue
        first = t.split()[0]
        right = re.sub(r"\W+$", "", first)
        if right.lower() in CONJUNCTIONS or not right[:1].isalpha():
            out += " " + t
        elif _hyphen_is_line_break(m.group(2), right, m.group(1)):
            out = out[:-1] + t
        else:
            out += t
    return _dangling(out).replace("\u00ad", "")


_DANGLING = "•●▪◦■"  # bullet glyphs that mark an item and never end one's text


def _dangling(text: str) -> str:
    """``text`` without a bullet left at its end with nothing after it (the next item's mark,
    or an OCR'd layer's speck read as one): "… alternativt rörligt. •"."""
    if len(text) > 2 and text[-1] in _DANGLING and text[-2] == " ":
        return text[:-2].rstrip()
    return text


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


def sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences: parted after a full stop, "!" or "?" before a capital letter."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(paragraph.split())) if s.strip()]


def list_item(text: str) -> tuple[str, str] | None:
    """(marker, text) when ``text`` starts a bullet or numbered list item, else None."""
    m = _LIST.match(text)
    if m is None:
        return None
    marker = m["bullet"] or m["num"] or ""
    body = m["text"].strip()
    if marker in "-–—" and body[:1].isdigit():
        return None  # "- 2,5 mnkr" or "– 2025" is a value, not an item
    return marker, body


def strip_icon(text: str) -> str:
    """``text`` without leading icon glyphs, private-use symbol characters and stray rules."""
    s = _PRIVATE_USE.sub(" ", text)
    s = re.sub(r"^[\s@®©•●○◉⬤■□▪▫▶►✓✔✗✘|~*·◦]+", "", s)
    return clean(s)
