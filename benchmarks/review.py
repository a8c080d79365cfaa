"""Review page size and opening time.

For one PDF (default: the largest fixture, robertsfors-verksamhetsplan-2025.pdf, 25 pages):
the review page's size and the seconds to write it at several resolutions / JPEG qualities,
against parsing the same PDF (the baseline: writing a review must not cost much more than
the parse it shows); then the time headless Chromium takes to open the default page
(DOMContentLoaded, load, first page image decoded), against a bare page holding only the
same images (no boxes, no panel, no script).

    python benchmarks/review.py [FILE.pdf]

Needs Debian's chromium and chromium-driver (scripts/setup.sh) for the browser figures.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "fixtures" / "robertsfors-verksamhetsplan-2025.pdf"
SETTINGS = ((72, 60), (96, 70), (110, 70), (130, 75), (150, 80))
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,900",
)

OPEN_TIMES = """
const done = arguments[arguments.length - 1];
function check() {
  const img = document.querySelector('.page img, img');
  const nav = performance.getEntriesByType('navigation')[0];
  if (img && img.getAttribute('src') && img.complete && img.naturalWidth > 0 && nav.loadEventEnd > 0) {
    img.decode().then(() => done([nav.domContentLoadedEventEnd, nav.loadEventEnd, performance.now()]));
  } else { setTimeout(check, 5); }
}
check();
"""


def _best(f: Any, repeat: int = 3) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - t0)
    return best, out


def _bare_page(images: list[Any], path: Path) -> None:
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"]
    for p in images:
        b64 = base64.b64encode(p.data).decode("ascii")
        parts.append(f"<img style='width:900px;display:block' src='data:{p.mime};base64,{b64}'>")
    parts.append("</body></html>")
    path.write_text("".join(parts), encoding="utf-8")


def _open_times(pages: list[Path]) -> list[tuple[float, float, float]] | None:
    if not (Path("/usr/bin/chromium").exists() and Path("/usr/bin/chromedriver").exists()):
        print("chromium/chromedriver missing (scripts/setup.sh): no browser figures")
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"
    profile = tempfile.mkdtemp(prefix="planparse-bench-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_script_timeout(30)
        out = []
        for page in pages:
            runs = []
            for _ in range(3):
                driver.get("about:blank")
                driver.get(page.as_uri())
                runs.append(tuple(driver.execute_async_script(OPEN_TIMES)))
            out.append(min(runs, key=lambda r: r[2]))
        return out
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main(argv: list[str]) -> int:
    import planparse
    from planparse.review import review_document
    from planparse.review.images import DEFAULT_DPI, DEFAULT_QUALITY, render_pages

    pdf = Path(argv[0]) if argv else DEFAULT
    data = pdf.read_bytes()
    t_parse, doc = _best(lambda: planparse.parse(pdf))
    doc_json = json.loads(doc.to_json())
    pages = doc.source.page_count
    print(f"{pdf.name}: {pages} pages, PDF {len(data) / 1048576:.2f} MB")
    print(f"baseline: parse {t_parse:.2f} s (best of 3)\n")
    print(f"{'dpi':>4} {'jpeg q':>6} {'page MB':>8} {'MB/page':>8} {'write s':>8} {'x parse':>8}")
    tmp = Path(tempfile.mkdtemp(prefix="planparse-bench-review-"))
    try:
        default_page = None
        for dpi, quality in SETTINGS:
            out = tmp / f"review-{dpi}-{quality}.html"
            t, _ = _best(
                lambda dpi=dpi, quality=quality, out=out: review_document(
                    doc_json, data, out, pdf_name=pdf.name, dpi=dpi, quality=quality
                )
            )
            size = out.stat().st_size / 1048576
            mark = "  <- default" if (dpi, quality) == (DEFAULT_DPI, DEFAULT_QUALITY) else ""
            print(
                f"{dpi:>4} {quality:>6} {size:>8.2f} {size / pages:>8.3f} {t:>8.2f} "
                f"{t / t_parse:>8.2f}{mark}"
            )
            if mark:
                default_page = out
        assert default_page is not None
        bare = tmp / "bare.html"
        _bare_page(render_pages(data, pdf.name), bare)
        times = _open_times([default_page, bare])
        if times:
            (dcl, load, img), (bdcl, bload, bimg) = times
            print("\nChromium, default page vs bare page of the same images (ms, best of 3):")
            print(f"  DOMContentLoaded  {dcl:7.0f}  vs {bdcl:7.0f}  ({dcl / max(bdcl, 1):.2f}x)")
            print(f"  load              {load:7.0f}  vs {bload:7.0f}  ({load / max(bload, 1):.2f}x)")
            print(f"  first image shown {img:7.0f}  vs {bimg:7.0f}  ({img / max(bimg, 1):.2f}x)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main(sys.argv[1:]))
