"""Hostile and broken input: a corpus made by ``corpus.py``, run through the library and the CLI.

The main test runs ``python -m planparse parse`` (2 workers, a per-file timeout and a memory
limit) over the bad corpus mixed with every good fixture and checks the whole manifest: the
batch completes within its limits, every good file equals its gold, every bad file has the
right error type or parses with the right warnings, and no output is partial or invalid.
Other tests check each limit on its own, from the library and from the CLI, and that a
parser that fails inside a readable document leaves its JSON with a ``parser_error`` warning.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

import planparse
from planparse.errors import (
    CorruptPDF,
    EmptyPDF,
    EncryptedPDF,
    LimitExceeded,
    NotAPDF,
    PlanParseError,
)
from planparse.limits import DEFAULT_LIMITS, Limits
from planparse.model import dumps, json_schema
from tests.gold import EXPECTED, FIXTURES, comparable, diff, load_gold
from tests.robustness.corpus import (
    BASE_FIXTURE,
    MANY_PAGES,
    NAMES,
    PWNED,
    TINY_CHARS,
    Expect,
    build_corpus,
)

ROOT = Path(__file__).resolve().parent.parent.parent
PY = sys.executable
GOOD = sorted(FIXTURES.glob("*.pdf"))
TIMEOUT = 120  # seconds per file given to the CLI
MEMORY_MB = 2048  # address space per worker given to the CLI
BATCH_WALL = 240  # the whole mixed batch, seconds (it takes ~30 s on two cores)

ERROR_CLASSES: dict[str, type[PlanParseError]] = {
    "empty": EmptyPDF,
    "not_a_pdf": NotAPDF,
    "corrupt": CorruptPDF,
    "encrypted": EncryptedPDF,
    "limit_exceeded": LimitExceeded,
}


def run_cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PY, "-m", "planparse", *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )


def read_manifest(out: Path) -> dict[str, dict[str, Any]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return {rec["relpath"]: rec for rec in map(json.loads, lines)}


def without_file(doc: dict[str, Any]) -> dict[str, Any]:
    """The comparable form of a document, its file name left out."""
    data = comparable(doc)
    data["source"].pop("file", None)
    data.pop("uid", None)
    return data


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Expect]]:
    folder = tmp_path_factory.mktemp("robustness") / "bad"
    return folder, build_corpus(folder)


@pytest.fixture(scope="session")
def mixed_run(
    corpus: tuple[Path, dict[str, Expect]], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """One CLI batch over the bad corpus and every good fixture."""
    bad, expects = corpus
    base = tmp_path_factory.mktemp("mixed")
    src = base / "in"
    shutil.copytree(bad, src / "bad")
    (src / "good").mkdir()
    for pdf in GOOD:
        shutil.copy(pdf, src / "good" / pdf.name)
    out = base / "out"
    t0 = time.monotonic()
    proc = run_cli(
        "parse",
        str(src),
        "-o",
        str(out),
        "--jobs",
        "2",
        "--timeout",
        str(TIMEOUT),
        "--max-memory",
        str(MEMORY_MB),
        timeout=BATCH_WALL + 60,
    )
    wall = time.monotonic() - t0
    # the largest resident set of any process this test session has waited for (the CLI's
    # workers included: the CLI joins them); an upper bound for the workers of this run
    max_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "src": src,
        "out": out,
        "proc": proc,
        "wall": wall,
        "max_rss_mb": max_rss_mb,
        "manifest": read_manifest(out),
        "expects": expects,
    }


# --------------------------------------------------------------------------- the mixed batch


def test_batch_completes_within_limits(mixed_run: dict[str, Any]) -> None:
    proc = mixed_run["proc"]
    assert proc.returncode == 1, proc.stderr  # some files fail: exit 1, not a crash
    manifest = mixed_run["manifest"]
    expected = {f"bad/{n}" for n in mixed_run["expects"]} | {f"good/{p.name}" for p in GOOD}
    assert set(manifest) == expected
    assert mixed_run["wall"] < BATCH_WALL, f"the batch took {mixed_run['wall']:.0f} s"
    for rel, rec in manifest.items():
        assert 0 <= rec["seconds"] <= TIMEOUT, rec
        assert rec["error_type"] not in ("internal", "worker_crashed"), (rel, rec)
        if rec["status"] == "error":
            assert rec["message"] and rec["error_type"], rec
            assert rel in proc.stderr  # reported to the user, with the file's name
    assert mixed_run["max_rss_mb"] < MEMORY_MB, f"a process used {mixed_run['max_rss_mb']:.0f} MB"


def test_every_good_file_equals_its_gold(mixed_run: dict[str, Any]) -> None:
    manifest = mixed_run["manifest"]
    out: Path = mixed_run["out"]
    problems = []
    for pdf in GOOD:
        rec = manifest[f"good/{pdf.name}"]
        assert rec["status"] in ("ok", "warning"), rec
        assert (EXPECTED / f"{pdf.stem}.json").exists(), f"no gold for {pdf.name}"
        actual = json.loads((out / rec["output"]).read_text(encoding="utf-8"))
        d = diff(load_gold(pdf.stem), actual, pdf.stem)
        if d:
            problems.append(d)
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_bad_file_outcome(mixed_run: dict[str, Any], name: str) -> None:
    expect: Expect = mixed_run["expects"][name]
    rec = mixed_run["manifest"][f"bad/{name}"]
    out: Path = mixed_run["out"]
    repaired = expect.repaired_warnings and rec["status"] != "error"
    if expect.error and not repaired:
        assert rec["status"] == "error", rec
        assert rec["error_type"] == expect.error, rec
        assert rec["output"] is None and not (out / f"{Path(name).stem}.json").exists()
        if expect.limit:
            value = getattr(DEFAULT_LIMITS, expect.limit)
            assert f"{expect.limit}={value}" in rec["message"], rec
        return
    assert rec["status"] in (("warning",) if repaired else expect.statuses), rec
    assert rec["error_type"] is None
    data = json.loads((out / rec["output"]).read_text(encoding="utf-8"))
    codes = [w["code"] for w in data["warnings"]]
    for code in expect.repaired_warnings if repaired else expect.warnings:
        assert code in codes, (name, data["warnings"])
    if rec["status"] == "ok":
        assert not codes
    if expect.limit:
        value = getattr(DEFAULT_LIMITS, expect.limit)
        assert any(f"{expect.limit}={value}" in w["message"] for w in data["warnings"]), data[
            "warnings"
        ]
    if expect.parser:
        assert data["source"]["parser"] == expect.parser
    if expect.title:
        assert data["title"].startswith(expect.title), data["title"]
    if expect.same_as_base:
        base_rec = mixed_run["manifest"][f"good/{BASE_FIXTURE.name}"]
        base = json.loads((out / base_rec["output"]).read_text(encoding="utf-8"))
        assert without_file(data) == without_file(base)


def test_outlines_go_through_ocr(mixed_run: dict[str, Any]) -> None:
    """Text drawn as vector paths has no text layer: the page is OCR'd (Tesseract here)."""
    import re

    import pymupdf

    from planparse.reading import read_pdf

    rec = mixed_run["manifest"]["bad/odd-text-as-outlines.pdf"]
    data = json.loads((mixed_run["out"] / rec["output"]).read_text(encoding="utf-8"))
    codes = {w["code"] for w in data["warnings"]}
    if shutil.which("tesseract") is None:
        assert "ocr_unavailable" in codes, data["warnings"]  # says so rather than skipping
        return
    assert data["source"]["text_layer"] == "ocr" and data["source"]["ocr_engine"], data["source"]
    base_rec = mixed_run["manifest"][f"good/{BASE_FIXTURE.name}"]
    base = json.loads((mixed_run["out"] / base_rec["output"]).read_text(encoding="utf-8"))
    for key in ("municipality", "organ", "document_type", "year", "period"):
        assert data[key] == base[key], key
    # the OCR'd lines hold (nearly) every word of the original page
    with pymupdf.open(BASE_FIXTURE) as doc:
        words = set(re.findall(r"[^\W\d_]{6,}", doc[0].get_text()))
    page = read_pdf(mixed_run["src"] / "bad" / "odd-text-as-outlines.pdf").pages[0]
    text = " ".join(ln.text for ln in page.lines)
    found = {w for w in words if w in text}
    assert len(found) >= 0.8 * len(words), sorted(words - found)


