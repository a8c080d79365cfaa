"""Review pages and the run overview without a browser: bad input, marks, size, the index of
a mixed batch (failed files included)."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from planparse.review import ReviewError, review_json
from planparse.review.run import review_run
from tests.review.common import FIXTURES, PLANPARSE, load, parsed_fixtures, walk

SMALL = "solleftea-malavstamning-t2-2024"


class _Elements(HTMLParser):
    """Every element's tag, attributes and the text inside it (for li, div, span, td, tr)."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[dict[str, Any]] = []
        self._open: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = {"tag": tag, **{k: v or "" for k, v in attrs}, "text": ""}
        self.elements.append(el)
        if tag in ("li", "div", "section", "span", "td", "tr"):
            self._open.append(el)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i]["tag"] == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        for el in self._open:
            el["text"] += data


def elements(html: str) -> list[dict[str, Any]]:
    p = _Elements()
    p.feed(html)
    return p.elements


def _json_copy(tmp_path: Path, name: str, edit: Any = None) -> Path:
    doc = load(parsed_fixtures() / f"{name}.json")
    if edit is not None:
        edit(doc)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- bad input


def test_missing_pdf_names_json_and_pdf(tmp_path: Path) -> None:
    js = _json_copy(tmp_path, SMALL)
    missing = tmp_path / "nowhere" / f"{SMALL}.pdf"
    with pytest.raises(ReviewError) as err:
        review_json(js, missing, tmp_path / "r.html")
    text = str(err.value)
    assert str(js) in text and str(missing) in text and "cannot be read" in text
    assert not (tmp_path / "r.html").exists()

    proc = subprocess.run(
        [str(PLANPARSE), "review", str(js), "--pdf", str(missing), "-o", str(tmp_path / "r.html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert str(js) in proc.stderr and str(missing) in proc.stderr


def test_other_pdf_names_both_and_both_hashes(tmp_path: Path) -> None:
    js = _json_copy(tmp_path, SMALL)
    other = FIXTURES / "ange-uppsikt-hr-2024.pdf"
    with pytest.raises(ReviewError) as err:
        review_json(js, other, tmp_path / "r.html")
    text = str(err.value)
    want = load(js)["source"]["sha256"]
    assert str(js) in text and str(other) in text and f"{SMALL}.pdf" in text
    assert want in text and "not the same PDF" in text

    proc = subprocess.run(
        [str(PLANPARSE), "review", str(js), "--pdf", str(other), "-o", str(tmp_path / "r.html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1 and str(js) in proc.stderr and str(other) in proc.stderr


def test_json_without_pdf_option_is_a_usage_error(tmp_path: Path) -> None:
    js = _json_copy(tmp_path, SMALL)
    proc = subprocess.run(
        [str(PLANPARSE), "review", str(js)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2 and "--pdf" in proc.stderr


def test_not_planparse_json(tmp_path: Path) -> None:
    bad = tmp_path / "other.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(ReviewError, match="other.json.*not planparse output"):
        review_json(bad, FIXTURES / f"{SMALL}.pdf", tmp_path / "r.html")


# --------------------------------------------------------------------------- marks


def test_items_without_position_are_listed_and_marked(tmp_path: Path) -> None:
    doc = load(parsed_fixtures() / f"{SMALL}.json")
    goals = doc["goals"]
    targets = {
        goals[0]["uid"]: "no provenance",
        goals[1]["uid"]: "empty bbox",
        goals[0]["children"][0]["activities"][0]["uid"]: "page 99 is not in the document",
    }

    def edit(d: dict[str, Any]) -> None:
        d["goals"][0]["provenance"] = None
        d["goals"][1]["provenance"]["bbox"] = [10, 10, 10, 30]
        d["goals"][0]["children"][0]["activities"][0]["provenance"]["page"] = 99

    page = review_json(_json_copy(tmp_path, SMALL, edit), FIXTURES / f"{SMALL}.pdf", tmp_path / "r.html")
    els = elements(page.read_text(encoding="utf-8"))
    panel = {e["data-uid"]: e for e in els if e["tag"] == "li" and "item" in e.get("class", "")}
    boxes = {e["data-uid"] for e in els if "box" in e.get("class", "").split()}
    for uid, reason in targets.items():
        assert "nopos" in panel[uid]["class"].split()
        assert f"no position ({reason})" in panel[uid]["text"]
        assert uid not in boxes
    # Everything else keeps its box.
    positioned = {item["uid"] for _, item in walk(doc)} - set(targets)
    assert boxes == positioned
    header = next(e for e in els if e["tag"] == "span" and "without position" in e["text"])
    assert header["text"].startswith("3 without position")


def test_low_confidence_and_repaired_text_are_marked(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        act = d["goals"][0]["children"][0]["activities"][0]
        act["status"]["confidence"] = 0.55
        act["provenance"]["method"] = "ocr"
        act["provenance"]["raw_text"] = "Damaqed raw tekst"
        d["source"]["layout_confidence"] = 0.42

    doc = load(parsed_fixtures() / f"{SMALL}.json")
    uid = doc["goals"][0]["children"][0]["activities"][0]["uid"]
    page = review_json(_json_copy(tmp_path, SMALL, edit), FIXTURES / f"{SMALL}.pdf", tmp_path / "r.html")
    els = elements(page.read_text(encoding="utf-8"))
    li = next(e for e in els if e["tag"] == "li" and e.get("data-uid") == uid)
    box = next(e for e in els if e["tag"] == "div" and e.get("data-uid") == uid)
    assert "look" in li["class"].split() and "look" in box["class"].split()
    assert "low-confidence status (0.55 < 0.80)" in li["text"]
    assert "ocr text" in li["text"]
    for el in (li, box):
        assert "raw text (ocr): Damaqed raw tekst" in el["title"]
    flagged = [e for e in els if e["tag"] == "li" and "look" in e.get("class", "").split()]
    assert [e["data-uid"] for e in flagged] == [uid]
    layout = next(e for e in els if e.get("id") == "layout-confidence")
    assert "low" in layout["class"] and "0.42 (low)" in layout["text"]
    warn = next(e for e in els if e["tag"] == "li" and "warn" in e.get("class", ""))
    assert "layout confidence 0.42 is below 0.8" in warn["text"]


def test_warnings_are_listed_with_their_page(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["warnings"] = [
            {"code": "table_continuation", "message": "a table ends mid-row", "page": 3},
            {"code": "layout_unknown", "message": "no family matched", "page": None},
        ]

    page = review_json(_json_copy(tmp_path, SMALL, edit), FIXTURES / f"{SMALL}.pdf", tmp_path / "r.html")
    els = elements(page.read_text(encoding="utf-8"))
    warns = [e for e in els if e["tag"] == "li" and e.get("class") == "warn"]
    assert [w.get("data-page") for w in warns] == ["3", None]
    assert "table_continuation (p. 3): a table ends mid-row" in warns[0]["text"]
    page3 = next(e for e in els if e.get("id") == "page-3")
    assert "warning" in page3["text"]


# --------------------------------------------------------------------------- size, determinism


def test_largest_fixture_page_size_and_lazy_images(tmp_path: Path) -> None:
    name = "robertsfors-verksamhetsplan-2025"  # 25 pages, the largest fixture
    js = parsed_fixtures() / f"{name}.json"
    a = review_json(js, FIXTURES / f"{name}.pdf", tmp_path / "a.html")
    b = review_json(js, FIXTURES / f"{name}.pdf", tmp_path / "b.html")
    size = a.stat().st_size
    print(f"review page of {name}.pdf (25 pages): {size / 1048576:.2f} MB")
    assert size < 10 * 1024 * 1024
    assert a.read_bytes() == b.read_bytes()  # deterministic
    html = a.read_text(encoding="utf-8")
    imgs = [e for e in elements(html) if e["tag"] == "img"]
    assert len(imgs) == 25
    assert all(e["data-src"].startswith("data:image/jpeg;base64,") and "src" not in e for e in imgs)
    assert "http://" not in html and "https://" not in html  # nothing from the network


# --------------------------------------------------------------------------- run overview


def _letter(path: Path) -> None:
    """A real one-page PDF with no planning layout: the generic parser, with a warning."""
    from planparse.reading.engine import import_pymupdf

    pymupdf = import_pymupdf()

    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.insert_textbox(
        pymupdf.Rect(72, 72, 523, 770),
        "Ånge kommun\n2025-03-12\n\nKallelse till sammanträde\n\nKommunstyrelsens "
        "arbetsutskott kallas till sammanträde tisdagen den 18 mars 2025 klockan 09.00.",
        fontsize=11,
        fontname="helv",
    )
    pdf.save(path)


def test_run_overview_lists_every_file_of_a_mixed_batch(tmp_path: Path) -> None:
    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    shutil.copy(FIXTURES / f"{SMALL}.pdf", pdfs)  # ok, confidence 1.0
    shutil.copy(FIXTURES / "ange-uppsikt-hr-2024.pdf", pdfs)  # ok, layout confidence 0.96
    _letter(pdfs / "kallelse.pdf")  # warning: layout_unknown
    (pdfs / "notes.pdf").write_text("not a pdf at all", encoding="utf-8")  # error
    (pdfs / "empty.pdf").write_bytes(b"")  # error
    out = tmp_path / "out"
    proc = subprocess.run(
        [str(PLANPARSE), "parse", str(pdfs), "-o", str(out), "-q", "-j", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr  # some files failed

    index, _entries = review_run(out, threshold=0.97)
    els = elements(index.read_text(encoding="utf-8"))
    rows = [e for e in els if e["tag"] == "tr" and "data-file" in e]
    order = [(Path(r["data-file"]).name, r["data-status"], r["class"]) for r in rows]
    assert order == [
        ("empty.pdf", "error", "error"),
        ("notes.pdf", "error", "error"),
        ("kallelse.pdf", "warning", "warning"),
        ("ange-uppsikt-hr-2024.pdf", "ok", "low"),
        (f"{SMALL}.pdf", "ok", "ok"),
    ]
    links = [e["href"] for e in els if e["tag"] == "a"]
    assert links == [
        "review/kallelse.html",
        "review/ange-uppsikt-hr-2024.html",
        f"review/{SMALL}.html",
    ]
    for link in links:
        assert (out / link).stat().st_size > 10_000
    text = index.read_text(encoding="utf-8")
    assert "not_a_pdf" in text and "empty" in text and "layout_unknown" in text

    # The CLI does the same and names the overview.
    proc = subprocess.run(
        [str(PLANPARSE), "review", str(out)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert "5 files (2 failed), 3 review pages" in proc.stderr and str(index) in proc.stderr


def test_run_overview_says_when_a_pdf_cannot_be_found(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(parsed_fixtures() / f"{SMALL}.json", out)  # no manifest, PDF elsewhere
    index, entries = review_run(out)
    assert [(e.file, e.review) for e in entries] == [(f"{SMALL}.json", None)]
    assert "PDF not found" in (entries[0].note or "")
    index, entries = review_run(out, pdf_dirs=[FIXTURES])
    assert entries[0].review == f"review/{SMALL}.html"
    assert "review page" not in (entries[0].note or "")


def test_review_of_a_pdf_from_the_cli(tmp_path: Path) -> None:
    target = tmp_path / "x" / "review.html"
    proc = subprocess.run(
        [str(PLANPARSE), "review", str(FIXTURES / f"{SMALL}.pdf"), "-o", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    els = elements(target.read_text(encoding="utf-8"))
    boxes = [e for e in els if "box" in e.get("class", "").split()]
    doc = load(parsed_fixtures() / f"{SMALL}.json")
    assert sorted(b["data-uid"] for b in boxes) == sorted(i["uid"] for _, i in walk(doc))
