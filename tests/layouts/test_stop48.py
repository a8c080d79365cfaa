"""Rules mended at stop 48, first on the holdout-generic27 documents that scored 0 before (a
slide deck, a magazine layout, a control plan beside a risk heat map). Each test fails without
its rule."""

from __future__ import annotations

from typing import Any

from planparse.reading import read_pdf
from planparse.reading.paragraphs import paragraphs
from tests.layouts.holdout import HoldoutSet, all_goals

GENERIC25 = HoldoutSet("holdout-generic25")
GENERIC27 = HoldoutSet("holdout-generic27")


def _tree(doc: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(g["title"], [a["title"] for a in g["activities"]]) for g in all_goals(doc)]


def test_a_slide_title_beside_its_traffic_light_is_an_assessed_goal() -> None:
    """Region Värmland's slide deck: a bold title (wrapping) per slide, a drawn traffic light at
    the slide's top right, bullets under it; a legend slide of three lamps and the sentences
    "Målet bedöms (delvis/inte) uppnås" is no goal."""
    doc = GENERIC27.parsed("tertialrapport/region-varmland-kun-tertialuppfoljning-1-2026")
    goals = all_goals(doc)
    assert [(g["title"], (g["assessment"] or {}).get("value")) for g in goals] == [
        ("Fler värmlänningar ska ta del av professionell scenkonst", "partially_fulfilled"),
        ("Barn och unga ska ha eget skapande i hela länet", "fulfilled"),
        ("Länets kulturarv ska bevaras och göras tillgängligt", "not_fulfilled"),
        ("Kulturskapare ska kunna leva på sitt arbete i Värmland", "fulfilled"),
    ]
    assert goals[0]["assessment"]["source"] == "icon"
    assert [a["title"] for a in goals[1]["activities"]] == [
        "Kulturskolesamverkan med Arvika och Torsby", "Sommarläger i film på Alstersgården"]


def test_a_side_box_is_read_before_the_text_beside_it() -> None:
    """Örebro KFN, laid out like a magazine: "Mål 1" and its title in a shaded box at the left,
    the goal's text and "Det här gör vi 2026" with its drawn bullets beside it."""
    path = GENERIC27.pdf("verksamhetsplan/orebro-kfn-verksamhetsplan-2026")
    texts = [ln.text for ln in read_pdf(path).pages[0].lines]
    first = texts.index("Mål 1")
    assert texts[first:first + 4] == ["Mål 1", "Fler unga ska hitta en", "fritid som passar dem",
                                      "Under året riktar nämnden sina satsningar till de stadsdelar"]
    doc = GENERIC27.parsed("verksamhetsplan/orebro-kfn-verksamhetsplan-2026")
    assert _tree(doc)[0] == ("Fler unga ska hitta en fritid som passar dem", [
        "Öppna en ny mötesplats för unga i Vivalla", "Erbjuda prova-på-veckor i tio idrotter under sportlovet",
        "Anställa två fritidsledare med inriktning på e-sport"])
    assert all_goals(doc)[0]["description"].startswith("Under året riktar nämnden")


def test_a_line_back_up_the_page_in_another_style_starts_a_paragraph() -> None:
    path = GENERIC27.pdf("verksamhetsplan/orebro-kfn-verksamhetsplan-2026")
    lines = read_pdf(path).pages[0].lines
    first = next(k for k, ln in enumerate(lines) if ln.text == "Fler unga ska hitta en")
    assert paragraphs(lines[first:first + 4])[0] == "Fler unga ska hitta en fritid som passar dem"


def test_a_control_plan_without_group_rows_takes_its_check_as_the_process() -> None:
    """Linköping BIN: "Risk | Kontrollmoment | Metod | Frekvens | Ansvarig", no process column and
    no group rows: the check is the process, "Metod" the method."""
    doc = GENERIC27.parsed("internkontrollplan/linkoping-bin-internkontrollplan-2026")
    first = doc["controls"][0]
    assert (first["process"], first["risk"], first["method"]) == (
        "Stickprov på tiden från anmälan till utredning av särskilt stöd",
        "Elever med behov av särskilt stöd får inte stöd i tid", "Stickprov, 20 ärenden")


