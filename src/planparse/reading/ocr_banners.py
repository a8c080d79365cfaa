"""Headings drawn as pictures on a page with a text layer: a banner image (a web page's goal-area
heading as a PNG, light text on a coloured bar) whose words no text layer carries.

Only images shaped and coloured like a heading bar are read: as wide as a column or more, short
(at most :data:`MAX_HEIGHT` points, :data:`MIN_ASPECT` times as wide as high), no band of a
picture sliced into strips (a print driver's habit), with no text of the layer on them, with
text of the layer below them on the page, and mostly of one flat colour (a bar under its
lettering, see :func:`_flat`; a photo strip or a chart is not). Each such image is rendered
alone and read by Tesseract as one block; its words become a line of the page where the image
is. The line is the page's, whose layer is native, so the layout treats it as native text, but
it is marked ``from_image`` and the items made from it have provenance method "ocr"; it has the size Tesseract's boxes give its letters: the layout ranks it with the
page's other headings by that size.
"""

from __future__ import annotations

import numpy as np

from planparse.reading import ocr
from planparse.reading.model import Image, Line, RawPage, Span

MIN_WIDTH_SHARE = 0.4  # a banner spans this share of the page's width at least
MIN_ASPECT = 5.0
MIN_HEIGHT, MAX_HEIGHT = 14.0, 90.0  # points: a heading's bar, not a rule nor a picture
FLAT_SHARE = 0.6
FLAT_TONE = 24
LOOK_DPI = 36  # the small copy the colours are counted on
STRIP_GAP = 2.0  # points between two bands of one sliced picture, at most
BELOW = 4.0  # text of the layer starts within this many banner heights below it


def banner_images(raw: RawPage) -> list[Image]:
    """The images of a page with a text layer that are shaped and placed like a heading bar."""
    if not raw.images:
        return []  # (most pages: no spans gathered)
    spans = [s for ln in raw.lines for s in ln.spans if s.text.strip()]
    found = []
    for im in raw.images:
        x0, y0, x1, y1 = im.bbox
        w, h = x1 - x0, y1 - y0
        if w < MIN_WIDTH_SHARE * raw.width or not MIN_HEIGHT <= h <= MAX_HEIGHT or w < MIN_ASPECT * h:
            continue
        if any(o is not im and o.bbox[0] < x1 and x0 < o.bbox[2] and abs(o.bbox[1] - y1) <= STRIP_GAP
               or o is not im and o.bbox[0] < x1 and x0 < o.bbox[2] and abs(o.bbox[3] - y0) <= STRIP_GAP
               for o in raw.images):
            continue  # (a strip of a picture sliced into bands, another strip right under or over it)
        if any(x0 <= s.xc <= x1 and y0 <= s.yc <= y1 for s in spans):
            continue  # (text set over a picture: the layer has the heading)
        if not any(y1 <= s.bbox[1] <= y1 + BELOW * h for s in spans):
            continue
        found.append(im)
    return found


def _flat(rgb: np.ndarray) -> bool:
    """Whether an image is mostly one flat colour: :data:`FLAT_SHARE` of its pixels within
    :data:`FLAT_TONE` of its median colour each channel (a bar under its lettering; a photo
    strip or a chart's colours spread)."""
    bar = np.median(rgb.reshape(-1, 3), axis=0)
    near = (np.abs(rgb.astype(np.int16) - bar.astype(np.int16)) <= FLAT_TONE).all(axis=2)
    return bool(near.mean() >= FLAT_SHARE)


def _edge_specks(words: list[Span]) -> list[Span]:
    """The words without a one-character non-figure at either end: a rounded corner or the
    bar's edge read as "f", "Å", "/"."""
    while words and len(words[0].text.strip()) == 1 and not words[0].text.strip().isdigit():
        words = words[1:]
    while words and len(words[-1].text.strip()) == 1 and not words[-1].text.strip().isdigit():
        words = words[:-1]
    return words


def read_banners(page: object, raw: RawPage, lang: str) -> list[Line]:
    """The text of a PyMuPDF ``page``'s banner images (see the module's note) as lines of
    ``raw``'s page, each word's box where it is on the page."""
    import pymupdf

    assert isinstance(page, pymupdf.Page)
    lines: list[Line] = []
    for im in banner_images(raw):
        clip = pymupdf.Rect(im.bbox)
        small = page.get_pixmap(dpi=LOOK_DPI, clip=clip, colorspace=pymupdf.csRGB, alpha=False)
        rgb = np.frombuffer(small.samples, dtype=np.uint8).reshape(small.height, small.width, 3)
        if not rgb.size or not _flat(rgb):
            continue
        gray = page.get_pixmap(dpi=ocr.DPI, clip=clip, colorspace=pymupdf.csGRAY, alpha=False)
        if np.median(np.frombuffer(gray.samples, dtype=np.uint8)) < 128:
            gray.invert_irect()  # light letters on a dark bar: Tesseract reads dark on light
        read = ocr.ocr_pages({raw.number: gray.tobytes("pnm")}, lang, workers=1)[raw.number]
        for ln in read:
            words = _edge_specks([s for s in ln.spans if any(c.isalnum() for c in s.text)])
            if not any(sum(c.isalpha() for c in s.text) >= 3 for s in words):
                continue  # (the bar's lower edge read as "ee")
            spans = [Span(text=(" " if k else "") + s.text.strip(), size=s.size,
                          bbox=(s.bbox[0] + clip.x0, s.bbox[1] + clip.y0, s.bbox[2] + clip.x0, s.bbox[3] + clip.y0))
                     for k, s in enumerate(words)]
            lines.append(Line(spans=spans, page=raw.number, method="native", from_image=True))
    return lines
