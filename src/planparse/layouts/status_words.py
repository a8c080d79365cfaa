"""A status read from an icon's colour by the convention alone (no legend), set right by the
activity's own words. Without a legend a red icon reads as "försenad / avvikelse"; when the
activity's comment or description says it was stopped ("Utredningen avbröts …", "har
avbrutits", "ställdes in"), the red marks an activity cancelled, not a late one. A legend's
value is never changed: the document named its colours itself."""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.layouts.icons import CONVENTION_CONFIDENCE
from planparse.layouts.tables import STATUS_TAIL
from planparse.model import (
    Assessment,
    AssessmentValue,
    Goal,
    MarkerSource,
    StatusValue,
    activities_in,
)
from planparse.text.fold import fold

# (folded: "avbröts" → "avbrots"); not after a negation ("har inte avbrutits")
_STOPPED = re.compile(
    r"(?<!inte )(?<!ej )\b(?:avbr(?:ots|uten|utet|utits|yts)|(?:stalldes|stallts) in|stoppa(?:des|ts))\b"
)


def stopped_by_words(goals: list[Goal]) -> None:
    """Activities whose red icon (convention, no legend) their own text says was stopped:
    ``cancelled``."""
    for act in activities_in(goals):
        st = act.status
        if st is None or st.source is not MarkerSource.icon or st.value is not StatusValue.in_progress_deviation:
            continue
        if not st.raw.endswith("red") or st.confidence != CONVENTION_CONFIDENCE:
            continue
        words = fold(" ".join(t for t in (act.comment, act.description) if t))
        if _STOPPED.search(words):
            act.status = st.model_copy(update={"value": StatusValue.cancelled})


def split_assessment_suffix(title: str) -> tuple[str, Assessment | None]:
    """A goal heading with its assessment after a dash or in brackets ("Trygg skola – Delvis
    uppfyllt"): the title without it, and the assessment."""
    m = STATUS_TAIL.match(title)
    found = vocabulary.match_assessment(m["status"]) if m is not None else None
    if m is None or found is None or found.confidence < 0.9:
        return title, None
    return m["title"], Assessment(value=AssessmentValue(found.value), raw=m["status"].strip(), confidence=found.confidence)
