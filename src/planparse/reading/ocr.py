"""OCR with Tesseract, called directly: one thread per process, pages in parallel.

Measured here (Tesseract 5.3, ``-l swe``, 200 dpi): about 2.1 s a page with
``OMP_THREAD_LIMIT=1`` against 6.5 s with its default threading on two cores, so each
Tesseract process gets one thread and pages run side by side.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

from planparse.reading.model import Line, Span

DPI = 200
INSTALL_HINT = "install it with: apt-get install tesseract-ocr tesseract-ocr-swe"


@lru_cache(maxsize=1)
def tesseract_info() -> tuple[str | None, str | None, tuple[str, ...]]:
    """(path, version, languages) of the Tesseract on PATH; path None when absent."""
    path = shutil.which("tesseract")
    if not path:
        return None, None, ()
    try:
        v = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=20)
        version = (v.stdout or v.stderr).split()[1] if (v.stdout or v.stderr).split() else None
        langs = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=20)
        names = tuple(x.strip() for x in langs.stdout.splitlines()[1:] if x.strip())
    except (OSError, subprocess.SubprocessError, IndexError):
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


def ocr_png(png: bytes, page: int, lang: str, dpi: int = DPI, timeout: float = 300) -> list[Line]:
    """Recognise one page image; lines in reading order with word boxes in PDF points."""
    path = tesseract_info()[0]
    if path is None:
        raise FileNotFoundError("tesseract")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    proc = subprocess.run(
        [path, "stdin", "stdout", "-l", lang, "--dpi", str(dpi), "--psm", "3", "tsv"],
        input=png,
        capture_output=True,
        timeout=timeout,
        env=env,
        check=True,
    )
    return tsv_to_lines(proc.stdout.decode("utf-8", "replace"), page, 72.0 / dpi)


def tsv_to_lines(tsv: str, page: int, scale: float) -> list[Line]:
    words: dict[tuple[int, int, int], list[Span]] = {}
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text or float(row.get("conf") or -1) < 0:
            continue
        x, y, w, h = (int(row[k]) * scale for k in ("left", "top", "width", "height"))
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        words.setdefault(key, []).append(
            Span(text=text, bbox=(round(x, 2), round(y, 2), round(x + w, 2), round(y + h, 2)))
        )
    lines = []
    for spans in words.values():
        height = max(s.bbox[3] for s in spans) - min(s.bbox[1] for s in spans)
        size = round(height * 0.85, 1)
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


def ocr_pages(images: dict[int, bytes], lang: str, workers: int | None = None) -> dict[int, list[Line]]:
    """OCR several page images in parallel; keys are 1-based page numbers."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(images) or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {n: pool.submit(ocr_png, png, n, lang) for n, png in images.items()}
        return {n: f.result() for n, f in futures.items()}
