"""Headings from structure: numbering, goal words, and typography rank where the layer has it.

Every rule here must hold for a Word export, an HTML print and an OCR'd text layer (no fonts,
no bold): numbering and vocabulary decide, typography is extra evidence. For OCR'd lines the
"font size" is the height of the line's box against the median line height.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from planparse import vocabulary
from planparse.layouts.goal_words import goal_word, in_full, states_goal, without_next_label
from planparse.layouts.leading import heading_shaped
from planparse.layouts.outline import split_outline_marker
from planparse.layouts.typography import Typography
from planparse.layouts.wraps import (
    wraps_body_title as wraps_body_title,  # (the engine's, beside continues_title)
)
from planparse.model import GoalLevel
from planparse.reading.model import Line, Page
from planparse.text.assemble import ends_open
from planparse.text.fold import fold

_NUMBERED = re.compile(
    r"^(?:(?P<prefix>m[åa]l|delm[åa]l|m[åa]lomr[åa]de|kommunm[åa]l|n[äa]mnds?m[åa]l|verksamhetsm[åa]l|kf[\s-]m[åa]l|uppdrag|aktivitet|insats|[åa]tg[äa]rd)\s+"
    r"(?P<pcode>(?-i:[A-ZÅÄÖ]{1,2})(?=\d))?"  # ("Uppdrag U2.3: …")
    r"|(?P<code>(?-i:[A-ZÅÄÖ]{1,5}))\s+(?=\d{1,2}(?:\.\d{1,2}){0,3}(?:\.[a-zåäö])?\.?\s+[A-ZÅÄÖ])"  # (or a code: "MBN 1.1 …", "E 2.1.a …")
    r"|(?P<glued>(?-i:[A-ZÅÄÖ]{1,2}))(?=\d{1,2}(?:\.\d{1,2}){0,3}\s+(?-i:[A-ZÅÄÖ][a-zåäö])))?"  # (or glued to it: "Ä1.2 …")
    r"(?P<num>\d{1,2}(?:\.\d{1,2}){0,3}(?:\.[a-zåäö](?=\s))?)\.?(?:\s*[:–—-]{1,2})?(?:\s+(?P<title>\S.*))?$", re.IGNORECASE)
# A goal area numbered in Roman figures ("I. Livskvalitet", "IV Trygghet"; "I" alone needs its dot: "I Sverige …" is
# prose) or by a letter and its dot ("B. Målområde Klimat och miljö")
_ENUMERATED = re.compile(r"^(?P<num>(?:X{0,3}(?:IX|IV|VI{0,3}|I{2,3})|X{1,3})\.?|[A-HJ-UW-Z]\.|I\.)\s+(?P<title>[A-ZÅÄÖ]\S*(?:\s+\S+){0,8})$")
_GLUED = re.compile(r"^(?P<prefix>m[åa]l|delm[åa]l|n[äa]mnds?m[åa]l|kommunm[åa]l)\s+(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})"
                    r"(?P<title>[A-ZÅÄÖ][a-zåäö].*)$", re.IGNORECASE)
_GOALS_WITHIN = re.compile(
    r"^(?:mål|målen)\s+(?:inom|för)\s+(?:målområde(?:t)?|fokusområde(?:t)?|området)\s+(?P<rest>\S.*)$", re.IGNORECASE
)
_INNER_MAL = re.compile(r"^mål[\s-]*(\d{1,2})\s*[–—:-]{1,2}\s*(.+)$", re.IGNORECASE)
_GOAL_HEADING = re.compile(r"^mål\s+(?:för|att)\s+(?!(?:verksamheten|nämnden|styrelsen|förvaltningen|förbundet|kommunen|regionen|bolaget|enheten|avdelningen|(?:grund|för|gymnasie)?skolan|gymnasiet|perioden|planperioden|året|mandatperioden)\s*$)\w", re.IGNORECASE)
_PERIOD_ONLY = re.compile(r"(?:(?:för |under |år )?(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?:?)?(?:\s*\(forts(?:\.|ättning)?\))?", re.IGNORECASE)
_GOAL_LINE = re.compile(r"^m[åa]l\s*:\s*(\S.{2,})$", re.IGNORECASE)
_LABEL_LEAD = re.compile(r"^([^:]{3,40}):")
# A run-in goal's title: the words up to the first full stop (see _runin_goal).
_RUNIN_GOAL = re.compile(r"^(?P<title>[A-ZÅÄÖ][^.!?:;]{2,80}?)\.\s+(?P<rest>[A-ZÅÄÖ].*)$")
NAMND_PREFIXES = ("nämndmål", "namndmal", "nämndsmål", "namndsmal")  # with the genitive s or without
_WORD_PREFIXES = (*NAMND_PREFIXES, "kommunmål", "kommunmal", "kf-mål", "kf-mal", "kf mål", "kf mal", "verksamhetsmål")  # as _NUMBERED reads them
_GOAL_PREFIXES = ("mål", "mal", "delmål", "delmal", *_WORD_PREFIXES)
_ACTIVITY_PREFIXES = ("uppdrag", "aktivitet", "insats", "åtgärd", "atgard", "atgärd", "åtgard")


@dataclass(frozen=True)
class Heading:
    """A recognised heading: a goal (``kind="goal"``), an activity ("Uppdrag 3.1"), a goal-word
    label introducing goals below it ("Verksamhetsmål"), or a styled section heading."""

    kind: Literal["goal", "activity", "goal_words", "section"]
    title: str
    number: str | None = None
    depth: int = 1
    level: GoalLevel | None = None
    lists_goals: bool = False  # a goal group: bullets under it are its goals
    marked: bool = False  # numbered with a goal word: "Mål 3.1", "3.1 Mål 4 – …"
    description: str | None = None  # the sentences after a run-in goal's title
    enumerated: bool = False  # "II. …", "B. …": an area only if goals come under it (not listed as one)


def depth(number: str) -> int:
    parts = number.split(".")
    if len(parts) > 1 and parts[-1] == "0":
        parts = parts[:-1]
    return len(parts)


def _looks_like_title(title: str) -> bool:  # (a word of three letters or two: "75 No" is a ring's figure)
    first = title.lstrip("\"'“”‘’«(")[:1]
    return (first.isupper() or (bool(first) and not first.isalnum())) and bool(
        re.search(r"[A-Za-zÅÄÖåäö]{3}", title) or len(re.findall(r"[A-Za-zÅÄÖåäö]{2}", title)) >= 2
    )


@lru_cache(maxsize=8192)  # (a line is asked by the heading reader, the walk and the title joiner)
def numbered(text: str) -> tuple[str | None, str, str] | None:
    """(prefix, number, title) of a numbered heading's text, else None; the title starts as one (no "3 000 kr")."""
    m = _NUMBERED.match(text.strip())
    if m is None:
        # "Mål 1.1<tab>Barnen …" with the tab that parted them not drawn: "Mål 1.1Barnen …"
        glued = _GLUED.match(text.strip())
        return (glued["prefix"].lower(), glued["num"], glued["title"].strip()) if glued else None
    title = (m["title"] or "").strip()
    if not m["prefix"] and not _looks_like_title(title):
        return None
    if re.match(r"^(?:[%‰]|(?:st|kr|tkr|mnkr|procent|år|dagar|timmar)\b)", title, re.IGNORECASE):
        return None
    code = m["glued"] or m["pcode"]  # (a code glued to the number: "Ä1.2", "Uppdrag U2.3")
    number = f"{m['code']} {m['num']}" if m["code"] else f"{code}{m['num']}" if code else m["num"]
    return " ".join((m["prefix"] or "").lower().split()) or None, number, title


