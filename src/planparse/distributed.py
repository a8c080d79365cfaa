"""Batch parsing on a Dask cluster: ``planparse parse … --executor dask [--scheduler ADDR]``.

Needs the optional extra ``planparse[dask]`` (``dask[distributed]``) on the client and on every
worker. :func:`connect` reaches a scheduler (or starts a :class:`distributed.LocalCluster` of
worker processes) and gives a :class:`DaskRunner`, which :func:`planparse.batch.run_batch`
takes in place of its local worker pool; discovery, ``--resume``, the manifest and the exit
codes stay those of :mod:`planparse.batch`.

Design
------
* **One task per document** (key ``planparse-document-<index>-<attempt>-…``). The client reads
  the file and sends its bytes, so workers need no shared file system; the worker sends back a
  small result record with the JSON text, and the *client* writes the JSON atomically.
* **The same limits as the local pool.** On the worker a document is parsed in a *sandbox*
  process (the local pool's worker body, :func:`planparse.batch.parse_one`): ``RLIMIT_AS`` set
  to the memory limit, killed at the per-document deadline, dies with its parent
  (:func:`planparse.batch.die_with_parent`). A sandbox serves one document at a time and is
  reused for the next (recycled after :data:`SANDBOX_MAX_TASKS` documents).
* **Long scans: pages as tasks.** When the reader of a document asks for at least
  :data:`SPLIT_MIN_PAGES` pages of OCR, the sandbox hands them to its Dask worker (through
  :func:`planparse.reading.ocr.page_runner`), which submits one task per page
  (:func:`planparse.reading.ocr.render_and_ocr_page`, key ``planparse-page-…``) and waits
  for them outside the worker's thread pool; the reader then assembles the document from their
  lines as from its own Tesseract runs, so the JSON is byte-identical. A page task that fails
  (e.g. a worker without Tesseract) or renders a different image is OCR'd in the sandbox.
* **A worker that dies** under a document: the document is submitted once more; when that
  worker dies too, the document is recorded as ``worker_crashed`` with the reason. For exactly
  one retry the scheduler must not retry on its own: a LocalCluster is started with
  ``distributed.scheduler.allowed-failures: 0``; start your scheduler with
  ``DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=0`` (see the README).
* **Workers** must not be daemonic processes (they start sandbox processes):
  ``DASK_DISTRIBUTED__WORKER__DAEMON=False``; a LocalCluster sets it. Each worker's
  Tesseract runs side by side up to its thread count (``PLANPARSE_OCR_PROCESSES``).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from planparse.batch import (
    STATUS_ERROR,
    Options,
    Result,
    Task,
    _error,
    _set_memory_limit,
    atomic_write_text,
    crash_error,
    die_with_parent,
    die_with_process,
    parse_one,
    timeout_error,
)

DOC_PREFIX = "planparse-document"
PAGE_PREFIX = "planparse-page"
SPLIT_MIN_PAGES = 2  # a document asking for this many pages of OCR gets them as page tasks
SANDBOX_MAX_TASKS = 50  # documents per sandbox process before it is replaced
CONNECT_TIMEOUT = 5.0  # seconds to reach a scheduler
SCATTER_BYTES = 1 << 20  # files over this go to the cluster with scatter, not in the task
DASK_CONFIG = {
    "distributed.scheduler.allowed-failures": 0,  # planparse retries a document once itself
    "distributed.scheduler.worker-saturation": 1.0,  # no document queued behind a busy one
    "distributed.worker.daemon": False,  # workers start sandbox processes
}

log = logging.getLogger(__name__)


class ClusterUnavailable(RuntimeError):
    """No scheduler at the address, or a local cluster that does not start."""


# --------------------------------------------------------------------------- on a worker


def _sandbox_main(
    conn: Connection, options: Options, split_min_pages: int | None, worker_pid: int
) -> None:
    """The sandbox process: parse documents sent by the Dask worker, pages OCR'd by it."""
    import signal

    from planparse.reading import ocr

    die_with_parent()  # the forkserver
    die_with_process(worker_pid)  # the worker that started it: not its parent
    with contextlib.suppress(Exception):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import planparse.api  # noqa: F401
    except Exception as exc:
        conn.send(("fatal", f"cannot import planparse.api: {type(exc).__name__}: {exc}"))
        return
    _set_memory_limit(options.max_memory_mb)

    def pages_on_cluster(
        images: dict[int, bytes], lang: str, dpi: int, timeout: float
    ) -> dict[int, Any]:
        digests = {n: ocr.image_digest(img) for n, img in images.items()}
        conn.send(("ocr", (digests, lang, dpi, timeout)))
        kind, payload = conn.recv()
        return payload if kind == "ocr_done" else {}

    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        if split_min_pages is None:
            result = parse_one(task, options)
        else:
            with ocr.page_runner(pages_on_cluster, split_min_pages):
                result = parse_one(task, options)
        try:
            conn.send(("result", result))
        except (BrokenPipeError, OSError):
            return