def test_a_forms_status_boxes_belong_to_the_rows_they_stand_beside() -> None:
    """Falun's delårsrapport: each activity's status is a drop-down field's value in a shaded box
    at the row's right end; stacked boxes read as a one-column table, a lone box as a line."""
    doc = GENERIC25.parsed("delarsrapport/falun-ks-delarsrapport-2-2026-formular")
    statuses = [(a["title"], a["status"]["value"]) for g in all_goals(doc) for a in g["activities"]]
    assert statuses[3] == ("Snabbare handläggning av bygglov", "in_progress_deviation")
    assert statuses[-1] == ("Tidiga samtal vid upprepad korttidsfrånvaro", "in_progress")
    assert [s for _, s in statuses].count("completed") == 2


def test_a_header_repeated_under_a_goal_row_is_no_indicator() -> None:
    """Region Västernorrland's styrkort: a second goal of a perspective as a full-width row inside
    the table, its own "Indikator | Målvärde 2026 | Utfall T2 2026 | Trend" header under it."""
    doc = GENERIC25.parsed("tertialrapport/region-vasternorrland-rs-styrkort-t2-2026-pilikoner")
    names = [i["name"] for g in all_goals(doc) for i in g["indicators"]]
    assert "Indikator" not in names and "Antal besök på länsmuseet" in names


GENERIC29 = HoldoutSet("holdout-generic29")


def test_goals_that_wrap_with_a_hanging_indent_over_vi_gor_sa_har() -> None:
    """Region Jönköping's folkhälsa plan: numbered goals of four lines, wrapped under a hanging
    indent, each over "Vi gör så här:" and a 1) 2) 3) list of activities."""
    doc = GENERIC29.parsed("handlingsplan/region-jonkoping-nfs-handlingsplan-folkhalsa-2026")
    tree = _tree(doc)
    assert len(tree) == 3 and tree[2][0].endswith("undernäring och ensamhet ska minska i hela länet")
    assert tree[1][1][3] == "Sprida metoden tobaksfri arbetstid till länets tolv kommuner"


def test_a_beamer_deck_its_blocks_bullets_and_footline() -> None:
    """Kristianstad's beamer deck: blue triangle bullets (pictures) are bullets, not "completed"
    statuses; the "Bedömning" block is a labelled assessment (not where the block's rounded side,
    drawn as a sliver, cuts "Ej" from "uppfyllt"); the footline of three shaded boxes on every slide
    is no indicator table."""
    doc = GENERIC29.parsed("tertialrapport/kristianstad-msn-tertialuppfoljning-2-2026-beamer")
    goals = all_goals(doc)
    values = [(g["assessment"] or {}).get("value") for g in goals]
    assert (values[0], values[1], values[3]) == ("partially_fulfilled", "fulfilled", "partially_fulfilled")
    assert [a["status"] for g in goals for a in g["activities"]] == [None] * 9
    assert not [i for g in goals for i in g["indicators"]]
    assert goals[0]["activities"][1]["title"] == "Införa digitala kontrollrapporter i fält"


GENERIC28 = HoldoutSet("holdout-generic28")