def test_nothing_was_executed(
    corpus: tuple[Path, dict[str, Expect]], mixed_run: dict[str, Any]
) -> None:
    """The JavaScript and Launch actions would have created the marker file."""
    bad, _ = corpus
    planparse.parse(bad / "odd-javascript-launch.pdf")  # in this process as well
    assert not (bad.parent / PWNED).exists()
    assert not list(ROOT.glob(f"**/{PWNED}"))


def test_no_partial_output_and_every_json_validates(mixed_run: dict[str, Any]) -> None:
    out: Path = mixed_run["out"]
    validator = jsonschema.Draft202012Validator(json_schema())
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.endswith(".tmp") or n.startswith(".")], names
    outputs = {r["output"] for r in mixed_run["manifest"].values() if r["output"]}
    assert {p.name for p in out.glob("*.json")} == outputs
    for p in out.glob("*.json"):
        text = p.read_text(encoding="utf-8")
        data = json.loads(text)
        errors = list(validator.iter_errors(data))
        assert not errors, (p.name, errors[0].message)
        assert text == dumps(data)


# --------------------------------------------------------------------------- typed errors


def test_typed_errors_name_file_and_reason(corpus: tuple[Path, dict[str, Expect]]) -> None:
    bad, expects = corpus
    for name, expect in expects.items():
        if not expect.error:
            continue
        try:
            planparse.parse(bad / name)
        except PlanParseError as exc:
            assert isinstance(exc, ERROR_CLASSES[expect.error]), (name, exc)
            assert exc.code == expect.error
            assert exc.file == name and name in str(exc)
            assert exc.reason and exc.reason in str(exc)
            if isinstance(exc, LimitExceeded):
                assert exc.limit == expect.limit
                assert exc.value == getattr(DEFAULT_LIMITS, expect.limit)
                assert f"{exc.limit}={exc.value}" in exc.reason
        else:
            assert expect.repaired_warnings, f"{name} parsed but must fail as {expect.error}"