_QUALIFIER = re.compile(r"\s+(?:[–—-]\s|(?:till|för|kopplade|knutna|inom|under|som|i|per|2\d{3})\b).*$", re.IGNORECASE)
# Labels that open a list, whatever qualifies them ("Uppdrag till förvaltningen", "Nyckeltal kopplade till målet", "Aktiviteter – trygghet").
_LIST_LABELS = frozenset({"activities", "assignment", "indicator", "method", "priority_development"})


@lru_cache(maxsize=8192)
def section_label(text: str) -> str | None:
    """The canonical label a section title names: the whole title, or its head before a qualifier naming a list."""
    m = vocabulary.match_label(text)
    if m is not None:
        return m.value
    head = _QUALIFIER.sub("", text.strip().rstrip(":")) if text[:1].isalnum() else ""  # (no bullet's item)
    if head and head != text.strip() and (m := vocabulary.match_label(head)) is not None and m.value in _LIST_LABELS \
            and m.confidence >= 0.9:  # (not a compound of the label: "Lovaktiviteter i Södra Vi")
        return m.value
    return None


def _status_label(text: str) -> bool:
    m = vocabulary.match_status(text)
    return m is not None and m.confidence >= 0.86 and len(text.split()) <= 5


def _runin_goal(prefix: str | None, number: str, title: str) -> Heading | None:
    """"Mål 1 Ekonomi i balans. Nämndens verksamhet ska …": a goal whose title runs to the first
    full stop, the sentences after it its description."""
    m = _RUNIN_GOAL.match(title) if prefix in _GOAL_PREFIXES else None
    if m is None or len(m["title"].split()) > 10:
        return None
    level = by[0] if (by := goal_word(prefix or "")) is not None else GoalLevel.goal
    return Heading("goal", m["title"], number, depth(number), level=level, marked=True, description=m["rest"])