def test_outline_marked_goals_with_lists_under_them() -> None:
    """Västerås KIFN (Chromium list markers): "I." goals over "a)" sub-goals, each sub-goal's
    dash list what is done for it; the goal words' paragraph before "I." is their lead-in."""
    doc = GENERIC28.parsed("verksamhetsplan/vasteras-kifn-verksamhetsplan-2027")
    tree = [(g["number"], g["title"], [c["number"] for c in g["children"]]) for g in doc["goals"]]
    assert tree == [("I", "Fler västeråsare ska ta del av kulturlivet", ["a", "b"]),
                    ("II", "Barn och unga ska ha en aktiv fritid", ["a", "b"]),
                    ("III", "Idrottsanläggningarna ska vara tillgängliga och hållbara", ["a"])]
    assert [a["title"] for a in doc["goals"][1]["children"][1]["activities"]] == [
        "Öppna Hammarby fritidsgård på fredagskvällar", "Anställa två fritidsledare med inriktning på e-sport"]


def test_assessment_sentences_between_paragraphs_are_no_legend() -> None:
    """Sala (two columns): each goal's "Målet bedöms som … uppfyllt." after its paragraph, three
    values on a page at one margin: the goals' assessments, not a legend's entries."""
    doc = HoldoutSet("holdout-generic8").parsed("verksamhetsberattelse/sala-tn-verksamhetsberattelse-2025")
    assert "Matsvinnet i skolrestaurangerna ska minska" in [g["title"] for g in all_goals(doc)]


def test_footnote_marks_typed_after_titles_are_no_part_of_them() -> None:
    """Jönköping's socialnämnd: "… stabil skolgång¹", "… vara kort*" with "¹ Med placerade barn
    avses …" and "* Målet är gemensamt …" at the page's foot; the goal words' paragraph ("Nämnden
    har fyra mål för året.") is the lead-in to the goal headings, no goal."""
    doc = GENERIC28.parsed("namndplan/jonkoping-socialnamnden-namndplan-2027")
    assert [g["title"] for g in all_goals(doc)] == [
        "Barn i familjehem ska ha en stabil skolgång", "Fler personer med missbruk ska erbjudas vård i öppna former",
        "Våld i nära relationer ska upptäckas tidigare", "Handläggningstiden för försörjningsstöd ska vara kort"]


FAMILIES16 = HoldoutSet("holdout-families16")
FAMILIES17 = HoldoutSet("holdout-families17")


def test_a_microfilm_negative_is_read_as_printed() -> None:
    """Vindeln's uppsiktsrapport copied from microfilm: white type on black, image only."""
    doc = FAMILIES17.parsed("ange_uppsikt/vindeln-uppsiktsrapport-2028-scan")
    gold = FAMILIES17.gold("ange_uppsikt/vindeln-uppsiktsrapport-2028-scan")
    assert {g["title"] for g in all_goals(doc)} == {g["title"] for g in all_goals(gold)}
    assert len(all_goals(doc)) >= 3


def test_a_spreadsheets_activity_list_with_goal_rows_and_its_title_in_the_metadata() -> None:
    """Jönköping's tekniska nämnd (LibreOffice Calc): one table, "Nr | Aktivitet | Ansvarig enhet |
    Klar senast | Status", merged rows "Mål 1: …" over each goal's rows; no text outside the
    table, the title only in the file's metadata."""
    doc = GENERIC28.parsed("aktivitetslista/jonkoping-tn-aktivitetslista-2027")
    assert (doc["title"], doc["organ"]) == ("Aktivitetslista 2027", "Tekniska nämnden")
    assert [(g["number"], len(g["activities"])) for g in doc["goals"]] == [("1", 8), ("2", 7), ("3", 7), ("4", 6)]
    first = doc["goals"][0]["activities"][1]
    assert (first["number"], first["status"]["value"], first["end_date"]) == ("1.2", "completed", "2027-03-31")


def test_a_quality_reports_tables_with_the_goal_after_the_situation() -> None:
    """Gottsundaskolan: one table an area, "Nuläge | Mål | Insatser | Uppföljning", the goal in
    the Mål cell and its activities as bullets in the Insatser cell."""
    doc = GENERIC28.parsed("kvalitetsrapport/uppsala-gottsundaskolan-kvalitetsrapport-2025-2026")
    areas = doc["goals"]
    assert [a["title"] for a in areas] == ["Kunskaper och bedömning", "Trygghet och studiero", "Elevernas delaktighet"]
    assert _tree({"goals": areas[1]["children"]}) == [("Eleverna ska uppleva studiero på lektionerna", [
        "Gemensamma lektionsstarter i alla klassrum", "Rastvärdar på skolgården under lunchrasten"])]


