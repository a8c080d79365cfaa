"""Form tables: one goal set out as labelled rows down a two-column table ("Mål | …",
"Aktiviteter | …", "Ansvarig | …"), a goal card's indicator among them ("Indikator | …",
"Målvärde 2025 | 72", "Utfall 2025 | 68")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from planparse import nlp, vocabulary
from planparse.layouts import roles
from planparse.layouts.base import provenance
from planparse.layouts.cell_items import cell_activities
from planparse.layouts.indicators import value_kind
from planparse.model import (
    Assessment,
    AssessmentValue,
    Direction,
    Indicator,
    IndicatorValue,
    ValueKind,
)
from planparse.reading.model import Line, Table
from planparse.text.assemble import join_lines
from planparse.text.numbers import parse_number

if TYPE_CHECKING:
    from planparse.layouts.engine import Walk


def is_form(w: Walk, table: Table) -> bool:
    """A two-column form for one goal: labels down the first column ("Mål | Alla elever …",
    "Aktiviteter | …", "Ansvarig | …"), a goal among them; or one row assessing the goal in scope."""
    if table.n_cols != 2 or not table.rows:
        return False
    labels = [w.label(r.cell_text(0))[0] if r.cell_text(0) else None for r in table.rows]
    if len(table.rows) == 1:  # "Bedömning | Uppfyllt" under a goal: its assessment, framed
        return labels == ["assessment"] and w.goal is not None and bool(table.rows[0].cell_text(1).strip())
    return "goal" in labels and sum(1 for lab in labels if lab is not None) >= 2


def read_form(w: Walk, table: Table) -> None:
    """A form table read as its labelled paragraphs: the goal from its "Mål" row, each
    paragraph of an activity row an activity, an assessment, description or comment row the
    goal's, an indicator row the goal's indicator and the value rows under it its values;
    other rows (owner, follow-up) are left to the form's goal."""
    if w.text_goals:
        w.list_after_text()  # goal cards after the paragraphs under goal words: those were their lead-in
    w.owner_goal()  # a heading over the form is the goal group it belongs to
    w.flush()
    w.field, w.field_lines = None, []
    indicator: Indicator | None = None
    for row in table.rows:
        label = w.label(row.cell_text(0))[0]
        value = roles.cell(row, 1)
        if value is None or not value.lines:
            continue
        named = row.cell_text(0).strip().rstrip(":").strip()
        if indicator is not None and label in (None, "target", "outcome") and inline_value(indicator, named, value.text):
            continue
        first = value.lines[0]
        if label is None:
            continue
        if label == "indicator" and w.goal is not None:
            indicator = Indicator(uid="", name=value.text.strip(), provenance=provenance(row))
            w.goal.indicators.append(indicator)
        elif label == "goal":
            w.open_label("goal", join_lines([ln.text for ln in value.lines]), first)
        elif label in ("activities", "assignment"):
            w.open_label(label, "", first)
            for activity in cell_activities(row, 1):
                w.list_item(activity.title, first)
        elif w.goal is not None and label == "assessment" and w.goal.assessment is None:
            m = vocabulary.match_assessment(value.text) or vocabulary.assessment_in_sentence(value.text)
            if m is not None:
                w.goal.assessment = Assessment(value=AssessmentValue(m.value), raw=value.text, confidence=m.confidence)
        elif w.goal is not None and label in ("description", "comment"):
            setattr(w.goal, label, "\n".join(value.paragraphs))
    w.flush()
    w.mode, w.field, w.field_lines, w.item = None, None, [], None


def inline_value(indicator: Indicator, label: str, value: str, series: bool = False) -> bool:
    """A value of the measure named on the line above, on a line of its own ("Målvärde 2027:
    95 %", "Utfall 2026: 88 %" under "Mått: Andel brukare …"), added to it; whether it was one
    (``series``: a year alone is that year's outcome, see :func:`value_kind`)."""
    kind, year = value_kind(label, series)
    if kind is ValueKind.other or not value.strip():
        return False
    raw = value.strip()
    indicator.values.append(IndicatorValue(label=label, kind=kind, year=year, raw=raw, value=parse_number(raw)))
    return True


# "Utsläpp från kommunens verksamheter, ton CO2e (2024: 3 850 · Mål 2030: 1 900)"
_MEASURED = re.compile(r"^(?P<name>[^()]{3,}?)\s*\((?P<values>[^()]*\b(?:19|20)\d{2}\s*:[^()]*)\)\.?$")
# "Antal färdigställda bostäder per år; Målvärde 2027: 150"
_AFTER_SEMICOLON = re.compile(r"^(?P<name>[^;]{3,}?)\s*;\s*(?P<values>[^;:]*\b(?:19|20)\d{2}\s*:.*?)\.?$")
_PAIR = re.compile(r"(?P<label>[^:·;]*?\b(?:19|20)\d{2})\s*:\s*(?P<value>[^·;]+)")


def measured_item(text: str, line: Line) -> Indicator:
    """A measure a list names: with its values where it prints them ("Antal färdigställda
    bostäder per år; Målvärde 2027: 150", "… (2024: 86 · Mål 2030: 100)"), its direction where
    its name states one ("Andelen … ska öka")."""
    found = measured_line(text, line)
    if found is None:
        d = nlp.find_direction(text)
        return Indicator(uid="", name=text, provenance=provenance(line), direction=Direction(d) if d else None)
    return found


def measured_line(text: str, line: Line) -> Indicator | None:
    """A follow-up line naming a measure with its values in brackets, each after its year
    ("… (2024: 3 850 · Mål 2030: 1 900)"): that measure, a year alone its outcome."""
    head, colon, rest = (text := " ".join(text.split())).partition(":")
    if colon and (named := vocabulary.match_label(head)) is not None and named.confidence >= 0.95:
        text = rest.strip()  # (the field's label on its line: "Så följer vi upp: …")
    m = _MEASURED.match(text) or _AFTER_SEMICOLON.match(text)
    if m is None:
        return None
    measure = Indicator(uid="", name=m["name"].strip(" ,"), provenance=provenance(line))
    for pair in _PAIR.finditer(m["values"]):
        if not inline_value(measure, pair["label"].strip(), pair["value"], series=True):
            return None
    return measure if measure.values else None
