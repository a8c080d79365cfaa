"""holdout-families3, Åre: an activity table whose rows hold a bold title over a regular
description, each row followed by a row holding only a status icon (a vector circle, mapped by
the "Teckenförklaring" legend) and perhaps a comment. The bold lines are the title, the rest the
description; the icon row is the activity's status and comment, no activity of its own."""

from __future__ import annotations

from typing import Any

from planparse.reading.model import Line, Span, TextMethod
from tests.layouts.holdout import HoldoutSet

DOCS = HoldoutSet("holdout-families3")
ARE = "ange_uppsikt/are-uppsiktsrapport-2024"


def _activities(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for g in doc["goals"] for a in g["activities"]]


def _facts(a: dict[str, Any]) -> tuple[Any, ...]:
    return (a["title"], a["status"]["value"] if a["status"] else None, a["start_date"], a["end_date"])


def test_are_activities_titles_statuses_and_dates_as_gold() -> None:
    got, gold = _activities(DOCS.parsed(ARE)), _activities(DOCS.gold(ARE))
    assert len(gold) == 5
    assert [_facts(a) for a in got] == [_facts(a) for a in gold]


def test_are_description_under_the_bold_title_and_comment_from_the_icon_row() -> None:
    got, gold = _activities(DOCS.parsed(ARE)), _activities(DOCS.gold(ARE))
    assert [(a["description"], a["comment"]) for a in got] == [(a["description"], a["comment"]) for a in gold]


def _line(text: str, bold: bool, y: float, method: TextMethod = "native") -> Line:
    return Line(spans=[Span(text, (0.0, y, 100.0, y + 10), bold=bold)], page=1, method=method)


def test_bold_head_only_for_bold_over_regular_lines_with_fonts() -> None:
    # (imported here: the tests above run, and fail, on code without it)
    from planparse.layouts.cell_items import bold_head

    assert bold_head([_line("Titel", True, 0), _line("som fortsätter", True, 12), _line("Beskrivning", False, 24)]) == 2
    assert bold_head([_line("Titel", True, 0), _line("Beskrivning", False, 12), _line("Fet", True, 24)]) is None
    assert bold_head([_line("Titel", False, 0), _line("Beskrivning", False, 12)]) is None
    assert bold_head([_line("Titel", True, 0)]) is None
    assert bold_head([_line("Titel", True, 0, "ocr"), _line("Beskrivning", False, 12, "ocr")]) is None
