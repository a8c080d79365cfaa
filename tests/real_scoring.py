"""Scoring a parse against the hand-written gold of the real documents (fixtures/real/).

Shared by tests/layouts/test_real_documents.py and usable from benchmarks. Everything works on
the JSON form (``PlanDocument.model_dump(mode="json")`` or a gold file), so keys that a newer
schema adds (``progress``, ``source``) are read when present and count as missing otherwise.

Matching: an item of the parse matches an item of the gold when their titles are equal after
:func:`norm_title`; repeated titles are matched one to one in document order. Nothing fuzzier:
a title that lost or gained words does not match.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"
REAL_EXPECTED = REAL  # hand-written gold, NAME.json beside NAME.pdf

# Characters that never belong in a clean output string (issue 11, "Clean strings").
DIRTY_CHARS = {
    "\t": "tab",
    "\r": "carriage return",
    "\u00a0": "no-break space",
    "\u00ad": "soft hyphen",
    "\u200b": "zero-width space",
    "|": "table-cell separator '|'",
}
# Keys whose strings are not document content and are not checked for cleanliness: raw text by
# contract, identifiers, and warnings (diagnostics; one that names a skipped table's header
# joins its cells with " | ").
RAW_KEYS = frozenset({"raw_text", "sha256", "uid", "warnings"})

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff"))


def real_names() -> list[str]:
    return sorted(p.stem for p in REAL_EXPECTED.glob("*.json"))


def load_real_gold(name: str) -> dict[str, Any]:
    return json.loads((REAL_EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


# Keys the real gold held beyond schema 1.1 and schema 1.2 took over (see fixtures/real/NOTES.md,
# "Shape of the gold"): ``section`` on budget lines and investments, ``is_sum`` on investments,
# ``label`` and ``kind`` on investment amounts. None is beyond the contract any more.
BEYOND_CONTRACT: dict[str, tuple[str, ...]] = {"budget": (), "investments": (), "amounts": ()}


def contract_view(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold without ``_notes`` and any key the contract does not have (none since 1.2)."""
    doc = {k: v for k, v in gold.items() if k != "_notes"}
    doc = json.loads(json.dumps(doc))
    for item in doc.get("budget", []):
        for key in BEYOND_CONTRACT["budget"]:
            item.pop(key, None)
    for item in doc.get("investments", []):
        for key in BEYOND_CONTRACT["investments"]:
            item.pop(key, None)
        for amount in item.get("amounts", []):
            for key in BEYOND_CONTRACT["amounts"]:
                amount.pop(key, None)
    return doc


def norm_title(text: str) -> str:
    """Casefolded NFKC text with every run of punctuation, quotes, dashes and whitespace made one
    space: "Kropp  &\u00a0Hälsa." and "kropp & hälsa" compare equal, "13–25" and "13 25" too."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold()
    return _NON_WORD.sub(" ", text).replace("_", " ").strip()


def iter_goals(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every goal of the tree, depth first, in document order."""
    stack = list(reversed(doc.get("goals") or []))
    while stack:
        goal = stack.pop()
        yield goal
        stack.extend(reversed(goal.get("children") or []))


