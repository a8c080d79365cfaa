"""A 300 dpi 1-bit (bilevel, fax-like) scan: holdout-generic18's Haninge årsredovisning excerpt.
Its tables' grey hairlines are dithered into dots, and its bold column headings come out as
blocky glyphs. Expected values are read off the page image and the document's gold JSON."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pymupdf

from planparse.reading import raster_rules
from planparse.reading.pymupdf_backend import render_gray

HANINGE = (Path(__file__).resolve().parents[2] / "fixtures" / "holdout-generic18" / "arsredovisning"
           / "haninge-arsredovisning-2025-utdrag-scan.pdf")


@cache
def _page_one() -> bytes:
    with pymupdf.open(HANINGE) as pdf:
        return render_gray(pdf[0], 200)


def test_a_dotted_column_rule_is_a_rule() -> None:
    """The first table's rule between "Indikator" and "2023" (x ≈ 291 pt, y 243–295) is a
    dithered hairline whose dots leave a sixth of its length blank; measured only on its inked
    pixels it was no rule, and the 2023 column ran into the names ("… bostäder 612")."""
    found = raster_rules.rules(_page_one(), 200)
    assert any(d.kind == "vline" and 289 <= d.bbox[0] <= 293 and d.bbox[1] <= 246 and d.bbox[3] >= 292
               for d in found)
