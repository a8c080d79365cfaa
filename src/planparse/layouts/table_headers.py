"""Which rows of positioned words are a table's column labels: the test the engine gives the
reading layer's unruled-table finder."""

from __future__ import annotations

import re
from functools import lru_cache

from planparse import vocabulary
from planparse.layouts import roles
from planparse.layouts.control_labels import control_header
from planparse.layouts.walk_state import _PERIOD_SUFFIX

_COLUMN_LABELS = frozenset({"indicator", "source", "measure", "outcome", "target", "status", "start_date",
                            "end_date", "activities", "owner", "assignment"})
_YEAR_CELL = re.compile(r"(?:19|20)\d{2}")
_STRONG_LABELS = frozenset({"indicator", "source", "measure", "activities", "status", "assignment"})


def is_table_header(words: list[str]) -> bool:
    """A row of column labels: two or more from the vocabulary, one of them naming the table,
    and labels or years in a third of its cells at least (a line of prose that names a label or
    two is no header)."""
    return _table_header(tuple(words))


@lru_cache(maxsize=4096)  # each visual row is asked more than once (running header, table finder)
def _table_header(words: tuple[str, ...]) -> bool:
    labels = [m.value for w in words if (m := vocabulary.match_label(_PERIOD_SUFFIX.sub("", w)))]
    found = [lab for lab in labels if lab in _COLUMN_LABELS]
    years = sum(1 for w in words if _YEAR_CELL.fullmatch(w.strip()))
    return (len(found) >= 2 and bool(set(found) & _STRONG_LABELS) and 3 * (len(labels) + years) >= len(words)) \
        or roles.money_header(list(words)) or control_header(list(words))
