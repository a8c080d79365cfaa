"""Speed and memory of planparse against raw PyMuPDF, in one run (< 5 minutes).

    /work/venv/bin/python benchmarks/speed.py [--min-pages 500] [--plumber-files N] [--keep DIR]

Builds a corpus in a temp folder by repeating the born-digital fixtures (not the scans) until
it has at least ``--min-pages`` pages, then measures:

1. baseline: raw PyMuPDF ``page.get_text("dict")`` over every page;
2. ``planparse.api.parse`` over every file, default backend (pymupdf), in this process;
3. the same with ``backend="pdfplumber"`` on a subsample (one copy of each fixture), scaled
   as pages per second;
4. the CLI over the folder (subprocess) with ``--jobs 1`` and ``--jobs 2``;
5. ``planparse --help`` against a bare ``python -c pass``;
6. memory over a long run: the resident set sampled while parsing ``--memory-files`` (1,000)
   files in this process, which must stay flat (results are not held);
7. peak memory: RSS of this process after the in-process parses, tracemalloc peak of one
   parse of the largest file, and the peak RSS of the largest CLI process (a worker) from
   ``getrusage(RUSAGE_CHILDREN)`` measured in a wrapper process per run.

Prints pages/second, each ratio to the baseline, and the memory figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PY = sys.executable


def born_digital() -> list[Path]:
    out = []
    for pdf in sorted(FIXTURES.glob("*.pdf")):
        if pdf.name.startswith("scan-") or "-ocr" in pdf.stem:
            continue
        gold = FIXTURES / "expected" / f"{pdf.stem}.json"
        if gold.exists():
            layer = json.loads(gold.read_text(encoding="utf-8")).get("source", {}).get("text_layer")
            if layer not in (None, "native"):
                continue
        out.append(pdf)
    return out


def page_count(pdf: Path) -> int:
    import pymupdf

    with pymupdf.open(pdf) as doc:
        return doc.page_count


def build_corpus(folder: Path, min_pages: int) -> tuple[list[Path], int]:
    sources = [(p, page_count(p)) for p in born_digital()]
    if not sources:
        raise SystemExit("no born-digital fixture PDFs")
    files: list[Path] = []
    total = 0
    k = 0
    while total < min_pages:
        for src, n in sources:
            dst = folder / f"{src.stem}-{k:03d}.pdf"
            shutil.copy(src, dst)
            files.append(dst)
            total += n
        k += 1
    return files, total


def rss_mb_self() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


# CPU seconds of this process per timed run, by name: on a machine shared with other work the
# wall-clock ratio drifts with the load, the CPU-time ratio much less.
CPU: dict[str, float] = {}


def baseline(files: list[Path]) -> tuple[int, float]:
    import pymupdf

    pages = 0
    c0, t0 = time.process_time(), time.perf_counter()
    for f in files:
        with pymupdf.open(f) as doc:
            for page in doc:
                page.get_text("dict")
                pages += 1
    CPU["baseline"] = time.process_time() - c0
    return pages, time.perf_counter() - t0


def parse_all(files: list[Path], backend: str) -> tuple[int, float]:
    from planparse.api import parse

    pages = 0
    c0, t0 = time.process_time(), time.perf_counter()
    for f in files:
        doc = parse(f, backend=backend)  # type: ignore[arg-type]
        pages += doc.source.page_count
    CPU[backend] = time.process_time() - c0
    return pages, time.perf_counter() - t0


def cli_run(folder: Path, out: Path, jobs: int) -> tuple[float, float, int]:
    """(seconds, peak RSS MB of the largest process in the run, exit code)."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t0 = time.perf_counter()\n"
        "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
        "dt = time.perf_counter() - t0\n"
        "print(dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, rc)\n"
    )
    cmd = [PY, "-m", "planparse", "parse", str(folder), "-o", str(out), "--jobs", str(jobs), "-q"]
    proc = subprocess.run([PY, "-c", wrapper, *cmd], capture_output=True, text=True, check=True)
    seconds, rss, rc = proc.stdout.split()
    return float(seconds), float(rss), int(rc)


def startup(args: list[str], n: int = 7) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def scan_timing() -> tuple[str, int, float, float] | None:
    """Seconds for Tesseract alone on a scan fixture's page images (rendered at the same dpi,
    pages in parallel as planparse runs them) and for the full planparse.parse of the file."""
    import pymupdf

    from planparse.api import parse
    from planparse.reading import ocr
    from planparse.reading.pymupdf_backend import render_gray

    scans = sorted(FIXTURES.glob("scan-*.pdf"))
    lang = ocr.choose_language()
    if not scans or lang is None:
        print("scan timing skipped: no scan fixture or no Tesseract")
        return None
    scan = scans[0]
    with pymupdf.open(scan) as pdf:
        images = {i + 1: render_gray(page, ocr.DPI) for i, page in enumerate(pdf)}
    best_alone = best_full = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        ocr.ocr_pages(images, lang)
        best_alone = min(best_alone, time.perf_counter() - t0)
        t0 = time.perf_counter()
        parse(scan)
        best_full = min(best_full, time.perf_counter() - t0)
    return scan.name, len(images), best_alone, best_full


