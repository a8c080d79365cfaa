"""planparse.batch: discovery, output names, atomic writes, manifest, and the worker pool
(real worker processes parsing real fixture PDFs; nothing mocked)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planparse.batch import (
    Manifest,
    Options,
    Result,
    Task,
    assign_outputs,
    atomic_write_text,
    discover,
    file_sha256,
    read_manifest,
    run_batch,
    run_pool,
    short_hash,
)
from tests.gold import FIXTURES

FIXTURE_PDFS = sorted(FIXTURES.glob("*.pdf"))


def _task(index: int, pdf: Path, out: Path | None = None) -> Task:
    return Task(
        index=index,
        path=str(pdf),
        display=str(pdf),
        relpath=pdf.name,
        sha256=file_sha256(pdf),
        out_path=str(out / f"{pdf.stem}.json") if out else None,
        output=f"{pdf.stem}.json" if out else None,
    )


# --------------------------------------------------------------------------- discovery


def test_discover_recursive_any_case_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for rel in ("a/x.pdf", "a/deep/Y.PDF", "a/deep/z.Pdf", "a/readme.txt", ".hidden/h.pdf"):
        (tmp_path / rel).write_bytes(b"%PDF-1.4\n")
    (tmp_path / "a" / ".dot.pdf").write_bytes(b"")
    items = discover([tmp_path / "a"])
    assert [i.relpath for i in items] == ["deep/Y.PDF", "deep/z.Pdf", "x.pdf"]
    assert [i.output for i in items] == ["Y.json", "z.json", "x.json"]


def test_discover_explicit_file_any_extension_and_dedup(tmp_path: Path) -> None:
    f = tmp_path / "doc.bin"
    f.write_bytes(b"x")
    items = discover([f, f, tmp_path / "doc.bin"])
    assert len(items) == 1 and items[0].output == "doc.json"


def test_discover_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        discover([tmp_path / "nope"])


def test_name_clashes_are_deterministic(tmp_path: Path) -> None:
    for rel in ("k1/plan.pdf", "k2/plan.pdf", "k2/sub/PLAN.pdf", "manifest.pdf"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"%PDF")
    first = discover([tmp_path])
    # argument order does not matter
    again = discover([tmp_path / "k2", tmp_path / "manifest.pdf", tmp_path / "k1"])
    assert [(i.relpath, i.output) for i in first] == [(i.relpath, i.output) for i in again]
    names = {i.relpath: i.output for i in first}
    assert names["k1/plan.pdf"] == "plan.json"
    assert names["k2/plan.pdf"] == f"plan--{short_hash('k2/plan.pdf')}.json"
    assert names["k2/sub/PLAN.pdf"] == f"PLAN--{short_hash('k2/sub/PLAN.pdf')}.json"
    assert names["manifest.pdf"] == "manifest.json"  # not the manifest (jsonl)
    assert len(set(names.values())) == 4
    assert assign_outputs(list(reversed(first))) == first


# --------------------------------------------------------------------------- writes, manifest


def test_atomic_write_leaves_no_temp_and_normal_mode(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    atomic_write_text(target, "{}\n")
    atomic_write_text(target, '{"a": "å"}\n')
    assert target.read_text(encoding="utf-8") == '{"a": "å"}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask  # not the 0600 of mkstemp


def test_manifest_appends_then_rewrites_sorted(tmp_path: Path) -> None:
    m = Manifest(tmp_path)
    for name in ("b.pdf", "a.pdf"):
        m.add(Result(file=name, relpath=name, sha256="0" * 64, status="ok", output=f"{name}.json"))
        # flushed as it arrives
        assert name in (tmp_path / "manifest.jsonl").read_text(encoding="utf-8")
    m.finish()
    lines = (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["file"] for x in lines] == ["a.pdf", "b.pdf"]


def test_read_manifest_tolerates_a_cut_line(tmp_path: Path) -> None:
    good = {"file": "a.pdf", "output": "a.json", "sha256": "1", "status": "ok"}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(good) + '\n{"file": "b.p', encoding="utf-8")
    assert read_manifest(tmp_path / "manifest.jsonl") == {"a.json": good}


# --------------------------------------------------------------------------- the pool


@pytest.fixture(scope="module")
def small_pdfs() -> list[Path]:
    if not FIXTURE_PDFS:
        pytest.skip("no fixture PDFs")
    born_digital = [p for p in FIXTURE_PDFS if not p.name.startswith("scan-")]
    return sorted(born_digital, key=lambda p: p.stat().st_size)[:3]


def test_pool_writes_outputs_and_recycles_workers(tmp_path: Path, small_pdfs: list[Path]) -> None:
    tasks = [_task(i, p, tmp_path) for i, p in enumerate(small_pdfs)]
    results = list(run_pool(tasks, Options(timeout=120), jobs=2, max_tasks_per_child=1))
    assert sorted(r.index for r in results) == list(range(len(tasks)))
    for r in results:
        assert r.status in ("ok", "warning"), r
        data = json.loads((tmp_path / r.output).read_text(encoding="utf-8"))  # type: ignore[operator]
        assert data["source"]["sha256"] == r.sha256
        assert r.text is None


def test_pool_ordered_stdout_mode(small_pdfs: list[Path]) -> None:
    tasks = [_task(i, p) for i, p in enumerate(small_pdfs)]
    results = list(run_pool(tasks, Options(emit="compact"), jobs=2, ordered=True))
    assert [r.index for r in results] == list(range(len(tasks)))
    for r, p in zip(results, small_pdfs, strict=True):
        assert r.text is not None and "\n" not in r.text
        assert json.loads(r.text)["source"]["file"] == p.name


def test_timeout_kills_and_replaces_the_worker(tmp_path: Path, small_pdfs: list[Path]) -> None:
    slow = max(FIXTURE_PDFS, key=lambda p: p.stat().st_size)
    tasks = [_task(0, slow, tmp_path), _task(1, small_pdfs[0], tmp_path)]
    results = {r.index: r for r in run_pool(tasks, Options(timeout=0.01), jobs=1)}
    assert results[0].status == "error"
    assert results[0].error_type == "limit_exceeded"
    assert "timeout=0.01" in (results[0].message or "")
    # the second task ran in a fresh worker (with the same tiny limit it may time out too,
    # but it must have a result of its own)
    assert 1 in results


def test_memory_limit_is_an_error_line_not_a_hang(tmp_path: Path, small_pdfs: list[Path]) -> None:
    # The largest fixture (2.4 MB): reading its bytes alone needs a new mapping far over what a
    # worker can get under RLIMIT_AS=1 MB. (A small file may parse inside the memory the forked
    # worker already has; the scan may run into the timeout first, through its OCR threads.)
    # The pool runs in a fresh interpreter, as the CLI does: a worker forked from this test
    # process would inherit its heap, grown by every parse before it, and could read the file
    # inside that heap without a new mapping.
    pdf = max(FIXTURE_PDFS, key=lambda p: p.stat().st_size)
    assert pdf.stat().st_size > 2_000_000
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from planparse.batch import Options, run_pool\n"
        "from tests.test_batch import _task\n"
        "(r,) = run_pool([_task(0, Path(sys.argv[1]), Path(sys.argv[2]))], Options(max_memory_mb=1, timeout=120), jobs=1)\n"
        "print(json.dumps({'status': r.status, 'error_type': r.error_type, 'message': r.message}))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[1] / "src"), str(Path(__file__).parents[1])])}
    done = subprocess.run([sys.executable, "-c", script, str(pdf), str(tmp_path)], capture_output=True, text=True,
                          timeout=300, env=env, cwd=Path(__file__).parents[1], check=True)
    r = json.loads(done.stdout.strip().splitlines()[-1])
    assert r["status"] != "ok", r
    if r["status"] == "error":
        assert r["error_type"] in ("limit_exceeded", "worker_crashed"), r
        assert "max_memory=1" in (r["message"] or ""), r
    else:  # the reader may degrade instead (e.g. OCR could not run): it must say so
        assert r["message"], r


def test_run_batch_cleans_temp_files_and_resumes(tmp_path: Path, small_pdfs: list[Path]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in small_pdfs:
        shutil.copy(p, src / p.name)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".stale.json.abc.tmp").write_text("{", encoding="utf-8")  # a killed worker's leftover
    items = discover([src])
    first = list(run_batch(items, out, Options(), jobs=2))
    assert all(r.ok and not r.skipped for r in first)
    assert not list(out.glob(".*.tmp"))
    second = list(run_batch(items, out, Options(), jobs=2, resume=True))
    assert all(r.skipped and r.seconds == 0 for r in second)
    # without --resume everything is parsed again
    third = list(run_batch(items, out, Options(), jobs=2))
    assert not any(r.skipped for r in third)


def test_file_gone_after_discovery_is_an_error_line(tmp_path: Path) -> None:
    p = tmp_path / "gone.pdf"
    p.write_bytes(b"%PDF")
    items = discover([p])
    p.unlink()  # deleted (or unmounted) between discovery and parsing
    (r,) = list(run_batch(items, tmp_path / "out", Options()))
    assert r.status == "error" and r.error_type == "unreadable"
    assert "gone.pdf" in r.file and r.message


# --------------------------------------------------------------------------- workers die with the parent


def _proc_children(pid: int) -> list[int]:
    """Child pids of ``pid``, from /proc/*/stat."""
    out = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            out.append(int(stat_file.parent.name))
    return out


def _proc_alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for a reaper counts as dead)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _proc_name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def image_only_pdf(out: Path, pages: int, dpi: int = 100) -> Path:
    """An image-only PDF (a scan, no text layer) of ``pages`` born-digital fixture pages
    rasterised at ``dpi``."""
    import pymupdf

    sources = [p for p in FIXTURE_PDFS if not p.name.startswith("scan-") and "-ocr" not in p.stem]
    scan = pymupdf.open()
    for pdf in sources:
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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract to keep workers busy")
def test_workers_die_when_the_parent_is_killed(tmp_path: Path) -> None:
    """SIGKILL the parent of ``planparse parse --jobs 2`` while both workers OCR a scan: no
    worker may be alive 5 s later (before, they ran on as orphans)."""
    src = tmp_path / "in"
    src.mkdir()
    image_only_pdf(src / "scan-a.pdf", 6)
    shutil.copy(src / "scan-a.pdf", src / "scan-b.pdf")
    cmd = [sys.executable, "-m", "planparse", "parse", str(src), "-o", str(tmp_path / "out")]
    parent = subprocess.Popen(
        [*cmd, "--jobs", "2", "--timeout", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 180
        workers: list[int] = []
        while True:  # until both workers run Tesseract: mid-document
            assert parent.poll() is None, "the batch ended before both workers were busy"
            assert time.monotonic() < deadline, "the workers never started OCR"
            workers = _proc_children(parent.pid)
            busy = [
                w for w in workers if any(_proc_name(c) == "tesseract" for c in _proc_children(w))
            ]
            if len(busy) >= 2:
                break
            time.sleep(0.05)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        time.sleep(5)
        alive = [w for w in workers if _proc_alive(w)]
        assert not alive, f"workers {alive} outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
