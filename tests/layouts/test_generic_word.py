"""The generic parser on a plain Word document (fixtures/generic/, built by
fixtures/build/generic_word.py from content written for it): header rows in plain type,
unnumbered headings with goal words, and metadata in the forms municipalities print. Every
expected value is read off the source text in that script."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import planparse
from planparse.model import PlanDocument

PDF = Path(__file__).resolve().parents[2] / "fixtures" / "generic" / "delarsrapport-word-table-grid.pdf"


@cache
def doc() -> PlanDocument:
    return planparse.parse(PDF)


def test_metadata_in_the_forms_municipalities_print() -> None:
    d = doc()
    assert d.municipality.code == "1480"  # "Göteborgs Stad", capital S
    assert d.organ == "Idrotts- och föreningsnämnden"
    assert d.document_type is not None and d.document_type.value == "delarsrapport"
    assert d.period is not None and (d.period.kind.value, d.period.number) == ("delar", 2)  # "augusti"
    assert d.year == 2025


def test_goal_words_give_the_tree() -> None:
    """"Kommunfullmäktiges mål: …" is a goal and the "Nämndmål: …" under it its sub-goals (the
    hold-out golds' convention: fixtures/holdout-generic3/README.md, "Goal levels")."""
    d = doc()
    assert [(g.level.value, g.title) for g in d.goals] == [("goal", "Göteborg ska vara en jämlik stad")]
    goals = d.goals[0].children
    assert [(g.level.value, g.title, g.assessment.value.value if g.assessment else None) for g in goals] == [
        ("sub_goal", "Fler barn och unga ska delta i föreningslivet", "partially_fulfilled"),
        ("sub_goal", "Stadens idrottsanläggningar ska vara tillgängliga för alla", "fulfilled"),
    ]


def test_tables_with_plain_header_rows_are_read_by_role() -> None:
    """No header row is bold: the activity table is read by its labels, with Färdiggrad as
    progress; the indicator table by its labels; budget and investments by their labels over
    rows of amounts. "Ekonomi" and "Investeringar" stay sections, not goals."""
    d = doc()
    goal = d.goals[0].children[0]
    assert [(a.title, a.status.value.value if a.status else None, a.progress, str(a.end_date)) for a in goal.activities] == [
        ("Utöka lovaktiviteter i nordost", "in_progress", 60, "2025-12-31"),
        ("Ta fram föreningsstrategi", "in_progress_deviation", 20, "2025-10-31"),
    ]
    ind = {i.name: [(v.label, v.value) for v in i.values] for i in goal.indicators}
    assert ind == {
        "Andel barn 7–16 år i föreningsaktivitet (%)": [("Utfall perioden", 61), ("Föregående år", 59), ("Prognos helår", 62)],
        "Antal deltagartillfällen": [("Utfall perioden", 1204300), ("Föregående år", 1180455), ("Prognos helår", 1800000)],
    }
    assert [(b.name, b.is_sum, [v.amount for v in b.values]) for b in d.budget] == [
        ("Intäkter", False, [120.5, 118.0, -2.5]),  # "(2,5)": minus in parentheses
        ("Kostnader", False, [-560.0, -552.3, 7.7]),  # "−560,0": a minus sign
        ("Summa", True, [-439.5, -434.3, 5.2]),
    ]
    assert all(v.unit is not None and v.unit.value == "mnkr" for b in d.budget for v in b.values)
    assert [(i.name, [(a.year, a.amount) for a in i.amounts]) for i in d.investments] == [
        ("Konstgräs Kviberg", [(2025, 12.0), (2026, 3.0), (None, 15.0)]),
        ("Mindre reinvesteringar", [(None, 8.0)]),  # "årligen" under the years: no amount
    ]
    assert not any(w.code == "table_skipped" for w in d.warnings)


GOAL_TABLE = PDF.with_name("arsbokslut-word-goal-table.pdf")


def test_goal_table_with_printed_assessments() -> None:
    """"Nämndens mål | Bedömning | Kommentar": a goal per row with its assessment and comment,
    at the top of the tree: the document's title heading above the table is no goal."""
    d = planparse.parse(GOAL_TABLE)
    assert d.municipality.code == "1281" and d.organ == "Miljönämnden"
    assert d.document_type is not None and d.document_type.value == "arsbokslut"
    goals = [(g.title, g.assessment.value.value if g.assessment else None, g.comment) for g in d.goals[:3]]
    assert goals == [
        ("Minska klimatpåverkan från nämndens verksamhet", "partially_fulfilled", "Utsläppen har minskat med 4 procent."),
        ("Handläggningstiden för bygglov ska vara högst tio veckor", "fulfilled", "Genomsnittet var sju veckor."),
        ("Öka andelen ekologiska livsmedel", "not_fulfilled", "Andelen minskade på grund av prisökningar."),
    ]
    assert all(g.title != d.title for g in d.goals)
    acts = [(a.title, a.status.value.value if a.status else None) for g in d.goals for a in g.activities]
    assert acts == [("Ta fram en plan för laddinfrastruktur", "completed"), ("Utreda gemensam miljöövervakning", "in_progress")]


INVESTMENTS = PDF.with_name("investeringsbudget-word-long-table.pdf")


def test_investment_table_over_pages() -> None:
    """32 projects over three pages, the header repeated on each: every project once, in tkr
    (the unit stated only in the heading over the table), "årligen" cells without an amount,
    "(1 200)" as minus; the group rows and the sum row without amounts are no projects and
    no part of a project's name."""
    d = planparse.parse(INVESTMENTS)
    assert d.document_type is not None and d.document_type.value == "plan_och_budget"
    names = [i.name for i in d.investments]
    assert names == [f"Ombyggnad skola etapp {i}" for i in range(1, 31)] + ["Gatubelysning", "Försäljning tomtmark"]
    by_name = {i.name: i for i in d.investments}
    assert {a.unit.value if a.unit else None for i in d.investments for a in i.amounts} == {"tkr"}
    assert [(a.year, a.amount) for a in by_name["Ombyggnad skola etapp 7"].amounts] == [
        (2025, 1259), (2026, 577), (None, 3350)]  # ("årligen" in 2027: no amount)
    assert [a.amount for a in by_name["Försäljning tomtmark"].amounts] == [-1200, -800, -500, -2500]
    assert by_name["Gatubelysning"].responsible == "Gatuenheten"
    assert {i.provenance.page for i in d.investments} == {1, 2, 3}


STATUS_AFTER_DASH = PDF.with_name("delarsrapport-word-status-after-dash.pdf")


def test_status_after_a_dash_or_in_brackets() -> None:
    """"Trygghetsvandringar i alla stadsdelar – Pågående", "… (Försenad)": the title without the
    status, the status from the vocabulary; goals from "Mål N:" headings with their assessment
    and indicator table; period "Delårsrapport 1"."""
    d = planparse.parse(STATUS_AFTER_DASH)
    assert d.period is not None and (d.period.kind.value, d.period.number) == ("delar", 1)
    goals = [(g.number, g.title, g.assessment.value.value if g.assessment else None) for g in d.goals]
    assert goals == [("1", "Invånare ska uppleva trygghet i sin vardag", "partially_fulfilled"),
                     ("2", "Fler ska gå från försörjningsstöd till arbete", "not_fulfilled")]
    acts = [(a.title, a.status.value.value if a.status else None, a.status.raw if a.status else None)
            for g in d.goals for a in g.activities]
    assert acts == [
        ("Trygghetsvandringar i alla stadsdelar", "in_progress", "Pågående"),
        ("Ny samverkansöverenskommelse med polisen", "completed", "Klar"),
        ("Jobbspår inom vård och omsorg", "in_progress_deviation", "Försenad"),
    ]
    assert [i.name for i in d.goals[0].indicators] == ["Andel som känner sig trygga ute på kvällen, %", "Antal orosanmälningar"]
    assert [(v.label, v.value) for v in d.goals[0].indicators[1].values][:3] == [
        ("Utfall 2023", 3120), ("Utfall 2024", 2980), ("Målvärde 2025", 2800)]


GOAL_ROWS = PDF.with_name("forskola-word-goal-rows.pdf")


def test_goal_rows_with_activities_in_a_cell() -> None:
    """"Mål | Aktiviteter | Uppföljning": a goal a row, each paragraph of the activity cell an
    activity; "Prioriterade mål" above the table names the goals and is none of them."""
    d = planparse.parse(GOAL_ROWS)
    assert [(g.level.value, g.title, [a.title for a in g.activities]) for g in d.goals] == [
        ("goal", "Barnen ska utveckla sitt språk och sin kommunikation.", ["Högläsning varje dag", "Bokprat med vårdnadshavare"]),
        ("goal", "Barnen ska få en god miljömedvetenhet.", ["Kompostera matavfall", "Skräpplockardag i maj"]),
    ]


GLYPHS = PDF.with_name("namndplan-word-coloured-glyphs.pdf")


def test_statuses_from_coloured_glyphs_and_their_legend() -> None:
    """"●" in green, amber and red in the status column, named by the legend line "● Enligt
    plan ● Avvikelse ● Ej påbörjad": statuses from the legend, marked as icons; the title
    keeps its wrapped last word "2"."""
    d = planparse.parse(GLYPHS)
    assert d.title == "Uppföljning av nämndplan 2025, tertial 2"
    acts = [(a.title, a.status.value.value if a.status else None, a.status.source.value if a.status else None)
            for g in d.goals for a in g.activities]
    assert acts == [
        ("Kulturskola i alla stadsdelar", "in_progress", "icon"),
        ("Nytt bibliotek i Norrby", "in_progress_deviation", "icon"),
        ("Digital konsthall", "not_started", "icon"),
    ]


CELL_FILLS = PDF.with_name("arsredovisning-word-cell-fills.pdf")


def test_assessments_from_filled_cells_and_indicators_in_the_goal_table() -> None:
    """"Nämndmål | Indikator | Utfall 2024 | Målvärde | Måluppfyllelse" with the last cell
    empty and filled amber, green or red, named by "Grön = Uppfyllt, Gul = Delvis uppfyllt, Röd
    = Ej uppfyllt": each goal's assessment from its cell, with the legend's confidence; the row
    with an empty goal cell is the goal's second indicator; the time plan's filled quarter
    cells give no status to anything."""
    d = planparse.parse(CELL_FILLS)
    assert d.municipality.name == "Hudiksvalls kommun"
    got = [(g.title, g.assessment.value.value if g.assessment else None,
            g.assessment.source.value if g.assessment and g.assessment.source else None,
            [(i.name, [v.raw for v in i.values]) for i in g.indicators]) for g in d.goals]
    assert got == [
        ("Äldre ska känna sig trygga i sitt boende", "partially_fulfilled", "icon",
         [("Andel trygga brukare (%)", ["82", "85"]), ("Andel nöjda anhöriga (%)", ["90", "85"])]),
        ("Fler ska gå från försörjningsstöd till arbete", "fulfilled", "icon", [("Antal till arbete", ["140", "120"])]),
        ("Väntetiden till särskilt boende ska minska", "not_fulfilled", "icon", [("Dagar i snitt", ["75", "60"])]),
    ]
    assert all(g.assessment is not None and g.assessment.confidence == 0.95 for g in d.goals)
    assert [(a.title, a.status) for g in d.goals for a in g.activities if a.status is not None] == []


RASTER_ICONS = PDF.with_name("uppfoljning-word-raster-icons.pdf")


def test_pasted_picture_icons_named_by_a_legend_line_of_pictures() -> None:
    """Status pictures pasted into the Status cells, and a legend line "Teckenförklaring: [green]
    Genomförd [amber] Pågående [red] Ej påbörjad": each picture's name is the text up to the
    next picture, so the legend, not the convention, gives the values. Everything is body-size
    type: the title ends where the bold ends; the organ is "Tekniska nämnden", not the
    "Gatuchef" of the Ansvarig column."""
    d = planparse.parse(RASTER_ICONS)
    assert (d.title, d.organ, d.municipality.name) == ("Uppföljning verksamhetsplan 2025", "Tekniska nämnden",
                                                        "Ludvika kommun")
    acts = [(g.title, a.title, a.status.value.value if a.status else None, a.status.confidence if a.status else None)
            for g in d.goals for a in g.activities]
    assert acts == [
        ("Säkra och trygga gator", "Ny belysning på Storgatan", "completed", 0.95),
        ("Säkra och trygga gator", "Trafiksäkerhetsplan för skolvägar", "in_progress", 0.95),
        ("Hållbar vattenförsörjning", "Förnya ledningsnätet i Grängesberg", "not_started", 0.95),
        ("Hållbar vattenförsörjning", "Utreda reservvattentäkt", "in_progress", 0.95),
    ]


INLINE_LABELS = PDF.with_name("arbetsplan-word-inline-labels.pdf")


def test_run_in_labels_of_a_preschool_plan() -> None:
    """"**Mål:** Förskolan ska …" is the area's goal; "**Åtgärder:** Vi har barnråd …", a
    sentence that wraps, is its activity; Nuläge and Utvärdering are neither."""
    d = planparse.parse(INLINE_LABELS)
    assert (d.organ, d.municipality.name, d.document_type.value if d.document_type else None) == (
        "Förskolan Lärkan", "Kungsbacka kommun", "arbetsplan")
    tree = [(a.title, [(g.title, [x.title for x in g.activities]) for g in a.children]) for a in d.goals]
    assert tree == [
        ("Normer och värden", [(
            "Förskolan ska aktivt och medvetet påverka och stimulera barnen att utveckla förståelse för demokrati.",
            ["Vi har barnråd varannan vecka där barnen får rösta om vilka aktiviteter vi ska göra under veckan "
             "och vilka utflykter vi ska göra under terminen."])]),
        ("Omsorg, utveckling och lärande", [(
            "Förskolan ska ge varje barn förutsättningar att utveckla sin fantasi och kreativitet.",
            ["Vi erbjuder skapande i ateljén varje dag."])]),
    ]


ASSIGNMENTS = PDF.with_name("delarsrapport-word-assignments.pdf")


def test_assignments_under_numbered_goal_word_headings() -> None:
    """"1 Nämndens mål och uppdrag" only names the goals; "1.1 Inriktningsmål: …" is a goal and
    the "1.1.1 Nämndmål: …" under it sub-goals, the word off the title; the
    sentence "Målet bedöms delvis uppfyllas" is an assessment; bold paragraphs under "Uppdrag"
    are activities with the status of their "Status:" line; "Nettokostnad" adds up the rows
    above in every column, so it is a sum row although no sum word names it."""
    d = planparse.parse(ASSIGNMENTS)
    assert d.period is not None and (d.period.kind.value, d.period.number) == ("delar", 2)  # "per 31 augusti"
    tree = [(g.number, g.level.value, g.title, [(c.number, c.level.value, c.title,
             c.assessment.value.value if c.assessment else None,
             [(a.title, a.status.value.value if a.status else None) for a in c.activities]) for c in g.children])
            for g in d.goals]
    assert tree == [("1.1", "goal", "Uppsala ska vara en hållbar kommun", [
        ("1.1.1", "sub_goal", "Bostadsbyggandet ska öka", "partially_fulfilled", [
            ("Ta fram en ny översiktsplan för landsbygden", "in_progress"),
            ("Utreda snabbare bygglovsprocess", "completed")]),
        ("1.1.2", "sub_goal", "Handläggningstiderna ska förkortas", "fulfilled", []),
    ])]
    assert [(b.name, b.is_sum) for b in d.budget] == [
        ("Intäkter", False), ("Personalkostnader", False), ("Övriga kostnader", False), ("Nettokostnad", True)]
    assert [(v.label, v.kind.value, v.amount) for v in d.budget[1].values] == [
        ("Budget helår", "budget", -120000), ("Utfall jan–aug", "outcome", -79800),
        ("Prognos helår", "forecast", -118500), ("Avvikelse", "deviation", 1500)]
    assert not [w for w in d.warnings if w.code == "sum_mismatch"]


MERGED_GOALS = PDF.with_name("handlingsplan-word-merged-goal-cells.pdf")


def test_goal_cells_merged_down_over_their_activities() -> None:
    """A goal's cell merged over two rows holds its whole title (no rule under its first
    line's row there), and each row is one of its activities with owner, end date and
    status; "Mål och aktiviteter" and "Nämndens mål 2025" only say that goals follow, and the
    numbered list under the latter is goals."""
    d = planparse.parse(MERGED_GOALS)
    tree = [(g.title, [(a.title, a.owner, str(a.end_date), a.status.value.value if a.status else None)
                       for a in g.activities]) for g in d.goals]
    assert tree == [
        ("Alla elever ska känna sig trygga i skolan", [
            ("Kartlägga otrygga platser", "Rektor", "2025-03-31", "completed"),
            ("Rastvärdar på alla skolor", "Rektor", "2025-06-30", "in_progress")]),
        ("Fler elever ska nå kunskapskraven i matematik", [
            ("Fortbildning i matematikdidaktik", "Utvecklingsledare", "2025-12-31", "not_started"),
            ("Extra studietid efter skoltid", "Rektor", "2025-09-30", "in_progress")]),
        ("Barn och elever ska nå sina mål", []),
        ("Verksamheten ska ha en budget i balans", []),
    ]


TWO_COLUMNS = PDF.with_name("verksamhetsberattelse-word-two-columns.pdf")


def test_a_page_in_two_columns_is_read_column_by_column() -> None:
    """The third goal's text goes on at the top of the right column, level with the title in
    the left one: the lines on one baseline across the gutter stay apart, and the right
    column is read after the left, so the goal keeps its two activities."""
    d = planparse.parse(TWO_COLUMNS)
    assert d.title == "Verksamhetsberättelse 2024"
    assert [(g.title, g.assessment.value.value if g.assessment else None, [a.title for a in g.activities])
            for g in d.goals] == [
        ("Minska miljöpåverkan från kommunens verksamheter", "partially_fulfilled",
         ["Byte till fossilfria fordon", "Energieffektivisering av Bruksgården"]),
        ("Effektiv och rättssäker handläggning", "fulfilled", ["E-tjänst för bygglov", "Rutin för tillsynsplanering"]),
        ("Attraktiva boendemiljöer", "partially_fulfilled", ["Detaljplan för Norra Öregrund", "Tomtkö i digital form"]),
    ]
    assert not any("antagits" in g.title or "antagits" in (g.description or "")[:40] for g in d.goals[:2])


FORMS = PDF.with_name("arbetsplan-word-form-tables.pdf")


def test_two_column_forms_with_labels_down_the_first_column() -> None:
    """"Mål | Alla elever …", "Aktiviteter | <a paragraph each>", "Ansvarig", "Status": each form
    is the goal of the area heading above it, with its activities; the second form is no
    continuation of the first (same width, same page)."""
    d = planparse.parse(FORMS)
    assert d.organ == "Östra skolan"
    assert [(a.title, [(g.title, [x.title for x in g.activities]) for g in a.children]) for a in d.goals] == [
        ("Kunskaper", [("Alla elever ska nå minst godtagbara kunskaper i svenska",
                        ["Läsfrämjande insatser i åk 1–3", "Språkutvecklande arbetssätt i alla ämnen"])]),
        ("Trygghet och studiero", [("Eleverna ska uppleva studiero på lektionerna",
                                    ["Gemensamma ordningsregler", "Vuxennärvaro på raster"])]),
    ]


LPFO = PDF.with_name("arbetsplan-word-lpfo-chapters.pdf")


def test_curriculum_chapters_with_goal_lists_and_current_state_headings() -> None:
    """"2.1 Normer och värden" with a "Mål" heading over a bullet list of curriculum goals,
    "Nuläge" and "Analys" headings over prose, and "Så här gör vi" / "Arbetssätt" /
    "Tillvägagångssätt" over bullets: the bullets under "Mål" are the area's goals, the
    other bullets its activities; "Nuläge" is the area's description, no goal of its own;
    the cover's photo caption and "3 Uppföljning och utvärdering" are no goals."""
    d = planparse.parse(LPFO)
    assert (d.organ, d.municipality.name, d.document_type.value if d.document_type else None) == (
        "Förskolan Solrosen", "Trollhättans stad", "arbetsplan")
    tree = [(a.number, a.title, [g.title for g in a.children], [x.title for x in a.activities]) for a in d.goals]
    assert tree == [
        ("2.1", "Normer och värden", [
            "Förskolan ska ge varje barn förutsättningar att utveckla förmåga att ta hänsyn till och leva sig in i "
            "andra människors situation.",
            "Förskolan ska ge varje barn förutsättningar att utveckla respekt för allt levande och omsorg om sin "
            "närmiljö."],
         ["Vi samtalar om känslor i små grupper varje vecka.",
          "Vi använder värdegrundsmaterialet Start med barn i alla åldrar.",
          "Barnen är med och tar hand om förskolans odlingar."]),
        ("2.2", "Omsorg, utveckling och lärande", [
            "Förskolan ska ge varje barn förutsättningar att utveckla ett nyanserat talspråk och ordförråd.",
            "Förskolan ska ge varje barn förutsättningar att utveckla förståelse för rum, form, läge och riktning."],
         ["Högläsning i mindre grupper efter lunch.", "Matematikpromenader i skogen varannan vecka."]),
        ("2.3", "Barns delaktighet och inflytande", [
            "Förskolan ska ge varje barn förutsättningar att utveckla förmåga att uttrycka sina tankar och åsikter "
            "och därmed få möjlighet att påverka sin situation."],
         ["Barnråd en gång i månaden.", "Barnen väljer material till ateljén."]),
    ]
    assert all(a.description is not None and a.description.startswith("Barnen visar stort intresse") for a in d.goals)
    assert all(a.comment == "Vi behöver arbeta mer i små grupper så att alla barn kommer till tals." for a in d.goals)


SIZED = PDF.with_name("verksamhetsberattelse-word-sized-headings.pdf")


def test_headings_by_size_under_goal_words() -> None:
    """Headings typed as bold paragraphs in larger sizes, no heading styles: the heading right
    under the words "Kommunfullmäktiges mål" is a goal of that level (goal_area), the one under
    "Nämndmål" a goal; "Bedömning" on its own line with the value below; the indicator table's
    trend arrows are no values; "Sammanfattande bedömning" is no goal."""
    d = planparse.parse(SIZED)
    tree = [(a.level.value, a.title, [(g.level.value, g.title, g.assessment.value.value if g.assessment else None,
                                       g.assessment.raw if g.assessment else None) for g in a.children])
            for a in d.goals]
    assert tree == [
        ("goal_area", "Varberg ska vara en attraktiv plats att leva på", [
            ("goal", "Fler barn och unga ska ha en meningsfull fritid", "partially_fulfilled", "Delvis uppnått"),
            ("goal", "Biblioteken ska vara öppna och tillgängliga", "fulfilled", "Uppnått")]),
        ("goal_area", "Varberg ska ha en hållbar ekonomi", [
            ("goal", "Nämnden ska hålla sin budget", "not_fulfilled", "Ej uppnått")]),
    ]
    ind = d.goals[1].children[0].indicators
    assert [(i.name, [(v.label, v.raw, v.value) for v in i.values]) for i in ind] == [
        ("Budgetavvikelse (mnkr)", [("Utfall 2023", "0,4", 0.4), ("Utfall 2024", "-2,1", -2.1),
                                    ("Målvärde 2024", "0", 0)]),
        ("Sjukfrånvaro (%)", [("Utfall 2023", "6,1", 6.1), ("Utfall 2024", "6,1", 6.1),
                              ("Målvärde 2024", "5,5", 5.5)]),
    ]


LANDSCAPE = PDF.with_name("investeringsbudget-word-landscape-subtotals.pdf")


def test_investment_subtotals_are_checked() -> None:
    """A landscape page of projects in groups ("Fastigheter", "Gata/Park") with subtotal rows
    and a "Totalt": amounts with no-break-space thousands, "(2 000)" as minus, "årligen" in the
    Total utgift column (no year) giving no amount at all, the unit from "Belopp i tkr." above
    the table; the subtotal and total rows kept as investments of their own, as the hand-written
    real golds keep them (fixtures/real/simrishamn_…, fixtures/holdout-generic/); the
    subtotal "Summa gata/park" prints 3 400 for Plan 2026 where its rows add up to 3 300: one
    warning naming row, column and difference ("Totalt" adds up the subtotals as printed)."""
    d = planparse.parse(LANDSCAPE)
    assert [(i.name, [(a.year, a.amount) for a in i.amounts]) for i in d.investments] == [
        ("Ny förskola Östlyckan", [(2025, 18500), (2026, 12000), (2027, 0), (None, 30500)]),
        ("Energieffektivisering", [(2025, 4000), (2026, 4000), (2027, 4000)]),
        ("Försäljning Villa Hemgården", [(2025, -2000), (2026, 0), (2027, 0), (None, -2000)]),
        ("Summa fastigheter", [(2025, 20500), (2026, 16000), (2027, 4000), (None, 28500)]),
        ("Gång- och cykelväg Sollebrunn", [(2025, 6200), (2026, 1800), (2027, 0), (None, 8000)]),
        ("Lekplatser", [(2025, 1500), (2026, 1500), (2027, 1500)]),
        ("Summa gata/park", [(2025, 7700), (2026, 3400), (2027, 1500), (None, 8000)]),
        ("Totalt", [(2025, 28200), (2026, 19400), (2027, 5500), (None, 36500)]),
    ]
    assert {a.unit.value if a.unit else None for i in d.investments for a in i.amounts} == {"tkr"}
    assert {i.provenance.page for i in d.investments} == {2}
    sums = [(w.message, w.page) for w in d.warnings if w.code == "sum_mismatch"]
    assert sums == [("sum row 'Summa gata/park', column 'Plan 2026': printed 3400, rows above add up to 3300 "
                     "(difference +100)", 2)]


KF_ASSIGNMENTS = PDF.with_name("delarsrapport-word-kf-assignments.pdf")


def test_assignment_table_and_internal_control_table() -> None:
    """"Uppdrag | Beslutad | Status | Kommentar": each row an assignment with its status word
    (Pågår, Klar, Ej påbörjad) and comment, the wrapped title "Införa e-handel i" / "alla
    förvaltningar" with its space; "Kontrollmoment | Resultat | Åtgärd" is an internal-control
    table, not skipped."""
    d = planparse.parse(KF_ASSIGNMENTS)
    acts = [(a.title, a.status.value.value if a.status else None, a.status.raw if a.status else None, a.comment)
            for g in d.goals for a in g.activities]
    assert acts == [
        ("Samordna kommunens fordonsflotta", "in_progress", "Pågår", "Inventering klar, upphandling under hösten."),
        ("Införa e-handel i alla förvaltningar", "completed", "Klar", "Samtliga förvaltningar är anslutna."),
        ("Utreda gemensam växel med grannkommuner", "not_started", "Ej påbörjad", "Startar 2026."),
    ]
    assert [c.process for c in d.controls] == ["Attest av fakturor", "Efterlevnad av avtal vid inköp"]
    assert not [w for w in d.warnings if w.code == "table_skipped"]


LETTERED = PDF.with_name("namndplan-word-lettered-activities.pdf")


def test_numbered_goals_with_lettered_activities() -> None:
    """Under the heading "Nämndmål": a lead-in sentence, then goals "1. …", "2. …", each with its
    activities "a) …", "b) …" below it (one wrapping over two lines); the lead-in is no goal and
    the lettered items no goals of their own."""
    d = planparse.parse(LETTERED)
    assert [(g.title, [a.title for a in g.activities]) for g in d.goals] == [
        ("Handläggningen av bygglov ska vara snabb och rättssäker", [
            "Införa digital ansökan för alla bygglov", "Ta fram checklistor för vanliga ärenden"]),
        ("Tillsynen ska bidra till en god miljö", [
            "Genomföra tillsyn av samtliga enskilda avlopp i Gråbo och Olstorp under våren och hösten i samarbete "
            "med VA-enheten",
            "Informera lantbrukare om växtskydd", "Mäta buller vid skolor"]),
    ]


BULLET_ACTIVITIES = PDF.with_name("verksamhetsplan-word-numbered-goals-bullet-activities.pdf")


def test_numbered_goals_with_their_activities_as_bullets_set_in() -> None:
    """"Inledning" (a heading the size of "Nämndens mål", with prose) is no group over the goals;
    the lead-in "… har följande mål för 2025:" is no goal; each item of the Word numbered list is
    a goal and the bullets set in one level under it are its activities; "delårsrapporten" in
    the prose does not outweigh the title's "Verksamhetsplan"."""
    d = planparse.parse(BULLET_ACTIVITIES)
    assert d.document_type is not None and d.document_type.value == "verksamhetsplan"
    assert [(g.level.value, g.title, [a.title for a in g.activities]) for g in d.goals] == [
        ("goal", "Fler ska bli självförsörjande", ["Utöka arbetsmarknadsinsatserna för unga vuxna",
                                                   "Samverka med Arbetsförmedlingen om nystartsjobb"]),
        ("goal", "Barn och unga ska få tidigt stöd", ["Införa en familjecentral i Kalix tätort", "Öppen förskola i Töre"]),
        ("goal", "Äldre ska kunna bo kvar hemma längre", ["Utveckla trygg hemgång efter sjukhusvistelse",
                                                          "Digitala nattillsyner"]),
    ]


GOAL_NUMBERS = PDF.with_name("delarsrapport-word-goal-number-headings.pdf")


def test_goal_headings_with_only_their_number() -> None:
    """"Mål 1" and "Mål 2" as headings with nothing after the number: the paragraph under each
    is the goal's title (bold; or plain and wrapping, with a paragraph of description after
    it), and "Måluppfyllelse:" and the activity table belong to that goal; the intro under
    "Nämndens mål" is no goal."""
    d = planparse.parse(GOAL_NUMBERS)
    got = [(g.number, g.title, g.description, g.assessment.value.value if g.assessment else None,
            [(a.title, a.status.value.value if a.status else None, a.comment) for a in g.activities]) for g in d.goals]
    assert got == [
        ("1", "Fler invånare ska ta del av kulturutbudet", None, "partially_fulfilled", [
            ("Kulturkalender på webben", "completed", "Lanserad i mars."),
            ("Sommarscen i parken", "in_progress", "Bokningar klara.")]),
        ("2", "Föreningslivet ska ha goda och jämlika villkor i hela kommunen, både i tätorterna och på landsbygden",
         "Målet följs upp genom föreningsenkäten och antalet sökta bidrag.", "fulfilled", [
             ("Nytt bidragssystem för föreningar", "in_progress", "Beslut i juni.")]),
    ]


GOAL_CELLS = PDF.with_name("arbetsplan-word-several-goals-a-cell.pdf")


def test_a_goal_cell_listing_several_goals() -> None:
    """"Mål | Så här gör vi | Uppföljning" with several curriculum goals in the goal cell, as
    paragraphs or as Word bullets (a Symbol-font glyph in the text layer): each is a goal of its
    own, free of the bullet glyph, under the area heading, which holds the row's activities."""
    d = planparse.parse(GOAL_CELLS)
    tree = [(a.title, [g.title for g in a.children], [x.title for x in a.activities]) for a in d.goals]
    assert tree == [
        ("Normer och värden", [
            "Förskolan ska ge varje barn förutsättningar att utveckla öppenhet, respekt, solidaritet och ansvar.",
            "Förskolan ska ge varje barn förutsättningar att utveckla förmåga att ta hänsyn till och leva sig in i "
            "andra människors situation."],
         ["Vi läser böcker om känslor och samtalar om dem.", "Vi har kompissamlingar varje vecka."]),
        ("Omsorg, utveckling och lärande", [
            "Förskolan ska ge varje barn förutsättningar att utveckla ett rikt och nyanserat talspråk.",
            "Förskolan ska ge varje barn förutsättningar att utveckla intresse för skriftspråk.",
            "Förskolan ska ge varje barn förutsättningar att utveckla matematiskt tänkande."],
         ["Vi sjunger och rimmar dagligen.", "Vi använder bildstöd i alla rum.", "Vi räknar och mäter i skogen."]),
    ]


ASSESSED_HEADINGS = PDF.with_name("verksamhetsberattelse-word-assessment-in-heading.pdf")


def test_assessment_after_a_dash_in_the_goal_heading() -> None:
    """"Nämndmål 1: Alla elever … – Delvis uppfyllt", "… (Ej uppfyllt)": the goal word gives the
    level (goal), the number stays, the assessment comes off the title; "Analys:" is the
    comment. (Before, with the assessment left in the title and nothing else under the
    headings, the goals were pruned as bare chapters: no goal at all.)"""
    d = planparse.parse(ASSESSED_HEADINGS)
    got = [(g.number, g.level.value, g.title, g.assessment.value.value if g.assessment else None,
            g.assessment.raw if g.assessment else None, g.comment) for g in d.goals]
    assert got == [
        ("1", "goal", "Alla elever ska känna sig trygga i skolan", "partially_fulfilled", "Delvis uppfyllt",
         "Tryggheten har ökat på de flesta skolor men minskat på två."),
        ("2", "goal", "Fler elever ska bli behöriga till gymnasiet", "fulfilled", "Uppfyllt",
         "Behörigheten ökade till 89 procent."),
        ("3", "goal", "Sjukfrånvaron bland medarbetarna ska minska", "not_fulfilled", "Ej uppfyllt",
         "Sjukfrånvaron ökade något under vintern."),
    ]


GOAL_INDICATORS = PDF.with_name("delarsrapport-word-goal-indicator-table.pdf")


def test_goal_table_with_merged_cells_over_indicator_rows() -> None:
    """"Nämndmål | Indikator | Utfall 2025 | Målvärde 2025 | Bedömning" with a goal's cell and
    its assessment's cell merged over its two indicator rows: each goal once, with its
    indicators and assessment, at the top of the tree: "Nämndens mål och indikatorer" only
    names what follows and the sentence under it is no goal."""
    d = planparse.parse(GOAL_INDICATORS)
    got = [(g.level.value, g.title, g.assessment.value.value if g.assessment else None,
            [(i.name, [(v.label, v.value) for v in i.values]) for i in g.indicators]) for g in d.goals]
    assert got == [
        ("goal", "Livsmedelskontrollen ska vara effektiv", "partially_fulfilled", [
            ("Andel genomförda kontroller (%)", [("Utfall 2025", 64), ("Målvärde 2025", 70)]),
            ("Handläggningstid, dagar", [("Utfall 2025", 12), ("Målvärde 2025", 14)])]),
        ("goal", "Luftkvaliteten ska förbättras", "not_fulfilled", [
            ("Antal dygn över gränsvärde", [("Utfall 2025", 3), ("Målvärde 2025", 0)])]),
    ]
