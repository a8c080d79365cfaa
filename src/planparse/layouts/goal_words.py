"""Goal words: the words that name a level of goals ("Nämndmål", "Fokusområde",
"Kommunfullmäktiges mål"), folded, with the level their goals take."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from planparse import vocabulary
from planparse.model import Goal, GoalLevel
from planparse.reading.model import Document, Table
from planparse.text.fold import fold

# Words that name a goal level, folded, with the level their goals take.
GOAL_WORDS: tuple[tuple[str, GoalLevel], ...] = (
    ("kommunfullmaktiges mal", GoalLevel.goal_area),
    ("kommunfullmaktiges malomrade", GoalLevel.goal_area),
    ("kommunfullmaktiges inriktningsmal", GoalLevel.goal_area),
    ("kommunfullmaktiges strategiska mal", GoalLevel.goal_area),
    ("kommunfullmaktiges prioriterade mal", GoalLevel.goal_area),
    ("regionfullmaktiges mal", GoalLevel.goal_area),
    ("inriktningsmal", GoalLevel.goal_area),
    ("strategiska mal", GoalLevel.goal_area),
    ("strategiskt mal", GoalLevel.goal_area),
    ("overgripande mal", GoalLevel.goal_area),
    ("kommunmal", GoalLevel.goal_area),
    ("kf mal", GoalLevel.goal_area),
    ("kf-mal", GoalLevel.goal_area),
    ("malomraden", GoalLevel.goal_area),
    ("malomrade", GoalLevel.goal_area),
    ("fokusomraden", GoalLevel.focus_area),
    ("fokusomrade", GoalLevel.focus_area),
    ("utvecklingsomraden", GoalLevel.focus_area),
    ("utvecklingsomrade", GoalLevel.focus_area),
    ("prioriterade omraden", GoalLevel.focus_area),
    ("strategiska omraden", GoalLevel.goal_area),
    ("strategiskt omrade", GoalLevel.goal_area),
    ("insatsomraden", GoalLevel.goal_area),  # a handlingsplan's "Insatsområde 1: Trygghet i offentlig miljö"
    ("insatsomrade", GoalLevel.goal_area),
    ("politisk viljeinriktning", GoalLevel.goal_area),
    ("nationella mal", GoalLevel.goal_area),  # a school's "Nationellt mål" over its "Lokalt mål"
    ("nationellt mal", GoalLevel.goal_area),
    ("prioriterat omrade", GoalLevel.focus_area),
    ("namndmal", GoalLevel.goal),
    ("namndsmal", GoalLevel.goal),
    ("namndens mal", GoalLevel.goal),
    ("verksamhetsmal", GoalLevel.goal),
    ("lokala mal", GoalLevel.goal),
    ("lokalt mal", GoalLevel.goal),
    ("forvaltningsmal", GoalLevel.goal),
    ("enhetsmal", GoalLevel.goal),
    ("effektmal", GoalLevel.goal),
    ("resultatmal", GoalLevel.goal),
    ("framgangsfaktor", GoalLevel.goal),
    ("huvudmal", GoalLevel.goal),  # a programme's "Huvudmål 2" over its "Delmål 2.1"
    ("delmal", GoalLevel.sub_goal),
    ("miljomal", GoalLevel.goal),  # a miljöprogram's or klimatplan's "Miljömål 1" over its "Delmål 1.1"
    ("klimatmal", GoalLevel.goal),
    # a handlingsprogram under the law on protection against accidents (LSO): safety goals set by the
    # municipalities, performance goals the rescue service sets to reach them
    ("sakerhetsmal", GoalLevel.goal),
    ("prestationsmal", GoalLevel.sub_goal),
    # a municipal company's or joint body's plan: the owner's goals (ägardirektivet, the member
    # municipalities') over the board's own
    ("agardirektivets mal", GoalLevel.goal_area),
    ("agarens mal", GoalLevel.goal_area),
    ("agarmal", GoalLevel.goal_area),
    ("medlemsmal", GoalLevel.goal_area),
    ("bolagsmal", GoalLevel.goal),
    ("bolagets mal", GoalLevel.goal),
    ("forbundsmal", GoalLevel.goal),
    ("forbundets mal", GoalLevel.goal),
    ("tema", GoalLevel.goal_area),
    ("prioritering", GoalLevel.goal_area),  # a regional strategy's "Prioritering 1: Kompetens …"
    ("perspektiv", GoalLevel.goal_area),  # a styrkort's "Perspektiv: Medarbetare" (balanced scorecard)
)
_GOAL_WORD_STARTS = tuple(word for word, _ in GOAL_WORDS)
_NAMING_ONLY = frozenset({"perspektiv"})  # goal words only before a name of their own
LEVEL_DEPTH = {GoalLevel.goal_area: 1, GoalLevel.focus_area: 2, GoalLevel.goal: 2, GoalLevel.sub_goal: 3}


@lru_cache(maxsize=8192)  # (a line is asked by the heading reader, the walk and the title joiner)
def goal_word(text: str) -> tuple[GoalLevel, str] | None:
    """(level, rest) when ``text`` starts with a goal word ("Nämndmål 2: Trygghet")."""
    folded = fold(text)
    if not folded.startswith(_GOAL_WORD_STARTS):  # (each match below starts with its word)
        return _misread(text, folded)
    for word, level in GOAL_WORDS:
        if folded == word or folded.startswith(word + " "):
            n_words = len(word.split())
            rest = " ".join(text.split()[n_words:]).lstrip(":–—- ").strip()
            if word in _NAMING_ONLY and rest[:1].islower():
                return None  # "Perspektiv invånare" is a phrase; "Perspektiv: Medarbetare" names one
            return level, rest
    return None


_LONG_WORDS = tuple((word, level) for word, level in GOAL_WORDS if len(word) >= 14)
_LABEL_WORDS = tuple((word, level) for word, level in GOAL_WORDS if 8 <= len(word) < 14 and " " not in word)


def _misread(text: str, folded: str) -> tuple[GoalLevel, str] | None:
    """A long goal word an OCR'd layer misread by a letter or so ("Kommuntfullmäktiges mål"), or
    a shorter one before its colon ("Nämndmiåil: Fler ska …")."""
    for word, level in _LONG_WORDS:
        n_words = len(word.split())
        head = " ".join(folded.split()[:n_words])
        if head[:1] == word[:1] and fuzz.ratio(head, word) >= 92:
            return level, " ".join(text.split()[n_words:]).lstrip(":–—- ").strip()
    raw_head, colon, rest = text.partition(":")
    head = fold(raw_head).strip()
    if colon and head and " " not in head:
        for word, level in _LABEL_WORDS:
            if head[:1] == word[:1] and fuzz.ratio(head, word) >= 88:
                return level, rest.strip()
    return None


def without_next_label(title: str) -> str:
    """``title`` without a capitalised goal word at its end: "Tema: Hav & Vatten
    Utvecklingsområde" / "1: Vatten i vår vardag" is the next heading's label set on this line."""
    head, _, last = title.rpartition(" ")
    if head and len(head.split()) >= 2 and last[:1].isupper() and (by := goal_word(last)) is not None and not by[1]:
        return head
    return title


