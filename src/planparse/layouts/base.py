"""What every layout parser shares: the registry entry and the builder that turns positioned
text into contract objects with provenance and uids. Fingerprints live in :mod:`.fingerprint`."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from types import UnionType
from typing import ClassVar, Union, get_args, get_origin

from pydantic import BaseModel

from planparse import __version__, ids
from planparse.layouts.fingerprint import Detection, Fingerprint, Signal
from planparse.layouts.spec import LayoutSpec
from planparse.model import (
    BudgetLine,
    ControlPoint,
    DocumentType,
    Goal,
    Indicator,
    Investment,
    Municipality,
    Period,
    PlanDocument,
    Provenance,
    ProvenanceMethod,
    Risk,
    Source,
    TextLayer,
    Warning,
)
from planparse.reading.model import BBox, Cell, Document, Line, Row, Table, union
from planparse.text.assemble import clean, without_end_dash

Located = Line | Row | Cell | Table


class LayoutParser:
    """Base class of a layout family. Subclasses set ``name``, ``version``, ``fingerprint``
    and implement :meth:`parse`; :func:`planparse.layouts.register` adds them to the registry."""

    name: ClassVar[str]
    version: ClassVar[str] = "1"
    fingerprint: ClassVar[Fingerprint]
    description: ClassVar[str] = ""
    # The family as a declaration for the layout engine: the engine reads the family's
    # documents with it when the family's own walk finds little (another producer, OCR).
    spec: ClassVar[LayoutSpec | None] = None

    def detect(self, doc: Document) -> Detection:
        d = self.fingerprint.score(doc)
        d.name = self.name
        return d

    def parse(self, doc: Document, out: Builder) -> None:
        """A family that is a declaration only: the layout engine walks with its spec."""
        if self.spec is None:
            raise NotImplementedError
        from planparse.layouts.engine import walk  # the engine builds on this module

        walk(doc, out, self.spec)


# ----------------------------------------------------------------------------- building output


def provenance(*items: Located, method: str | None = None) -> Provenance:
    """Provenance of one or more located items that sit on the first item's page."""
    first = items[0]
    if len(items) == 1 and type(first) is Line:  # (most items: one line)
        b, m = first.bbox, method or _method(first)
        return Provenance(page=first.page, bbox=(round(b[0], 1), round(b[1], 1), round(b[2], 1), round(b[3], 1)),
                          raw_text=first.raw, method=_METHODS.get(m) or ProvenanceMethod(m))
    page = _page(first)
    same_page = [it for it in items if _page(it) == page]
    boxes: list[BBox] = [_bbox(it) for it in same_page]
    raw = "\n".join(filter(None, (_raw(it) for it in items)))
    m = method or _method(first)
    return Provenance(
        page=page,
        bbox=tuple(round(v, 1) for v in union(boxes)),  # type: ignore[arg-type]
        raw_text=raw,
        method=_METHODS.get(m) or ProvenanceMethod(m),
    )


_METHODS = {m.value: m for m in ProvenanceMethod}


def _page(it: Located) -> int:
    if isinstance(it, Cell):
        return it.lines[0].page if it.lines else 1
    return it.page


def _bbox(it: Located) -> BBox:
    return it.bbox


def _raw(it: Located) -> str:
    if isinstance(it, Line):
        return it.raw
    if isinstance(it, Cell):
        return it.raw_text
    if isinstance(it, Row):
        return " | ".join(c.raw_text for c in it.cells)
    return "\n".join(" | ".join(c.raw_text for c in r.cells) for r in it.rows)


def _method(it: Located) -> str:
    if isinstance(it, Line):
        return "ocr" if it.from_image else it.method
    if isinstance(it, Cell):
        return it.lines[0].method if it.lines else "native"
    if isinstance(it, Row):
        return next((_method(c) for c in it.cells if c.lines), "native")
    return _method(it.rows[0])


