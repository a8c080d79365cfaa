"""Rule-based spaCy helpers: written dates, target directions, organisational owners."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from planparse.nlp import find_dates, find_direction, find_owners


def test_dates_in_words() -> None:
    text = "Fastställd av kommunfullmäktige den 16 januari 2018, reviderad 31 mars 2025."
    assert find_dates(text) == [dt.date(2018, 1, 16), dt.date(2025, 3, 31)]


def test_iso_dates_and_invalid() -> None:
    assert find_dates("Slutdatum 2025-12-31 och den 31 februari 2025") == [dt.date(2025, 12, 31)]
    assert find_dates("") == []
    assert find_dates("Inga datum här, bara 2025 och 16 januari.") == []


def test_direction() -> None:
    assert (
        find_direction("Andelen anställda som nyttjar kommunens friskvårdsbidrag ska öka.")
        == "increase"
    )
    assert find_direction("3.3.3 Ungdomsarbetslösheten i kommunen ska minska.") == "decrease"
    assert find_direction("Minska övertiden inom sociala avdelningen med 50%") == "decrease"
    assert find_direction("Höja ambitionsnivån på antalet grönområden") == "increase"
    assert find_direction("Sänka kostnaderna") == "decrease"
    assert find_direction("Öka intäkterna och minska kostnaderna") is None
    assert find_direction("Insatserna ska minska sjukfrånvaron, arbetet ska öka") == "increase"
    assert find_direction("Kommunstyrelsen") is None
    assert find_direction("") is None


def test_owners() -> None:
    text = (
        "Processägare: Kommunchef. Parter: Samhällsbyggnadskontoret, HR-avdelningen, "
        "Barn- och utbildningsnämnden, Arbetsutskottet och kommunchef."
    )
    assert find_owners(text) == [
        "Kommunchef",
        "Samhällsbyggnadskontoret",
        "HR-avdelningen",
        "Barn- och utbildningsnämnden",
        "Arbetsutskottet",
    ]
    assert find_owners("Enheten och avdelningen samt chefen") == []
    assert find_owners("Kommunledningsförvaltningen, Ekonomienheten, Stabschef") == [
        "Kommunledningsförvaltningen",
        "Ekonomienheten",
        "Stabschef",
    ]


def test_import_does_not_load_spacy() -> None:
    code = (
        "import sys, planparse, planparse.nlp, planparse.vocabulary; print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_owners_prefilter_agrees_with_the_pipeline() -> None:
    """find_owners skips the pipeline on text without an owner-shaped word: on every line and
    every page of the fixture PDFs it finds what the entity ruler finds."""
    from planparse import nlp
    from planparse.reading import read_pdf

    checked = skipped = 0
    for pdf in sorted((Path(__file__).parent.parent / "fixtures").glob("*.pdf")):
        doc = read_pdf(pdf, ocr="never")
        texts = [ln.text for page in doc.pages for ln in page.lines]
        texts += ["\n".join(ln.text for ln in page.lines) for page in doc.pages]
        for text in texts:
            full: list[str] = []
            for label, span in nlp._ents(text):
                if label == "OWNER" and span.casefold() not in {o.casefold() for o in full}:
                    full.append(span)
            assert find_owners(text) == full, text
            checked += 1
            skipped += not nlp._OWNER_HINT.search(text.lower())
    assert checked > 1000 and 0 < skipped < checked


def test_document_without_owner_words_does_not_load_spacy() -> None:
    """Parsing a document whose front matter has no owner-shaped word never imports spaCy;
    one with an owner-shaped word ("Ekonomiavdelningen") in its front matter loads it."""
    code = (
        "import sys, planparse\n"
        "planparse.parse('fixtures/ange-uppsikt-hr-2024.pdf')\n"
        "print('spacy' in sys.modules)\n"
        "planparse.parse('fixtures/timra-uppsikt-ekonomiavdelningen-2025.pdf')\n"
        "print('spacy' in sys.modules)\n"
    )
    root = Path(__file__).parent.parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.split("\n")[:2] == ["False", "True"]
