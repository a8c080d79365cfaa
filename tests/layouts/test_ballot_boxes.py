"""Statuses given by a ballot box in the status cell (holdout-generic15's Mjölby årsbokslut:
☑ / ☐ / ☒ under a key "Status för aktiviteterna: ☑ Avslutad ☐ Ej påbörjad ☒ Avbruten")."""

from __future__ import annotations

from planparse.layouts import ballot_boxes, parse_document
from planparse.model import StatusValue, activities_in
from planparse.reading import read_pdf
from tests.layouts.holdout import FIXTURES, HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic15")
MJOLBY = "arsbokslut/mjolby-tn-arsbokslut-2025"


def _statuses(doc: dict) -> list[tuple[str, str | None, str | None]]:
    return [(a["title"], (a.get("status") or {}).get("value"), (a.get("status") or {}).get("raw"))
            for g in all_goals(doc) for a in g["activities"]]  # fmt: skip


def test_each_box_gives_the_status_its_key_names() -> None:
    got, want = _statuses(DOCS.parsed(MJOLBY)), _statuses(DOCS.gold(MJOLBY))
    assert len(want) == 8 and {v for _, v, _ in want} == {"completed", "not_started", "cancelled"}
    assert got == want


def test_the_key_is_read_from_its_line() -> None:
    doc = read_pdf(FIXTURES / "holdout-generic15" / f"{MJOLBY}.pdf")
    assert ballot_boxes.key(doc) == {"☑": (StatusValue.completed, None), "☐": (StatusValue.not_started, None),
                                     "☒": (StatusValue.cancelled, None)}


def test_without_a_key_a_ticked_box_is_done_an_empty_one_not_started_and_a_cross_nothing() -> None:
    doc = read_pdf(FIXTURES / "holdout-generic15" / f"{MJOLBY}.pdf")
    for page in doc.pages:  # the key's line taken out
        page.lines = [ln for ln in page.lines if sum(ch in ln.text for ch in ballot_boxes.BOXES) < 2]
    assert ballot_boxes.key(doc) == {}
    acts = list(activities_in(parse_document(doc).goals))
    by_box = {a.status.raw if a.status else None: a.status.value if a.status else None for a in acts}
    assert by_box == {"☑": StatusValue.completed, "☐": StatusValue.not_started, None: None}
    assert sum(a.status is None for a in acts) == 1  # the one crossed box


def test_a_filled_in_row_of_choices_names_the_ticked_one() -> None:
    """holdout-generic66: "☐ Ej påbörjad ☒ Pågår ☐ Försenad" under an activity is its status, not
    a key of the marks; a blank form's row says nothing; a key names a different mark each."""
    assert ballot_boxes.checked_choice("☐ Ej påbörjad ☒ Pågår ☐ Försenad ☐ Avslutad") == "Pågår"
    assert ballot_boxes.checked_choice("Status för nämndmålet: ☐ Uppfyllt ☒ Delvis uppfyllt ☐ Ej uppfyllt") == "Delvis uppfyllt"
    assert ballot_boxes.checked_choice("☐ Ej påbörjad ☐ Pågår ☐ Klar") == ""
    assert ballot_boxes.checked_choice("Status: ☑ Avslutad ☐ Ej påbörjad ☒ Avbruten") is None
    assert ballot_boxes.checked_choice("☑ = Klar ☐ = Ej påbörjad ☒ = Avbruten") is None
    assert ballot_boxes.checked_choice("☑ Meröppet bibliotek") is None
