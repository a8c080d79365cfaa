"""Text runs that cross a drawn column rule: a spreadsheet print (LibreOffice Calc) sets each
cell's text on its own, but a right-aligned figure that ends at a rule and the text that starts
after it ("2029 | Ansvarig", "0 | Projektchef") come out of the text layer as one run with a
space between. A rule drawn through a row's text parts two cells' texts: the run is cut at the
space nearest the rule."""

from __future__ import annotations

from planparse.reading.model import Span

WIDE = 2.0  # points a run must reach past the rule on either side to be crossing it


def cut_at_rules(
    in_row: list[tuple[int, Span, float, float]], rules: list[float]
) -> list[tuple[int, Span, float, float]]:
    """``in_row`` ((line index, span, centre x, centre y) of a row's spans) with every span
    that a rule in ``rules`` (the inner column rules drawn across the row) crosses cut there
    at a space."""
    out: list[tuple[int, Span, float, float]] = []
    for i, span, _, yc in in_row:
        for piece in _pieces(span, rules):
            out.append((i, piece, piece.xc, yc))
    return out


def _pieces(span: Span, rules: list[float]) -> list[Span]:
    x0, x1 = span.bbox[0], span.bbox[2]
    rule = next((x for x in rules if x0 + WIDE < x < x1 - WIDE), None)
    text = span.text
    if rule is None or " " not in text.strip() or len(text) != len(text.lstrip()) or x1 - x0 <= 0:
        return [span]
    per_char = (x1 - x0) / len(text)  # (the run's glyph widths unknown here: an even share each)
    at = (rule - x0) / per_char
    spaces = [k for k, c in enumerate(text) if c == " "]
    k = min(spaces, key=lambda k: abs(k + 0.5 - at))
    if abs(k + 0.5 - at) > 2.5:
        return [span]  # no word space near the rule: a run the rule does not part
    left, right = text[:k].rstrip(), text[k + 1 :].lstrip()
    if not left or not right:
        return [span]
    cut_left = Span(left, (x0, span.bbox[1], min(rule - 0.5, x0 + len(left) * per_char), span.bbox[3]),
                    span.font, span.size, span.bold, span.italic, span.color)
    cut_right = Span(right, (max(rule + 0.5, x1 - len(right) * per_char), span.bbox[1], x1, span.bbox[3]),
                     span.font, span.size, span.bold, span.italic, span.color)
    return [cut_left, *_pieces(cut_right, [x for x in rules if x > rule])]
