"""Canonical labels of planning documents, matched tolerantly against printed text.

The vocabulary itself is data (``data/vocabulary.json``): activity statuses, goal assessments,
section labels and indicator directions, each a contract value with its Swedish variants.
The matchers compare a whole cell or label (not running prose) with those variants after
stripping status-icon glyphs that OCR leaves around a label ("@", "®)", "©", "e", "▶"),
casefolding and OCR folding (:func:`planparse.text.fold.fold`), then fuzzy matching with
rapidfuzz. Below the threshold they return None instead of guessing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from planparse.text.fold import fold, plain
from planparse.text.language import swedish_part

__all__ = [
    "Match",
    "assessment_in_sentence",
    "assessment_statement",
    "match_assessment",
    "match_direction",
    "match_label",
    "match_status",
    "vocabulary",
]

THRESHOLD = 86.0  # rapidfuzz ratio (0-100) below which nothing is matched
_GLYPHS = "@®©•●▶►◀▸◂~*·◦○◉⬤■□▪▫✓✔✗✘|"
_GLYPH_RE = re.compile("[" + re.escape(_GLYPHS) + "]")
_EDGE_NOISE = re.compile(r"^[\s()\[\]{}.,:;\-–—'\"‘’“”]+|[\s()\[\]{}.,:;\-–—'\"‘’“”]+$")
_ICON_LETTER = re.compile(r"^[eoc]\)?\s+(?=\S)", re.IGNORECASE)  # a circle read as "e", "©)"
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Match:
    """A vocabulary hit: canonical ``value``, ``confidence`` in [0, 1], the ``matched`` variant."""

    value: str
    confidence: float
    matched: str


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, dict[str, list[str]]]:
    """The vocabulary data: {"statuses"|"assessments"|"labels"|"directions": {value: [variant]}}."""
    path = resources.files("planparse.data").joinpath("vocabulary.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=8)
def _index(kind: str) -> tuple[tuple[str, str, str], ...]:
    """(folded variant, canonical value, variant) for one vocabulary section."""
    out = []
    for value, variants in vocabulary()[kind].items():
        for variant in variants:
            out.append((fold(variant), value, variant))
    return tuple(out)


def _clean(text: str) -> list[str]:
    """Folded forms of ``text`` to try: icon glyphs and edge punctuation removed."""
    s = unicodedata.normalize("NFC", text)
    s = _GLYPH_RE.sub(" ", s)
    s = _WS.sub(" ", _EDGE_NOISE.sub("", s)).strip()
    forms = [fold(s)]
    stripped = _ICON_LETTER.sub("", s)
    if stripped != s:
        forms.append(fold(stripped))
    return [f for f in forms if f and re.search(r"[^\W\d_]", f)]


def _match(kind: str, text: str | None) -> Match | None:
    if not text or not isinstance(text, str):
        return None
    if " / " not in text:
        found = _match_text(kind, text)
        if found is None and "/" in text and not any(ch.isdigit() for ch in text):
            # "Uppdrag/Initiativ", "Klar/Avslutad": the first word the vocabulary's own ("Behov/åtgärd" names a need)
            first = text.split("/")[0].strip()
            found = m if len(first.split()) <= 3 and (m := _match_text(kind, first)) is not None and m.confidence >= 0.95 else None
        return found
    # a translation after a slash ("Pågår / Käynnissä", "Status / Tila"): the Swedish part's,
    # or a short part before the slash that is the vocabulary's own word
    found = _match_text(kind, swedish_part(text, loose=True))
    head = text.rpartition(" / ")[0]
    if found is None and len(head.split()) <= 3 and (m := _match_text(kind, head)) is not None and m.confidence >= 0.95:
        return m
    return found


# Layouts ask for the same short texts (column headers, labels, statuses) again and again.
@lru_cache(maxsize=8192)
def _match_text(kind: str, text: str) -> Match | None:
    best: tuple[float, int, str, str] | None = None
    for form in _clean(text):
        for folded, value, variant in _index(kind):
            if form == folded:
                score = 100.0
            elif min(len(form), len(folded)) <= 5:
                continue  # short words: exact only ("Mål" is not "Mått")
            else:
                score = fuzz.ratio(form, folded)
            key = (score, len(folded), value, variant)
            if score >= THRESHOLD and (best is None or key[:2] > best[:2]):
                best = key
    if best is None:
        return None
    return Match(
        value=best[2], confidence=round(min(1.0, max(0.0, best[0] / 100)), 3), matched=best[3]
    )


_WHEN = re.compile(r"\s+(?:(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
                   r"|vt|ht|våren|hösten)\s+)?(?:19|20)\d\d(?:-\d\d){0,2}\.?\s*$", re.IGNORECASE)
# ... or a time said in words after the status ("genomförd under våren", "Klar i december")
_WHEN_SAID = re.compile(r"\s+(?:under|i|till|från|per|efter|före|sedan)\s+(?:januari|februari|mars|april|maj|juni|juli"
                        r"|augusti|september|oktober|november|december|våren|hösten|sommaren|vintern|året)\.?\s*$", re.IGNORECASE)


# How far it has come, after a status ("Pågår · Färdiggrad 50 %", "Pågår, 60 %"): no part of it
_PROGRESS = re.compile(r"\s*[·•|,–-]?\s*(?:färdiggrad:?\s*)?\d{1,3}\s*%\s*$", re.IGNORECASE)


def match_status(text: str | None) -> Match | None:
    """Activity status ("@ Pagaende enligt plan" → in_progress, "Flyttas till 2027" → on_hold), or None."""
    found = _match("statuses", text)
    for when in (_WHEN, _WHEN_SAID) if found is None else ():
        if text and (undated := when.sub("", _PROGRESS.sub("", text))) != text and undated:
            found = _match("statuses", undated)  # the date a status names, or the share done, is no part of it
            if found is not None:
                break
    return found


def match_assessment(text: str | None) -> Match | None:
    """Goal assessment ("Delvis uppfylit" → partially_fulfilled), or None."""
    return _match("assessments", text)


def marker_confidence(text: str | None) -> float:
    """How surely ``text`` names a status or an assessment (0.0 for neither): a key's entry,
    "Klar" or "Delvis uppfyllt", rather than an item's title."""
    return max((m.confidence for m in (match_status(text), match_assessment(text)) if m), default=0.0)


