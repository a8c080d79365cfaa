"""Layout families: one module per family, each registering itself with a detection
fingerprint. Adding a municipality layout means adding one module here and its fixture."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from planparse.layouts.base import Builder, Detection, LayoutParser
from planparse.layouts.engine import walk
from planparse.layouts.spec import DEFAULT
from planparse.model import PlanDocument
from planparse.reading.model import Document

# A family must score at least this to be chosen over the generic parser.
THRESHOLD = 0.6
# ... or at least CLEAR when no other family comes within LEAD of it: a document from another
# producer shows fewer of the family's signals, but still none of another family's.
CLEAR = 0.45
LEAD = 0.3
# A family's own walk is kept only for documents this close to its producer's look; below,
# the layout engine reads the document with the family's declaration.
TRUSTED = 0.85
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
    out = Builder(doc)
    if chosen.name == GENERIC and layout is None:
        runner_up = f" (closest: {best.name} at {best.score:.2f})" if best else ""
        out.warn(
            "layout_unknown",
            f"no known layout family matched{runner_up}; parsed with the generic parser",
        )
    own_walk = type(chosen).parse is not LayoutParser.parse
    try:
        if own_walk:
            chosen.parse(doc, out)
        else:
            walk(doc, out, chosen.spec or DEFAULT)
    except Exception as e:  # a parser bug must not lose the document: keep what was built
        out.warn("parser_error", f"{chosen.name} parser failed: {type(e).__name__}: {e}")
    if own_walk and chosen.spec is not None:
        out = _engine_if_richer(doc, out, chosen, trusted=confidence >= TRUSTED)
    _icons(doc, out)
    return out.finish(chosen.name, chosen.version, confidence)


def _icons(doc: Document, out: Builder) -> None:
    """Statuses and assessments from icons that the walk left unread (:func:`.icon_pass.attach`)."""
    from planparse.layouts.icon_pass import attach

    try:
        out.warnings.extend(attach(doc, out.document_type, out.goals))
    except Exception as e:  # the walk's result stands
        out.warn("icons_error", f"icon pass failed: {type(e).__name__}: {e}")


def _found(out: Builder) -> int:
    goals = _all_goals(out.goals)
    return (
        len(goals)
        + sum(len(g.activities) + len(g.indicators) + sum(len(a.indicators) for a in g.activities) for g in goals)
    )  # budget lines and investments aside: the engine's result takes the family's when it has none


def _all_goals(goals: list) -> list:  # type: ignore[type-arg]
    out = []
    for g in goals:
        out.append(g)
        out.extend(_all_goals(g.children))
    return out


def _engine_if_richer(doc: Document, out: Builder, chosen: LayoutParser, trusted: bool) -> Builder:
    """The family's own walk depends on its producer's look. When the document matches the
    family less than closely (another producer, an OCR'd layer), or the family's walk finds
    far less than the layout engine reading the same document with the family's declaration,
    the engine's result is kept, with the family's facts and a warning."""
    assert chosen.spec is not None
    found = _found(out)
    if trusted and found >= 12:
        return out  # the family's own producer, read fully by its own walk: no second parse
    alt = Builder(doc)
    try:
        walk(doc, alt, chosen.spec)
    except Exception as e:  # the family's result stands
        out.warn("engine_error", f"layout engine failed: {type(e).__name__}: {e}")
        return out
    if (trusted and _found(alt) < 2 * found + 3) or (not trusted and _found(alt) < 0.5 * found):
        return out
    for attr in ("budget", "investments", "controls", "risks"):
        if getattr(out, attr) and not getattr(alt, attr):
            setattr(alt, attr, getattr(out, attr))
    for attr in ("municipality", "organ", "unit", "title", "year", "period", "metadata", "vision"):
        if getattr(out, attr):
            setattr(alt, attr, getattr(out, attr))
    if out.document_type.value != "other":
        alt.document_type = out.document_type
    alt.warnings = [w for w in out.warnings if w.code != "no_plan_content"] + [
        w for w in alt.warnings if w.code not in {x.code for x in out.warnings}
    ]
    alt.warn(
        "family_fallback",
        f"the {chosen.name} walk found {found} items, the layout engine with its declaration "
        f"{_found(alt)}: the engine's result is used",
    )
    return alt


__all__ = ["Builder", "Detection", "LayoutParser", "register", "registry", "detect_document", "parse_document"]
