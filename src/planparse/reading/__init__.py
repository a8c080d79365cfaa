"""The reading layer: PDF → pages of positioned lines, tables and drawings.

Layout parsers see only :class:`~planparse.reading.model.Document`; they never import a PDF
library. Two backends read raw pages (PyMuPDF, the default, and pdfplumber); everything after
that (OCR of pages without text, repair of damaged OCR layers, noise removal, tables) is
shared.
"""

from __future__ import annotations

import bisect
import copy
import hashlib
import os
import re
from collections.abc import Callable
from operator import itemgetter
from pathlib import Path
from typing import Literal, TypeVar

from planparse.errors import (
    CorruptPDF,
    EmptyPDF,
    EncryptedPDF,
    LimitExceeded,
    NotAPDF,
    is_out_of_memory,
)
from planparse.limits import DEFAULT_LIMITS, Limits
from planparse.reading import (
    charts,
    checkboxes,
    columns,
    contents,
    deskew,
    font_shift,
    footnotes,
    heading_grid,
    line_numbers,
    markup,
    noise,
    ocr,
    ocr_banners,
    ocr_columns,
    ocr_dark_bands,
    ocr_dither,
    ocr_faint,
    ocr_lost_lines,
    ocr_outlines,
    ocr_photo,
    ocr_tables,
    orientation,
    pills,
    raster_icons,
    raster_rules,
    runin,
    sidebars,
    stutter,
    tone,
    weight,
)
from planparse.reading.engine import import_pymupdf
from planparse.reading.heading_numbers import dotted_heading_numbers
from planparse.reading.model import (
    BBox,
    Document,
    Drawing,
    Line,
    Page,
    RawPage,
    Span,
    Table,
    overlap,
    within,
)
from planparse.reading.tables import border_glyph, extract_tables, join_continued

# The first import of PyMuPDF in the process, without its ONNX extras (see engine.py); no
# module above imports it.
import_pymupdf()

T = TypeVar("T")

Backend = Literal["pymupdf", "pdfplumber"]
BACKENDS: tuple[str, ...] = ("pymupdf", "pdfplumber")

# Pages with fewer characters than this and an image are treated as having no text layer.
MIN_TEXT_CHARS = 20


def _load(source: str | os.PathLike[str] | bytes, filename: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray):
        return bytes(source), filename or "<bytes>"
    path = Path(source)
    name = filename or path.name
    try:
        return path.read_bytes(), name
    except IsADirectoryError:
        raise NotAPDF(name, "is a directory, not a file") from None
    except OSError as e:
        raise NotAPDF(name, f"cannot be read: {e.strerror or e}") from None


def read_pdf(
    source: str | os.PathLike[str] | bytes,
    *,
    backend: Backend = "pymupdf",
    ocr: Literal["auto", "always", "never"] = "auto",
    limits: Limits = DEFAULT_LIMITS,
    filename: str | None = None,
) -> Document:
    """Read a PDF into the page model. Raises a typed error when it cannot be read at all."""
    import pymupdf

    data, name = _load(source, filename)
    if not data:
        raise EmptyPDF(name, "the file is empty (0 bytes)")
    if len(data) > limits.max_file_mb * 1024 * 1024:
        raise LimitExceeded(name, "max_file_mb", limits.max_file_mb,
                            f"file is {len(data) / 1048576:.0f} MB, over the limit max_file_mb={limits.max_file_mb}")
    if b"%PDF-" not in data[:1024]:
        kind = _sniff(data)
        raise NotAPDF(name, f"not a PDF (no %PDF header; looks like {kind})")
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    sha = hashlib.sha256(data).hexdigest()

    warnings: list[tuple[str, str, int | None]] = []
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    pymupdf.TOOLS.mupdf_warnings(reset=True)  # the buffer is per process: drop the last file's
    try:
        pdf = pymupdf.open(stream=data, filetype="pdf")
    except Exception as e:  # MuPDF raises several types for broken files
        _out_of_memory(name, e)
        raise CorruptPDF(name, f"cannot be opened as a PDF: {e}") from None
    with pdf:
        if pdf.needs_pass and not pdf.authenticate(""):
            raise EncryptedPDF(name, "is encrypted with a user password")
        try:
            page_count = pdf.page_count
        except Exception as e:  # a page tree too broken to count ("Invalid number of pages")
            raise CorruptPDF(name, f"has no readable page tree (damaged or truncated): {e}") from None
        if page_count == 0:
            raise CorruptPDF(name, "has no readable pages (damaged or truncated)")
        if page_count > limits.max_pages:
            raise LimitExceeded(name, "max_pages", limits.max_pages,
                                f"has {page_count} pages, over the limit max_pages={limits.max_pages}")
        from planparse.reading.pymupdf_backend import without_review_marks

        if marks := without_review_marks(pdf):
            warnings.append(("annotations_ignored", f"{marks} reviewer annotation(s) (comments, notes, "
                             "highlights, stamps) are not read as content", None))
        if pymupdf.TOOLS.mupdf_warnings(reset=True):
            warnings.append(("pdf_repaired", "the PDF has structural damage; MuPDF repaired it on reading", None))
        raw_pages = _read_raw(pdf, data, backend, name, limits, warnings)
        for font in font_shift.mend_shifted_fonts(raw_pages):
            warnings.append(("font_text_shifted", f"the text of font {font} came out shifted along the "
                             "alphabet (a broken ToUnicode map); read back by the shift that makes it Swedish", None))
        metadata = {k: v for k, v in (pdf.metadata or {}).items() if v}
        pages_to_ocr = _pages_without_text(raw_pages) if ocr == "auto" else (
            [r.number for r in raw_pages] if ocr == "always" else []
        )
        if ocr == "never":
            for r in _pages_without_text(raw_pages):
                warnings.append(("no_text_layer", "page has no text layer and OCR is off", r))
        turned = _turn_upright(pdf, raw_pages, pages_to_ocr, warnings)
        ocr_engine = _run_ocr(pdf, raw_pages, pages_to_ocr, limits, name, warnings)
        printed = _printed_layers(pdf, raw_pages, limits)
        external = [n for n in _external_ocr_pages(raw_pages) if n not in pages_to_ocr and n not in printed]
        image_drawings: dict[int, list[Drawing]] = {}  # rules and icons under an OCR layer
        layers, repair_engine = _repair_ocr_layers(pdf, raw_pages, external, ocr, limits, warnings, image_drawings)
        ocr_engine = ocr_engine or repair_engine
        if ocr != "never" and backend == "pymupdf":
            _read_banners(pdf, raw_pages, layers)
            _reread_dark_bands(pdf, raw_pages)

    for n in pages_to_ocr:
        if raw_pages[n - 1].lines and raw_pages[n - 1].lines[0].method == "ocr":
            layers[n - 1] = "ocr"
    for raw, layer in zip(raw_pages, layers, strict=True):
        if layer == "ocr":
            _repair_spans(raw.lines, aggressive=False)
        if layer in ("ocr", "repaired"):
            n0 = len(raw.drawings)
            raw.drawings.extend(image_drawings.get(raw.number, []))
            deskew.straighten(raw.lines, raw.drawings, raw.width, raw.height)
            if raw.number in image_drawings:
                image_drawings[raw.number] = raw.drawings[n0:]
                del raw.drawings[n0:]
    image_ruled = None
    if any(image_drawings.values()):
        ruled_raw = copy.deepcopy(raw_pages)
        for raw in ruled_raw:
            raw.drawings.extend(image_drawings.get(raw.number, []))
        image_ruled = _assemble(ruled_raw, layers, [])  # (its failures are the page's own, warned below)
        # (the bold read from the ink is the generic parser's, as the rules are: a layout family
        # keeps reading the layer as its layout was learnt, in one weight)
        for raw in raw_pages:
            if raw.ink_bold:
                for ln in raw.lines:
                    for s in ln.spans:
                        s.bold = False
    pages = _assemble(raw_pages, layers, warnings)
    ocr_pages = ocr != "never" and any(k in ("ocr", "repaired") for k in layers) and backend == "pymupdf"
    return Document(
        file=name,
        sha256=sha,
        pages=pages,
        text_layer=_document_layer(layers),
        ocr_engine=ocr_engine,
        warnings=warnings,
        pdf_metadata=metadata,
        reread=_figure_reader(data, turned) if ocr_pages and ocr_engine is not None else None,
        image_ruled=image_ruled,
    )


def _read_banners(pdf: object, raw_pages: list[RawPage], layers: list[str]) -> None:
    """Headings drawn as banner images, tables pasted as pictures and lines drawn as glyph
    outlines on pages with a text layer, read by Tesseract and added to the page's lines in
    their place (:mod:`planparse.reading.ocr_banners`, :mod:`planparse.reading.ocr_tables`,
    :mod:`planparse.reading.ocr_outlines`)."""
    import pymupdf

    assert isinstance(pdf, pymupdf.Document)
    pages = [raw for raw, layer in zip(raw_pages, layers, strict=True)
             if layer == "native" and raw.lines and (ocr_banners.banner_images(raw) or ocr_tables.table_images(raw)
                                                     or ocr_outlines.glyph_runs(raw))]
    lang = ocr.choose_language() if pages else None
    for raw in pages if lang else []:
        page = pdf[raw.number - 1]
        for line in ocr_banners.read_banners(page, raw, lang or "") + ocr_tables.read_tables(page, raw, lang or "") \
                + ocr_outlines.read_outlines(page, raw, lang or ""):
            at = next((k for k, ln in enumerate(raw.lines) if ln.bbox[1] > line.bbox[1]), len(raw.lines))
            raw.lines.insert(at, line)


def _reread_dark_bands(pdf: object, raw_pages: list[RawPage]) -> None:
    """Light text on the dark bands of OCR'd pages read again, inverted
    (:mod:`planparse.reading.ocr_dark_bands`)."""
    import pymupdf

    assert isinstance(pdf, pymupdf.Document)
    pages = [raw for raw in raw_pages if raw.lines and raw.lines[0].method in ("ocr", "repaired")]
    lang = ocr.choose_language() if pages else None
    for raw in pages if lang else []:
        ocr_dark_bands.reread_dark_bands(pdf[raw.number - 1], raw, lang or "")


# Cell images for a second reading: this resolution, a white margin of this many pixels.
_REREAD_DPI = 300
_REREAD_DPI_AGAIN = (200, 400)  # a crop Tesseract reads nothing in at 300 dpi is read at these
_REREAD_MARGIN = 30


