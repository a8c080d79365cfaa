"""Batch parsing: file discovery, a worker pool with per-file limits, atomic output, manifest.

This module is the engine behind ``planparse parse``; the CLI only translates options. It
imports nothing heavy at module level: workers import :mod:`planparse.api` themselves.

Design
------
* :func:`discover` expands files and folders (recursive, ``*.pdf`` in any case) into
  :class:`Item` objects in a deterministic order, each with a *relative path* (relative to the
  common root of the arguments) and an output name: ``<stem>.json``, and for later items whose
  stem clashes (case-insensitively) ``<stem>--<first 8 hex of sha256(relative path)>.json``.
* :func:`run_pool` runs tasks in ``jobs`` worker processes of its own (not a
  ``ProcessPoolExecutor``, which cannot kill one worker): each worker gets one task at a time
  over a pipe, so the parent knows which file a worker is on and kills and replaces the worker
  when the file overruns its time limit. Workers are recycled after ``max_tasks_per_child``
  files (like ``multiprocessing.Pool(maxtasksperchild=...)``), set ``RLIMIT_AS`` to the memory
  limit, write their JSON atomically (temp file in the output folder + ``os.replace``) and send
  back only a small result record. Results are yielded as they arrive; only manifest records
  are held by the run, never documents.
* Workers die with the process that started them, even when it is killed with SIGKILL
  (:func:`die_with_parent`: ``PR_SET_PDEATHSIG`` on Linux and a parent-pid watch).
* :func:`run_batch` takes a ``runner`` in place of :func:`run_pool` (the executor seam):
  :class:`planparse.distributed.DaskRunner` runs the same tasks on a Dask cluster.
* :class:`Manifest` appends one JSON line per result to ``manifest.jsonl`` (flushed) and
  rewrites the file atomically at the end with this run's records sorted by ``file``.
* Resume: a file is skipped when the previous manifest has an ok/warning record for the same
  output name, sha256 and planparse version and that output exists with the same
  ``source.sha256``. Skipped files keep their previous record with ``"skipped": true`` and
  ``"seconds": 0``; files that failed before are tried again.

Manifest record keys: ``file`` (the path as reached from the arguments), ``relpath``,
``sha256``, ``status`` (ok, warning, error), ``parser``, ``layout_confidence``, ``pages``,
``seconds``, ``message``, ``output`` (file name inside the output folder, null on error),
``error_type`` (null, or the code of a :mod:`planparse.errors` class, ``timeout`` is reported as
``limit_exceeded``, plus ``worker_crashed``, ``unreadable`` and ``internal``), ``skipped``,
``planparse_version``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing as mp
import os
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

MANIFEST_NAME = "manifest.jsonl"
STATUS_OK = "ok"
STATUS_WARNING = "warning"
STATUS_ERROR = "error"


def planparse_version() -> str:
    from planparse import __version__

    return __version__


# --------------------------------------------------------------------------- discovery


@dataclass(frozen=True)
class Item:
    """One input PDF."""

    path: Path  # as reached from the argument (may be relative to the cwd)
    display: str  # the path string shown to users and written as ``file``
    relpath: str  # posix path relative to the common root of all arguments
    output: str = ""  # output file name inside the output folder


def _is_pdf_name(p: Path) -> bool:
    return p.suffix.lower() == ".pdf"


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Item]:
    """Expand files and folders into items, deterministic order, unique output names.

    A file argument is taken whatever its extension; folders contribute ``*.pdf`` files (any
    case) recursively, hidden files and folders excluded. Raises ``FileNotFoundError`` for an
    argument that does not exist.
    """
    found: list[tuple[Path, Path]] = []  # (path as reached, resolved)
    seen: set[Path] = set()
    for arg in paths:
        p = Path(arg)
        if not p.exists():
            raise FileNotFoundError(str(arg))
        if p.is_dir():
            candidates = []
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    fp = Path(root) / name
                    if not name.startswith(".") and _is_pdf_name(fp) and fp.is_file():
                        candidates.append(fp)
            candidates.sort(key=lambda c: c.as_posix())
        else:
            candidates = [p]
        for c in candidates:
            r = c.resolve()
            if r not in seen:
                seen.add(r)
                found.append((c, r))
    if not found:
        return []
    common = Path(os.path.commonpath([r.parent for _, r in found]))
    items = [Item(path=c, display=str(c), relpath=r.relative_to(common).as_posix()) for c, r in found]
    items.sort(key=lambda it: it.relpath)
    return assign_outputs(items)


def short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


def assign_outputs(items: list[Item]) -> list[Item]:
    """``<stem>.json`` for the first item of a stem (in relpath order), hashed names after."""
    taken: set[str] = set()
    out: list[Item] = []
    for it in sorted(items, key=lambda i: i.relpath):
        stem = Path(it.relpath).stem
        name = f"{stem}.json"
        if name.casefold() in taken or name.casefold() == MANIFEST_NAME:
            name = f"{stem}--{short_hash(it.relpath)}.json"
        taken.add(name.casefold())
        out.append(replace(it, output=name))
    return out


def file_sha256(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --------------------------------------------------------------------------- atomic writes


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temp file in the same folder and os.replace."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with contextlib.suppress(OSError):  # mkstemp makes 0600; give the usual mode
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def cleanup_temp_files(folder: str | os.PathLike[str]) -> int:
    """Remove temp files left by killed workers (``.<name>.<random>.tmp``)."""
    n = 0
    for p in Path(folder).glob(".*.tmp"):
        with contextlib.suppress(OSError):
            p.unlink()
            n += 1
    return n


# --------------------------------------------------------------------------- tasks and results


@dataclass(frozen=True)
class Options:
    """What every worker needs to parse a file."""

    layout: str | None = None
    backend: str = "pymupdf"
    ocr: str = "auto"
    max_pages: int | None = None
    timeout: float | None = None  # seconds per file; None or 0: no limit
    max_memory_mb: int | None = None  # RLIMIT_AS per worker; None or 0: no limit
    max_image_pixels: int | None = None  # None: the library default
    max_chars_per_page: int | None = None  # None: the library default
    emit: str = "file"  # file: write JSON to Task.out_path; pretty/compact: return the text


@dataclass(frozen=True)
class Task:
    index: int
    path: str
    display: str
    relpath: str
    sha256: str
    out_path: str | None
    output: str | None
    data: bytes | None = None  # the file's bytes, for workers that cannot read ``path``


@dataclass
class Result:
    """One manifest record (see the module docstring), plus the JSON text in stdout mode."""

    file: str
    relpath: str
    sha256: str | None
    status: str
    parser: str | None = None
    layout_confidence: float | None = None
    pages: int | None = None
    seconds: float = 0.0
    message: str | None = None
    output: str | None = None
    error_type: str | None = None
    skipped: bool = False
    planparse_version: str = field(default_factory=planparse_version)
    index: int = -1
    text: str | None = None

    def record(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("index")
        d.pop("text")
        return d

    @property
    def ok(self) -> bool:
        return self.status != STATUS_ERROR


def _error(task: Task, error_type: str, message: str, seconds: float = 0.0) -> Result:
    return Result(
        file=task.display,
        relpath=task.relpath,
        sha256=task.sha256 or None,
        status=STATUS_ERROR,
        seconds=round(seconds, 3),
        message=message,
        error_type=error_type,
        index=task.index,
    )


def crash_error(task: Task, exitcode: int | None, options: Options, seconds: float) -> Result:
    """The error record of a file whose worker process died under it."""
    how = f"signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
    hint = (
        f"; possibly the memory limit max_memory={options.max_memory_mb} MB"
        if options.max_memory_mb
        else ""
    )
    return _error(task, "worker_crashed", f"worker process died ({how}){hint}", seconds)


def timeout_error(task: Task, options: Options, seconds: float) -> Result:
    """The error record of a file that overran ``options.timeout`` (its worker was killed)."""
    return _error(
        task,
        "limit_exceeded",
        f"exceeds limit timeout={options.timeout:g} s (worker killed)",
        seconds,
    )


def parse_one(task: Task, options: Options) -> Result:
    """Parse one file in this process (the worker body); never raises for a bad file."""
    from planparse.errors import PlanParseError, is_out_of_memory
    from planparse.limits import DEFAULT_LIMITS

    t0 = time.perf_counter()
    changes: dict[str, Any] = {}
    if options.max_pages:
        changes["max_pages"] = options.max_pages
    if options.timeout:
        changes["seconds_per_file"] = float(options.timeout)
    if options.max_memory_mb:
        changes["memory_mb_per_worker"] = int(options.max_memory_mb)
    if options.max_image_pixels:
        changes["max_image_pixels"] = int(options.max_image_pixels)
    if options.max_chars_per_page:
        changes["max_chars_per_page"] = int(options.max_chars_per_page)
    limits = replace(DEFAULT_LIMITS, **changes)
    try:
        from planparse.api import parse

        doc = parse(
            task.data if task.data is not None else task.path,
            layout=options.layout,
            backend=options.backend,  # type: ignore[arg-type]
            ocr=options.ocr,  # type: ignore[arg-type]
            limits=limits,
            filename=Path(task.path).name,
        )
        if options.emit == "compact":
            text = json.dumps(
                doc.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")
            )
        else:
            text = doc.to_json()
        if options.emit == "file":
            assert task.out_path is not None
            atomic_write_text(task.out_path, text)
        warnings = list(doc.warnings)
        message = None
        if warnings:
            first = warnings[0]
            more = f" (+{len(warnings) - 1} more)" if len(warnings) > 1 else ""
            page = f" p.{first.page}" if first.page else ""
            message = f"{first.code}{page}: {first.message}{more}"
        return Result(
            file=task.display,
            relpath=task.relpath,
            sha256=task.sha256,
            status=STATUS_WARNING if warnings else STATUS_OK,
            parser=doc.source.parser,
            layout_confidence=doc.source.layout_confidence,
            pages=doc.source.page_count,
            seconds=round(time.perf_counter() - t0, 3),
            message=message,
            output=task.output if options.emit == "file" else None,
            index=task.index,
            text=None if options.emit == "file" else text,
        )
    except PlanParseError as exc:
        return _error(task, exc.code, exc.reason, time.perf_counter() - t0)
    except MemoryError:
        return _error(
            task,
            "limit_exceeded",
            f"exceeds limit max_memory={options.max_memory_mb} MB (out of memory in worker)",
            time.perf_counter() - t0,
        )
    except Exception as exc:  # a parser bug must not stop the batch
        # Under a memory limit, MuPDF's system errors (code=2) are allocations the limit refused.
        if options.max_memory_mb and (is_out_of_memory(exc) or "code=2" in str(exc)):
            return _error(  # MuPDF's own report of an allocation the memory limit refused
                task,
                "limit_exceeded",
                f"exceeds limit max_memory={options.max_memory_mb} MB ({type(exc).__name__}: {exc})",
                time.perf_counter() - t0,
            )
        tb = traceback.extract_tb(exc.__traceback__)
        where = f" at {Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else ""
        return _error(
            task, "internal", f"{type(exc).__name__}: {exc}{where}", time.perf_counter() - t0
        )


# --------------------------------------------------------------------------- worker pool

# Runs tasks somewhere and yields one Result per task: (tasks, options, *, ordered, stop).
Runner = Callable[..., Iterator[Result]]


def _set_memory_limit(mb: int | None) -> None:
    if not mb:
        return
    try:
        import resource

        limit = int(mb) * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # pragma: no cover - non-POSIX
        pass


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent_pid: int | None = None) -> None:
    """Make this (worker) process exit when its parent dies, even by SIGKILL.

    On Linux the kernel sends SIGKILL on the parent's death (``prctl(PR_SET_PDEATHSIG)``);
    everywhere a daemon thread also watches the parent pid (every 0.5 s) and exits the
    process when it changes, which covers systems without prctl. ``parent_pid`` is the pid
    the caller expects as parent: if it is already gone (it died before this call), exit now.
    """
    import signal

    expected = parent_pid if parent_pid is not None else os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != expected:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != expected:
                os._exit(1)

    threading.Thread(target=watch, name="planparse-parent-watch", daemon=True).start()


def die_with_process(owner_pid: int) -> None:
    """Make this process exit when ``owner_pid`` ends, when that process is not its parent.

    A process started through multiprocessing's forkserver is the forkserver's child, and the
    forkserver lives as long as any of its children does (each child holds its "alive" pipe),
    so watching the parent alone would keep both alive after the process that asked for the
    child is gone. Linux: a pidfd, readable once the owner exits (a zombie counts as gone);
    elsewhere the owner's pid is polled every 0.5 s.
    """
    if not _process_running(owner_pid):
        os._exit(1)
    pidfd: int | None = None
    with contextlib.suppress(AttributeError, OSError):
        pidfd = os.pidfd_open(owner_pid)  # type: ignore[attr-defined,unused-ignore]

    def watch() -> None:
        if pidfd is not None:
            import select

            select.select([pidfd], [], [])
            os._exit(1)
        while _process_running(owner_pid):
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="planparse-owner-watch", daemon=True).start()


def _process_running(pid: int) -> bool:
    """Whether ``pid`` exists and has not exited (a zombie waiting for its reaper has)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError, IndexError):
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    return True