def rss_mb_now() -> float:
    """This process's current resident set (not the peak), in MB."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-pages", type=int, default=500)
    ap.add_argument("--plumber-files", type=int, default=0, help="0: one copy of each fixture")
    ap.add_argument("--keep", type=Path, default=None, help="build the corpus here and keep it")
    ap.add_argument(
        "--memory-files", type=int, default=1000, help="files parsed in the memory-flatness run"
    )
    args = ap.parse_args()

    t_start = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="planparse-bench-")) if args.keep is None else args.keep
    corpus = tmp / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    files, total = build_corpus(corpus, args.min_pages)
    print(
        f"corpus: {len(files)} files, {total} pages ({len(born_digital())} born-digital fixtures)"
    )
    rows: list[tuple[str, int, float]] = []
    try:
        b_pages, b_sec = baseline(files)
        rows.append(('PyMuPDF get_text("dict") (baseline)', b_pages, b_sec))

        # warm-up: imports and lazy models are not what we measure per page. One copy of each
        # fixture, not just the first: a lazy model is loaded by the first document that needs
        # it (spaCy by the first with an owner-shaped word in its front matter), which need not
        # be the first file; the CLI rows below still include every import and model load.
        n_distinct = len(born_digital())
        t0 = time.perf_counter()
        parse_all(files[:n_distinct], "pymupdf")
        warm = time.perf_counter() - t0
        print(f"planparse import + one parse of each of the {n_distinct} fixtures (warm-up, excluded): {warm:.2f} s")

        p_pages, p_sec = parse_all(files, "pymupdf")
        p_cpu = CPU["pymupdf"]
        rows.append(("planparse.parse, backend pymupdf", p_pages, p_sec))
        rss_after_parse = rss_mb_self()

        n_plumber = args.plumber_files or len(born_digital())
        subset = files[:n_plumber]
        parse_all(subset[:1], "pdfplumber")  # warm-up
        q_pages, q_sec = parse_all(subset, "pdfplumber")
        rows.append((f"planparse.parse, backend pdfplumber ({len(subset)} files)", q_pages, q_sec))

        largest = max(files[: len(born_digital())], key=lambda f: f.stat().st_size)
        tracemalloc.start()
        parse_all([largest], "pymupdf")
        _cur, tm_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        # Memory over a long run: parse --memory-files files in this process (cycling through
        # the corpus) and sample the resident set every tenth of the way.
        samples: list[tuple[int, float]] = []
        step = max(1, args.memory_files // 10)
        for k in range(args.memory_files):
            parse_all([files[k % len(files)]], "pymupdf")
            if (k + 1) % step == 0:
                samples.append((k + 1, rss_mb_now()))

        # Each CLI configuration runs three times into a fresh folder; the best time counts
        # (a run of a few seconds on a shared machine is noisy), the largest RSS is reported.
        cli = {}
        for jobs in (1, 2):
            runs = []
            for attempt in range(3):
                out = tmp / f"out-j{jobs}-{attempt}"
                runs.append(cli_run(corpus, out, jobs))
                shutil.rmtree(out, ignore_errors=True)
            sec = min(r[0] for r in runs)
            cli[jobs] = (max(r[1] for r in runs), max(r[2] for r in runs))
            rows.append((f"CLI parse --jobs {jobs} (best of 3, incl. startup)", total, sec))

        scan_row = scan_timing()

        t_pass = startup([PY, "-c", "pass"])
        t_help = startup([PY, "-m", "planparse", "--help"])
        t_import = startup([PY, "-c", "import planparse.api"], n=3)
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)

    base_rate = b_pages / b_sec
    print()
    print(f"{'run':<58} {'pages':>6} {'seconds':>8} {'pages/s':>9} {'vs baseline':>12}")
    for name, pages, sec in rows:
        rate = pages / sec if sec else float("inf")
        print(f"{name:<58} {pages:>6} {sec:>8.2f} {rate:>9.1f} {rate / base_rate:>11.3f}x")
    print()
    print(
        f"python -c pass: {t_pass * 1000:.0f} ms; planparse --help: {t_help * 1000:.0f} ms "
        f"(+{(t_help - t_pass) * 1000:.0f} ms); import planparse.api: {t_import * 1000:.0f} ms"
    )
    print(f"peak RSS, this process after {len(files)} in-process parses: {rss_after_parse:.0f} MB")
    print(f"tracemalloc peak, one parse of {largest.name}: {tm_peak / 2**20:.1f} MB")
    print(
        f"resident memory over {args.memory_files} in-process parses (files: MB): "
        + ", ".join(f"{n}: {mb:.0f}" for n, mb in samples)
    )
    first, last = samples[0][1], samples[-1][1]
    print(f"  growth from file {samples[0][0]} to {samples[-1][0]}: {last - first:+.1f} MB")
    j1 = total / next(sec for name, _, sec in rows if "--jobs 1" in name)
    j2 = total / next(sec for name, _, sec in rows if "--jobs 2" in name)
    print(f"CLI --jobs 2 throughput / --jobs 1: {j2 / j1:.2f}x (target >= 1.7x)")
    print(f"full parse time / baseline time: {p_sec / b_sec:.2f}x (target <= 4x); "
          f"in CPU seconds of this process: {p_cpu / CPU['baseline']:.2f}x ({os.getloadavg()[0]:.1f} load)")
    for jobs, (rss, rc) in cli.items():
        print(
            f"peak RSS of the largest process (a worker) in CLI --jobs {jobs}: {rss:.0f} MB "
            f"(exit code {rc})"
        )
    if scan_row is not None:
        name, pages, alone, full = scan_row
        print(
            f"scan {name} ({pages} pages): Tesseract alone on the page images {alone / pages:.2f} s/page, "
            f"planparse.parse {full / pages:.2f} s/page, ratio {full / alone:.2f}x (target <= 1.2x)"
        )
    print(f"CPUs: {os.cpu_count()}; benchmark wall time {time.perf_counter() - t_start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
