"""The items of a planparse JSON document as the review page shows them.

Works on the JSON form (a ``dict``), not on the pydantic model, so that a review can be made
from any output file, also one an older or newer planparse wrote: unknown keys are ignored
and an item whose provenance is missing or unusable is kept, marked "no position".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Item kinds in the order the panel lists their sections; values are the labels shown.
KINDS: dict[str, str] = {
    "goal": "goal",
    "activity": "activity",
    "indicator": "indicator",
    "budget_line": "budget line",
    "investment": "investment",
    "control": "control",
    "risk": "risk",
}

# Decisions below this confidence are marked for a look.
DEFAULT_THRESHOLD = 0.8


@dataclass
class Item:
    """One extracted item: its place in the panel and its box on the page."""

    id: str  # "i<n>", the DOM link between panel entry and box
    kind: str  # a key of KINDS
    uid: str | None
    label: str  # number and title/name, as shown in the panel
    depth: int  # nesting in the goal tree (0 for top-level items)
    page: int | None  # 1-based page, None when there is no usable position
    bbox: tuple[float, float, float, float] | None  # PDF points, origin top left
    method: str | None  # provenance.method
    raw_text: str | None
    details: list[str] = field(default_factory=list)  # status, assessment, values, amounts …
    flags: list[str] = field(default_factory=list)  # why the item needs a look
    no_position: str | None = None  # why it has no box, when it has none


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", "\u202f")
    return "–" if value is None else str(value)


def _position(
    prov: Any, page_count: int | None
) -> tuple[int | None, tuple[float, float, float, float] | None, str | None]:
    """(page, bbox, None) for a usable provenance, else (page or None, None, reason)."""
    if not isinstance(prov, dict):
        return None, None, "no provenance"
    page = prov.get("page")
    if not isinstance(page, int) or page < 1 or (page_count and page > page_count):
        return None, None, f"page {page!r} is not in the document"
    bbox = prov.get("bbox")
    if not isinstance(bbox, list | tuple) or len(bbox) != 4:
        return page, None, "no bbox"
    try:
        x0, y0, x1, y1 = (float(v) for v in bbox)
    except (TypeError, ValueError):
        return page, None, "bbox is not four numbers"
    if not (x1 > x0 and y1 > y0):
        return page, None, "empty bbox"
    return page, (x0, y0, x1, y1), None


def _confidence_flags(what: str, decision: Any, threshold: float) -> list[str]:
    if not isinstance(decision, dict):
        return []
    conf = decision.get("confidence")
    if isinstance(conf, int | float) and conf < threshold:
        return [f"low-confidence {what} ({conf:.2f} < {threshold:.2f}): {decision.get('raw')!r}"]
    return []


def _decision(what: str, decision: Any) -> list[str]:
    if not isinstance(decision, dict):
        return []
    conf = decision.get("confidence")
    conf_text = f", confidence {conf:.2f}" if isinstance(conf, int | float) else ""
    # schema 1.1: "icon" when the decision was read from a coloured marker, not printed text
    icon = ", from an icon" if decision.get("source") == "icon" else ""
    return [f"{what}: {decision.get('value')} (“{_text(decision.get('raw'))}”{conf_text}{icon})"]


def _indicator_values(ind: dict[str, Any]) -> list[str]:
    out = []
    for v in ind.get("values") or []:
        if not isinstance(v, dict):
            continue
        parts = [_text(v.get("label")) or "?"]
        if v.get("group"):
            parts.append(f"[{v['group']}]")
        shown = _num(v.get("value")) if v.get("value") is not None else _text(v.get("raw"))
        out.append(f"{' '.join(parts)}: {shown or '–'}")
    return out


class _Collector:
    def __init__(self, page_count: int | None, threshold: float) -> None:
        self.items: list[Item] = []
        self.page_count = page_count
        self.threshold = threshold

    def add(
        self,
        kind: str,
        node: dict[str, Any],
        label: str,
        depth: int,
        details: list[str],
        flags: list[str],
    ) -> Item:
        prov = node.get("provenance")
        page, bbox, why = _position(prov, self.page_count)
        method = prov.get("method") if isinstance(prov, dict) else None
        raw = prov.get("raw_text") if isinstance(prov, dict) else None
        if method not in (None, "native"):
            shown = _text(raw)
            differs = shown and shown.casefold() not in _text(label).casefold()
            if differs and len(shown) > 80:
                shown = shown[:79] + "…"
            flags = [*flags, f"{method} text" + (f" (raw: “{shown}”)" if differs else "")]
        item = Item(
            id=f"i{len(self.items)}",
            kind=kind,
            uid=node.get("uid"),
            label=label,
            depth=depth,
            page=page,
            bbox=bbox,
            method=method,
            raw_text=raw,
            details=details,
            flags=flags,
            no_position=why,
        )
        self.items.append(item)
        return item

    def indicator(self, ind: dict[str, Any], depth: int) -> None:
        details = []
        if ind.get("unit"):
            details.append(f"unit: {ind['unit']}")
        details.extend(_indicator_values(ind))
        self.add("indicator", ind, _text(ind.get("name")) or "(no name)", depth, details, [])

    def activity(self, act: dict[str, Any], depth: int) -> None:
        details = _decision("status", act.get("status"))
        if isinstance(act.get("progress"), int):  # schema 1.1
            details.append(f"progress: {act['progress']} %")
        if act.get("owner"):
            details.append(f"owner: {_text(act['owner'])}")
        if act.get("start_date") or act.get("end_date"):
            details.append(f"{act.get('start_date') or '…'} – {act.get('end_date') or '…'}")
        flags = _confidence_flags("status", act.get("status"), self.threshold)
        label = " ".join(p for p in (_text(act.get("number")), _text(act.get("title"))) if p)
        self.add("activity", act, label or "(no title)", depth, details, flags)
        for ind in act.get("indicators") or []:
            self.indicator(ind, depth + 1)

    def goal(self, goal: dict[str, Any], depth: int) -> None:
        details = [str(goal.get("level") or "goal").replace("_", " ")]
        details += _decision("assessment", goal.get("assessment"))
        flags = _confidence_flags("assessment", goal.get("assessment"), self.threshold)
        label = " ".join(p for p in (_text(goal.get("number")), _text(goal.get("title"))) if p)
        self.add("goal", goal, label or "(no title)", depth, details, flags)
        for ind in goal.get("indicators") or []:
            self.indicator(ind, depth + 1)
        for act in goal.get("activities") or []:
            self.activity(act, depth + 1)
        for child in goal.get("children") or []:
            self.goal(child, depth + 1)


def collect(doc: dict[str, Any], threshold: float = DEFAULT_THRESHOLD) -> list[Item]:
    """Every item of a document, in panel order: the goal tree depth first, then budget lines,
    investments, control points and risks."""
    source = doc.get("source") or {}
    page_count = source.get("page_count") if isinstance(source.get("page_count"), int) else None
    c = _Collector(page_count, threshold)
    for goal in doc.get("goals") or []:
        c.goal(goal, 0)
    for line in doc.get("budget") or []:
        details = [
            f"{_text(v.get('label'))}: {_num(v.get('amount'))} {v.get('unit') or ''}".strip()
            for v in line.get("values") or []
            if isinstance(v, dict)
        ]
        name = _text(line.get("name")) or "(no name)"
        if line.get("is_sum"):  # schema 1.1
            details.insert(0, "sum row")
        c.add("budget_line", line, name, 0, details, [])
    for inv in doc.get("investments") or []:
        details = [
            f"{a.get('year') or '?'}: {_num(a.get('amount'))} {a.get('unit') or ''}".strip()
            for a in inv.get("amounts") or []
            if isinstance(a, dict)
        ]
        if inv.get("responsible"):
            details.append(f"responsible: {_text(inv['responsible'])}")
        c.add("investment", inv, _text(inv.get("name")) or "(no name)", 0, details, [])
    for ctl in doc.get("controls") or []:
        details = [
            f"{k.replace('_', ' ')}: {_text(ctl.get(k))}"
            for k in ("risk", "risk_value", "method", "responsible")
            if ctl.get(k) is not None
        ]
        c.add("control", ctl, _text(ctl.get("process")) or "(no process)", 0, details, [])
    for risk in doc.get("risks") or []:
        details = [
            f"{k}: {risk.get(k)}"
            for k in ("consequence", "probability", "score")
            if risk.get(k) is not None
        ]
        c.add("risk", risk, _text(risk.get("area")) or "(no area)", 0, details, [])
    return c.items


__all__ = ["DEFAULT_THRESHOLD", "KINDS", "Item", "collect"]
