"""Pages full of small images (icons, progress bars, photo strips) against text pages.

Issue 11 asks that such pages parse at no more than 2x the per-page time of text pages. The
image-heavy document is the real Print To PDF årsbokslut in fixtures/real (223 images, its
statuses are raster icons); the text pages are the born-digital fixtures. Both are parsed in
this run, best of N, and the ratio of seconds per page is printed.

    python benchmarks/image_pages.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pymupdf

import planparse

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "fixtures" / "real" / "simrishamn_kfn_arsbokslut_2025_printtopdf.pdf"
TEXT = [p for p in sorted((ROOT / "fixtures").glob("*.pdf")) if "ocr" not in p.name and "scan" not in p.name]


def per_page(paths: list[Path], repeat: int) -> tuple[float, int]:
    pages = sum(pymupdf.open(p).page_count for p in paths)
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for p in paths:
            planparse.parse(p, ocr="never")
        best = min(best, time.perf_counter() - t)
    return best / pages, pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    planparse.parse(TEXT[0], ocr="never")  # imports and caches warmed
    n_images = sum(len(page.get_image_info()) for page in pymupdf.open(IMAGES))
    img, img_pages = per_page([IMAGES], args.repeat)
    txt, txt_pages = per_page(TEXT, args.repeat)
    print(f"text pages:  {txt_pages:4d} pages, {txt * 1000:7.1f} ms/page")
    print(f"image pages: {img_pages:4d} pages ({n_images} images), {img * 1000:7.1f} ms/page")
    print(f"ratio image/text: {img / txt:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