def test_a_caption_naming_a_goal_hands_it_the_table_under_it() -> None:
    """Region Jönköping's delårsrapport: the goals on page 1, their indicator tables on landscape
    pages (/Rotate 90) under "Tabell 1. Indikatorer för målet invånarna ska ha …"."""
    doc = GENERIC29.parsed("delarsrapport/region-jonkoping-rs-delarsrapport-2-2026-liggande")
    assert [(g["number"], len(g["indicators"])) for g in doc["goals"]] == [("1", 3), ("2", 2), ("3", 3)]


def test_bullets_drawn_as_dark_polygons_lead_list_items() -> None:
    """Lycksele's verksamhetsplan (borb): each "Nyckeltal kopplade till målet" item after a black
    disc drawn as a closed path of sixteen lines."""
    doc = FAMILIES17.parsed("kramfors_vp/lycksele-verksamhetsplan-2027")
    names = [i["name"] for g in all_goals(doc) for i in g["indicators"]]
    assert "Antal trafikolyckor på kommunala gator." in names and len(names) == 7


def test_an_ocr_layer_that_ran_its_words_together_is_read_anew() -> None:
    """Mora's målavstämning (yellow highlighter, an English OCR layer without word spaces:
    "byggaklartcykelledenmellanbyarnalangssjon"): a Swedish reading finds a third more words."""
    doc = FAMILIES16.parsed("ange_tertial/mora-malavstamning-2027-t1-ocr")
    titles = [a["title"] for g in all_goals(doc) for a in g["activities"]]
    assert "Bygga klart cykelleden mellan byarna längs sjön" in titles


def test_an_ocr_layer_word_the_reference_reads_as_words_and_an_introduction_is_no_area() -> None:
    """Region Gotland (an English OCR layer over a "Mål | Aktiviteter" table): the layer's
    "vardiratt" is the Swedish reading's "vård i rätt"; "Inledning" over the table groups nothing."""
    doc = GENERIC29.parsed("verksamhetsplan/region-gotland-hsn-verksamhetsplan-2026-ocr")
    assert [g["title"] for g in doc["goals"]] == [
        "Patienterna ska få vård i rätt tid", "Vården ska vara jämlik över hela ön", "Medarbetarna ska vilja stanna och utvecklas"]


def test_a_note_in_smaller_type_under_a_list_is_no_part_of_its_last_item() -> None:
    """Karlstad BUN: "Nämndens bedömning av förutsättningarna görs i delårsrapporten." in 7.5 pt
    right under each goal's dash list in 9.5 pt."""
    doc = GENERIC29.parsed("verksamhetsplan/karlstad-bun-verksamhetsplan-2026")
    titles = [a["title"] for g in all_goals(doc) for a in g["activities"]]
    assert "Utöka studiehandledningen på modersmål" in titles and not [t for t in titles if "bedömning" in t]


def test_a_measures_values_on_lines_of_their_own() -> None:
    """Norrköping VON: each nämndmål over "Mått: …", "Målvärde 2027: 95 %", "Utfall 2026: 88 %";
    the goals, after "Nämndmål" and its paragraph on measures, are all of that level."""
    doc = GENERIC28.parsed("plan_och_budget/norrkoping-von-mal-och-budget-2027")
    assert [g["level"] for g in doc["goals"]] == ["goal", "goal", "goal"]
    first = doc["goals"][0]["indicators"][0]
    assert [(v["kind"], v["year"], v["value"]) for v in first["values"]] == [("target", 2027, 95), ("outcome", 2026, 88)]