# --------------------------------------------------------------------------- each limit


def test_max_pages_library(corpus: tuple[Path, dict[str, Expect]]) -> None:
    bad, _ = corpus
    path = bad / "bad-2000-pages.pdf"
    with pytest.raises(LimitExceeded) as info:
        planparse.parse(path, limits=Limits(max_pages=1999))
    assert info.value.limit == "max_pages" and "max_pages=1999" in str(info.value)
    t0 = time.monotonic()
    doc = planparse.parse(path, limits=Limits(max_pages=MANY_PAGES))
    assert doc.source.page_count == MANY_PAGES
    assert time.monotonic() - t0 < 60


def test_max_chars_per_page_library(corpus: tuple[Path, dict[str, Expect]]) -> None:
    bad, _ = corpus
    path = bad / "bad-200k-tiny-chars.pdf"
    with pytest.raises(LimitExceeded) as info:
        planparse.parse(path, limits=Limits(max_chars_per_page=TINY_CHARS - 1))
    assert info.value.limit == "max_chars_per_page"
    assert f"max_chars_per_page={TINY_CHARS - 1}" in str(info.value)
    t0 = time.monotonic()
    doc = planparse.parse(path, limits=Limits(max_chars_per_page=TINY_CHARS))
    assert doc.source.page_count == 1 and doc.title
    assert time.monotonic() - t0 < 60
    # the pdfplumber backend honours the limit too
    with pytest.raises(LimitExceeded):
        planparse.parse(
            bad / "odd-kallelse.pdf", backend="pdfplumber", limits=Limits(max_chars_per_page=50)
        )


def test_max_file_mb_library() -> None:
    with pytest.raises(LimitExceeded) as info:
        planparse.parse(BASE_FIXTURE, limits=Limits(max_file_mb=0.001))
    assert info.value.limit == "max_file_mb" and "max_file_mb=0.001" in str(info.value)


def test_max_image_pixels_library(corpus: tuple[Path, dict[str, Expect]]) -> None:
    bad, _ = corpus
    # the bomb: refused by the size of its embedded image, without decoding it
    t0 = time.monotonic()
    doc = planparse.parse(bad / "bad-image-bomb.pdf")
    assert time.monotonic() - t0 < 30
    (skip,) = [w for w in doc.warnings if w.code == "ocr_skipped"]
    assert f"max_image_pixels={DEFAULT_LIMITS.max_image_pixels}" in skip.message and skip.page == 1
    # a page image over the limit is not rendered either
    doc = planparse.parse(bad / "odd-text-as-outlines.pdf", limits=Limits(max_image_pixels=1000))
    (skip,) = [w for w in doc.warnings if w.code == "ocr_skipped"]
    assert "max_image_pixels=1000" in skip.message
    assert doc.source.ocr_engine is None


