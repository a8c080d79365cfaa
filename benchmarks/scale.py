"""Dask executor against the local worker pool, in one run.

    .venv/bin/python benchmarks/scale.py [--copies 4] [--scan-pages 20] [--workers 2]

1. **Born-digital batch**: the born-digital fixture PDFs repeated ``--copies`` times, parsed
   by the local pool (``--jobs 2``) and by a 2-worker Dask LocalCluster (warm: the cluster and
   its sandbox processes started beforehand; the start-up is printed apart). Aim: Dask's
   overhead at most 10 %.
2. **One long scan**: a ``--scan-pages`` image-only PDF made in a temp folder by rasterising
   fixture pages with PyMuPDF, parsed on the same cluster as one task (its OCR inside the
   document's task, one Tesseract at a time, as a 1-thread worker should) and with its pages
   as tasks. Aim: pages as tasks at least 1.7x faster. The local pool (``--jobs 1``, Tesseract
   on every core of this machine) is printed for reference.

Every Dask output is checked byte-identical to the local pool's. Prints figures and ratios.

The scan's ratio can only be what the machine gives two processes at that moment, so the
run also measures that: two pages of the scan OCR'd one after the other against side by side
(Tesseract alone). On a busy machine (other work, Linux autogroup sharing CPU per session),
compare the two ratios; ``/proc/pressure/cpu`` is printed where present.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
sys.path.insert(0, str(ROOT / "src"))

import planparse.reading  # noqa: E402,F401  - first: PyMuPDF without its ONNX extras
from planparse.batch import Options, Result, discover, run_batch  # noqa: E402

OPTIONS = Options(timeout=600, max_memory_mb=2048)


def born_digital() -> list[Path]:
    return [
        p
        for p in sorted(FIXTURES.glob("*.pdf"))
        if not p.name.startswith("scan-") and "-ocr" not in p.stem
    ]


def image_only_pdf(out: Path, pages: int, dpi: int = 150) -> Path:
    """A scan: ``pages`` born-digital fixture pages rasterised (grey, ``dpi``), no text layer."""
    import pymupdf

    scan = pymupdf.open()
    while scan.page_count < pages:
        for pdf in born_digital():
            with pymupdf.open(pdf) as doc:
                for page in doc:
                    if scan.page_count >= pages:
                        break
                    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
                    new = scan.new_page(width=page.rect.width, height=page.rect.height)
                    new.insert_image(new.rect, stream=pix.tobytes("png"))
            if scan.page_count >= pages:
                break
    scan.save(out)
    scan.close()
    return out


def timed(label: str, run: object) -> tuple[float, list[Result]]:
    t0 = time.perf_counter()
    results = list(run)  # type: ignore[call-overload]
    seconds = time.perf_counter() - t0
    bad = [r for r in results if r.status == "error"]
    pages = sum(r.pages or 0 for r in results)
    print(f"  {label:<44} {seconds:8.2f} s  {len(results)} files, {pages} pages"
          + (f", {len(bad)} errors" if bad else ""))
    return seconds, results


def same_outputs(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.glob("*.json"))
    return names == sorted(p.name for p in b.glob("*.json")) and all(
        (a / n).read_bytes() == (b / n).read_bytes() for n in names
    )


def cpu_pressure() -> str:
    try:
        line = Path("/proc/pressure/cpu").read_text().splitlines()[0]
    except (OSError, IndexError):
        return "n/a"
    return line.split()[1]  # some avg10=…


def two_process_speedup(scan: Path) -> float:
    """Tesseract alone: two pages one after the other, against the two side by side."""
    import pymupdf

    from planparse.reading import ocr
    from planparse.reading.pymupdf_backend import render_gray

    with pymupdf.open(scan) as doc:
        images = {n: render_gray(doc[n - 1], ocr.DPI) for n in (1, 2)}
    t0 = time.perf_counter()
    for n, image in images.items():
        ocr.ocr_page(image, n, "swe")
    one_by_one = time.perf_counter() - t0
    t0 = time.perf_counter()
    ocr.ocr_pages(images, "swe", workers=2)
    side_by_side = time.perf_counter() - t0
    print(f"  {'Tesseract alone, 2 pages one by one':<44} {one_by_one:8.2f} s")
    print(f"  {'Tesseract alone, 2 pages side by side':<44} {side_by_side:8.2f} s")
    return one_by_one / side_by_side


def batch_part(args: argparse.Namespace, client: object, items: list, tmp: Path,
               startup: float) -> None:
    from planparse.distributed import DaskRunner

    print("\n1. born-digital batch")
    print(f"  {'Dask LocalCluster start-up (not counted)':<44} {startup:8.2f} s")
    warm = discover(born_digital()[: args.workers * 2])
    list(run_batch(warm, tmp / "warm", OPTIONS, runner=DaskRunner(client)))
    local_s, _ = timed(
        f"local pool, --jobs {args.workers}",
        run_batch(items, tmp / "local", OPTIONS, jobs=args.workers),
    )
    dask_s, _ = timed(
        f"Dask, {args.workers} workers x 1 thread",
        run_batch(items, tmp / "dask", OPTIONS, runner=DaskRunner(client)),
    )
    overhead = dask_s / local_s - 1
    print(f"  Dask overhead: {overhead * 100:+.1f} % (aim <= 10 %); outputs identical: "
          f"{same_outputs(tmp / 'local', tmp / 'dask')}")


def scan_part(args: argparse.Namespace, client: object, tmp: Path) -> None:
    from planparse.distributed import DaskRunner

    print(f"\n2. one {args.scan_pages}-page scan (CPU pressure {cpu_pressure()})")
    scan_dir = tmp / "scan"
    scan_dir.mkdir()
    scan = discover([image_only_pdf(scan_dir / "scan.pdf", args.scan_pages)])
    machine = two_process_speedup(scan_dir / "scan.pdf")
    one_s, _ = timed(
        "Dask, one task (OCR inside it)",
        run_batch(scan, tmp / "one", OPTIONS, runner=DaskRunner(client, split_min_pages=None)),
    )
    pages_s, _ = timed(
        f"Dask, pages as tasks on {args.workers} workers",
        run_batch(scan, tmp / "pages", OPTIONS, runner=DaskRunner(client)),
    )
    ref_s, _ = timed(
        "reference: local pool --jobs 1, Tesseract x2",
        run_batch(scan, tmp / "local-scan", OPTIONS, jobs=1),
    )
    machine_after = two_process_speedup(scan_dir / "scan.pdf")
    print(f"  pages as tasks: {one_s / pages_s:.2f}x faster than one task (aim >= 1.7x); "
          f"the machine gave two processes {machine:.2f}x before and {machine_after:.2f}x "
          f"after; against the local reference {ref_s / pages_s:.2f}x; outputs identical: "
          f"{same_outputs(tmp / 'one', tmp / 'pages') and same_outputs(tmp / 'local-scan', tmp / 'pages')}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--scan-pages", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--only", choices=["batch", "scan"], default=None)
    args = ap.parse_args()

    from distributed import Client

    from planparse.distributed import WorkerSetup, local_cluster

    tmp = Path(tempfile.mkdtemp(prefix="planparse-scale-"))
    try:
        batch = tmp / "batch"
        batch.mkdir()
        for k in range(args.copies):
            for pdf in born_digital():
                shutil.copy(pdf, batch / f"{pdf.stem}--{k}.pdf")
        items = discover([batch])
        print(f"planparse scale benchmark: {os.cpu_count()} CPUs, load average "
              f"{os.getloadavg()[0]:.1f}, CPU pressure {cpu_pressure()}; "
              f"{len(items)} born-digital files")

        t0 = time.perf_counter()
        cluster = local_cluster(args.workers)
        client = Client(cluster)
        client.register_plugin(WorkerSetup(die_with_parent=True), name="planparse")
        startup = time.perf_counter() - t0
        try:
            if args.only != "scan":
                batch_part(args, client, items, tmp, startup)
            if args.only != "batch":
                scan_part(args, client, tmp)
        finally:
            client.close()
            cluster.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