def _worker_main(conn: Connection, options: Options, parent_pid: int | None = None) -> None:
    """Worker process: import the API once, then parse tasks until told to stop."""
    die_with_parent(parent_pid)
    with contextlib.suppress(Exception):
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    try:
        import planparse.api  # noqa: F401  - warm up before the first deadline starts
    except Exception as exc:
        conn.send(("fatal", f"cannot import planparse.api: {type(exc).__name__}: {exc}"))
        return
    _set_memory_limit(options.max_memory_mb)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        result = parse_one(msg, options)
        try:
            conn.send(("result", result))
        except (BrokenPipeError, OSError):
            return


class WorkerStartupError(RuntimeError):
    """The workers cannot start at all (e.g. the parser stack does not import)."""


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    task: Task | None = None
    deadline: float | None = None
    started: float = 0.0
    done: int = 0


def _context() -> Any:
    methods = mp.get_all_start_methods()
    # fork is fast and the parent holds no heavy state or threads; elsewhere spawn.
    return mp.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


def run_pool(
    tasks: Iterable[Task],
    options: Options,
    jobs: int = 1,
    *,
    ordered: bool = False,
    max_tasks_per_child: int = 50,
    stop: list[bool] | None = None,
) -> Iterator[Result]:
    """Run ``tasks`` in ``jobs`` worker processes and yield one :class:`Result` per task.

    Results come in completion order, or in task order with ``ordered=True`` (then at most
    ``4 * jobs`` finished results wait for a slow one). Tasks are pulled from the iterable
    lazily. Setting ``stop[0] = True`` (e.g. for fail-fast) stops dispatching; running tasks
    finish. A file that runs past ``options.timeout`` gets its worker killed and an error result.
    """
    ctx = _context()
    jobs = max(1, int(jobs))
    source = iter(tasks)
    exhausted = False
    workers: list[_Worker] = []
    buffer: dict[int, Result] = {}
    dispatched: list[int] = []  # ordered mode: indices in dispatch order not yet yielded
    startup_failures = 0

    def start() -> _Worker:
        parent_conn, child_conn = ctx.Pipe(duplex=True)
        proc = ctx.Process(
            target=_worker_main, args=(child_conn, options, os.getpid()), daemon=True
        )
        proc.start()
        child_conn.close()
        return _Worker(process=proc, conn=parent_conn)

    def kill(w: _Worker) -> None:
        with contextlib.suppress(Exception):
            w.process.kill()
        with contextlib.suppress(Exception):
            w.process.join(5)
        with contextlib.suppress(Exception):
            w.conn.close()

    def next_task() -> Task | None:
        nonlocal exhausted
        if exhausted or (stop and stop[0]):
            return None
        if ordered and dispatched and len(buffer) >= 4 * jobs:
            return None  # wait for the slow one before pulling more
        try:
            return next(source)
        except StopIteration:
            exhausted = True
            return None

    def emit(result: Result) -> Iterator[Result]:
        if not ordered:
            yield result
            return
        buffer[result.index] = result
        while dispatched and dispatched[0] in buffer:
            yield buffer.pop(dispatched.pop(0))

    first = next_task()
    if first is None:
        return
    held: list[Task] = [first]

    try:
        workers = [start() for _ in range(jobs)]
        while True:
            # dispatch
            for w in workers:
                if w.ready and w.task is None:
                    t = held.pop() if held else next_task()
                    if t is None:
                        break
                    w.task = t
                    w.started = time.monotonic()
                    w.deadline = w.started + options.timeout if options.timeout else None
                    if ordered:
                        dispatched.append(t.index)
                    with contextlib.suppress(BrokenPipeError, OSError):
                        w.conn.send(t)  # a dead worker is noticed below
            busy = [w for w in workers if w.task is not None]
            more = bool(held) or not (exhausted or (stop and stop[0]))
            if not busy and not more:
                break
            # wait for a message, a death, or the nearest deadline
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            timeout = None
            if deadlines:
                timeout = max(0.0, min(deadlines) - time.monotonic())
            handles: list[Any] = [w.conn for w in workers] + [w.process.sentinel for w in workers]
            ready = set(wait(handles, timeout=timeout))
            now = time.monotonic()
            for i, w in enumerate(list(workers)):
                dead = False
                if w.conn in ready:
                    try:
                        kind, payload = w.conn.recv()
                    except (EOFError, OSError):
                        dead = True
                    else:
                        if kind == "ready":
                            w.ready = True
                            startup_failures = 0
                        elif kind == "fatal":
                            raise WorkerStartupError(str(payload))
                        elif kind == "result":
                            result: Result = payload
                            w.task = None
                            w.deadline = None
                            w.done += 1
                            yield from emit(result)
                            if w.done >= max_tasks_per_child:
                                with contextlib.suppress(Exception):
                                    w.conn.send(None)
                                    w.process.join(5)
                                kill(w)
                                workers[i] = start()
                                continue
                elif w.process.sentinel in ready and not w.process.is_alive():
                    dead = True
                if dead:
                    code = w.process.exitcode
                    kill(w)
                    if w.task is not None:
                        yield from emit(crash_error(w.task, code, options, now - w.started))
                    elif not w.ready:
                        startup_failures += 1
                        if startup_failures > 3:
                            raise WorkerStartupError(f"worker processes die on startup ({code})")
                    workers[i] = start()
                    continue
                if w.task is not None and w.deadline is not None and now >= w.deadline:
                    t = w.task
                    kill(w)
                    yield from emit(timeout_error(t, options, now - w.started))
                    workers[i] = start()
    finally:
        for w in workers:
            with contextlib.suppress(Exception):
                if w.task is None and w.process.is_alive():
                    w.conn.send(None)
        for w in workers:
            with contextlib.suppress(Exception):
                w.process.join(0.5 if w.task is None else 0)
            if w.process.is_alive():
                kill(w)
            with contextlib.suppress(Exception):
                w.conn.close()


