"""holdout-generic18 (fixer boxes18): an arbetsplan in two Word text boxes side by side (Håbo),
their bullet lists level with each other. A row of pieces on one baseline is judged against
the first piece of its own column: the other box's bullet, two points higher, starts no row
that parts this box's bullet from its text."""

from __future__ import annotations

from pathlib import Path

from planparse.reading import read_pdf

PDF = Path(__file__).resolve().parents[2] / "fixtures/holdout-generic18/arbetsplan/habo-forskolan-skogsbrynet-arbetsplan-2026-2027.pdf"


def test_bullets_stay_with_their_text_beside_the_other_boxs_list() -> None:
    page = read_pdf(PDF).pages[0]
    assert page.two_columns
    texts = [ln.text for ln in page.lines]
    assert "• Odlingslådor där barnen sår, vattnar och" in texts
    assert "• Enkla experiment med vatten, is och snö" in texts
    assert "• Barnråd varannan vecka med två barn från" in texts
    assert not [ln.text for ln in page.noise if ln.text.strip() == "•"]
