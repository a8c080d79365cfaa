"""Text drawn as glyph outlines on a page with a text layer: a print driver's copy of a Word
document ("Microsoft Print to PDF") draws a highlighted line's letters as filled paths, one per
glyph, and the text layer has nothing there; the paragraph reads on with a line missing.

A run of glyphs is a row of at least :data:`MIN_GLYPHS` small dark filled shapes (each at most
:data:`MAX_GLYPH` points each way) standing side by side on one line, each within a letter's
height of the one before, where no word of the layer stands. Each run is rendered alone and
read by Tesseract as one line; its words become a line of the page where the run is, marked
``from_image`` (the items made from it have provenance method "ocr"), as
:mod:`planparse.reading.ocr_banners` does for headings drawn as pictures.
"""

from __future__ import annotations

from planparse.reading import ocr
from planparse.reading.model import BBox, Drawing, Line, RawPage, Span, within
from planparse.text.repair import ocr_bullet_words, ocr_quote_style

MIN_GLYPHS = 8
MAX_GLYPH = 16.0  # points
MIN_GLYPH_HEIGHT = 1.5  # (a full stop's dot is lower, but never alone in a run)
PAD = 2.0  # points of white around a run when it is rendered


def _glyph(d: Drawing) -> bool:
    w, h = d.bbox[2] - d.bbox[0], d.bbox[3] - d.bbox[1]
    return d.kind == "shape" and d.fill is not None and 0 < w <= MAX_GLYPH and MIN_GLYPH_HEIGHT <= h <= MAX_GLYPH


def _dark(color: int) -> bool:
    """A text colour: every channel dark (black, dark grey, a heading's navy or dark teal); a
    status colour has a bright channel."""
    return max((color >> 16) & 255, (color >> 8) & 255, color & 255) < 0x70


def glyph_runs(raw: RawPage) -> list[BBox]:
    """The boxes of the page's runs of glyph outlines (see the module's note), top to bottom."""
    glyphs = sorted((d.bbox for d in raw.drawings if _glyph(d) and _dark(d.fill or 0)), key=lambda b: (b[0], b[1]))
    if len(glyphs) < MIN_GLYPHS:
        return []
    runs: list[list[BBox]] = []
    open_runs: list[list[BBox]] = []  # those whose last glyph may still have one after it
    for b in glyphs:  # left to right: each glyph joins the run whose last glyph it follows on its line
        open_runs = [run for run in open_runs if b[0] - run[-1][2] <= MAX_GLYPH]
        for run in open_runs:
            last = run[-1]
            top, bottom = min(g[1] for g in run[-3:]), max(g[3] for g in run[-3:])
            height = bottom - top
            if 0 <= b[0] - last[2] + 0.5 <= height and min(b[3], bottom) - max(b[1], top) >= 0.4 * min(b[3] - b[1], height):
                run.append(b)
                break
        else:
            runs.append([b])
            open_runs.append(runs[-1])
    # runs one after the other on a line, a word's space or two apart, are one line's words
    boxes: list[tuple[BBox, int]] = []
    for run in sorted(runs, key=lambda r: (r[0][0], r[0][1])):
        box = (min(b[0] for b in run), min(b[1] for b in run), max(b[2] for b in run), max(b[3] for b in run))
        for k, (other, n) in enumerate(boxes):
            height = max(other[3] - other[1], box[3] - box[1])
            if 0 <= box[0] - other[2] <= 2 * height and min(box[3], other[3]) - max(box[1], other[1]) >= 0.5 * height:
                boxes[k] = ((other[0], min(other[1], box[1]), box[2], max(other[3], box[3])), n + len(run))
                break
        else:
            boxes.append((box, len(run)))
    spans = [s.bbox for ln in raw.lines for s in ln.spans if s.text.strip()]
    found = []
    for box, n in boxes:
        if n < MIN_GLYPHS:
            continue
        if any(box[0] <= (s[0] + s[2]) / 2 <= box[2] and box[1] <= (s[1] + s[3]) / 2 <= box[3] for s in spans):
            continue  # (outlines under the layer's words: a font drawn twice, the text is there)
        found.append(_with_square_letters(box, raw.drawings))
    return sorted(found, key=lambda b: (b[1], b[0]))


