"""Unruled tables rebuilt from positioned text (:mod:`planparse.reading.positioned`)."""

from __future__ import annotations

from pathlib import Path

import planparse
from planparse.reading.model import Line, Span
from planparse.reading.positioned import _phrases, _word

SCAN = Path(__file__).parents[2] / "fixtures/holdout-generic10/internkontrollplan/norrkoping-sn-internkontrollplan-2027-scan.pdf"


def _ocr_line(words: list[tuple[str, tuple[float, float, float, float]]]) -> Line:
    return Line([Span(t, b, size=9.0) for t, b in words], page=1, method="ocr")


def test_a_dash_taller_than_wide_is_a_stroke_not_a_word() -> None:
    """Tesseract boxes a dash tight to its ink, wider than tall; a narrow box as tall as the line
    read as "-" or "—" is a stroke of the scan (a scratch, a rule's piece) and no word. A real
    dash stays (a value: no figure), and so does any dash of a layer whose boxes are the font's."""
    assert not _word(Span("—", (430.6, 572.8, 433.4, 584.3)), "ocr")
    assert _word(Span("—", (430.6, 576.5, 439.4, 578.5)), "ocr")
    assert _word(Span("-", (314.3, 526.7, 318.2, 538.6)), "native")
    # a PDF's own OCR layer boxes every word as tall as its font: "Mental träning - Forskning"
    assert _word(Span("-", (314.3, 526.7, 318.2, 538.6)), "repaired")


def test_a_stroke_between_two_header_labels_does_not_join_them() -> None:
    """"Riskvärde | Kontrollmoment" two columns, though a stroke read as "-" sits in the gap."""
    header = _ocr_line([("Process", (71.3, 528.1, 100.4, 538.6)), ("Risk", (159.8, 528.1, 178.2, 538.6)),
                        ("Riskvärde", (268.2, 528.1, 307.4, 535.0)), ("-", (314.3, 526.7, 318.2, 538.6)),
                        ("Kontrollmoment", (321.1, 528.1, 384.8, 535.0)), ("Ansvarig", (436.3, 528.1, 471.6, 538.9))])
    labels = [" ".join(s.text for s in p) for p in _phrases([header])]
    assert labels == ["Process", "Risk", "Riskvärde", "Kontrollmoment", "Ansvarig"]


def test_scanned_groff_control_table_gives_every_control() -> None:
    """The groff -ms internkontrollplan as a skewed 170 dpi scan: nine controls, each with its
    risk value and its Kontrollmoment, the last row alone on page 2 under the repeated header."""
    doc = planparse.parse(SCAN)
    assert len(doc.controls) == 9
    assert [c.risk_value for c in doc.controls] == [9, 12, 8, 6, 6, 12, 9, 8, 6]
    assert doc.controls[1].process == "Orosanmälningar barn och unga"
    assert doc.controls[5].method == "Loggkontroll av 30 slumpvis valda användare"
    assert doc.controls[-1].provenance.page == 2
