"""Run-in headings: a paragraph that opens with a bold sentence, its text going on in the
regular face on the same line ("**Föreningslivet ska ha goda villkor.** Antalet aktiva …").

The bold sentence is the paragraph's heading and the rest its body, so the line is parted
where the weight changes after a full stop: the bold words a line of their own (a wrapped
heading's earlier lines, all bold, stand right above it, its closing full stop dropped), the
regular words another. Only a
native layer's fonts tell the weight apart.
"""

from __future__ import annotations

from planparse.reading.model import Line, Span

MIN_WORDS = 2  # words of a bold head (a lone bold word is emphasis, no heading)


def split_heads(lines: list[Line]) -> list[Line]:
    """``lines`` with each run-in heading's line parted into its bold head and its regular rest."""
    out: list[Line] = []
    prev: Line | None = None
    for k, ln in enumerate(lines):
        cut = _head_end(ln) if _opens_paragraph(prev, ln) else None
        if cut is not None and not (prev is not None and prev.bold and _right_above(prev, ln)) \
                and len("".join(s.text for s in ln.spans[:cut]).split()) < MIN_WORDS:
            cut = None
        if cut is None and _opens_paragraph(prev, ln) and k + 1 < len(lines) and _runs_on(ln, lines[k + 1], lines) \
                and not (prev is not None and prev.text.rstrip().endswith(":")):  # (a statement a lead-in quotes: "Vår vision är:")
            out.append(Line(spans=_unstopped(ln.spans), page=ln.page, method=ln.method))  # the head fills its line
        elif cut is None:
            out.append(ln)
        else:
            out.append(Line(spans=_unstopped(ln.spans[:cut]), page=ln.page, method=ln.method))
            out.append(Line(spans=_stripped(ln.spans[cut:]), page=ln.page, method=ln.method))
        prev = ln
    return out


def _head_end(line: Line) -> int | None:
    """The index of the first regular span after a bold head ending in a full stop, if ``line``
    opens with one and goes on in the regular face, capitalised as a new sentence."""
    if line.method != "native" or len(line.spans) < 2 or not line.spans[0].bold:
        return None
    cut = next((k for k, s in enumerate(line.spans) if not s.bold), None)
    if cut is None:
        return None
    head = "".join(s.text for s in line.spans[:cut]).strip()
    rest = "".join(s.text for s in line.spans[cut:]).strip()
    if not head.endswith(".") or any(s.bold for s in line.spans[cut:]) or not rest[:1].isupper():
        return None
    if any(s.italic for s in line.spans) or abs(line.spans[cut].size - line.spans[0].size) > 0.3:
        return None
    return cut


FILLED = 0.88  # of the widest line starting where it starts: a line this wide filled its measure


def _runs_on(head: Line, nxt: Line, lines: list[Line]) -> bool:
    """Whether ``head``, a whole line of a bold sentence, is a run-in head that filled its line
    (as wide as the text's measure, no bold paragraph of its own ending short): the paragraph goes
    on right under it in the regular face with a new sentence."""
    text = head.text.rstrip()
    if not (head.method == "native" and all(s.bold for s in head.spans if s.text.strip()) and text.endswith(".")
            and len(text.split()) >= MIN_WORDS and _right_above(head, nxt) and not any(s.bold for s in nxt.spans)
            and nxt.text.lstrip()[:1].isupper() and not nxt.text.rstrip().endswith(":")
            and abs(nxt.spans[0].size - head.spans[0].size) <= 0.3):
        return False
    widest = max(ln.bbox[2] for ln in lines if ln.page == head.page and abs(ln.bbox[0] - head.bbox[0]) <= 1.0)
    return head.bbox[2] - head.bbox[0] >= FILLED * (widest - head.bbox[0])


def _opens_paragraph(prev: Line | None, line: Line) -> bool:
    """Whether ``line`` starts a paragraph or goes on with a heading set in bold above it: no
    line right above it in the same column, or one that ends a sentence or is all bold."""
    if prev is None or not _right_above(prev, line):
        return True
    return prev.bold or prev.text.rstrip().endswith((".", "!", "?", ":"))


def _right_above(prev: Line, line: Line) -> bool:
    """Whether ``prev`` is the line right above ``line`` in its paragraph (same column, less
    than most of a line's height between them)."""
    if prev.page != line.page or abs(prev.bbox[0] - line.bbox[0]) > 1.0 or line.bbox[1] < prev.bbox[1]:
        return False
    return line.bbox[1] - prev.bbox[3] <= 0.8 * (line.bbox[3] - line.bbox[1])


def _unstopped(spans: list[Span]) -> list[Span]:
    """The head's spans without the full stop that ends the run-in: punctuation that set it off
    from the text running on, no part of the heading (one set apart ends in none)."""
    last = spans[-1]
    return [*spans[:-1], Span(last.text.rstrip().removesuffix("."), last.bbox, last.font, last.size, last.bold, last.italic,
                              last.color)]


def _stripped(spans: list[Span]) -> list[Span]:
    first = spans[0]
    return [Span(first.text.lstrip(), first.bbox, first.font, first.size, first.bold, first.italic, first.color),
            *spans[1:]]
