"""An activity's owner written after its title in brackets ("Digital bokning av idrottshallar
(Ansvarig: Anläggningschef)"): the owner, and the title without it; or named by the lead-in over
the list it is in ("Polisen åtar sig att:", as medborgarlöften split what each party does)."""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.model import Activity, Goal
from planparse.reading.model import Document, Line
from planparse.text.fold import fold
from planparse.text.numbers import cell_date

_OWNER_TAIL = re.compile(r"^(?P<title>.*\S)\s*\((?P<label>[^():]{3,30}):\s*(?P<owner>[^()]{2,80}?)\)\s*\.?$")
_OWNER_OPEN = re.compile(r"\S\s*\((?P<label>[^():]{3,30}):(?:\s|$)")  # (the tail's start: its value may wrap)


def names_owner(text: str) -> bool:
    """Whether an item's text ends naming its owner in brackets ("… (Ansvarig: Heby kommun)"), or
    starts to on its first line ("… (Insatsägare:")."""
    m = _OWNER_OPEN.search(text)
    return m is not None and vocabulary.label_of(m["label"]) == "owner"


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
            elif (run := _RUN_IN.match(act.title)) is not None:
                _run_in_fields(act, run["title"], run["tail"])
        owners_in_titles(goal.children)


# Fields run in after the title, unbracketed: "Vi inför barnråd … Ansvar: Förskollärare. Klart: HT 2026"
_RUN_IN = re.compile(r"^(?P<title>.*?\S)\s+(?P<tail>(?:Ansvarig|Ansvar|Processägare)\s*:\s*\S.*)$")
_FIELD = re.compile(r"(?P<label>Ansvarig|Ansvar|Processägare|Klart senast|Klart|Slutdatum|Tidplan)\s*:\s*(?P<value>.+?)"
                    r"(?=\.?\s+(?:Ansvarig|Ansvar|Processägare|Klart senast|Klart|Slutdatum|Tidplan)\s*:|\.?\s*$)")


def _run_in_fields(act: Activity, title: str, tail: str) -> None:
    """An activity's owner and end run in after its title: the title without them; the end a
    date only where a day is printed ("Klart: 2026-10-31"; "HT 2026", "löpande" are no date, nor a status)."""
    for m in _FIELD.finditer(tail):
        value = m["value"].strip(" .")
        if m["label"].startswith(("Ansvar", "Process")):
            act.owner = act.owner or value
        else:
            act.end_date = act.end_date or cell_date(value)
            if act.status is not None and act.status.raw and fold(act.status.raw) in fold(value):
                act.status = None  # ("Klart: löpande" read as the status "pågår")
    act.title = title.rstrip()


# "Kommunen åtar sig att:", "Polisen ansvarar för att:": the party, and the list of what it does below
LEAD_IN_OWNER = re.compile(r"^(?P<owner>[A-ZÅÄÖ][\w\- ]{1,40}?)\s+(?:åtar sig|ansvarar för|förbinder sig)(?: att)?\s*:$")


def lead_in_owners(doc: Document, goals: list[Goal]) -> None:
    """Give each activity without an owner the party of the lead-in over its list: the nearest
    such line above its title on its page, below its goal's title there."""
    leads = {page.number: [ln for ln in page.lines if LEAD_IN_OWNER.match(ln.text.strip())] for page in doc.pages}
    if any(leads.values()):
        _lead_in_owners(leads, goals)


def _lead_in_owners(leads: dict[int, list[Line]], goals: list[Goal]) -> None:
    for goal in goals:
        g = goal.provenance
        for act in goal.activities:
            p = act.provenance
            if act.owner is not None or p.bbox is None:
                continue
            above = [ln for ln in leads.get(p.page, []) if ln.bbox[3] <= p.bbox[1] + 1
                     and (g.bbox is None or g.page != p.page or ln.y0 > g.bbox[1])]
            if above and (m := LEAD_IN_OWNER.match(max(above, key=lambda ln: ln.y0).text.strip())):
                act.owner = m["owner"]
        _lead_in_owners(leads, goal.children)