def test_a_scanned_form_with_crosses_in_status_columns() -> None:
    """Region Blekinge: "Aktivitet | Klar | Pågår | Ej påbörjad" filled in by pen and scanned;
    the OCR reads the crosses as "X", "xx", "<<", "><"; the headings over the tables state goals."""
    doc = GENERIC28.parsed("tertialrapport/region-blekinge-rs-tertialuppfoljning-2-2026-ifylld-scan")
    assert [g["level"] for g in doc["goals"]] == ["goal", "goal", "goal"]
    assert [(a["status"] or {}).get("value") for g in doc["goals"] for a in g["activities"]] == [
        "completed", "in_progress", "not_started", "completed", "in_progress", "in_progress", "completed", "not_started"]


def test_a_strategy_map_grid_of_perspectives_and_goals() -> None:
    """Region Stockholm's målkarta (A3 landscape): a row of boxes per perspective, its name and
    its goals side by side, read as one table without a header."""
    doc = GENERIC28.parsed("verksamhetsplan/region-stockholm-hsn-malkarta-2027")
    assert [(a["title"], len(a["children"])) for a in doc["goals"]] == [
        ("Invånare och patienter", 3), ("Verksamhetsprocesser", 2), ("Medarbetare", 2), ("Ekonomi", 1)]


GENERIC30 = HoldoutSet("holdout-generic30")


def test_an_lso_programmes_safety_and_performance_goals() -> None:
    """Räddningstjänsten Syd's handlingsprogram: "Säkerhetsmål 1: …" over "Prestationsmål 1.1: …",
    under a chapter "Mål för verksamheten" that is no goal itself."""
    doc = GENERIC30.parsed("handlingsprogram/rsyd-handlingsprogram-lso-2026-2029")
    assert [(g["number"], g["level"], [c["number"] for c in g["children"]]) for g in doc["goals"]] == [
        ("1", "goal", ["1.1", "1.2"]), ("2", "goal", ["2.1", "2.2"])]


GENERIC31 = HoldoutSet("holdout-generic31")


def test_a_numbered_goal_tree_of_statements_alone_is_kept() -> None:
    """Trollhättan's grundskola (Writer list numbering 1 / 1.1 / 1.1.1): goals with no activities
    or indicators under "Mål för grundskolan", which names the chapter."""
    doc = GENERIC31.parsed("verksamhetsplan/trollhattan-un-grundskolan-verksamhetsplan-2026")
    assert [g["number"] for g in doc["goals"]] == ["1", "2", "3"]
    assert [c["number"] for c in doc["goals"][0]["children"][0]["children"]] == ["1.1.1", "1.1.2"]


def test_a_grant_report_is_no_plan() -> None:
    """A konstförening's "Redovisning av verksamhetsbidrag 2025" (English OCR layer): "Föreningens
    mål" and its bullets, a money table of the grant: no goal tree, no budget."""
    doc = GENERIC31.parsed("other/trollhattan-kfn-konstforeningen-redovisning-bidrag-2025-ocr")
    assert doc["goals"] == [] and doc["budget"] == []


def test_goal_rows_of_an_activity_table_and_crosses_under_rotated_headers() -> None:
    """Region Uppsala (a Calc sheet): "Mål och aktivitet | Ansvarig | Klar | Pågår | Försenad | Ej
    påbörjad", each goal a row with its first cell alone, an X in one status column a row."""
    doc = GENERIC31.parsed("tertialrapport/region-uppsala-kbn-tertialrapport-1-2026")
    assert [len(g["activities"]) for g in doc["goals"]] == [3, 2, 2]
    assert [(a["status"] or {}).get("value") for a in doc["goals"][1]["activities"]] == ["in_progress", "not_started"]