_BARE_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s*[:.]\s+\S")


def handed_labels(doc: Document) -> dict[int, str]:
    """Each line starting with a bare number ("1: Vatten i vår vardag") right under a line that
    ends with the goal word :func:`without_next_label` takes off, by id: its text with the
    word in front ("Utvecklingsområde 1: Vatten i vår vardag")."""
    out: dict[int, str] = {}
    for page in doc.pages:
        for above, line in zip(page.lines, page.lines[1:], strict=False):
            text = above.text
            if _BARE_NUMBER.match(line.text) and 0 <= line.bbox[1] - above.bbox[1] < 2.5 * (above.bbox[3] - above.bbox[1]) \
                    and (rest := without_next_label(text)) != text:
                out[id(line)] = f"{text[len(rest):].strip()} {line.text}"
    return out


# A finite verb of a goal statement ("Linköping har en likvärdig utbildning", "… är en trygg
# kommun", "Barnen ska …"): a numbered heading that says it is a goal, not a chapter's name.
_GOAL_VERBS = frozenset({"har", "är", "ska", "skall", "blir", "får", "erbjuder", "ökar", "minskar", "utvecklas", "stärks"})


def states_goal(title: str) -> bool:
    """Whether a numbered heading states a goal (a finite verb after its first word)."""
    words = title.lower().split()
    return len(words) >= 4 and any(w in _GOAL_VERBS for w in words[1:]) or (
        len(words) == 3 and words[1] in ("ska", "skall"))  # ("Närvaron ska öka")


