"""holdout-generic7's skewed colour scan of a delårsrapport, parsed whole: every nämndmål with
its smiley's assessment (the grey "not assessed" one included) and its indicator table."""

from __future__ import annotations

from pathlib import Path

from planparse.api import parse

SCAN = Path(__file__).parents[2] / "fixtures/holdout-generic7/delarsrapport/tidaholm-von-delarsrapport-2-2026-scan.pdf"


def test_scan_goals_assessments_and_indicators() -> None:
    doc = parse(SCAN)
    goals = [g for area in doc.goals for g in area.children]
    assert [area.title for area in doc.goals] == [
        "Trygg och värdig omsorg", "Självbestämmande och delaktighet", "Attraktiv arbetsgivare"]
    assert [g.assessment.value if g.assessment else None for g in goals] == [
        "fulfilled", "partially_fulfilled", "fulfilled", "not_fulfilled", "partially_fulfilled", "not_assessed"]
    first = goals[0]
    assert first.title == "Den enskilde ska känna sig trygg med sitt stöd och sin omsorg"
    assert [[v.raw for v in i.values] for i in first.indicators] == [["87", "85", "87"], ["94", "92", "93"]]
    assert goals[4].indicators[0].name == "Sjukfrånvaro, % av ordinarie arbetstid"
    assert goals[5].title == "Alla nya medarbetare ska få en strukturerad introduktion"
