"""An activity table's status column without its label: an OCR'd header that lost "Status"
(white type on a coloured band, a speck of a word) between the activity and the date labels.
The reader keeps the column (an empty label where its body words start, see
:func:`planparse.reading.positioned._unlabelled_columns`); the column holds status labels
("Avslutad enligt plan", "Vänteläge"), so it is the status column."""

from __future__ import annotations

from planparse import vocabulary
from planparse.reading.model import Table

_SURE = 0.86  # the least confidence of a cell's status label


def status_column(table: Table, labels: list[str | None], found: int | None) -> int | None:
    """``found`` (the column the header labels "Status"; of two so labelled, an icon's and its
    word's, the one with text), else the one unlabelled column whose filled body cells all
    hold a status label alone, or None."""
    if found is not None:
        worded = [k for k, lab in enumerate(labels) if lab == "status" and any(c.col == k and c.text.strip()
                                                                                for r in table.body for c in r.cells)]
        return found if found in worded or not worded else worded[0]
    if not table.rows or not any(ln.method != "native" for c in table.rows[0].cells for ln in c.lines):
        return found
    header = table.header or [""] * table.n_cols
    out: list[int] = []
    for k, lab in enumerate(labels):
        if lab is not None or (k < len(header) and header[k].strip()):
            continue
        cells = [c.text for r in table.body if not r.full_width for c in r.cells if c.col == k and c.text.strip()]
        if cells and all((m := vocabulary.match_status(t)) is not None and m.confidence >= _SURE for t in cells):
            out.append(k)
    return out[0] if len(out) == 1 else None



def report_column(table: Table, labels: list[str | None], title_col: int) -> int | None:
    """A table without a status column whose follow-up column opens each filled cell with a
    status word before the comment ("Uppföljning augusti 2027": "Pågår Markanvisningen
    startade i maj."): that column, or None."""
    from planparse.layouts.tables import match_status_prefix  # (tables imports this module)

    for k, lab in enumerate(labels):
        if k == title_col or lab not in (None, "follow_up", "comment"):
            continue
        cells = [c.text for r in table.body if not r.full_width for c in r.cells if c.col == k and c.text.strip()]
        if len(cells) >= 2 and 3 * sum(1 for t in cells if match_status_prefix(t) is not None) >= 2 * len(cells):
            return k
    return None
