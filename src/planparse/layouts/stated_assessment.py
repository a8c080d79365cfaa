"""An assessment printed as a sentence of its own after a goal's analysis ("Målet bedöms som
delvis uppfyllt.", "Målet bedöms vara uppnått.", "Målet är ej uppfyllt."): no label before it,
and often set in bold, so it would read as a heading. The sentence is the assessment of the goal
in scope (a pending unnumbered heading made one), its value read through the vocabulary
(:func:`planparse.vocabulary.assessment_statement`) when it starts at the margin of the text above
it, and the prose between the goal's title and
the sentence is the analysis the assessment rests on: the goal's comment, not its description.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from planparse import vocabulary
from planparse.layouts.border_strips import strip_assessments
from planparse.layouts.cell_fills import band_assessments
from planparse.layouts.headings import right_under
from planparse.model import Assessment, AssessmentValue, Goal
from planparse.reading.model import Document, Line
from planparse.reading.paragraphs import paragraphs
from planparse.text.assemble import sentences
from planparse.text.fold import plain

if TYPE_CHECKING:
    from planparse.layouts.icons import Markers
    from planparse.layouts.walk_fields import FieldWalk


def stated_assessment(w: FieldWalk, line: Line) -> bool:
    """Read ``line`` as the goal's assessment sentence; whether it was one."""
    if w.field == "assessment" or w.mode in ("goals", "activities", "indicators") or w.activity is not None:
        return False  # after a "Bedömning" label its field reads it; inside a list it is an item's
    found = vocabulary.assessment_statement(line.text)
    if found is None or not _at_margin(w, line) or _legend_entry(w, line, found.value):
        return False
    if w.section is None:
        goal = w.measured(w.goal)
        if goal is None or goal.assessment is not None:
            return False
        prose = w.field_lines if w.field == "description" and goal is w.goal else []
        if prose:
            w.field, w.field_lines = None, []
    else:
        prose, w.section_prose = w.section_prose, []  # (not the description owner_goal would make of it)
        goal = w.measured(w.owner_goal())
        if goal is None or goal.assessment is not None:
            w.section_prose = prose
            return False
    w.flush()
    raw = line.text.strip().rstrip(".").strip()
    goal.assessment = Assessment(value=AssessmentValue(found.value), raw=raw, confidence=found.confidence)
    if prose:
        analysis = "\n".join(paragraphs(prose, w.step, [ln.text for ln in prose], w.spec.paragraph_gap))
        goal.comment = f"{goal.comment}\n{analysis}" if goal.comment else analysis
    w.title_line = None
    if goal is w.goal and line.method == "native":  # (an OCR'd layer's headings are less sure to end it)
        w.field = "comment"  # the prose after the sentence goes on with the analysis (or reports what was done)
    return True


def _legend_entry(w: FieldWalk, line: Line, value: str) -> bool:
    """Whether ``line`` is one of a legend's entries: the lines next to it at its margin on its
    page, with no other text between, state other assessments ("Målet bedöms uppnås" / "…
    delvis uppnås" / "… inte uppnås"), three values in all."""
    column = [o for o in w.page(line).lines if abs(o.bbox[0] - line.bbox[0]) < 3]
    k = next((i for i, o in enumerate(column) if o is line), None)
    if k is None:
        return False  # (a table cell's line)
    values = {value}
    for step in (-1, 1):
        i = k + step
        while 0 <= i < len(column) and (found := vocabulary.assessment_statement(column[i].text)) is not None:
            values.add(found.value)
            i += step
    return len(values) >= 3


def heads_assessed_paragraph(w: FieldWalk, line: Line) -> bool:
    """Whether the labelled assessment ``line`` ("Bedömning: Delvis uppfyllt") follows the one
    paragraph of a pending paragraph heading: a heading no larger than the text under it (a
    run-in bold sentence, a bold line opening its paragraph), the paragraph and the label at its
    margin. The heading is the goal the label assesses, as a label right under it would say; its
    title loses the full stop that ends it."""
    section, prose = w.section, w.section_prose
    if section is None or not prose or w.typo.size(section) > (body := w.typo.size(prose[0])) + 0.3:
        return False
    prose = [ln for ln in prose if w.typo.size(ln) >= body - 0.3]  # (not a page's footer before the next column)
    if len(paragraphs(prose, w.step, [ln.text for ln in prose], w.spec.paragraph_gap)) > 1:
        return False
    # (the first line may start past the margin: a run-in heading's rest, or a paragraph's
    # indent; the paragraph may go on at the top of the next column, the label's)
    margins = (section.x0, line.x0)
    if not all(min(abs(ln.x0 - x) for x in margins) <= 0.5 * max(line.size, 6.0) for ln in prose[1:]):
        return False
    if w.section_title.endswith(".") and not w.section_title.endswith(".."):
        w.section_title = w.section_title[:-1]  # the full stop that ends a run-in heading is no part of its title
    return True