# (request from the sandbox, deadline) -> lines by page
PagesCallback = Callable[[tuple[dict[int, str], str, int, float], float | None], dict[int, Any]]


class Sandbox:
    """One sandbox process of a Dask worker (see the module docstring)."""

    def __init__(self, options: Options, split_min_pages: int | None = SPLIT_MIN_PAGES) -> None:
        if mp.current_process().daemon:
            raise RuntimeError(
                "this Dask worker is a daemonic process and cannot start planparse's sandbox "
                "processes: start workers with DASK_DISTRIBUTED__WORKER__DAEMON=False"
            )
        ctx = mp.get_context("forkserver")
        parent_conn, child_conn = ctx.Pipe(duplex=True)
        self.options = options
        self.split_min_pages = split_min_pages
        self.process: Any = ctx.Process(
            target=_sandbox_main, args=(child_conn, options, split_min_pages, os.getpid())
        )
        self.process.daemon = True
        self.process.start()
        child_conn.close()
        self.conn = parent_conn
        self.ready = False
        self.done = 0

    def alive(self) -> bool:
        return bool(self.process.is_alive())

    def close(self) -> None:
        with contextlib.suppress(Exception):
            if self.ready and self.process.is_alive():
                self.conn.send(None)
                self.process.join(1)
        with contextlib.suppress(Exception):
            if self.process.is_alive():
                self.process.kill()
            self.process.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()

    def _wait_ready(self) -> None:
        while not self.ready:
            if not self.conn.poll(120):
                raise RuntimeError("planparse sandbox process did not start within 120 s")
            kind, payload = self.conn.recv()
            if kind == "fatal":
                raise RuntimeError(str(payload))
            self.ready = kind == "ready"

    def run(self, task: Task, pages: PagesCallback) -> Result:
        """Parse ``task`` (with its ``data``) under the options' time and memory limits."""
        self._wait_ready()
        started = time.monotonic()
        timeout = self.options.timeout
        deadline = started + timeout if timeout else None
        with contextlib.suppress(BrokenPipeError, OSError):  # a death is seen below
            self.conn.send(task)
        while True:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready = wait([self.conn, self.process.sentinel], timeout=remaining)
            dead = False
            if self.conn in ready:
                try:
                    kind, payload = self.conn.recv()
                except (EOFError, OSError):
                    dead = True
                else:
                    if kind == "result":
                        self.done += 1
                        return payload  # type: ignore[no-any-return]
                    if kind == "ocr":
                        lines = pages(payload, deadline)
                        with contextlib.suppress(BrokenPipeError, OSError):
                            self.conn.send(("ocr_done", lines))
                        continue
            elif self.process.sentinel in ready:
                dead = True
            now = time.monotonic()
            if dead:
                self.process.join(5)
                code = self.process.exitcode
                self.close()
                return crash_error(task, code, self.options, now - started)
            if deadline is not None and now >= deadline:
                self.close()
                return timeout_error(task, self.options, now - started)


_IDLE: list[Sandbox] = []
_IDLE_LOCK = threading.Lock()


def _acquire(options: Options, split_min_pages: int | None) -> Sandbox:
    with _IDLE_LOCK:
        while _IDLE:
            sb = _IDLE.pop()
            if sb.options == options and sb.split_min_pages == split_min_pages and sb.alive():
                return sb
            sb.close()
    return Sandbox(options, split_min_pages)


def _release(sb: Sandbox) -> None:
    if sb.alive() and sb.done < SANDBOX_MAX_TASKS:
        with _IDLE_LOCK:
            _IDLE.append(sb)
    else:
        sb.close()


