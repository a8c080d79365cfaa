"""Load planparse documents into Kausal Watch (kausaltech/kausal-watch) over its REST API.

What goes where (see ../shared/docs/MIGRATION-TARGETS.md, read from kausal-watch @ b7797b5):

* the goal tree → Categories of one CategoryType (``--category-type``, default ``mal``):
  ``number`` → ``identifier``, ``title`` → ``name``, ``description`` → ``lead_paragraph``,
  ``parent`` → the parent Category's uuid (``null`` sent explicitly for top-level goals);
* activities → Actions: ``number`` → ``identifier``, ``title`` → ``name``, description and
  implementation → ``description``, dates as they are, the goal's Category in ``categories``;
  status → ``implementation_phase`` and ``status`` by :data:`STATUS_MAP`, ``status.raw`` →
  ``manual_status_reason``;
* indicators → Indicators (``time_resolution`` year) with IndicatorValues (outcome and
  baseline values) and IndicatorGoals (targets), dated ``YYYY-12-31``. Women/men values are
  sent only with ``sex_categories`` (the ids of the "Kön" dimension's categories) and only for
  dates that also have a total; without a total for a date, Kausal rejects the values.

Ids: every object's ``uuid`` is ``uuid5(NAMESPACE, planparse uid)``, so a second run finds
what the first created. Each object is read (GET) before it is written: an identical object is
left alone, a changed one is updated (PUT), a missing one is created (POST). Values and goals
are replaced as a whole (Kausal's endpoints replace all of an indicator's values), only when
they differ. A second run over the same documents therefore makes no writes.

Kausal Watch has no bulk import and some parts are read-only over REST; created once on the
server (``manage.py shell``), before the first load: the plan, the CategoryType with its
levels, the Units, the organisation; linking Actions to Indicators (ActionIndicator) is also
server-side. The endpoints used are in :data:`PATHS`; the read-only ones (category types,
statuses, phases, units) are inferred from the viewsets, not checked against a live server.
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import click

__all__ = [
    "NAMESPACE",
    "PATHS",
    "STATUS_MAP",
    "KausalClient",
    "KausalError",
    "LoadReport",
    "kausal_uuid",
    "load",
    "load_folder",
]

NAMESPACE = uuid.UUID("6f0b7c52-8f5e-5b7e-9a38-0c3c8a1f2d4e")
IDENTIFIER = re.compile(r"^[a-zA-Z0-9äöüåÄÖÜßÅ_.-]+$")
IDENTIFIER_MAX = 50
PATHS = {
    "category_types": "/v1/plan/{plan}/category-types/",
    "categories": "/v1/plan/{plan}/category-types/{ct}/categories/",
    "category": "/v1/plan/{plan}/category-types/{ct}/categories/{id}/",
    "statuses": "/v1/plan/{plan}/action_status/",
    "phases": "/v1/plan/{plan}/action_implementation_phase/",
    "units": "/v1/unit/",
    "actions": "/v1/plan/{plan}/actions/",
    "action": "/v1/plan/{plan}/actions/{id}/",
    "indicators": "/v1/plan/{plan}/indicators/",
    "indicator": "/v1/plan/{plan}/indicators/{id}/",
    "values": "/v1/plan/{plan}/indicators/{id}/values/",
    "goals": "/v1/plan/{plan}/indicators/{id}/goals/",
}
# planparse status → (implementation_phase identifier, status identifier)
STATUS_MAP: dict[str, tuple[str | None, str | None]] = {
    "not_started": ("not_started", None),
    "in_progress": ("implementation", "on_time"),
    "in_progress_deviation": ("implementation", "late"),
    "completed": ("completed", None),
    "completed_deviation": ("completed", "late"),
    "on_hold": (None, "cancelled"),
    "cancelled": (None, "cancelled"),
}


class KausalError(Exception):
    """An API call failed, or the server lacks something the load needs."""


def kausal_uuid(planparse_uid: str) -> str:
    """The Kausal uuid of a planparse object: uuid5 of its uid (stable across runs)."""
    return str(uuid.uuid5(NAMESPACE, planparse_uid))


def identifier_for(number: str | None, uid: str, taken: set[str]) -> str:
    """``number`` when it is a valid Kausal identifier (pattern, at most 50 characters) not
    yet taken, else ``pp-`` and 12 hex digits of the uuid."""
    if number:
        cand = re.sub(r"\s+", "", number).strip(".")
        if cand and IDENTIFIER.match(cand) and len(cand) <= IDENTIFIER_MAX and cand not in taken:
            return cand
    return f"pp-{uuid.UUID(kausal_uuid(uid)).hex[:12]}"


def _doc_prefix(doc: dict[str, Any]) -> str:
    code = (doc.get("municipality") or {}).get("code") or "x"
    return f"{code}-{doc.get('year') or 'x'}"


# --------------------------------------------------------------------------- HTTP


@dataclass
class KausalClient:
    """A minimal Kausal Watch REST client (urllib, token auth, JSON)."""

    base_url: str
    token: str | None
    plan: str
    timeout: float = 60.0
    calls: list[tuple[str, str]] = field(default_factory=list)

    def path(self, name: str, **kw: Any) -> str:
        return PATHS[name].format(plan=urllib.parse.quote(self.plan), **kw)

    def request(self, method: str, path: str, payload: Any = None) -> Any:
        import urllib.error  # here, not at import: keeps `planparse --help` fast
        import urllib.request

        url = self.base_url.rstrip("/") + path
        data = None if payload is None else json.dumps(payload, ensure_ascii=False).encode()
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json; charset=utf-8"
        if self.token:
            headers["Authorization"] = f"Token {self.token}"
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        self.calls.append((method, path))
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body = resp.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            raise KausalError(f"{method} {url}: HTTP {exc.code} {exc.reason}: {detail}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise KausalError(f"{method} {url}: cannot reach Kausal Watch ({reason})") from None
        if not body:
            return None
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise KausalError(f"{method} {url}: the response is not JSON ({exc})") from None

    def list(self, path: str) -> list[dict[str, Any]]:
        """GET a listing: a plain list, or DRF pages (``results``/``next``)."""
        out: list[dict[str, Any]] = []
        data = self.request("GET", path)
        while True:
            if isinstance(data, list):
                return out + data
            if not isinstance(data, dict) or not isinstance(data.get("results"), list):
                raise KausalError(f"GET {path}: expected a list")
            out.extend(data["results"])
            nxt = data.get("next")
            if not nxt:
                return out
            parts = urllib.parse.urlsplit(nxt)
            data = self.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))


# --------------------------------------------------------------------------- load


@dataclass
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def writes(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())


def _walk_goals(
    goals: list[dict[str, Any]], parent: dict[str, Any] | None = None
) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    for g in goals:
        yield g, parent
        yield from _walk_goals(g.get("children") or [], g)


def _same(existing: dict[str, Any], payload: dict[str, Any]) -> bool:
    return all(existing.get(k) == v for k, v in payload.items())


def _upsert(
    client: KausalClient,
    kind: str,
    existing: dict[str, dict[str, Any]],
    payload: dict[str, Any],
    list_path: str,
    item_path: str,
    report: LoadReport,
) -> dict[str, Any]:
    """GET-before-write: leave an identical object, PUT a changed one, POST a new one."""
    found = existing.get(payload["uuid"])
    if found is not None:
        if _same(found, payload):
            report.unchanged[kind] += 1
            return found
        result = client.request("PUT", item_path.format(id=found["id"]), payload)
        report.updated[kind] += 1
    else:
        result = client.request("POST", list_path, payload)
        report.created[kind] += 1
    if not isinstance(result, dict) or "id" not in result:
        raise KausalError(f"{kind} {payload['uuid']}: the server did not return an object id")
    existing[payload["uuid"]] = result
    return result


def _series(
    values: list[dict[str, Any]],
    kinds: tuple[str, ...],
    sex: dict[str, int] | None,
    report: LoadReport,
    name: str,
) -> list[dict[str, Any]]:
    """[{date, value, categories}] by year: a total per date; women/men only with ``sex`` and
    only beside a total (Kausal needs a total for every date)."""
    totals: dict[str, float] = {}
    grouped: dict[tuple[str, str], float] = {}
    for v in values:
        num = v.get("value")
        if v.get("kind") not in kinds or v.get("year") is None or not isinstance(num, (int, float)):
            continue
        date = f"{int(v['year'])}-12-31"
        group = v.get("group") or "total"
        if group == "total":
            totals.setdefault(date, float(num))
        else:
            grouped.setdefault((date, group), float(num))
    out = [{"date": d, "value": totals[d], "categories": []} for d in sorted(totals)]
    for (date, group), num in sorted(grouped.items()):
        if sex is None or group not in sex:
            report.notes.append(f"{name}: {group} value for {date} left out (no sex categories)")
        elif date not in totals:
            report.notes.append(f"{name}: {group} value for {date} left out (no total that year)")
        else:
            out.append({"date": date, "value": num, "categories": [sex[group]]})
    return sorted(out, key=lambda r: (r["date"], r["categories"]))


def _norm_series(rows: Any) -> list[tuple[str, float, tuple[int, ...]]]:
    if not isinstance(rows, list):
        return []
    return sorted(
        (str(r.get("date")), float(r["value"]), tuple(sorted(r.get("categories") or [])))
        for r in rows
        if isinstance(r, dict) and isinstance(r.get("value"), (int, float))
    )


def load(
    documents: list[dict[str, Any]],
    client: KausalClient,
    *,
    category_type: str = "mal",
    organization: int | None = None,
    default_unit: str | None = None,
    sex_categories: dict[str, int] | None = None,
) -> LoadReport:
    """Load planparse documents (JSON dicts) into the client's plan; see the module docs."""
    report = LoadReport()
    cts = client.list(client.path("category_types"))
    ct = next((c for c in cts if c.get("identifier") == category_type), None)
    if ct is None:
        raise KausalError(
            f"plan {client.plan!r} has no category type {category_type!r}; create it on the "
            "server first (CategoryType with one CategoryLevel per goal depth)"
        )
    statuses = {s["identifier"]: s["id"] for s in client.list(client.path("statuses"))}
    phases = {p["identifier"]: p["id"] for p in client.list(client.path("phases"))}
    units = {str(u["name"]).strip().lower(): u["id"] for u in client.list(client.path("units"))}

    # categories: parents before children
    cat_list = client.path("categories", ct=ct["id"])
    cat_item = client.path("category", ct=ct["id"], id="{id}")
    cats = {c["uuid"]: c for c in client.list(cat_list) if c.get("uuid")}
    goal_pairs = [
        (g, p, _doc_prefix(d)) for d in documents for g, p in _walk_goals(d.get("goals") or [])
    ]
    taken: set[str] = set()
    cat_ids: dict[str, int] = {}
    # a number used in several documents gets the document prefix everywhere
    numbers = Counter(g.get("number") for g, _p, _d in goal_pairs)
    for goal, parent, prefix in goal_pairs:
        num = goal.get("number")
        ident = identifier_for(
            num if numbers[num] == 1 else f"{prefix}-{num}" if num else None, goal["uid"], taken
        )
        taken.add(ident)
        payload = {
            "identifier": ident,
            "name": goal["title"][:200],
            "lead_paragraph": goal.get("description") or "",
            "parent": kausal_uuid(parent["uid"]) if parent else None,
            "uuid": kausal_uuid(goal["uid"]),
        }
        cat_ids[goal["uid"]] = _upsert(
            client, "category", cats, payload, cat_list, cat_item, report
        )["id"]

    # actions
    act_list, act_item = client.path("actions"), client.path("action", id="{id}")
    acts = {a["uuid"]: a for a in client.list(act_list) if a.get("uuid")}
    act_pairs = [(a, g, d) for g, _, d in goal_pairs for a in g.get("activities") or []]
    act_numbers = Counter(a.get("number") for a, _g, _d in act_pairs)
    taken = set()
    for act, goal, prefix in act_pairs:
        num = act.get("number")
        ident = identifier_for(
            num if act_numbers[num] == 1 else f"{prefix}-{num}" if num else None, act["uid"], taken
        )
        taken.add(ident)
        status = act.get("status") or {}
        phase_id, status_id = STATUS_MAP.get(status.get("value", ""), (None, None))
        reason = status.get("raw") or ""
        if status.get("value") == "on_hold" and "vilande" not in reason.lower():
            reason = f"vilande: {reason}" if reason else "vilande"
        for needed, table, what in ((phase_id, phases, "phase"), (status_id, statuses, "status")):
            if needed and needed not in table:
                raise KausalError(f"plan {client.plan!r} has no action {what} {needed!r}")
        description = "\n\n".join(
            p for p in (act.get("description"), act.get("implementation")) if p
        )
        payload = {
            "identifier": ident,
            "name": act["title"][:1000],
            "uuid": kausal_uuid(act["uid"]),
            "description": description,
            "status": statuses.get(status_id) if status_id else None,
            "implementation_phase": phases.get(phase_id) if phase_id else None,
            "manual_status_reason": reason,
            "start_date": act.get("start_date"),
            "end_date": act.get("end_date"),
            "categories": {category_type: [cat_ids[goal["uid"]]]},
        }
        _upsert(client, "action", acts, payload, act_list, act_item, report)

    # indicators, their values and goals
    ind_list, ind_item = client.path("indicators"), client.path("indicator", id="{id}")
    inds = {i["uuid"]: i for i in client.list(ind_list) if i.get("uuid")}
    for goal, _p, _d in goal_pairs:
        owned = list(goal.get("indicators") or [])
        for act in goal.get("activities") or []:
            owned.extend(act.get("indicators") or [])
        for ind in owned:
            unit_name = (ind.get("unit") or default_unit or "").strip().lower()
            unit_id = units.get(unit_name) or units.get((default_unit or "").strip().lower())
            if unit_id is None:
                report.skipped.append(
                    f"indicator {ind['uid']}: no Kausal unit {ind.get('unit') or default_unit!r}"
                )
                continue
            if organization is None:
                raise KausalError("indicators need an organization id (--organization)")
            payload = {
                "name": ind["name"][:200],
                "unit": unit_id,
                "organization": organization,
                "time_resolution": "year",
                "uuid": kausal_uuid(ind["uid"]),
            }
            obj = _upsert(client, "indicator", inds, payload, ind_list, ind_item, report)
            for kind, kinds in (("values", ("outcome", "baseline")), ("goals", ("target",))):
                series = _series(ind.get("values") or [], kinds, sex_categories, report, ind["uid"])
                if kind == "goals":
                    series = [
                        {"date": r["date"], "value": r["value"]}
                        for r in series
                        if not r["categories"]
                    ]
                path = client.path(kind, id=obj["id"])
                current = client.request("GET", path)
                if _norm_series(current) == _norm_series(series):
                    report.unchanged[kind] += 1
                    continue
                client.request("POST", path, series)
                report.updated[kind] += 1
    return report


