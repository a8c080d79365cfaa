"""A goal row's printed assessment and comment, the assessment also given as a step on a scale
the document explains: stars ("★★★☆☆"), a score ("3/5", "3 av 5"), read through the
document's legend of steps ("5 = helt uppfyllt, 4 = i hög grad uppfyllt, 3 = delvis uppfyllt,
…"). Without such a legend a score says nothing."""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.model import Assessment, AssessmentValue, Goal
from planparse.reading.model import Document, Row
from planparse.vocabulary import Match

# "5 = helt uppfyllt", "3 – delvis uppfyllt": a step and what it means, up to the next step
# (the step may name what it counts: "5 ifyllda rutor = helt uppfyllt")
_STEP = re.compile(r"(?<![\d,.])([1-9])(?:\s+[a-zåäö]+){0,2}\s*[=:–]\s*([^\d=:;,.]+?)(?=\s*(?:[,;.]|$|\s[1-9]\s*[=:–]))")
_SCORE = re.compile(r"(?:\w+:\s*)?([1-9])(?:\s*(?:/|av)\s*([1-9]))?")  # (a bare step after its label: "Bedömning (1–5): 4")
_STARS = frozenset("★☆✩✪⭐")
SCALE_NOTE = re.compile(r"\s*\(\s*[0-9]\s*[–—-]\s*[1-9]\s*\)$")  # the scale after a label: "Bedömning (1–5)"


def scale_legend(doc: Document) -> dict[int, Match]:
    """The document's steps of an assessment scale (three at least), by step; empty without."""
    if "scale" not in doc.derived:
        steps: dict[int, Match] = {}
        for page in doc.pages:
            text = " ".join(ln.text for ln in [*page.lines, *page.noise])
            if "=" not in text and "–" not in text and not page.tables:
                continue
            pairs = [(m[1], m[2]) for m in _STEP.finditer(text)]
            pairs += [(r.cells[0].text.strip(), r.cells[1].text) for t in page.tables for r in t.body  # a table of steps:
                      if len(r.cells) == 2 and re.fullmatch(r"[1-9]", r.cells[0].text.strip())]  # "5 | Helt uppfyllt"
            for step, words in pairs:
                phrase = words.strip()
                found = vocabulary.match_assessment(phrase)
                found = found if found is not None and found.confidence >= 0.9 else vocabulary.assessment_in_sentence(phrase)
                if found is not None:
                    steps.setdefault(int(step), found)
        doc.derived["scale"] = steps if len(steps) >= 3 else {}
    legend: dict[int, Match] = doc.derived["scale"]
    return legend


def scaled_assessment(raw: str, doc: Document) -> Match | None:
    """The assessment a cell's stars or score stands for on the document's scale, or None."""
    text = raw.strip()
    if text and set(text.replace(" ", "")) <= _STARS:
        step = sum(1 for ch in text if ch in "★⭐✪")
    elif (m := _SCORE.fullmatch(text)) is not None and int(m[1]) <= int(m[2] or 9):
        step = int(m[1])
    else:
        return None
    return scale_legend(doc).get(step)


def row_assessment(row: Row, goal: Goal, assess_col: int | None, comment_col: int | None, doc: Document) -> None:
    """A goal row's printed assessment ("Delvis uppfyllt", or a step on the document's scale:
    "★★★☆☆") and comment, by their columns."""
    if assess_col is not None and (raw := row.cell_text(assess_col)):  # (a scale's step over its stars' colour)
        m = scaled_assessment(raw, doc) or (vocabulary.match_assessment(raw) if goal.assessment is None else None)
        if m is not None:
            goal.assessment = Assessment(value=AssessmentValue(m.value), raw=raw, confidence=m.confidence)
    if comment_col is not None and (text := row.cell_text(comment_col)):
        goal.comment = text