def goal_box(table: Table) -> bool:
    """A goal set in a box of its own (a one-row table): its first cell a goal word alone on its
    first line ("NÄMNDENS MÅL") over the title, the other cells at most a label or an icon
    ("Bedömning"). Its lines are read as text: the goal word opens the goal under it."""
    if len(table.rows) != 1 or not table.rows[0].cells:
        return False
    first, *rest = table.rows[0].cells
    lines = first.lines
    found = goal_word(lines[0].text) if len(lines) >= 2 else None
    return found is not None and not found[1] and all(len(c.text.split()) <= 2 for c in rest)


# A word of a plan's own in a heading or label: a goal word or its compounds ("Nämndmål",
# "Målområde", "Delmålen"), what is done ("Åtgärder", "Aktiviteter", "Insatser", "Uppdrag"), or a
# plan's kind ("Handlingsplan", "Strategi"), folded
_PLAN_WORD = re.compile(r"\b(?:\w*mal(?:en|et|sattning\w*|omraden?|omradet)?|delmal\w*|\w*omraden?|\w*atgard\w*|aktivitet\w*"
                        r"|insats\w*|uppdrag\w*|strategi\w*|\w*plan(?:en)?|prioritering\w*|indikator\w*|nyckeltal)\b")
_NO_GOAL_WORDS = frozenset({"normal", "formal", "minimal", "optimal", "decimal", "signal"})


def bare_tree(doc: Document, goals: list[Goal]) -> bool:
    """A tree of styled headings and bullets alone, in a document that names no goal, measure or
    plan in any heading or label (a web page's "Om webbplatsen": its headings over bullets): no
    number, status, assessment or indicator anywhere, and no plan word in a line of eight words
    or fewer."""
    def bare(g: Goal) -> bool:
        return not (g.number or g.assessment or g.indicators) and all(
            not (a.number or a.status or a.indicators) for a in g.activities) and all(bare(c) for c in g.children)
    if not goals or not all(bare(g) for g in goals):
        return False
    return not any(
        m[0] not in _NO_GOAL_WORDS for page in doc.pages for ln in page.all_lines()
        if len(ln.text.split()) <= 8 for m in _PLAN_WORD.finditer(fold(ln.text)))


# A chapter titled only by what it holds ("5 Mål och nyckeltal"; whose: "Nämndens mål och uppdrag"): not a goal.
_CHAPTER_TITLE = re.compile(r"^(?:(?:namndens|styrelsens|forvaltningens|verksamhetens|kommunens|enhetens|\w+(?:iska|ade|ande)) )?"
                            r"(?:mal|malen|maluppfoljning|malavstamning|(?:mal(?:,| och)|malomraden(?: och)?) \w+(?: och \w+)?|uppdrag|"
                            r"fokusomraden|malomraden|mal och uppfoljning)$")


_GOAL_KIND = re.compile(r"(?:\w+s )?finansiella mal(?:en)?")
_FOLLOWED_UP = re.compile(r"^(?:uppfoljning|redovisning|rapportering|avstamning|utvardering) av (?=\w)")
_PLAN_PARTS = frozenset({"omraden", "mal", "malen", "delmal", "atgarder", "aktiviteter", "insatser", "uppdrag", "indikatorer",
                         "nyckeltal", "strategier", "resultat", "uppfoljning", "ansvar", "status", "tidplan", "matt", "utfall",
                         "malvarden", "framgangsfaktorer"})
_KIND = re.compile(r"^\w+(?:iska|ade|ande) mal\b")  # goals of a kind first: as "Mål"
_MEASURE_PARTS = frozenset({"indikatorer", "nyckeltal", "resultat", "matt", "utfall", "malvarden"})  # "Mått och utfall"


def lists_plan_parts(title: str) -> bool:
    """Whether a heading only lists the kinds of plan content that follow ("Mål och aktiviteter",
    "Uppföljning av mål och åtgärder"): a chapter, never a goal ("Finansiella mål" is one)."""
    return _lists_plan_parts(_FOLLOWED_UP.sub("", fold(_PERIOD_SUFFIX.sub("", title)).strip()))


# The first parts of goal-word compounds (folded: "verksamhetsmål", "nämndmål"); never any word
# ending in "-mål" ("klagomål")
GOAL_COMPOUND = r"(?:verksamhets|namnds?|inriktnings|effekt|resultat|kvalitets|del|strategi|kommun|huvud)"


