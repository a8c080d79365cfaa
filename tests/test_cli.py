"""The planparse CLI end to end: a real subprocess and click's CliRunner over real PDFs.

A temp folder mixes every fixture PDF (one twice, in a subfolder, to force a name clash)
with bad files: an empty file, a text file named .pdf, the first half of a fixture and an
AES-256 encrypted copy. Nothing is mocked: the worker processes run planparse.api.parse.

Resume decision (tested here): a resumed file keeps its previous status (ok/warning) and
output, its manifest line says ``"skipped": true`` and ``"seconds": 0``, and its JSON is not
rewritten; files that failed before are tried again.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from planparse import __version__
from planparse.cli import main
from planparse.model import dumps, json_schema
from tests.gold import EXPECTED, FIXTURES, diff, gold_names, load_gold

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
FIXTURE_PDFS = sorted(FIXTURES.glob("*.pdf"))
BAD = {
    "bad-empty.pdf": "empty",
    "bad-text.pdf": "not_a_pdf",
    # MuPDF may repair the first half of a PDF: then it parses with a pdf_repaired warning
    "bad-truncated.pdf": None,
    "bad-encrypted.pdf": "encrypted",
}
CLASH = "sub/" + (FIXTURE_PDFS[0].name if FIXTURE_PDFS else "none.pdf")


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 600) -> Any:
    return subprocess.run(
        [PY, "-m", "planparse", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
    )


def make_corpus(folder: Path) -> Path:
    import pymupdf

    folder.mkdir(parents=True, exist_ok=True)
    for pdf in FIXTURE_PDFS:
        shutil.copy(pdf, folder / pdf.name)
    (folder / "sub").mkdir()
    shutil.copy(FIXTURE_PDFS[0], folder / CLASH)
    (folder / "bad-empty.pdf").write_bytes(b"")
    (folder / "bad-text.pdf").write_text("Det här är ingen PDF.\n", encoding="utf-8")
    data = FIXTURE_PDFS[0].read_bytes()
    (folder / "bad-truncated.pdf").write_bytes(data[: len(data) // 2])
    doc = pymupdf.open(FIXTURE_PDFS[0])
    doc.save(
        folder / "bad-encrypted.pdf",
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        user_pw="secret",
        owner_pw="owner",
    )
    doc.close()
    (folder / "notes.txt").write_text("not picked up: not *.pdf\n", encoding="utf-8")
    return folder


def read_manifest(out: Path) -> list[dict[str, Any]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def by_relpath(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["relpath"]: r for r in records}


@pytest.fixture(scope="session")
def batch_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One real `python -m planparse parse` over the mixed corpus (shared by test_export)."""
    if not FIXTURE_PDFS:
        pytest.skip("no fixture PDFs")
    base = tmp_path_factory.mktemp("batch")
    corpus = make_corpus(base / "in")
    out = base / "out"
    t0 = time.monotonic()
    proc = run_cli("parse", str(corpus), "-o", str(out), "--jobs", "2")
    return {
        "corpus": corpus,
        "out": out,
        "proc": proc,
        "seconds": time.monotonic() - t0,
        "manifest": read_manifest(out),
    }


# --------------------------------------------------------------------------- parse: folder


def test_batch_exit_code_and_manifest_covers_every_pdf(batch_run: dict[str, Any]) -> None:
    proc = batch_run["proc"]
    assert proc.returncode == 1, proc.stderr
    recs = by_relpath(batch_run["manifest"])
    expected = {p.name for p in FIXTURE_PDFS} | set(BAD) | {CLASH}
    assert set(recs) == expected  # notes.txt is not a PDF name: not picked up
    for r in batch_run["manifest"]:
        for key in (
            "file",
            "sha256",
            "status",
            "parser",
            "layout_confidence",
            "pages",
            "seconds",
            "message",
            "output",
            "error_type",
            "skipped",
            "planparse_version",
        ):
            assert key in r, (key, r)
        assert len(r["sha256"]) == 64
        assert r["skipped"] is False
    # deterministic order: sorted by file
    files = [r["file"] for r in batch_run["manifest"]]
    assert files == sorted(files)
    assert "errors" in proc.stderr and "pages" in proc.stderr  # the summary


