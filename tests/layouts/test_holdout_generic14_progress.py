"""holdout-generic14's Lycksele verksamhetsberättelse: activity statuses shown only as progress
bars with their per cent, named by a "Färdiggrad" legend of per-cent ranges; and the per-cent
legend's parsing on its own."""

from __future__ import annotations

import pytest

from planparse.layouts.icons import Markers
from planparse.model import DocumentType, StatusValue
from planparse.reading import read_pdf
from planparse.reading.model import Drawing, within
from tests.layouts.holdout import FIXTURES, HoldoutSet, all_goals

DOCS = HoldoutSet("holdout-generic14")
LYCKSELE = "verksamhetsberattelse/lycksele-kfn-verksamhetsberattelse-2025"


def _statuses(doc: dict) -> list[tuple[str, str, int | None, str | None]]:
    return [(g["title"], a["title"], a.get("progress"), (a.get("status") or {}).get("value"))
            for g in all_goals(doc) for a in g["activities"]]  # fmt: skip


def test_every_status_is_read_from_the_per_cent_through_the_legend() -> None:
    got, want = _statuses(DOCS.parsed(LYCKSELE)), _statuses(DOCS.gold(LYCKSELE))
    assert len(want) == 28 and all(s is not None for *_, s in want)
    assert got == want
    for g in all_goals(DOCS.parsed(LYCKSELE)):
        for a in g["activities"]:
            assert a["status"]["raw"].endswith(f"{a['progress']} %")
            assert not a["status"]["raw"].startswith("icon:"), a["title"]  # (a bar's share is no icon)


def test_no_part_of_a_progress_bar_is_a_status_icon() -> None:
    doc = read_pdf(FIXTURES / "holdout-generic14" / f"{LYCKSELE}.pdf")
    markers = Markers.of(doc, DocumentType.verksamhetsberattelse)
    found = [m for ms in markers.by_page.values() for m in ms]
    bars = [m for m in found if m.bar is not None]
    assert len(bars) == 28
    icons = [m for m in found if m.bar is None]
    assert not [m for m in icons if any(m.page == b.page and within(m.bbox, b.bbox, 0.5) for b in bars)]
    assert not icons  # (the document has no status icon at all)


def test_a_bars_filled_share_lies_in_its_track_and_an_icon_beside_it_stays() -> None:
    from planparse.layouts.marker import in_bar, vector_bars

    track = Drawing((100.0, 50.0, 140.0, 57.0), "rect", fill=0xE8EDF2)
    share = Drawing((100.0, 50.0, 108.0, 57.0), "rect", fill=0x2E7D32)  # a short share: icon-shaped
    icon = Drawing((150.0, 49.5, 158.0, 57.5), "rect", fill=0x2E7D32)
    assert share.is_icon and icon.is_icon
    bars = vector_bars(1, [track, share, icon])
    assert [b.bar for b in bars] == [pytest.approx(0.2)]
    assert in_bar(share, bars) and in_bar(track, bars) and not in_bar(icon, bars)


NS, IP, DONE = StatusValue.not_started, StatusValue.in_progress, StatusValue.completed


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Färdiggrad: 0 % = Ej påbörjad · 1–99 % = Pågående · 100 % = Avslutad", [(0, 0, NS), (1, 99, IP), (100, 100, DONE)]),
        ("0% Ej påbörjad, 1-99% Pågående och 100% Klar", [(0, 0, NS), (1, 99, IP), (100, 100, DONE)]),
        ("1 - 99 % = Pågår", [(1, 99, IP)]),
        ("1 till 99 % – Pågående", [(1, 99, IP)]),
        ("1 % – 99 % Pågående", [(1, 99, IP)]),
        ("80–100 % = Avslutad", [(80, 100, DONE)]),
        ("Teckenförklaring: under 50 % = Ej påbörjad; 50 till 79 % = Pågår; över 79 % = Klar",
         [(0, 49, NS), (50, 79, IP), (80, 100, DONE)]),
        ("mindre än 10 %: Ej påbörjad", [(0, 9, NS)]),
        ("100 % Avslutad", [(100, 100, DONE)]),
    ],
)
def test_per_cent_legend_entries(text: str, want: list[tuple[int, int, StatusValue]]) -> None:
    from planparse.layouts.percent_legend import entries

    assert [(e.low, e.high, e.status) for e in entries(text)] == want


@pytest.mark.parametrize(
    "text",
    [
        "Aktivitet X 50 % Pågående",  # an activity row: words before the per cent
        "Andelen ökade med 5 % under året",
        "Status: 45 % Pågående",
        "0 % = Ej påbörjad · 1–99 % = något annat",  # every per cent must name a status
        "50–20 % = Pågående",
    ],
)
def test_no_legend_entries(text: str) -> None:
    from planparse.layouts.percent_legend import entries

    assert entries(text) == []


def test_a_per_cent_takes_the_status_of_the_range_holding_it() -> None:
    from planparse.layouts.percent_legend import Entry, PercentLegend

    legend = PercentLegend(tuple(Entry(*e) for e in [(0, 0, NS), (1, 99, IP), (100, 100, DONE)]))
    assert [legend.status(p) for p in (0, 1, 55, 99, 100)] == [NS, IP, IP, IP, DONE]
