"""Thousands groups an OCR read as one word: "1 500" printed with its space (Swedish sets
large figures in groups of three) comes out of Tesseract as "1500", the space between the
groups too narrow for it to cut the word. The page image tells: figures are set on one
advance (tabular figures), so the centres of their ink stand evenly apart, and a space
between two groups sets one pair of centres a space's width further apart than the rest.
"""

from __future__ import annotations

import re

import numpy as np

from planparse.reading.ink import _ink_runs
from planparse.reading.model import Line

_FIGURES = re.compile(r"^(\s*)(\d{4,7})(\s*)$")
# A blank between two figures' ink this share of a figure's advance wide or more is a space: two
# tabular figures stand a quarter to a third of an advance apart (around a "1", more), a space
# adds half an advance.
_SPACE = 0.45


def thousands_spaces(lines: list[Line], image: np.ndarray, dpi: float) -> int:
    """Each OCR'd word of ``lines`` that is a run of four to seven figures and whose ink shows
    a space before each group of three from the right, and nowhere else, gets those spaces
    ("1500" → "1 500"); a year or a figure printed without spaces stays. Returns how many
    changed."""
    scale = dpi / 72
    changed = 0
    for ln in lines:
        if ln.method == "native":
            continue
        for s in ln.spans:
            m = _FIGURES.match(s.text)
            if m is None or not _spaced(m[2], _ink_runs(image, s.bbox, scale)):
                continue
            if ln.raw_text is None:
                ln.raw_text = ln.text
            digits = m[2]
            grouped = "".join((" " if k and (len(digits) - k) % 3 == 0 else "") + d for k, d in enumerate(digits))
            s.text = f"{m[1]}{grouped}{m[3]}"
            changed += 1
    return changed


def _spaced(digits: str, runs: list[tuple[float, float]]) -> bool:
    """Whether the ink ``runs`` (x0, x1) of a word of ``digits`` have a space's blank before
    each group of three figures from the right and nowhere else: the figures' advance told
    by the ink's whole width, each wide blank with as many advances of ink right of it as
    the figures and spaces it stands before."""
    if len(runs) < 2:
        return False
    n, groups = len(digits), (len(digits) - 1) // 3
    end = runs[-1][1]
    advance = (end - runs[0][0]) / (n + 0.5 * groups)
    wide = [b[0] for a, b in zip(runs, runs[1:], strict=False) if b[0] - a[1] >= _SPACE * advance]
    if len(wide) != groups:
        return False
    # the j-th wide blank from the right stands before 3j figures and j - 1 spaces
    return all(abs((end - x) / advance - (3 * j + 0.5 * (j - 1))) <= 0.5 for j, x in enumerate(reversed(wide), 1))
