"""Paragraphs of a block of text lines, by their positions: the shape of a text field.

Native lines carry their font size and leading; OCR'd line boxes hug the ink, so there the
step from one line to the next against the document's usual step tells a paragraph break.
"""

from __future__ import annotations

from planparse.reading.model import Line, is_bullet, join_lines
from planparse.text.assemble import list_item


def line_step(lines: list[Line]) -> float | None:
    """The usual step from one OCR'd line to the next below it in the same column (the
    leading), or None for native lines or too few of them."""
    steps = sorted(
        b.y0 - a.y0 for a, b in zip(lines, lines[1:], strict=False)
        if a.method != "native" and a.page == b.page and abs(a.x0 - b.x0) < 5 and 0 < b.y0 - a.y0 < 2 * (a.bbox[3] - a.bbox[1])
    )
    return steps[len(steps) // 2] if len(steps) >= 3 else None


def paragraphs(lines: list[Line], step: float | None = None) -> list[str]:
    """Paragraphs of a block of lines; a page break never starts one. Native lines: a wide gap,
    or a line step well above the usual leading (line boxes that include their leading hide
    the gap). OCR'd boxes hug the ink: a step clearly above the usual ``step`` (see
    :func:`line_step`), or without one, against the line height, tells."""
    paras: list[list[Line]] = []
    for ln in lines:
        prev = paras[-1][-1] if paras else None
        if prev is None or is_bullet(ln.text):
            paras.append([ln])
            continue
        dy = ln.y0 - prev.y0
        if ln.page != prev.page:
            new = False
        elif ln.method == "native":
            new = ln.y0 - prev.bbox[3] > 0.6 * max(ln.size, 1) or dy > 1.7 * max(ln.size, prev.size)
        else:
            new = dy > 1.2 * step if step else dy > 2.0 * max(ln.bbox[3] - ln.bbox[1], prev.bbox[3] - prev.bbox[1])
        if new:
            paras.append([ln])
        else:
            paras[-1].append(ln)
    return [join_lines([ln.text for ln in p]) for p in paras]


def list_text(lines: list[Line], step: float | None = None) -> str | None:
    """Paragraphs of ``lines`` as a contract text field: "\\n" between paragraphs, a bulleted
    paragraph as a "- " line."""
    paras = []
    for p in paragraphs(lines, step):
        item = list_item(p)
        paras.append(f"- {item[1]}" if item is not None and not item[0][:1].isdigit() else p)
    return "\n".join(p for p in paras if p) or None
