"""planparse.distributed: a real 2-process Dask LocalCluster against the local worker pool, on
real fixture PDFs and bad files; worker processes really killed (nothing mocked)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")  # the dask extra; installed with dev, so CI runs these

from distributed import Client, get_task_stream  # noqa: E402
from distributed.diagnostics.plugin import WorkerPlugin  # noqa: E402

from planparse.batch import Options, Result, discover, run_batch  # noqa: E402
from planparse.distributed import DOC_PREFIX, PAGE_PREFIX, DaskRunner, local_cluster  # noqa: E402
from tests.gold import FIXTURES  # noqa: E402

OPTIONS = Options(timeout=300, max_memory_mb=2048)  # the CLI's defaults
SCAN = FIXTURES / "scan-bracke-uppsikt-short.pdf"  # 2 image-only pages: OCR'd as page tasks
BORN_DIGITAL = [
    FIXTURES / "solleftea-malavstamning-t2-2024.pdf",
    FIXTURES / "lulea-plan-budget-2019.pdf",
    FIXTURES / "orebro-plan-budget-2018.pdf",
]


class KillWorker(WorkerPlugin):
    """Kill the worker process (SIGKILL, a real death) when a task whose key starts with
    ``prefix`` starts executing, at most ``times`` times (counted in ``marker``)."""

    name = "test-kill-worker"

    def __init__(self, prefix: str, marker: str, times: int = 1) -> None:
        self.prefix = prefix
        self.marker = marker
        self.times = times

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish != "executing" or not str(key).startswith(self.prefix):
            return
        path = Path(self.marker)
        done = path.read_text().count("\n") if path.exists() else 0
        if done < self.times:
            with path.open("a") as fh:
                fh.write(f"{os.getpid()} {key}\n")
            os.kill(os.getpid(), signal.SIGKILL)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = local_cluster(2)
    c = Client(cluster)
    from planparse.distributed import WorkerSetup

    c.register_plugin(WorkerSetup(die_with_parent=True), name="planparse")
    try:
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Fixtures (born-digital and a scan) and bad files, in a folder tree."""
    src = tmp_path_factory.mktemp("mixed")
    (src / "sub").mkdir()
    for pdf in BORN_DIGITAL:
        shutil.copy(pdf, src / pdf.name)
    shutil.copy(SCAN, src / "sub" / SCAN.name)
    shutil.copy(BORN_DIGITAL[0], src / "sub" / BORN_DIGITAL[0].name)  # a clashing stem
    (src / "notes.pdf").write_text("not a pdf at all\n", encoding="utf-8")
    (src / "empty.pdf").write_bytes(b"")
    (src / "cut.pdf").write_bytes(BORN_DIGITAL[1].read_bytes()[:3000])
    return src


