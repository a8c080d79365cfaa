"""Status and assessment from graphics: filled vector shapes and small raster icons.

A marker's colour is named (green, yellow, red, grey, blue) and mapped to the canonical value through
the document's legend when it has one ("Teckenförklaring", or an icon beside a vocabulary status), else:

- green: uppfyllt / enligt plan (klar with a check mark, or in a year-end report without any);
- yellow or orange: delvis uppfyllt / avvikelse;
- red: ej uppfyllt / försenad;
- grey or white: ej bedömd / ej påbörjad;
- blue: klar (a status only).

A colour that neither the legend nor the convention maps (purple, pink) gives no value; the owner's
icon is then reported with a warning (``icon_unmapped``) that names the page.

An icon on a page without colour (a grayscale scan) has only a grey tone: a legend of the same
tones maps it (:mod:`planparse.layouts.marker`), nothing else does. The icon pass
(:mod:`planparse.layouts.icon_pass`) gives icons to owners still without one after any walk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planparse import vocabulary
from planparse.layouts.cell_fills import cell_fills
from planparse.layouts.drawn_icons import drawn_shapes, plain_icons, step_markers
from planparse.layouts.glyph_markers import glyph_markers
from planparse.layouts.legend_rows import legend_kind, legend_rows
from planparse.layouts.marker import (
    TONE_CONFIDENCE,
    Marker,
    ShadeLegend,
    ToneLegend,
    by_look,
    closed_shade,
    dedupe,
    drop_theme_bullets,
    marker_key,
    vector_bars,
    words_after,
    wrapped_rest,
)
from planparse.layouts.scales import scale_legend
from planparse.model import (
    Activity,
    Assessment,
    AssessmentValue,
    DocumentType,
    Goal,
    MarkerSource,
    Status,
    StatusValue,
)
from planparse.reading.model import BBox, Document, Line, Row, within
from planparse.text.fold import plain
from planparse.vocabulary import Match

_ASSESSMENT = {
    "green": AssessmentValue.fulfilled,
    "yellow": AssessmentValue.partially_fulfilled,
    "red": AssessmentValue.not_fulfilled,
    "grey": AssessmentValue.not_assessed,
}
_STATUS = {
    "green": StatusValue.in_progress,
    "yellow": StatusValue.in_progress_deviation,
    "red": StatusValue.in_progress_deviation,
    "grey": StatusValue.not_started,
    "blue": StatusValue.completed,
}
_YEAR_END = {DocumentType.arsbokslut, DocumentType.arsredovisning, DocumentType.verksamhetsberattelse}
CONVENTION_CONFIDENCE = 0.75
LEGEND_CONFIDENCE = 0.95
_COLOUR_WORDS = {"gron": "green", "gul": "yellow", "orange": "yellow", "rod": "red", "gra": "grey", "vit": "grey",
                 "bla": "blue", "lila": "purple"}  # a legend's colour words in text (folded), the label after "=" or ":"
# (a shape may follow the colour: "Grön punkt = Klar", "Gul stapel = Delvis uppfyllt")
_SHAPE = r"(?:\s+(?:punkt|prick|cirkel|ruta|fyrkant|stapel|markering|symbol|ring|boll|triangel|pil))?"
_COLOUR_WORD = re.compile(rf"\b(gron|gul|orange|rod|gra|vit|bla|lila){_SHAPE}\)?\s*(?:=|:|–|-)\s*([^,;=]+?)"
                          rf"(?=[,;]|\.\s|\s+(?:gron|gul|orange|rod|gra|vit|bla|lila){_SHAPE}\s*(?:=|:|–|-)|$)")


_WORDED_COLOUR = re.compile(r"(gron|gul|ro[dt]|gra)t?")  # "Grönt", "Gult", "Rött": a colour as the value itself


@dataclass
class Markers:
    """Every icon and progress bar of a document, and the legend that names their colours."""

    by_page: dict[int, list[Marker]] = field(default_factory=dict)
    # keyed by colour and check mark: a legend may name a green disc and one with a check mark apart
    legend_status: dict[tuple[str, bool], StatusValue] = field(default_factory=dict)
    legend_assessment: dict[tuple[str, bool], AssessmentValue] = field(default_factory=dict)
    legend_entries: set[tuple[int, float, float]] = field(default_factory=set)  # (page, x0, y0)
    legend_tones: ToneLegend = field(default_factory=ToneLegend)  # a legend's grey icons
    legend_shades: ShadeLegend = field(default_factory=ShadeLegend)
    year_end: bool = False
    green_checks: bool = False  # some green icon has a check mark: the mark, not the year, says done
    theme: set[int] = field(default_factory=set)  # the colours of a theme's bullets (no statuses)
    spent: set[tuple[int, float, float]] = field(default_factory=set)  # an indicator table's values (a trend's arrow)
    scale: dict[int, Match] = field(default_factory=dict)  # the steps of a rating's scale (scales.scale_legend)

    @classmethod
    def of(cls, doc: Document, document_type: DocumentType) -> Markers:
        """The document's markers (worked out once per document and type: the walk and the
        icon pass after it both ask)."""
        key = (cls, document_type)
        found = doc.derived.get(key)
        if found is None:
            found = doc.derived[key] = cls._of(doc, document_type)
        return found  # type: ignore[no-any-return]

    @classmethod
    def _of(cls, doc: Document, document_type: DocumentType) -> Markers:
        out = cls(year_end=document_type in _YEAR_END, scale=scale_legend(doc))
        rows: dict[int, list[Row]] = {}  # the document's table rows by their own page, in order
        trends: dict[int, list[BBox]] = {}  # a "Trend" column's body cells: an arrow there says no status
        for t in (t for page in doc.pages for t in page.tables):
            head: Row | None = None
            for r in t.rows:
                rows.setdefault(r.page, []).append(r)
                head = r if r.is_header else head
                if head is not None and r is not head:
                    trends.setdefault(r.page, []).extend((c.bbox[0], r.bbox[1], c.bbox[2], r.bbox[3]) for c in head.cells
                                                         if plain(c.text).startswith("trend"))
        for page in doc.pages:
            bars = vector_bars(page.number, page.drawings)
            steps, step_parts = step_markers(page)
            found = plain_icons(page, bars, step_parts)
            glyphs = glyph_markers(page, rows.get(page.number, []))
            found.extend([m for m, _ in glyphs] + [m for m in drawn_shapes(page) if all(m.bbox != b.bbox for b in steps)] + bars + steps)
            found.extend(cell_fills(page))
            found = [m for m in found if not any(within(m.bbox, a, 1) for a in trends.get(page.number, []))]
            out.green_checks = out.green_checks or any(m.color == "green" and m.mark for m in found)
            if found:
                out.by_page[page.number] = dedupe(sorted(found, key=lambda m: (m.bbox[1], m.bbox[0])))
            out._read_legend([*page.lines, *page.noise], found)  # (a legend repeated atop each page is a running line)
            out._read_glyph_legend(glyphs + legend_rows(rows.get(page.number, []), found))
            out._read_colour_words(page.lines)
        out.theme = drop_theme_bullets(out.by_page, {c for c, _ in [*out.legend_status, *out.legend_assessment]})
        return out

    def _read_colour_words(self, lines: list[Line]) -> None:
        """A legend in words: "Teckenförklaring: grön = uppfyllt, gul = delvis uppfyllt"."""
        for ln, nxt in zip(lines, [*lines[1:], None], strict=False):  # (no lines: no pairs)
            text = ln.text if nxt is None or nxt.page != ln.page else f"{ln.text} {nxt.text}"  # (a key runs on: "grön –" / "målet nås")
            if "=" not in text and ":" not in text and "–" not in text:  # (folding makes none)
                continue
            text = plain(text)
            for m in _COLOUR_WORD.finditer(text):
                colour, label = _COLOUR_WORDS[m.group(1)], re.sub(r"\([^)]*\)", "", m.group(2)).strip(" .·•")
                if len(label) > 60:
                    continue
                # "Klar / Uppfyllt": an activity's status and a goal's assessment in one entry
                parts = [label, *(part.strip() for part in label.split(" / "))] if " / " in label else [label]
                s = next((found for part in parts if (found := vocabulary.match_status(part)) is not None), None)
                a = next((found for part in parts if (found := vocabulary.match_assessment(part)) is not None), None)
                if s is not None:
                    self.legend_status.setdefault((colour, False), StatusValue(s.value))
                if a is not None:
                    self.legend_assessment.setdefault((colour, False), AssessmentValue(a.value))

    def _read_glyph_legend(self, glyphs: list[tuple[Marker, str]]) -> None:
        """A coloured glyph followed on its line by a status or assessment name ("● Enligt plan
        ● Avvikelse"), the name being the text up to the next glyph, or an icon of a legend
        table's row with a name in its next cells (:mod:`planparse.layouts.legend_rows`)."""
        for m, after in glyphs:
            label = after.split("=")[-1].strip(" :–-")
            if (m.color is not None or m.steps is not None) and label:
                self._legend_entry(m, label)

    def _legend_entry(self, m: Marker, label: str) -> None:
        """``m`` names the status or assessment ``label`` reads as, if any: a legend entry."""
        if m.steps is not None and m.bar is None and (a := vocabulary.match_assessment(label)) is not None:
            self.scale.setdefault(m.steps[0], a)  # a Harvey ball's step (legend: each ball beside its name)
            self.legend_entries.add(marker_key(m))
        if (m.color is None and m.tone is None) or len(label) > 60:
            return
        if (said := _COLOUR_WORD.match(plain(label))) and _COLOUR_WORDS[said[1]] != m.color:
            return  # "grön: målet är uppfyllt" after a blue bullet: the words name the colour, the bullet is none
        kind, label = legend_kind(label)  # ("Mål: Uppfyllt" names an assessment only)
        s, a = (vocabulary.match_legend(k, label) if kind in (None, k) else None for k in ("statuses", "assessments"))
        if m.color is None:
            if m.tone is not None and (s is not None or a is not None) and marker_key(m) not in self.legend_entries:
                self.legend_tones.add(m.tone, m.mark, s.value if s else None, a.value if a else None, label)
                self.legend_entries.add(marker_key(m))
            return
        if s is not None:
            self.legend_status.setdefault((m.color, m.mark), StatusValue(s.value))
        if a is not None:
            self.legend_assessment.setdefault((m.color, m.mark), AssessmentValue(a.value))
        if s is not None or a is not None:
            self.legend_entries.add(marker_key(m))
            if m.rgb is not None:
                self.legend_shades.entries.append((m.rgb, m.mark, s.value if s else None, a.value if a else None))

    def _read_legend(self, lines: list[Line], markers: list[Marker]) -> None:
        """An icon followed on its line by a status or assessment name is a legend entry. A
        line may hold several icons, each before its name ("Teckenförklaring: ● Enligt plan ●
        Avvikelse"; on an OCR'd line each icon also read as a glyph): the name is the words
        after the icon up to the next one."""
        boxed = [(ln, ln.bbox) for ln in lines] if markers else []
        for m in markers:
            if (m.color is None and m.tone is None and m.steps is None) or m.bar is not None:
                continue
            cy = (m.bbox[1] + m.bbox[3]) / 2
            band = [ln for ln, b in boxed if b[1] - 2 <= cy <= b[3] + 2]  # (nearest: a legend table's next cell)
            row = [o for o in markers if o is not m and o.bbox[1] - 2 <= cy <= o.bbox[3] + 2]
            nearest = min((ln for ln in band if 0 <= ln.bbox[0] - m.bbox[2] < 80), key=lambda ln: ln.bbox[0], default=None)
            for ln in band:
                x0, _, x1, _ = ln.bbox
                if 0 <= x0 - m.bbox[2] < 30 or ln is nearest:
                    # (entries read as one line, "Uppfyllt ◉ Delvis uppfyllt": the name ends at the next icon)
                    label = words_after(ln, m, markers) if any(x0 < o.bbox[0] < x1 for o in row) else ""
                    self._legend_entry(m, label or ln.text.split("=")[-1].strip(" :–-"))
                elif x0 < m.bbox[0] and m.bbox[2] < x1:
                    label = words_after(ln, m, markers)
                    if vocabulary.match_status(label) is None and vocabulary.match_assessment(label) is None:
                        label = f"{label} {wrapped_rest(ln, m, lines, markers)}".strip()  # "Avslutad med" / "avvikelse"
                    self._legend_entry(m, label)

    def near(self, page: int, bbox: BBox, *, right_of: float | None = None) -> list[Marker]:
        """Markers whose vertical centre lies within ``bbox``'s band (a table row or a title
        line), left to right; only those right of ``right_of`` when given."""
        y0, y1, mid = bbox[1] - 2, bbox[3] + 2, (bbox[1] + bbox[3]) / 2
        out = [
            m for m in self.by_page.get(page, [])
            if (y0 <= (m.bbox[1] + m.bbox[3]) / 2 <= y1 or (m.tall and m.bbox[1] <= mid <= m.bbox[3]))
            and (right_of is None or m.bbox[0] >= right_of)
        ]
        return sorted(out, key=lambda m: m.bbox[0])

    def status(self, marker: Marker) -> Status | None:
        if marker.tone is not None and (hit := self.legend_tones.match(marker.tone, marker.mark, "status")):
            return Status(value=StatusValue(hit[0]), raw=f"icon: {marker.describe()}, {hit[1]}",
                          confidence=TONE_CONFIDENCE, source=MarkerSource.icon)  # fmt: skip
        if marker.color is None:
            return None
        if marker.rgb is not None and (shade := self.legend_shades.match(marker.rgb, marker.mark, "status")):
            value, conf = StatusValue(shade), LEGEND_CONFIDENCE
        elif (legend := by_look(self.legend_status, marker)) is not None:
            value, conf = legend, LEGEND_CONFIDENCE
        elif not self.legend_status and marker.rgb is not None and (step := closed_shade(marker.rgb, {
                m.rgb for ms in self.by_page.values() for m in ms if m.rgb is not None})):
            value, conf = StatusValue(step), CONVENTION_CONFIDENCE
        elif marker.color == "green" and (marker.mark or (self.year_end and not self.green_checks)):  # (see top)
            value, conf = StatusValue.completed, CONVENTION_CONFIDENCE
        elif marker.color in _STATUS:
            value, conf = _STATUS[marker.color], CONVENTION_CONFIDENCE
        else:
            return None
        return Status(value=value, raw=f"icon: {marker.color}", confidence=conf, source=MarkerSource.icon)

    def worded_assessment(self, text: str) -> Match | None:
        """An assessment written as its colour ("Måluppfyllelse: Grönt"): what the legend says of
        that colour, else the traffic light's usual reading."""
        said = _WORDED_COLOUR.fullmatch(plain(text).strip(" ."))
        colour = _COLOUR_WORDS["rod" if said[1] == "rot" else said[1]] if said is not None else None
        if colour is None or (value := self.legend_assessment.get((colour, False), _ASSESSMENT.get(colour))) is None:
            return None
        legend = (colour, False) in self.legend_assessment
        return Match(value.value, LEGEND_CONFIDENCE if legend else CONVENTION_CONFIDENCE, text)

    def assessment(self, marker: Marker) -> Assessment | None:
        if marker.steps is not None:  # a rating picture: its step on the document's scale
            step = self.scale.get(marker.steps[0]) if max(self.scale, default=0) == marker.steps[1] else None
            return None if step is None else Assessment(
                value=AssessmentValue(step.value), raw=f"icon: {marker.steps[0]} av {marker.steps[1]}",
                confidence=LEGEND_CONFIDENCE, source=MarkerSource.icon)
        if marker.tone is not None and (hit := self.legend_tones.match(marker.tone, marker.mark, "assessment")):
            return Assessment(value=AssessmentValue(hit[0]), raw=f"icon: {marker.describe()}, {hit[1]}",
                              confidence=TONE_CONFIDENCE, source=MarkerSource.icon)  # fmt: skip
        if marker.color is None:
            return None
        if marker.rgb is not None and (shade := self.legend_shades.match(marker.rgb, marker.mark, "assessment")):
            value, conf = AssessmentValue(shade), LEGEND_CONFIDENCE
        elif (legend := by_look(self.legend_assessment, marker)) is not None:
            value, conf = legend, LEGEND_CONFIDENCE
        elif marker.color in _ASSESSMENT:
            value, conf = _ASSESSMENT[marker.color], CONVENTION_CONFIDENCE
        else:
            return None
        return Assessment(value=value, raw=f"icon: {marker.color}", confidence=conf, source=MarkerSource.icon)

    def is_legend(self, marker: Marker) -> bool:
        return marker_key(marker) in self.legend_entries

    def spend(self, rows: list[Row]) -> None:
        """The markers on ``rows`` (an indicator table's) are their cells' values: no owner's icon."""
        self.spent.update(marker_key(m) for r in rows for m in self.near(r.page, r.bbox)
                          if r.bbox[0] <= m.bbox[0] and m.bbox[2] <= r.bbox[2])

    def is_spent(self, marker: Marker) -> bool:
        return marker_key(marker) in self.spent

    def mapped(self, marker: Marker, owner: Goal | Activity) -> bool:
        """Whether the marker's colour gives the owner a value (legend or convention)."""
        if isinstance(owner, Activity):
            return self.status(marker) is not None
        return self.assessment(marker) is not None