def load_folder(outdir: str | os.PathLike[str], client: KausalClient, **options: Any) -> LoadReport:
    """Load every valid planparse JSON of ``outdir`` (sorted by uid); files failing the schema
    are skipped with their reason."""
    from pydantic import ValidationError

    from planparse.export import ExportReport, scan
    from planparse.model import PlanDocument

    docs: list[dict[str, Any]] = []
    skipped: list[str] = []
    scan_report = ExportReport()
    for _uid, path in scan(outdir, scan_report):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            PlanDocument.model_validate(data)
        except ValidationError as exc:
            skipped.append(f"{path.name}: {exc.error_count()} schema error(s)")
            continue
        except (OSError, ValueError) as exc:
            skipped.append(f"{path.name}: {exc}")
            continue
        docs.append(data)
    report = load(docs, client, **options)
    report.skipped[:0] = skipped + [f"{n}: not planparse JSON" for n in scan_report.skipped]
    return report


# --------------------------------------------------------------------------- command line


@click.group("migrate")
def cli() -> None:
    """Seed planning systems from planparse JSON (Kausal Watch, Stratsys)."""


@cli.command("kausal")
@click.argument("outdir", type=click.Path(exists=True, file_okay=False))
@click.option("--url", required=True, help="Kausal Watch base URL (the API is under /v1/).")
@click.option("--token", envvar="KAUSAL_TOKEN", default=None, help="API token (or $KAUSAL_TOKEN).")
@click.option("--plan", required=True, help="Plan identifier.")
@click.option("--organization", type=int, default=None, help="Organisation id for indicators.")
@click.option(
    "--category-type",
    default="mal",
    show_default=True,
    help="Identifier of the CategoryType holding the goal tree.",
)
@click.option(
    "--default-unit",
    default=None,
    help="Kausal unit name for indicators whose unit the server does not know.",
)
@click.option(
    "--sex-categories",
    default=None,
    metavar="WOMEN_ID,MEN_ID",
    help="Dimension category ids for women/men values (else only totals are sent).",
)
def kausal_cmd(
    outdir: str,
    url: str,
    token: str | None,
    plan: str,
    organization: int | None,
    category_type: str,
    default_unit: str | None,
    sex_categories: str | None,
) -> None:
    """Load the goal tree, activities and indicators of OUTDIR into a Kausal Watch plan."""
    sex = None
    if sex_categories:
        try:
            w, m = (int(x) for x in sex_categories.split(","))
        except ValueError:
            raise click.UsageError("--sex-categories: expected WOMEN_ID,MEN_ID") from None
        sex = {"women": w, "men": m}
    client = KausalClient(url, token, plan)
    try:
        report = load_folder(
            outdir,
            client,
            category_type=category_type,
            organization=organization,
            default_unit=default_unit,
            sex_categories=sex,
        )
    except KausalError as exc:
        click.echo(f"planparse: {exc}", err=True)
        raise SystemExit(1) from None
    for s in report.skipped:
        click.echo(f"skipped {s}", err=True)
    for n in report.notes:
        click.echo(f"note: {n}", err=True)

    def fmt(c: Counter[str]) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(c.items())) or "nothing"

    click.echo(
        f"created: {fmt(report.created)}; updated: {fmt(report.updated)}; "
        f"unchanged: {fmt(report.unchanged)}",
        err=True,
    )


def _register_stratsys() -> None:
    from planparse.migrate.stratsys import cli as stratsys_cli

    cli.add_command(stratsys_cli)


_register_stratsys()