def _at_margin(w: FieldWalk, line: Line) -> bool:
    """The sentence starts where the analysis above it does, every line of it, else (no
    analysis) where the owner's title does: a legend's "Målet bedöms uppfyllas" beside its prose
    and icons is none."""
    above = w.section_prose or (w.field_lines if w.field == "description" else [])
    if above:
        xs = [ln.x0 for ln in above]
    elif w.section is not None:
        xs = [w.section.x0]
    elif w.goal is not None and w.goal.provenance is not None and w.goal.provenance.bbox is not None:
        xs = [w.goal.provenance.bbox[0]]
    else:
        return False
    return all(abs(line.x0 - x) <= 0.5 * max(line.size, 6.0) for x in xs)


def assessments_in_prose(goals: list[Goal]) -> None:
    """Goals without an assessment whose own text states one in a sentence inside a paragraph
    ("… ligger kvar under snittet. Bedömningen är att målet delvis kommer att uppnås."): the
    last such sentence is the assessment (in place, the whole tree)."""
    for g in goals:
        if g.assessment is None:
            text = " ".join(f"{g.description or ''} {g.comment or ''}".split())
            for sentence in reversed(sentences(text)):
                if (found := vocabulary.assessment_statement(sentence)) is not None:
                    g.assessment = Assessment(value=AssessmentValue(found.value), raw=sentence.strip().rstrip("."),
                                              confidence=found.confidence)
                    break
        assessments_in_prose(g.children)


def assessed_after_walk(goals: list[Goal], doc: Document, markers: Markers) -> None:
    """Assessments the walk could not see on a goal's own line: a band in a colour the legend
    names (:func:`~planparse.layouts.cell_fills.band_assessments`), a coloured strip down the side
    of the goal's box (:mod:`.border_strips`), then a sentence inside the goal's prose
    (:func:`assessments_in_prose`)."""
    if markers.legend_assessment:
        band_assessments(goals, doc, markers)
    strip_assessments(goals, doc, markers)
    assessments_in_prose(goals)


_COLOUR_HEAD = re.compile(r"(?:gron|gul|rod|gra|bla|orange)\b")  # a legend's entry ("Grön: Uppfyllt")


def labelled_assessment(head: str, value: str) -> bool:
    """Whether "head: value" is an assessment whatever its label says ("Resultat: Delvis uppnått",
    "Utfall 2025: Uppnått"): a short label and the vocabulary's own assessment after it, unless
    the label is a legend's colour."""
    value = value.strip()
    return len(head.split()) <= 3 and 0 < len(value.split()) <= 4 and not _COLOUR_HEAD.match(plain(head)) \
        and (said := vocabulary.match_assessment(value)) is not None and said.confidence >= 0.95


def evaluated(label: str, value: str) -> str:
    """``label``, or "assessment" for a follow-up's label whose value opens by stating the goal's
    assessment ("Utvärdering: Målet är delvis uppnått. Andelen steg …")."""
    first = value.split(". ")[0]
    return "assessment" if label == "follow_up" and value and vocabulary.assessment_in_sentence(first) else label


def open_assessment(w: FieldWalk, label: str, value: str, line: Line) -> None:
    """A status or assessment label: the mark beside it is its owner's (the activity in scope, or
    the goal its heading right above makes). Set as large as the heading before it, with prose
    between ("Året som gått" … "Måluppfyllelse"), an assessment label ends that heading's chapter."""
    if label == "assessment" and not value and w.typo.rank(line) == 2 and w.typo.has_fonts(line):
        w.section = None  # "Måluppfyllelse" as large as the chapters: the chapter over the goals, no label
        return
    near = w.section is not None and (heads_assessed_paragraph(w, line) or right_under(w.section, line, w.doc.pages))
    if label == "assessment" and not value and w.section is not None and not near and w.typo.rank(line) \
            and w.typo.size(line) >= w.typo.size(w.section) - 0.3:
        w.section = None  # (prose between them: right under its heading the label is that heading's)
    owner = w.activity if label == "status" and w.activity else (w.owner_goal() if near or w.section is None else None)
    if owner is not None:
        w.mark(owner, line)
