"""holdout-families7: the five families from hand-written content streams with tab-stop
tables (pikepdf-tabstop) and decomposed text (pymupdf-nfd), their English-OCR'd copies and
scans. Each test names the rule it holds and fails without it."""

from __future__ import annotations

from typing import Any

from planparse.layouts.typography import body_of
from tests.layouts.holdout import HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-families7")


def _indicators(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every indicator of the tree, its goals' and their activities', by name."""
    owners = [*all_goals(doc), *(a for g in all_goals(doc) for a in g["activities"])]
    return {i["name"]: i for o in owners for i in o.get("indicators", [])}


def test_body_size_is_the_prose_where_tables_in_smaller_type_hold_as_much_text() -> None:
    assert body_of({9.0: 1630, 10.0: 1439, 11.0: 192}) == 10.0
    assert body_of({10.0: 7516, 11.0: 1226, 7.5: 1027}) == 10.0
    assert body_of({9.0: 1630, 10.0: 600}) == 9.0  # headings' size, far fewer characters: no body


def test_tab_stop_tables_in_smaller_type_leave_the_prose_above_them_no_heading() -> None:
    """Bengtsfors: 10 pt prose, 9 pt tab-stop activity tables with as much text; the comment's
    last line above each table was taken for a heading (ranked over a 9 pt body)."""
    rel = "ange_tertial/bengtsfors-malavstamning-2026-t2"
    doc, gold = DOCS.parsed(rel), DOCS.gold(rel)
    assert [(g["number"], g["title"], (g["assessment"] or {}).get("value")) for g in all_goals(doc)] == \
        [(g["number"], g["title"], (g["assessment"] or {}).get("value")) for g in all_goals(gold)]


def test_an_ocr_dash_pair_after_the_goal_number_is_no_part_of_the_title() -> None:
    """Årjäng (OCR'd): "3.3 Mal 3 —- Kommunens klimatpåverkan ska minska"."""
    titles = [g["title"] for g in all_goals(DOCS.parsed("kramfors_vp/arjang-verksamhetsplan-2027-ocr"))]
    assert "Kommunens klimatpåverkan ska minska" in titles
    assert not [t for t in titles if t.startswith(("-", "—"))]


def test_an_ocr_read_tot_k_m_header_and_group_letters_still_group_the_rows() -> None:
    """Skurup (OCR'd): the header "Tot K/M" read as "Tot KIM", the group letters as "Kee"
    and "OM": the K and M rows are still the women's and men's values of the Tot row above."""
    found = _indicators(DOCS.parsed("orebro_budget/skurup-plan-budget-2027-ocr"))
    values = [(v["group"], v["raw"]) for v in found["Sjukfrånvaro, procent"]["values"]]
    assert values == [("total", "7,4"), ("total", "7,1"), ("total", "Minska"),
                      ("women", "8,3"), ("women", "7,9"), ("men", "4,6"), ("men", "4,4")]
    assert ("men", "8,7") in [(v["group"], v["raw"]) for v in found["Personalomsättning, procent"]["values"]]


def test_a_capitalised_word_set_where_its_column_starts_is_a_cell_not_a_sentence() -> None:
    """Svenljunga (OCR'd): "Lupp-undersökningen,  Andel" three points apart either side of the
    Mått column's start; the row at a page's top was read as one sentence."""
    found = _indicators(DOCS.parsed("robertsfors_vp/svenljunga-verksamhetsplan-2027-ocr"))
    row = found["Andel unga som deltar i fritidsaktiviteter"]
    assert (row["unit"], [v["raw"] for v in row["values"]]) == ("Andel", ["61"])
    assert row["source"].startswith("Lupp-undersökningen")


def test_a_scans_column_of_page_numbers_read_as_letters_ends_no_contents_page() -> None:
    """Storfors (scan): the contents' page numbers OCR'd as "NNNOÖOÖAAB…" at the right
    margin; the entries under it were read as goals."""
    titles = [g["title"] for g in all_goals(DOCS.parsed("kramfors_vp/storfors-verksamhetsplan-2028-scan"))]
    assert not {"Investeringsbudget", "Riskvärdering"} & set(titles)
    assert len(titles) == 3


def test_a_chapter_title_in_capitals_wraps_onto_a_line_that_opens_with_goal_words() -> None:
    """Åmål (OCR'd): "4 REDOVISNING AV … KOMMUNFULLMÄKTIGES" / "VERKSAMHETSMÅL FÖR GOD
    EKONOMISK HUSHÅLLNING" is one chapter title, no goal."""
    doc = DOCS.parsed("ange_tertial/amal-malavstamning-2027-t1-ocr")
    assert not [g for g in all_goals(doc) if "HUSHÅLLNING" in g["title"].upper()]
    assert [g["number"] for g in doc["goals"]] == [g["number"] for g in DOCS.gold("ange_tertial/amal-malavstamning-2027-t1-ocr")["goals"]]


def test_a_comment_label_in_an_ocr_d_activity_table_is_a_row_however_large_its_box() -> None:
    """Sotenäs (scan): "Kommentar" OCR'd in a box half again as tall as the text (read as a
    heading) ended the activity table; the next activity went into the comment."""
    doc = DOCS.parsed("ange_tertial/sotenas-malavstamning-2025-t3-scan")
    acts = {a["title"]: a for g in all_goals(doc) for a in g["activities"]}
    act = acts["Genomföra hälsoprofiler för alla medarbetare"]
    assert (act["status"]["value"], act["end_date"]) == ("in_progress", "2025-12-31")
    assert "Genomföra" not in (acts["Erbjuda flexibla arbetstider i hemtjänsten"]["comment"] or "")