def _lists_plan_parts(folded: str) -> bool:
    # ("Strategiska mål och framgångsfaktorer"; "Målområde, strategimål samt uppdrag till förvaltning")
    folded = re.sub(r" (?:till|for)(?: \w+)?$", "", folded.replace(" samt ", " och "))
    listed = [("mal" if re.fullmatch(rf"{GOAL_COMPOUND}mal", w) else "omraden" if re.fullmatch(r"\w*omraden?", w) else w)
              for w in _KIND.sub("mal", folded).replace(" och ", " ").split()]  # (compounds: "strategimål", "målområde")
    if len(listed) >= 2 and ({"mal", "malen"} & set(listed) or set(listed) <= _MEASURE_PARTS) and all(p in _PLAN_PARTS for p in listed):
        return True
    # kinds of goals, each named ("Nationella mål och skolans prioriterade mål")
    kinds = [k.split() for k in folded.split(" och ")]
    return len(kinds) >= 2 and all(k and k[-1] in ("mal", "malen") and len(k) <= 3 for k in kinds)


def kind_of_goals(title: str) -> bool:
    """Whether a heading names one kind of the goals ("Finansiella mål" beside "Verksamhetsmål"
    under god ekonomisk hushållning): their group, no chapter only saying that goals follow."""
    return bool(_GOAL_KIND.fullmatch(fold(_PERIOD_SUFFIX.sub("", title)).strip()))


def names_goals(title: str) -> bool:
    """Whether a heading only says that goals follow ("Nämndens mål och uppdrag", "Mål och
    aktiviteter", "Prioriterade mål"): a chapter over the goals, none itself."""
    folded = fold(_PERIOD_SUFFIX.sub("", title)).strip()  # (the year cut before folding, which reads "6" as "ö")
    folded = _FOLLOWED_UP.sub("", folded)  # "Uppföljning av mål och aktiviteter": as "Mål och aktiviteter"
    folded = re.sub(r"^bilaga(?: \w{1,3})?\W* ", "", folded)  # "Bilaga 2. Indikatorer per mål": as what follows it
    if _GOAL_KIND.fullmatch(folded):
        return False
    # "Kommunfullmäktiges mål och nämndens mål", "Fokusområden och förvaltningsmål": goal words only
    parts = folded.split(" och ")
    if len(parts) > 1 and all(re.fullmatch(r"(?:\w+s )?(?:\w*mal(?:en)?|(?:fokus|mal|utvecklings)omraden(?:a)?)", p)
                              for p in parts):
        return True
    if _lists_plan_parts(folded) and len(folded.split()) > 3:  # "Områden, mål och åtgärder": what follows, listed
        return True
    if re.match(r"(?:\w+s )?mal(?:en)? (?:som|vilka|kopplade|knutna) ", folded):
        return True  # "Nämndens mål som den interna kontrollen stödjer": which goals, none itself
    return bool(_CHAPTER_TITLE.match(folded)) or (bool(re.search(r"\bmal(?:en)?$", folded)) and len(folded.split()) <= 3)


_PERIOD_SUFFIX = re.compile(r"\s+(?:under |för |år )?(?:(?:19|20)\d{2}-\d{2}-\d{2}|(?:(?:vt|ht)\s*)?(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?|vt|ht)\s*(?=:|$)", re.IGNORECASE)


_LABELLED = re.compile(r"(\S+(?: \S+){0,2}?)\s*:\s*(\S.*)", re.DOTALL)


def unlabelled(text: str) -> str:
    """A goal's title without the label printed before it ("Mål: Fler ska …", "Nämndmål: …",
    "Prioriterat mål: …" → "Fler ska …"): a goal word, or the vocabulary's goal label."""
    labelled = _LABELLED.fullmatch(text.strip())
    if labelled is not None and (goal_word(labelled[1]) is not None or vocabulary.label_of(labelled[1]) == "goal"):
        return labelled[2].strip()
    return text


# Goal words cut short before their number ("Verks.mål 2", "Delm. 1.2", "Målomr. 3"), in full
_IN_FULL = {"verks.mål": "Verksamhetsmål", "verks. mål": "Verksamhetsmål", "delm.": "Delmål", "målomr.": "Målområde",
            "nämndm.": "Nämndmål"}
_SHORT_GOAL_WORD = re.compile(r"^(verks\.\s?mål|delm\.|målomr\.|nämndm\.)(?=\s*\d)", re.IGNORECASE)


def in_full(text: str) -> str:
    """``text`` with a goal word cut short before its number written in full ("Delm. 1.2" → "Delmål 1.2")."""
    return _SHORT_GOAL_WORD.sub(lambda m: _IN_FULL[m[1].lower()], text)
