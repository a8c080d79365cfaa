"""Layout families: one module per family, each a declaration (a :class:`LayoutSpec` and a
detection fingerprint) that the layout engine walks with. Adding a municipality layout means
adding one module here and its fixture."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from functools import lru_cache

from planparse.layouts.base import Builder, Detection, LayoutParser
from planparse.layouts.engine import walk
from planparse.layouts.goal_words import states_goal
from planparse.layouts.owners import lead_in_owners
from planparse.layouts.printout_lines import read_printout
from planparse.layouts.spec import DEFAULT
from planparse.layouts.translations import swedish_only
from planparse.model import PlanDocument
from planparse.reading.model import Document

# A family must score at least this to be chosen over the generic parser.
THRESHOLD = 0.6
# ... or at least CLEAR when no other family comes within LEAD of it: a document from another
# producer shows fewer of the family's signals, but still none of another family's.
CLEAR = 0.45
LEAD = 0.3
GENERIC = "generic"

_REGISTRY: dict[str, type[LayoutParser]] = {}


def register(cls: type[LayoutParser]) -> type[LayoutParser]:
    """Class decorator: add a layout family to the registry under ``cls.name``."""
    if cls.name in _REGISTRY and _REGISTRY[cls.name] is not cls:
        raise ValueError(f"layout {cls.name!r} registered twice")
    _REGISTRY[cls.name] = cls
    return cls


@lru_cache(maxsize=1)
def _load_all() -> None:
    for info in pkgutil.iter_modules(__path__):
        if info.name != "base":
            importlib.import_module(f"{__name__}.{info.name}")


def registry() -> dict[str, type[LayoutParser]]:
    """Every registered layout family by name (the generic parser included)."""
    _load_all()
    return dict(sorted(_REGISTRY.items()))


def detect_document(doc: Document) -> list[Detection]:
    """Scores of every family except the generic one, best first (ties by name)."""
    found = [cls().detect(doc) for name, cls in registry().items() if name != GENERIC]
    return sorted(found, key=lambda d: (-d.score, d.name))


def parse_document(doc: Document, layout: str | None = None) -> PlanDocument:
    """Parse with the named layout, or the best detected one, or the generic parser."""
    families = registry()
    best = None
    if layout is not None:
        if layout not in families:
            raise ValueError(f"unknown layout {layout!r}; known: {', '.join(families)}")
        chosen = families[layout]()
        confidence = chosen.detect(doc).score if layout != GENERIC else 0.0
    else:
        ranked = detect_document(doc)
        best = ranked[0] if ranked else None
        second = ranked[1].score if len(ranked) > 1 else 0.0
        if best is not None and (best.score >= THRESHOLD or (best.score >= CLEAR and best.score - second >= LEAD)):
            chosen, confidence = families[best.name](), best.score
        else:
            chosen = families[GENERIC]()
            confidence = best.score if best else 0.0
    runner_up = f" (closest: {best.name} at {best.score:.2f})" if chosen.name == GENERIC and best else ""
    plain, ruled = doc, doc.image_ruled if chosen.name == GENERIC else None
    if ruled is not None:  # tables from the page images
        doc = dataclasses.replace(doc, pages=ruled)
    doc, out = _walked(doc, chosen, layout is None, runner_up)
    if ruled is not None and not out.goals:
        # The page images' rules boxed a layout's cards into a grid that holds no plan: the
        # text layer alone, if that finds one.
        plain_doc, plain_out = _walked(plain, chosen, layout is None, runner_up)
        if any(states_goal(g.title) for g in plain_out.goals):  # (goals, not a timetable's rows)
            doc, out = plain_doc, plain_out
    _icons(doc, out)
    lead_in_owners(doc, out.goals)
    _municipality_as_printed(doc, out)
    return out.finish(chosen.name, chosen.version, confidence)


def _walked(doc: Document, chosen: LayoutParser, detected: bool, runner_up: str) -> tuple[Document, Builder]:
    """The document's Swedish part and what ``chosen`` reads from it."""
    doc = read_printout(swedish_only(doc))  # (a plan in two languages: its Swedish; a printout's own lines)
    out = Builder(doc)
    if chosen.name == GENERIC and detected:
        out.warn("layout_unknown", f"no known layout family matched{runner_up}; parsed with the generic parser")
    try:
        if type(chosen).parse is LayoutParser.parse:  # a declaration: the engine walks with it
            walk(doc, out, chosen.spec or DEFAULT)
        else:  # a family with a parse of its own (none is shipped; a plug-in may have one)
            chosen.parse(doc, out)
    except Exception as e:  # a parser bug must not lose the document: keep what was built
        out.warn("parser_error", f"{chosen.name} parser failed: {type(e).__name__}: {e}")
    return doc, out


def _municipality_as_printed(doc: Document, out: Builder) -> None:
    """The municipality's name as the document writes it ("Kalmar kommun", not the register's
    rule's "Kalmars kommun"), whichever family found it."""
    from planparse import municipalities

    found = out.municipality
    kommun = municipalities.by_code(found.code) if found is not None and found.code else None
    if found is not None and kommun is not None and found.name == kommun.display_name:
        text = "\n".join(ln.text for page in doc.pages for ln in (*page.lines, *page.noise))
        found.name = municipalities.name_as_printed(kommun, text)


def _icons(doc: Document, out: Builder) -> None:
    """Statuses and assessments from icons that the walk left unread (:func:`.icon_pass.attach`),
    after the statuses a per-cent legend gives activities with a per cent (:mod:`.percent_legend`)
    and those a box character gives (:mod:`.ballot_boxes`)."""
    from planparse.layouts import ballot_boxes, percent_legend
    from planparse.layouts.icon_pass import attach
    from planparse.layouts.status_words import stopped_by_words

    try:
        percent_legend.apply(doc, out.goals)
        ballot_boxes.apply(doc, out.goals)
        out.warnings.extend(attach(doc, out.document_type, out.goals))
        stopped_by_words(out.goals)
    except Exception as e:  # the walk's result stands
        out.warn("icons_error", f"icon pass failed: {type(e).__name__}: {e}")


__all__ = ["Builder", "Detection", "LayoutParser", "register", "registry", "detect_document", "parse_document"]
