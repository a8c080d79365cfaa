"""The run overview: ``index.html`` over a ``planparse parse`` output folder.

It reads ``manifest.jsonl`` (and any output JSON the manifest does not list), writes a review
page per parsed file whose PDF can be found, and lists every file, failed ones included,
sorted by what needs attention first: errors, then warnings, then low confidence.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from planparse.errors import PlanParseError
from planparse.review import ReviewError, _write, load_json, review_document
from planparse.review.images import DEFAULT_DPI, DEFAULT_QUALITY
from planparse.review.items import DEFAULT_THRESHOLD, KINDS, collect

MANIFEST = "manifest.jsonl"


@dataclass
class Entry:
    """One file of the run, as the overview lists it."""

    file: str
    status: str  # ok, warning, error (the manifest's), or error when the output is unusable
    relpath: str | None = None  # the file relative to the parse arguments, shown in the list
    parser: str | None = None
    layout_confidence: float | None = None
    pages: int | None = None
    message: str | None = None
    error_type: str | None = None
    output: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # "code (p. N): message"
    to_look: int = 0  # items flagged on the review page
    review: str | None = None  # review page path, relative to the index
    note: str | None = None  # why there is no review page

    def attention(self, threshold: float) -> tuple[int, int, str]:
        """Sort key: errors, then warnings, then low confidence, then the rest."""
        if self.status == "error":
            rank = 0
        elif self.warnings or self.status == "warning":
            rank = 1
        elif self.to_look or (
            self.layout_confidence is not None and self.layout_confidence < threshold
        ):
            rank = 2
        else:
            rank = 3
        return rank, -(len(self.warnings) + self.to_look), self.file


def read_records(outdir: Path) -> list[dict[str, Any]]:
    """Manifest records, the last one per file winning (a resumed run appends)."""
    path = outdir / MANIFEST
    records: dict[tuple[str, str], dict[str, Any]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by a crash
            if isinstance(rec, dict) and rec.get("file"):
                records[(str(rec["file"]), str(rec.get("relpath") or ""))] = rec
    listed = {str(r.get("output")) for r in records.values() if r.get("output")}
    for js in sorted(outdir.glob("*.json")):
        if js.name not in listed:
            records[(js.name, "")] = {"file": js.name, "output": js.name, "status": None}
    return sorted(records.values(), key=lambda r: (str(r["file"]), str(r.get("relpath") or "")))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def find_pdf(
    rec: dict[str, Any], doc: dict[str, Any], outdir: Path, pdf_dirs: Iterable[Path]
) -> tuple[Path | None, str | None]:
    """(the PDF the output was made from, None) or (None, why it was not found)."""
    names = [str(rec.get("file") or ""), str(rec.get("relpath") or "")]
    names.append(str((doc.get("source") or {}).get("file") or ""))
    candidates: list[Path] = []
    for name in [n for n in names if n]:
        p = Path(name)
        candidates += [p] if p.is_absolute() else [Path.cwd() / p, outdir.parent / p]
        candidates += [d / p for d in pdf_dirs] + [d / p.name for d in pdf_dirs]
    want = (doc.get("source") or {}).get("sha256")
    seen: set[Path] = set()
    changed: list[str] = []
    for c in candidates:
        if c in seen or not c.is_file():
            continue
        seen.add(c)
        if not want or _sha256(c) == want:
            return c, None
        changed.append(str(c))
    if changed:
        return None, f"PDF changed since parsing (other sha256): {', '.join(changed)}"
    return None, "PDF not found (give its folder with --pdfs)"


def _entry(
    rec: dict[str, Any],
    outdir: Path,
    pages_dir: Path,
    index: Path,
    pdf_dirs: list[Path],
    render: dict[str, Any],
    threshold: float,
) -> Entry:
    e = Entry(
        file=str(rec["file"]),
        relpath=rec.get("relpath") or None,
        status=str(rec.get("status") or "ok"),
        parser=rec.get("parser"),
        layout_confidence=rec.get("layout_confidence"),
        pages=rec.get("pages"),
        message=rec.get("message"),
        error_type=rec.get("error_type"),
        output=rec.get("output"),
    )
    if e.status == "error" or not e.output:
        e.status = "error"
        e.note = "no output"
        return e
    try:
        doc = load_json(outdir / e.output)
    except ReviewError as exc:
        e.status, e.error_type, e.message = "error", "unreadable", exc.reason
        e.note = "output unusable"
        return e
    source = doc["source"]
    e.parser = e.parser or source.get("parser")
    if e.layout_confidence is None:
        e.layout_confidence = source.get("layout_confidence")
    e.pages = e.pages or source.get("page_count")
    items = collect(doc, threshold)
    e.counts = {k: sum(1 for i in items if i.kind == k) for k in KINDS}
    e.to_look = sum(1 for i in items if i.flags)
    for w in doc.get("warnings") or []:
        if isinstance(w, dict):
            where = f" (p. {w['page']})" if isinstance(w.get("page"), int) else ""
            e.warnings.append(f"{w.get('code')}{where}: {w.get('message')}")
    if rec.get("status") is None:
        e.status = "warning" if e.warnings else "ok"
    pdf, why = find_pdf(rec, doc, outdir, pdf_dirs)
    if pdf is None:
        e.note = why
        return e
    page = pages_dir / (Path(e.output).stem + ".html")
    try:
        review_document(doc, pdf.read_bytes(), page, pdf_name=pdf.name, **render)
    except (OSError, ValueError, PlanParseError) as exc:
        e.note = f"review page failed: {exc}"
        return e
    e.review = os.path.relpath(page, index.parent)
    return e


CSS = """
body{font:13px/1.4 system-ui,sans-serif;margin:16px;color:#222}
h1{font-size:17px;margin:0 0 6px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3;position:sticky;top:0}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.error td{background:#fde2e2}
tr.warning td{background:#fff4d6}
tr.low td{background:#eef3ff}
.st{font-weight:700}
.w{font-size:12px;color:#5a4500;margin:0;padding-left:16px}
.note{color:#b00000}
"""


def build_index(entries: list[Entry], outdir: Path, threshold: float) -> str:
    """The overview HTML, entries sorted by attention."""
    entries = sorted(entries, key=lambda e: e.attention(threshold))
    n_err = sum(e.status == "error" for e in entries)
    n_warn = sum(e.status != "error" and bool(e.warnings or e.status == "warning") for e in entries)
    rows = []
    for e in entries:
        rank = e.attention(threshold)[0]
        cls = {0: "error", 1: "warning", 2: "low"}.get(rank, "ok")
        counts = " ".join(
            f'<span title="{escape(KINDS[k])}">{v} {escape(KINDS[k])}</span>'
            for k, v in e.counts.items()
            if v
        )
        warn = "".join(f"<li>{escape(w)}</li>" for w in e.warnings)
        if e.status == "error":
            warn = f"<b>{escape(e.error_type or 'error')}</b>: {escape(e.message or '')}"
        elif warn:
            warn = f'<ul class="w">{warn}</ul>'
        conf = e.layout_confidence
        conf_text = "" if conf is None else f"{conf:.2f}"
        if conf is not None and conf < threshold:
            conf_text += " (low)"
        link = (
            f'<a href="{escape(e.review, quote=True)}">review</a>'
            if e.review
            else f'<span class="note">{escape(e.note or "")}</span>'
        )
        rows.append(
            f'<tr class="{cls}" data-file="{escape(e.file, quote=True)}" data-status="{e.status}">'
            f'<td title="{escape(e.file, quote=True)}">{escape(e.relpath or e.file)}</td>'
            f'<td class="st">{escape(e.status)}</td>'
            f"<td>{escape(e.parser or '')}</td><td class=\"n\">{conf_text}</td>"
            f"<td class=\"n\">{e.pages if e.pages is not None else ''}</td><td>{counts}</td>"
            f'<td class="n">{e.to_look or ""}</td><td>{warn}</td><td>{link}</td></tr>'
        )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="sv"><head><meta charset="utf-8">',
            f"<title>planparse run: {escape(outdir.name)}</title><style>{CSS}</style></head>",
            "<body>",
            f"<h1>planparse run: {escape(str(outdir))}</h1>",
            f"<p>{len(entries)} files: {n_err} errors, {n_warn} with warnings. "
            "Sorted by what needs attention first: errors, then warnings, then low confidence "
            f"(below {threshold}).</p>",
            "<table><thead><tr><th>file</th><th>status</th><th>parser</th>"
            "<th>layout confidence</th><th>pages</th><th>extracted</th><th>to look at</th>"
            "<th>warnings / error</th><th>review</th></tr></thead><tbody>",
            *rows,
            "</tbody></table></body></html>\n",
        ]
    )


def review_run(
    outdir: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    *,
    pdf_dirs: Iterable[str | os.PathLike[str]] = (),
    dpi: int = DEFAULT_DPI,
    quality: int = DEFAULT_QUALITY,
    threshold: float = DEFAULT_THRESHOLD,
) -> tuple[Path, list[Entry]]:
    """Write ``OUTDIR/index.html`` (or ``output``) and ``OUTDIR/review/<stem>.html`` pages."""
    folder = Path(outdir)
    if not folder.is_dir():
        raise ReviewError(str(folder), "is not a folder")
    records = read_records(folder)
    if not records:
        raise ReviewError(str(folder), f"has no {MANIFEST} and no output JSON")
    index = Path(output) if output else folder / "index.html"
    pages_dir = folder / "review"
    render = {"dpi": dpi, "quality": quality, "threshold": threshold}
    dirs = [Path(d) for d in pdf_dirs]
    entries = [_entry(r, folder, pages_dir, index, dirs, render, threshold) for r in records]
    _write(index, build_index(entries, folder, threshold))
    return index, sorted(entries, key=lambda e: e.attention(threshold))
