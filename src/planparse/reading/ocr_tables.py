"""Tables pasted as pictures on a page with a text layer: a screenshot of an indicator table
whose cells no text layer carries.

Only images placed and shaded like a table are read: as wide as a column or more
(:data:`MIN_WIDTH_SHARE` of the page), wider than high, no text of the layer on them, not one
flat colour (a banner, :mod:`.ocr_banners`), and mostly light (:data:`LIGHT_SHARE` of their
pixels: a grid of dark text on white; a photo is not). Each is rendered alone and read by
Tesseract; it is kept when its first line is a header naming two columns or more by the
vocabulary ("Indikator", "Utfall 2025", "Mål 2027"). Its lines join the page's lines where the
picture is (``from_image``), for the layout to rebuild the table from their word positions:
the header's words are grouped into one word per column (the column rules Tesseract reads as
"|" or "'" part them), and a "%" that Tesseract misread as figures at the end of a name cell
("svenska, 20" before the value columns) is given back. The picture's own grid lines, where it
has them, join the page's drawings (:mod:`.raster_rules`): the table is read as a ruled one.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from planparse import vocabulary
from planparse.reading import ocr, raster_rules
from planparse.reading.model import Image, Line, RawPage, Span

MIN_WIDTH_SHARE = 0.4
MIN_HEIGHT = 20.0  # points: two rows at least
LIGHT_SHARE = 0.7
LIGHT = 200  # a pixel with every channel above this is light
LOOK_DPI = 36
# What Tesseract reads for "%" after a label's comma ("andel, %"): figures or a broken glyph.
_PERCENT = re.compile(r"^(?:20|26|96|9|90|240|960|9%|%6|%0|%o|0/0|o/o|Yo)$")
# What it reads for a "%" after a figure in a value cell ("86,8 YA", "35,0 HW"): never a word there.
_PERCENT_AFTER = re.compile(r"^(?:Y[AoHh]|HW|%o|%0|9%|o/o|0/0|°o|Yo\.?)$")
_FIGURE = re.compile(r"^[−–-]?\d[\d\s]*(?:,\d+)?$")


def table_images(raw: RawPage) -> list[Image]:
    """The images of a page with a text layer placed like a table's picture."""
    if not raw.images:
        return []
    spans = [s for ln in raw.lines for s in ln.spans if s.text.strip()]
    found = []
    for im in raw.images:
        x0, y0, x1, y1 = im.bbox
        w, h = x1 - x0, y1 - y0
        if w < MIN_WIDTH_SHARE * raw.width or h < MIN_HEIGHT or w < 1.5 * h:
            continue
        if any(x0 <= s.xc <= x1 and y0 <= s.yc <= y1 for s in spans):
            continue  # (text set over a picture: the layer has it)
        found.append(im)
    return found


def _columns(line: Line) -> list[Span]:
    """A header line's words as one word per column: parted by a rule read as a glyph of no
    letter or figure, or by a gap wider than the line's letters are high."""
    groups: list[list[Span]] = []
    last: Span | None = None
    for s in line.spans:
        rule = not any(c.isalnum() for c in s.text)
        if rule or last is None or s.bbox[0] - last.bbox[2] > 0.8 * max(line.size, 4.0):
            groups.append([])
        if not rule:
            groups[-1].append(s)
        last = s
    return [Span(text=" ".join(w.text.strip(" |") for w in g).strip(), size=g[0].size,
                 bbox=(g[0].bbox[0], min(w.bbox[1] for w in g), g[-1].bbox[2], max(w.bbox[3] for w in g)))
            for g in groups if g]


def _rows(lines: list[Line]) -> list[Line]:
    """Tesseract's lines regrouped into the picture's rows: the words of lines on one baseline
    (a row whose cells it read as blocks of their own, "Aktivitet" and "Ansvarig" far apart)
    one line, left to right, the rows top to bottom."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (ln.bbox[1] + ln.bbox[3]) / 2):
        yc, height = (ln.bbox[1] + ln.bbox[3]) / 2, ln.bbox[3] - ln.bbox[1]
        last = rows[-1][0] if rows else None
        if last is not None and abs((last.bbox[1] + last.bbox[3]) / 2 - yc) < 0.5 * max(height, last.bbox[3] - last.bbox[1]):
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return [row[0] if len(row) == 1 else Line(spans=sorted((s for ln in row for s in ln.spans), key=lambda s: s.bbox[0]),
                                              page=row[0].page, method=row[0].method) for row in rows]


def _names_columns(cols: list[Span]) -> bool:
    """Two columns or more named by the vocabulary (the label, or its first word: "Utfall 2025")."""
    named = sum(1 for c in cols if vocabulary.match_label(c.text) or vocabulary.match_label(c.text.split()[0]))
    return len(cols) >= 3 and named >= 2


def _percent(words: list[Span], size: float) -> list[Span]:
    """``words`` with a "%" misread as figures after a label's comma given back, where it ends
    the name cell: the line's last word, or the next word a column's gap away."""
    out = list(words)
    for k in range(1, len(words)):
        prev, here = words[k - 1].text.strip(), words[k].text.strip()
        ends_cell = k == len(words) - 1 or words[k + 1].bbox[0] - words[k].bbox[2] > 1.5 * max(size, 4.0)
        if re.search(r"[A-Za-zÅÄÖåäö]{2},$", prev) and _PERCENT.match(here) and ends_cell \
                or _FIGURE.match(prev) and _PERCENT_AFTER.match(here):  # ("86,8 YA": a value's per cent)
            out[k] = Span(text="%", size=words[k].size, bbox=words[k].bbox)
    return out


def read_tables(page: object, raw: RawPage, lang: str) -> list[Line]:
    """The lines of a PyMuPDF ``page``'s table pictures (see the module's note), each word's
    box where it is on the page."""
    import pymupdf

    assert isinstance(page, pymupdf.Page)
    lines: list[Line] = []
    for im in table_images(raw):
        clip = pymupdf.Rect(im.bbox)
        small = page.get_pixmap(dpi=LOOK_DPI, clip=clip, colorspace=pymupdf.csRGB, alpha=False)
        rgb = np.frombuffer(small.samples, dtype=np.uint8).reshape(small.height, small.width, 3)
        if not rgb.size or (rgb.min(axis=2) > LIGHT).mean() < LIGHT_SHARE:
            continue
        gray = page.get_pixmap(dpi=ocr.DPI, clip=clip, colorspace=pymupdf.csGRAY, alpha=False)
        image = gray.tobytes("pnm")
        read = _rows(ocr.ocr_pages({raw.number: image}, lang, workers=1)[raw.number])
        if len(read) < 2 or not _names_columns(header := _columns(read[0])):
            continue
        # the picture's grid, where it has one, rules the table as the page's own rules would
        raw.drawings.extend(replace(d, bbox=(d.bbox[0] + clip.x0, d.bbox[1] + clip.y0, d.bbox[2] + clip.x0, d.bbox[3] + clip.y0))
                            for d in raster_rules.rules_and_clean_image(image, ocr.DPI, level=False)[0])
        for k, ln in enumerate(read):
            words = header if k == 0 else _percent([s for s in ln.spans if any(c.isalnum() for c in s.text)], ln.size)
            spans = [Span(text=(" " if j else "") + s.text.strip(), size=s.size,
                          bbox=(s.bbox[0] + clip.x0, s.bbox[1] + clip.y0, s.bbox[2] + clip.x0, s.bbox[3] + clip.y0))
                     for j, s in enumerate(words)]
            if spans:
                lines.append(Line(spans=spans, page=raw.number, method="native", from_image=True))
    return lines