def iter_activities(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for goal in iter_goals(doc):
        yield from goal.get("activities") or []


def match(gold: list[dict[str, Any]], parsed: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (gold index, parsed index) of items with equal normalised titles, one to one, in
    document order."""
    free: dict[str, list[int]] = {}
    for j, item in enumerate(parsed):
        free.setdefault(norm_title(item.get("title") or ""), []).append(j)
    pairs = []
    for i, item in enumerate(gold):
        candidates = free.get(norm_title(item.get("title") or ""))
        if candidates:
            pairs.append((i, candidates.pop(0)))
    return pairs


@dataclass(frozen=True)
class F1:
    matched: int
    gold: int
    parsed: int

    @property
    def precision(self) -> float:
        return self.matched / self.parsed if self.parsed else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else (1.0 if not self.parsed else 0.0)

    @property
    def f1(self) -> float:
        """Harmonic mean; 1.0 when gold and parse are both empty (nothing to find, nothing
        invented), 0.0 when exactly one of them is empty."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"F1 {self.f1:.3f} (matched {self.matched}, gold {self.gold}, parsed {self.parsed})"


def f1(gold: list[dict[str, Any]], parsed: list[dict[str, Any]]) -> F1:
    return F1(len(match(gold, parsed)), len(gold), len(parsed))


def goals_f1(gold_doc: dict[str, Any], parsed_doc: dict[str, Any]) -> F1:
    return f1(list(iter_goals(gold_doc)), list(iter_goals(parsed_doc)))


def activities_f1(gold_doc: dict[str, Any], parsed_doc: dict[str, Any]) -> F1:
    return f1(list(iter_activities(gold_doc)), list(iter_activities(parsed_doc)))


@dataclass(frozen=True)
class Accuracy:
    correct: int
    total: int
    misses: tuple[str, ...]

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def __str__(self) -> str:
        shown = "; ".join(self.misses[:5])
        return f"accuracy {self.value:.3f} ({self.correct}/{self.total}) {shown}"


def _field_accuracy(
    gold: list[dict[str, Any]], parsed: list[dict[str, Any]], field: str, tolerance: int = 0
) -> Accuracy:
    """Share of the gold items that carry ``field`` whose matched parsed item has the same value
    (``field.value`` for status/assessment; a number within ``tolerance`` otherwise). A gold item
    that matched nothing counts as wrong."""
    pairs = dict(match(gold, parsed))
    correct = total = 0
    misses: list[str] = []
    for i, item in enumerate(gold):
        want = item.get(field)
        if want is None:
            continue
        total += 1
        got = parsed[pairs[i]].get(field) if i in pairs else None
        if isinstance(want, dict):  # status / assessment: compare the canonical value
            want, got = want["value"], got.get("value") if isinstance(got, dict) else None
            ok = got == want
        else:  # a number
            ok = isinstance(got, int | float) and abs(got - want) <= tolerance
        if ok:
            correct += 1
        else:
            where = "unmatched" if i not in pairs else f"got {got}"
            misses.append(f"{(item.get('title') or '')[:50]!r}: want {want}, {where}")
    return Accuracy(correct, total, tuple(misses))


def status_accuracy(gold_doc: dict[str, Any], parsed_doc: dict[str, Any]) -> Accuracy:
    return _field_accuracy(
        list(iter_activities(gold_doc)), list(iter_activities(parsed_doc)), "status"
    )


def assessment_accuracy(gold_doc: dict[str, Any], parsed_doc: dict[str, Any]) -> Accuracy:
    return _field_accuracy(list(iter_goals(gold_doc)), list(iter_goals(parsed_doc)), "assessment")


def progress_accuracy(
    gold_doc: dict[str, Any], parsed_doc: dict[str, Any], tolerance: int = 5
) -> Accuracy:
    """Färdiggrad: the parsed percentage within ``tolerance`` points of the gold one."""
    return _field_accuracy(
        list(iter_activities(gold_doc)), list(iter_activities(parsed_doc)), "progress", tolerance
    )


def section_accuracy(gold_doc: dict[str, Any], parsed_doc: dict[str, Any]) -> Accuracy:
    """``section`` (1.2) of the budget lines and investments matched by name (normalised, one to
    one in document order, budget lines with budget lines): the share of the matched gold items
    that carry the key whose parsed item has the same section. Unmatched items are left out:
    finding the lines is scored elsewhere."""
    correct = total = 0
    misses: list[str] = []
    for key in ("budget", "investments"):
        gold = [dict(g, title=g.get("name")) for g in gold_doc.get(key) or []]
        parsed = [dict(p, title=p.get("name")) for p in parsed_doc.get(key) or []]
        for i, j in match(gold, parsed):
            if "section" not in gold[i]:
                continue
            total += 1
            want, got = gold[i]["section"], parsed[j].get("section")
            if want == got:
                correct += 1
            else:
                misses.append(f"{(gold[i]['name'] or '')[:50]!r}: want {want!r}, got {got!r}")
    return Accuracy(correct, total, tuple(misses))


def dirty_strings(node: Any, path: str = "$") -> list[str]:
    """Every string in the document that is not clean, as "path: reason: text"."""
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in RAW_KEYS:
                out.extend(dirty_strings(value, f"{path}.{key}"))
    elif isinstance(node, list):
        for k, value in enumerate(node):
            out.extend(dirty_strings(value, f"{path}[{k}]"))
    elif isinstance(node, str):
        reasons = [name for ch, name in DIRTY_CHARS.items() if ch in node]
        if "  " in node:
            reasons.append("double space")
        if any("\ue000" <= ch <= "\uf8ff" for ch in node):
            reasons.append("private-use character (a symbol font's glyph)")
        if node != node.strip():
            reasons.append("leading/trailing whitespace")
        if any(line != line.strip() for line in node.split("\n")):
            reasons.append("whitespace around a line break")
        if reasons:
            out.append(f"{path}: {', '.join(reasons)}: {node[:60]!r}")
    return out


def with_status(doc: dict[str, Any]) -> list[str]:
    """Titles of the goals with an assessment and activities with a status."""
    hits = [g["title"] for g in iter_goals(doc) if g.get("assessment")]
    hits += [a["title"] for a in iter_activities(doc) if a.get("status")]
    return hits