def _with_square_letters(box: BBox, drawings: list[Drawing]) -> BBox:
    """A run's box grown over the letters beside it drawn of level and upright strokes only
    ("H", "T", "L": their outline comes out as short rules, no shape) on its line."""
    height = box[3] - box[1]
    strokes = [d.bbox for d in drawings if d.kind in ("hline", "vline") and d.bbox[2] - d.bbox[0] <= MAX_GLYPH
               and d.bbox[3] - d.bbox[1] <= MAX_GLYPH and box[1] - 1 <= d.bbox[1] and d.bbox[3] <= box[3] + 1]
    grown = True
    while grown:
        near = [b for b in strokes if box[0] - height <= b[2] <= box[0] or box[2] <= b[0] <= box[2] + height]
        grown = bool(near)
        if near:
            box = (min(box[0], *(b[0] for b in near)), box[1], max(box[2], *(b[2] for b in near)), box[3])
            strokes = [b for b in strokes if b not in near]
    return box


def read_outlines(page: object, raw: RawPage, lang: str) -> list[Line]:
    """The text of a PyMuPDF ``page``'s runs of glyph outlines as lines of ``raw``'s page, each
    word's box where it is on the page; the runs' shapes leave ``raw``'s drawings (a coloured
    heading's letters are no row of status icons)."""
    import pymupdf

    assert isinstance(page, pymupdf.Page)
    lines: list[Line] = []
    runs = glyph_runs(raw)
    fills = [max(inside, key=inside.count) if (inside := [d.fill for d in raw.drawings if _glyph(d) and within(d.bbox, box, 1)]) else None
             for box in runs]  # (a run's letters' colour: its style)
    styles: dict[int | None, list[Line]] = {}
    raw.drawings = [d for d in raw.drawings if not any(within(d.bbox, box, 1) for box in runs)]
    for box, fill in zip(runs, fills, strict=True):
        clip = pymupdf.Rect(box[0] - PAD, box[1] - PAD, box[2] + PAD, box[3] + PAD)
        gray = page.get_pixmap(dpi=ocr.DPI, clip=clip, colorspace=pymupdf.csGRAY, alpha=False)
        read = ocr.ocr_pages({raw.number: gray.tobytes("pnm")}, lang, workers=1)[raw.number]
        words = [s for ln in read for s in ln.spans if s.text.strip()]
        if not words:
            continue
        words.sort(key=lambda s: s.bbox[0])
        # (a bullet drawn before the line is read as a letter, a Swedish ”…” opened by "'")
        texts = ocr_quote_style(ocr_bullet_words([(" " if k else "") + s.text.strip() for k, s in enumerate(words)]))
        size = max(s.size for s in words)
        spans = [Span(text=text, size=size,
                      bbox=(s.bbox[0] + clip.x0, s.bbox[1] + clip.y0, s.bbox[2] + clip.x0, s.bbox[3] + clip.y0))
                 for text, s in zip(texts, words, strict=True) if text.strip()]
        lines.append(Line(spans=spans, page=raw.number, method="native", from_image=True))
        styles.setdefault(fill, []).append(lines[-1])
    for same in styles.values():  # (runs of one colour are one style: one size, whatever their letters' boxes)
        size = max(ln.size for ln in same)
        for ln in same:
            ln.spans = [Span(text=s.text, size=size, bbox=s.bbox) for s in ln.spans]
    return lines


def without_glyph_shapes(drawings: list[Drawing]) -> list[Drawing]:
    """A page with no text but its letters drawn as outlines, before it is OCR'd: its drawings
    without the letters' shapes. A letter has another of its fill beside it on its line (a
    coloured heading's letters would otherwise be read as a row of status icons); an icon
    stands alone or beside icons of other colours."""
    glyphs = sorted((d for d in drawings if _glyph(d)), key=lambda d: d.bbox[0])
    letters: set[int] = set()
    for i, a in enumerate(glyphs):
        height = a.bbox[3] - a.bbox[1]
        for b in glyphs[i + 1:]:
            if b.bbox[0] - a.bbox[2] > height:
                break
            if b.fill == a.fill and min(a.bbox[3], b.bbox[3]) - max(a.bbox[1], b.bbox[1]) >= 0.4 * height:
                letters.update((id(a), id(b)))
    return [d for d in drawings if id(d) not in letters] if len(letters) >= MIN_GLYPHS else drawings
