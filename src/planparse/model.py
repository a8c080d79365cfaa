"""The canonical output model: schema v1.2 of the planparse contract (1.0 plus additive fields, see README).

Every key and enum value here is part of the contract that migration scripts depend on
(see README, "Output contract"). Changing a field means a new ``SCHEMA_VERSION``; the test
``tests/test_schema.py`` fails when the generated JSON Schema changes but the version does not.
"""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.2"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_assignment=False)


class DocumentType(str, Enum):
    verksamhetsplan = "verksamhetsplan"
    tertialrapport = "tertialrapport"
    delarsrapport = "delarsrapport"
    arsredovisning = "arsredovisning"
    uppsiktsrapport = "uppsiktsrapport"
    plan_och_budget = "plan_och_budget"
    # 1.1
    arsbokslut = "arsbokslut"
    verksamhetsberattelse = "verksamhetsberattelse"
    arbetsplan = "arbetsplan"
    budgetskrivelse = "budgetskrivelse"
    internkontrollplan = "internkontrollplan"
    namndplan = "namndplan"
    other = "other"


class TextLayer(str, Enum):
    native = "native"
    ocr = "ocr"
    mixed = "mixed"


class PeriodKind(str, Enum):
    year = "year"
    tertial = "tertial"
    delar = "delar"
    month = "month"
    term = "term"  # 1.1: a school term, vt (1) or ht (2)


class GoalLevel(str, Enum):
    goal_area = "goal_area"
    goal = "goal"
    sub_goal = "sub_goal"
    focus_area = "focus_area"


class AssessmentValue(str, Enum):
    fulfilled = "fulfilled"
    partially_fulfilled = "partially_fulfilled"
    barely_fulfilled = "barely_fulfilled"
    not_fulfilled = "not_fulfilled"
    not_assessed = "not_assessed"


class StatusValue(str, Enum):
    not_started = "not_started"
    in_progress = "in_progress"
    in_progress_deviation = "in_progress_deviation"
    completed = "completed"
    completed_deviation = "completed_deviation"
    on_hold = "on_hold"
    cancelled = "cancelled"


class Direction(str, Enum):
    increase = "increase"
    decrease = "decrease"


class ValueKind(str, Enum):
    baseline = "baseline"
    outcome = "outcome"
    target = "target"
    other = "other"


class ValueGroup(str, Enum):
    total = "total"
    women = "women"
    men = "men"


class BudgetKind(str, Enum):
    budget = "budget"
    outcome = "outcome"
    forecast = "forecast"
    # 1.1
    deviation = "deviation"
    other = "other"


class AmountUnit(str, Enum):
    tkr = "tkr"
    mnkr = "mnkr"
    kr = "kr"


class ProvenanceMethod(str, Enum):
    native = "native"
    ocr = "ocr"
    repaired = "repaired"


Number = int | float


class Provenance(_Model):
    """Where an item came from: 1-based page, bbox in PDF points (origin top left)."""

    page: int = Field(ge=1)
    bbox: tuple[float, float, float, float]
    raw_text: str
    method: ProvenanceMethod


class Warning(_Model):  # noqa: A001 - the contract's name
    code: str
    message: str
    page: int | None = None


class Municipality(_Model):
    name: str | None = None
    code: str | None = Field(default=None, pattern=r"^\d{4}$")


class Period(_Model):
    kind: PeriodKind
    number: int | None = None


class Source(_Model):
    file: str
    sha256: str
    page_count: int
    text_layer: TextLayer | None = Field(
        default=None, description="Where the text came from; null when the file yielded no text."
    )
    ocr_engine: str | None = None
    parser: str
    parser_version: str
    layout_confidence: float = Field(ge=0, le=1)


class Metadata(_Model):
    """Document facts when the document states them. Unknown keys a layout finds go to ``extra``."""

    document_name: str | None = None
    diarienummer: str | None = None
    decided_on: dt.date | None = None
    decided_by: str | None = None
    revised_on: dt.date | None = None
    version: str | None = None
    responsible: str | None = None
    valid_until: str | None = None
    applies_to: str | None = None
    extra: dict[str, str] = Field(default_factory=dict)


class MarkerSource(str, Enum):
    """Where a status or assessment was read (1.1): printed text, or a coloured icon."""

    text = "text"
    icon = "icon"


class Assessment(_Model):
    value: AssessmentValue
    raw: str
    confidence: float = Field(ge=0, le=1)
    source: MarkerSource = MarkerSource.text


class Status(_Model):
    value: StatusValue
    raw: str
    confidence: float = Field(ge=0, le=1)
    source: MarkerSource = MarkerSource.text