def test_limits_from_the_cli(corpus: tuple[Path, dict[str, Expect]], tmp_path: Path) -> None:
    """Raised limits let the big files parse in time; lowered ones fail naming the limit."""
    bad, _ = corpus
    src = tmp_path / "in"
    src.mkdir()
    for name in ("bad-2000-pages.pdf", "bad-200k-tiny-chars.pdf", "odd-text-as-outlines.pdf"):
        shutil.copy(bad / name, src / name)
    out = tmp_path / "out"
    t0 = time.monotonic()
    proc = run_cli(
        "parse",
        str(src),
        "-o",
        str(out),
        "--jobs",
        "2",
        "--timeout",
        "60",
        "--max-memory",
        "2048",
        "--max-pages",
        str(MANY_PAGES),
        "--max-chars-per-page",
        str(TINY_CHARS),
        "--max-image-pixels",
        "1000",
    )
    assert proc.returncode == 0, proc.stderr
    assert time.monotonic() - t0 < 120
    recs = read_manifest(out)
    assert recs["bad-2000-pages.pdf"]["pages"] == MANY_PAGES
    assert recs["bad-200k-tiny-chars.pdf"]["pages"] == 1
    outl = json.loads((out / "odd-text-as-outlines.json").read_text(encoding="utf-8"))
    assert any("max_image_pixels=1000" in w["message"] for w in outl["warnings"])
    for rec in recs.values():
        assert rec["seconds"] < 60

    low = tmp_path / "low"
    proc = run_cli(
        "parse",
        str(BASE_FIXTURE),
        str(bad / "odd-kallelse.pdf"),
        str(bad / "bad-2000-pages.pdf"),
        "-o",
        str(low),
        "--max-chars-per-page",
        "50",
        "--max-pages",
        "3",
    )
    assert proc.returncode == 1
    recs = {Path(r["file"]).name: r for r in read_manifest(low).values()}
    assert recs[BASE_FIXTURE.name]["error_type"] == "limit_exceeded"
    assert "max_pages=3" in recs[BASE_FIXTURE.name]["message"]  # 7 pages
    assert "max_chars_per_page=50" in recs["odd-kallelse.pdf"]["message"]
    assert "max_pages=3" in recs["bad-2000-pages.pdf"]["message"]


def test_memory_limit_from_the_cli(corpus: tuple[Path, dict[str, Expect]], tmp_path: Path) -> None:
    """With the image limit raised the bomb is rendered; a tiny RLIMIT_AS stops it cleanly."""
    bad, _ = corpus
    out = tmp_path / "out"
    proc = run_cli(
        "parse",
        str(bad / "bad-image-bomb.pdf"),
        "-o",
        str(out),
        "--max-memory",
        "1",
        "--max-image-pixels",
        str(10**9),
        "--timeout",
        "60",
    )
    assert proc.returncode == 1
    (rec,) = read_manifest(out).values()
    assert rec["status"] == "error" and rec["error_type"] in ("limit_exceeded", "worker_crashed"), (
        rec
    )
    assert "max_memory=1" in rec["message"]
    assert sorted(p.name for p in out.iterdir()) == ["manifest.jsonl"]


def test_cli_rejects_bad_limit_values(tmp_path: Path) -> None:
    from planparse.cli import main

    for option in ("--max-pages", "--max-image-pixels", "--max-chars-per-page"):
        result = CliRunner().invoke(main, ["parse", str(BASE_FIXTURE), "-o", "-", option, "0"])
        assert result.exit_code == 2, (option, result.output)


# --------------------------------------------------------------------------- parser failure


@pytest.fixture
def broken_generic(monkeypatch: pytest.MonkeyPatch) -> None:
    from planparse.layouts import registry

    def explode(self: object, doc: object, out: object) -> None:
        raise RuntimeError("boom in the generic parser")

    monkeypatch.setattr(registry()["generic"], "parse", explode)


@pytest.mark.usefixtures("broken_generic")
def test_parser_failure_becomes_a_warning(
    corpus: tuple[Path, dict[str, Expect]], tmp_path: Path
) -> None:
    bad, _ = corpus
    doc = planparse.parse(bad / "odd-kallelse.pdf")
    (err,) = [w for w in doc.warnings if w.code == "parser_error"]
    assert "boom in the generic parser" in err.message and "generic" in err.message
    assert doc.source.page_count == 1
    jsonschema.validate(json.loads(doc.to_json()), json_schema())

    # through the CLI in this process: its workers are forked and inherit the broken parser
    from planparse.cli import main

    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["parse", str(bad / "odd-kallelse.pdf"), "-o", str(out), "--jobs", "1"]
    )
    if sys.platform.startswith("linux"):
        assert result.exit_code == 0, result.output
        (rec,) = read_manifest(out).values()
        assert rec["status"] == "warning"
        data = json.loads((out / rec["output"]).read_text(encoding="utf-8"))
        assert "parser_error" in [w["code"] for w in data["warnings"]]
        jsonschema.validate(data, json_schema())
