"""Layout detection: a family's fingerprint is weighted evidence found in the folded text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planparse.layouts.signal_search import searcher
from planparse.reading.model import Document


@dataclass
class Detection:
    """How well one layout family fits a document, and on which evidence."""

    name: str
    score: float
    evidence: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Signal:
    """A piece of evidence for a layout: a regex over the folded document text."""

    pattern: str
    weight: float
    note: str

    def found(self, folded_text: str) -> bool:
        return searcher(self.pattern).found(folded_text)


@dataclass(frozen=True)
class Fingerprint:
    """A layout's detection fingerprint. The score is the matched share of signal weight;
    a missing ``required`` signal caps it at 0.3."""

    signals: tuple[Signal, ...]
    required: tuple[Signal, ...] = ()

    def score(self, doc: Document) -> Detection:
        text = folded_text(doc)
        total = sum(s.weight for s in self.signals + self.required)
        got = 0.0
        evidence = []
        missing_required = False
        for k, s in enumerate(self.required + self.signals):
            if s.found(text):
                got += s.weight
                evidence.append(f"+{s.weight:g} {s.note}")
            else:
                evidence.append(f" 0 (missing) {s.note}")
                missing_required = missing_required or k < len(self.required)
        score = got / total if total else 0.0
        if missing_required:
            score = min(score, 0.3)
        return Detection(name="", score=round(score, 3), evidence=evidence)


def folded_text(doc: Document) -> str:
    """The document's body text, one line per line, folded to its OCR skeleton; on an OCR'd
    document followed by its table header rows as the vocabulary reads them (see
    :func:`_read_header_rows`)."""
    if all(p.text_layer == "native" for p in doc.pages):
        return doc.folded_text
    key = ("fingerprint_header_rows",)
    extra = doc.derived.get(key)
    if extra is None:
        extra = doc.derived[key] = _read_header_rows(doc)
    return doc.folded_text + extra  # type: ignore[no-any-return]


_SURE_LABEL = 0.85


def _read_header_rows(doc: Document) -> str:
    """Each OCR'd row of two column labels or more, fuzzily matched ("erksamhetens aktviteter
    [status | sutdatum"), as the labels it names ("\nverksamhetens aktiviteter | status |
    slutdatum"): a family's signal names its header by the vocabulary's words, which an OCR'd
    layer rarely gives letter for letter."""
    from planparse import vocabulary
    from planparse.reading import positioned as pos
    from planparse.text.fold import fold

    found: list[str] = []
    for page in doc.pages:
        if page.text_layer == "native":
            continue
        rows = [[c.text for c in t.rows[0].cells] for t in page.tables if t.rows]
        rows += [[pos._label(p) for p in pos._phrases(vr)] for vr in pos.visual_rows(page.lines)]
        for labels in rows:
            matched = [m.matched for t in labels if (m := vocabulary.match_label(t)) is not None and m.confidence >= _SURE_LABEL]
            if len(matched) >= 2:
                found.append(" | ".join(fold(m) for m in matched))
    return "".join(f"\n{line}" for line in found)


# Between two labels of one header row: spaces, a cell border, or a line break (unruled
# headers are read cell by cell).
SEP = r"[\s|]+"

# A one- or two-digit number in folded text: fold() turns "6" into "o" (an OCR misreading it
# undoes), so a heading number "3.6" folds to "3 o".
NUM = r"[\do]{1,2}"


def label(value: str, wrapped: bool = False) -> str:
    """A regex group for every variant of the vocabulary label ``value``, folded the way the
    fingerprint's text is (longest first), so a family's signal names a column by its role
    ("aktivitet", "verksamhetens aktiviteter", "åtgärder") and not by one document's word.
    ``wrapped`` also accepts a many-word label's first word alone: the rest wrapped onto the
    cell's next line, which the text gives after the row's other labels."""
    from planparse import vocabulary
    from planparse.text.fold import fold

    found = {fold(v) for v in vocabulary.vocabulary()["labels"][value]}
    if wrapped:  # a header cell's label wrapped onto a second line, read after the row's other labels
        found |= {v.split()[0] for v in found if len(v.split()) > 1 and len(v.split()[0]) >= 6}
    variants = sorted(found, key=lambda v: (-len(v), v))
    return "(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in variants) + ")"
