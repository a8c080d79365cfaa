"""Sweden's 290 municipalities and their SCB codes (kommunkod), looked up by name or code."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from planparse.text.fold import clean_spaces, fold


@dataclass(frozen=True)
class Kommun:
    code: str
    name: str
    county_code: str
    county: str

    @property
    def display_name(self) -> str:
        """The name as municipalities write it about themselves: "Robertsfors kommun",
        "Vindelns kommun" (a genitive s after a consonant), "Ånge kommun", "Göteborgs Stad"."""
        if self.name in _SELF_NAMES:
            return _SELF_NAMES[self.name]
        genitive = "" if self.name[-1].lower() in "aeiouyåäösxz" else "s"
        return f"{self.name}{genitive} kommun"


# Municipalities that call themselves otherwise than "<name>s kommun".
_SELF_NAMES = {"Falun": "Falu kommun", "Gotland": "Region Gotland", "Stockholm": "Stockholms stad",
               "Göteborg": "Göteborgs Stad", "Malmö": "Malmö stad", "Västerås": "Västerås stad",
               "Borås": "Borås Stad", "Helsingborg": "Helsingborgs stad", "Lidingö": "Lidingö stad",
               "Solna": "Solna stad", "Sundbyberg": "Sundbybergs stad", "Vaxholm": "Vaxholms stad",
               "Landskrona": "Landskrona stad", "Trollhättan": "Trollhättans stad",
               "Mölndal": "Mölndals stad", "Haparanda": "Haparanda stad"}


@lru_cache(maxsize=1)
def all_municipalities() -> tuple[Kommun, ...]:
    with resources.files("planparse.data").joinpath("kommuner.csv").open(encoding="utf-8") as f:
        return tuple(Kommun(**row) for row in csv.DictReader(f))


_SUFFIX = re.compile(r"\s+(kommun|kommuns|stad|stads)$", re.IGNORECASE)


def _bare(name: str) -> str:
    return _SUFFIX.sub("", clean_spaces(name)).strip(" ,.:;")


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, Kommun], dict[str, list[Kommun]], dict[str, Kommun]]:
    exact: dict[str, Kommun] = {}
    folded: dict[str, list[Kommun]] = {}
    by_code: dict[str, Kommun] = {}
    for k in all_municipalities():
        exact[k.name.casefold()] = k
        folded.setdefault(fold(k.name), []).append(k)
        by_code[k.code] = k
    return exact, folded, by_code


def by_code(code: str) -> Kommun | None:
    return _indexes()[2].get(code)


def lookup(name: str, *, fuzzy: bool = True) -> Kommun | None:
    """Find a municipality by name as printed, tolerant of case, "kommun(s)" and OCR damage.

    Exact names win ("Ale" is Ale, never Åre; "Habo" is Habo, never Håbo). Otherwise the OCR
    skeleton must match exactly one municipality ("Ange" → Ånge). A fuzzy match is taken only
    when it is close and clearly better than the runner-up; anything else returns None.
    """
    bare = _bare(name)
    if not bare:
        return None
    for kommun, self_name in _SELF_NAMES.items():
        if bare.casefold() == _bare(self_name).casefold() and not self_name.startswith("Region"):
            bare = kommun  # "Falu kommun" is Falun
    if bare.casefold().endswith("s") and bare.casefold()[:-1] in _indexes()[0]:
        bare = bare[:-1]  # genitive: "Robertsfors kommuns" was handled above, "Ånges" here
    exact, folded, _ = _indexes()
    hit = exact.get(bare.casefold())
    if hit:
        return hit
    candidates = folded.get(fold(bare), [])
    if len(candidates) == 1:
        return candidates[0]
    if candidates or not fuzzy or len(bare) < 5:
        return None
    keys = list(folded)
    best = process.extract(fold(bare), keys, scorer=fuzz.ratio, limit=2)
    if not best or best[0][1] < 88:
        return None
    if len(best) > 1 and best[0][1] - best[1][1] < 6:
        return None
    group = folded[best[0][0]]
    return group[0] if len(group) == 1 else None


_LETTERHEAD = re.compile(r"(?:\W*\w?\W+)?((?:[\w-]+ ){1,2}(?:kommun|stad))", re.IGNORECASE)


def letterhead(text: str) -> bool:
    """Whether a line is only a municipality's name, as a cover or letterhead prints it beside
    its logo ("AVESTA KOMMUN", "7 AVESTA KOMMUN" with the logo read as a figure): no heading."""
    m = _LETTERHEAD.fullmatch(text.strip())
    return m is not None and lookup(m[1], fuzzy=False) is not None


def name_as_printed(kommun: Kommun, text: str) -> str:
    """How ``text`` writes the municipality's name, most often: "Kalmar kommun" (as Kalmar
    writes itself), "Nyköpings kommun", "Vaxholms stad", in the register's case; its
    :attr:`Kommun.display_name` where the text never writes the name whole with "kommun" or
    "stad" after it (an OCR'd "Nyk6pings kommun", "Falu kommun")."""
    name = r"\s+".join(re.escape(part) for part in kommun.name.split())
    found = Counter((m.group(1).lower(), m.group(2).lower())
                    for m in re.finditer(rf"\b{name}(s?)\s+(kommun|stad)s?\b", text, re.IGNORECASE))
    if not found:
        return kommun.display_name
    genitive, suffix = found.most_common(1)[0][0]
    printed = f"{kommun.name}{genitive} {suffix}"
    return kommun.display_name if printed.casefold() == kommun.display_name.casefold() else printed


_MENTION = re.compile(r"\b([A-ZÅÄÖ][\wåäöÅÄÖéü-]+(?:\s[A-ZÅÄÖ][\wåäöÅÄÖ-]+)?)\s+(?:[Kk]ommuns?|KOMMUNS?|[Ss]tads?|STADS?)\b")


def find_in_text(text: str) -> Kommun | None:
    """The first "<Name> kommun" mention in text that names a real municipality."""
    for m in _MENTION.finditer(text):
        for candidate in (m.group(1), m.group(1).split()[-1]):
            k = lookup(candidate)
            if k:
                return k
    return None


# The 21 regions as they name themselves, by county code. A region is no municipality: its
# name is kept, its code (a four-digit kommunkod) stays unknown.
REGIONS = {
    "01": "Region Stockholm", "03": "Region Uppsala", "04": "Region Sörmland", "05": "Region Östergötland",
    "06": "Region Jönköpings län", "07": "Region Kronoberg", "08": "Region Kalmar län", "09": "Region Gotland",
    "10": "Region Blekinge", "12": "Region Skåne", "13": "Region Halland", "14": "Västra Götalandsregionen",
    "17": "Region Värmland", "18": "Region Örebro län", "19": "Region Västmanland", "20": "Region Dalarna",
    "21": "Region Gävleborg", "22": "Region Västernorrland", "23": "Region Jämtland Härjedalen",
    "24": "Region Västerbotten", "25": "Region Norrbotten",
}


def find_region(text: str) -> str | None:
    """The first region named in text ("Region Västerbotten", "REGION SKÅNE",
    "Västra Götalandsregionen"), as the region names itself."""
    folded = fold(clean_spaces(text))
    found = [(i, name) for name in REGIONS.values() if (i := folded.find(fold(name))) >= 0]
    return min(found)[1] if found else None


_NAME_WORD = re.compile(r"(?<![\w-])([A-ZÅÄÖ][a-zåäöé]+(?:[ -][A-ZÅÄÖ][a-zåäöé]+)?)(?![\w-])")


# Municipalities whose name is also a common word or given name ("vara", "mark", "lund").
_WORD_NAMES = frozenset({"Vara", "Mark", "Lund", "Berg", "Boden", "Kil", "Säter", "Nora", "Mora", "Ale", "Salem"})


def named_most(text: str) -> Kommun | None:
    """A municipality a document names by its bare name alone ("Ett hållbart Västerås",
    "Kristianstad ska vara en klimatsmart kommun"), for a document that never writes
    "<name> kommun": the one named most, at least twice and more often than any other. Names
    that are common words too ("Vara", "Mark") are not counted."""
    exact = _indexes()[0]
    counts: dict[str, int] = {}
    for m in _NAME_WORD.finditer(text):
        kommun = exact.get(m.group(1).casefold())
        if kommun is not None and kommun.name not in _WORD_NAMES:
            counts[kommun.name] = counts.get(kommun.name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return exact[ranked[0][0].casefold()]