def _records(out: Path) -> list[dict[str, Any]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    recs = [json.loads(line) for line in lines]
    for r in recs:
        r.pop("seconds")
    return recs


def test_cluster_output_is_the_local_pools(client: Any, mixed: Path, tmp_path: Path) -> None:
    """Every output byte-identical to the local pool's, the manifest the same apart from
    timings; the scan's pages ran as page tasks; one document's worker is killed the first
    time it starts it, and the document is retried and lands."""
    items = discover([mixed])
    local_out, dask_out = tmp_path / "local", tmp_path / "dask"
    local = list(run_batch(items, local_out, OPTIONS, jobs=2))
    target = next(i for i, it in enumerate(items) if it.relpath == "orebro-plan-budget-2018.pdf")
    marker = tmp_path / "killed.txt"
    client.register_plugin(KillWorker(f"{DOC_PREFIX}-{target}-1-", str(marker)))
    try:
        with get_task_stream(client) as stream:
            remote = list(run_batch(items, dask_out, OPTIONS, runner=DaskRunner(client)))
    finally:
        client.unregister_worker_plugin(KillWorker.name)

    assert marker.exists() and marker.read_text().count("\n") == 1  # a worker really died
    assert len(remote) == len(local) == len(items) == 8
    by_file = {r.relpath: r for r in remote}
    assert by_file["orebro-plan-budget-2018.pdf"].status == "ok"
    assert {r.relpath for r in local if r.status == "error"} == {"notes.pdf", "empty.pdf", "cut.pdf"}
    keys = [str(t["key"]) for t in stream.data]
    assert sum(k.startswith(PAGE_PREFIX) for k in keys) == 2  # the scan's two pages

    local_files = sorted(p.name for p in local_out.iterdir())
    assert local_files == sorted(p.name for p in dask_out.iterdir())
    assert len([n for n in local_files if n.endswith(".json")]) == 5
    for name in local_files:
        if name.endswith(".json"):
            assert (dask_out / name).read_bytes() == (local_out / name).read_bytes(), name
    assert _records(dask_out) == _records(local_out)
    scan = json.loads((dask_out / f"{SCAN.stem}.json").read_text(encoding="utf-8"))
    assert scan["source"]["text_layer"] == "ocr" or shutil.which("tesseract") is None

    # --resume on the cluster: the outputs are kept, only the failed files run again
    again = list(run_batch(items, dask_out, OPTIONS, resume=True, runner=DaskRunner(client)))
    assert sorted(r.relpath for r in again if not r.skipped) == ["cut.pdf", "empty.pdf", "notes.pdf"]
    assert all(r.status == "error" for r in again if not r.skipped)
    for name in local_files:
        if name.endswith(".json"):
            assert (dask_out / name).read_bytes() == (local_out / name).read_bytes(), name


def test_a_document_whose_worker_dies_twice_is_an_error(
    client: Any, mixed: Path, tmp_path: Path
) -> None:
    items = [it for it in discover([mixed]) if it.relpath == BORN_DIGITAL[1].name]
    marker = tmp_path / "killed.txt"
    client.register_plugin(KillWorker(f"{DOC_PREFIX}-0-", str(marker), times=2))
    try:
        (r,) = list(run_batch(items, tmp_path / "out", OPTIONS, runner=DaskRunner(client)))
    finally:
        client.unregister_worker_plugin(KillWorker.name)
    assert marker.read_text().count("\n") == 2
    assert r.status == "error" and r.error_type == "worker_crashed", r
    assert "both tries" in (r.message or "")
    assert not (tmp_path / "out" / f"{BORN_DIGITAL[1].stem}.json").exists()


@pytest.mark.parametrize(
    ("options", "error_type", "says"),
    [
        (Options(timeout=0.01), "limit_exceeded", "timeout=0.01"),
        (Options(max_memory_mb=1, timeout=120), None, "max_memory=1"),
    ],
)
def test_limits_hold_on_the_cluster(
    client: Any, tmp_path: Path, options: Options, error_type: str | None, says: str
) -> None:
    big = FIXTURES / "ange-malavstamning-t1-2025-ocr.pdf"  # 2.4 MB: over 1 MB of RLIMIT_AS
    (r,) = list(run_batch(discover([big]), tmp_path, options, runner=DaskRunner(client)))
    assert r.status == "error", r
    if error_type:
        assert r.error_type == error_type
    else:
        assert r.error_type in ("limit_exceeded", "worker_crashed"), r
    assert says in (r.message or ""), r


def test_stdout_mode_in_order(client: Any) -> None:
    items = discover(BORN_DIGITAL)
    opts = Options(emit="compact")
    results: list[Result] = list(
        run_batch(items, None, opts, runner=DaskRunner(client), ordered=True)
    )
    local = list(run_batch(items, None, opts, jobs=2, ordered=True))
    assert [r.index for r in results] == list(range(len(items)))
    assert [r.text for r in results] == [r.text for r in local]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_scheduler_is_a_clear_error_within_10_s(tmp_path: Path) -> None:
    out = tmp_path / "out"
    address = f"tcp://127.0.0.1:{_free_port()}"
    t0 = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "planparse", "parse", str(BORN_DIGITAL[0]), "-o", str(out),
         "--executor", "dask", "--scheduler", address],
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.monotonic() - t0
    assert proc.returncode == 1, proc.stderr
    assert elapsed < 10, elapsed
    assert f"cannot reach the Dask scheduler at {address}" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()  # no output touched


