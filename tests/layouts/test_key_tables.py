"""A key to the statuses or assessments in words is no content: :func:`planparse.layouts.legend.key_table`."""

from __future__ import annotations

from planparse.layouts.legend import key_table
from planparse.reading.model import Cell, Line, Row, Span, Table


def _table(header: list[str], rows: list[list[str]]) -> Table:
    def row(texts: list[str], y: float, is_header: bool = False) -> Row:
        cells = [Cell(lines=[Line(spans=[Span(t, (100.0 * i, y, 100.0 * i + 90, y + 10))], page=1)] if t else [],
                      bbox=(100.0 * i, y, 100.0 * i + 95, y + 12), col=i) for i, t in enumerate(texts)]
        return Row(cells=cells, page=1, bbox=(0.0, y, 100.0 * len(texts), y + 12), is_header=is_header)

    return Table(rows=[row(header, 0, True), *(row(r, 12.0 * (k + 1)) for k, r in enumerate(rows))],
                 n_cols=len(header), header=header)


def test_statuses_beside_their_meaning_are_a_key() -> None:
    assert key_table(_table(["Status", "Innebörd"], [["Klar", "Aktiviteten är genomförd."], ["Pågår", "Arbetet pågår."],
                                                     ["Ej påbörjad", "Aktiviteten har ännu inte startat."]]))
    assert key_table(_table(["Bedömning", "Antal mål"], [["Uppfyllt", "1"], ["Delvis uppfyllt", "3"], ["Totalt", "4"]]))


def test_a_status_column_beside_activities_is_no_key() -> None:
    assert not key_table(_table(["Status", "Aktivitet"], [["Klar", "Införa e-tjänst"], ["Pågår", "Bygga ny skola"]]))
    assert not key_table(_table(["Aktivitet", "Status"], [["Införa e-tjänst", "Klar"], ["Bygga ny skola", "Pågår"]]))
