"""Activities reported as paragraphs of a goal's prose: a short title sentence, what was done, and
a closing sentence that states the status ("Digital tillsyn nattetid. Tekniken används nu av 63
brukare. Arbetet är avslutat."), as smaller kommuner write their verksamhetsberättelser. Such a
paragraph, read after the walk from the goal's description, is one of its activities and leaves
the description."""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.model import Activity, Goal, Provenance, Status, StatusValue
from planparse.text.assemble import sentences
from planparse.text.fold import fold

MAX_TITLE_WORDS = 10
MIN_CONFIDENCE = 0.85
# A finite verb or an auxiliary (folded) tells a sentence from a title ("Antalet besök ökade."):
# the common ones by name, past tenses and passives by ending.
_VERB = re.compile(r"\b(?:ar|var|har|hade|blev|ska|skall|kan|kommer|far|fick|finns|fanns|gor|gjorde|gors|behover|visar"
                   r"|\w+(?:ade|ades|ats|des|tes))\b")


def reported_activity(paragraph: str, where: Provenance) -> Activity | None:
    """The activity a paragraph reports, or None: a title sentence of a few words with no finite
    verb, then a closing sentence that states a status (anything between is its description)."""
    said = sentences(paragraph)
    if len(said) < 2:
        return None
    title = said[0].rstrip(".")
    found = vocabulary.status_statement(said[-1])
    if found is None or found.confidence < MIN_CONFIDENCE or not 1 < len(title.split()) <= MAX_TITLE_WORDS \
            or _VERB.search(fold(title)):
        return None
    status = Status(value=StatusValue(found.value), raw=said[-1].rstrip("."), confidence=found.confidence)
    return Activity(uid="", title=title, description=" ".join(said[1:-1]) or None, status=status, provenance=where)


def activities_in_prose(goals: list[Goal]) -> None:
    """Goals without activities whose description or comment holds paragraphs that report
    activities: those paragraphs become the goal's activities (in place, the whole tree)."""
    for g in goals:
        for field in ("description", "comment") if not g.activities else ():
            kept: list[str] = []
            for paragraph in (getattr(g, field) or "").split("\n"):
                if (act := reported_activity(paragraph, g.provenance)) is None:
                    kept.append(paragraph)
                else:
                    g.activities.append(act)
            setattr(g, field, "\n".join(kept) or None)
        activities_in_prose(g.children)


def reports_in_prose(paragraphs: list[str]) -> bool:
    """Whether prose under a heading reports on a goal: an assessment stated in a sentence, or an
    activity's status closing a paragraph (see :func:`reported_activity`)."""
    return any(vocabulary.assessment_statement(s) is not None or vocabulary.status_statement(s) is not None
               for p in paragraphs for s in sentences(p))