def _figure_reader(data: bytes, turned: dict[int, int]) -> Callable[[int, BBox], str | None]:
    """A reader of boxes of the PDF's page images as one line of figures each
    (:func:`planparse.reading.ocr.read_figures`): the box cut at 300 dpi and set on a white
    margin, as Tesseract reads best (see :func:`_cell_image`). Results are kept by page and box;
    the ``turned`` pages (upside-down or sideways scans: page → degrees) are turned as the
    document was read."""
    import pymupdf

    from planparse.reading import ink_groups

    done: dict[tuple[int, BBox], str | None] = {}
    opened: list[pymupdf.Document] = []

    def reread(page: int, box: BBox) -> str | None:
        key = (page, box)
        if key in done:
            return done[key]
        if not opened:
            opened.append(pymupdf.open(stream=data, filetype="pdf"))
            for n, degrees in turned.items():
                opened[0][n - 1].set_rotation((opened[0][n - 1].rotation + degrees) % 360)
        pdf = opened[0]
        if not 1 <= page <= pdf.page_count:
            return None
        image = _cell_image(pdf[page - 1], box)
        read = ocr.read_figures(image) if image is not None else None
        if read == "" and image is not None:
            # Nothing seen ("11" at 300 dpi): read at two other scales, taken where both agree.
            again = [_cell_image(pdf[page - 1], box, dpi) for dpi in _REREAD_DPI_AGAIN]
            reads = {ocr.read_figures(im) if im is not None else None for im in again}
            if len(reads) == 1 and (only := reads.pop()):
                image, read = again[-1], only
        pixels = raster_rules._pgm(image) if read and image is not None else None
        done[key] = ink_groups.with_decimal_comma(read, pixels) if read and pixels is not None else read
        return done[key]

    return reread


def _cell_image(page: object, box: BBox, dpi: int = _REREAD_DPI) -> bytes | None:
    """The box of a page's image at ``dpi`` on a white margin, as PNM; None when the box is off
    the page. A table rule that crosses the whole box (a row's or column's rule the box takes
    in above, below or beside the figures) is painted white: Tesseract reads a figure under a
    rule as letters ("aalo" for "2 575")."""
    import pymupdf

    assert isinstance(page, pymupdf.Page)
    clip = pymupdf.Rect(box) & page.rect
    if clip.is_empty:
        return None
    pix = page.get_pixmap(dpi=dpi, clip=clip, colorspace=pymupdf.csGRAY, alpha=False)
    framed = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, pix.width + 2 * _REREAD_MARGIN,
                                                           pix.height + 2 * _REREAD_MARGIN), False)
    framed.clear_with(255)
    pix.set_origin(_REREAD_MARGIN, _REREAD_MARGIN)
    framed.copy(pix, pix.irect)
    return raster_rules.without_crossing_rules(framed.tobytes("pnm"), _REREAD_MARGIN)


def _sniff(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "HTML"
    if head.startswith(b"\x89png"):
        return "a PNG image"
    if head.startswith(b"\xff\xd8"):
        return "a JPEG image"
    if head.startswith(b"pk\x03\x04"):
        return "a ZIP archive (perhaps a Word or Excel file)"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old Office document"
    try:
        data[:4096].decode("utf-8")
        return "plain text"
    except UnicodeDecodeError:
        return "binary data"


def _read_raw(
    pdf: object,
    data: bytes,
    backend: str,
    name: str,
    limits: Limits,
    warnings: list[tuple[str, str, int | None]],
) -> list[RawPage]:
    import pymupdf

    from planparse.reading import pymupdf_backend

    assert isinstance(pdf, pymupdf.Document)
    if backend == "pdfplumber":
        from planparse.reading import pdfplumber_backend

        pages = pdfplumber_backend.read_pages(data, name)
        for raw in pages:
            _check_chars(raw, name, limits)
        return pages
    pages = []
    image_looks: dict[int, pymupdf_backend.Look] = {}
    for i in range(pdf.page_count):
        try:
            raw = pymupdf_backend.read_page(pdf[i], i + 1, image_looks)
        except Exception as e:
            _out_of_memory(name, e)
            raise CorruptPDF(name, f"page {i + 1} cannot be read: {e}") from None
        _check_chars(raw, name, limits)
        # MuPDF recovers from damage inside a page (an object it cannot load, a content
        # stream cut short) and only tells its warning buffer: say so on the page.
        problems = pymupdf.TOOLS.mupdf_warnings(reset=True)
        if problems:
            first = problems.strip().splitlines()[0]
            warnings.append(("page_damaged",
                             f"page {i + 1} is damaged and may be incomplete (MuPDF: {first})", i + 1))
        pages.append(raw)
    return pages


def _check_chars(raw: RawPage, name: str, limits: Limits) -> None:
    chars = sum([len(s.text) for ln in raw.lines for s in ln.spans])
    if chars > limits.max_chars_per_page:
        raise LimitExceeded(name, "max_chars_per_page", limits.max_chars_per_page,
                            f"page {raw.number} has {chars} characters, over the limit max_chars_per_page={limits.max_chars_per_page}")


def _turn_upright(pdf: object, raw_pages: list[RawPage], numbers: list[int],
                  warnings: list[tuple[str, str, int | None]]) -> dict[int, int]:
    """Pages to be OCR'd whose scan is upside down or sideways, turned (in memory) and read
    again, as page → degrees turned (:mod:`planparse.reading.orientation`). A page turned a
    quarter is read as shown turned: its positions are those of the upright page."""
    import pymupdf

    from planparse.reading import pymupdf_backend

    assert isinstance(pdf, pymupdf.Document)
    path, _, langs = ocr.tesseract_info() if numbers else (None, None, ())
    turned = orientation.turned_pages(pdf, numbers, path, "osd" in langs)
    for n, degrees in turned.items():
        raw_pages[n - 1] = pymupdf_backend.read_page(pdf[n - 1], n, {})
        how = "upside down" if degrees == 180 else "sideways"
        warnings.append(("page_turned", f"page {n} is scanned {how}; it was turned {degrees}° to be read", n))
    return turned


def _pages_without_text(raw_pages: list[RawPage]) -> list[int]:
    out = []
    for r in raw_pages:
        chars = 0
        for ln in r.lines:  # (counted up to MIN_TEXT_CHARS: past it, the page has text)
            chars += sum(len(s.text.strip()) for s in ln.spans)
            if chars >= MIN_TEXT_CHARS:
                break
        if chars < MIN_TEXT_CHARS and (r.images or r.drawings or chars == 0):
            out.append(r.number)
    return out


def _run_ocr(
    pdf: object,
    raw_pages: list[RawPage],
    numbers: list[int],
    limits: Limits,
    name: str,
    warnings: list[tuple[str, str, int | None]],
) -> str | None:
    if not numbers:
        return None
    lang = ocr.choose_language()
    if lang is None:
        for n in numbers:
            warnings.append(
                ("ocr_unavailable",
                 f"page has no text layer and Tesseract is not installed ({ocr.INSTALL_HINT})", n)
            )
        return None
    if lang != "swe":
        warnings.append(("ocr_language",
                         f"Tesseract's Swedish model is missing, OCR used {lang} ({ocr.INSTALL_HINT})", None))
    for n in numbers:  # (letters drawn as outlines are read by the OCR, not as shapes)
        raw_pages[n - 1].drawings = ocr_outlines.without_glyph_shapes(raw_pages[n - 1].drawings)
    results = _ocr_images(pdf, numbers, limits, warnings, raw_pages, with_rules=True)
    for n, lines in results.items():
        raw_pages[n - 1].lines = lines
    return ocr.engine_name(lang) if results else None


def _ocr_images(
    pdf: object,
    numbers: list[int],
    limits: Limits,
    warnings: list[tuple[str, str, int | None]],
    raw_pages: list[RawPage],
    with_rules: bool = False,
    rules_into: dict[int, list[Drawing]] | None = None,
) -> dict[int, list[Line]]:
    """Render the pages and OCR them in parallel with the best installed language; with
    ``with_rules`` (pages without a text layer: scans), the table rules and colour icons in
    each page image become the page's drawings (:mod:`planparse.reading.raster_rules`,
    :mod:`planparse.reading.raster_icons`) and bold words are read from their strokes
    (:mod:`planparse.reading.weight`), and grey ones from their ink (:mod:`planparse.reading.tone`). With ``rules_into`` (pages under someone else's OCR
    layer) the rules and icons go there instead, by page.

    A page is not rendered when its image would exceed ``limits.max_image_pixels``, nor when
    an image embedded in it does: rendering decodes every embedded image whole, so a tiny
    compressed stream that inflates to a huge image (a decompression bomb) would otherwise
    cost its full size in memory and time.
    """
    import pymupdf

    from planparse.reading.pymupdf_backend import render_gray

    assert isinstance(pdf, pymupdf.Document)
    lang = ocr.choose_language()
    if lang is None:
        return {}
    images: dict[int, bytes] = {}
    for n in numbers:
        page = pdf[n - 1]
        pixels = page.rect.width * page.rect.height * (ocr.DPI / 72) ** 2
        if pixels > limits.max_image_pixels:
            warnings.append(("ocr_skipped",
                             f"page image would be {pixels:.0f} pixels, over the limit max_image_pixels={limits.max_image_pixels}", n))
            continue
        embedded = max((im.width * im.height for im in raw_pages[n - 1].images), default=0)
        if embedded > limits.max_image_pixels:
            warnings.append(("ocr_skipped",
                             f"page not OCR'd: an embedded image has {embedded} pixels, over the limit max_image_pixels={limits.max_image_pixels}", n))
            continue
        images[n] = render_gray(page, ocr.DPI)
        if with_rules:  # a photographed sheet made upright and evenly lit (a scan's left as it is), a dithered one's dots gone
            images[n] = ocr_dither.undithered(ocr_photo.flatten_photo(images[n], ocr.DPI))
    # A scanned page's table rules, which its OCR'd text alone does not show; Tesseract reads
    # the page without them (they would be read as letters). Pages in threads: numpy leaves
    # the interpreter lock while it works on a page's pixels.
    ruled = [n for n in images if (with_rules or rules_into is not None)
             and not any(d.kind in ("hline", "vline", "rect") for d in raw_pages[n - 1].drawings)]
    for n, (found, image) in zip(ruled, _in_threads(
            lambda n: raster_rules.rules_and_clean_image(images[n], ocr.DPI), ruled), strict=True):
        if rules_into is None:
            raw_pages[n - 1].drawings.extend(found)
            images[n] = image
        else:  # the reference OCR of an OCR layer reads the page as it is, as before
            rules_into.setdefault(n, []).extend(found)
    # The status icons in the page images (a scan's, or under an OCR layer) are found in one
    # thread while Tesseract reads the pages. (PyMuPDF is used by that thread alone: this one
    # only waits on Tesseract's processes until the thread is done.)
    iconless = [n for n in images if (with_rules or rules_into is not None)
                and not any(d.is_icon for d in raw_pages[n - 1].drawings)]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        icons = pool.submit(lambda: [raster_icons.page_icons(pdf[n - 1], [
            d for d in (rules_into.get(n, []) if rules_into is not None else raw_pages[n - 1].drawings)
            if d.kind == "rect" and d.fill is not None]) for n in iconless])
        try:
            results, failure = ocr.ocr_pages(images, lang), None
        except Exception as e:
            results, failure = {}, e
        found_icons = icons.result()
        for n, found in zip(iconless, found_icons, strict=True):
            (rules_into.setdefault(n, []) if rules_into is not None else raw_pages[n - 1].drawings).extend(found)
        _grey_in_colour([d for found in found_icons for d in found])
    if failure is not None:
        warnings.append(("ocr_failed", f"Tesseract failed: {failure}", None))
        return {}
    try:
        if with_rules:  # (lines the page layout analysis passed over, read on their own)
            results = dict(zip(sorted(results), _in_threads(
                lambda n: ocr_lost_lines.read_lost_lines(images[n], results[n], n, lang, ocr.DPI), sorted(results)),
                strict=True))
            # (the document's usual letter size: a page of a table and a line or two has too few
            # words of body text to tell it)
            usual = weight.usual_size([ln for n in sorted(results) for ln in results[n]])
            _in_threads(lambda n: weight.fit_boxes(results[n], images[n], ocr.DPI, usual), sorted(results))
            _in_threads(lambda n: weight.mark_bold(results[n], images[n], ocr.DPI), sorted(results))
            _in_threads(lambda n: tone.mark_grey(results[n], images[n], ocr.DPI), sorted(results))
            _in_threads(lambda n: stutter.mend_stuttered_years(results[n], images[n], ocr.DPI), sorted(results))
            for n, lines in results.items():
                drawn = [d for d in raw_pages[n - 1].drawings if d.is_icon]
                if len(drawn) > raster_icons.MAX_ICONS:
                    continue  # glyphs of text drawn as shapes (in any colour), no status icons
                coloured = any(_coloured(d.fill) for d in drawn)  # (then a grey disc is an icon too: "O", "Ö", "&" read from it)
                icon_boxes = [d.bbox for d in drawn if d.toneless or _coloured(d.fill) or coloured and _mid_grey(d.fill)]
                if icon_boxes:
                    results[n] = _without_icon_words(lines, icon_boxes)
            _in_threads(lambda n: _scan_bullets(results[n], images[n]), sorted(results))
            _scan_en_dashes(pdf, results, limits)
        else:  # (a reference reading: the figures it adds to the layer keep their decimal commas)
            _in_threads(lambda n: _decimal_commas(results[n], images[n]), sorted(results))
        return results
    except Exception as e:
        warnings.append(("ocr_failed", f"Tesseract failed: {e}", None))
        return {}


def _grey_in_colour(icons: list[Drawing]) -> None:
    """A colour scan's grey icons are grey: where some page's icons have colours, the toneless
    ones (a grey "not assessed" disc, alone on a page without colour or beside colour icons)
    name their grey (in place)."""
    if any(not d.toneless for d in icons):
        for d in icons:
            d.toneless = False


def _scan_en_dashes(pdf: object, results: dict[int, list[Line]], limits: Limits) -> None:
    """Ranges of figures a scan's OCR read with a hyphen ("2021-2025") measured in the page
    image, as on someone else's OCR layer: an en dash's length makes the hyphen "–" (see
    :func:`planparse.reading.ink.en_dashes`)."""
    import pymupdf

    from planparse.reading import ink
    from planparse.reading.pymupdf_backend import render_gray

    assert isinstance(pdf, pymupdf.Document)
    for n in sorted(results):
        ranges = ink.range_candidates(results[n])
        page = pdf[n - 1]
        if not ranges or page.rect.width * page.rect.height * (_DASH_DPI / 72) ** 2 > limits.max_image_pixels:
            continue
        fine = raster_rules._pgm(render_gray(page, _DASH_DPI))
        if fine is not None:
            ink.en_dashes(ranges, fine, _DASH_DPI)


def _scan_bullets(lines: list[Line], gray: bytes) -> None:
    """Bullets Tesseract read as nothing on a scanned page given back from its image, as on
    someone else's OCR layer (:func:`planparse.reading.ink.lost_bullets`), and the spaces
    of figures' thousands groups it read as one word and the decimal commas it read as
    nothing (:mod:`planparse.reading.ink_groups`)."""
    from planparse.reading import ink, ink_groups

    image = raster_rules._pgm(gray)
    if image is not None:
        ink.lost_bullets(lines, image, ocr.DPI)
        ink_groups.thousands_spaces(lines, image, ocr.DPI)
        ink_groups.lost_decimal_commas(lines, image, ocr.DPI)


def _decimal_commas(lines: list[Line], gray: bytes) -> None:
    """Decimal commas Tesseract read as nothing, given back from the page image
    (:func:`planparse.reading.ink_groups.lost_decimal_commas`)."""
    from planparse.reading import ink_groups

    image = raster_rules._pgm(gray)
    if image is not None:
        ink_groups.lost_decimal_commas(lines, image, ocr.DPI)


def _coloured(rgb: int | None) -> bool:
    """Whether a fill is a colour (a status icon's), not black, grey or white (text drawn as shapes)."""
    if rgb is None:
        return False
    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return max(r, g, b) - min(r, g, b) > 40


def _mid_grey(rgb: int | None) -> bool:
    """Whether a fill is a mid grey (a "not started" disc), neither text's black nor paper."""
    if rgb is None:
        return False
    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return max(r, g, b) - min(r, g, b) <= 40 and 90 <= (r + g + b) / 3 <= 220


def _without_icon_words(lines: list[Line], icons: list[BBox]) -> list[Line]:
    """OCR'd lines without the words Tesseract read from a status icon ("OO", "[G]", "ee" after
    a goal's title): words whose centre lies on an icon found in the page image."""
    def on_icon(s: Span) -> bool:
        # (an icon is smaller than a word: a longer word on one is text the icon finder took in)
        b = s.bbox
        xc, yc = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        return len(s.text.strip()) <= 4 and any(i[0] - 1 <= xc <= i[2] + 1 and i[1] - 1 <= yc <= i[3] + 1 for i in icons)

    out: list[Line] = []
    for ln in lines:
        kept = [s for s in ln.spans if not on_icon(s)]
        if len(kept) != len(ln.spans):
            if not kept:
                continue
            ln.spans = kept
        out.append(ln)
    return out


def _in_threads(work: Callable[[int], T], pages: list[int]) -> list[T]:
    """``work`` on each page, in threads (as many as CPUs), results in ``pages``' order."""
    if len(pages) <= 1:
        return [work(n) for n in pages]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(len(pages), os.cpu_count() or 1)) as pool:
        return list(pool.map(work, pages))


