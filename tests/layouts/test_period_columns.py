"""Pure helpers of stop 60's rules: period-qualified column labels, the latest period's status,
area references, company goal words, a code glued to its number, and a key in words."""

from __future__ import annotations

from planparse import vocabulary
from planparse.layouts.area_refs import named_area
from planparse.layouts.goal_words import goal_word
from planparse.layouts.headings import numbered
from planparse.layouts.icons import Markers
from planparse.layouts.legend import colour_key
from planparse.layouts.period_columns import latest_period
from planparse.model import Goal, GoalLevel, Provenance, ProvenanceMethod
from planparse.reading.model import Cell, Line, Row, Span, Table


def _cell(text: str, col: int, x0: float) -> Cell:
    lines = [Line(spans=[Span(text, (x0, 0.0, x0 + 40.0, 10.0), size=9.0)], page=1)] if text else []
    return Cell(lines=lines, bbox=(x0, 0.0, x0 + 60.0, 12.0), col=col)


def _row(texts: list[str], header: bool = False) -> Row:
    return Row(cells=[_cell(t, k, 60.0 * k) for k, t in enumerate(texts)], page=1,
               bbox=(0.0, 0.0, 60.0 * len(texts), 12.0), is_header=header)


def test_a_label_with_its_period_is_the_label() -> None:
    assert vocabulary.label_of("Status april") is None  # (the vocabulary's own lookup: the whole text)
    for text, label in (("Status april", "status"), ("Bedömning T1", "assessment"), ("Utfall jan–apr 2026", "outcome")):
        found = vocabulary.match_column_label(text)
        assert found is not None and found.value == label
    assert vocabulary.match_column_label("Helår") is None and vocabulary.match_column_label("2024") is None


def test_each_row_takes_its_latest_filled_period() -> None:
    header = ["Aktivitet", "Status april", "Status augusti", "Status december"]
    table = Table(rows=[_row(header, header=True), _row(["Läxhjälp", "Pågår", "Försenad", ""]),
                        _row(["Läsförmåga", "Klar", "–", ""])], n_cols=4, header=list(header))
    latest_period(table, Markers())
    assert table.header[1] == "Status"
    assert [r.cell_text(1) for r in table.body] == ["Försenad", "Klar"]


def test_the_column_called_current_wins_over_a_later_one() -> None:
    header = ["Nämndmål", "Aktuell bedömning", "Föregående bedömning"]
    table = Table(rows=[_row(header, header=True), _row(["Trygg skola", "Uppfyllt", "Ej uppfyllt"])], n_cols=3,
                  header=list(header))
    latest_period(table, Markers())
    assert table.body[0].cell_text(1) == "Uppfyllt"


def test_a_table_without_periods_is_left_as_it_is() -> None:
    header = ["Aktivitet", "Status", "Kommentar"]
    table = Table(rows=[_row(header, header=True), _row(["Läxhjälp", "Pågår", "Klar i maj"])], n_cols=3, header=list(header))
    latest_period(table, Markers())
    assert table.header == header and table.body[0].cell_text(1) == "Pågår"


HERE = Provenance(page=1, bbox=(0.0, 0.0, 1.0, 1.0), raw_text="", method=ProvenanceMethod.native)


def test_an_indicator_heading_names_its_area_by_number_or_place() -> None:
    areas = [Goal(uid="", level=GoalLevel.goal_area, title=t, provenance=HERE) for t in ("Trygghet", "Lärande")]
    assert named_area(areas, "Indikatorer – målområde 2") is areas[1]
    assert named_area(areas, "Indikatorer") is None and named_area(areas, "Indikatorer – målområde 3") is None
    areas[0].number, areas[1].number = "1", "2"
    assert named_area(areas, "Nyckeltal för målområde 1") is areas[0]


def test_company_and_joint_body_goal_words() -> None:
    assert goal_word("Bolagsmål 1 Bolaget ska öka sitt bestånd") == (GoalLevel.goal, "1 Bolaget ska öka sitt bestånd")
    assert goal_word("Ägardirektivets mål") == (GoalLevel.goal_area, "")
    assert goal_word("Förbundsmål 4: Insatstiden ska vara kort") == (GoalLevel.goal, "4: Insatstiden ska vara kort")


def test_a_code_glued_to_its_number_numbers_a_heading() -> None:
    assert numbered("Ä1.2 Fjärrvärmen ska levereras utan avbrott") == (None, "Ä1.2", "Fjärrvärmen ska levereras utan avbrott")
    assert numbered("ÄD 1 Bolaget ska bidra") == (None, "ÄD 1", "Bolaget ska bidra")
    assert numbered("Q1 2026") is None


def test_a_key_in_words_is_told_from_a_sentence() -> None:
    assert colour_key("Grön: Uppfyllt") and colour_key("Röd punkt = Ej påbörjad")
    assert not colour_key("Gröna områden ska bevaras") and not colour_key("Röd: tråden i arbetet")