class Builder:
    """Collects a document's contents while a parser walks it, then finishes the
    :class:`PlanDocument` (uids, source, warnings)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.municipality = Municipality()
        self.organ: str | None = None
        self.unit: str | None = None
        self.document_type = DocumentType.other
        self.title = ""
        self.year: int | None = None
        self.period: Period | None = None
        from planparse.model import Metadata

        self.metadata = Metadata()
        self.vision: str | None = None
        self.front_tables: set[int] = set()  # ids of tables the front matter was read from
        self.goals: list[Goal] = []
        self.budget: list[BudgetLine] = []
        self.investments: list[Investment] = []
        self.controls: list[ControlPoint] = []
        self.risks: list[Risk] = []
        self.warnings: list[Warning] = [Warning(code=c, message=m, page=p) for c, m, p in doc.warnings]

    def warn(self, code: str, message: str, page: int | None = None) -> None:
        self.warnings.append(Warning(code=code, message=message, page=page))

    def finish(self, parser: str, parser_version: str, confidence: float) -> PlanDocument:
        doc_uid = ids.document_uid(
            self.municipality.code,
            self.document_type.value,
            self.year,
            self.period,
            self.organ,
            self.unit,
            self.title,
        )
        alloc = ids.UidAllocator()

        def indicators(parent: str, items: list[Indicator]) -> None:
            for ind in items:
                ind.uid = alloc.item(parent, "indicator", None, ind.name)

        def goals(items: list[Goal]) -> None:
            for g in items:
                g.uid = alloc.item(doc_uid, "goal", g.number, g.title)
                indicators(g.uid, g.indicators)
                for a in g.activities:
                    a.uid = alloc.item(doc_uid, "activity", a.number, a.title)
                    indicators(a.uid, a.indicators)
                goals(g.children)

        goals(self.goals)
        for item in [*self.goals, *self.budget, *self.investments, *self.controls, *self.risks]:
            clean_strings(item)
        for kind, rows in (
            ("budget", self.budget),
            ("investment", self.investments),
            ("control", self.controls),
            ("risk", self.risks),
        ):
            for row in rows:
                title = str(getattr(row, "name", None) or getattr(row, "process", None) or getattr(row, "area", ""))
                row.uid = alloc.item(doc_uid, kind, None, title)
        layer = TextLayer(self.doc.text_layer) if self.doc.text_layer else None
        return PlanDocument(
            uid=doc_uid,
            source=Source(
                file=self.doc.file,
                sha256=self.doc.sha256,
                page_count=self.doc.page_count,
                text_layer=layer,
                ocr_engine=self.doc.ocr_engine,
                parser=parser,
                parser_version=f"{__version__}+{parser}.{parser_version}",
                layout_confidence=round(max(0.0, min(1.0, confidence)), 3),
            ),
            municipality=self.municipality,
            organ=self.organ,
            unit=self.unit,
            document_type=self.document_type,
            title=self.title or self.doc.file,
            year=self.year,
            period=self.period,
            metadata=self.metadata,
            vision=self.vision,
            goals=self.goals,
            budget=self.budget,
            investments=self.investments,
            controls=self.controls,
            risks=self.risks,
            warnings=self.warnings,
        )


_RAW_FIELDS = frozenset({"uid", "raw_text", "raw", "sha256"})
_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {}


def _fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model class that may hold text to clean: not raw text, and not typed
    without text (numbers, dates, enums, tuples, mappings, models of no such field)."""
    if (found := _FIELDS.get(cls)) is None:
        found = _FIELDS[cls] = tuple(name for name, f in cls.model_fields.items()
                                     if name not in _RAW_FIELDS and not _textless(f.annotation))
    return found


def _textless(tp: object) -> bool:
    if tp in (int, float, bool, type(None), dt.date):
        return True
    if isinstance(tp, type):
        return issubclass(tp, Enum) or (issubclass(tp, BaseModel) and not _fields(tp))
    if get_origin(tp) in (Union, UnionType):
        return all(_textless(a) for a in get_args(tp))
    return get_origin(tp) in (tuple, dict)


def clean_strings(model: BaseModel) -> None:
    """Normalise every text field of ``model`` and its children in place (word separators,
    cell debris, doubled spaces), whichever producer and parser made them; raw text as
    printed is left alone."""
    for name in _fields(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        if isinstance(value, str) and not isinstance(value, Enum):
            new = without_end_dash("\n".join(clean(part) for part in value.split("\n")) if "\n" in value else clean(value))
            if new != value:
                setattr(model, name, new)
        elif isinstance(value, BaseModel):
            clean_strings(value)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, str) and not isinstance(v, Enum):
                    value[i] = clean(v)
                elif isinstance(v, BaseModel):
                    clean_strings(v)


# ----------------------------------------------------------------------------- text helpers

NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<title>\S.*)$")
OUTLINE_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?")  # an outline number alone: "3", "2.1", "1.2.3."


def numbered(text: str) -> tuple[str, str] | None:
    """("3.1.2", "Title") for a numbered heading's text; a trailing ".0" is kept as printed."""
    m = NUMBERED.match(text.strip())
    if not m or not re.search(r"[A-Za-zÅÄÖåäö]", m["title"]):
        return None
    return m["num"], m["title"].strip()


YEAR = re.compile(r"\b(20\d{2}|19\d{2})\b")

__all__ = ["YEAR", "Builder", "Detection", "Fingerprint", "LayoutParser", "Signal", "numbered", "provenance"]