def test_every_good_file_matches_its_gold(batch_run: dict[str, Any]) -> None:
    recs = by_relpath(batch_run["manifest"])
    out: Path = batch_run["out"]
    problems = []
    for pdf in FIXTURE_PDFS:
        rec = recs[pdf.name]
        assert rec["status"] in ("ok", "warning"), rec
        assert rec["error_type"] is None
        assert rec["output"] == f"{pdf.stem}.json"
        actual = json.loads((out / rec["output"]).read_text(encoding="utf-8"))
        assert actual["source"]["sha256"] == rec["sha256"]
        assert actual["source"]["page_count"] == rec["pages"]
        if (EXPECTED / f"{pdf.stem}.json").exists():
            d = diff(load_gold(pdf.stem), actual, pdf.stem)
            if d:
                problems.append(d)
    assert not problems, "\n\n".join(problems)
    assert gold_names(), "no gold files to compare with"


def test_name_clash_gets_hashed_name_with_same_content(batch_run: dict[str, Any]) -> None:
    from planparse.batch import short_hash

    recs = by_relpath(batch_run["manifest"])
    stem = Path(CLASH).stem
    assert recs[CLASH]["output"] == f"{stem}--{short_hash(CLASH)}.json"
    out: Path = batch_run["out"]
    a = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    b = json.loads((out / recs[CLASH]["output"]).read_text(encoding="utf-8"))
    assert a == b  # same bytes in, same JSON out


def test_bad_files_have_error_lines_with_reason_and_type(batch_run: dict[str, Any]) -> None:
    recs = by_relpath(batch_run["manifest"])
    for name, code in BAD.items():
        rec = recs[name]
        if code is None and rec["status"] == "warning":  # repaired on reading: says so
            assert rec["error_type"] is None and "repaired" in rec["message"], rec
            continue
        assert rec["status"] == "error", rec
        assert rec["output"] is None
        assert rec["message"] and len(rec["message"]) > 5, rec
        assert rec["error_type"], rec
        if code is not None:
            assert rec["error_type"] == code, rec
        assert rec["error_type"] != "internal", rec  # a typed, explained failure
        assert name in batch_run["proc"].stderr
    out: Path = batch_run["out"]
    for name, code in BAD.items():
        if code is None:
            continue
        assert not (out / f"{Path(name).stem}.json").exists()


def test_no_partial_files_and_all_outputs_validate(batch_run: dict[str, Any]) -> None:
    out: Path = batch_run["out"]
    validator = jsonschema.Draft202012Validator(json_schema())
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.endswith(".tmp") or n.startswith(".")], names
    outputs = {r["output"] for r in batch_run["manifest"] if r["output"]}
    assert {p.name for p in out.glob("*.json")} == outputs
    for p in out.glob("*.json"):
        data = json.loads(p.read_text(encoding="utf-8"))
        errors = list(validator.iter_errors(data))
        assert not errors, (p.name, errors[0].message)
        assert p.read_text(encoding="utf-8") == dumps(data)  # the library's one JSON form


def test_validate_command_on_outputs(batch_run: dict[str, Any]) -> None:
    files = sorted(str(p) for p in batch_run["out"].glob("*.json"))
    proc = run_cli("validate", *files)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count(": valid") == len(files)


def test_resume_parses_nothing_again(batch_run: dict[str, Any], tmp_path: Path) -> None:
    """Through CliRunner (in-process CLI, real worker processes)."""
    out = tmp_path / "out"
    shutil.copytree(batch_run["out"], out)
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.glob("*.json")}
    result = CliRunner().invoke(
        main, ["parse", str(batch_run["corpus"]), "-o", str(out), "--resume", "--jobs", "2"]
    )
    assert result.exit_code == 1, result.output
    recs = by_relpath(read_manifest(out))
    first = by_relpath(batch_run["manifest"])
    assert set(recs) == set(first)
    for rel, rec in recs.items():
        if first[rel]["status"] == "error":
            assert rec["status"] == "error" and rec["skipped"] is False  # tried again
            assert rec["error_type"] == first[rel]["error_type"]
        else:
            assert rec["skipped"] is True, rec
            assert rec["seconds"] == 0
            assert rec["status"] == first[rel]["status"]
            assert rec["output"] == first[rel]["output"]
    after = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.glob("*.json")}
    assert after == before  # not one JSON rewritten
    assert "skipped" in result.output


