"""Light text on dark bands of a scan or an OCR'd page read again: a table's header row set in
white on a dark band ("Verksamhetens aktiviteter | Status | Slutdatum", "Mått | Mål | Utfall")
is what Tesseract reads worst on a page of dark text on paper, often as nothing or as specks
("a oe"). Each dark band as wide as a table (:data:`MIN_WIDTH_SHARE` of the page at least, a
line or two high) is cut from the page at :data:`ocr.DPI`, its tones inverted, and read alone;
its words replace those the page's reading had inside the band when clearly more of them are
words (half as many letters of words again and three more).
"""

from __future__ import annotations

import numpy as np

from planparse.reading import ocr, raster_fills
from planparse.reading.model import BBox, Line, RawPage, Span, TextMethod

LOOK_DPI = 72  # the page image the bands are looked for in
MIN_WIDTH_SHARE = 0.3
MIN_HEIGHT, MAX_HEIGHT = 9.0, 40.0  # points


def dark_bands(page: object) -> list[BBox]:
    """The dark bands of a PyMuPDF ``page`` (see the module's note), in points."""
    import pymupdf

    assert isinstance(page, pymupdf.Page)
    pix = page.get_pixmap(dpi=LOOK_DPI, colorspace=pymupdf.csGRAY, alpha=False)
    pixels = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width)
    scale = 72 / LOOK_DPI
    out = []
    for top, bottom, left, right, tone in raster_fills.fills(pixels, LOOK_DPI):
        box = (left * scale, top * scale, right * scale, bottom * scale)
        if tone < raster_fills.DARK_FILL and box[2] - box[0] >= MIN_WIDTH_SHARE * page.rect.width \
                and MIN_HEIGHT <= box[3] - box[1] <= MAX_HEIGHT:
            out.append(box)
    return _merged(out)


def _merged(bands: list[BBox]) -> list[BBox]:
    """``bands`` with those that overlap by half the lower one's height or more joined: the
    look finds one band twice where a cell's edge crosses it."""
    out: list[BBox] = []
    for b in sorted(bands, key=lambda b: (b[1], b[0])):
        if out and min(out[-1][3], b[3]) - b[1] >= 0.5 * min(b[3] - b[1], out[-1][3] - out[-1][1]) \
                and min(out[-1][2], b[2]) > max(out[-1][0], b[0]):
            a = out[-1]
            out[-1] = (min(a[0], b[0]), a[1], max(a[2], b[2]), max(a[3], b[3]))
        else:
            out.append(b)
    return out


_PAD = 20  # pixels of white around a band's image
_STROKES = frozenset({"|", "I", "l", "1", "!", "[", "]"})


def _band_image(page: object, band: BBox) -> tuple[BBox, tuple[float, float], bytes] | None:
    """The band cut from ``page`` at :data:`ocr.DPI` as black text on white (PGM, a white
    margin round it), its rows trimmed to the dark ones (the coarse look may take in a row of
    the table under it): the trimmed band, the point of the page at the image's top left
    corner and the image; None when no dark rows are there."""
    import pymupdf

    assert isinstance(page, pymupdf.Page)
    clip = pymupdf.Rect(band[0], band[1] - 4, band[2], band[3] + 4) & page.rect
    pix = page.get_pixmap(dpi=ocr.DPI, clip=clip, colorspace=pymupdf.csGRAY, alpha=False)
    pixels = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width)
    # (a row through large bold letters is half white: a row of the band is two fifths dark)
    rows = np.count_nonzero(pixels < raster_fills.DARK_FILL, axis=1) >= 0.4 * pixels.shape[1]
    best, start = (0, 0), None  # the longest run of dark rows: (length, first row)
    for k, dark in enumerate([*rows.tolist(), False]):
        if dark and start is None:
            start = k
        elif not dark and start is not None:
            best, start = max(best, (k - start, start)), None
    height, top = best
    if height < 4:
        return None
    area = pixels[top : top + height]
    # the light letters dark, the dark ground white: the tones inverted and stretched from the
    # ground's to the letters' (Tesseract binarises the image itself)
    ground, light = float(np.median(area)), float(np.percentile(area, 99))
    text = (255 - np.clip((area.astype(np.float32) - ground) * 255 / max(light - ground, 1.0), 0, 255)).astype(np.uint8)
    scale = 72 / ocr.DPI
    origin = (clip.x0 - _PAD * scale, clip.y0 + (top - _PAD) * scale)
    trimmed = (band[0], clip.y0 + top * scale, band[2], clip.y0 + (top + height) * scale)
    return trimmed, origin, _pgm(np.pad(text, _PAD, constant_values=255))


def _pgm(pixels: np.ndarray) -> bytes:
    return f"P5\n{pixels.shape[1]} {pixels.shape[0]}\n255\n".encode() + np.ascontiguousarray(pixels).tobytes()