class IndicatorValue(_Model):
    label: str
    kind: ValueKind
    year: int | None = None
    group: ValueGroup | None = None
    raw: str
    value: Number | None = None


class Indicator(_Model):
    uid: str
    name: str
    source: str | None = None
    unit: str | None = None
    direction: Direction | None = None
    values: list[IndicatorValue] = Field(default_factory=list)
    provenance: Provenance


class Activity(_Model):
    uid: str
    number: str | None = None
    title: str
    description: str | None = None
    owner: str | None = None
    parties: list[str] = Field(default_factory=list)
    implementation: str | None = None
    follow_up: list[str] = Field(default_factory=list)
    status: Status | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    comment: str | None = None
    progress: int | None = Field(default=None, ge=0, le=100)  # 1.1: Färdiggrad in per cent
    indicators: list[Indicator] = Field(default_factory=list)
    provenance: Provenance


class Goal(_Model):
    uid: str
    number: str | None = None
    level: GoalLevel
    title: str
    strategic_goal: str | None = None
    description: str | None = None
    assessment: Assessment | None = None
    comment: str | None = None
    indicators: list[Indicator] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    children: list[Goal] = Field(default_factory=list)
    provenance: Provenance


class BudgetValue(_Model):
    label: str
    year: int | None = None
    kind: BudgetKind
    amount: Number | None = None
    unit: AmountUnit | None = None


class BudgetLine(_Model):
    uid: str
    name: str
    values: list[BudgetValue] = Field(default_factory=list)
    is_sum: bool = False  # 1.1: a sum row (Summa, Totalt), checked against the rows above it
    section: str | None = None  # 1.2: the group row the line sits under ("Kultur"), null where none
    provenance: Provenance


class InvestmentAmount(_Model):
    year: int | None = None
    amount: Number | None = None
    unit: AmountUnit | None = None
    label: str | None = None  # 1.2: the column header as printed ("2027", "Total utgift")
    kind: BudgetKind | None = None  # 1.2: what the column holds, as for budget values


class Investment(_Model):
    uid: str
    name: str
    description: str | None = None
    amounts: list[InvestmentAmount] = Field(default_factory=list)
    responsible: str | None = None
    is_sum: bool = False  # 1.2: a sum row (Summa, Totalt) kept as an investment
    section: str | None = None  # 1.2: the group row the project sits under ("Gator och parker")
    provenance: Provenance


class ControlPoint(_Model):
    uid: str
    process: str
    risk: str | None = None
    risk_value: int | None = None
    method: str | None = None
    responsible: str | None = None
    provenance: Provenance


class Risk(_Model):
    uid: str
    area: str
    consequence: int | None = None
    probability: int | None = None
    score: int | None = None
    provenance: Provenance


class PlanDocument(_Model):
    schema_version: str = SCHEMA_VERSION
    uid: str
    source: Source
    municipality: Municipality
    organ: str | None = None
    unit: str | None = None
    document_type: DocumentType
    title: str
    year: int | None = None
    period: Period | None = None
    metadata: Metadata = Field(default_factory=Metadata)
    vision: str | None = None
    goals: list[Goal] = Field(default_factory=list)
    budget: list[BudgetLine] = Field(default_factory=list)
    investments: list[Investment] = Field(default_factory=list)
    controls: list[ControlPoint] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)

    def to_json(self) -> str:
        """Deterministic JSON: contract key order, UTF-8 text, two-space indent, final newline."""
        return dumps(self.model_dump(mode="json"))

    def iter_goals(self) -> list[Goal]:
        """Every goal in the tree, depth first, in document order."""
        return goals_in(self.goals)


def goals_in(goals: list[Goal]) -> list[Goal]:
    """Every goal of the tree under ``goals``, depth first, in document order."""
    out: list[Goal] = []
    stack = list(reversed(goals))
    while stack:
        goal = stack.pop()
        out.append(goal)
        stack.extend(reversed(goal.children))
    return out


def activities_in(goals: list[Goal]) -> list[Activity]:
    """Every activity under ``goals``, depth first in document order: a goal's own, then its
    children's."""
    out: list[Activity] = []
    for g in goals:
        out.extend(g.activities)
        out.extend(activities_in(g.children))
    return out


def dumps(data: Any) -> str:
    """Serialise JSON-ready data the one way planparse writes JSON."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of PlanDocument, as committed in schemas/plan-document.schema.json."""
    schema = PlanDocument.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://planparse.invalid/schema/plan-document/{SCHEMA_VERSION}"
    schema["title"] = "PlanDocument"
    return schema