def test_resume_reparses_a_changed_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    pdf = FIXTURE_PDFS[0]
    shutil.copy(pdf, src / "a.pdf")
    out = tmp_path / "out"
    assert run_cli("parse", str(src), "-o", str(out), "-q").returncode == 0
    # replace the file with another fixture under the same name: sha256 differs
    shutil.copy(FIXTURE_PDFS[-1], src / "a.pdf")
    proc = run_cli("parse", str(src), "-o", str(out), "--resume")
    assert proc.returncode == 0, proc.stderr
    (rec,) = read_manifest(out)
    assert rec["skipped"] is False
    data = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert data["source"]["sha256"] == rec["sha256"]


# --------------------------------------------------------------------------- parse: stdout


def test_stdout_single_file_is_json(tmp_path: Path) -> None:
    pdf = FIXTURE_PDFS[0]
    result = CliRunner().invoke(main, ["parse", str(pdf), "-o", "-"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"]["file"] == pdf.name
    if (EXPECTED / f"{pdf.stem}.json").exists():
        assert diff(load_gold(pdf.stem), data, pdf.stem) == ""
    assert not list(tmp_path.iterdir())  # nothing written anywhere we look


def test_stdout_several_files_is_json_lines() -> None:
    pdfs = [str(p) for p in FIXTURE_PDFS[:3]]
    proc = run_cli("parse", *pdfs, "-o", "-", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == len(pdfs)
    docs = [json.loads(line) for line in lines]
    # input order (sorted), one compact line each
    assert [d["source"]["file"] for d in docs] == sorted(Path(p).name for p in pdfs)
    validator = jsonschema.Draft202012Validator(json_schema())
    for d in docs:
        assert not list(validator.iter_errors(d))


def test_stdout_with_a_bad_file_keeps_stdout_clean(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_text("nope", encoding="utf-8")
    proc = run_cli("parse", str(FIXTURE_PDFS[0]), str(bad), "-o", "-")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["source"]["file"] == FIXTURE_PDFS[0].name
    assert "bad.pdf" in proc.stderr and "not_a_pdf" in proc.stderr


# --------------------------------------------------------------------------- parse: options


def test_fail_fast_stops_after_first_error(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a-empty.pdf").write_bytes(b"")
    for pdf in FIXTURE_PDFS[:2]:
        shutil.copy(pdf, src / f"b-{pdf.name}")
    out = tmp_path / "out"
    proc = run_cli("parse", str(src), "-o", str(out), "--jobs", "1", "--fail-fast")
    assert proc.returncode == 1
    recs = read_manifest(out)
    assert [r["relpath"] for r in recs] == ["a-empty.pdf"]
    assert "fail-fast" in proc.stderr


def test_timeout_kills_worker_and_names_the_limit(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    big = max(FIXTURE_PDFS, key=lambda p: p.stat().st_size)
    shutil.copy(big, src / "slow.pdf")
    out = tmp_path / "out"
    proc = run_cli("parse", str(src), "-o", str(out), "--timeout", "0.01", "--jobs", "1")
    assert proc.returncode == 1
    (rec,) = read_manifest(out)
    assert rec["status"] == "error"
    assert rec["error_type"] == "limit_exceeded"
    assert "timeout" in rec["message"]
    assert sorted(p.name for p in out.iterdir()) == ["manifest.jsonl"]


def test_max_pages_limit(tmp_path: Path) -> None:
    pdf = max(FIXTURE_PDFS, key=lambda p: p.stat().st_size)
    out = tmp_path / "out"
    proc = run_cli("parse", str(pdf), "-o", str(out), "--max-pages", "1")
    import pymupdf

    with pymupdf.open(pdf) as d:
        pages = d.page_count
    (rec,) = read_manifest(out)
    if pages > 1:
        assert proc.returncode == 1
        assert rec["error_type"] == "limit_exceeded" and "max_pages" in rec["message"]
    else:
        assert proc.returncode == 0


def test_ocr_always_without_tesseract_exits_3(tmp_path: Path) -> None:
    env = dict(os.environ, PATH=str(tmp_path))  # no tesseract on PATH
    proc = run_cli(
        "parse", str(FIXTURE_PDFS[0]), "-o", str(tmp_path / "o"), "--ocr", "always", env=env
    )
    assert proc.returncode == 3, proc.stderr
    assert "tesseract" in proc.stderr.lower()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["parse", str(FIXTURE_PDFS[0])]).exit_code == 2  # no -o
    assert runner.invoke(main, ["parse", str(tmp_path / "missing.pdf"), "-o", "-"]).exit_code == 2
    assert (
        runner.invoke(main, ["parse", str(FIXTURE_PDFS[0]), "-o", "-", "--ocr", "x"]).exit_code == 2
    )
    assert runner.invoke(main, ["nosuchcommand"]).exit_code == 2
    bad_layout = runner.invoke(main, ["parse", str(FIXTURE_PDFS[0]), "-o", "-", "--layout", "nope"])
    assert bad_layout.exit_code == 2 and "nope" in bad_layout.output


# --------------------------------------------------------------------------- other commands


def test_help_lists_commands_and_is_fast() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for cmd in ("parse", "export", "schema", "validate", "detect", "doctor"):
        assert cmd in result.output
    # nothing heavy imported by the CLI module
    code = (
        "import sys, planparse.cli; "
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('pymupdf', 'fitz', 'pdfplumber', 'spacy', 'pydantic') or m == 'planparse.api']; "
        "print(heavy)"
    )
    proc = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
    t0 = time.monotonic()
    proc = run_cli("--help")
    elapsed = time.monotonic() - t0
    assert proc.returncode == 0 and "Commands:" in proc.stdout
    assert elapsed < 2.0, f"planparse --help took {elapsed:.2f} s"  # click alone: ~0.1-0.3 s


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output
    assert run_cli("--version").stdout.strip().endswith(__version__)


def test_schema_matches_committed(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed == json_schema()
    committed = ROOT / "schemas" / "plan-document.schema.json"
    if committed.exists():
        assert printed == json.loads(committed.read_text(encoding="utf-8"))
    target = tmp_path / "schema.json"
    assert CliRunner().invoke(main, ["schema", "--output", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8") == result.stdout


def _minimal_document() -> dict[str, Any]:
    return {
        "uid": "0000-other-na-y-00000000",
        "source": {
            "file": "x.pdf",
            "sha256": "0" * 64,
            "page_count": 1,
            "parser": "generic",
            "parser_version": "1",
            "layout_confidence": 0.0,
        },
        "municipality": {"name": None, "code": None},
        "document_type": "other",
        "title": "Test",
    }


def test_validate_reports_json_path(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_minimal_document()), encoding="utf-8")
    bad_doc = _minimal_document()
    bad_doc["source"]["page_count"] = "many"
    bad_doc["goals"] = [{"title": 3}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(bad_doc), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(main, ["validate", str(good)])
    assert ok.exit_code == 0 and "valid" in ok.output
    res = runner.invoke(main, ["validate", str(good), str(bad), str(broken)])
    assert res.exit_code == 1
    assert "$.source.page_count" in res.output
    assert "$.goals[0]" in res.output
    assert "broken.json: not JSON" in res.output


def test_detect_explain() -> None:
    pdf = FIXTURE_PDFS[0]
    result = CliRunner().invoke(main, ["detect", "--explain", str(pdf)])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith(f"{pdf}: ")
    assert len(result.output.splitlines()) > 2  # every family with its score


def test_detect_bad_file_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"")
    result = CliRunner().invoke(main, ["detect", str(bad)])
    assert result.exit_code == 1 and "empty" in result.output


def test_doctor() -> None:
    proc = run_cli("doctor")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for word in (
        "PyMuPDF",
        "pdfplumber",
        "spaCy",
        "Tesseract" if "Tesseract" in proc.stdout else "tesseract",
        "What works",
    ):
        assert word in proc.stdout


def test_subprocess_entry_points_agree() -> None:
    script = Path(PY).parent / "planparse"
    if not script.exists():
        pytest.skip("console script not installed")
    a = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    b = run_cli("--version")
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout
