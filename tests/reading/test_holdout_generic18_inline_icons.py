"""holdout-generic18, Järfälla: a "Microsoft Print to PDF"-like delårsrapport whose status and
assessment icons are inline images (in the content stream, no image XObject): ``get_images``
does not list them, so their look is decoded from the text page's own copy."""

from __future__ import annotations

from pathlib import Path

from planparse.reading import read_pdf

PDF = Path(__file__).resolve().parents[2] / "fixtures" / "holdout-generic18" / "delarsrapport" / \
    "jarfalla-sn-delarsrapport-augusti-2026.pdf"


def test_inline_image_icons_have_their_colour() -> None:
    page = read_pdf(PDF).pages[0]
    icons = [im for im in page.images if im.is_icon]
    assert len(icons) == len(page.images) == 17
    # the legend table's first column (goal discs) and third (activity squares)
    legend = [(round(im.bbox[0]), im.color) for im in icons if im.bbox[1] < 340]
    assert legend == [(77, 0x309050), (77, 0xF0B010), (77, 0xD03030),
                      (247, 0x309050), (247, 0x3070D0), (247, 0xD03030), (247, 0x909090)]
