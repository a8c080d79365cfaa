"""A phone photo of a printed report (set 12's Hässleholm delårsrapport: each page a 170 dpi
JPEG of the sheet lying on a table, warped a few degrees and lit unevenly) is made upright and
evenly lit before Tesseract reads it; a flatbed scan's page image is left as it is.

Expected values are read off the document's gold JSON and the page images."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pymupdf
import pytest

import planparse
from planparse.model import Goal, PlanDocument
from planparse.reading import ocr_photo
from planparse.reading.pymupdf_backend import render_gray
from planparse.reading.raster_rules import _pgm

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PHOTO = FIXTURES / "holdout-generic12" / "delarsrapport" / "hassleholm-sn-delarsrapport-augusti-2026-photo-scan.pdf"
FLATBED = FIXTURES / "holdout" / "ange_tertial" / "sundsvall-malavstamning-t1-2025-scan.pdf"


def _page_image(path: Path, page: int) -> bytes:
    with pymupdf.open(path) as doc:
        return render_gray(doc[page - 1], 200)


def test_flatbed_scan_left_as_it_is() -> None:
    image = _page_image(FLATBED, 1)
    assert ocr_photo.flatten_photo(image, 200) is image


def test_photo_made_upright_and_white() -> None:
    """Page 1 of the photo: the sheet's corners are found inside the image (the table shows
    around it); the flattened page is paper-white where the table and the shadow were."""
    image = _page_image(PHOTO, 1)
    pixels = _pgm(image)
    assert pixels is not None
    corners = ocr_photo.sheet_corners(pixels)
    assert corners is not None
    h, w = pixels.shape
    assert (corners[:, 0] > 0.02 * w).all() and (corners[:, 0] < 0.98 * w).all()
    flat = _pgm(ocr_photo.flatten_photo(image, 200))
    assert flat is not None and flat.shape == pixels.shape
    assert pixels[-20:].mean() < 150  # the table below the sheet
    assert np.median(flat[-20:]) == 255 and np.median(flat[h // 2 :, w - 200 :]) == 255


def _goals(goals: list[Goal]) -> list[Goal]:
    return [x for g in goals for x in (g, *_goals(g.children))]


@pytest.fixture(scope="module")
def photo() -> PlanDocument:
    return planparse.parse(PHOTO)


def test_photo_goal_tree(photo: PlanDocument) -> None:
    """Gold: three goal areas, each with its goals; the goal at the foot of page 1 ("Barn och
    unga ska få rätt stöd tidigt", in the photo's dim lower corner) under the first area, and
    the running header ("Hässleholms kommun  Socialnämnden"), at another height on each photo,
    no heading."""
    areas = {g.title: [c.title for c in g.children] for g in photo.goals}
    assert list(areas) == ["Trygg och värdig omsorg", "Arbete och egen försörjning", "Effektiv och hållbar organisation"]
    assert areas["Trygg och värdig omsorg"] == [
        "Fler äldre ska kunna bo kvar hemma med stöd som utgår från individens behov",
        "Barn och unga ska få rätt stöd tidigt",
    ]
    assert not any("kommun" in g.title for g in _goals(photo.goals))