def recognise(line: Line, typo: Typography, max_depth: int, text: str | None = None) -> Heading | None:
    """What kind of heading ``line`` is, if any; ``text``: its text with a label handed down
    from the line above (:func:`planparse.layouts.goal_words.handed_labels`)."""
    text = text or line.text
    rank = typo.rank(line)
    if text[:1] in "•▪◦●" and (line.method != "native" or rank < 2 and not line.bold) or text.endswith(" att:"):
        return None  # a list item, however large an OCR'd bullet makes its box (or its type), or its lead-in ("… att:")
    text = in_full(text.lstrip("●⬤■◼▲▼◆⯁★ ") or text)  # ("● Fler …": its status icon, no title's; "Delm. 1.2")
    text = re.sub(r"^[^\w\s]+\w?\s+(?=[A-ZÅÄÖ])", "", text) if line.method != "native" else text  # (OCR: "<a Det byggs …")
    fonts = typo.has_fonts(line)
    long_prose = len(text) > 110 or (text.endswith(".") and len(text) > 70)
    num = numbered(text)
    if num is not None and (runin := _runin_goal(*num)) is not None:
        return runin
    # "II. Hållbar samhällsutveckling" over "1." goals; a letter with its goal word, "B. Målområde Klimat och miljö"
    if num is None and (rank > 0 or not fonts) and (enum := _ENUMERATED.match(text)) and not long_prose and (
            (worded := goal_word(enum["title"])) and worded[1] or not re.fullmatch(r"[A-HJ-UW-Z]\.", enum["num"])):
        return Heading("goal", *((f"{enum['num']} {worded[1]}", None, 1, worded[0]) if worded and worded[1] else (text if " " in enum["title"] else enum["title"], None, 1, GoalLevel.goal_area)), enumerated=True)  # (its marker the goal's number: .outline)
    # "Nämndmål 1.2 Kommunens krisberedskap ska stärkas …": a goal by its word, however long
    worded_goal = num is not None and num[0] in _WORD_PREFIXES and num[2][:1].isupper()
    if num is not None and (not long_prose or worded_goal or (len(text) < 160 and "." in num[1] and (rank > 0 or not fonts))):
        prefix, number, title = num
        d = depth(number)
        if not fonts and d == 1 and _status_label(title):
            return None  # "9 Avslutad enligt plan": a status icon that OCR read as a digit
        # With fonts, a body-styled "1. Text" is a list item, unless its number has a dot in it.
        if fonts and rank == 0 and d == 1 and not prefix and not re.fullmatch(r"\d{2}", number) \
                and id(line) not in typo.chapters:  # (unless the document's numbering makes it a chapter)
            return None
        # Without fonts, "1. Kommunstyrelsens plan med budget 2025 fastställs.": a numbered
        # sentence (a decision's point, a list item), not a chapter's title
        if not fonts and d == 1 and not prefix and title.endswith(".") and len(title.split()) >= 4:
            return None
        if prefix in _ACTIVITY_PREFIXES:
            return Heading("activity", title, number.rstrip("."), d)
        if fold(title).rstrip(":") in ("uppdrag", "aktivitet", "insats", "atgard") and d >= 2:  # "3.1.1 Uppdrag"
            return Heading("activity", "", number.rstrip("."), d)
        if len(title) < 40 and section_label(title) is not None:
            return Heading("section", title, number, d)
        inner = _INNER_MAL.match(title)
        if inner:
            number, title = inner[1], inner[2]
        worded = goal_word(title) if not inner else None  # "1.1 Inriktningsmål: Hållbar kommun"
        if worded is not None and worded[1][:1].isupper() and ":" in title[:40]:
            return Heading("goal", worded[1], number.removesuffix(".0"), d, level=worded[0], marked=True)
        if prefix in _WORD_PREFIXES and (by := goal_word(prefix)) is not None:
            return Heading("goal", title, number.removesuffix(".0"), d, level=by[0], marked=True)  # "Nämndmål 2: …"
        if d <= max_depth:
            return Heading("goal", title, number.removesuffix(".0"), d, marked=bool(prefix or inner))
        return None
    group = _GOALS_WITHIN.match(text)
    alone = heading_shaped(text) and ". " not in text and not typo.prose(line)  # (a title's shape in body type)
    if group is not None and len(text) < 110 and (rank > 0 or not fonts or alone):
        return Heading("goal", group["rest"].strip(), level=GoalLevel.goal_area, lists_goals=True)
    words = goal_word(text)
    # (a line starting in lower case goes on from the one above: "… ska bidra till" / "kommunfullmäktiges mål …")
    if words is not None and len(text) < 110 and not text[:1].islower():
        level, rest = words
        if (worded_rest := goal_word(rest)) is not None and worded_rest[1][:1].isdigit():
            level, rest = worded_rest  # "Bolagets mål" handed down over "Bolagsmål 1 Bolaget ska …"
        if not rest or vocabulary.match_label(rest) is not None or _PERIOD_ONLY.fullmatch(rest):
            return Heading("goal_words", text, level=level)  # "Nämndmål", "Nämndens mål 2025"
        # "Verksamhetsmål för god ekonomisk hushållning"; without fonts or weight shaped as a title, not prose
        if rest[:1].islower() and (rank > 0 or alone and (not fonts or level is GoalLevel.goal and rest.startswith("för "))):
            return Heading("goal", text, level=GoalLevel.goal_area, lists_goals=True)
        is_group = level in (GoalLevel.goal_area, GoalLevel.focus_area)  # its bullets are its goals
        # Without fonts a group's name is told by its shape: a few capitalised words, no
        # sentence ("Målområde Livskvalitet"), whatever the OCR'd box height says of its size.
        shaped = not fonts and is_group and len(text.split()) <= 6 and heading_shaped(text) and rest[:1].isupper()
        m = re.match(r"^((?-i:[A-ZÅÄÖ]{0,3})\d{1,2}(?:\.\d{1,2})*)\s*[:.–—-]?\s+(\S.*)$", rest)  # ("S1", "P1.1")
        # (in body type, the word before a number or a statement: "Effektmål 1 Antalet …", "Prestationsmål X ska …")
        if rank > 0 or ":" in text[:40] or shaped or (m and m[2][:1].isupper() or rest[:1].isupper() and states_goal(rest)):
            if m:
                return Heading("goal", m[2], m[1], depth(m[1]), level=level, lists_goals=is_group)
            return Heading("goal", without_next_label(rest), None, level=level, lists_goals=is_group)
    if (rank > 0 and not long_prose or not fonts and len(text) < 60 and heading_shaped(text)) and _GOAL_HEADING.match(text):
        return Heading("goal", text, level=GoalLevel.goal)  # "Mål för årets resultat" (without fonts: its shape)
    # A styled "Mål: Örebro kommun ska vara …"; without fonts (OCR) the label alone says it is the goal's title.
    if (rank > 0 or not fonts) and (m := _GOAL_LINE.match(text)):
        return Heading("goal", m[1], level=GoalLevel.goal)
    # Without fonts an outline-marked line shaped as a title ("a) Äldre personer med hemtjänst
    # ska känna sig trygga", "II. Stöd för ett självständigt liv") is a heading, as a numbered one
    if not fonts and not long_prose and not text.endswith((".", ",", ";", ":")) and len(text.split()) <= 16 \
            and split_outline_marker(text) is not None and not typo.prose(line):
        return Heading("section", text)
    if rank > 0 and not long_prose and not text.endswith((",", ";")) and re.search(r"[A-Za-zÅÄÖåäö]{3}", text):
        # An OCR'd line's size is an estimate: no evidence against a run-in label or a line
        # going on in lower case ("budget.", the end of a sentence)
        if not fonts and (_runin_label(text) or text[:1].islower()):
            return None
        # nor is a lone short token read off a picture ("EEE", "Ean": the goals' icons)
        if not fonts and len(text.split()) == 1 and len(text) < 4 and vocabulary.match_label(text) is None:
            return None
        return Heading("section", text)
    return None


