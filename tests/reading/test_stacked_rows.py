"""Rows stacked between the rules of a table ruled only under its groups' subtotals."""

from __future__ import annotations

from planparse.reading.model import Drawing, Line, RawPage, Span
from planparse.reading.stacked_rows import split_stacked
from planparse.reading.tables import extract_tables

XS = [50.0, 250.0, 330.0, 410.0, 500.0]


def _line(y: float, *cells: tuple[float, str]) -> Line:
    return Line(spans=[Span(t, (x, y, x + 6 * len(t), y + 9), size=9) for x, t in cells], page=1)


def _spans(lines: list[Line]) -> list[Span]:
    return [s for ln in lines for s in ln.spans]


def test_figures_stacked_in_one_band_are_one_row_each() -> None:
    lines = [_line(100, (55, "Gata och park")),
             _line(117, (55, "Gator och vägar"), (260, "−21 400"), (420, "(500)")),
             _line(134, (55, "Vinterväghållning"), (260, "−9 800"), (420, "(1 500)")),
             _line(151, (55, "Summa gata"), (260, "−31 200"), (420, "(2 000)"))]
    bands = split_stacked(97, 165, _spans(lines), XS)
    assert len(bands) == 4
    assert bands[0][0] == 97 and bands[-1][1] == 165
    assert all(a[1] == b[0] for a, b in zip(bands, bands[1:], strict=False))
    assert bands[0][1] < 117 < bands[1][1] < 134


def test_a_wrapped_name_stays_with_its_row() -> None:
    # bottom-aligned figures: the name's first line has none, the rest goes on in lower case
    lines = [_line(100, (55, "Parker och")),
             _line(111, (55, "grönområden"), (260, "−12 650")),
             _line(128, (55, "Gatubelysning"), (260, "−4 300"))]
    bands = split_stacked(97, 142, _spans(lines), XS)
    assert len(bands) == 2 and 111 < bands[0][1] < 128


def test_one_row_of_figures_is_left_alone() -> None:
    lines = [_line(100, (55, "Förskola"), (260, "1 200")), _line(111, (55, "Inklusive fritids"))]
    assert split_stacked(97, 125, _spans(lines), XS) == [(97, 125)]


def test_table_ruled_only_under_subtotals_reads_row_by_row() -> None:
    rule = lambda y: Drawing((50, y, 500, y), "hline", stroke=0)  # noqa: E731
    lines = [_line(85, (55, "tkr"), (260, "Budget"), (340, "Utfall"), (420, "Prognos")),
             _line(100, (55, "Fastighet")),
             _line(117, (55, "Verksamhetslokaler"), (260, "−8 900"), (340, "−5 310"), (420, "−8 600")),
             _line(134, (55, "Externa hyresintäkter"), (260, "3 200"), (340, "2 240"), (420, "3 350")),
             _line(151, (55, "Summa fastighet"), (260, "−5 700"), (340, "−3 070"), (420, "−5 250")),
             _line(168, (55, "Summa nämnden"), (260, "−5 700"), (340, "−3 070"), (420, "−5 250"))]
    raw = RawPage(1, 595, 842, lines, [rule(82), rule(96), rule(164), rule(180)], [])
    tables, _ = extract_tables(raw)
    assert len(tables) == 1
    names = [r.cells[0].text for r in tables[0].rows]
    assert names == ["tkr", "Fastighet", "Verksamhetslokaler", "Externa hyresintäkter", "Summa fastighet",
                     "Summa nämnden"]
    assert [c.text for c in tables[0].rows[3].cells][1:] == ["3 200", "2 240", "3 350"]


def test_a_wrapped_text_cell_ending_in_a_year_is_no_row() -> None:
    # "Antal dygn i slutenvård av | 2,9 | … | Följs upp" / "medicinskt … minskar | | | 2027"
    lines = [_line(100, (55, "Antal dygn i slutenvård av"), (260, "2,9"), (420, "Följs upp")),
             _line(111, (55, "medicinskt färdigbehandlade"), (420, "2027"))]
    assert split_stacked(97, 125, _spans(lines), XS) == [(97, 125)]


def test_a_row_starts_after_the_row_above_wrapped_its_name() -> None:
    # a goal merged down in the first column; its first indicator's name wraps onto a line
    # without figures, the next indicator (figures in the same columns) is a row of its own
    lines = [_line(100, (55, "Fler barn ska delta i"), (260, "Deltagare i föreningar"), (340, "412"), (420, "420")),
             _line(111, (55, "kultur och fritid"), (260, "år, tusental")),
             _line(128, (260, "Antal elever"), (340, "1 180"), (420, "1 200"))]
    bands = split_stacked(97, 142, _spans(lines), XS)
    assert len(bands) == 2 and 111 < bands[0][1] < 128


def test_a_group_title_without_fonts_opens_its_band() -> None:
    """On an OCR'd layer (no fonts, no italics) a group's title over its first row, no rule
    between them ("Skattefinansierad verksamhet" / "Nämnd och förvaltningsledning 24,6 …"), is
    a row of its own: both lines start in upper case; a name going on in lower case stays one."""
    def ocr(y: float, *cells: tuple[float, str]) -> Line:
        return Line(spans=[Span(t, (x, y, x + 6 * len(t), y + 9)) for x, t in cells], page=1, method="ocr")

    lines = [ocr(100, (55, "Skattefinansierad verksamhet")),
             ocr(117, (55, "Nämnd och förvaltningsledning"), (260, "24,6"), (420, "0,5"))]
    assert len(split_stacked(97, 130, _spans(lines), XS)) == 2
    wrapped = [ocr(100, (55, "Summa skattefinansierad")), ocr(117, (55, "verksamhet"), (260, "363,1"))]
    assert split_stacked(97, 130, _spans(wrapped), XS) == [(97, 130)]
