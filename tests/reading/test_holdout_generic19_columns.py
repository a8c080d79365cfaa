"""holdout-generic19 (Salem): a verksamhetsberättelse in two newspaper columns with a narrow
ruled budget table inside the right column, and goals as run-in bold headings (the bold first
sentence of a paragraph, its text going on in the regular face on the same line)."""

from __future__ import annotations

from pathlib import Path

from planparse.reading import read_pdf

PDF = Path(__file__).resolve().parents[2] / "fixtures/holdout-generic19/verksamhetsberattelse/salem-kfn-verksamhetsberattelse-2025.pdf"


def test_a_table_inside_a_column_leaves_the_page_two_columns() -> None:
    page = read_pdf(PDF).pages[0]
    assert page.two_columns
    texts = [ln.text for ln in page.lines]
    # the left column's last paragraph is read before the right column's first line
    assert texts.index("verksamheter som når hela kommunen.") < texts.index("tillgänglighetsåtgärder är genomförda.")
    assert "Nämnden har prioriterat barn och unga och" in texts


def test_a_run_in_heading_is_parted_from_its_paragraph() -> None:
    lines = read_pdf(PDF).pages[0].lines
    by_text = {ln.text: ln for ln in lines}
    # (the head's closing full stop set it off from the text running on: no part of the heading)
    assert by_text["biblioteket"].bold
    assert not by_text["Barnboksutlånen ökade med 11"].bold
    assert by_text["Föreningslivet ska ha goda villkor"].bold
    assert by_text["Antalet"].y0 == by_text["Föreningslivet ska ha goda villkor"].y0
    # a whole bold line ending its heading, short of its column's measure, stays as it is
    assert by_text["Konsten ska synas i det offentliga rummet."].bold
