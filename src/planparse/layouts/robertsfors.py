"""Robertsfors-style "Kommunstyrelsens verksamhetsplan <år>" (a Word template).

Layout (see fixtures/README.md, "## robertsfors"): a cover with a document-information grid
(label row / value row twice: Dokumentnamn | Dokumenttyp | Fastställt | Senast reviderad |
Giltighetstid, Dokumentansvarig | Beslutsinstans | Diarienummer | Version | Dokumentet gäller
för), numbered prose chapters ("1.0", "1.1", "2.0" with "<Kommun>s vision är:" and
"<Kommun>s värdegrund är:" display lines), then goal areas "3.N <CAPITALS>" with a
"Strategi mål:" paragraph, prose, "Anknyter till FN:s globala mål …" (icons), and
"Uppdrag 3.N.M" sections: the assignment text, the labelled blocks Processägare, Parter,
Genomförande, Uppföljning (bold label on its own line, value below, any order, any missing)
and an indicator table ``Indikator | <år-1> | Källa | Mått | Utfall <år>``.
"""

from __future__ import annotations

import re
from collections import Counter

from planparse.layouts import register
from planparse.layouts.base import (
    YEAR,
    Builder,
    Fingerprint,
    LayoutParser,
    Signal,
    numbered,
)
from planparse.layouts.fingerprint import NUM
from planparse.layouts.front_info import cover_grid
from planparse.layouts.spec import LayoutSpec
from planparse.model import (
    GoalLevel,
    Municipality,
    Period,
    PeriodKind,
)
from planparse.municipalities import lookup
from planparse.reading.model import Document, Line
from planparse.text.assemble import join_lines
from planparse.text.fold import fold

_KOMMUN = re.compile(r"^(\S.*?\s+kommun)$")
_VISION = re.compile(r"\bvision\s+ar\s*$")
_VALUES = re.compile(r"\bvardegrund\s+ar\s*$")
# ----------------------------------------------------------------------------- parser


SPEC = LayoutSpec(
    name="robertsfors_vp",
    levels={2: GoalLevel.goal_area, 3: GoalLevel.goal},
    min_depth=2,
    max_depth=2,
    labels={"strategi mal": "strategic_goal", "strategiskt mal": "strategic_goal", "processagare": "owner", "ansvarig forvaltning": "owner"},
    facts=lambda doc, out: _front_matter(doc, out),
    paragraph_gap=None,
    closes_field=("anknyter till fn s globala mal",),
)


@register
class RobertsforsParser(LayoutParser):
    name = "robertsfors_vp"
    version = "1"
    spec = SPEC
    description = (
        "Verksamhetsplan (Word template): document grid, '3.N' goal areas with 'Strategi mål:', "
        "'Uppdrag 3.N.M' with Processägare/Parter/Genomförande/Uppföljning blocks and an "
        "'Indikator | år | Källa | Mått | Utfall år' table."
    )
    fingerprint = Fingerprint(
        # (an OCR'd layer may lose one of the number's dots: "Uppdrag 31.1")
        required=(Signal(rf"^(uppdrag {NUM} {NUM} {NUM}|uppdrag [\do]{{2}} {NUM}|{NUM} {NUM} {NUM} uppdrag)$", 2,
                         "H3 'Uppdrag N.N.N' or 'N.N.N Uppdrag'"),),
        signals=(
            Signal(
                r"^indikator(er)? [\do]{4} kalla matt utfall [\do]{4}$",
                2,
                "indicator table header 'Indikator | år | Källa | Mått | Utfall år'",
            ),
            Signal(r"^strategi ?mal \w", 1.5, "'Strategi mål:' paragraph"),
            Signal(r"^(processagare|ansvar)$", 1, "label line 'Processägare' or 'Ansvar'"),
            Signal(r"^parter$", 0.5, "label line 'Parter'"),
            Signal(r"^genomforande$", 0.5, "label line 'Genomförande'"),
            Signal(r"^uppfoljning$", 0.5, "label line 'Uppföljning'"),
            Signal(r"^anknyter till fn s globala mal", 1, "'Anknyter till FN:s globala mål'"),
            Signal(
                r"^dokumentnamn dokumenttyp faststallt\b",
                1,
                "document-information grid, first label row",
            ),
            Signal(
                r"^dokumentansvarig beslutsinstans diarienummer\b", 0.5, "grid, second label row"
            ),
            Signal(r"\bvision ar$", 0.5, "'<Kommun>s vision är:'"),
        ),
    )


def _front_matter(doc: Document, out: Builder) -> None:
    _read_municipality(doc, out)
    _read_grid(doc, out)
    _read_display(doc, out)


def _read_display(doc: Document, out: Builder) -> None:
    """The paragraph under "<Kommun>s vision är:" and "<Kommun>s värdegrund är:": its first
    line, and the lines below in the same style that continue it."""
    flow = [b for b in doc.flow() if isinstance(b, Line)]
    for i, line in enumerate(flow):
        kind = _display_label(line)
        if kind is None:
            continue
        lines: list[Line] = []
        for nxt in flow[i + 1 :]:
            prev = lines[-1] if lines else None
            if _display_label(nxt) or numbered(nxt.text) or (prev is not None and not (
                nxt.page == prev.page and nxt.y0 - prev.bbox[3] < 0.5 * max(nxt.size, 1)
                and (nxt.italic, nxt.bold) == (prev.italic, prev.bold) and abs(nxt.size - prev.size) < 0.3
            )):
                break
            lines.append(nxt)
        if lines:
            text = join_lines([ln.text for ln in lines])
            if kind == "vision":
                out.vision = text
            else:
                out.metadata.extra["Värdegrund"] = text


def _display_label(line: Line) -> str | None:
    folded = fold(line.text)
    return "vision" if _VISION.search(folded) else "values" if _VALUES.search(folded) else None


def _read_municipality(doc: Document, out: Builder) -> None:
    """The name as the running header prints it ("Vindelns kommun"), the code by lookup."""
    names: Counter[str] = Counter()
    for page in doc.pages[1:]:
        for ln in page.noise:
            m = _KOMMUN.match(ln.text.strip())
            if m and lookup(m.group(1), fuzzy=False):
                names[m.group(1)] += 1
    if not names:
        out.warn("municipality_header", "no '<Kommun> kommun' running header; name guessed")
        return
    name = names.most_common(1)[0][0]
    kommun = lookup(name, fuzzy=False)
    assert kommun is not None
    out.municipality = Municipality(name=name, code=kommun.code)


def _read_grid(doc: Document, out: Builder) -> None:
    """Title, organ, document type, year, period and metadata from the cover grid."""
    meta = cover_grid(doc, out)
    if meta.document_name:
        out.title = meta.document_name
        y = YEAR.search(meta.document_name)
        if y:
            out.year = int(y.group(1))
    if out.year is None and meta.valid_until:
        y = YEAR.search(meta.valid_until)
        out.year = int(y.group(1)) if y else None
    if meta.decided_by:
        out.organ = meta.decided_by
    if out.year is not None:
        out.period = Period(kind=PeriodKind.year, number=None)