def _pages_as_tasks(data: bytes) -> PagesCallback:
    """OCR a document's pages as page tasks on the cluster, from inside its document task.

    At most as many page tasks as the cluster has threads are out at a time, the next one
    submitted when one ends: the scheduler then gives each to a free worker (all submitted at
    once, they would be placed up front next to the PDF's bytes, and one worker could idle).
    Page tasks go before waiting documents (priority), so started documents finish first.
    """

    def run(
        request: tuple[dict[int, str], str, int, float], deadline: float | None
    ) -> dict[int, Any]:
        from distributed import worker_client

        from planparse.reading import ocr

        digests, lang, dpi, timeout = request
        out: dict[int, Any] = {}
        try:
            with worker_client() as client:  # leaves the worker's thread pool while waiting
                limit = max(1, sum(client.nthreads().values()))
                pdf = client.scatter(data, hash=False)
                token = uuid.uuid4().hex[:8]
                todo = sorted(digests.items())
                running: dict[Any, int] = {}
                ended: queue.SimpleQueue[Any] = queue.SimpleQueue()
                try:
                    while todo or running:
                        while todo and len(running) < limit:
                            n, digest = todo.pop(0)
                            fut = client.submit(
                                ocr.render_and_ocr_page,
                                pdf,
                                n,
                                lang,
                                dpi,
                                timeout,
                                digest,
                                key=f"{PAGE_PREFIX}-{n}-{token}",
                                pure=False,
                                priority=10,
                            )
                            running[fut] = n
                            fut.add_done_callback(ended.put)
                        left = None if deadline is None else deadline - time.monotonic()
                        if left is not None and left <= 0:
                            break
                        try:
                            fut = ended.get(timeout=left)
                        except queue.Empty:
                            break
                        n = running.pop(fut)
                        if fut.status == "finished":
                            with contextlib.suppress(Exception):
                                lines = fut.result()
                                if lines is not None:
                                    out[n] = lines
                        fut.release()
                finally:
                    for fut in running:
                        fut.cancel()
                    pdf.cancel()
        except Exception as exc:  # the sandbox OCRs what is missing itself
            log.warning("planparse: page tasks failed, OCR in the document's task: %s", exc)
        return out

    return run


def run_document(
    task: Task, options: Options, data: bytes, split_min_pages: int | None = SPLIT_MIN_PAGES
) -> Result:
    """The document task (runs on a Dask worker): parse ``data`` in a sandbox process; OCR of
    at least ``split_min_pages`` pages as page tasks (None: in the sandbox)."""
    sandbox = _acquire(options, split_min_pages)
    try:
        return sandbox.run(replace(task, data=data), _pages_as_tasks(data))
    finally:
        _release(sandbox)


class WorkerSetup(WorkerPlugin):
    """Dask worker plugin: warm the parser stack, size OCR to the worker's threads and, on a
    LocalCluster, make the worker process die with the client that started it."""

    name = "planparse"

    def __init__(self, die_with_parent: bool = False) -> None:
        self.die_with_parent = die_with_parent

    def setup(self, worker: Any) -> None:
        from planparse.reading import ocr  # first: before anything else imports PyMuPDF

        if self.die_with_parent:
            die_with_parent()
        nthreads = getattr(getattr(worker, "state", None), "nthreads", None) or 1
        os.environ.setdefault(ocr.PROCESSES_ENV, str(nthreads))
        import planparse.api  # noqa: F401

        with contextlib.suppress(Exception):
            mp.get_context("forkserver").set_forkserver_preload(
                ["planparse.reading", "planparse.api"]
            )

    def teardown(self, worker: Any) -> None:
        with _IDLE_LOCK:
            while _IDLE:
                _IDLE.pop().close()


# --------------------------------------------------------------------------- on the client


def local_cluster(n_workers: int, **kwargs: Any) -> Any:
    """A LocalCluster of ``n_workers`` worker processes (one thread each) set up for planparse.

    Sets :data:`DASK_CONFIG` in this process for good: the nannies read it again whenever
    they restart a worker that died."""
    import dask
    from distributed import LocalCluster

    dask.config.set(DASK_CONFIG)
    return LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
        **kwargs,
    )


@dataclass
class _Pending:
    task: Task
    attempt: int


