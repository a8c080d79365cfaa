"""OCR with Tesseract, called directly: one thread per process, pages in parallel.

Measured here (Tesseract 5.3, ``-l swe``, 200 dpi): about 2.1 s a page with
``OMP_THREAD_LIMIT=1`` against 6.5 s with its default threading on two cores, so each
Tesseract process gets one thread and pages run side by side.

Pages as separate tasks (a cluster): :func:`ocr_page` OCRs one page image and
:func:`render_and_ocr_page` renders a page of a PDF and OCRs it, in any process; inside
:func:`page_runner`, :func:`ocr_pages` hands its pages to such tasks and the reading layer
assembles the document from their lines exactly as from its own Tesseract runs.
"""

from __future__ import annotations

import csv
import difflib
import errno
import hashlib
import io
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from functools import lru_cache

from planparse.errors import is_out_of_memory
from planparse.reading.model import BBox, Line, Span, overlap, union

DPI = 200
INSTALL_HINT = "install it with: apt-get install tesseract-ocr tesseract-ocr-swe"
# Tesseract processes a document OCRs side by side when not told (default: the CPU count); a
# cluster worker sets it to its thread count, so one task uses the cores it was given.
PROCESSES_ENV = "PLANPARSE_OCR_PROCESSES"
# A folder where Tesseract's TSV output is kept by page image, language and settings (off when
# unset): re-reading the same scan (benchmarks, development) skips Tesseract. The cache holds
# exactly what Tesseract printed, so results are the same with or without it.
CACHE_ENV = "PLANPARSE_OCR_CACHE"
PSM = 3

# (images by page, lang, dpi, timeout) -> lines by page, for the pages it could do
PageRunner = Callable[[dict[int, bytes], str, int, float], dict[int, list[Line]]]
_page_runner: tuple[PageRunner, int] | None = None


@lru_cache(maxsize=1)
def tesseract_info() -> tuple[str | None, str | None, tuple[str, ...]]:
    """(path, version, languages) of the Tesseract on PATH; path None when absent."""
    path = shutil.which("tesseract")
    if not path:
        return None, None, ()
    try:
        v = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=20)
        if v.returncode != 0 and is_out_of_memory(RuntimeError(v.stderr)):
            # (Tesseract is there; under a memory limit its libraries cannot be loaded)
            raise MemoryError(f"cannot start Tesseract: {v.stderr.strip()}")
        version = (v.stdout or v.stderr).split()[1] if (v.stdout or v.stderr).split() else None
        langs = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=20)
        names = tuple(x.strip() for x in langs.stdout.splitlines()[1:] if x.strip())
    except OSError as e:
        if e.errno == errno.ENOMEM:  # (no memory left to start it, under a limit)
            raise MemoryError(f"cannot start Tesseract: {e}") from None
        return None, None, ()
    except (subprocess.SubprocessError, IndexError):
        return None, None, ()
    return path, version, names


def engine_name(lang: str) -> str | None:
    path, version, _ = tesseract_info()
    return f"tesseract {version} {lang}" if path else None


def choose_language() -> str | None:
    """Swedish when its model is installed, else English; None without Tesseract."""
    path, _, langs = tesseract_info()
    if not path:
        return None
    return "swe" if "swe" in langs else ("eng" if "eng" in langs else None)


def ocr_image(
    image: bytes, page: int, lang: str, dpi: int = DPI, timeout: float = 300
) -> list[Line]:
    """Recognise one page image; lines in reading order with word boxes in PDF points."""
    return ocr_pages({page: image}, lang, workers=1, dpi=dpi, timeout=timeout)[page]