def test_indicator_tables_with_their_years_down_the_first_column() -> None:
    """Ronneby's kvalitetsredovisning: "År | Meritvärde åk 9 | Behörighet yrkesprogram % | …" over
    rows "2023", "2024", "2025", "Mål 2025", under headings that state goals ("Närvaron ska öka")."""
    doc = GENERIC31.parsed("kvalitetsredovisning/ronneby-un-kvalitetsredovisning-2025")
    assert [len(g["indicators"]) for g in doc["goals"]] == [3, 2, 3]
    first = doc["goals"][0]["indicators"][0]
    assert (first["name"], [(v["kind"], v["year"], v["value"]) for v in first["values"]][-2:]) == (
        "Meritvärde åk 9", [("outcome", 2025, 221.0), ("target", 2025, 225.0)])


def test_goals_numbered_by_emoji_keycaps() -> None:
    """Östersund's näringslivsprogram: "1️⃣ Fler företag ska starta …" over "Så gör vi" and its items."""
    doc = GENERIC30.parsed("naringslivsprogram/ostersund-ks-naringslivsprogram-2026-2028")
    assert [(g["number"], len(g["activities"])) for g in doc["goals"]] == [("1", 2), ("2", 2), ("3", 1), ("4", 2)]


def test_goals_a_decision_adopts() -> None:
    """Skellefteå's protokollsutdrag: "Kommunfullmäktige beslutar att 1. fastställa följande
    övergripande mål …:" over five numbered goals ending in "," and ";"."""
    doc = GENERIC31.parsed("protokoll/skelleftea-kf-protokollsutdrag-overgripande-mal-2027-2030")
    assert [(g["number"], g["title"]) for g in doc["goals"]][-1] == (
        "5", "Sjukfrånvaron bland kommunens anställda ska understiga 6 procent")
    assert len(doc["goals"]) == 5


FAMILIES18 = HoldoutSet("holdout-families18")


def test_a_plan_printed_from_a_spreadsheet_with_its_gridlines() -> None:
    """Överkalix's and Övertorneå's plans kept in LibreOffice Calc: every heading, paragraph,
    label and value a merged cell of one ruled grid, list bullets and numbers in cells of their own,
    the indicator tables rows of several cells among them."""
    doc = FAMILIES18.parsed("robertsfors_vp/overkalix-verksamhetsplan-2028")
    gold = FAMILIES18.gold("robertsfors_vp/overkalix-verksamhetsplan-2028")
    assert [g["title"] for g in all_goals(doc)] == [g["title"] for g in all_goals(gold)]
    acts = [a for g in all_goals(doc) for a in g["activities"]]
    assert acts[0]["implementation"] == "- Inventering av två byar per år\n- Föreläggande om åtgärder\n- Uppföljande besök"
    doc = FAMILIES18.parsed("kramfors_vp/overtornea-verksamhetsplan-2027")
    assert [len(g["activities"]) for g in all_goals(doc)] == [3, 2, 2]
    # Arvidsjaur's målavstämning: each activity row with its description row under it, an
    # indicator table "Mått | Mål | Utfall" right under the activity table
    doc = FAMILIES18.parsed("ange_tertial/arvidsjaur-malavstamning-2026-t2")
    acts = [a["title"] for g in all_goals(doc) for a in g["activities"]]
    assert "Starta fjärrundervisning i finska för mindre skolor" in acts and "Mått" not in acts


def test_goal_boxes_assessed_by_a_coloured_strip_down_their_side() -> None:
    """Nacka's biblioteksplan: each goal in a shaded box whose left border is drawn thick in green,
    yellow or red, a legend of the same strips at the top; the box's bullets get no status."""
    doc = GENERIC30.parsed("biblioteksplan/nacka-kun-biblioteksplan-2026-uppfoljning")
    assert [g["assessment"]["value"] for g in doc["goals"]] == [
        "fulfilled", "partially_fulfilled", "not_fulfilled", "fulfilled"]
    assert all(a["status"] is None for g in doc["goals"] for a in g["activities"])