# An assessment stated in a sentence after "Bedömning:" ("Målet bedöms delvis uppfyllas",
# "Målet kommer inte att uppnås"), folded; the first that matches decides.
_SENTENCE_ASSESSMENTS = (
    (re.compile(r"\b(?:ej|inte|icke)(?: \w+){0,2} (?:uppfyll|uppna)|\b(?:uppfyll|uppna)\w* (?:ej|inte)\b"),
     "not_fulfilled"),
    (re.compile(r"\bdelvis(?: \w+)? (?:uppfyll|uppna)|\b(?:uppfyll|uppna)\w* delvis\b"), "partially_fulfilled"),
    (re.compile(r"\b(?:i (?:lag|liten) grad|knappt)(?: \w+)? (?:uppfyll|uppna)|\b(?:uppfyll|uppna)\w* i (?:lag|liten) grad\b"),
     "barely_fulfilled"),
    (re.compile(r"\b(?:nastan|i hog grad|till stor del)(?: \w+)? (?:uppfyll|uppna)|\b(?:uppfyll|uppna)\w* (?:nastan|i hog grad|till stor del)\b"),
     "partially_fulfilled"),
    (re.compile(r"\b(?:uppfyll|uppnatt|uppnas|uppnadd)"), "fulfilled"),
)
SENTENCE_CONFIDENCE = 0.8
# A colour named as a legend's key, folded: "grön =", "röd:".
_COLOUR_KEY = re.compile(r"\b(?:gron|gul|orange|rod|gra|bla|vit)\s*[=:]")


def assessment_in_sentence(text: str | None) -> Match | None:
    """The assessment a short sentence states ("Målet bedöms delvis uppfyllas under året" →
    partially_fulfilled), or None; for a value that is no vocabulary form."""
    if not text or len(text) > 200:
        return None
    folded = fold(text)
    if len(_COLOUR_KEY.findall(plain(text))) >= 2:
        return None  # a legend naming each colour's assessment ("grön = uppfyllt, gul = delvis …"): none stated
    for pattern, value in _SENTENCE_ASSESSMENTS:
        if m := pattern.search(folded):
            return Match(value=value, confidence=SENTENCE_CONFIDENCE, matched=m.group(0))
    return None


# A sentence that states a goal's assessment as a line of its own ("Målet bedöms som delvis
# uppfyllt.", "Målet bedöms vara uppnått.", "Målet är ej uppfyllt."), folded: the goal as its
# subject, a verb of judgement, then the value in a few words.
_STATEMENT = re.compile(
    r"^(?:malet|malen|malsattningen|namndmalet)\s+(?:bedoms|bedomdes|bedoms nu|anses|ar|blev|har)\s+"
    r"(?:(?:som|vara|att vara|ha|till)\s+)?(?P<value>\w+(?:\s+\w+){0,3})$"
)


