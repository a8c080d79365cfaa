"""Rules mended after the eighth families set was scored (stop 43): an OCR'd page in two
columns of headed lists, a table's two-row header band read again, a rule read as one
stretched word, a contents entry whose leader and page number an OCR read as letters.
Each test fails without its rule."""

from __future__ import annotations

from typing import Any

from tests.layouts.holdout import HoldoutSet, all_goals

FAMILIES8 = HoldoutSet("holdout-families8")


def _goals(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return [(g["level"], g["title"]) for g in all_goals(doc)]


def test_an_ocr_page_of_headed_lists_in_two_columns_is_read_column_by_column() -> None:
    """Vårgårda (English-OCR'd layer): "Mål inom målområde Hållbar utveckling" and "Mål inom
    målområde Attraktiv / arbetsgivare" head bulleted goal lists side by side; the right
    column's headings start 18 pt left of its list text and the page is too short to be
    running text, so the two columns were read as one and every goal there was garbled.
    The heading's wrapped "arbetsgivare" (lower case, its OCR'd box set low) is the title's."""
    rel = "ange_uppsikt/vargarda-uppsiktsrapport-2027-ocr"
    doc, gold = FAMILIES8.parsed(rel), FAMILIES8.gold(rel)
    assert _goals(doc) == _goals(gold)
    assert ("goal_area", "Attraktiv arbetsgivare") in _goals(doc)
    # the list's last bullet, read as "_*", is a bullet: two goals, not one
    assert ("goal", "Städytan per lokalvårdare ska följas upp varje år") in _goals(doc)


def test_a_two_row_header_band_is_read_again_row_by_row() -> None:
    """Perstorp (OCR'd layer): the investment table's dark header band holds two text rows
    ("Investeringsprojekt," over "tkr") and was found twice, overlapping; its re-reading put
    "tkr" before the label and read the years as "|2227 |2222", so no investment was read.
    Under the budget table's header a rule read as "ENE" across the table kept the unit row
    ("tkr") from replacing it and parted the header from the rows."""
    rel = "kramfors_vp/perstorp-verksamhetsplan-2027-ocr"
    doc, gold = FAMILIES8.parsed(rel), FAMILIES8.gold(rel)
    assert [i["name"] for i in doc["investments"]] == [i["name"] for i in gold["investments"]]
    assert [b["name"] for b in doc["budget"]] == [b["name"] for b in gold["budget"]]
    # the unit row read "tkr tkr" for three columns: the one left blank has the others' unit
    assert {v["unit"] for b in doc["budget"] for v in b["values"]} == {"tkr"}


def test_a_numbered_heading_under_an_ocr_table_is_no_row_of_it() -> None:
    """Perstorp: "5.2 Riskanalys", read "5.2 ebetaibdl,", set apart under the internal-control
    table was taken for the wrapped rest of its last control point."""
    rel = "kramfors_vp/perstorp-verksamhetsplan-2027-ocr"
    doc, gold = FAMILIES8.parsed(rel), FAMILIES8.gold(rel)
    assert [c["process"] for c in doc["controls"]] == [c["process"] for c in gold["controls"]]


def test_a_contents_entry_whose_leader_and_page_number_were_read_as_letters_is_no_content() -> None:
    """Eda (OCR'd layer): the contents' last entry "Uppdrag 3.3.1 ....... 7" came out as
    "Uppdrag 3:3. ee es Ta eae eee SEA i." and was read as an activity under the cover's
    title, which became a goal."""
    rel = "robertsfors_vp/eda-verksamhetsplan-2027-ocr"
    doc, gold = FAMILIES8.parsed(rel), FAMILIES8.gold(rel)
    assert _goals(doc) == _goals(gold)
