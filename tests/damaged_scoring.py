"""Scoring the damaged copies of the generic and real documents (fixtures/generic/damaged/,
built by fixtures/build/generic_damaged.py) against hand-known values.

The generic Word documents' values are read off their source text in
fixtures/build/generic_word.py (the same values tests/layouts/test_generic_word.py asserts on
the native PDFs); the real documents' values are their hand-written gold in
fixtures/real/ (goals and activities only for the årsbokslut, whose damaged copy holds
its Måluppföljning pages only). Shared by benchmarks/damaged.py and
tests/layouts/test_damaged_generic.py.

Everything works on the JSON form of a parse (``PlanDocument.model_dump(mode="json")``).
Titles and names are matched with :func:`tests.real_scoring.norm_title`, nothing fuzzier.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.real_scoring import (
    F1,
    REAL,
    Accuracy,
    activities_f1,
    assessment_accuracy,
    f1,
    goals_f1,
    iter_goals,
    load_real_gold,
    match,
    status_accuracy,
)

ROOT = Path(__file__).resolve().parent.parent
GENERIC = ROOT / "fixtures" / "generic"
DAMAGED = GENERIC / "damaged"
LAYERS = ("native", "ocr", "scan", "colourscan")

Doc = dict[str, Any]


def _goal(title: str, level: str = "goal", assessment: str | None = None, activities: list[Doc] | None = None,
          indicators: list[Doc] | None = None, children: list[Doc] | None = None) -> Doc:  # fmt: skip
    return {"title": title, "level": level, "assessment": {"value": assessment} if assessment else None,
            "activities": activities or [], "indicators": indicators or [], "children": children or []}  # fmt: skip


def _act(title: str, status: str | None = None) -> Doc:
    return {"title": title, "status": {"value": status} if status else None, "indicators": []}


def _ind(name: str, *values: float) -> Doc:
    return {"name": name, "values": [{"value": v} for v in values]}


def _line(name: str, *amounts: float) -> Doc:
    return {"name": name, "values": [{"amount": a} for a in amounts]}


def _inv(name: str, *amounts: float | None) -> Doc:
    return {"name": name, "amounts": [{"amount": a} for a in amounts]}


def _doc(goals: list[Doc], budget: list[Doc] | None = None, investments: list[Doc] | None = None) -> Doc:
    return {"goals": goals, "budget": budget or [], "investments": investments or []}


def _etapp(i: int) -> Doc:
    return _inv(f"Ombyggnad skola etapp {i}", 1000 + i * 37, 500 + i * 11, None if i % 7 == 0 else 200 + i, 3000 + i * 50)


# Hand-known content of the generic Word documents, from fixtures/build/generic_word.py.
GENERIC_EXPECTED: dict[str, Doc] = {
    "delarsrapport-word-table-grid": _doc(
        # "Kommunfullmäktiges mål: …" is a goal, its "Nämndmål: …" sub-goals (layouts/goal_levels.py)
        [_goal("Göteborg ska vara en jämlik stad", "goal", children=[
            _goal("Fler barn och unga ska delta i föreningslivet", "sub_goal", assessment="partially_fulfilled",
                  activities=[_act("Utöka lovaktiviteter i nordost", "in_progress"),
                              _act("Ta fram föreningsstrategi", "in_progress_deviation")],
                  indicators=[_ind("Andel barn 7–16 år i föreningsaktivitet (%)", 61, 59, 62),
                              _ind("Antal deltagartillfällen", 1204300, 1180455, 1800000)]),
            _goal("Stadens idrottsanläggningar ska vara tillgängliga för alla", "sub_goal", assessment="fulfilled"),
        ])],
        budget=[_line("Intäkter", 120.5, 118.0, -2.5), _line("Kostnader", -560.0, -552.3, 7.7),
                _line("Summa", -439.5, -434.3, 5.2)],
        investments=[_inv("Konstgräs Kviberg", 12.0, 3.0, 15.0), _inv("Mindre reinvesteringar", None, None, 8.0)],
    ),
    "arsbokslut-word-goal-table": _doc(
        [_goal("Minska klimatpåverkan från nämndens verksamhet", assessment="partially_fulfilled"),
         _goal("Handläggningstiden för bygglov ska vara högst tio veckor", assessment="fulfilled"),
         _goal("Öka andelen ekologiska livsmedel", assessment="not_fulfilled",
               # the "Uppdrag" and "Nyckeltal" tables: owned by whichever goal, scored flat
               activities=[_act("Ta fram en plan för laddinfrastruktur", "completed"),
                           _act("Utreda gemensam miljöövervakning", "in_progress")],
               indicators=[_ind("Antal inspektioner", 1210, 1305, 1402, 1500),
                           _ind("Nöjd kund-index bygglov", 68, 71, 73, 75)])],
    ),
    "investeringsbudget-word-long-table": _doc(
        [], investments=[_etapp(i) for i in range(1, 31)]
        + [_inv("Gatubelysning", 2500, 2500, 2500, 7500), _inv("Försäljning tomtmark", -1200, -800, -500, -2500)],
    ),
    "delarsrapport-word-status-after-dash": _doc(
        [_goal("Invånare ska uppleva trygghet i sin vardag", assessment="partially_fulfilled",
               activities=[_act("Trygghetsvandringar i alla stadsdelar", "in_progress"),
                           _act("Ny samverkansöverenskommelse med polisen", "completed")],
               indicators=[_ind("Andel som känner sig trygga ute på kvällen, %", 62, 64, 70),
                           _ind("Antal orosanmälningar", 3120, 2980, 2800)]),
         _goal("Fler ska gå från försörjningsstöd till arbete", assessment="not_fulfilled",
               activities=[_act("Jobbspår inom vård och omsorg", "in_progress_deviation")])],
    ),
    "forskola-word-goal-rows": _doc(
        [_goal("Barnen ska utveckla sitt språk och sin kommunikation.",
               activities=[_act("Högläsning varje dag"), _act("Bokprat med vårdnadshavare")]),
         _goal("Barnen ska få en god miljömedvetenhet.",
               activities=[_act("Kompostera matavfall"), _act("Skräpplockardag i maj")])],
    ),
    "namndplan-word-coloured-glyphs": _doc(
        [_goal("Fler invånare ska delta i kulturlivet",
               activities=[_act("Kulturskola i alla stadsdelar", "in_progress"),
                           _act("Nytt bibliotek i Norrby", "in_progress_deviation"),
                           _act("Digital konsthall", "not_started")])],
    ),
}

# Real documents with goals; the årsbokslut's damaged copy holds its goal pages only.
REAL_DAMAGED = {"natet_forskola_arbetsplan_ht2019": False, "simrishamn_kfn_arsbokslut_2025_printtopdf": True}


def expected(stem: str) -> Doc:
    if stem in GENERIC_EXPECTED:
        return GENERIC_EXPECTED[stem]
    gold = load_real_gold(stem)
    if REAL_DAMAGED[stem]:  # goal pages only: no budget, no investments
        gold = {**gold, "budget": [], "investments": []}
    return gold


def stems() -> list[str]:
    return [*GENERIC_EXPECTED, *REAL_DAMAGED]


def source_pdf(stem: str, layer: str) -> Path:
    if layer == "native":
        return GENERIC / f"{stem}.pdf" if stem in GENERIC_EXPECTED else REAL / f"{stem}.pdf"
    return DAMAGED / f"{stem}-{layer}.pdf"


def _indicators(doc: Doc) -> list[Doc]:
    out = []
    for g in iter_goals(doc):
        out.extend(g.get("indicators") or [])
        for a in g.get("activities") or []:
            out.extend(a.get("indicators") or [])
    return out


def _named(items: list[Doc]) -> list[Doc]:
    return [{**it, "title": it.get("name") or ""} for it in items]


def _numbers(item: Doc, key: str, field: str) -> list[Any]:
    values = [v.get(field) for v in item.get(key) or []]
    return [v for v in values if v is not None] if field == "value" else values


def _values_accuracy(gold: list[Doc], parsed: list[Doc], key: str, field: str) -> Accuracy:
    """Share of the gold items (by name) whose matched item has exactly the gold's numbers, in
    order (indicator values: the numeric ones; amounts: every cell, None for a cell without)."""
    pairs = dict(match(_named(gold), _named(parsed)))
    correct = 0
    misses = []
    for i, item in enumerate(gold):
        want = _numbers(item, key, field)
        got = _numbers(parsed[pairs[i]], key, field) if i in pairs else None
        if got == want:
            correct += 1
        else:
            misses.append(f"{item['name'][:40]!r}: want {want}, got {got}")
    return Accuracy(correct, len(gold), tuple(misses))


@dataclass(frozen=True)
class Score:
    goals: F1
    activities: F1
    assessment: Accuracy
    status: Accuracy
    indicators: F1
    values: Accuracy
    budget: F1
    amounts: Accuracy

    def row(self) -> dict[str, float | None]:
        """Figures for a table: F1 of the item kinds and accuracy of the fields, None where the
        document has nothing of that kind."""
        def f(score: F1) -> float | None:
            return None if not score.gold else score.f1

        def a(acc: Accuracy) -> float | None:
            return None if not acc.total else acc.value

        return {"goals": f(self.goals), "activi": f(self.activities), "assess": a(self.assessment),
                "status": a(self.status), "indica": f(self.indicators), "values": a(self.values),
                "budget": f(self.budget), "amount": a(self.amounts)}  # fmt: skip


def score(stem: str, parsed: Doc) -> Score:
    gold = expected(stem)
    gold_budget = _named(gold.get("budget") or []) + _named(gold.get("investments") or [])
    got_budget = _named(parsed.get("budget") or []) + _named(parsed.get("investments") or [])
    lines = _values_accuracy(gold.get("budget") or [], parsed.get("budget") or [], "values", "amount")
    invs = _values_accuracy(gold.get("investments") or [], parsed.get("investments") or [], "amounts", "amount")
    return Score(
        goals=goals_f1(gold, parsed),
        activities=activities_f1(gold, parsed),
        assessment=assessment_accuracy(gold, parsed),
        status=status_accuracy(gold, parsed),
        indicators=f1(_named(_indicators(gold)), _named(_indicators(parsed))),
        values=_values_accuracy(_indicators(gold), _indicators(parsed), "values", "value"),
        budget=f1(gold_budget, got_budget),
        amounts=Accuracy(lines.correct + invs.correct, lines.total + invs.total, lines.misses + invs.misses),
    )