def test_scheduler_needs_the_dask_executor(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "planparse", "parse", str(BORN_DIGITAL[0]), "-o",
         str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:8786"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "--executor dask" in proc.stderr


def test_worker_without_tesseract_warns_as_locally(tmp_path: Path) -> None:
    """A cluster whose workers have no Tesseract: the scan gets the same ocr_unavailable
    warning, and the same JSON, as a local run without Tesseract."""
    bare = tmp_path / "bin"
    bare.mkdir()  # a PATH with no tesseract on it (the CLI is started by full path)
    env = dict(os.environ, PATH=str(bare))
    outs = {}
    for executor in ("local", "dask"):
        outs[executor] = tmp_path / executor
        proc = subprocess.run(
            [sys.executable, "-m", "planparse", "parse", str(SCAN), "-o", str(outs[executor]),
             "--jobs", "1", "--executor", executor],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
    name = f"{SCAN.stem}.json"
    assert (outs["dask"] / name).read_bytes() == (outs["local"] / name).read_bytes()
    (rec,) = _records(outs["dask"])
    assert rec["status"] == "warning" and rec["message"].startswith("ocr_unavailable")
    assert _records(outs["dask"]) == _records(outs["local"])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract to keep workers busy")
def test_cluster_processes_die_when_the_parent_is_killed(tmp_path: Path) -> None:
    """SIGKILL ``planparse parse --executor dask --jobs 2`` while its LocalCluster OCRs a scan:
    5 s later none of its processes (Dask workers, their forkservers and sandboxes) is alive."""
    from tests.test_batch import _proc_alive, _proc_children, _proc_name, image_only_pdf

    def _cmdline(pid: int) -> bytes:
        try:
            return Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return b""

    def descendants(pid: int) -> list[int]:
        out = []
        for child in _proc_children(pid):
            out += [child, *descendants(child)]
        return out

    src = tmp_path / "in"
    src.mkdir()
    image_only_pdf(src / "scan.pdf", 4)
    parent = subprocess.Popen(
        [sys.executable, "-m", "planparse", "parse", str(src), "-o", str(tmp_path / "out"),
         "--executor", "dask", "--jobs", "2", "--timeout", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 180
        while True:  # until Tesseract runs somewhere under it: mid-document
            assert parent.poll() is None, "the batch ended before OCR started"
            assert time.monotonic() < deadline, "OCR never started"
            tree = descendants(parent.pid)
            # Tesseract runs, and a sandbox (the worker's forkserver's child) exists
            if any(_proc_name(p) == "tesseract" for p in tree) and any(
                _proc_children(p) for p in tree if b"forkserver" in _cmdline(p)
            ):
                break
            time.sleep(0.05)
        ours = [p for p in tree if _proc_name(p) != "tesseract"]  # Tesseract ends its page
        assert len(ours) >= 4  # two workers, a forkserver and a sandbox at least
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        time.sleep(5)
        alive = {p: _cmdline(p)[:120] for p in ours if _proc_alive(p)}
        assert not alive, f"processes {alive} outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract to keep it busy")
def test_sandbox_busy_with_ocr_dies_with_its_worker(tmp_path: Path) -> None:
    """A sandbox OCRs a scan itself (no page tasks) when the process that started it, standing
    in for a Dask worker, is SIGKILLed: 5 s later the sandbox and the worker's forkserver are
    gone. The sandbox's parent is the forkserver, which lives while any of its children does,
    so the sandbox must watch the worker itself (this is how CI once found them outliving it)."""
    from tests.test_batch import _proc_alive, _proc_children, _proc_name, image_only_pdf

    def descendants(pid: int) -> list[int]:
        out = []
        for child in _proc_children(pid):
            out += [child, *descendants(child)]
        return out

    pdf = image_only_pdf(tmp_path / "scan.pdf", 6)
    worker = subprocess.Popen(
        [sys.executable, "-c", (
            "import sys\n"
            "from planparse.batch import Options, Task\n"
            "from planparse.distributed import run_document\n"
            "data = open(sys.argv[1], 'rb').read()\n"
            "task = Task(0, sys.argv[1], 'scan.pdf', 'scan.pdf', '0', None, None)\n"
            "run_document(task, Options(emit='compact'), data, split_min_pages=None)\n"
        ), str(pdf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    ours: list[int] = []
    try:
        deadline = time.monotonic() + 180
        while True:  # until the sandbox runs Tesseract
            assert worker.poll() is None, "the document was done before OCR started"
            assert time.monotonic() < deadline, "OCR never started"
            tree = descendants(worker.pid)
            if any(_proc_name(p) == "tesseract" for p in tree):
                break
            time.sleep(0.05)
        ours = [p for p in tree if _proc_name(p) != "tesseract"]
        assert len(ours) >= 2  # the forkserver and the sandbox at least
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(10)
        time.sleep(5)
        alive = {p: _proc_name(p) for p in ours if _proc_alive(p)}
        assert not alive, f"processes {alive} outlived the worker"
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        for p in ours:  # orphans of a failed run
            with contextlib.suppress(OSError):
                os.kill(p, signal.SIGKILL)
