"""Which rows of positioned words are a table's column labels: the test the engine gives the
reading layer's unruled-table finder."""

from __future__ import annotations

import re
from functools import lru_cache

from planparse import vocabulary
from planparse.layouts import roles
from planparse.layouts.goal_words import _PERIOD_SUFFIX
from planparse.reading import positioned as pos
from planparse.reading.model import Line, Page, overlap_by
from planparse.text.control_labels import control_header

_COLUMN_LABELS = frozenset({"indicator", "source", "measure", "outcome", "target", "status", "start_date",
                            "end_date", "activities", "owner", "assignment"})
_YEAR_CELL = re.compile(r"(?:(?:vt|ht)\s*)?(?:19|20)\d{2}", re.IGNORECASE)  # "2024", "VT 2024"
_STRONG_LABELS = frozenset({"indicator", "source", "measure", "activities", "status", "assignment"})


def is_table_header(words: list[str]) -> bool:
    """A row of column labels: two or more kinds from the vocabulary (or one and two years or terms:
    "Indikator | VT 2023 | VT 2024"), one of them naming the table, and labels or years in a
    third of its cells at least (a line of prose that names a label or
    two is no header). A label and its value ("Status: | Klar", a description list's
    item) is a field, no header."""
    return _table_header(tuple(words))


@lru_cache(maxsize=4096)  # each visual row is asked more than once (running header, table finder)
def _table_header(words: tuple[str, ...]) -> bool:
    if len(words) == 2 and words[0].rstrip().endswith(":"):
        return False
    words = tuple(w.strip("| ") for w in words)  # (an OCR'd layer reads a column's rule as "|": "|Trend")
    labels = [m.value for w in words if (m := vocabulary.match_label(_PERIOD_SUFFIX.sub("", w)))]
    found = [lab for lab in labels if lab in _COLUMN_LABELS]
    years = sum(1 for w in words if _YEAR_CELL.fullmatch(w.strip()))
    # (two labels of two kinds: one label twice, "Så här gör vi | Så här gör vi", heads two
    # lists side by side, text boxes or columns, not two columns of one table)
    return ((len(set(found)) >= 2 or (found and years >= 2)) and bool(set(found) & _STRONG_LABELS)
            and 3 * (len(labels) + years) >= len(words)) \
        or roles.money_header(list(words)) or control_header(list(words)) \
        or ("goal" in labels[:2] and "assessment" in labels and len(words) >= 3 and 3 * len(labels) >= 2 * len(words))  # "Mål | Bedömning | Trend", "Bedömning | Mål | Analys"


def text_left_of(line: Line, page: Page) -> bool:
    """Whether another line of ``page`` (set in one column) stands left of ``line`` on its
    baseline: ``line`` is a table row's further cells ("71 Kolada Andel"), no heading."""
    mid = (line.bbox[1] + line.bbox[3]) / 2
    return not page.two_columns and any(o.bbox[2] <= line.x0 + 1 and o.bbox[1] < mid < o.bbox[3] for o in page.lines)


def crosses_other(line: Line, page: Page) -> bool:
    """Whether an OCR'd ``line``'s box runs into another line's box by two points or more each
    way: what Tesseract read off an icon among a table's rows ("(Sonera ae:"), no heading."""
    return line.method != "native" and any(o is not line and overlap_by(line.bbox, o.bbox, 2) for o in page.lines)


def header_in_noise(page: Page) -> list[Line]:
    """The lines of ``page``'s noise that are a table's header repeated at the page's top, taken
    for a running header (or the wrapped rest of its labels: "Utfall" / "2024"), read with the
    page's lines within 30 points of the noise's height."""
    if not page.noise:
        return []
    tops = [n.bbox[1] for n in page.noise]
    near = [ln for ln, y in ((ln, ln.bbox[1]) for ln in page.lines) if any(abs(y - t) < 30 for t in tops)]
    noise = {id(n) for n in page.noise}
    return [ln for ln in pos.header_rows(page.noise + near, is_table_header) if id(ln) in noise]