def _external_ocr_pages(raw_pages: list[RawPage]) -> list[int]:
    """Pages whose text layer is someone else's OCR over a page image."""
    from planparse.text.repair import looks_damaged

    out = []
    for r in raw_pages:
        if not r.lines or not r.images:
            continue
        if r.ocr_font or r.invisible_text or looks_damaged(" ".join(ln.text for ln in r.lines)):
            out.append(r.number)
    return out


def _printed_layers(pdf: object, raw_pages: list[RawPage], limits: Limits) -> list[int]:
    """Pages that are a picture of themselves under the text they were printed from (a "Print
    to PDF" of page images, an OCR product that keeps its source's fonts): an invisible layer
    in real fonts, reading as good Swedish, its words over the ink of the image. Their text is
    kept as it is (native); the table rules, shaded bands and status icons that only the image
    holds become the page's drawings, as on a scan."""
    import pymupdf

    from planparse.reading import ink
    from planparse.reading.pymupdf_backend import render_gray
    from planparse.text.repair import looks_damaged

    assert isinstance(pdf, pymupdf.Document)
    out: list[int] = []
    icons: list[Drawing] = []
    for r in raw_pages:
        if not (r.lines and r.images and r.invisible_text) or r.ocr_font \
                or looks_damaged(" ".join(ln.text for ln in r.lines)) or _readable(r.lines)[0] < PRINTED_READABLE:
            continue
        page = pdf[r.number - 1]
        embedded = max((im.width * im.height for im in r.images), default=0)
        if page.rect.width * page.rect.height * (ocr.DPI / 72) ** 2 > limits.max_image_pixels \
                or embedded > limits.max_image_pixels:
            continue
        image = raster_rules._pgm(render_gray(page, _INK_DPI))
        spans = [s for ln in r.lines for s in ln.spans if s.text.strip()]
        scale = _INK_DPI / 72
        if image is None or sum(ink._inkless(s, image, scale) for s in spans) > _INKLESS_SHARE * len(spans):
            continue  # (words beside the ink: a layer of its own, read as OCR)
        out.append(r.number)
        # The picture the words lie on is the page itself, no photograph on it: what it shows
        # the layouts read as the drawings found in it below.
        r.images = [im for im in r.images if 2 * sum(_within(s, im.bbox) for s in spans) < len(spans)]
        if not any(d.kind in ("hline", "vline", "rect") for d in r.drawings):
            # (a native layer is not straightened: its rules as they stand)
            r.drawings.extend(raster_rules.rules_and_clean_image(render_gray(page, ocr.DPI), ocr.DPI, level=False)[0])
        if not any(d.is_icon for d in r.drawings):
            found = raster_icons.page_icons(page, [d for d in r.drawings if d.kind == "rect" and d.fill is not None])
            r.drawings.extend(found)
            icons.extend(found)
    _grey_in_colour(icons)
    return out


# A printed layer may have this share of its words over no ink (white text on a dark band
# that the ink test reads as blank, a word the image clips).
_INKLESS_SHARE = 0.1