def tsv_to_lines(tsv: str, page: int, scale: float) -> list[Line]:
    words: dict[tuple[int, int, int], list[Span]] = {}
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text or float(row.get("conf") or -1) < 0:
            continue
        x, y, w, h = (int(row[k]) * scale for k in ("left", "top", "width", "height"))
        text = _without_phantom_minus(text, w, h)
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        words.setdefault(key, []).append(
            Span(text=text, bbox=(round(x, 2), round(y, 2), round(x + w, 2), round(y + h, 2)))
        )
    heights = sorted(s.bbox[3] - s.bbox[1] for spans in words.values() for s in spans if any(c.isalnum() for c in s.text))
    page_tall = heights[len(heights) // 2] if heights else 0.0
    lines = []
    for spans in words.values():
        spans = _without_specks(spans, page_tall)
        if not spans:
            continue
        size = line_size(spans)
        for s in spans:
            s.size = size
        joined: list[Span] = []
        for s in spans:  # words as one span each, spaces between them
            if joined:
                s = Span(text=" " + s.text, bbox=s.bbox, size=s.size)
            joined.append(s)
        lines.append(Line(spans=joined, page=page, method="ocr"))
    lines.sort(key=lambda ln: (round(ln.y0 / 4), ln.x0))
    return lines


_SPECK_MARKS = frozenset(":;=")
SPECK_POINTS = 1.6  # a word box no larger than this each way (points) may be a speck
_DASHES = frozenset("-–—_~")


def _without_specks(spans: list[Span], page_tall: float = 0.0) -> list[Span]:
    """An OCR'd line's words without those read from a speck or a piece of a table rule:
    - a word whose box is a speck's, at most :data:`SPECK_POINTS` each way and under 0.3 of
      the line's letter height ("F" after "boenden.", "." before "Uppdrag 3.2.1"), dashes
      aside (a dash is low);
    - a word of letters or figures whose box is flat, under a quarter of the page's letter
      height (``page_tall``, the median) and over three times as wide as tall: a rule or the
      edge of a shaded band read as letters ("NE", "EON" along a table header's rule);
    - a word of dashes (or ":", ";", "=") wholly above or below the line's letters: a piece
      of a rule ("=—" along a table row's rule under the cell's text);
    - a word of only ":", ";" or "=" whose box is one dot (under a third of the letter height:
      a colon's two dots stand an x-height apart) or an upright stroke (over twice as tall as
      wide and about as tall as the letters: "=" is wide and low).
    Words with letters or figures in the line decide its letter height; a line without them
    is left as it is."""
    spans = [s for s in spans if not _flat(s, page_tall)]
    heights = sorted(s.bbox[3] - s.bbox[1] for s in spans if any(c.isalnum() for c in s.text))
    if not heights:
        return spans
    tall = heights[len(heights) // 2]

    def speck(s: Span) -> bool:
        t = s.text.strip()
        w, h = s.bbox[2] - s.bbox[0], s.bbox[3] - s.bbox[1]
        if t and max(w, h) <= min(SPECK_POINTS, 0.3 * tall) and not set(t) & _DASHES:
            return True
        if not t or not set(t) <= _SPECK_MARKS:
            return False
        return h < tall / 3 or (h > 2 * w and h >= 0.8 * tall)

    letters = [s.bbox for s in spans if any(c.isalnum() for c in s.text)]
    top, bottom = min(b[1] for b in letters), max(b[3] for b in letters)

    def off_line(s: Span) -> bool:  # dashes wholly above or below the letters: a rule's piece
        t = s.text.strip()
        return bool(t) and set(t) <= _DASHES | _SPECK_MARKS and (s.bbox[3] < top or s.bbox[1] > bottom)

    kept = [s for s in spans if not speck(s) and not off_line(s)]
    return kept if any(s.text.strip() for s in kept) else spans


def _flat(s: Span, page_tall: float) -> bool:
    """Whether ``s`` is a word of letters or figures boxed flatter than any letter is set."""
    w, h = s.bbox[2] - s.bbox[0], s.bbox[3] - s.bbox[1]
    return h < 0.25 * page_tall and w > 3 * h and any(c.isalnum() for c in s.text)


_MINUS_FIGURES = re.compile(r"[|¦]?[-−–—~](\d+)")


def _without_phantom_minus(text: str, width: float, height: float) -> str:
    """A word of figures read with a minus before them ("-1", "|-1") whose box is no wider than the
    figures alone would be (a figure is at least about 0.6 of the box's height wide, and
    the bar adds half that again): the minus has no ink of its own, a speck or the stroke of a
    rule beside the figure read as one; the figures stay, the sign goes."""
    m = _MINUS_FIGURES.fullmatch(text)
    if m is None or height <= 0 or width > 0.6 * height * len(m.group(1)):
        return text
    return m.group(1)


# Letter shapes, as shares of the font size, that a word's box spans: the x-height, up to
# the ascenders (capitals, digits, b d f h k l t), up to a ring or dots over a lower-case
# å/ä/ö, up to those over a capital; and below the baseline, the descenders.
_ASCENDING = frozenset("bdfhklt0123456789!?/()[]{}|%&#@\"'")
_DESCENDING = frozenset("gjpqyQ,;()[]{}|")


def word_size(text: str, height: float) -> float:
    """A word's font size from its box height and letters: a box holds the x-height, plus
    what rises above it, plus descenders below it, when the word has them ("om" is a small
    box, "Mål" a taller one, "gjorde" taller still at the same size)."""
    top = 0.53
    if any(c in "ÅÄÖ" for c in text):
        top = 0.92
    elif any(c in "åäö" for c in text):
        top = 0.84
    elif any(c in _ASCENDING or c.isupper() for c in text):
        top = 0.74
    share = top + (0.21 if any(c in _DESCENDING for c in text) else 0.0)
    return height / share


def line_size(spans: list[Span]) -> float:
    """An OCR'd line's font size: the median of its words' (see :func:`word_size`), letter
    words first (punctuation boxes say little). A first word of one or two characters before
    longer words is left out: what the OCR read of a status icon left of its label ("ee
    Pågående"), whose box is the icon's."""
    if len(spans) > 1 and len(spans[0].text.strip()) <= 2 and any(sum(c.isalpha() for c in s.text) >= 3 for s in spans[1:]):
        spans = spans[1:]
    sizes = sorted(
        word_size(s.text, s.bbox[3] - s.bbox[1])
        for s in spans
        if sum(c.isalnum() for c in s.text) >= 2
    ) or sorted(word_size(s.text, s.bbox[3] - s.bbox[1]) for s in spans)
    return round(sizes[len(sizes) // 2], 1) if sizes else 0.0


# The characters a line of figures is read as: digits, the thousands space, decimal comma or
# point, minus (which the English model often reads as "~" alone: made "-"), per cent, an
# accountant's brackets.
FIGURE_CHARS = "0123456789 ,.-~%()"
_TILDE_MINUS = re.compile(r"^~\s*(?=\d)")


def read_figures(image: bytes, timeout: float = 30) -> str | None:
    """One line of figures in a small image (a table cell cut from a page), read with
    Tesseract's English model as a single text line and only :data:`FIGURE_CHARS`: figures
    need no Swedish, and it reads a per-cent sign and a decimal comma where the Swedish model
    reads "PN" or "Slo"; held to figures, it reads a minus where it would see "=". Its
    decimal point is the Swedish comma ("5.8" → "5,8"). None
    without Tesseract's English model or when Tesseract fails."""
    path, _, langs = tesseract_info()
    if path is None or "eng" not in langs:
        return None
    try:
        done = subprocess.run(
            [path, "stdin", "stdout", "-l", "eng", "--psm", "7", "-c", f"tessedit_char_whitelist={FIGURE_CHARS}"],
            input=image, capture_output=True, timeout=timeout,
            env=dict(os.environ, OMP_THREAD_LIMIT="1"),
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    text = _TILDE_MINUS.sub("-", done.stdout.decode("utf-8", "replace").strip())
    return _DECIMAL_POINT.sub(r"\1,\2", text)


# A figure with a point before its last one or two digits ("5.8"): the English model's reading
# of a Swedish decimal comma (a Swedish document sets no decimal point; "1.350" is left alone).
_DECIMAL_POINT = re.compile(r"^(-?\d{1,3})\.(\d{1,2}\s*%?)$")


def image_digest(image: bytes) -> str:
    """The sha256 of a rendered page image: what a page task checks it rendered the same."""
    return hashlib.sha256(image).hexdigest()


def ocr_page(
    image: bytes, page: int, lang: str, dpi: int = DPI, timeout: float = 300
) -> list[Line]:
    """OCR one page image here with one Tesseract process: the work of one page task.

    The lines are those :func:`ocr_pages` gives the same image (one Tesseract process per
    page either way)."""
    return _run_tesseract({page: image}, lang, 1, dpi, timeout)[page]


def render_and_ocr_page(
    pdf: bytes,
    page: int,
    lang: str,
    dpi: int = DPI,
    timeout: float = 300,
    expect_digest: str | None = None,
) -> list[Line] | None:
    """Render page ``page`` (1-based) of ``pdf`` as the reading layer does and OCR it.

    With ``expect_digest`` the rendered image must have that :func:`image_digest` (the image
    the document's reader rendered); None when it differs, so the caller OCRs its own image.
    Raises ``FileNotFoundError`` without Tesseract.
    """
    import pymupdf

    from planparse.reading.pymupdf_backend import render_gray

    if tesseract_info()[0] is None:
        raise FileNotFoundError("tesseract")
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        image = render_gray(doc[page - 1], dpi)
    if expect_digest is not None and image_digest(image) != expect_digest:
        # a scan's page is OCR'd made upright and evenly lit when photographed, and with its
        # table rules painted over
        from planparse.reading.ocr_dither import undithered
        from planparse.reading.ocr_photo import flatten_photo
        from planparse.reading.raster_rules import without_rules

        image = undithered(flatten_photo(image, dpi))
        if image_digest(image) != expect_digest:
            image = without_rules(image, dpi)
        if image_digest(image) != expect_digest:
            return None
    return ocr_page(image, page, lang, dpi, timeout)


@contextmanager
def page_runner(runner: PageRunner, min_pages: int = 2) -> Iterator[None]:
    """Within the block, :func:`ocr_pages` gives calls of at least ``min_pages`` pages to
    ``runner`` (e.g. one task per page on a cluster) and OCRs here only the pages it did not
    return. ``runner`` must give each page what :func:`ocr_page` gives its image."""
    global _page_runner
    previous = _page_runner
    _page_runner = (runner, min_pages)
    try:
        yield
    finally:
        _page_runner = previous


def _default_processes() -> int:
    try:
        return max(1, int(os.environ.get(PROCESSES_ENV, "")))
    except ValueError:
        return os.cpu_count() or 1


def ocr_pages(
    images: dict[int, bytes],
    lang: str,
    workers: int | None = None,
    *,
    dpi: int = DPI,
    timeout: float = 300,
    psm: int | None = None,
) -> dict[int, list[Line]]:
    """OCR page images in parallel, one Tesseract process per page; keys are 1-based pages;
    ``psm``: Tesseract's page segmentation mode, when not :data:`PSM` (a band of text: 6).

    Inside :func:`page_runner` the pages go to its runner first. Tesseract processes are started and watched directly, images and TSV passed through a
    temporary folder: no threads, so a process short of memory (a worker under its memory
    limit) gets an error here instead of a thread that dies unseen and a wait that never ends.
    Raises ``subprocess.SubprocessError`` (or ``OSError``) when a page fails or overruns.
    """
    if tesseract_info()[0] is None:
        raise FileNotFoundError("tesseract")
    results: dict[int, list[Line]] = {}
    if _page_runner is not None and len(images) >= _page_runner[1] and psm is None:
        done = _page_runner[0](dict(images), lang, dpi, timeout)
        results = {n: done[n] for n in images if n in done}
    rest = {n: img for n, img in images.items() if n not in results}
    if rest:
        results.update(_run_tesseract(rest, lang, workers or _default_processes(), dpi, timeout, psm or PSM))
    return results


def _run_tesseract(
    images: dict[int, bytes], lang: str, workers: int, dpi: int, timeout: float, psm: int = PSM
) -> dict[int, list[Line]]:
    path = tesseract_info()[0]
    if path is None:
        raise FileNotFoundError("tesseract")
    results: dict[int, list[Line]] = {}
    cache = os.environ.get(CACHE_ENV) or None
    keys = {n: _cache_key(img, lang, dpi, psm) for n, img in images.items()}
    if cache:
        for n in list(images):
            tsv = _cache_get(cache, keys[n])
            if tsv is not None:
                results[n] = tsv_to_lines(tsv, n, 72.0 / dpi)
        images = {n: img for n, img in images.items() if n not in results}
        if not images:
            return results
    workers = max(1, min(workers, len(images) or 1))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory(prefix="planparse-ocr-") as tmp:
        pending = sorted(images)
        running: dict[int, tuple[subprocess.Popen[bytes], float]] = {}
        try:
            while pending or running:
                while pending and len(running) < workers:
                    n = pending.pop(0)
                    src = os.path.join(tmp, f"page-{n}.pnm")
                    with open(src, "wb") as f:
                        f.write(images[n])
                    cmd = [
                        path,
                        src,
                        os.path.join(tmp, f"page-{n}"),
                        "-l",
                        lang,
                        "--dpi",
                        str(dpi),
                        "--psm",
                        str(psm),
                        "tsv",
                    ]
                    proc = subprocess.Popen(
                        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
                    )
                    running[n] = (proc, time.monotonic() + timeout)
                for n, (proc, deadline) in list(running.items()):
                    code = proc.poll()
                    if code is None:
                        if time.monotonic() > deadline:
                            raise subprocess.TimeoutExpired(proc.args, timeout)
                        continue
                    del running[n]
                    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
                    if proc.stderr:
                        proc.stderr.close()
                    if code != 0:
                        raise subprocess.CalledProcessError(code, proc.args, stderr=err)
                    with open(
                        os.path.join(tmp, f"page-{n}.tsv"), encoding="utf-8", errors="replace"
                    ) as f:
                        tsv = f.read()
                    if cache:
                        _cache_put(cache, keys[n], tsv)
                    results[n] = tsv_to_lines(tsv, n, 72.0 / dpi)
                if running:
                    time.sleep(0.01)
        finally:
            for proc, _ in running.values():
                proc.kill()
                proc.wait()
    return results


def _cache_key(image: bytes, lang: str, dpi: int, psm: int = PSM) -> str:
    version = tesseract_info()[1] or ""
    return hashlib.sha256(
        f"{version}|{lang}|{dpi}|{psm}|".encode() + hashlib.sha256(image).digest()
    ).hexdigest()


def _cache_get(folder: str, key: str) -> str | None:
    try:
        with open(os.path.join(folder, f"{key}.tsv"), encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None


def _cache_put(folder: str, key: str, tsv: str) -> None:
    try:
        os.makedirs(folder, exist_ok=True)
        tmp = os.path.join(folder, f".{key}.{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(tsv)
        os.replace(tmp, os.path.join(folder, f"{key}.tsv"))
    except OSError:
        pass


_TOKEN = re.compile(r"[\w&]+")


def _diacritic_misread(word: str, ref: str) -> bool:
    """Whether ``word`` is ``ref`` with its å, ä or ö read as another letter, as an English
    model reads them ("linet" / "länet"), and at most one other letter misread ("Kinder" /
    "länder"): the same length, an å/ä/ö of ``ref`` read otherwise."""
    if len(word) != len(ref) or not word.isalpha():
        return False
    diffs = [(a, b) for a, b in zip(word.casefold(), ref.casefold(), strict=True) if a != b]
    marks = [b for _, b in diffs if b in "åäö"]
    return bool(marks) and len(diffs) - len(marks) <= 1


def _mark_letters_lost(word: str, ref: str) -> bool:
    """Whether ``word`` is ``ref`` with its first one or two letters lost, one of them an
    å/ä/ö: the English model reads nothing where it cannot read the mark ("ka" for "öka", "ja"
    for "Höja")."""
    w, r = word.casefold(), ref.casefold()
    lost = len(r) - len(w)
    return w.isalpha() and 1 <= lost <= 2 and r.endswith(w) and any(ch in "åäö" for ch in r[:lost])


def _mark_letter_dropped(word: str, ref: str) -> bool:
    """Whether ``word`` is ``ref`` with one å, ä or ö inside it read as nothing ("Infra" for
    "Införa"): the English model drops a letter it cannot read anywhere in a word."""
    w, r = word.casefold(), ref.casefold()
    return w.isalpha() and len(w) >= 3 and len(r) == len(w) + 1 \
        and any(ch in "åäö" and r[:k] + r[k + 1 :] == w for k, ch in enumerate(r))


def _lost_capital_i(word: str, ref: str) -> bool:
    """Whether ``word``, an acronym of capitals, is ``ref`` with one "I" lost: the English
    model drops the thin stroke beside other capitals ("NK" for "NKI")."""
    return word.isalpha() and word.isupper() and 2 <= len(word) <= 4 and ref.isupper() \
        and len(ref) == len(word) + 1 and any(ref[:k] + ref[k + 1 :] == word for k, ch in enumerate(ref) if ch == "I")


def _misread(word: str, ref: str) -> bool:
    """Whether the existing layer's ``word`` is plausibly ``ref`` misread, where alignment put
    them in the same place: ``ref`` is a real Swedish word, ``word`` is not (or is a far rarer
    one: "ven" for "även"), and their OCR skeletons are alike (long unknown compounds: nearly
    equal). Names and codes the lexicon does not know are left alone."""
    from planparse.text.fold import fold
    from planparse.text.repair import known_word, word_zipf

    if word == ref or not ref.isalpha() or not any(ch.isalpha() for ch in word):
        return False
    if _lost_capital_i(word, ref):
        return True
    if _diacritic_misread(word, ref) and known_word(ref):
        return True  # "linet" for "länet", "Kinder" for "länder": a word of its own, but not the one printed
    if _mark_letters_lost(word, ref) and known_word(ref):
        return True  # "ka" for "öka", "ja" for "Höja"
    if _mark_letter_dropped(word, ref) and known_word(ref) and word_zipf(ref) > word_zipf(word):
        return True  # "Infra" for "Införa": a word of its own, rarer than the one printed
    # A lone letter other than the words "i", "å", "ö", or letters with digits ("4k" for
    # "åk"), are no words of the text, whatever a lexicon of web text counts for them.
    real = known_word(word) and word.isalpha() and (len(word) > 1 or word.lower() in "iåö")
    if real and word_zipf(ref) - word_zipf(word) < 2.5:
        return False
    a, b = fold(word.replace("4", "a")), fold(ref)
    if abs(len(a) - len(b)) > 2:
        return False
    similarity = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    return similarity >= 0.5 if known_word(ref) else len(b) >= 10 and similarity >= 0.9


def _near(word: Span, ref: Span) -> bool:
    """Whether a reference word lies where the layer's word does (within half a line): the two
    readings order a page's lines differently where a cell's line sits a little above its row
    ("Ej pabérjad" over the title beside it), and alignment alone would pair a word with one
    of another row."""
    slack = 0.5 * max(word.bbox[3] - word.bbox[1], 1.0)
    a, b = word.bbox, ref.bbox
    return a[0] - slack < b[2] and b[0] < a[2] + slack and a[1] - slack < b[3] and b[1] < a[3] + slack


_GLUED_FIGURES = re.compile(r"([^\W\d_]{2,})(\d{1,2})")


def _with_glued_number(word: str, ref: str) -> str:
    """The reference's word, with the figures the layer read glued to its end ("Mal4" for
    "Mål 4", where the reference reads "Mål" and lost the figure): they are a number of their
    own, not a misread letter, where the layer's letters alone are the reference's word
    ("arbetsmilj6" is "arbetsmiljö": its "6" is the "ö")."""
    from planparse.text.fold import fold

    m = _GLUED_FIGURES.fullmatch(word)
    return f"{ref}{m[2]}" if m is not None and fold(m[1]) == fold(ref) else ref


def _without_glyph_letter(word: str, ref: str, glyph: str) -> str:
    """The reference's word without the letter it read a glyph glued after the layer's word as
    (a footnote's "*" as "t": "heltidsanstallning*" against "heltidsanställningt"): the layer
    has a mark that is no letter, figure or space right after the word, the reference's word
    is the layer's skeleton and one letter more, the lexicon knows it neither as a word nor as
    a compound, and without its last letter it knows it. Else ``ref``."""
    from planparse.text.fold import fold
    from planparse.text.repair import known_word

    if not glyph or glyph.isalnum() or glyph.isspace() or len(ref) != len(word) + 1 \
            or fold(ref[:-1]) != fold(word) or known_word(ref) or not known_word(ref[:-1]):
        return ref
    return ref[:-1]


def _spelling(word: str, ref: str) -> str:
    """The spelling a layer word takes from the reference token aligned with it on the same
    skeleton: the reference's, unless the lexicon knows it neither as a word nor as a
    compound of known words while the layer's plain letters at some of its å/ä/ö make one it
    knows (the Swedish model sees a mark in a speck too: "kommungemensåmma" for
    "kommungemensamma"); then that one, with as many of the reference's marks as it can
    keep. Words under eight letters keep the reference's marks (a short word's form the
    lexicon lacks is often a real one's: "Delårs")."""
    from itertools import combinations

    from planparse.text.repair import word_parts

    if word == ref or len(word) != len(ref) or len(ref) < 8 or not ref.isalpha() or word_parts(ref) is not None:
        return ref
    marks = [k for k, (a, b) in enumerate(zip(word, ref, strict=True)) if b in "åäöÅÄÖ" and a != b]
    if len(marks) > 4:
        return ref
    for n in range(len(marks) - 1, -1, -1):  # most marks kept first
        for kept in combinations(marks, n):
            out = "".join(b if (k in kept or k not in marks) else a for k, (a, b) in enumerate(zip(word, ref, strict=True)))
            if out.isalpha() and word_parts(out) is not None:
                return out
    return ref


_SIGNS = "-\u2212\u2013\u2012"


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _figure_word(word: str) -> bool:
    """A layer word that may be (part of) a figure: a short token (a figure misread as
    letters: "7b", "eee", "TS"), or figures with at most two letters among them ("a2", "1O78");
    not a word with a number glued to it ("11.Implementera", "19.Ta", "Mål-1")."""
    letters = sum(ch.isalpha() for ch in word)
    if _GLUED_WORD.search(word):
        return False  # a list number glued to its item's first word ("19.Ta")
    return any(ch.isalnum() for ch in word) and (len(word) <= 3 or (any(ch.isdigit() for ch in word) and letters <= 2))


_GLUED_WORD = re.compile(r"\d[.,|][A-ZÅÄÖ][a-zåäö]")


def _figure_part(text: str) -> tuple[str, str, str]:
    """A layer span's text as (words before, the figure, words after): a span may hold more
    than one word of the layer ("an 30" for "än 30", "3 -" for "3 - Title"); words of letters
    before the figure and words of letters or signs alone after it are no part of it, and
    stay when the figure is read again. A span of one word is all figure."""
    words = text.split()
    lo, hi = 0, len(words)
    while hi - lo > 1 and words[lo].isalpha() and len(words[lo]) >= 2:
        lo += 1
    while hi - lo > 1 and (words[hi - 1].isalpha() or not any(ch.isalnum() for ch in words[hi - 1])):
        hi -= 1
    head, tail = " ".join(words[:lo]), " ".join(words[hi:])
    return (head + " " if head else ""), " ".join(words[lo:hi]), (" " + tail if tail else "")


def vote_numbers(lines: list[Line], reference: list[Line], read: Callable[[BBox], str | None],
                 upheld: set[int] | None = None) -> int:
    """Figures the existing OCR layer and the reference OCR of the same page read with other
    digits ("2 100" against "2700", "25 7b" against "2575", "275" against "110"): the place is
    read a third time, as one line of figures cut from the page image (``read``: a box in PDF
    points → text), and the layer takes the reading that two of the three agree on. The
    layer's words over the place become one word with their joint box. Where the third reading
    agrees with neither (or is no number), the layer's words stay as they are: no figure is
    taken from a single reading. Where it agrees with the layer ("8" against the reference's
    "38"), the layer's figure stands, two readings to one: the ids of its words go into
    ``upheld``, for :func:`correct_numbers` to leave alone. Returns the number of places changed.

    A place is a reference word that is a number (sign and figures as printed) and the layer
    words under it (:func:`_same_place`), each a figure or a short token but no common word
    ("för", "av"), and no other reference word over those."""
    from planparse.text.numbers import NUMBER_SPECKS, parse_number
    from planparse.text.repair import word_zipf

    ref_words = [
        s for ln in reference for s in ln.spans
        if any(ch.isdigit() for ch in s.text) and parse_number(s.text.strip().strip(NUMBER_SPECKS).strip()) is not None
    ]
    changed = 0
    for ln in lines:
        for ref in ref_words:
            if not ln.bbox[1] <= (ref.bbox[1] + ref.bbox[3]) / 2 <= ln.bbox[3]:
                continue
            under = [s for s in ln.spans if _same_place(s.bbox, ref.bbox)]
            parts = [_figure_part(s.text) for s in under]
            if not under or not all(_figure_word(core) for _, core, _ in parts) \
                    or any(head or tail for head, _, tail in parts[1:-1]) \
                    or (len(parts) > 1 and (parts[0][2] or parts[-1][0])):
                continue  # (words of letters kept beside the figure only at its two ends)
            if any(len(w := core.strip(NUMBER_SPECKS)) >= 2 and w.isalpha() and word_zipf(w) >= 4.0
                   for _, core, _ in parts):
                continue  # a common word the layer reads ("för", "av") is no misread figure
            others = [r for r in ref_words if r is not ref and any(_same_place(s.bbox, r.bbox) for s in under)]
            if others:
                continue  # a layer word over two reference numbers: no one place
            at = [k for k, s in enumerate(ln.spans) if any(s is u for u in under)]
            if at != list(range(at[0], at[-1] + 1)):
                continue  # layer words of the place with others between them
            own = " ".join(core for _, core, _ in parts)
            theirs = ref.text.strip().strip(NUMBER_SPECKS).strip()
            if _digits(own) == _digits(theirs) and parse_number(own.strip(NUMBER_SPECKS)) is not None:
                continue  # the same figures (separators and decimals: see correct_numbers)
            box = union([*(s.bbox for s in under), ref.bbox])
            third = (read(box) or "").strip().strip(NUMBER_SPECKS).strip()
            if parse_number(third) is None:
                continue
            if upheld is not None and parse_number(own.strip(NUMBER_SPECKS)) is not None \
                    and _digits(third) == _digits(own) and (third[:1] in _SIGNS) == (own[:1] in _SIGNS):
                upheld.update(id(s) for s in under)  # the layer's figure, read again
                continue
            if _digits(third) != _digits(theirs) or (third[:1] in _SIGNS) != (theirs[:1] in _SIGNS):
                continue
            first = ln.spans[at[0]]
            lead = " " if first.text.startswith(" ") else ""
            trail = " " if ln.spans[at[-1]].text.endswith(" ") else ""
            if ln.raw_text is None:
                ln.raw_text = ln.text
            first.text = lead + parts[0][0] + third + parts[-1][2] + trail
            first.bbox = union([s.bbox for s in under])
            ln.spans = [*ln.spans[: at[0] + 1], *ln.spans[at[-1] + 1 :]]
            changed += 1
    return changed


def correct_numbers(lines: list[Line], reference: list[Line], upheld: Collection[int] = ()) -> int:
    """Correct the numbers of an existing OCR layer with a second OCR of the same page, word
    by word where the two boxes overlap (see :func:`planparse.text.numbers.reference_number`:
    "43" → "4,3", "1,377" → "1377", "3F" → "37"). The word keeps its box and the space
    around it. Words whose ids are in ``upheld`` (a third reading agreed with the layer's
    figure: see :func:`vote_numbers`) stay. Returns the number of words changed."""
    from planparse.text.numbers import reference_number

    # Only a number corrects, and only a word with a digit or a short one can be a number.
    ref_words = [s for ln in reference for s in ln.spans if any(ch.isdigit() for ch in s.text)]
    if not ref_words:
        return 0
    changed = 0
    for ln in lines:
        for span in ln.spans:
            word = span.text.strip()
            if id(span) in upheld or not any(ch.isalnum() for ch in word) or not (
                len(word) <= 3 or any(ch.isdigit() for ch in word)
            ):
                continue
            over = [r for r in ref_words if _same_place(span.bbox, r.bbox)]
            if not over:
                continue
            over.sort(key=lambda r: r.bbox[0])
            new = reference_number(word, " ".join(r.text.strip() for r in over))
            if new is None and len(over) == 1:
                new = _fewer_figures(span, word, over[0])
            if new is None or new.replace("–", "-") == word.replace("–", "-"):
                continue  # (a range's en dash, measured in the page image, stays)
            start = span.text.index(word)
            span.text = span.text[:start] + new + span.text[start + len(word) :]
            changed += 1
    return changed


_WHOLE = re.compile(r"-?\d[\d ]*")


def _fewer_figures(span: Span, word: str, ref: Span) -> str | None:
    """The reference's number where the layer read fewer figures than the ink under its box
    holds ("2" boxed over the ink of "75"): both boxes as wide (the layer's fitted to its ink,
    see :mod:`planparse.reading.ink`), the layer's figures half as wide again as the
    reference's. None where the layer's reading stands."""
    from planparse.text.numbers import parse_number

    own, theirs = word.strip(), ref.text.strip()
    if not (_WHOLE.fullmatch(own) and _WHOLE.fullmatch(theirs)) or parse_number(theirs) is None:
        return None  # whole amounts only: "50%" is no "502960"
    n_own, n_ref = len(own.replace(" ", "")), len(theirs.replace(" ", ""))
    if not n_own < n_ref <= n_own + 2:
        return None
    w_own, w_ref = span.bbox[2] - span.bbox[0], ref.bbox[2] - ref.bbox[0]
    if w_ref <= 0 or abs(w_own - w_ref) > 0.25 * w_ref:
        return None
    return theirs if w_own / n_own > 1.5 * w_ref / n_ref else None


def _same_place(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two word boxes of one page cover the same word: each one's vertical centre
    inside the other, and more than half of the narrower one's width shared."""
    ya, yb = (a[1] + a[3]) / 2, (b[1] + b[3]) / 2
    if not (a[1] <= yb <= a[3] and b[1] <= ya <= b[3]):
        return False
    shared = min(a[2], b[2]) - max(a[0], b[0])
    return shared > 0.5 * max(min(a[2] - a[0], b[2] - b[0]), 0.1)


def _after(span: Span, m: re.Match[str]) -> str:
    """The character right after a token in its span ("" at its end)."""
    return span.text[m.end() : m.end() + 1]


def correct_with_reference(lines: list[Line], reference: list[Line]) -> int:
    """Correct an existing OCR layer's words with a Swedish re-OCR of the same page.

    The two token streams are aligned on their OCR skeletons (:func:`planparse.text.fold.fold`);
    where a token's skeleton equals its aligned reference token, the reference spelling wins
    ("malavstamning" → "målavstämning"); where the two disagree, a word the reference reads as
    a real Swedish word of a similar skeleton replaces a word the lexicon does not know
    ("gré6nomraden" → "grönområden"). Positions stay those of the existing layer. Returns the
    number of tokens taken from the reference; the rest are left for lexicon repair.
    """
    from planparse.text.fold import fold
    from planparse.text.repair import known_word

    slots: list[tuple[Span, re.Match[str]]] = [
        (s, m) for ln in lines for s in ln.spans for m in _TOKEN.finditer(s.text)
    ]
    ref_matches = [(s, m) for ln in reference for s in ln.spans for m in _TOKEN.finditer(s.text)]
    ref_tokens = [m.group(0) for _, m in ref_matches]
    keys = [fold(m.group(0)) for _, m in slots]
    ref_keys = [fold(t) for t in ref_tokens]
    matcher = difflib.SequenceMatcher(None, keys, ref_keys, autojunk=False)
    replacement: dict[int, str] = {}
    paired: dict[int, int] = {}  # token → the reference token it was paired with
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                paired[i1 + k] = j1 + k
                replacement[i1 + k] = _spelling(slots[i1 + k][1].group(0), ref_tokens[j1 + k])
        elif tag == "replace":
            # Inside a disagreement, still take every token whose skeleton the reference has,
            # in order ("Bedomning" against "Bedömning:" split differently by the two OCRs).
            matched: dict[int, int] = {}  # token → its reference token
            j = j1
            for i in range(i1, i2):
                for jj in range(j, j2):
                    if keys[i] == ref_keys[jj]:
                        replacement[i], matched[i] = _spelling(slots[i][1].group(0), ref_tokens[jj]), jj
                    elif len(keys[i]) >= 4 and ref_keys[jj][1:] == keys[i]:
                        # the reference read a symbol before the word as a letter ("#" → "H")
                        replacement[i], matched[i] = ref_tokens[jj][1:], jj
                    elif (
                        jj + 1 < j2
                        and ref_keys[jj]
                        and (len(ref_keys[jj]) >= 3 or (ref_tokens[jj].isalpha() and not known_word(slots[i][1].group(0))))
                        and keys[i] == ref_keys[jj] + ref_keys[jj + 1]
                        and ref_tokens[jj + 1].isalpha()
                    ):
                        # two words the layer ran together ("tryggai" → "trygga i"); a short
                        # first piece only where the layer's token is no word ("dskola" →
                        # "d skola": a word's broken end and the next word in a cell)
                        replacement[i], matched[i] = f"{ref_tokens[jj]} {ref_tokens[jj + 1]}", jj + 1
                    else:
                        continue
                    j = jj + 1
                    break
            # Then the words still unmatched, between their matched neighbours: the reference
            # word wins where it is plausibly the same word misread ("gré6nomraden" →
            # "grönområden", "fdr" → "för"; see _misread).
            for i in range(i1, i2):
                if i in matched:
                    continue
                lo = max((jj + 1 for ii, jj in matched.items() if ii < i), default=j1)
                hi = min((jj for ii, jj in matched.items() if ii > i), default=j2)
                for jj in range(lo, hi):
                    if _misread(slots[i][1].group(0), ref_tokens[jj]) and _near(slots[i][0], ref_matches[jj][0]):
                        ref = _without_glyph_letter(slots[i][1].group(0), ref_tokens[jj], _after(*slots[i]))
                        replacement[i], matched[i] = _with_glued_number(slots[i][1].group(0), ref), jj
                        break
            paired.update(matched)
    # A full stop the layer has after a word and the reference does not, inside a sentence
    # (the next word in lower case): a speck read as a stop ("män. samma" → "män samma").
    # Only between two words the reference reads next to each other (never after a number:
    # "3.6.1." keeps its stop).
    drop_stop = {
        i
        for i, j in paired.items()
        if slots[i][1].group(0).isalpha()
        and _after(*slots[i]) == "."
        and _after(*ref_matches[j]) != "."
        and paired.get(i + 1) == j + 1
        and slots[i + 1][1].group(0)[:1].islower()
    }
    # So is a closing quote or apostrophe glued to a word that the reference reads without
    # one, the next word read by both, and no quote opened before it on the layer's line
    # ("Dorotea’ kommun ska"): a speck above the word's end.
    drop_stop |= {
        i
        for i, j in paired.items()
        if slots[i][1].group(0).isalpha()
        and _after(*slots[i]) in tuple(_QUOTE_SPECKS)
        and _after(*ref_matches[j]) not in tuple(_QUOTE_SPECKS)
        and paired.get(i + 1) == j + 1
        and not any(ch in _QUOTES for ch in slots[i][0].text[: slots[i][1].start()])
        and not any(ch in _QUOTES for k in range(max(0, i - 12), i) for ch in slots[k][0].text)
    }
    # Rewrite span texts right to left so match offsets stay valid.
    by_span: dict[int, list[tuple[re.Match[str], str, bool]]] = {}
    spans: dict[int, Span] = {}
    for k, (span, m) in enumerate(slots):
        new = replacement.get(k, m.group(0))
        if new != m.group(0) or k in drop_stop:
            by_span.setdefault(id(span), []).append((m, new, k in drop_stop))
            spans[id(span)] = span
    for key, edits in by_span.items():
        span = spans[key]
        text = span.text
        for m, new, stop in sorted(edits, key=lambda e: -e[0].start()):
            rest = text[m.end() + (1 if stop else 0) :]
            # a speck between two words with no space ("Infora.en"): the words stay apart
            text = text[: m.start()] + new + (" " if stop and rest[:1].isalnum() else "") + rest
        span.text = text
    return len(replacement)


_QUOTE_SPECKS = "’'‘`´"
_QUOTES = _QUOTE_SPECKS + "“”\"„«»"
_GARBLED_EDGES = " -–,.;:'\"‘’“”"


def _garbled(core: str) -> bool:
    """A layer word the OCR garbled: letters with a capital after a small letter inside
    ("eMhinvestert") or a figure or a sign among them, and no word the lexicon knows. A known
    word with a number glued to its end ("Mål4": the space lost) is none."""
    from planparse.text.repair import known_word

    if sum(ch.isalpha() for ch in core) < 3 or known_word(core):
        return False
    glued = _GLUED_FIGURES.fullmatch(core)
    if glued is not None and known_word(glued[1]):
        return False
    mixed = any(a.islower() and b.isupper() for a, b in zip(core, core[1:], strict=False))
    return mixed or not core.isalpha()


def _nonsense(core: str) -> bool:
    """A layer word of small letters that is no word, nor one once its å/ä/ö are put back:
    letters the OCR made up from a word it could not read ("uuaniecninder")."""
    from planparse.text.repair import known_word, repair_word

    return len(core) >= 6 and core.isalpha() and core.islower() and not known_word(core) \
        and not known_word(repair_word(core))


_RUN = 3  # layer words and reference words a replacement may take, at most


_SPLIT_BAR = 0.97  # a layer word the reference reads as several words: the same letters, spaces put in


def replace_garbled_words(lines: list[Line], reference: list[Line]) -> int:
    """Layer words the OCR garbled (:func:`_garbled`) that the reference OCR reads in the same
    place as words the lexicon knows ("eMhinvestert-," where the reference reads "IT" and
    "investeri" from the same ink): the reference's words take the layer word's place, with
    their own boxes across it. The same place: the reference words' joint box starts and ends
    where the layer word's does (within a third of its height), on its band; their skeleton
    like the layer word's (:func:`planparse.text.fold.fold`, half of it or more). A word of
    made-up letters (:func:`_nonsense`) is replaced with the words before or after it that
    share its ink ("WC uuaniecninder" where the reference reads "yrkesvägledningen"), their
    skeletons alike at a lower bar; a word the lexicon does not know that the reference reads as
    several words of the same letters ("vardiratt" / "vård i rätt") is replaced by them. Returns
    the number of layer words replaced."""
    from planparse.text.fold import fold
    from planparse.text.repair import known_word, word_zipf

    refs = [s for ln in reference for s in ln.spans if s.text.strip()]

    def core(span: Span) -> str:
        return span.text.strip().strip(_GARBLED_EDGES)

    def read_there(run: list[Span], bar: float) -> list[Span] | None:
        """The reference's words in the place of the layer words ``run``, or None."""
        box = union([s.bbox for s in run])
        y, h = (box[1] + box[3]) / 2, box[3] - box[1]
        over = sorted((r for r in refs if r.bbox[1] <= y <= r.bbox[3] and box[1] <= (r.bbox[1] + r.bbox[3]) / 2 <= box[3]
                       and (_same_place(box, r.bbox) or box[0] <= r.bbox[0] < r.bbox[2] <= box[2])),
                      key=lambda r: r.bbox[0])
        words = [r.text.strip() for r in over]
        found = union([r.bbox for r in over]) if over else None
        if found is None or not 0 < len(words) <= _RUN \
                or not all((w := x.rstrip(",.;:")).isalpha() and known_word(w) for x in words) \
                or abs(found[0] - box[0]) > h / 3 or abs(found[2] - box[2]) > h / 3 \
                or difflib.SequenceMatcher(None, fold("".join(core(s) for s in run)), fold("".join(words)),
                                           autojunk=False).ratio() < bar:
            return None
        return over

    changed = 0
    for ln in lines:
        spans = ln.spans
        out: list[Span] = []
        k = 0
        while k < len(spans):
            c = core(spans[k])
            if not c or any(ch.isspace() for ch in c):
                out.append(spans[k])  # (a span of several words: another layer's line, not one word)
                k += 1
                continue
            runs: list[tuple[int, int, float]] = []
            if _garbled(c):
                runs.append((k, k + 1, 0.5))
            elif _nonsense(c):  # (the word alone, then with the words before or after it)
                runs += [(a, b, 0.35) for n in range(1, _RUN + 1) for a in range(max(k - n + 1, 0), k + 1)
                         if (b := a + n) <= len(spans)
                         and all(core(s) and not any(ch.isspace() for ch in core(s)) for s in spans[a:b])]
            elif len(c) >= 6 and c.isalpha() and word_zipf(c) < 1.0:  # (known as a compound of words, perhaps)
                runs.append((k, k + 1, _SPLIT_BAR))  # "vardiratt" where the reference reads "vård i rätt"
            done = False
            for a, b, bar in runs:
                if a < k and out[len(out) - (k - a):] != spans[a:k]:
                    continue  # (the words before were replaced already)
                over = read_there(spans[a:b], bar)
                if over is None or (bar == _SPLIT_BAR and (len(over) < 2 or fold("".join(r.text.strip() for r in over)) != fold(c))):
                    continue  # (split: the same letters exactly, no word of the next ink taken in)
                first, last = spans[a], spans[b - 1]
                del out[len(out) - (k - a):]
                lead = " " if first.text.startswith(" ") else ""
                trail = " " if last.text.endswith(" ") else ""
                if ln.raw_text is None:
                    ln.raw_text = ln.text
                words = [r.text.strip() for r in over]
                for j, (w, r) in enumerate(zip(words, over, strict=True)):
                    end = j == len(words) - 1
                    text = (lead if j == 0 else (" " if lead else "")) + w + (trail if end else ("" if lead else " "))
                    out.append(Span(text=text, bbox=(r.bbox[0], first.bbox[1], r.bbox[2], first.bbox[3]), font=first.font,
                                    size=first.size, bold=first.bold, italic=first.italic, color=first.color))
                changed += 1
                k = b
                done = True
                break
            if not done:
                out.append(spans[k])
                k += 1
        ln.spans = out
    return changed


def drop_unread_end_dashes(lines: list[Line], reference: list[Line]) -> int:
    """A dash alone after a word of an existing layer's line (at its end, or before a cell's
    next word past a gap), where the reference OCR reads that word in its place but no dash
    after it: a speck of the scan or a cell's rule the English model read as a dash ("Attest
    av —" / "leverantörsfakturor", "Ekonomiavdel —" / "ningen", "introduktion för — Miljöchef"),
    dropped; left, it would end a cell's name and keep a word broken at the cell's edge from
    its rest. A dash the reference reads too ("regler, -", "Mål 5 —") stays, and so does every
    dash where the reference has no reading of the word before it. A dash whose ink is a
    stroke (:func:`_stroke`) goes where the reference reads no dash by it, whatever precedes
    it (a rule read as a line of its own). Returns the number dropped."""
    refs = [s for ln in reference for s in ln.spans if s.text.strip()]
    ref_dashes = [r for r in refs if set(r.text.strip()) & _DASHES]
    dropped = 0
    for ln in lines:
        strokes = [s for s in ln.spans if _stroke(s) and not any(_near_box(s.bbox, r.bbox) for r in ref_dashes)]
        if strokes:
            ln.spans = [s for s in ln.spans if not any(s is t for t in strokes)]
            dropped += len(strokes)
        words = [s for s in ln.spans if s.text.strip()]
        if not words:
            continue
        y0, y1 = ln.bbox[1], ln.bbox[3]
        for k in range(1, len(words)):
            word, dash = words[k - 1], words[k]
            if not set(dash.text.strip()) <= _DASHES or not any(ch.isalnum() for ch in word.text):
                continue
            if k + 1 < len(words) and words[k + 1].bbox[0] - dash.bbox[2] < y1 - y0:
                continue  # a dash between two words of a sentence ("2024 – 2026"): text
            band = [r for r in refs if y0 <= (r.bbox[1] + r.bbox[3]) / 2 <= y1]
            if not any(_same_place(word.bbox, r.bbox) for r in band):
                continue  # the reference did not read the word: nothing to tell the dash by
            reach = dash.bbox[2] + (y1 - y0)
            if any(set(r.text) & _DASHES and r.bbox[0] < reach and r.bbox[2] > word.bbox[0] for r in band):
                continue
            ln.spans = [s for s in ln.spans if s is not dash]
            dropped += 1
    lines[:] = [ln for ln in lines if any(s.text.strip() for s in ln.spans)]  # (a line that was a stroke)
    return dropped


def _near_box(a: BBox, b: BBox) -> bool:
    """Whether box ``b``'s vertical centre lies within ``a``'s height and the two meet across,
    ``a`` widened by half its height each way (a dash's ink boxed by two readings)."""
    h = a[3] - a[1]
    return a[1] <= (b[1] + b[3]) / 2 <= a[3] and b[0] < a[2] + h / 2 and b[2] > a[0] - h / 2


def _stroke(span: Span) -> bool:
    """A dash whose box, fitted to the page image's ink, is a fifth as wide as tall or less: a
    cell's vertical rule the English model read as "—" (no dash glyph is that narrow)."""
    return span.text.strip() in _DASHES and span.bbox[2] - span.bbox[0] < 0.2 * (span.bbox[3] - span.bbox[1])


def _word_like(text: str) -> bool:
    """A reference token worth adding to a layer that lacks it: letters only with a vowel, a
    word the lexicon knows (a short one common: "år"; of one letter only the words "i", "å",
    "ö"), not in capitals ("SS", "NESS": what Tesseract reads from a rule or a speck; "e" and
    "mm" from an icon or a dash)."""
    from planparse.text.repair import known_word, word_zipf

    if not text.isalpha() or not any(ch in "aeiouyåäöé" for ch in text.casefold()) \
            or (len(text) > 1 and text.isupper()):
        return False
    if len(text) == 1:
        return text in "iåö"
    return word_zipf(text) >= 3.0 if len(text) <= 3 else known_word(text)


def _in_band(box: tuple[float, float, float, float], line: Line) -> bool:
    """Whether a word box sits on ``line``'s band: its centre inside the line's height and
    its height like the line's (a rule read as letters is far taller or thinner)."""
    y0, y1 = line.bbox[1], line.bbox[3]
    h, hb = max(y1 - y0, 1.0), box[3] - box[1]
    return y0 <= (box[1] + box[3]) / 2 <= y1 and 0.5 * h <= hb <= 1.6 * h


def _index(line: Line, span: Span) -> int:
    return next(k for k, s in enumerate(line.spans) if s is span)


def insert_dropped_words(lines: list[Line], reference: list[Line]) -> int:
    """Words an existing OCR layer dropped that the Swedish re-OCR of the page reads ("år i",
    "Meröppet" before the row's other cells): where the two word streams agree on both sides
    of a gap only the reference fills, each reference word of that gap that is a known word
    (:func:`_word_like`), in a line of real words, on the band of the layer word before or
    after the gap and over no word of the layer, is added there with the reference's box.
    Figures are never added (a speck read as "5" between two cells would become a value).
    Returns the number of words added."""
    from planparse.text.fold import fold

    slots = [(ln, s) for ln in lines for s in ln.spans if s.text.strip()]
    refs = [(ln, s) for ln in reference for s in ln.spans if s.text.strip()]
    if not slots or not refs:
        return 0
    matcher = difflib.SequenceMatcher(None, [fold(s.text.strip()) for _, s in slots],
                                      [fold(s.text.strip()) for _, s in refs], autojunk=False)
    ops = matcher.get_opcodes()
    boxes = [s.bbox for _, s in slots]
    clean: dict[int, bool] = {}  # reference line → mostly real words
    added = 0
    for k, (tag, i1, _i2, j1, j2) in enumerate(ops):
        if tag != "insert" or j2 - j1 > 3 or not (0 < k < len(ops) - 1) \
                or ops[k - 1][0] != "equal" or ops[k + 1][0] != "equal":
            continue
        before, after = slots[i1 - 1], slots[i1]
        for j in range(j1, j2):
            ref_line, ref = refs[j]
            word = ref.text.strip()
            if id(ref_line) not in clean:
                words = [s.text.strip() for s in ref_line.spans if s.text.strip()]
                clean[id(ref_line)] = 2 * sum(_word_like(w) or any(ch.isdigit() for ch in w) for w in words) >= len(words)
            # The layer's box of a word beside the gap may take in the dropped word's ink too
            # ("år" boxed over "år i"): only where the reference sets the word clear of that
            # word's own reading, and the box is cut back to it.
            flank = {id(before[1]), id(after[1])}
            if fold(word) in (fold(before[1].text.strip()), fold(after[1].text.strip())):
                continue  # the word beside the gap, read once more by the reference at a line's end
            if not _word_like(word) or not clean[id(ref_line)] or any(
                    overlap(ref.bbox, s.bbox) for _, s in slots if id(s) not in flank) \
                    or any(overlap(ref.bbox, b) for b in boxes[len(slots):]):
                continue
            if _in_band(ref.bbox, before[0]) and ref.bbox[0] >= refs[j1 - 1][1].bbox[2] and ref.bbox[0] > before[1].bbox[0]:
                host, at = before[0], _index(before[0], before[1]) + 1
                b = before[1].bbox
                if b[2] > ref.bbox[0]:
                    before[1].bbox = (b[0], b[1], max(b[0] + 1.0, refs[j1 - 1][1].bbox[2]), b[3])
            elif _in_band(ref.bbox, after[0]) and ref.bbox[2] <= refs[j2][1].bbox[0] and ref.bbox[2] < after[1].bbox[2]:
                host, at = after[0], _index(after[0], after[1])
                b = after[1].bbox
                if b[0] < ref.bbox[2]:
                    after[1].bbox = (min(b[2] - 1.0, refs[j2][1].bbox[0]), b[1], b[2], b[3])
            else:
                continue
            if any(s.bbox[0] < ref.bbox[0] < s.bbox[2] for s in host.spans):
                continue
            like = host.spans[min(at, len(host.spans) - 1)]
            spaced_after = like.text.endswith(" ")  # words carry their space after them, or before
            text = word + " " if spaced_after else (" " + word if at > 0 else word)
            if at == 0 and not spaced_after and host.spans:
                host.spans[0].text = " " + host.spans[0].text.lstrip()
            if host.raw_text is None:
                host.raw_text = host.text
            new = Span(text=text, bbox=ref.bbox, font=like.font, size=like.size, bold=like.bold,
                       italic=like.italic, color=like.color)
            host.spans = [*host.spans[:at], new, *host.spans[at:]]
            if host is before[0]:
                before = (host, new)  # the next word of the gap goes after this one
            boxes.append(ref.bbox)
            added += 1
    return added


_FIGURE = re.compile(r"\d+(?:[,.]\d+)?")
LOST_ROWS = 3  # table rows in a row the layer lost the figures of: a region read again


def replace_lost_rows(lines: list[Line], reference: list[Line]) -> list[Line]:
    """An existing OCR layer's lines with a table region it lost read from the Swedish re-OCR:
    where :data:`LOST_ROWS` or more of the reference's lines one under the other hold two
    figures or more each ("Sjukfrånvaro totalt, procent Tot 7,4 7,1 Minska") and the layer
    has under half of those figures over each (it read the table as a few words boxed over
    several rows, "| Sjuknvaro vt, procent"), the layer's lines inside the region those rows
    cover give way to the reference's lines there (and the table's header right above them,
    where the layer read fewer of its words)."""
    def figures(text: str) -> int:
        return len(_FIGURE.findall(text))

    def lost(ref: Line) -> bool:
        over = [s for ln in lines for s in ln.spans if overlap(ref.bbox, s.bbox)]
        return 2 * figures(" ".join(s.text for s in over)) < figures(ref.text)

    rows = sorted((r for r in reference if figures(r.text) >= 2), key=lambda r: r.bbox[1])
    regions: list[list[Line]] = []
    run: list[Line] = []
    for r in rows:
        missing = lost(r)
        if missing and (not run or r.bbox[1] - run[-1].bbox[3] < 3 * (r.bbox[3] - r.bbox[1])):
            run.append(r)
            continue
        if len(run) >= LOST_ROWS:
            regions.append(run)
        run = [r] if missing else []
    if len(run) >= LOST_ROWS:
        regions.append(run)
    if not regions:
        return lines
    out = list(lines)
    for run in regions:
        # (the table's header right above, where the layer read fewer of its words: "Tot K/M" lost)
        above = [r for r in reference if r.bbox[3] <= run[0].bbox[1] + 1 and run[0].bbox[1] - r.bbox[3] < r.bbox[3] - r.bbox[1]]
        head = max(above, key=lambda r: r.bbox[3]) if above else None
        if head is not None and len(head.text.split()) > len(
                [s for ln in lines for s in ln.spans if any(ch.isalnum() for ch in s.text)
                 and head.bbox[1] <= (s.bbox[1] + s.bbox[3]) / 2 <= head.bbox[3] and overlap(head.bbox, s.bbox)]):
            run = [head, *run]
        # (with the table's side rules, which the layer read as "PO" or "|" a few points out)
        box = (min(r.bbox[0] for r in run) - 8, run[0].bbox[1], max(r.bbox[2] for r in run) + 8, run[-1].bbox[3])

        def inside(ln: Line, box: BBox = box) -> bool:
            yc = (ln.bbox[1] + ln.bbox[3]) / 2
            return box[1] - 1 <= yc <= box[3] + 1 and ln.bbox[0] < box[2] and ln.bbox[2] > box[0]

        out = [ln for ln in out if not inside(ln)]
        for ln in (r for r in reference if inside(r)):
            at = next((k for k, o in enumerate(out) if o.page == ln.page and o.bbox[1] > ln.bbox[1]), len(out))
            out.insert(at, ln)
    return out


def restore_lost_lines(lines: list[Line], reference: list[Line]) -> list[Line]:
    """An existing OCR layer's lines with the Swedish re-OCR's lines put back where the layer
    lost a whole region (a table read as "=" and "=a" in one box over it all): each reference
    line of real words (half of them :func:`_word_like` and one of three letters at least, its
    words' punctuation aside) over which the layer has no word of two letters or more is added,
    and the layer's lines of no such word that lie over an added line go."""
    def real(ln: Line) -> bool:
        words = [w.strip(".,:;()!?–-") for w in ln.text.split()]
        words = [w for w in words if w]
        return bool(words) and 2 * sum(_word_like(w) for w in words) >= len(words) and any(
            len(w) >= 3 and w.isalpha() for w in words)

    def lettered(s: Span) -> bool:
        return any(sum(ch.isalpha() for ch in w) >= 2 for w in s.text.split())

    spans = [s for ln in lines for s in ln.spans if lettered(s)]
    added = [ln for ln in reference if real(ln) and not any(overlap(ln.bbox, s.bbox) for s in spans)]
    if not added:
        return lines
    out = [ln for ln in lines if any(lettered(s) for s in ln.spans) or not any(overlap(ln.bbox, a.bbox) for a in added)]
    for ln in added:  # each before the first line below it
        at = next((k for k, o in enumerate(out) if o.page == ln.page and o.bbox[1] > ln.bbox[1]), len(out))
        out.insert(at, ln)
    return out
