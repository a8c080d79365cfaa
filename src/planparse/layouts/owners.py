"""An activity's owner written after its title in brackets ("Digital bokning av idrottshallar
(Ansvarig: Anläggningschef)"): the owner, and the title without it."""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.model import Goal

_OWNER_TAIL = re.compile(r"^(?P<title>.*\S)\s*\((?P<label>[^():]{3,30}):\s*(?P<owner>[^()]{2,80}?)\)\s*\.?$")
_OWNER_OPEN = re.compile(r"\S\s*\((?P<label>[^():]{3,30}):(?:\s|$)")  # (the tail's start: its value may wrap)


def names_owner(text: str) -> bool:
    """Whether an item's text ends naming its owner in brackets ("… (Ansvarig: Heby kommun)"), or
    starts to on its first line ("… (Insatsägare:")."""
    m = _OWNER_OPEN.search(text)
    return m is not None and (label := vocabulary.match_label(m["label"])) is not None and label.value == "owner"


def owners_in_titles(goals: list[Goal]) -> None:
    """Move a bracketed owner label and its value at the end of each activity's title (the
    vocabulary's owner labels: "Ansvarig", "Ansvar", "Processägare") to its owner, where none
    was read."""
    for goal in goals:
        for act in goal.activities:
            m = _OWNER_TAIL.match(act.title)
            label = vocabulary.match_label(m["label"]) if m is not None else None
            if m is not None and label is not None and label.value == "owner" and act.owner is None:
                act.title, act.owner = m["title"], m["owner"].strip()
        owners_in_titles(goal.children)