# --------------------------------------------------------------------------- manifest


def read_manifest(path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """Records of an existing manifest by output name (the last line for a name wins)."""
    out: dict[str, dict[str, Any]] = {}
    p = Path(path)
    if not p.exists():
        return out
    with p.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by a crash
            if isinstance(rec, dict) and rec.get("output"):
                out[str(rec["output"])] = rec
    return out


class Manifest:
    """Appends records as results arrive; :meth:`finish` rewrites them sorted, atomically."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.path = Path(folder) / MANIFEST_NAME
        self.records: list[dict[str, Any]] = []
        self._fh = self.path.open("a", encoding="utf-8", newline="\n")

    def add(self, result: Result) -> None:
        rec = result.record()
        self.records.append(rec)
        self._fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
        self._fh.flush()

    def finish(self) -> None:
        self._fh.close()
        self.records.sort(key=lambda r: (r["file"], r.get("relpath") or ""))
        text = "".join(
            json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in self.records
        )
        atomic_write_text(self.path, text)

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()


def _output_matches(path: Path, sha256: str) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and (data.get("source") or {}).get("sha256") == sha256


# --------------------------------------------------------------------------- a whole run


@dataclass
class Summary:
    ok: int = 0
    warnings: int = 0
    errors: int = 0
    skipped: int = 0
    pages: int = 0
    seconds: float = 0.0  # wall-clock
    stopped: bool = False  # fail-fast stopped the run early

    def add(self, r: Result) -> None:
        if r.skipped:
            self.skipped += 1
        if r.status == STATUS_OK:
            self.ok += 1
        elif r.status == STATUS_WARNING:
            self.warnings += 1
        else:
            self.errors += 1
        if not r.skipped and r.pages:
            self.pages += r.pages

    @property
    def total(self) -> int:
        return self.ok + self.warnings + self.errors


def plan_tasks(
    items: list[Item],
    outdir: Path | None,
    *,
    resume: bool = False,
    previous: dict[str, dict[str, Any]] | None = None,
) -> Iterator[Task | Result]:
    """Hash each item and yield a :class:`Task`, or a :class:`Result` for a skip/unreadable."""
    version = planparse_version()
    previous = previous or {}
    for index, it in enumerate(items):
        try:
            sha = file_sha256(it.path)
        except OSError as exc:
            yield Result(
                file=it.display,
                relpath=it.relpath,
                sha256=None,
                status=STATUS_ERROR,
                message=f"cannot read file: {exc.strerror or exc}",
                error_type="unreadable",
                index=index,
            )
            continue
        out_path = outdir / it.output if outdir is not None else None
        if resume and out_path is not None:
            prev = previous.get(it.output)
            if (
                prev
                and prev.get("sha256") == sha
                and prev.get("planparse_version") == version
                and prev.get("status") in (STATUS_OK, STATUS_WARNING)
                and out_path.exists()
                and _output_matches(out_path, sha)
            ):
                keep: dict[str, Any] = {
                    k: prev.get(k) for k in ("parser", "layout_confidence", "pages", "message")
                }
                yield Result(
                    file=it.display,
                    relpath=it.relpath,
                    sha256=sha,
                    status=str(prev["status"]),
                    output=it.output,
                    skipped=True,
                    seconds=0.0,
                    index=index,
                    **keep,
                )
                continue
        yield Task(
            index=index,
            path=str(it.path),
            display=it.display,
            relpath=it.relpath,
            sha256=sha,
            out_path=str(out_path) if out_path is not None else None,
            output=it.output if outdir is not None else None,
        )


def run_batch(
    items: list[Item],
    outdir: Path | None,
    options: Options,
    *,
    jobs: int = 1,
    resume: bool = False,
    fail_fast: bool = False,
    ordered: bool = False,
    runner: Runner | None = None,
) -> Iterator[Result]:
    """Parse ``items``; yield every result (skips included) as it arrives.

    ``runner`` runs the tasks (default: :func:`run_pool` with ``jobs`` local worker
    processes; :class:`planparse.distributed.DaskRunner` runs them on a Dask cluster).

    With ``outdir`` the JSON goes to files and the manifest is kept there (rewritten sorted at
    the end, even when the run is interrupted); without it (stdout mode) each result carries
    its JSON in ``text``. Stops dispatching after the first error with ``fail_fast``.
    """
    manifest: Manifest | None = None
    previous: dict[str, dict[str, Any]] = {}
    if outdir is not None:
        outdir.mkdir(parents=True, exist_ok=True)
        if resume:
            previous = read_manifest(outdir / MANIFEST_NAME)
        manifest = Manifest(outdir)
    stop = [False]
    direct: list[Result] = []  # skips and unreadables found while pulling tasks

    def tasks() -> Iterator[Task]:
        for planned in plan_tasks(items, outdir, resume=resume, previous=previous):
            if isinstance(planned, Result):
                direct.append(planned)
                if planned.status == STATUS_ERROR and fail_fast:
                    stop[0] = True
            else:
                if stop[0]:
                    return
                yield planned

    def record(r: Result) -> Result:
        if manifest is not None:
            manifest.add(r)
        if r.status == STATUS_ERROR and fail_fast:
            stop[0] = True
        return r

    try:
        if runner is None:
            gen = run_pool(tasks(), options, jobs, ordered=ordered, stop=stop)
        else:
            gen = runner(tasks(), options, ordered=ordered, stop=stop)
        for result in gen:
            # direct results found while pulling tasks go out first (they were planned earlier)
            while direct:
                yield record(direct.pop(0))
            yield record(result)
        while direct:
            yield record(direct.pop(0))
    finally:
        if manifest is not None:
            manifest.finish()
        if outdir is not None:
            cleanup_temp_files(outdir)
