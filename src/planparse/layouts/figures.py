"""Amount cells of OCR'd money tables after their first reading (:func:`.money.amount_texts`):
checked against the table's own sum rows, read again from the page image where a column does
not add up, and named in a warning where a cell stays unreadable.

A figure is only ever taken from a reading of the page: a second reading of a cell is accepted
where it makes its column add up to its printed sum row (two independent pieces of evidence:
the reading and the arithmetic), never worked out from the sum."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from planparse.layouts.roles import SUM_ROW, cell, text
from planparse.reading.model import BBox, Cell, Row, union
from planparse.text.numbers import NUMBER_SPECKS, misread_figure, parse_number

Reread = Callable[[int, BBox], str | None]
Warn = Callable[[str, str, int | None], None]

# At most this many cells of a column are read again for one sum row (each is one Tesseract
# run), and changed together at most this many.
MAX_REREAD = 12
MAX_CHANGED = 2


def _ocr(c: Cell | None) -> bool:
    return c is not None and bool(c.lines) and any(ln.method != "native" for ln in c.lines)


def _digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def read_cell(reread: Reread, c: Cell) -> str | None:
    """A cell's figures read again from the page image (the box of its lines with a margin of
    a third of their height beside and a sixth above and below): the reading with specks
    around it dropped, when it is a number; else None."""
    x0, y0, x1, y1 = union([ln.bbox for ln in c.lines])
    h = max(y1 - y0, 1.0)
    read = reread(c.lines[0].page, (x0 - 0.3 * h, y0 - 0.15 * h, x1 + 0.3 * h, y1 + 0.15 * h))
    fixed = (read or "").strip().strip(NUMBER_SPECKS).strip()
    return fixed if fixed and parse_number(fixed) is not None else None


def adds_up(addends: list[int | float], printed: int | float) -> bool:
    """Whether ``addends`` sum to ``printed`` within the rounding of their printed decimals."""
    decimals = max((len(str(a).split(".")[1]) if isinstance(a, float) else 0) for a in [*addends, printed])
    return abs(sum(addends) - printed) <= 0.51 * 10 ** -decimals * (len(addends) + 1)


def settle_amounts(
    rows: list[Row],
    cols: list[int],
    name_col: int,
    amounts: dict[tuple[int, int], str],
    labels: list[str],
    reread: Reread | None,
    warn: Warn,
) -> None:
    """Check each amount column of ``rows`` (texts in ``amounts`` by (row, column), changed in
    place) against its sum rows (named "Summa", "Totalt" …): where the OCR'd rows since the
    previous sum do not add up to the printed sum, those cells and the sum are read again
    (:func:`read_cell`), and the fewest readings (at most :data:`MAX_CHANGED`) that make the
    column add up replace the first ones, each with as many figures as the cell had. Then each
    OCR'd cell of a column of amounts (more than half its cells numbers) that still reads as a
    misread figure (:func:`planparse.text.numbers.misread_figure`) is named in a warning: it
    is left without an amount."""
    if reread is not None:
        for i in cols:
            start = 0
            for k, row in enumerate(rows):
                if SUM_ROW.match(text(row, name_col)):
                    _settle_sum(rows, list(range(start, k)), k, i, amounts, reread)
                    start = k + 1
    numeric = {i for i in cols if 2 * sum(parse_number(t) is not None for (_, j), t in amounts.items() if j == i)
               > max(2, sum(bool(t) for (_, j), t in amounts.items() if j == i))}
    for (k, i), raw in sorted(amounts.items()):
        if i in numeric and raw and parse_number(raw) is None and misread_figure(raw) and _ocr(cell(rows[k], i)):
            label = labels[i] if i < len(labels) else str(i)
            warn("amount_unreadable",
                 f"row {text(rows[k], name_col)!r}, column {label!r}: the OCR'd cell reads {raw!r}, "
                 "no number; left without an amount", rows[k].page)


def _settle_sum(
    rows: list[Row], parts: list[int], at: int, col: int, amounts: dict[tuple[int, int], str], reread: Reread
) -> None:
    keys = [(k, col) for k in parts if amounts.get((k, col))]
    if len(keys) < 2 or not amounts.get((at, col)):
        return
    values = {key: parse_number(amounts[key]) for key in [*keys, (at, col)]}
    # A cell read as no number (a misread figure: "ÖNA", "25 7b") must be read again and fit.
    missing = [key for key, v in values.items() if v is None]
    if any(not (misread_figure(amounts[key]) and _ocr(cell(rows[key[0]], col))) for key in missing):
        return
    if not missing and adds_up([v for key, v in values.items() if key != (at, col) and v is not None],
                                values[(at, col)] or 0):
        return
    ocr = [key for key in [*keys, (at, col)] if _ocr(cell(rows[key[0]], col))]
    if len(ocr) > MAX_REREAD:
        return
    again: dict[tuple[int, int], tuple[str, int | float]] = {}
    for key in ocr:
        c = cell(rows[key[0]], col)
        read = read_cell(reread, c) if c is not None else None
        value = parse_number(read)
        if read is None or value is None or value == values[key]:
            continue
        if _digits(amounts[key]) and len(_digits(read)) != len(_digits(amounts[key])):
            continue  # another count of figures than the cell was read with: no second reading of it
        if not _digits(amounts[key]) and abs(len(read.replace(" ", "")) - len(amounts[key].replace(" ", ""))) > 1:
            continue  # a misread figure with no digit: as many glyphs, give or take one
        again[key] = (read, value)
    if any(key not in again for key in missing):
        return
    optional = sorted(key for key in again if key not in missing)
    for n in range(0, min(MAX_CHANGED, len(optional)) + 1):
        fits = []
        for extra in combinations(optional, n):
            chosen = {*missing, *extra}
            new = {key: again[key][1] if key in chosen else v for key, v in values.items()}
            printed = new.pop((at, col))
            if printed is not None and all(v is not None for v in new.values()) \
                    and adds_up([v for v in new.values() if v is not None], printed):
                fits.append(chosen)
        if len(fits) == 1:  # one way only; two ways to make it add up tell nothing
            for key in sorted(fits[0]):
                amounts[key] = again[key][0]
            return
        if fits:
            return