def _repair_ocr_layers(
    pdf: object,
    raw_pages: list[RawPage],
    external: list[int],
    ocr_mode: str,
    limits: Limits,
    warnings: list[tuple[str, str, int | None]],
    image_drawings: dict[int, list[Drawing]],
) -> tuple[list[str], str | None]:
    """Correct existing OCR layers; the page layer kinds and the OCR engine used, if any.
    The table rules and colour icons of their page images go into ``image_drawings``, by page:
    an OCR layer has neither (see :attr:`Document.image_ruled`).

    Where Tesseract's Swedish model is available (and OCR is not off), each such page is
    OCR'd again and its existing words take the Swedish spelling where the two agree on the
    word's skeleton; the lexicon repair then handles what is left. Without Tesseract the
    lexicon repair does it all (benchmarks/ocr_repair.py measures both routes).
    """
    engine = None
    replaced: list[int] = []  # pages whose layer was read anew
    if external and ocr_mode != "never":
        _fit_to_ink(pdf, raw_pages, external, limits)
    if external and ocr_mode != "never" and ocr.choose_language() == "swe":
        references = _ocr_images(pdf, external, limits, warnings, raw_pages, rules_into=image_drawings)
        if references:
            engine = ocr.engine_name("swe")
        for n, ref_lines in references.items():
            page = raw_pages[n - 1]
            if _worse_layer(page.lines, ref_lines):
                page.lines = ref_lines  # (another engine's layer, mostly garbage: the page read anew)
                replaced.append(n)
                warnings.append(("ocr_layer_replaced", "the page's OCR layer is mostly unreadable; the page was OCR'd anew", n))
                continue
            before = {id(ln): ln.text for ln in page.lines}
            for ln in page.lines:
                ln.raw_text = before[id(ln)]
            ocr.correct_with_reference(page.lines, ref_lines)
            ocr.replace_garbled_words(page.lines, ref_lines)
            ocr.drop_unread_end_dashes(page.lines, ref_lines)
            upheld: set[int] = set()  # layer figures a third reading agreed with
            ocr.vote_numbers(page.lines, ref_lines, _third_reader(pdf, n), upheld)
            ocr.correct_numbers(page.lines, ref_lines, upheld)
            ocr.insert_dropped_words(page.lines, ref_lines)
            page.lines = ocr.restore_lost_lines(ocr.replace_lost_rows(page.lines, ref_lines), ref_lines)
            page.lines.extend(_faint_lines(pdf, n, page.lines))
            page.lines.extend(_words_on_dark_fills(page.lines, ref_lines, image_drawings.get(n, [])))
    layers: list[str] = []
    for r in raw_pages:
        if not r.lines:
            layers.append("none")
        elif r.number in replaced:
            layers.append("ocr")
        elif r.number in external:
            for ln in r.lines:
                if ln.raw_text is None:
                    ln.raw_text = ln.text
                ln.method = "repaired"
            _repair_spans(r.lines, aggressive=True)
            layers.append("repaired")
        else:
            layers.append("native")
    return layers, engine


# The share of a layer's words (å/ä/ö put back) the lexicon knows: a layer printed from its
# source's text reads nearly all; an OCR layer under LAYER_READABLE, LAYER_WORSE under a Swedish
# reading of the same page, is read anew (another engine's words: "5" for "s", words run together)
PRINTED_READABLE = 0.9
LAYER_RUN_TOGETHER = 1.3  # a good reading finds this many times the layer's words or more: it ran words together
LAYER_READABLE = 0.8
LAYER_WORSE = 0.15


def _readable(lines: list[Line]) -> tuple[float, int]:
    """The share of a page's words (of letters, two or more) that are words once their å/ä/ö
    are put back, and how many words there are."""
    from planparse.text.repair import known_word, repair_word

    # (a word with a sign among its letters counts, unknown: "m_lomr_de", what an engine could not read)
    words = [w for ln in lines for w in (t.strip(".,:;()!?\"'”“–-") for t in ln.text.split())
             if len(w) >= 2 and sum(ch.isalpha() for ch in w) >= 2]
    if not words:
        return 0.0, 0
    return sum(w.isalpha() and known_word(repair_word(w, aggressive=True)) for w in words) / len(words), len(words)


def _long_words(lines: list[Line]) -> float:
    """The share of a page's words that are 15 letters long or longer."""
    words = [w for ln in lines for w in ln.text.split() if sum(ch.isalpha() for ch in w) >= 2]
    return sum(len(w) >= 15 for w in words) / len(words) if words else 0.0


def _worse_layer(layer: list[Line], reference: list[Line]) -> bool:
    """Whether an existing OCR layer reads far worse than a Swedish reading of its page (another
    engine's layer: "5" for "s", "_" for what it could not read): most of its words are none, or
    it ran words together (a third fewer words than a good reading finds: "byggaklartcykelleden")."""
    own, n = _readable(layer)
    theirs, m = _readable(reference)
    if n >= 40 and m >= LAYER_RUN_TOGETHER * n and theirs >= LAYER_READABLE and _long_words(layer) >= 1.8 * _long_words(reference) + 0.02:
        return True  # (its long "words" are words run together: far more than the good reading has)
    return n >= 40 and m >= 0.7 * n and own < LAYER_READABLE and theirs - own >= LAYER_WORSE  # (a page of a few lines says little)


def _faint_lines(pdf: object, number: int, lines: list[Line]) -> list[Line]:
    """Lines of faint (light grey) text on page ``number`` that its OCR layer and reading lack
    (:mod:`planparse.reading.ocr_faint`)."""
    import pymupdf

    from planparse.reading.pymupdf_backend import render_gray

    assert isinstance(pdf, pymupdf.Document)
    lang = ocr.choose_language()
    pixels = raster_rules._pgm(render_gray(pdf[number - 1], ocr.DPI))
    if lang is None or pixels is None:
        return []
    return ocr_faint.faint_lines(pixels, lines, number, lang, ocr.DPI)


def _third_reader(pdf: object, number: int) -> Callable[[BBox], str | None]:
    """A reader of boxes of page ``number``'s image as one line of figures each: the third
    reading of a figure the OCR layer and the reference read differently
    (:func:`planparse.reading.ocr.vote_numbers`)."""
    import pymupdf

    assert isinstance(pdf, pymupdf.Document)

    def read(box: BBox) -> str | None:
        image = _cell_image(pdf[number - 1], box)
        return ocr.read_figures(image) if image is not None else None

    return read


def _words_on_dark_fills(lines: list[Line], reference: list[Line], drawings: list[Drawing]) -> list[Line]:
    """The reference OCR's lines on a dark shaded band (a table header's light labels) where the
    existing layer has no word: an OCR made without care for light-on-dark text leaves such
    headers out, and a table without its header cannot be read by its columns."""
    from planparse.reading.raster_fills import DARK_FILL

    dark = [d.bbox for d in drawings if d.kind == "rect" and d.fill is not None and (d.fill & 255) < DARK_FILL]
    if not dark:
        return []
    taken = [s.bbox for ln in lines for s in ln.spans if s.text.strip()]
    out: list[Line] = []
    for ln in reference:
        spans = [s for s in ln.spans if s.text.strip() and any(_within(s, b) for b in dark)
                 and not any(overlap(s.bbox, t) for t in taken)]  # fmt: skip
        if spans:
            out.append(Line(spans=spans, page=ln.page, method="repaired", raw_text=None))
    return out


def _within(s: Span, box: BBox) -> bool:
    return box[0] <= s.xc <= box[2] and box[1] <= s.yc <= box[3]


def _fit_to_ink(pdf: object, raw_pages: list[RawPage], numbers: list[int], limits: Limits) -> None:
    """The word boxes of someone else's OCR layer on pages ``numbers`` fitted to the ink of
    the page image (:func:`planparse.reading.ink.fit_to_ink`); pages whose image would exceed
    ``limits.max_image_pixels`` are left as they are."""
    import pymupdf

    from planparse.reading import ink, ink_groups, ink_register, ink_words
    from planparse.reading.pymupdf_backend import render_gray

    assert isinstance(pdf, pymupdf.Document)
    mapping: ink_register.Mapping | None = None
    for n in numbers:
        page = pdf[n - 1]
        embedded = max((im.width * im.height for im in raw_pages[n - 1].images), default=0)
        if page.rect.width * page.rect.height * (_INK_DPI / 72) ** 2 > limits.max_image_pixels \
                or embedded > limits.max_image_pixels:
            continue
        gray = render_gray(page, _INK_DPI)
        image = raster_rules._pgm(gray)
        if image is None:
            continue
        found = raster_rules.rules_and_clean_image(gray, _INK_DPI, level=False)[0]  # (the page's own slant)
        rules = [(d.bbox[1], d.bbox[3]) for d in found if d.kind == "hline"]
        # (a layer set off its image as a whole)
        mapping = ink_register.register(raw_pages[n - 1].lines, image, _INK_DPI, mapping) or mapping
        wise = ink_words.line_wise(raw_pages[n - 1].lines)
        if wise:  # (a layer written a line at a time: its words placed on their ink first)
            ink_words.split_line_wise(raw_pages[n - 1].lines, ink_words.without_rules(image, found, _INK_DPI), _INK_DPI)
        columns = [(d.bbox[0], d.bbox[2]) for d in found if d.kind == "vline"]
        ink.fit_to_ink(raw_pages[n - 1].lines, image, _INK_DPI, rules, may_split=not wise, columns=columns)
        raw_pages[n - 1].lines = [ln for ln in raw_pages[n - 1].lines if ln.spans]
        ink.lost_bullets(raw_pages[n - 1].lines, image, _INK_DPI)
        if not any(s.bold for ln in raw_pages[n - 1].lines for s in ln.spans):
            # (a layer in one font, as Tesseract's GlyphLessFont: its bold words are in the ink alone)
            weight.mark_bold(raw_pages[n - 1].lines, gray, _INK_DPI)
            raw_pages[n - 1].ink_bold = True
        ink_groups.thousands_spaces(raw_pages[n - 1].lines, image, _INK_DPI, ocr_layer=True)
        ink_groups.lost_decimal_commas(raw_pages[n - 1].lines, image, _INK_DPI, ocr_layer=True)
        ranges = ink.range_candidates(raw_pages[n - 1].lines)
        fine = raster_rules._pgm(render_gray(page, _DASH_DPI)) if ranges else None
        if fine is not None:  # a dash's length wants more pixels than a word's box
            ink.en_dashes(ranges, fine, _DASH_DPI)


# The resolution OCR'd word boxes are fitted to the page image's ink at; a range's dash is
# measured at the other.
_INK_DPI = 150
_DASH_DPI = 300


def _repair_spans(lines: list[Line], *, aggressive: bool) -> None:
    """OCR repair of every span (:func:`planparse.text.repair.repair_text`), a line's text as
    read kept in ``raw_text`` when a span changes. A page OCR'd here gets the conservative
    repair (words no lexicon knows but a common word's letters make: "företäg"); someone
    else's English OCR layer the aggressive one."""
    from planparse.text.repair import repair_text

    for ln in lines:
        for s in ln.spans:
            fixed = repair_text(s.text, aggressive=aggressive)
            if fixed != s.text:
                if ln.raw_text is None:
                    ln.raw_text = ln.text
                s.text = fixed


def _document_layer(layers: list[str]) -> Literal["native", "ocr", "mixed"] | None:
    kinds = {"ocr" if k in ("ocr", "repaired") else k for k in layers if k != "none"}
    if not kinds:
        return None
    if kinds == {"native"}:
        return "native"
    if kinds == {"ocr"}:
        return "ocr"
    return "mixed"