# "Bedömningen är att målet delvis kommer att uppnås", "Vi bedömer att målet inte uppfylls",
# "Nämnden gör bedömningen att målet inte är uppnått"
_JUDGED = re.compile(r"^(?:var |var samlade )?(?:bedomning(?:en)? ar|(?:vi|\w*namnden|\w*styrelsen|\w*forvaltningen) (?:bedomer|gor "
                     r"(?:den )?bedomningen)) att (?:malet|malen) (?P<degree>delvis |inte |ej |inte helt )?"
                     r"(?:(?:kommer att |ska |kan )?(?:uppnas|uppfyllas|uppfylls|nas|na)|(?:ar|har) (?P<after>delvis |inte |ej )?"
                     r"(?:uppnatt|uppfyllt|uppnatts|natts|uppfyllts))$")
# The reason after the judgement ("…, eftersom andelen minskade"), cut before the sentence is read
_REASON = re.compile(r",?\s+(?:eftersom|da|men|vilket|trots|med tanke pa|utifran att|sa att)\s.*$"
                     r"|\s+(?:vid|for|under|per|i) (?:delaret|aret|arets slut|perioden|nulaget|(?:19|20)\d\d)$")
# An adverbial first, the verb before the goal ("Sammantaget bedöms målet som …", "Därmed är målet uppnått")
_INVERTED = re.compile(r"^(?:(?:\w+(?: \w+){0,3},? )?(?P<verb>bedoms|bedomdes|anses|ar) (?P<goal>malet|malen)"
                       r"|(?:vi|\w*namnden|\w*styrelsen|\w*forvaltningen) (?P<judges>bedomer)(?: darfor| sammantaget| nu)? (?P<judged>malet|malen)) ")


def assessment_statement(text: str | None) -> Match | None:
    """The assessment a sentence about the goal states, the whole sentence ("Målet bedöms som
    delvis uppfyllt." → partially_fulfilled, "Bedömningen är att målet inte kommer att uppnås."
    → not_fulfilled), its value read through the vocabulary; None for any other sentence
    ("Målet om sex procents minskning nåddes inte")."""
    if not text or len(text) > 160:
        return None
    folded = _REASON.sub("", fold(text.strip()).rstrip(" ."))
    if len(folded) > 80:
        return None
    folded = _INVERTED.sub(lambda m: f"{m['goal'] or m['judged']} {m['verb'] or 'bedoms'} ", folded)
    if (j := _JUDGED.match(folded)) is not None:
        degree = (j["degree"] or j["after"] or "").strip()
        value = "not_fulfilled" if degree in ("inte", "ej") else "partially_fulfilled" if degree else "fulfilled"
        return Match(value=value, confidence=0.9, matched=text.strip().rstrip("."))
    m = _STATEMENT.match(folded)
    if m is None:
        return None
    value = m["value"]  # ("har uppnåtts" by the sentence's patterns; no longer sentence goes on)
    return match_assessment(value) or (assessment_in_sentence(value) if len(value.split()) <= 2 else None)


# A sentence that closes an activity's report with its status ("Arbetet är avslutat.", "Arbetet
# pågår.", "Arbetet har inte påbörjats."), folded: the work as its subject, then the status.
_STATUS_STATEMENT = re.compile(r"^(?:arbetet|aktiviteten|insatsen|atgarden|uppdraget|projektet) (?:(?:ar|har) (?:nu )?"
                               r"(?P<negated>inte |ej )?(?:blivit )?(?P<value>\w+)|(?P<verb>pagar))$")


def status_statement(text: str | None) -> Match | None:
    """The status a sentence about the work states ("Arbetet är avslutat." → completed, "Arbetet
    har inte påbörjats." → not_started), or None."""
    m = _STATUS_STATEMENT.match(fold(text or "").strip().rstrip(" ."))
    if m is None:
        return None
    value = m["verb"] or m["value"]
    value = {"avbrutits": "avbrutet", "pausats": "pausat", "genomforts": "genomfort", "paborjats": "paborjat"}.get(value, value)
    return match_status(f"{m['negated'] or ''}{value}") if value else None


# A list label tied to the goal it is under: "Insatser kopplade till målet", "Mått för målet".
_FOR_THE_GOAL = re.compile(r"\s+(?:(?:kopplade|knutna|kopplat|knutet)\s+till|för(?:\s+att\s+nå)?)\s+(?:målet|målen)\W*$",
                           re.IGNORECASE)


