"""Text runs that cross a drawn column rule: a spreadsheet print (LibreOffice Calc) sets each
cell's text on its own, but a right-aligned figure that ends at a rule and the text that starts
after it ("2029 | Ansvarig", "0 | Projektchef") come out of the text layer as one run with a
space between. A rule drawn through a row's text parts two cells' texts: the run is cut at the
space nearest the rule, or where a label run on past its cell abuts the next cell's text."""

from __future__ import annotations

from planparse.reading.model import Span

WIDE = 2.0  # points a run must reach past the rule on either side to be crossing it
GLUED_REACH = 6  # characters from the rule within which two cells' texts may abut


def abutting(text: str) -> list[int]:
    """Where two texts set against each other without a space meet in ``text``: a capital after a
    small letter or a figure ("2026Prognos", "socialpsykiatrEj"), as indices of the capital."""
    return [k for k in range(1, len(text)) if text[k].isupper() and (text[k - 1].isdigit() or text[k - 1].islower())]


def cut_at_rules(
    in_row: list[tuple[int, Span, float, float]], rules: list[float], glued_only: bool = False
) -> list[tuple[int, Span, float, float]]:
    """``in_row`` ((line index, span, centre x, centre y) of a row's spans) with every span
    that a rule in ``rules`` (the inner column rules drawn across the row) crosses cut there
    at a space, or where two cells' texts abut; with ``glued_only`` (an OCR'd layer's words),
    only there."""
    out: list[tuple[int, Span, float, float]] = []
    for i, span, xc, yc in in_row:
        if glued_only and not any(ch.isupper() for ch in span.text[1:]):
            out.append((i, span, xc, yc))
            continue
        for piece in _pieces(span, rules, glued_only):
            out.append((i, piece, piece.xc, yc))
    return out


def _pieces(span: Span, rules: list[float], glued_only: bool = False) -> list[Span]:
    x0, x1 = span.bbox[0], span.bbox[2]
    text = span.text
    lead = text[: len(text) - len(text.lstrip())]  # (an OCR'd word's space before it, outside its box)
    if lead and not glued_only or x1 - x0 <= 0 or not text.strip():
        return [span]
    text = text.lstrip()
    per_char = (x1 - x0) / len(text)  # (the run's glyph widths unknown here: an even share each)
    # A text too long for its cell runs on under the rule and into the next one, up to that
    # cell's text with no space between ("Utfall jan–aug 2026Prognos 2026", an OCR'd
    # "socialpsykiatrEj påbörjad"): part them there, however little the run crosses the rule.
    touched = next((x for x in rules if x0 + WIDE < x < x1), None)
    glued = [] if touched is None else [k for k in abutting(text) if abs(k - (touched - x0) / per_char) <= GLUED_REACH]
    rule = touched if glued else next((x for x in rules if x0 + WIDE < x < x1 - WIDE), None)
    if rule is None or glued_only and not glued:
        return [span]
    at = (rule - x0) / per_char
    if glued:
        k = min(glued, key=lambda k: abs(k - at))
        left, right = lead + text[:k], (" " if glued_only else "") + text[k:]
    else:
        spaces = [k for k, c in enumerate(text) if c == " "]
        k = min(spaces, key=lambda k: abs(k + 0.5 - at), default=-1)
        if k < 0 or abs(k + 0.5 - at) > 2.5:
            return [span]  # no word space near the rule: a run the rule does not part
        left, right = text[:k].rstrip(), text[k + 1 :].lstrip()
    if not left or not right:
        return [span]
    cut_left = Span(left, (x0, span.bbox[1], min(rule - 0.5, x0 + len(left) * per_char), span.bbox[3]),
                    span.font, span.size, span.bold, span.italic, span.color)
    cut_right = Span(right, (max(rule + 0.5, x1 - len(right) * per_char), span.bbox[1], x1, span.bbox[3]),
                     span.font, span.size, span.bold, span.italic, span.color)
    return [cut_left, *_pieces(cut_right, [x for x in rules if x > rule], glued_only)]