def _letters(spans: list[Span]) -> int:
    return sum(ch.isalpha() for s in spans for ch in s.text)


def _read_letters(spans: list[Span]) -> int:
    """The letters of the words among ``spans`` that the lexicon knows: how much of a reading
    is text ("Wverksamhetens aktivteter [status" has none, "a oe" few)."""
    from planparse.reading.noise import stretched
    from planparse.text.repair import known_word

    words = [w.strip(".,:;|[]()") for s in spans if not stretched([s]) for w in s.text.split()]
    return sum(len(w) for w in words if len(w) >= 2 and w.isalpha() and known_word(w.lower()))


def _labels(words: list[Span], origin: tuple[float, float], size: float) -> list[list[Span]]:
    """A band's ``words`` (boxes in the band image's points, ``origin`` its top left corner on
    the page) as labels: the words of one text row (a header of two rows, "Investeringsprojekt,"
    over "tkr") further apart than twice their height stand in two cells."""
    rows: list[list[Span]] = []
    for s in sorted(words, key=lambda s: (s.bbox[1] + s.bbox[3]) / 2):
        mid, h = (s.bbox[1] + s.bbox[3]) / 2, s.bbox[3] - s.bbox[1]
        if rows and abs(mid - sum((w.bbox[1] + w.bbox[3]) / 2 for w in rows[-1]) / len(rows[-1])) <= 0.5 * h:
            rows[-1].append(s)
        else:
            rows.append([s])
    x, y = origin
    labels: list[list[Span]] = []
    for row in rows:
        last: Span | None = None
        for s in sorted(row, key=lambda s: s.bbox[0]):
            box = (round(s.bbox[0] + x, 2), round(s.bbox[1] + y, 2), round(s.bbox[2] + x, 2), round(s.bbox[3] + y, 2))
            apart = last is None or box[0] - last.bbox[2] > 2 * (box[3] - box[1])
            if apart:
                labels.append([])
            last = Span(text=("" if apart else " ") + s.text.strip().lstrip("|"), size=size, bbox=box)
            labels[-1].append(last)
    return labels


def reread_dark_bands(page: object, raw: RawPage, lang: str) -> int:
    """Read ``raw``'s dark bands again (see the module's note), its lines mended in place; the
    number of bands whose reading was replaced."""
    import pymupdf

    assert isinstance(page, pymupdf.Page)
    done = 0
    for coarse in dark_bands(page):
        image = _band_image(page, coarse)
        if image is None:
            continue
        band, (x, y), pnm = image

        def inside(s: Span, band: BBox = band) -> bool:  # (half its height on the band at least)
            b = s.bbox
            return band[0] <= (b[0] + b[2]) / 2 <= band[2] and min(b[3], band[3]) - max(b[1], band[1]) >= 0.5 * (b[3] - b[1])

        if any(min(s.bbox[3], band[3]) - max(s.bbox[1], band[1]) > 0 and (
                s.bbox[0] + 3 < band[0] < s.bbox[2] - 3 or s.bbox[0] + 3 < band[2] < s.bbox[2] - 3) for ln in raw.lines for s in ln.spans):
            continue  # a band's piece: a word of the page's reading runs across its end
        old = [s for ln in raw.lines for s in ln.spans if inside(s)]
        read = ocr.ocr_pages({raw.number: pnm}, lang, workers=1)[raw.number]
        # (the gap between two cells of the band read as a stroke: "|", "I")
        words = [s for ln in read for s in ln.spans if s.text.strip() and not (
            s.text.strip() in _STROKES and s.bbox[2] - s.bbox[0] < 0.4 * (s.bbox[3] - s.bbox[1]))]
        known, before = _read_letters(words), _read_letters(old)
        # (clearly better than the page's reading: far more known letters, or more, every word
        # known, where the layer read the cells' rules as letters too: "[status | sutdatum" whose
        # first words a reference reading mended already)
        better = known >= 1.5 * before + 3 or (known >= before + 3 and _letters(words) == known and _letters(old) > before
                                                and any(ch in "[]|" for s in old for ch in s.text))
        if not words or not better or known < 0.6 * _letters(words):
            continue  # (not clearly better, or no text: "EU UllIgangigt nanana")
        size = max(s.size for s in words)
        method: TextMethod = next((ln.method for ln in raw.lines), "ocr")
        labels = _labels(words, (x, y), size)
        kept = []
        for ln in raw.lines:
            if any(inside(s) for s in ln.spans):
                ln.spans = [s for s in ln.spans if not inside(s)]
            if ln.spans:
                kept.append(ln)
        at = next((k for k, ln in enumerate(kept) if ln.bbox[1] > band[1]), len(kept))
        kept[at:at] = [Line(spans=spans, page=raw.number, method=method) for spans in labels]
        raw.lines = kept
        done += 1
    return done