def match_label(text: str | None) -> Match | None:
    """Section label ("Beddmning" → assessment, "Strategi mål" → strategic_goal), or None. A
    label tied to its goal is the label ("Insatser kopplade till målet" → activities); the
    goal's "Mått" so tied are its indicators."""
    found = _match("labels", text)
    if found is None and text and (base := _FOR_THE_GOAL.sub("", text)) != text:
        found = _match("labels", base)
        if found is not None and found.value == "measure":
            return Match(value="indicator", confidence=found.confidence, matched=found.matched)
    if found is None and text and (whole := _unabbreviated(text)) != text:
        found = _match("labels", whole)  # "Akt.", "Ansv.", "Stat.¹", "Klart (ååmm)", "Målv."
    return found


_ABBREVIATED = re.compile(r"\b([^\W\d_]{3,})\.(?=\s|$|[¹²³*])")
_NOTE_MARK = re.compile(r"\s*(?:[¹²³⁴*]+|\([a-zåäö%]{1,8}\))\s*$")  # (a format: "(ååmm)", "(tkr)"; not "(forts.)")


@lru_cache(maxsize=1)
def _label_words() -> tuple[str, ...]:
    """Every word of the labels' variants (folded), shortest first."""
    return tuple(sorted({w for folded, _, _ in _index("labels") for w in folded.split() if len(w) >= 4},
                        key=lambda w: (len(w), w)))


@lru_cache(maxsize=4096)
def _unabbreviated(text: str) -> str:
    """A header's abbreviations written out as the shortest label word they begin ("Akt." →
    "aktivitet", "Målv." → "malvarde"), its note mark or bracketed format dropped ("Stat.¹",
    "Klart (ååmm)")."""
    def whole(m: re.Match[str]) -> str:
        start = fold(m[1])
        return next((w for w in _label_words() if w.startswith(start) and w != start), m[0])
    return _ABBREVIATED.sub(whole, _NOTE_MARK.sub("", text)).strip()


# A column header's period after its label ("Status april", "Bedömning T2", "Utfall 2025",
# "Utfall jan–apr"), in plain letters: the label is the column's kind, the period which one.
PERIOD_WORDS = re.compile(
    r"\b(?:t\s?[1-3]|tertial\s*[1-3]|delar\s*[1-3]?|helar|arsbokslut|q[1-4]|kvartal\s*[1-4]"
    r"|jan\w*|feb\w*|mars?|apr\w*|maj|jun\w*|jul\w*|aug\w*|sep\w*|okt\w*|nov\w*|dec\w*|(?:19|20)\d\d)\b")


def match_column_label(text: str | None) -> Match | None:
    """:func:`match_label` of a column header, or of its words without the period they name
    ("Status april" → status, "Bedömning T1" → assessment); None for a period alone."""
    if (m := match_label(text)) is not None or not text:
        return m
    folded = plain(text)  # (not fold: its digits read as letters would hide the years)
    base = " ".join(re.sub(r"[–—-]", " ", PERIOD_WORDS.sub(" ", folded)).split())
    return match_label(base) if base and base != " ".join(folded.split()) else None


def label_of(text: str | None, min_confidence: float = 0.0) -> str | None:
    """The kind of section label ``text`` is ("Ansvarig" → "owner"), or None."""
    m = match_label(text)
    return m.value if m is not None and m.confidence >= min_confidence else None


def match_direction(text: str | None) -> Match | None:
    """Indicator direction of a target cell ("Öka" → increase, "Minska" → decrease), or None."""
    return _match("directions", text)


# A legend's sentence around a status or an assessment: "Aktiviteten är genomförd", "Målet har
# uppnåtts", "Uppdraget är försenat eller pågår med avvikelse", or its kind before a colon
# ("Mål: Uppfyllt", folded "mal uppfyllt").
_LEGEND_SUBJECT = re.compile(r"^(?:aktivitet(?:en|erna)?|uppdrag(?:et|en)?|insats(?:en|erna)?|atgard(?:en|erna)?"
                             r"|arbetet|malet|malen|mal|indikatorn) (?:ar |har |bedoms (?:som |vara )?)?")


def match_legend(kind: str, text: str | None) -> Match | None:
    """The status or assessment (``kind`` "statuses" or "assessments") a legend entry names,
    also as a sentence with its subject ("Aktiviteten pågår enligt plan") or two names joined
    by "eller" ("försenad eller pågår med avvikelse": the first that matches), or None."""
    if not text or len(text) > 80:
        return None
    if (m := _match(kind, text)) is not None:
        return m
    rest = _LEGEND_SUBJECT.sub("", fold(text).strip(" ."))
    for part in (rest, *rest.split(" eller ")):
        if part and (m := _match(kind, part)) is not None:
            return m
    return None


def match_metadata_label(text: str | None) -> Match | None:
    """Document-information label ("Beslutsinstans" → decided_by, "Dnr" → diarienummer), or None."""
    return _match("metadata", text)
