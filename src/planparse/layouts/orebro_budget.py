"""Örebro-style "Kommunstyrelsens plan med budget": a prose-heavy plan with unnumbered headings.

Layout (see fixtures/README.md, "orebro_budget"): a cover (municipality band, title,
"<Organ> i <Kommun>", "Förslag till beslut i <organ> den <date>, § N", contents), then body
pages whose headings carry no numbers and are told apart by style alone; focus areas are
styled headings with "Grunduppdrag" and "Prioriterad utveckling <år>" under them, goals are
"Mål för …" headings or "Mål:" paragraphs, one of them followed by a Tot/K/M indicator table;
budget amounts stand in bullets ("Sociala investeringar 11,3 mnkr."). The layout engine reads
all of it; this module declares the family and reads its cover.
"""

from __future__ import annotations

import re

from planparse.layouts import register
from planparse.layouts.base import YEAR, Builder, Fingerprint, LayoutParser, Signal
from planparse.layouts.facts import front_lines
from planparse.layouts.headings import Typography
from planparse.layouts.spec import LayoutSpec
from planparse.model import DocumentType, GoalLevel, Period, PeriodKind
from planparse.municipalities import find_in_text
from planparse.reading.model import Document
from planparse.text.assemble import join_lines
from planparse.text.fold import fold
from planparse.text.numbers import parse_date

_DECISION = re.compile(
    r"^(?P<status>(?:Förslag till )?[Bb]eslut(?:at)?)\s+i\s+(?P<by>.+?)\s+den\s+"
    r"(?P<date>\d{1,2}\s+\w+\s+\d{4})\s*,?\s*(?P<par>[§$]\s*\d+)?"  # (an OCR reads § as $)
)
_ORGAN_LINE = re.compile(r"^(?P<organ>[A-ZÅÄÖ][\wåäöÅÄÖ -]+?)\s+i\s+(?P<kommun>.+)$")
_VISION_HEADING = re.compile(r"\b(fardriktning|vision)\b")


def read_cover(doc: Document, out: Builder) -> None:
    """The cover's title, decision line and "<Organ> i <Kommun>", and the vision: the heading
    right under the chapter that names the direction ("färdriktning") or the vision."""
    out.document_type = DocumentType.plan_och_budget
    out.unit = None
    out.period = Period(kind=PeriodKind.year, number=None)
    cover = front_lines(doc, 1)
    if cover:
        top = max(ln.size for ln in cover)
        # (an OCR'd line's size is told from its box: a title's two lines come out a point apart)
        slack = 0.5 if cover[0].method == "native" else max(0.5, 0.08 * top)
        out.title = join_lines([ln.text for ln in cover if ln.size >= top - slack]).rstrip(" .").lstrip(" )]|:;,.")
        years = YEAR.findall(out.title)
        if years:
            out.year = int(years[-1])
    for ln in cover:
        if m := _DECISION.match(ln.text):
            out.metadata.decided_by = m["by"]
            out.metadata.decided_on = parse_date(m["date"])
            if m["par"]:
                out.metadata.extra["paragraph"] = re.sub(r"[§$]\s*", "§ ", m["par"])
            out.metadata.extra["decision_status"] = m["status"]
        elif (m2 := _ORGAN_LINE.match(ln.text)) and len(ln.text) < 80 and find_in_text(m2["kommun"]):
            out.organ = m2["organ"]
    if out.metadata.decided_by and not out.organ:
        out.organ = out.metadata.decided_by
    typo = Typography.of(doc)
    lines = [ln for p in doc.pages for ln in p.lines]
    for i, ln in enumerate(lines[:-1]):
        if typo.rank(ln) == 2 and _VISION_HEADING.search(fold(ln.text)):
            below = next((x for x in lines[i + 1 :] if typo.rank(x) < 2), None)
            if below is not None and typo.rank(below) == 1:
                out.vision = below.text
            break


SPEC = LayoutSpec(
    name="orebro_budget",
    levels={1: GoalLevel.focus_area, 2: GoalLevel.goal},
    labels={"grunduppdrag": "description", "grunduppdraget": "description"},
    expects=("priority_development",),
    facts=read_cover,
)


@register
class OrebroBudgetParser(LayoutParser):
    name = "orebro_budget"
    version = "2"
    spec = SPEC
    description = "Plan med budget: unnumbered styled headings, Grunduppdrag / Prioriterad utveckling, Tot/K/M table."
    fingerprint = Fingerprint(
        required=(Signal(
            r"^prioriterad utveckling(?:(?: under| for| infor)? \w{4})?\W*$", 2.0,
            "'Prioriterad utveckling [under] [<år>]' headings",
        ),),
        signals=(
            Signal(r"^grunduppdrag(et)?$", 1.0, "'Grunduppdrag' labels"),
            Signal(r"^indikatorer tot k m utfall", 1.5, "indicator table 'Indikatorer | Tot K/M | Utfall …'"),
            Signal(r"^forslag till beslut i .+ den ", 1.0, "cover line 'Förslag till beslut i … den …'"),
            Signal(r"\w (mnkr|tkr)\b", 0.5, "amounts in mnkr/tkr"),
            Signal(r"^mal for \w", 0.5, "'Mål för …' headings"),
        ),
    )