# Pieces of one visual line further apart than this stay separate lines (columns, side notes).
MAX_WORD_GAP = 72.0


def merge_baselines(
    lines: list[Line], band: tuple[float, float] | None = None, boxes: list[BBox] | None = None,
    cells: list[BBox] | None = None,
) -> list[Line]:
    """Sort lines into reading order and join pieces that share a baseline.

    Producers often draw a heading's number and its title, a bullet and its text, or a
    contents entry and its page number as separate text runs on one baseline. On a page set
    in two columns (``band``, its gutter: see :mod:`.columns`) pieces on either side of the
    gutter stay apart and each column is read before the next. A piece inside one of
    ``boxes`` (cards side by side) stays apart from one beyond that box's right edge, and one
    inside any of ``cells`` (drawn boxes: a table's shaded cells) from one outside every cell
    across that cell's edge (a text box's line level with a table's first row beside it).
    """
    mid = (band[0] + band[1]) / 2 if band else None
    boxes = _card_columns(lines, boxes) if boxes else boxes
    centres = [((b[1] + b[3]) / 2, ln, _column_of(b, mid, boxes)) for ln in lines for b in (ln.bbox,)]
    centres.sort(key=itemgetter(0))
    rows: list[list[Line]] = []
    # the vertical centre and size of the current row's first line, and of its first line in
    # each column: a line is put in the row by its own column's first line where the row has
    # one (a bullet two points higher in the next column starts no row for this one's bullet)
    ref_yc = ref_size = 0.0
    refs: dict[int, tuple[float, float]] = {}
    for yc, ln, col in centres:
        size = _row_size(ln)
        r_yc, r_size = refs.get(col, (ref_yc, ref_size)) if col is not None else (ref_yc, ref_size)
        # (max(2.0, 0.3 * min(size, ref_size)), inline: every line of the page)
        reach = 0.3 * (r_size if r_size < size else size)
        if rows and abs(yc - r_yc) <= (reach if reach > 2.0 else 2.0):
            rows[-1].append(ln)
            if col is not None and col not in refs:
                refs[col] = (yc, size)
            continue
        rows.append([ln])
        ref_yc, ref_size = yc, size
        refs = {} if col is None else {col: (yc, size)}
    # the cells by the 20 pt bands of the page they cross: a row is looked for in the cells
    # crossing its bands only (a page of table cells has hundreds)
    bands: dict[int, list[BBox]] = {}
    box_bands: dict[int, list[BBox]] = {}
    for found, into in ((cells, bands), (boxes, box_bands)):
        for b in found or ():
            for k in range(int(b[1] // 20), int(b[3] // 20) + 1):
                into.setdefault(k, []).append(b)
    out: list[Line] = []
    for row in rows:
        if len(row) == 1:
            out.append(row[0])
            continue
        # (each line's box read once; the box of pieces joined so far is the union of theirs)
        placed = sorted(((ln.bbox, ln) for ln in row), key=lambda bl: bl[0][0])
        y0, y1 = min(b[1] for b, _ in placed), max(b[3] for b, _ in placed)
        ks = range(int(y0 // 20), int(y1 // 20) + 1)
        near = list(dict.fromkeys(b for k in ks for b in bands.get(k, ())))
        near_boxes = list(dict.fromkeys(b for k in ks for b in box_bands.get(k, ())))
        box, current = placed[0]
        for b, ln in placed[1:]:
            apart = (mid is not None and box[2] <= mid <= b[0]) or _toggle(current, ln, b[0] - box[2]) or (not _numbered_box(current, ln) and (
                _boxed_apart(box, b, near_boxes) or _out_of_cell(box, b, near) or _other_column_size(current, ln, b[0] - box[2])))
            if b[0] - box[2] <= MAX_WORD_GAP and ln.method == current.method and not apart:
                raw = None
                if current.raw_text is not None or ln.raw_text is not None:
                    raw = f"{current.raw} {ln.raw}"
                current = Line(current.spans + ln.spans, current.page, current.method, raw)
                box = _joined_box(box, b, current)
            else:
                out.append(current)
                box, current = b, ln
        out.append(current)
    if band:
        return columns.column_order(out, band)
    return _box_order(out, boxes) if boxes else out


def _toggle(left: Line, right: Line, gap: float) -> bool:
    """Whether ``right`` is a web page's accordion toggle right of its heading ("Mål 1: … –",
    "+"): a sign alone, further off than two of its sizes, or than half of one in another
    weight than the heading's; no part of the heading."""
    return right.text.strip() in _TOGGLES and (gap > 2 * right.size or left.bold != right.bold and gap > 0.5 * right.size)


_TOGGLES = frozenset({"–", "-", "+", "−", "›", "»", "▾", "▸", "▼", "▶", "⌄", "˅", "∨"})


def _numbered_box(left: Line, right: Line) -> bool:
    """Whether ``left`` is a heading's number set in a box of its own before its title (a
    folkhälsoplan's "2" white on a coloured square): a number alone, the title in capitals on."""
    return bool(_BOX_NUMBER.fullmatch(left.text.strip())) and right.text[:1].isupper() and len(right.text.strip()) >= 4


_BOX_NUMBER = re.compile(r"\d{1,2}\.?")


def _other_column_size(left: Line, right: Line, gap: float) -> bool:
    """Whether two born-digital pieces on one baseline are set in sizes a fifth or more apart
    across a gap wider than twice the larger size: a column's heading level with the next
    column's text (two columns too short to find their gutter), not one line."""
    if left.method != "native" or right.method != "native":
        return False
    small, large = sorted((left.size, right.size))
    return small > 0 and large > 1.2 * small and gap > 2 * large


def _column_of(box: BBox, mid: float | None, cards: list[BBox] | None) -> int | None:
    """The column a line's box stands in on a page read by columns: the side of the gutter's
    middle ``mid`` (0 left, 1 right), else the index of the card column holding it; None for a
    line crossing the gutter or outside every card."""
    if mid is not None:
        return 0 if box[2] <= mid else 1 if box[0] >= mid else None
    return next((k for k, b in enumerate(cards or ()) if within(box, b, 1)), None)


def _row_size(ln: Line) -> float:
    """The size a line is put in its row by: its font size, or in an OCR layer, where a word
    of one narrow letter is given a small font (Tesseract's "i" at a third of its line's size),
    at least 0.6 of its box's height, so that "i" ending a wrapped heading stays on its row."""
    size = ln.size
    if ln.method == "native":
        return size
    h = 0.6 * (ln.bbox[3] - ln.bbox[1])
    return h if h > size else size


def _side_by_side(boxes: list[BBox]) -> list[BBox]:
    """The boxes with another beside them, apart by a gap (cards in a grid's row; a table's
    cells abut): each is read on its own. Neighbours are looked up by edge, not pairwise: a
    page of shaded table cells has thousands of boxes."""
    def overlap(a: BBox, b: BBox, lo: int) -> bool:  # lo 1: down the page, 0: across it
        return min(a[lo + 2], b[lo + 2]) - max(a[lo], b[lo]) > 0.5 * min(a[lo + 2] - a[lo], b[lo + 2] - b[lo])

    # a table's cells share their sides: one's left (top) edge is another's right (bottom) edge
    ends: dict[tuple[int, int], list[BBox]] = {}
    for b in boxes:
        ends.setdefault((0, round(b[2])), []).append(b)
        ends.setdefault((1, round(b[3])), []).append(b)
    cells: set[BBox] = set()
    for b in boxes:
        for axis in (0, 1):
            for key in range(round(b[axis]) - 1, round(b[axis]) + 2):
                for o in ends.get((axis, key), ()):
                    if o is not b and abs(b[axis] - o[axis + 2]) < 1 and overlap(b, o, 1 - axis):
                        cells.update((b, o))
    free = sorted((b for b in boxes if b not in cells), key=lambda b: b[0])
    lefts = [b[0] for b in free]
    out: set[BBox] = set()
    for b in free:  # a box to its right, CARD_GAP to MAX_WORD_GAP away, beside it
        for o in free[bisect.bisect_left(lefts, b[2] + CARD_GAP):bisect.bisect_right(lefts, b[2] + MAX_WORD_GAP)]:
            if overlap(b, o, 1):
                out.update((b, o))
    return sorted(out)


def _split_at_cards(lines: list[Line], cards: list[BBox]) -> list[Line]:
    """Lines cut where a card's right edge runs between two of their words: an OCR'd line of
    two text boxes side by side ("Fler flickor deltar …" · "Idrottsanläggningarna …") is two."""
    if not cards:
        return lines
    out: list[Line] = []
    for ln in lines:
        start = 0
        for k in range(1, len(ln.spans)):
            left, right = ln.spans[k - 1].bbox, ln.spans[k].bbox
            if any(within(left, b, 1) and left[2] <= b[2] <= right[0] + 1 for b in cards):
                out.append(Line(ln.spans[start:k], ln.page, ln.method))
                start = k
        out.append(ln if start == 0 else Line(ln.spans[start:], ln.page, ln.method))
    return out


def _card_columns(lines: list[Line], cards: list[BBox]) -> list[BBox]:
    """Cards of a row side by side, each with lines under it, stretched down to head their
    columns: the lines under a card within its sides are read with it (a slide's text box over
    its list, beside the next box's over its own, the two lists starting level), down to the
    first line crossing its sides or the next card below. A line under one card alone (a
    heading after the row) stays in place."""
    if not lines:
        return cards
    foot = max(ln.bbox[3] for ln in lines) + 1
    stretched: dict[BBox, tuple[BBox, BBox]] = {}  # a card's column and the first line's box under it
    for b in cards:
        stop = foot
        for o in cards:
            if o is not b and o[1] >= b[3] - 1 and min(o[2], b[2]) > max(o[0], b[0]):
                stop = min(stop, o[1])
        for ln in lines:
            x0, y0, x1, _ = ln.bbox
            if y0 >= b[3] - 1 and min(x1, b[2]) > max(x0, b[0]) and (x0 < b[0] - 1 or x1 > b[2] + 1):
                stop = min(stop, y0)
        column = (b[0], b[1], b[2], max(stop - 1, b[3]))
        under = [ln.bbox for ln in lines if ln.bbox[1] >= b[3] - 1 and within(ln.bbox, column, 1)]
        if under:
            stretched[b] = (column, min(under, key=lambda u: u[1]))

    def beside(b: BBox) -> bool:  # another card of its row has lines under it, the first level with its first
        first = stretched[b][1]
        return any(o != b and min(o[3], b[3]) > max(o[1], b[1]) and abs(f[1] - first[1]) <= 0.5 * (first[3] - first[1])
                   for o, (_, f) in stretched.items())
    return [stretched[b][0] if b in stretched and beside(b) else b for b in cards]


def _box_order(lines: list[Line], boxes: list[BBox]) -> list[Line]:
    """Lines in reading order with cards side by side read card after card (the left card's
    lines, then the right one's) where the first of their lines stands."""
    def home(ln: Line) -> BBox | None:
        return next((b for b in boxes if within(ln.bbox, b, 1)), None)

    homes = [home(ln) for ln in lines]
    out: list[Line] = []
    done: set[int] = set()
    for k, ln in enumerate(lines):
        if k in done:
            continue
        b = homes[k]
        if b is None:
            out.append(ln)
            continue
        row = sorted((o for o in boxes if min(o[3], b[3]) - max(o[1], b[1]) > 0), key=lambda o: (o[0], o[1]))
        for o in row:
            for j in range(k, len(lines)):  # (the lines of a box's column above it first: a page's title beside a sidebar)
                if j not in done and homes[j] is None and o is not b and lines[j].bbox[1] < o[1] \
                        and lines[j].bbox[0] >= o[0] - 2 and lines[j].bbox[2] <= o[2] + 2:
                    out.append(lines[j])
                    done.add(j)
            for j in range(k, len(lines)):
                if j not in done and homes[j] == o:
                    out.append(lines[j])
                    done.add(j)
    return out


CARD_GAP = 6.0  # points between two cards side by side; a table's cells abut


def _joined_box(a: BBox, b: BBox, joined: Line) -> BBox:
    """The box of ``joined``, the pieces of boxes ``a`` and ``b`` joined: their union, as its
    spans' union gives it (without NaN the same: ``min`` keeps the first of equal values)."""
    total = a[0] + a[1] + a[2] + a[3] + b[0] + b[1] + b[2] + b[3]
    if total != total:  # (a NaN among them, or infinities of both signs: the spans' union)
        return joined.bbox
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _holding(box: BBox, cells: list[BBox]) -> set[BBox]:
    """The cells ``box`` lies inside, give or take a point (:func:`within`, inline)."""
    x0, y0, x1, y1 = box
    return {b for b in cells if x0 >= b[0] - 1 and y0 >= b[1] - 1 and x1 <= b[2] + 1 and y1 <= b[3] + 1}


def _boxed_apart(left: BBox, right: BBox, boxes: list[BBox] | None) -> bool:
    """The line boxed ``left`` lies inside a box whose right edge runs between it and the one
    boxed ``right``."""
    return any(within(left, b, 1) and b[2] <= right[0] for b in boxes or ())


def _out_of_cell(left: BBox, right: BBox, cells: list[BBox] | None) -> bool:
    """One of the lines boxed ``left`` and ``right`` lies inside a drawn box whose edge runs
    between them, the other inside none but those holding both (a slide's or page's
    background): text beside a table, not in it. Two pieces in two cells are a row's cells,
    told apart by the table."""
    if not cells:
        return False
    in_l = _holding(left, cells)
    in_r = _holding(right, cells)
    home_l, home_r = in_l - in_r, in_r - in_l
    if home_l and not home_r:
        return any(b[2] <= right[0] + 1 for b in home_l)
    if home_r and not home_l:
        return any(b[0] >= left[2] - 1 for b in home_r)
    return False


# A drawn box this large around text is a card or a cell, not an underline or an icon.
BOX_MIN_W, BOX_MIN_H = 40.0, 20.0


def _repair_in_context(lines: list[Line]) -> None:
    """Repairs that need a whole visual line ("| kommunen" → "I kommunen"), once its pieces
    are joined: see :func:`planparse.text.repair.repair_line_words`."""
    from planparse.text.repair import repair_line_words

    for i, ln in enumerate(lines):
        words = [s.text.strip() for s in ln.spans]
        # A "|" ending the line, a hair wide and set further from the word before it than a word
        # space, is a rule (a cell's edge beside the text), not an "I", unless the next line goes
        # on in lower case ("… i arbete. |" / "projektet ingår"): the repair leaves it.
        probe = list(words)
        if len(words) > 1 and words[-1] == "|":
            last, prev = ln.spans[-1].bbox, ln.spans[-2].bbox
            height = ln.bbox[3] - ln.bbox[1]
            goes_on = i + 1 < len(lines) and lines[i + 1].text.strip()[:1].islower()
            if last[2] - last[0] < 0.15 * height and last[0] - prev[2] > 0.5 * height and not goes_on:
                probe[-1] = "¦"
        for s, before, sent, after in zip(ln.spans, words, probe, repair_line_words(probe), strict=True):
            if after != sent:
                s.text = s.text.replace(before, after)


def _ocr_leaders(lines: list[Line]) -> None:
    """An OCR'd dot leader before a word ("Läsa högt ....ccceeesee Arbetslaget": an item and its
    owner set apart) dropped, so the two stand in their columns as a native layer's do."""
    from planparse.text.repair import ocr_leader

    for ln in lines:
        keep: list[Span] = []
        for s in reversed(ln.spans):  # (from the end: specks before a leader before a word go too)
            if not (keep and keep[-1].text.strip()[:1].isalpha() and ocr_leader(s.text)):
                keep.append(s)
        if len(keep) != len(ln.spans):
            ln.spans = keep[::-1]


def _margin_specks(lines: list[Line]) -> None:
    """An OCR'd line's first word dropped when it is a speck in the margin read as a figure, a
    sign or a lone letter ("5" far left of "Varje kapitel …", "q Hållbarhet och miljö" along a
    scan's dark edge): one or two characters (a letter only alone, and no Swedish one-letter
    word), ending left of the page's text margin (where the lines of words start furthest
    left) and further than twice the line's height from the next word. A heading's number
    stands a space from its title, at the margin."""
    # (the margin from lines starting with a word: along a dark edge many lines start with a speck)
    starts = sorted(ln.x0 for ln in lines if len(ln.spans) >= 3 and sum(ch.isalpha() for ch in ln.text) >= 10
                    and sum(ch.isalpha() for ch in ln.spans[0].text) >= 2)
    if len(starts) < 3:
        return
    margin = starts[1]  # (the leftmost start but one: a line may begin with a speck too)
    for ln in lines:
        height = ln.bbox[3] - ln.bbox[1]
        for _ in range(2):  # (two specks: "4 : Andel medarbetare")
            if len(ln.spans) < 2:
                break
            first, second = ln.spans[0], ln.spans[1]
            t = first.text.strip()
            if not (0 < len(t) <= 2 and _speck_word(t) and first.bbox[2] < margin - 5
                    and second.bbox[0] - first.bbox[2] > 2 * height):
                break
            second.text = second.text.lstrip()
            ln.spans = ln.spans[1:]


def _speck_word(text: str) -> bool:
    """Whether a word of one or two characters may be a speck: no letter, or one letter that
    is no Swedish word of one letter ("I", "i", "å", "ö")."""
    letters = [c for c in text if c.isalpha()]
    return not letters or (len(text) == 1 and text.casefold() not in "iåö")


def _ocr_bullets(lines: list[Line]) -> None:
    """The start of OCR'd lines: a bullet Tesseract read as another glyph ("¢", "«", "+»")
    made "•" (see :func:`planparse.text.repair.ocr_bullet`; the bullet keeps its box), a list
    number glued to its text given its space ("11.Implementera") or its stop ("24, Planera"),
    and at their end, lone ";" or ":" specks dropped; an opening quote nothing closes before
    the first word dropped (see :func:`planparse.text.repair.ocr_stray_quote`), a straight quote
    opening a ”…” quotation made "”"; a label's "(%)" read as "(26)" mended; a lost "I" at
    the start given back (see :func:`planparse.text.repair.ocr_lost_i`), a speck read as a
    small letter glued before the first word's capital dropped
    (:func:`planparse.text.repair.ocr_speck_before_capital`); a speck read as a stop inside a
    sentence dropped ("följt av. dialog"), also at a line's end over the line it wraps into
    (:func:`planparse.text.repair.ocr_stop_before_lower`); a sum's leading "1" read as "I"
    given back (see :func:`planparse.text.repair.ocr_thousands_one`); "äk 8" made "åk 8";
    capitals a blur put inside a word made small ("VeCKa", :func:`planparse.text.repair.ocr_case_noise`);
    two words a speck glued together parted ("som-är", :func:`planparse.text.repair.ocr_glued_specks`)."""
    from planparse.text.repair import (
        ocr_bullet_words,
        ocr_case_noise,
        ocr_glued_specks,
        ocr_list_number_words,
        ocr_lone_glyphs,
        ocr_lost_i,
        ocr_percent_words,
        ocr_quote_style,
        ocr_school_year,
        ocr_speck_before_capital,
        ocr_stop_before_lower,
        ocr_stray_close,
        ocr_stray_end,
        ocr_stray_quote,
        ocr_stray_stops,
        ocr_thousands_one,
    )

    for k, ln in enumerate(lines):
        if not ln.spans:
            continue
        words = [s.text for s in ln.spans]
        unquoted = ocr_stray_quote(ocr_glued_specks(ocr_case_noise(ocr_lost_i(ocr_speck_before_capital(ocr_list_number_words(words))))),
                                   lines[k + 1].text if k + 1 < len(lines) else "")
        unquoted = ocr_stray_close(unquoted, lines[k - 1].text if k > 0 else "")
        fixed = ocr_school_year(ocr_thousands_one(ocr_quote_style(ocr_stray_stops(ocr_percent_words(ocr_stray_end(
            ocr_lone_glyphs(ocr_bullet_words(unquoted)))), _word_gaps(ln)))))
        if fixed and fixed[-1].rstrip().endswith("."):
            fixed = ocr_stop_before_lower(fixed, _wrapped_into(ln, lines))
        if fixed == words:
            continue
        for s, new in zip(ln.spans, fixed, strict=True):
            if new and len(new) < len(s.text) and s.text.lstrip()[:1] in "‘'`‚“\"„" and new.lstrip()[:1].isalpha():
                # the stray quote's share of the box goes too: the speck stretched it
                s.bbox = (s.bbox[0] + (s.bbox[2] - s.bbox[0]) * (len(s.text) - len(new)) / len(s.text), *s.bbox[1:])
            s.text = new
        ln.spans = [s for s in ln.spans if s.text]
    _lost_bullets(lines)


def _word_gaps(line: Line) -> list[float]:
    """The blank after each of an OCR'd line's words (its spans), in line heights; the last
    word's is infinite."""
    h = max(line.bbox[3] - line.bbox[1], 1.0)
    spans = line.spans
    return [(b.bbox[0] - a.bbox[2]) / h for a, b in zip(spans, spans[1:], strict=False)] + [float("inf")]


def _wrapped_into(line: Line, lines: list[Line]) -> str:
    """The text of the line right under ``line`` starting where it starts (the next line of
    its paragraph or cell, if it wraps), or "". A line of cells side by side (a gap between
    its words wider than a column's) wraps into none: its last word's cell wraps elsewhere."""
    height = line.bbox[3] - line.bbox[1]
    if any(b.bbox[0] - a.bbox[2] > 1.5 * height for a, b in zip(line.spans, line.spans[1:], strict=False)):
        return ""
    for other in lines:
        if other is not line and abs(other.x0 - line.x0) < height \
                and -0.3 * height < other.bbox[1] - line.bbox[3] < 0.8 * height:
            return other.text
    return ""


def _lost_bullets(lines: list[Line]) -> None:
    """An OCR'd list item whose bullet Tesseract lost (its word box starts where the bullet
    stands, the glyph read as nothing): the first line under a lead-in ending in a colon,
    starting at the x of the "•" of a list right under it, set in from the page's text margin,
    in capitals on, gets its bullet back. So does an item whose bullet was read as a glyph
    glued to its first word ("«Minskad") beside a list's bullets, and one whose bullet and its
    box were lost: starting where the text of the item above it starts, right under that item
    (of a list, or the first under a lead-in), which ended well short of the line (it does not
    wrap), in capitals on."""
    if not lines:
        return
    margin = min(ln.x0 for ln in lines if len(ln.text) > 30) if any(len(ln.text) > 30 for ln in lines) else 0.0
    ordered = sorted(lines, key=lambda ln: ln.bbox[1])
    marked = [ln for ln in ordered if ln.spans and ln.spans[0].text.strip() == "•"]

    def near(a: Line, b: Line) -> bool:
        return a is not b and abs(a.x0 - b.x0) < 2 and abs(a.bbox[1] - b.bbox[1]) < 2.5 * max(a.bbox[3] - a.bbox[1], 1.0)

    # a list: bulleted lines one under the other (a status icon read as "•" stands alone)
    bulleted = [b for b in marked if any(near(b, o) for o in marked)]
    right = max((ln.bbox[2] for ln in lines), default=0.0)
    # where each bulleted line's text starts: its second word (the "•" its first), or where a
    # line given its lost bullet here started
    text_x = {id(b): b.spans[1].bbox[0] for b in marked if len(b.spans) > 1}
    # a list's first item right under its lead-in ("… prioriterade under 2019:"), a list
    # though Tesseract lost the bullets of every item after it
    led = {id(b) for a, b in zip(ordered, ordered[1:], strict=False) if b in marked and a.text.rstrip().endswith(":")}
    for above, ln in zip(ordered, ordered[1:], strict=False):
        if not ln.spans or ln.text[:1] == "•":
            continue
        glued = _GLUED_BULLET.match(ln.spans[0].text)
        if glued and any(near(ln, b) for b in bulleted):  # "«Minskad ojämlikhet" among "• …" items
            ln.spans[0].text = "• " + ln.spans[0].text[glued.end():]
            marked.append(ln)
            continue
        if not ln.text.strip()[:1].isupper() or ln.x0 < margin + 3:
            continue
        if above.text.rstrip().endswith(":") and any(near(ln, b) for b in bulleted):
            ln.spans[0].text = "• " + ln.spans[0].text.lstrip()
        elif above.text[:1] == "•" and (id(above) in led or any(near(above, o) for o in marked)) and id(above) in text_x \
                and abs(ln.x0 - text_x[id(above)]) < 2.5 and above.bbox[2] < right - 0.25 * (right - above.x0) \
                and abs(ln.bbox[1] - above.bbox[3]) < 1.5 * max(above.bbox[3] - above.bbox[1], 1.0):
            # an item whose bullet Tesseract lost: at its list's text, under an item that ended
            # well short of the line (no wrap), in capitals on
            text_x[id(ln)] = ln.x0
            ln.spans[0].text = "• " + ln.spans[0].text.lstrip()
            ln.spans[0].bbox = (above.x0, *ln.spans[0].bbox[1:])
            marked.append(ln)


# A bullet read as a glyph glued to its item's first word ("«Minskad"), before a capital
_GLUED_BULLET = re.compile(r"^\s*[«»¢*·]+(?=[A-ZÅÄÖ][a-zåäö])")


_RULE_GLYPHS = "|¦"
_DASH_SPECK = re.compile(r"[-–—_]")


_RULE_QUOTE = re.compile(r"^\s*[|¦]['‘’`\"“”]+(?=\w)")


def _dash_speck(word: BBox, dash: BBox, size: float) -> bool:
    """A dash read from a speck: a dot of ink (under a fifth of the type's size each way, a
    hyphen is a third of it wide) set further right of the word before it than a space."""
    return dash[2] - dash[0] < 0.2 * size and dash[3] - dash[1] < 0.2 * size and dash[0] - word[2] > 0.8 * size


def _rule_glyphs(line: Line) -> None:
    """A ruled table's rule that OCR read into a cell line, dropped: "|" glued to the cell's
    first or last word or standing alone at either end ("|2023-05-02"), a speck read as a
    word of punctuation alone at either end (". 1.222"), and a lone dash after a number at the
    line's end ("2023-02-01 -"), a speck beside the rule."""
    spans = list(line.spans)
    while spans and not spans[0].text.strip(" " + _RULE_GLYPHS):
        spans.pop(0)
    while spans and not spans[-1].text.strip(" " + _RULE_GLYPHS):
        spans.pop()
    # a speck read as punctuation, a word of its own at either end, boxed over the rule
    while len(spans) >= 2 and border_glyph(spans[0].text):
        spans.pop(0)
    while len(spans) >= 2 and border_glyph(spans[-1].text):
        spans.pop()
    if len(spans) >= 2 and _DASH_SPECK.fullmatch(spans[-1].text.strip()) and (
            spans[-2].text.strip()[-1:].isdigit() or _dash_speck(spans[-2].bbox, spans[-1].bbox, line.size)):
        spans.pop()
    if not spans:
        return  # nothing but rule glyphs: left as read
    texts = [s.text for s in spans]
    # (the rule's fringe beside it read as a quote: "|'Ta fram", "|‘Sjukfrånvaro")
    spans[0].text = _RULE_QUOTE.sub("", spans[0].text).lstrip(" " + _RULE_GLYPHS)
    spans[-1].text = spans[-1].text.rstrip(" " + _RULE_GLYPHS)
    if len(spans) != len(line.spans) or texts != [s.text for s in spans]:
        line.spans = spans


_EDGE_LETTERS = frozenset("Il|[]")
_EDGE_DASH = re.compile(r"[-–—=~_]+")


def _edge_specks(line: Line, cell: BBox, size: float, alone: bool) -> None:
    """The last word of an OCR'd cell line dropped when it is the cell's rule read as text: a
    lone "I", "l" or "|" boxed with no width (a rule has none at the scan's resolution), or
    dashes reaching the cell's right edge (or with an "=" among them, anywhere), further from
    the word before than a space ("ska —" / "byggas": the rule's shadow) or, ``alone`` on a line of the cell
    whose other lines hold its text, on their own; and the first word when it is such a letter on
    the cell's left rule. ``size``: the height of the cell's lines."""
    spans = line.spans
    if spans and (len(spans) >= 2 or alone) and _rule_letter(spans[0], cell[0]):
        spans = line.spans = spans[1:]
    if not spans or (len(spans) < 2 and not alone):
        return
    last = spans[-1]
    before = spans[-2].text.strip() if len(spans) > 1 else ""
    t = last.text.strip()
    if (t in _EDGE_LETTERS and last.bbox[2] - last.bbox[0] < 0.5) or _rule_letter(last, cell[2]) or (
            _EDGE_DASH.fullmatch(t) and not before[-1:].isdigit() and (cell[2] - last.bbox[2] < 1.5 * size or "=" in t)
            and (not before or last.bbox[0] - spans[-2].bbox[2] > 0.5 * size)):
        line.spans = spans[:-1]


def _rule_letter(span: Span, edge: float) -> bool:
    """A lone "I", "l" or "|" narrower than a point standing on the cell's rule at ``edge``
    (its x): the rule read as a letter, not a word ("I" is as wide as its stroke and more)."""
    return (span.text.strip() in _EDGE_LETTERS and span.bbox[2] - span.bbox[0] < 1.0
            and min(abs(span.bbox[0] - edge), abs(span.bbox[2] - edge)) < 2.0)


def _ocr_cell_specks(tables: list[Table]) -> None:
    """A lone lower-case letter far right of an OCR'd table cell's last word dropped: a speck
    (see :func:`planparse.text.repair.ocr_speck_end`); an opening quote nothing closes glued to
    the first word of a cell's line ("'verksamhet": a speck or a rule's end left of the word,
    see :func:`planparse.text.repair.ocr_stray_quote`); a speck read as a stop inside a
    sentence too (:func:`planparse.text.repair.ocr_stray_stops`), a lone quote mark between
    words (:func:`planparse.text.repair.ocr_lone_quotes`) or glued before a figure
    (:func:`planparse.text.repair.ocr_quoted_figure`) or inside a word between two words
    (:func:`planparse.text.repair.ocr_inner_quotes`), a misread "%"
    (:func:`planparse.text.repair.ocr_percent_words`), and a cell line's bullet read as other
    glyphs (:func:`planparse.text.repair.ocr_bullet_words`: the line OCR read across two cells
    had the bullet of its first cell only)."""
    from planparse.text.repair import (
        ocr_bullet_words,
        ocr_inner_quotes,
        ocr_lone_quotes,
        ocr_percent_words,
        ocr_quoted_figure,
        ocr_speck_end,
        ocr_stray_quote,
        ocr_stray_stops,
        opens_share,
    )

    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                for ln in cell.lines:
                    if ln.method in ("ocr", "repaired"):
                        _rule_glyphs(ln)
                if len(cell.lines) > 1 and all(ln.method in ("ocr", "repaired") for ln in cell.lines):
                    size = max((ln.bbox[3] - ln.bbox[1] for ln in cell.lines if any(c.isalnum() for c in ln.text)), default=1.0)
                    for ln in cell.lines:
                        _edge_specks(ln, cell.bbox, size, len(ln.spans) == 1)
                    cell.lines = [ln for ln in cell.lines if ln.spans]
                for k, ln in enumerate(cell.lines):
                    if ln.method not in ("ocr", "repaired"):
                        continue
                    words = [s.text for s in ln.spans]
                    unquoted = ocr_stray_quote(words, cell.lines[k + 1].text if k + 1 < len(cell.lines) else "")
                    if len(ln.spans) < 2:
                        fixed = ocr_quoted_figure(unquoted)
                        for s, new in zip(ln.spans, fixed, strict=True):
                            s.text = new
                        continue
                    fixed = ocr_lone_quotes(ocr_percent_words(ocr_stray_stops(ocr_speck_end(
                        ocr_inner_quotes(ocr_quoted_figure(ocr_bullet_words(unquoted))), [s.bbox[0] for s in ln.spans], [s.bbox[2] for s in ln.spans], ln.bbox[3] - ln.bbox[1]),
                        _word_gaps(ln)), opens_share(cell.lines[0].text)))
                    if fixed != words:
                        for s, new in zip(ln.spans, fixed, strict=True):
                            s.text = new  # (a mended word: "%" for "Yo"; an empty one goes)
                        ln.spans = [s for s in ln.spans if s.text]
        _decimal_points(table)


_DECIMAL_COMMA = re.compile(r"-?\d{1,3},\d{1,2}")
_DECIMAL_POINT = re.compile(r"(-?\d{1,3})\.(\d{1,2})")


def _merged_columns_apart(table: Table) -> Table:
    """An OCR'd table found from its shading whose header cell holds the labels of two columns
    ("Status | Slutdatum" under one dark band: the white gap between the cells lost in the
    scan) rebuilt from its words' positions (:func:`planparse.reading.positioned.table_from_rows`),
    when that finds more labelled columns."""
    from planparse import vocabulary
    from planparse.reading import positioned as pos

    if not table.rows or not table.rows[0].is_header or any(ln.method == "native" for c in table.rows[0].cells for ln in c.lines):
        return table
    head_lines = [ln for c in table.rows[0].cells for ln in c.lines]
    heads = pos.visual_rows(head_lines)
    if len(heads) != 1:
        return table
    labels = [m.value for p in pos._phrases(heads[0]) if (m := vocabulary.match_label(pos._label(p))) is not None]
    if len(set(labels)) <= sum(1 for c in table.rows[0].cells if c.text.strip()):
        return table
    body = pos.visual_rows([ln for r in table.rows[1:] for c in r.cells for ln in c.lines])
    if not body:
        return table
    rebuilt = pos.table_from_rows(heads[0], body)
    return rebuilt if rebuilt.n_cols > table.n_cols else table


def _decimal_points(table: Table) -> None:
    """An OCR'd table's figures written with a decimal comma, one read with a point ("11.2"
    under "91,4" in its column) given its comma: a speck of the comma read as a stop. Only in
    a column with such a figure: a number column ("2.1") keeps its points."""
    columns: dict[int, list[Span]] = {}
    for row in table.rows:
        if row.is_header:
            continue
        for c in row.cells:
            columns.setdefault(c.col, []).extend(s for ln in c.lines if ln.method in ("ocr", "repaired")
                                                 and len(ln.spans) == 1 for s in ln.spans)
    for figures in columns.values():
        if any(_DECIMAL_COMMA.fullmatch(s.text.strip()) for s in figures):
            for s in figures:
                if m := _DECIMAL_POINT.fullmatch(s.text.strip()):
                    s.text = s.text.replace(m[0], f"{m[1]},{m[2]}")


def _assemble(raw_pages: list[RawPage], layers: list[str], warnings: list[tuple[str, str, int | None]]) -> list[Page]:
    per_page_tables: list[list[Table]] = []
    per_page_lines: list[list[Line]] = []
    watermarks = noise.watermark_lines([r.lines for r in raw_pages], [r.height for r in raw_pages]) \
        | noise.side_menus([r.lines for r in raw_pages], [r.width for r in raw_pages]) \
        | noise.continued_headings([r.lines for r in raw_pages])
    furniture = noise.running_rules([r.drawings for r in raw_pages], [r.height for r in raw_pages])
    gutters = []
    # running headers and footers (repeated in the margins): where an OCR layer's lines show no
    # gutter, looked for again without them (a header's two pieces over two short columns; an
    # OCR layer has no rule parting the header from the text, see columns._inside_running_rules)
    ocred = [r.ocr_font or any(ln.method != "native" for ln in r.lines) for r in raw_pages]
    margins = noise.running_lines([r.lines for r in raw_pages], [r.height for r in raw_pages]) \
        if any(ocred) else set()
    carded: list[bool] = []  # read card by card: the lines' order is no longer by height
    figures: list[list[BBox]] = []
    for r, ocr_page in zip(raw_pages, ocred, strict=True):
        if watermarks:
            r.lines = [ln for ln in r.lines if id(ln) not in watermarks]
        r.lines, r.drawings = markup.drop_balloons(*markup.drop_struck(r.lines, r.drawings))
        r.lines = footnotes.drop_raised_digits(line_numbers.strip(r.lines), r.height)
        # a chart's words are a picture's, no content; so are a badge tile's
        tiles = charts.tile_areas(r.lines, r.drawings)
        figures.append(areas := charts.chart_areas(r.drawings) + tiles)
        in_chart = charts.chart_lines(r.lines, areas)
        charts.trim_tiles(r.lines, tiles)
        r.lines = [ln for ln in r.lines if id(ln) not in in_chart]
        r.drawings = charts.outside_charts(r.drawings, areas)
        checkboxes.marked_lines(r.lines, r.drawings)
        rules = [d.bbox for d in r.drawings if d.kind == "hline"]
        band = columns.gutter(r.lines, r.width, rules) or columns.two_pages(r.lines, r.width, r.height)
        inside = [ln for ln in r.lines if id(ln) not in margins] if ocr_page else r.lines
        if band is None and len(inside) < len(r.lines):
            band = columns.gutter(inside, r.width, rules)
        if band is None and (split := ocr_columns.split_columns(r.lines, r.width, rules)):
            band, r.lines = split
        elif band is None and len(inside) < len(r.lines) and (split := ocr_columns.split_columns(inside, r.width, rules)):
            band, r.lines = split[0], ocr_columns.cut_at(r.lines, split[0])
        elif band is not None:
            r.lines = ocr_columns.cut_at(r.lines, band)
        gutters.append(band)
        drawn = [d.bbox for d in r.drawings if d.kind in ("rect", "shape")
                 and d.bbox[2] - d.bbox[0] >= BOX_MIN_W and d.bbox[3] - d.bbox[1] >= BOX_MIN_H]
        boxes = _side_by_side(drawn)
        boxes += sidebars.side_boxes(r.lines, r.drawings, [b for b in drawn if b not in boxes], r.width)
        pilled = drawn + pills.pill_boxes(r.lines, r.drawings)  # (a pill's word is apart from the title beside it)
        r.lines = merge_baselines(_split_at_cards(r.lines, boxes), band, boxes, pilled)
        carded.append(bool(boxes))
        _repair_in_context([ln for ln in r.lines if ln.method == "repaired"])
        _margin_specks([ln for ln in r.lines if ln.method in ("ocr", "repaired")])
        _ocr_bullets([ln for ln in r.lines if ln.method in ("ocr", "repaired")])
        _ocr_leaders([ln for ln in r.lines if ln.method in ("ocr", "repaired")])
        last = per_page_tables[-1][-1] if per_page_tables and per_page_tables[-1] else None
        drawings = r.drawings
        if furniture:  # (a running header's rule is no table's: left out while the tables are read)
            r.drawings = [d for d in drawings if id(d) not in furniture]
        try:
            tables, outside = extract_tables(r, last)
        except Exception as e:  # a bug on one page's tables must not lose the document: its text stays
            if is_out_of_memory(e):
                raise
            warnings.append(("tables_failed", f"the page's tables could not be read ({type(e).__name__}: {e}); "
                             "its text is read as running text", r.number))
            tables, outside = [], list(r.lines)
        if band is None:
            outside, gridded = heading_grid.read_grid(outside, r.width)
            carded[-1] = carded[-1] or gridded
        r.drawings = drawings
        _ocr_cell_specks(tables)
        tables = [_merged_columns_apart(t) for t in tables]
        per_page_tables.append(tables)
        per_page_lines.append(outside)

    heights = [r.height for r in raw_pages]
    # a slide's footline of shaded boxes ("Kommun | Titel | datum 3 / 7"), read as a one-row table
    # at the page's foot on every page: running lines, no table
    edge_cells = [[ln for tb in tables if len(tb.rows) == 1 for c in tb.rows[0].cells for ln in c.lines
                   if noise.in_margin(ln, heights[k])] for k, tables in enumerate(per_page_tables)]
    running = noise.running_lines([lines + cells for lines, cells in zip(per_page_lines, edge_cells, strict=True)], heights)
    if any(edge_cells):
        per_page_tables = [[tb for tb in tables if not (len(tb.rows) == 1 and all(
            id(ln) in running for c in tb.rows[0].cells for ln in c.lines))] for tables in per_page_tables]
    noise_per_page: list[list[Line]] = []
    going_on = False  # the page before ended in contents entries: this one may go on with them
    for k, lines in enumerate(per_page_lines):
        body = [ln for ln in lines if id(ln) not in running]
        listed = contents.contents_lines(body, going_on)
        going_on = any(id(ln) in listed for ln in body[-2:])
        removed = running | listed
        removed |= noise.placeholder_lines(lines) | noise.ocr_junk_lines(lines) | noise.letterhead_lines(lines, heights[k])
        removed |= noise.print_stamp_lines(lines, heights[k])
        noise_per_page.append([ln for ln in lines if id(ln) in removed])
        per_page_lines[k] = [ln for ln in lines if id(ln) not in removed]
        footnotes.strip_marks(per_page_lines[k], heights[k])
        entries = contents.contents_tables(per_page_tables[k], [ln for ln in noise_per_page[k] if id(ln) not in running])
        if entries:
            per_page_tables[k] = [tb for tb in per_page_tables[k] if tb not in entries]

    per_page_lines = [runin.split_heads(lines) for lines in per_page_lines]
    join_continued(per_page_tables, per_page_lines)
    dotted_heading_numbers([ln for lines in per_page_lines for ln in lines])
    return [
        Page(
            number=r.number,
            width=r.width,
            height=r.height,
            lines=per_page_lines[k],
            tables=per_page_tables[k],
            drawings=r.drawings,
            images=r.images,
            text_layer=layers[k],  # type: ignore[arg-type]
            noise=noise_per_page[k],
            two_columns=gutters[k] is not None or carded[k],
            charts=figures[k],
        )
        for k, r in enumerate(raw_pages)
    ]


__all__ = ["read_pdf", "BACKENDS", "Document"]


def _out_of_memory(name: str, e: Exception) -> None:
    """Memory running out is not a damaged file (see :func:`planparse.errors.is_out_of_memory`)."""
    if is_out_of_memory(e):
        raise MemoryError(f"{name}: {e}") from None
