"""OCR'd text layers and scans of the stress corpus, read and parsed end to end.

The expected titles were read by hand off the page images of the stress PDFs (each item was
checked against the rendered page, not taken from the parser's output)."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.model import PlanDocument
from planparse.reading import read_pdf
from planparse.reading.ocr import word_size

STRESS = Path(__file__).resolve().parents[2] / "fixtures" / "stress"



@pytest.fixture(scope="module")
def kramfors_ocr() -> PlanDocument:
    return planparse.parse(STRESS / "kramfors_vp" / "kramfors_vp-00-docx-ocr.pdf")


@pytest.fixture(scope="module")
def kramfors_scan() -> PlanDocument:
    return planparse.parse(STRESS / "kramfors_vp" / "kramfors_vp-01-html-scan.pdf")


def test_word_sizes_from_boxes_and_letters() -> None:
    """Word boxes (points) of robertsfors_vp-01-docx-scan page 4-5, all body text set in
    9 pt except the 12 pt heading "3.2 GOD EKONOMI": a box's height depends on the letters,
    the size told from it much less."""
    body = [word_size("och", 7.2), word_size("Delår-", 8.3), word_size("årsbokslut", 8.6),
            word_size("Delårsrapport", 10.4), word_size("Uppföljning", 9.4)]
    assert max(body) / min(body) < 1.2
    heading = word_size("EKONOMI", 9.4)
    assert heading > 1.2 * max(body)


def test_ocr_layer_goals_and_their_lists(kramfors_ocr: PlanDocument) -> None:
    """kramfors_vp-00-docx-ocr: an English OCR layer (Tesseract -l eng) over a Word export."""
    titles = [g.title for g in kramfors_ocr.iter_goals()]
    for title in (
        "Vaggeryd kommun har Västernorrlands bästa företagsklimat 2025",
        "Vaggeryd kommun har en god verksamhet med effektiva processer och en ekonomi i balans",
        "Barn och unga i Vaggeryd kommun växer upp tryggt och har en meningsfull fritid",
        "Vaggeryd kommun är en klimatsmart och ekologiskt hållbar kommun.",
        "I Vaggeryd kommun har kvinnor och män samma makt att forma samhället och sina egna liv",
    ):
        assert title in titles
    goal = next(g for g in kramfors_ocr.iter_goals() if g.title.startswith("Barn och unga i Vaggeryd"))
    acts = [a.title for a in goal.activities]
    # "11.Implementera" on the layer: the list number glued to its text
    assert "Implementera programmet för barn och unga." in acts
    assert "Antal besök i simhallen." in [i.name for i in goal.indicators]
    # the running footer ("Kommunstyrelsen - Kommunledningskontoret", read with "~" on one
    # page) does not end the list of assignments across the page break
    goal = next(g for g in kramfors_ocr.iter_goals() if g.title.startswith("Vaggeryd kommun har en god"))
    assert "Utarbeta ett nytt bostadsförsörjningsprogram." in [a.title for a in goal.activities]


def test_scan_goals_and_assignments(kramfors_scan: PlanDocument) -> None:
    """kramfors_vp-01-html-scan: an image-only scan that planparse OCRs itself."""
    goals = {g.title: g for g in kramfors_scan.iter_goals()}
    goal = goals["Nässjö kommuns invånare har inflytande och erbjuds god service av hög kvalitet."]
    acts = [a.title for a in goal.activities]
    # bullets read as "«" and "." are list items; a column of list numbers read as one tall
    # "line" ("Un BB WN") does not end the list
    for title in (
        "Utöka kontaktcentrets uppdrag med fler ärendetyper från samhällsbyggnadsförvaltningen.",
        "Utarbeta en riktlinje för friluftslivet i Nässjö kommun.",
        "Ta fram en plan för medborgardialog inför budget 2027.",
        "Införa e-tjänster för ansökan om föreningsbidrag och bokning av lokaler.",
    ):
        assert title in acts
    assert "Nässjö kommun har Västernorrlands bästa företagsklimat 2025" in goals
    assert "I Nässjö kommun har kvinnor och män samma rättigheter, skyldigheter och möjligheter inom alla områden i livet" in goals


def test_ocr_layer_heading_does_not_swallow_its_label() -> None:
    """robertsfors_vp-00-reportlab-ocr: "3.1 HÅLLBARA KÄVLINGE" and, right under it,
    "Strategimål: Kävlinges kommun ska minska …" (no fonts to tell them apart)."""
    doc = planparse.parse(STRESS / "robertsfors_vp" / "robertsfors_vp-00-reportlab-ocr.pdf")
    goals = {g.title: g for g in doc.iter_goals()}
    assert set(goals) >= {"HÅLLBARA KÄVLINGE", "GOD EKONOMI", "MÖJLIGHETERNAS KÄVLINGE", "ATTRAKTIVA KÄVLINGE"}
    assert (goals["HÅLLBARA KÄVLINGE"].strategic_goal or "").startswith("Kävlinges kommun ska minska sin klimatpåverkan")


def test_ocr_layer_contents_entry_with_a_misread_leader() -> None:
    """ange_uppsikt-00-reportlab-ocr, page 1: the contents entry "1.3 Andelen e-fakturor ska
    öka. …… 3" has its leader read as letters and its page number set apart; it goes with
    the entries around it."""
    doc = read_pdf(STRESS / "ange_uppsikt" / "ange_uppsikt-00-reportlab-ocr.pdf")
    first = [ln.text for ln in doc.pages[0].lines]
    assert not any("e-fakturor" in t for t in first)
    assert any("e-fakturor" in ln.text for ln in doc.pages[0].noise)
    # the goal itself on page 3 is kept, with its bullets read as "•"
    third = [ln.text for ln in doc.pages[2].lines]
    assert "1.3 Andelen e-fakturor ska öka." in third
    assert "• Förbättra näringslivsklimatet. Svenskt Näringslivs sammantagna betyg" in third


def test_scan_contents_entries_without_leaders() -> None:
    """ange_uppsikt-01-docx-scan, page 2: under "Innehållsförteckning" only the first entry
    kept its dot leader through the OCR; the numbered entries after it ("1.1: Kommunens
    kostnader …", "2. Kommunstyrelsens mål") are contents all the same."""
    page = read_pdf(STRESS / "ange_uppsikt" / "ange_uppsikt-01-docx-scan.pdf").pages[1]
    assert page.lines == []
    assert any(ln.text.startswith("2. Kommunstyrelsens mål") for ln in page.noise)


def test_scan_table_rules_from_the_page_image() -> None:
    """ange_uppsikt-01-docx-scan, page 3: three ruled tables (Aktivitet | Status | Startdatum
    | Slutdatum), slightly skewed, with a heading between each. The rules found in the page
    image make them ruled tables, each row its own, as in the Word export."""
    import pymupdf

    from planparse.reading.pymupdf_backend import render_gray
    from planparse.reading.raster_rules import rules

    path = STRESS / "ange_uppsikt" / "ange_uppsikt-01-docx-scan.pdf"
    with pymupdf.open(path) as pdf:
        found = rules(render_gray(pdf[2], 200), 200)
    # five column rules per table, each running down its own table only
    assert len([d for d in found if d.kind == "vline"]) == 15
    assert all(d.bbox[3] - d.bbox[1] < 320 for d in found if d.kind == "vline")
    assert len([d for d in found if d.kind == "hline"]) >= 15

    page = read_pdf(path).pages[2]
    assert len(page.tables) == 3
    first = page.tables[0]
    assert first.header == ["Aktivitet", "Status", "Startdatum", "Slutdatum"]
    body = [r.texts for r in first.rows[1:]]
    assert body[0][0] == "Se över avtal för leasingbilar"
    assert body[0][2:] == ["2026-03-01", "2026-09-30"]
    assert body[1][0] == "Inventera och omförhandla avtal för kommunens leasade personbilar."
    assert body[2][0].startswith("Kommentar: Avbruten efter beslut i kommunstyrelsen")


def test_scan_activities_from_ruled_tables() -> None:
    doc = planparse.parse(STRESS / "ange_uppsikt" / "ange_uppsikt-01-docx-scan.pdf")
    acts = {a.title: a for g in doc.iter_goals() for a in g.activities}
    act = acts["Se över avtal för leasingbilar"]
    assert act.status is not None and act.status.value.value == "cancelled"  # "Struken"
    assert str(act.end_date) == "2026-09-30"
    assert act.description == "Inventera och omförhandla avtal för kommunens leasade personbilar."
    act = acts["Skapa utbildning kring Rehabiliteringsprocessen"]
    assert act.status is not None and act.status.value.value == "not_started"  # "Ej påbörjad"
    assert act.comment == "Utbildning genomförs den 23 augusti."


def test_scan_indicator_names_keep_their_percent_sign() -> None:
    """A scanned tertial report: Tesseract reads the names' "(%)" as "(26)", and a speck far
    right of a name as "u"; the names come back as printed."""
    doc = planparse.parse(STRESS / "ange_tertial" / "ange_tertial-01-reportlab-scan.pdf")
    names = [i.name for g in doc.iter_goals() for i in g.indicators]
    assert "Sjukfrånvaro, procentandel (%)" in names
    assert "Andel medarbetare som nyttjar friskvårdsbidraget (%)" in names
    assert "Korttidssjukfrånvaro, antal tillfällen" in names


def test_scan_heading_levels_without_weight() -> None:
    """A scanned Örebro-style plan: its focus areas are set a point above the body in bold,
    which a scan keeps only as somewhat taller and wider letters; they still come out as
    sibling focus areas (not goals under the larger chapter heading), and a "Mål: …" line
    is its goal's title, not content of the heading above it."""
    doc = planparse.parse(STRESS / "orebro_budget" / "orebro_budget-01-reportlab-scan.pdf")
    top = {g.title: g for g in doc.goals}
    for title in ("Informationshantering, integrering och arkivmyndighet", "Digital utveckling och IT-försörjning",
                  "Intern serviceyta och stöd för verksamhetsutveckling", "Extern serviceyta",
                  "Kommunikation och varumärke"):
        assert top[title].level.value == "focus_area" and not top[title].children
    assert "Kommungemensamma objekt" not in top and "Kommunstyrelsens samlade ekonomi" not in top
    goal = top["Sölvesborg kommun ska vara en attraktiv arbetsgivare"]
    assert goal.level.value == "goal" and len(goal.activities) == 3


def test_ocr_layer_goal_groups_and_a_list_item_without_its_bullet() -> None:
    """ange_uppsikt-00-reportlab-ocr, page 3: the goal groups "Målområde Tillväxt",
    "Målområde Livskvalitet" and "Målområde Barn och Unga" are set alike, but the OCR'd box of
    "Livskvalitet" (no letters above the x-height but "L", "k", "t") is as low as the body's;
    the last goal of "Barn och Unga" lost its bullet in the OCR and stands apart from the item
    above as the items do. Page 2: an activity title wraps in its cell ("Skapa Storytelling
    med temat" / "friskvårdsbidrag") above its description."""
    doc = planparse.parse(STRESS / "ange_uppsikt" / "ange_uppsikt-00-reportlab-ocr.pdf")
    areas = {g.title: [c.title for c in g.children] for g in doc.goals if g.level.value == "goal_area"}
    assert areas["Livskvalitet"] == [
        "Härjedalen kommun ska utveckla arbetet med jämställdhet.",
        "Andelen invånare som känner sig trygga ska öka.",
        "Utbudet av fritidsaktiviteter för barn och unga ska öka.",
    ]
    assert areas["Tillväxt"][-1] == "Antalet arbetstillfällen, räknat som heltid, ska öka."
    assert areas["Barn och Unga"][-2:] == [
        "Andelen niondeklassare som klarar gymnasiebehörighet ska öka.",
        "Utveckla 3 nya platser för utomhusaktiviteter.",
    ]
    goal = next(g for g in doc.iter_goals() if g.number == "1.2")
    act = goal.activities[-1]
    assert act.title == "Skapa Storytelling med temat friskvårdsbidrag"
    assert (act.description or "").startswith("Låta minst fyra medarbetare berätta")
    assert act.status is not None and act.status.value.value == "completed"


def test_ocr_layer_icon_edge_in_a_row_and_a_pipe_after_a_number() -> None:
    """ange_tertial-00-html-ocr, page 3: the activity row "Rusta upp motionsspåret på
    Hallstaberget med ny | ▲ Påbörjad med | 2026-11-30" has its status icon's edge read as
    "—" right before the status column; page 2: "3.3 I Nyköping ska …" with its "I" read
    as "|"."""
    doc = planparse.parse(STRESS / "ange_tertial" / "ange_tertial-00-html-ocr.pdf")
    goals = {g.number: g for g in doc.iter_goals()}
    assert goals["3.3"].title == "I Nyköping ska det finnas trygga och attraktiva boendemiljöer i hela kommunen."
    act = goals["3.3.1"].activities[0]
    assert act.title == "Rusta upp motionsspåret på Hallstaberget med ny belysning och nya skyltar"
    assert act.status is not None and act.status.value.value == "in_progress_deviation"


def test_ocr_layer_prose_opening_with_goal_words_is_no_heading(kramfors_ocr: PlanDocument) -> None:
    """kramfors_vp-00-docx-ocr, page 5: "Kommunfullmäktiges mål gäller för hela
    mandatperioden. Under varje mål anges de" is a line of prose, not a goal group: the goals
    "Mål 1" … "Mål 10" below it stay at the top."""
    top = [g.title for g in kramfors_ocr.goals]
    assert not any(t.startswith("Kommunfullmäktiges mål gäller") for t in top)
    assert "Vaggeryd kommun har Västernorrlands bästa företagsklimat 2025" in top


def test_scan_activity_table_with_specks_in_header_and_cells() -> None:
    """ange_tertial-01-reportlab-scan, page 4: the header "Status" read as "Status fä" (a
    speck beside it) still names the status column; page 2: end dates read with a table rule
    ("| 2026-11-30"); page 3: "följt av. dialog" has a speck read as a stop."""
    doc = planparse.parse(STRESS / "ange_tertial" / "ange_tertial-01-reportlab-scan.pdf")
    acts = {a.title: a for g in doc.iter_goals() for a in g.activities}
    for title, status in (
        ("Installera laddstolpar vid kommunhuset", "completed"),
        ("Byta ut fem fossildrivna bilar i bilpoolen mot elbilar", "in_progress_deviation"),
    ):
        assert acts[title].status is not None and acts[title].status.value.value == status
    rusta = acts["Rusta upp motionsspåret på Hallstaberget med ny belysning och nya skyltar"]
    assert rusta.end_date is not None and rusta.end_date.isoformat() == "2026-11-30"
    assert "Utbildningsinsats inom hot och våld, följt av dialog och utvecklingsarbete på arbetsplatsträffar" in acts


def test_scan_indicator_names_broken_in_narrow_cells() -> None:
    """robertsfors_vp-01-docx-scan: indicator names broken where their narrow cell ends,
    "bostadsetablerin" / "gar" (page 6) and, under the header repeated on the next page,
    "pensionsåtagand" (page 5) / "en" (page 6): one word each."""
    doc = planparse.parse(STRESS / "robertsfors_vp" / "robertsfors_vp-01-docx-scan.pdf")
    names = {i.name for g in doc.iter_goals() for o in (g, *g.activities) for i in o.indicators}
    assert "En framtagen webbplats för bostadsetableringar" in names
    assert "Soliditet inklusive pensionsåtaganden" in names
    assert not any(n.endswith((" gar", " en")) for n in names)


def test_scan_percent_sign_inside_an_indicator_name(kramfors_scan: PlanDocument) -> None:
    """kramfors_vp-01-html-scan, page 2: "Sjukfrånvaro i % av arbetstid." and "Upprepad
    korttidsfrånvaro i % av den totala sjukfrånvaron." with their "%" read as "96", "26"."""
    names = {i.name for g in kramfors_scan.iter_goals() for o in (g, *g.activities) for i in o.indicators}
    assert "Sjukfrånvaro i % av arbetstid." in names
    assert "Upprepad korttidsfrånvaro i % av den totala sjukfrånvaron." in names
