"""A legend's lines: the key to a document's status icons, not its content.

A legend ("Teckenförklaring", "Symbolförklaring") names what each icon colour means; its
entries are icons each followed by a status or assessment name (read by
:class:`planparse.layouts.icons.Markers`). Its lines are no goals, labels or activities: an
entry "■ Pågår enligt plan" under a column label "Aktiviteter" is no activity, and the legend's
heading no goal area.
"""

from __future__ import annotations

import re

from planparse import vocabulary
from planparse.layouts.icons import _COLOUR_WORD, Markers
from planparse.layouts.legend_rows import names_only
from planparse.reading.model import Document, Table
from planparse.text.fold import fold, plain

_LEGEND = re.compile(r"^(?:tecken|symbol|farg)forklaring")
ENTRY_GAP = 30.0  # points: the most space between a legend's heading or entry and the next entry,
# or twice the heading's height when that is more


def legend_lines(doc: Document, markers: Markers) -> set[int]:
    """The ids of the lines of every legend: its heading line, and every line from it down to
    its last entry (the entries' icons found by ``markers``, each under the one before)."""
    out: set[int] = set()
    for page in doc.pages:
        named = [m for m in markers.by_page.get(page.number, []) if markers.is_legend(m)]
        # (a row of the legend's grid whose icons name no status, "Trend för indikator": its
        # icons stand in the named entries' columns)
        entries = sorted((m for m in markers.by_page.get(page.number, []) if any(
            abs(m.bbox[0] - e.bbox[0]) <= 2 for e in named)), key=lambda m: m.bbox[1])  # (a named one its own)
        for anchor in page.lines:
            if not _LEGEND.match(fold(anchor.text)):
                continue
            top, bottom = anchor.bbox[1], anchor.bbox[3]
            gap = max(ENTRY_GAP, 2 * (bottom - top))  # (a slide's title stands further above its entries)
            # (a legend in its heading's line, "Teckenförklaring: ● pågående · ● avbruten", goes on
            # only by its own entries: list items led by those glyphs below it are content)
            inline = any(top <= (m.bbox[1] + m.bbox[3]) / 2 <= bottom for m in named)
            for m in named if inline else entries:
                if m.bbox[3] < top - 2:
                    continue
                if m.bbox[1] - bottom > gap:
                    break
                bottom = max(bottom, m.bbox[3])
            out.update(id(ln) for ln in page.lines if top - 1 <= (ln.bbox[1] + ln.bbox[3]) / 2 <= bottom + 2)
        out.update(id(ln) for ln in page.lines if colour_key(ln.text))  # a key in words: "Grön: Uppfyllt"
    return out


def legend_table(markers: Markers, table: Table) -> bool:
    """Whether ``table`` is a legend laid out as a table (:mod:`planparse.layouts.legend_rows`):
    every body row holds an icon or a filled cell that is a legend entry, and names only. It is
    no content: its "Mål | Aktivitet" header names no goals or activities. Or it is a key in
    words (:func:`key_table`)."""
    return bool(table.body) and (key_table(table) or glossary(table) or all(
        names_only(r) and any(markers.is_legend(m) for m in markers.near(r.page, r.bbox)) for r in table.body))


_ITEM_LABELS = frozenset({"activities", "goal", "indicator", "measure", "assignment", "sub_goal"})


def key_table(table: Table) -> bool:
    """A key to the statuses or assessments in words ("Status | Innebörd", "Bedömning | Antal
    mål"): every body row led by a status or assessment name alone, beside its meaning or a count,
    and no column named for goals, activities or indicators. No row of it is an item."""
    from planparse import vocabulary

    if len(table.body) < 2 or any(
            (m := vocabulary.match_label(h)) is not None and m.value in _ITEM_LABELS for h in table.header[1:]):
        return False
    firsts = [next((c.text.strip() for c in r.cells if c.text.strip()), "") for r in table.body]
    known = [t for t in firsts if len(t.split()) <= 4 and vocabulary.marker_confidence(t) >= 0.9]
    # or codes beside the names they stand for ("Stat. | Betydelse": "1 | Ej påbörjad", "EP | Ej påbörjad")
    coded = [ts for r in table.body if len(ts := [c.text.strip() for c in r.cells if c.text.strip()]) == 2
             and re.fullmatch(r"[A-ZÅÄÖ]{1,3}|\d", ts[0]) and vocabulary.marker_confidence(ts[1]) >= 0.9]
    return len(known) >= 2 and len(known) >= len(firsts) - 1 or len(coded) >= 2 and len(coded) == len(table.body)


def glossary(table: Table) -> bool:
    """A list of abbreviations ("Förk. | Betydelse": "Akt. | Aktivitet", "KF | Kommunfullmäktige"),
    its header row one of them where the list goes on from the page before: no content."""
    rows = [[c.text.strip() for c in r.cells if c.text.strip()] for r in table.rows]
    spelled = [ts for ts in rows if len(ts) >= 2 and len(ts[0]) <= 12 and len(ts[1]) > len(ts[0])
               and (ts[0].endswith(".") or ts[0][:2].isupper()) and fold(ts[1])[:1] == fold(ts[0])[:1]]
    return len(spelled) >= 3 and len(spelled) * 4 >= len(rows) * 3


def colour_key(text: str) -> bool:
    """Whether ``text`` is one entry of a key in words and nothing else ("Grön: Uppfyllt",
    "Röd punkt = Ej påbörjad"): a colour word and a status or assessment name."""
    folded = plain(text).strip(" .")
    m = _COLOUR_WORD.match(folded)
    return m is not None and m.end() >= len(folded) and vocabulary.marker_confidence(m.group(2)) >= 0.8