def _wraps_ocr_title(prev: Line, line: Line, gap: float, height: float) -> bool:
    """Without fonts (an OCR'd layer: no size nor weight, box heights that vary with the
    letters), the evidence that ``line`` wraps the heading ``prev``: set close under it (a
    paragraph after a heading has space above it, unless the heading's last word is one no
    title ends with: "… en sammanhållen vård- och" / "stödkedja"), going on in lower case (or in
    capitals under a heading in capitals), and not a run-in label ("Strategimål: …")."""
    capitals = _in_capitals(prev.text) and _in_capitals(line.text)  # (boxes of capitals' height alone: less room)
    # (a word going on in lower case wraps the title: a heading's box without descenders over
    # one with ascenders shows more gap than there is)
    if gap >= (0.8 if capitals or line.text[:1].islower() else 0.55) * height and not (ends_open(prev.text) and line.text[:1].islower()):
        return False
    if _runin_label(line.text):
        return False
    first = next((c for c in line.text if c.isalnum()), "")
    if first.islower() or first.isdigit():
        return True
    return capitals


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _runin_label(text: str) -> bool:
    """Whether ``text`` opens with a vocabulary label and its value ("Strategimål: …")."""
    lead = _LABEL_LEAD.match(text)
    if lead is None or len(text) <= len(lead.group(0)) + 3:
        return False
    return vocabulary.match_label(lead.group(1)) is not None