class DaskRunner:
    """Runs batch tasks on a Dask cluster; a :data:`planparse.batch.Runner`.

    ``split_min_pages``: a document's OCR of at least this many pages runs as page tasks
    (None: in the document's task). ``on_status`` gets a short line on the cluster's state (workers, documents and OCR pages
    running) about once a second, for a progress bar.
    """

    def __init__(
        self,
        client: Any,
        *,
        cluster: Any = None,
        on_status: Callable[[str], None] | None = None,
        split_min_pages: int | None = SPLIT_MIN_PAGES,
    ) -> None:
        self.client = client
        self.split_min_pages = split_min_pages
        self.cluster = cluster
        self.on_status = on_status

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.close()
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close()

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _status(self) -> None:
        if self.on_status is None:
            return
        with contextlib.suppress(Exception):
            processing = self.client.processing()
            keys = [str(k) for ks in processing.values() for k in ks]
            docs = sum(k.startswith(DOC_PREFIX) for k in keys)
            pages = sum(k.startswith(PAGE_PREFIX) for k in keys)
            self.on_status(
                f"cluster: {len(processing)} workers, {docs} documents, {pages} OCR pages running"
            )

    def __call__(
        self,
        tasks: Iterable[Task],
        options: Options,
        *,
        ordered: bool = False,
        stop: list[bool] | None = None,
    ) -> Iterator[Result]:
        client = self.client
        remote_options = replace(options, emit="pretty") if options.emit == "file" else options
        threads = sum(client.nthreads().values()) or 1
        window = 2 * threads + 2
        source = iter(tasks)
        exhausted = False
        pending: dict[Any, _Pending] = {}
        completed: queue.SimpleQueue[Any] = queue.SimpleQueue()
        order: list[int] = []  # ordered mode: indices in dispatch order not yet yielded
        buffer: dict[int, Result] = {}
        ready_now: list[Result] = []

        def submit(task: Task, attempt: int) -> None:
            try:
                data = Path(task.path).read_bytes()
            except OSError as exc:
                ready_now.append(
                    _error(task, "unreadable", f"cannot read file: {exc.strerror or exc}")
                )
                return
            arg: Any = client.scatter(data, hash=False) if len(data) > SCATTER_BYTES else data
            fut = client.submit(
                run_document,
                task,
                remote_options,
                arg,
                self.split_min_pages,
                key=f"{DOC_PREFIX}-{task.index}-{attempt}-{uuid.uuid4().hex[:8]}",
                pure=False,
            )
            pending[fut] = _Pending(task, attempt)
            fut.add_done_callback(completed.put)

        def fill() -> None:
            nonlocal exhausted
            while not exhausted and len(pending) < window and not (stop and stop[0]):
                if ordered and len(buffer) >= window:
                    return
                try:
                    task = next(source)
                except StopIteration:
                    exhausted = True
                    return
                if ordered:
                    order.append(task.index)
                submit(task, 1)

        def finish(task: Task, result: Result) -> Result:
            if options.emit != "file" or result.status == STATUS_ERROR or result.text is None:
                return result
            assert task.out_path is not None
            try:
                atomic_write_text(task.out_path, result.text)
            except OSError as exc:
                return _error(task, "internal", f"cannot write output: {exc}", result.seconds)
            return replace(result, output=task.output, text=None)

        def emit(result: Result) -> Iterator[Result]:
            if not ordered:
                yield result
                return
            buffer[result.index] = result
            while order and order[0] in buffer:
                yield buffer.pop(order.pop(0))

        last_status = 0.0
        try:
            while True:
                fill()
                while ready_now:
                    yield from emit(ready_now.pop(0))
                if not pending:
                    if exhausted or (stop and stop[0]):
                        break
                    continue
                done: list[Any] = []
                with contextlib.suppress(queue.Empty):
                    done.append(completed.get(timeout=1.0))
                    while True:
                        done.append(completed.get_nowait())
                if time.monotonic() - last_status >= 1.0:
                    self._status()
                    last_status = time.monotonic()
                for fut in sorted(done, key=lambda f: pending[f].task.index):
                    p = pending.pop(fut)
                    result = self._outcome(fut, p)
                    fut.release()
                    if result is None:  # the worker died: once more
                        submit(p.task, p.attempt + 1)
                        continue
                    yield from emit(finish(p.task, result))
        finally:
            for fut in pending:
                with contextlib.suppress(Exception):
                    fut.cancel()

    @staticmethod
    def _outcome(fut: Any, p: _Pending) -> Result | None:
        """The result of a finished document future; None to submit it once more."""
        from distributed.scheduler import KilledWorker

        try:
            return fut.result()  # type: ignore[no-any-return]
        except KilledWorker as exc:
            if p.attempt < 2:
                return None
            worker = getattr(exc, "last_worker", None)
            where = f" (last: {getattr(worker, 'address', worker)})" if worker else ""
            return _error(
                p.task,
                "worker_crashed",
                f"the Dask worker died while parsing this file, on both tries{where}",
            )
        except Exception as exc:
            return _error(p.task, "internal", f"Dask: {type(exc).__name__}: {exc}")


def connect(
    scheduler: str | None = None,
    n_workers: int = 1,
    *,
    timeout: float = CONNECT_TIMEOUT,
    on_status: Callable[[str], None] | None = None,
) -> DaskRunner:
    """A :class:`DaskRunner` on the scheduler at ``scheduler``, or on a new LocalCluster of
    ``n_workers`` processes. Raises :class:`ClusterUnavailable` (within about ``timeout``
    seconds for an address nobody answers at)."""
    import dask
    from distributed import Client

    cluster = None
    try:
        if scheduler:
            with dask.config.set(DASK_CONFIG):
                client = Client(scheduler, timeout=timeout, set_as_default=False)
        else:
            cluster = local_cluster(n_workers)
            client = Client(cluster, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise ClusterUnavailable(f"cannot reach {where} within {timeout:g} s: {exc}") from None
    client.register_plugin(WorkerSetup(die_with_parent=cluster is not None), name="planparse")
    return DaskRunner(client, cluster=cluster, on_status=on_status)


__all__ = [
    "ClusterUnavailable",
    "DaskRunner",
    "Sandbox",
    "WorkerSetup",
    "connect",
    "local_cluster",
    "run_document",
]
