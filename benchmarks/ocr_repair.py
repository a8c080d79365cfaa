"""How well Swedish OCR repair restores å/ä/ö on the OCR'd 001 fixture.

The fixture's text layer came from Tesseract's English model over page images of the
born-digital 001 fixture, whose clean text is fixtures/sources/ange-malavstamning-t1-2025.clean.txt.
Printed: the share of the clean text's words with å, ä or ö that come out right.

Each occurrence of such a word in the clean text counts once (multiset, independent of reading
order); the rows are:

- before: the OCR layer as it is in the PDF;
- repair: planparse's lexicon repair of that layer alone (``ocr="never"``, or no Tesseract);
- re-OCR: Tesseract's Swedish model run again over the page images, with seconds per page;
- combined: the existing layer's words corrected by the Swedish re-OCR where both agree on a
  word's skeleton, lexicon repair for the rest (what ``planparse.parse`` does by default when
  Tesseract and its Swedish model are installed);

and the number of words repair changes on every born-digital fixture (must be 0).

    python benchmarks/ocr_repair.py [--no-reocr]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
OCR_PDF = FIXTURES / "ange-malavstamning-t1-2025-ocr.pdf"
CLEAN = FIXTURES / "sources" / "ange-malavstamning-t1-2025.clean.txt"

_WORD = re.compile(r"[\wåäöÅÄÖéÉ&]+")
_SWEDISH = re.compile(r"[åäöÅÄÖ]")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def swedish_word_accuracy(clean: list[str], candidate: list[str]) -> tuple[int, int]:
    """(right, total) over the clean text's words with å/ä/ö, counted as multisets: each
    occurrence is right when the candidate text holds the same word as often. Counting by
    multiset, not by position, keeps reading-order differences (figures, table cells) out of
    the figure."""
    from collections import Counter

    want = Counter(w for w in clean if _SWEDISH.search(w))
    have = Counter(candidate)
    right = sum(min(n, have[w]) for w, n in want.items())
    return right, sum(want.values())


def reocr_text(pdf_path: Path) -> tuple[str, float, int]:
    """Tesseract (swe) over the page images, pages in parallel; (text, seconds, pages)."""
    import pymupdf

    from planparse.reading import ocr
    from planparse.reading.pymupdf_backend import render_gray

    lang = ocr.choose_language()
    if lang != "swe":
        raise SystemExit("re-OCR needs Tesseract with its Swedish model (tesseract-ocr-swe)")
    with pymupdf.open(pdf_path) as pdf:
        images = {i + 1: render_gray(page, ocr.DPI) for i, page in enumerate(pdf)}
    t0 = time.perf_counter()
    results = ocr.ocr_pages(images, lang)
    seconds = time.perf_counter() - t0
    text = "\n".join(ln.text for n in sorted(results) for ln in results[n])
    return text, seconds, len(images)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-reocr", action="store_true", help="skip the Tesseract re-OCR route")
    args = parser.parse_args()

    from planparse.reading import read_pdf
    from planparse.text.repair import repair_text

    clean = words(CLEAN.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    doc = read_pdf(OCR_PDF, ocr="never")
    repair_seconds = time.perf_counter() - t0

    def doc_text(document: object, attr: str) -> str:
        parts = []
        for page in document.pages:  # type: ignore[attr-defined]
            items = list(page.lines)
            for t in page.tables:
                items += [ln for r in t.rows for c in r.cells for ln in c.lines]
            items.sort(key=lambda ln: (ln.page, ln.y0, ln.x0))
            parts += [getattr(ln, attr) for ln in items]
        return "\n".join(parts)

    pages = doc.page_count
    rows = [("before (OCR layer as in the PDF)", swedish_word_accuracy(clean, words(doc_text(doc, "raw"))), None)]
    rows.append(
        ("repair (lexicon only)", swedish_word_accuracy(clean, words(doc_text(doc, "text"))), repair_seconds / pages)
    )
    if not args.no_reocr:
        text, seconds, n = reocr_text(OCR_PDF)
        rows.append(("re-OCR (tesseract swe, 200 dpi)", swedish_word_accuracy(clean, words(text)), seconds / n))
        t0 = time.perf_counter()
        combined = read_pdf(OCR_PDF)
        combined_seconds = time.perf_counter() - t0
        rows.append(
            ("combined (planparse default)", swedish_word_accuracy(clean, words(doc_text(combined, "text"))), combined_seconds / pages)
        )

    print(f"clean reference: {CLEAN.relative_to(ROOT)} ({len(clean)} words)")
    print(f"{'route':40} {'å/ä/ö words right':>20} {'share':>8} {'s/page':>8}")
    for label, (right, total), spp in rows:
        share = right / total if total else 0.0
        print(f"{label:40} {right:>9} / {total:<8} {share:8.1%} {spp if spp is None else f'{spp:8.2f}'}")

    changed_total = 0
    for pdf in sorted(FIXTURES.glob("*.pdf")):
        if pdf.stem.startswith("scan-") or pdf.stem.endswith("-ocr"):
            continue
        native = read_pdf(pdf, ocr="never")
        lines = [ln.text for p in native.pages for ln in p.lines]
        lines += [c.text for p in native.pages for t in p.tables for r in t.rows for c in r.cells]
        changed = sum(
            sum(1 for x, y in zip(words(t), words(repair_text(t)), strict=False) if x != y) for t in lines
        )
        changed_total += changed
        print(f"born-digital {pdf.name:45} words changed by repair: {changed}")
    print(f"born-digital total words changed: {changed_total}")
    return 0 if changed_total == 0 else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
