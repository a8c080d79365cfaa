"""OCR'd headings in about the body's size, told by the leading around them (bold is lost in
OCR and letters' boxes give sizes a point apart): lines set apart above and below, titles
wrapped tighter than the text, and a title's shape."""

from __future__ import annotations

import re
import statistics

from planparse import vocabulary
from planparse.reading.model import Document, Line
from planparse.text.assemble import ends_open


def heading_shaped(text: str, words: int = 12, open_end: bool = True) -> bool:
    """A title's shape: 2 to ``words`` words, capitalised, no sentence's end (nor, unless ``open_end``,
    a word no title ends with: "… i samverkan med"), no status word ("Ej påbörjad": an icon's text)."""
    if not 2 <= len(text.split()) <= words or text.endswith((".", ",", ";", ":")) or not text[:1].isupper() or (
            not open_end and ends_open(text)):
        return False
    status = vocabulary.match_status(text)
    return status is None or status.confidence < 0.8


def alone_lines(doc: Document) -> tuple[set[int], set[int]]:
    """OCR'd lines that stand alone: further under the line above than a paragraph's first
    line is (1.8 times the text's line pitch or more) and further above the next than a line of
    text (1.3 pitches): a heading in body-size type, which the letters alone cannot tell. So is
    a line of a few words set apart above (1.5 pitches) with a vocabulary label alone on one of
    the two lines under it (these also in the second set: one word is title enough there)."""
    alone: set[int] = set()
    owners: set[int] = set()
    for page in doc.pages:
        lines = sorted((ln for ln in page.lines if ln.method != "native"), key=lambda ln: ln.bbox[1])
        steps = [b.bbox[1] - a.bbox[1] for a, b in zip(lines, lines[1:], strict=False) if b.bbox[1] - a.bbox[1] > 2]
        if len(steps) < 5:
            continue
        pitch = sorted(steps)[len(steps) // 3]  # a line's step within a paragraph: the gaps between them are more
        for k, (above, line, below) in enumerate(zip(lines, lines[1:], lines[2:], strict=False)):
            if line.bbox[1] - above.bbox[1] >= 1.8 * pitch and below.bbox[1] - line.bbox[1] >= 1.3 * pitch:
                alone.add(id(line))
            elif line.bbox[1] - above.bbox[1] >= 1.5 * pitch and len(line.text.split()) <= 6 and any(
                    label_alone(x.text) for x in lines[k + 2 : k + 4]):
                # set apart above, a field's label under it or under one line after it: the
                # field's owner ("Lokalförsörjning" / a paragraph / "Prioriterad utveckling")
                alone.add(id(line))
                owners.add(id(line))
    return alone, owners


_NEXT_SENTENCE = re.compile(r"\w[.!?] [A-ZÅÄÖ]")


def _step_down(a: Line, b: Line) -> float | None:
    """The step from ``a``'s middle down to ``b``'s, when ``b`` is the next line of its column."""
    x, y = a.bbox, b.bbox
    step = (y[1] + y[3] - x[1] - x[3]) / 2
    return step if step > 2 and abs(x[0] - y[0]) < 0.05 * (x[2] - x[0] + y[2] - y[0]) else None


def _wrapped(line: Line, lines: list[Line]) -> bool:
    """A title's line that wrapped: it reaches most of the way across its column (as far as
    most lines starting where it starts reach); a short heading over a label ("Normer och värden" / "Mål") does not."""
    ends = sorted(o.bbox[2] for o in lines if abs(o.bbox[0] - line.bbox[0]) < 5)
    right = ends[int(0.8 * (len(ends) - 1))]  # (not a title over both columns)
    return line.bbox[2] - line.bbox[0] >= 0.6 * (right - line.bbox[0])


def tight_titles(doc: Document) -> tuple[set[int], set[int]]:
    """OCR'd titles in about the body's size told by their leading: two or more lines of a
    column set tighter than its running text (a heading's line height; the steps under 0.88 of
    the text's pitch and at least 0.15 of it under the step to the line below), space above
    them, wrapped (each line but the last across most of the column), no label (nor a run-in
    one: "Mål ur Läroplanen: Förskolan ska ge …"), no sentence's end; and the first line under each, its text. (Bold is lost in OCR.)
    With those, a line whose sentence goes on in lower case on the next line of its column and
    ends there before another starts: a paragraph's first line, whatever size it read as."""
    titles: set[int] = set()
    under: set[int] = set()
    for page in doc.pages:
        lines = [ln for ln in page.lines if ln.method != "native"]  # (in reading order: column by column)
        downs = [_step_down(a, b) for a, b in zip(lines, lines[1:], strict=False)] + [None]
        steps = [s for s in downs if s is not None]
        if len(steps) < 5:
            continue
        pitch = statistics.median(steps)
        k = 0
        while k < len(lines):
            j = k
            while (s := downs[j]) is not None and s < 0.88 * pitch:
                j += 1
            run, after, before = lines[k:j + 1], downs[j], downs[k - 1] if k else None
            if len(run) >= 2 and after is not None and all(_wrapped(ln, lines) for ln in run[:-1]) \
                    and not any(label_alone(ln.text) or ":" in ln.text for ln in run) and after - max(downs[i] or 0.0 for i in range(k, j)) >= 0.15 * pitch \
                    and (before is None or before >= 1.15 * pitch) and heading_shaped(run[0].text) \
                    and not run[-1].text.rstrip().endswith((".", "!", "?", ":", ";")) and sum(len(ln.text.split()) for ln in run) <= 20:
                titles.update(id(ln) for ln in run)
                if _wrapped(lines[j + 1], lines):  # (a short heading under it, "Medborgarservice", is none)
                    under.add(id(lines[j + 1]))
            k = j + 1
        for k, ln in enumerate(lines[:-1]):  # a paragraph's first line read large: its sentence goes on below, ends, another starts
            nxt = lines[k + 1].text
            if downs[k] is not None and nxt[:1].islower() and _NEXT_SENTENCE.search(nxt) and not ln.text.rstrip().endswith((".", ":")):
                under.add(id(ln))
    return titles, under


def label_alone(text: str) -> bool:
    """A vocabulary label alone on its line ("Grunduppdrag", "Prioriterad utveckling 2022")."""
    words = text.strip().rstrip(":").split()
    if not 1 <= len(words) <= 3 or not text[:1].isupper():
        return False
    m = vocabulary.match_label(" ".join(words))
    return m is not None and m.confidence >= 0.85