def continues_title(prev: Line, line: Line, typo: Typography) -> bool:
    """Whether ``line`` is the wrapped rest of the heading whose last line is ``prev``."""
    if line.page != prev.page or prev.text.endswith((".", ":")) or line.bbox[0] >= prev.bbox[2]:
        return False  # (a line wholly right of the heading's end is beside it: a chart's figure)
    # (An OCR'd line's rank is its box height, which its letters sway: see _wraps_ocr_title.)
    fonts = typo.has_fonts(line)
    if fonts and (typo.rank(line) != typo.rank(prev) or typo.rank(line) == 0):
        return False
    if typo.has_fonts(line) and line.bold != prev.bold and abs(line.size - prev.size) > 0.3:
        return False
    height = max(prev.bbox[3] - prev.bbox[1], 1.0)
    gap = line.y0 - prev.bbox[3]
    if not -0.6 * height <= gap < 0.8 * height:
        return False
    if numbered(line.text) or split_outline_marker(line.text):  # ("a) …" under "I. …": the next heading)
        return False
    if not line.text[:1].islower() and not (_in_capitals(prev.text) and _in_capitals(line.text)) and (
            goal_word(line.text) or vocabulary.match_label(line.text)):
        return False  # a lower-case start wraps the title even where it reads as a goal word, as do a title's lines in capitals
    if not typo.has_fonts(line) and not _wraps_ocr_title(prev, line, gap, height):
        return False
    return line.text[:1].islower() or not typo.has_fonts(line) or abs(typo.size(line) - typo.size(prev)) < 0.6


def right_under(heading: Line, line: Line, pages: list[Page]) -> bool:
    """``line`` stands right under ``heading``: less than four of its sizes below it, or, over a
    page break, first on the next page with ``heading`` the last of its own."""
    if heading.page == line.page:
        return line.y0 - heading.bbox[3] < 4 * line.size
    if line.page != heading.page + 1:
        return False
    above = [p for p in pages if p.number == heading.page]
    below = [p for p in pages if p.number == line.page]
    tops = [(r.page, r.bbox[1]) for p in above + below for t in p.tables for r in t.rows]
    return all(o.y0 <= heading.y0 for p in above for o in p.lines) and all(o.y0 >= line.y0 for p in below for o in p.lines) \
        and all(not (pg == heading.page and y > heading.y0 or pg == line.page and y < line.y0) for pg, y in tops)
