from __future__ import annotations

import datetime as dt

import pytest

from planparse.text.numbers import (
    find_dates,
    format_number,
    misread_figure,
    ocr_number,
    ocr_spacing,
    ocr_thousands,
    parse_date,
    parse_number,
    reference_number,
    year_note,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("41,5", 41.5),
        ("1 300", 1300),
        ("1\u00a0300", 1300),
        ("12 345 678", 12345678),
        ("−2,5", -2.5),
        ("-2 500", -2500),
        ("– 15", -15),
        ("0", 0),
        ("85 %", 85),
        ("3,25*", 3.25),
        ("72**", 72),
        ("11.3", 11.3),
        # every Unicode space separator as thousands separator, every minus form as minus
        ("12\u202f500", 12500),
        ("4\u2009800", 4800),
        ("1\u2002500", 1500),
        ("1\u205f500", 1500),
        ("1\u3000500", 1500),
        ("(1\u2009900)", -1900),
        ("\u22123\u202f000", -3000),
        ("\u20111 200", -1200),
        ("\u2010400", -400),
        ("\ufe6312", -12),
        ("\uff0d5", -5),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    got = parse_number(text)
    assert got == value
    assert type(got) is type(value)


@pytest.mark.parametrize("text", ["Öka", "Ja", "", "   ", "1,2,3", "12 34", "Följs upp 2026", "2025-03-31", None])
def test_not_a_number(text: str | None) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(("value", "text"), [(1300, "1 300"), (41.5, "41,5"), (-2.5, "−2,5"), (999, "999"), (1234567, "1 234 567")])
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2025-03-31", dt.date(2025, 3, 31)),
        (" 2024-12-02 ", dt.date(2024, 12, 2)),
        ("den 16 januari 2018", dt.date(2018, 1, 16)),
        ("31 Mars 2025", dt.date(2025, 3, 31)),
    ],
)
def test_parse_date(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13-01", "31/3 2025", "", "Löpande", None])
def test_not_a_date(text: str | None) -> None:
    assert parse_date(text) is None


def test_find_dates_in_running_text() -> None:
    text = "Beslutad den 16 januari 2018, reviderad 2019-02-01."
    assert find_dates(text) == [dt.date(2018, 1, 16), dt.date(2019, 2, 1)]


@pytest.mark.parametrize(
    ("read", "spaced"),
    [("14583", "14 583"), ("24%", "24 %"), ("-123456,5", "-123 456,5"), ("8 353", "8 353"), ("2028", "2028"),
     ("42", "42"), ("Ja", "Ja"), ("Följs upp 2028", "Följs upp 2028")],
)
def test_ocr_numbers_get_the_swedish_spacing_back(read: str, spaced: str) -> None:
    assert ocr_spacing(read) == spaced


@pytest.mark.parametrize(
    ("word", "reference", "corrected"),
    [
        ("43", "4,3", "4,3"),  # a faint decimal comma dropped by the layer
        ("42", "4,2", "4,2"),
        ("1,377", "1377", "1377"),  # a thousands space read as a comma
        ("22,669", "22 669", "22 669"),
        ("5096", "5 096", "5 096"),
        ("3F", "37", "37"),  # a digit read as a letter
        ("AS", "13:", "13"),  # the reference's speck is no part of the number
        ("l5", "15", "15"),
        ("4,3", "43", None),  # the layer's decimal comma stands: the reference dropped it
        ("2 140", "2140", None),  # so does its thousands space (botkyrka-kfn-verksamhetsplan-2027-ocr)
        ("-12 500", "-12500", None),
        ("21 40", "2140", "2140"),  # no groups of three: a word cut apart
        ("37", "38", None),  # two numbers: nothing tells which is right
        ("Öka", "0", None),  # a word is a word
        ("Minska", "31", None),
        ("2 490", "-2 490", None),  # a sign only one reading has
        ("~~", "4316", None),
        ("66", "66", None),
        ("3F", "Fritid", None),  # the reference must read a number
        ("AS", "13 500", None),  # of about the word's length
    ],
)
def test_a_second_ocr_corrects_the_numbers_of_an_ocr_layer(word: str, reference: str, corrected: str | None) -> None:
    assert reference_number(word, reference) == corrected


@pytest.mark.parametrize(
    ("read", "mended"),
    [
        ("5375:", "5375"),  # specks around the figure
        ("'6 350", "6 350"),
        ("~2 490", "-2 490"),  # a minus read as a tilde or a long dash
        ("— 15", "-15"),
        ("1O 078", "10 078"),  # letters read for digits inside a figure
        ("l5", "15"),
        ("4,3.", "4,3"),
        ("42", "42"),  # a number is left alone
        ("-2 443", "-2 443"),
        ("Öka", "Öka"),  # so is text that does not become a number
        ("Ja", "Ja"),
        ("SLI", "SLI"),
        ("Följs upp 2028", "Följs upp 2028"),
        ("27 PN", "27 PN"),
    ],
)
def test_ocr_number_cells_mended(read: str, mended: str) -> None:
    assert ocr_number(read) == mended


@pytest.mark.parametrize(
    ("read", "mended"),
    [("22,669", "22 669"), ("1.377", "1 377"), ("-2,490", "-2 490"), ("4,3", "4,3"), ("22,66", "22,66"),
     ("1 377", "1 377"), ("1234,567", "1234,567")],
)
def test_ocr_thousands_comma(read: str, mended: str) -> None:
    assert ocr_thousands(read) == mended


@pytest.mark.parametrize(
    ("text", "misread"),
    [("27 PN", True), ("Slo", True), ("DNE", True), ("4,5t", True), ("42", False), ("27 %", False),
     ("Minska", False), ("Följs upp 2028", False), ("", False), ("Antal besökare 2024 totalt", False)],
)
def test_figures_misread_by_ocr(text: str, misread: bool) -> None:
    assert misread_figure(text) is misread


def test_ocr_number_cell_rules_read_as_brackets() -> None:
    """A scan's cell rules either side of a lone figure read as brackets ("[0]"): the figure;
    brackets in text, and a negative in parentheses, stay."""
    from planparse.text.numbers import ocr_number

    assert ocr_number("[0]") == "0"
    assert ocr_number("[3,2]") == "3,2"
    assert ocr_number("12 [1]") == "12 [1]"
    assert ocr_number("(6 000)") == "(6 000)"


def test_end_dates_of_months_tertials_and_quarters() -> None:
    import datetime as dt

    from planparse.text.numbers import parse_end_date

    assert parse_end_date("2026-06-30") == dt.date(2026, 6, 30)
    assert parse_end_date("juni 2026") == dt.date(2026, 6, 30)
    assert parse_end_date("Februari 2028") == dt.date(2028, 2, 29)
    assert parse_end_date("dec 2026") == dt.date(2026, 12, 31)
    assert [parse_end_date(f"T{k} 2026") for k in (1, 2, 3)] == [
        dt.date(2026, 4, 30), dt.date(2026, 8, 31), dt.date(2026, 12, 31)]
    assert parse_end_date("tertial 2 2026") == dt.date(2026, 8, 31)
    assert parse_end_date("Q1 2027") == dt.date(2027, 3, 31)
    assert parse_end_date("den 16 januari 2018") == dt.date(2018, 1, 16)
    for text in ("T4 2026", "2026", "Pågår", "ma 2026", "Löpande", None, ""):
        assert parse_end_date(text) is None


def test_cell_date_after_a_quote_speck() -> None:
    """A speck OCR read as a quote mark before a date cell's date ("\"2027-04-15")."""
    import datetime as dt

    from planparse.text.numbers import cell_date

    assert cell_date('"2027-04-15', end=True) == dt.date(2027, 4, 15)
    assert cell_date("“2027-04-15") == dt.date(2027, 4, 15)
    assert cell_date('"april') is None


def test_parse_number_without_its_footnote_mark() -> None:
    from planparse.text.numbers import parse_number

    assert parse_number("52 300¹") == 52300
    assert parse_number("12*") == 12
    assert parse_number("4,5²") == 4.5
    assert parse_number("1 400†") == 1400


def test_cell_date_after_a_speck() -> None:
    """A speck OCR read before a date in its cell ("- 2028-11-30") is no part of it."""
    from planparse.text.numbers import cell_date

    assert cell_date("- 2028-11-30") == dt.date(2028, 11, 30)
    assert cell_date("-- 2028-11-30") == dt.date(2028, 11, 30)


def test_year_note_is_cut_from_a_figure_and_kept_as_its_year() -> None:
    assert year_note("24 %\n(2027)") == ("24 %", 2027)
    assert year_note("2 1 % (2025)") == ("2 1 %", 2025)  # an OCR'd figure with a space in it
    assert year_note("(2025)") == ("(2025)", None)  # a year alone is no figure's note
    assert year_note("Minska (2026)") == ("Minska (2026)", None)
    assert year_note("1 300") == ("1 300", None)
