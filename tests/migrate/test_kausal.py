"""The Kausal Watch loader against a small Kausal-like HTTP server on 127.0.0.1.

The server stores what it receives and enforces Kausal Watch's rules as read from its source
(../shared/docs/MIGRATION-TARGETS.md): identifier pattern and length, ``"parent"`` sent
explicitly, dates ``YYYY-12-31``, a total value (no category) for every date, known status,
phase, unit and category ids, token auth on writes. It is not a mock of the loader: the loader
talks HTTP to it through urllib like to a real server.
"""

from __future__ import annotations

import copy
import json
import re
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import planparse
from planparse.cli import main
from planparse.migrate.kausal import (
    NAMESPACE,
    KausalClient,
    KausalError,
    load,
    load_folder,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PDFS = (
    "solleftea-malavstamning-t2-2024",  # nested goals, every status
    "vindeln-verksamhetsplan-2026",  # indicator values with years, units
    "lulea-plan-budget-2019",  # women/men values, a target, goals without numbers
)
TOKEN = "s3cret"
IDENT = re.compile(r"^[a-zA-Z0-9äöüåÄÖÜßÅ_.-]+$")
YEAR_END = re.compile(r"^\d{4}-12-31$")


class KausalStore:
    """A plan in a Kausal-like server: what was stored, every call, every rule broken."""

    def __init__(self) -> None:
        self.category_types = [{"id": 7, "identifier": "mal", "name": "Mål"}]
        self.statuses = [
            {"id": 1, "identifier": "on_time", "name": "I tid"},
            {"id": 2, "identifier": "late", "name": "Försenad"},
            {"id": 3, "identifier": "cancelled", "name": "Avbruten eller vilande"},
        ]
        self.phases = [
            {"id": 11, "identifier": "not_started", "name": "Ej påbörjad"},
            {"id": 12, "identifier": "planning", "name": "Planering"},
            {"id": 13, "identifier": "implementation", "name": "Genomförande"},
            {"id": 14, "identifier": "completed", "name": "Klar"},
        ]
        self.units = [
            {"id": 21, "name": "%"},
            {"id": 22, "name": "Antal"},
            {"id": 23, "name": "st"},
        ]
        self.categories: dict[int, dict[str, Any]] = {}
        self.actions: dict[int, dict[str, Any]] = {}
        self.indicators: dict[int, dict[str, Any]] = {}
        self.values: dict[int, list[dict[str, Any]]] = {}
        self.goals: dict[int, list[dict[str, Any]]] = {}
        self.calls: list[tuple[str, str]] = []
        self.violations: list[str] = []
        self.next_id = 100

    def state(self) -> dict[str, Any]:
        return copy.deepcopy(
            {
                "categories": self.categories,
                "actions": self.actions,
                "indicators": self.indicators,
                "values": self.values,
                "goals": self.goals,
            }
        )

    # ---- rules
    def _ident(self, kind: str, obj: dict[str, Any], taken: list[str]) -> None:
        ident = obj.get("identifier")
        if not isinstance(ident, str) or not IDENT.match(ident) or len(ident) > 50:
            self.violations.append(f"{kind} identifier {ident!r}")
        if ident in taken:
            self.violations.append(f"{kind} identifier {ident!r} not unique")

    def check_category(self, obj: dict[str, Any], own_id: int | None) -> None:
        others = [c["identifier"] for i, c in self.categories.items() if i != own_id]
        self._ident("category", obj, others)
        if "parent" not in obj:
            self.violations.append("category without an explicit parent")
        elif obj["parent"] is not None and obj["parent"] not in {
            c["uuid"] for c in self.categories.values()
        }:
            self.violations.append(f"category parent {obj['parent']} does not exist (yet)")
        if len(obj.get("name") or "") > 200 or not obj.get("name"):
            self.violations.append("category name")
        uuid.UUID(obj["uuid"])

    def check_action(self, obj: dict[str, Any], own_id: int | None) -> None:
        others = [a["identifier"] for i, a in self.actions.items() if i != own_id]
        self._ident("action", obj, others)
        if obj.get("status") not in (None, *[s["id"] for s in self.statuses]):
            self.violations.append(f"action status {obj.get('status')}")
        if obj.get("implementation_phase") not in (None, *[p["id"] for p in self.phases]):
            self.violations.append(f"action phase {obj.get('implementation_phase')}")
        cats = obj.get("categories")
        if not isinstance(cats, dict) or set(cats) != {"mal"}:
            self.violations.append(f"action categories {cats}")
        elif any(c not in self.categories for c in cats["mal"]):
            self.violations.append(f"action category ids {cats['mal']}")
        for key in ("start_date", "end_date"):
            if obj.get(key) is not None and not re.match(r"^\d{4}-\d\d-\d\d$", obj[key]):
                self.violations.append(f"action {key} {obj[key]}")
        uuid.UUID(obj["uuid"])

    def check_indicator(self, obj: dict[str, Any]) -> None:
        if obj.get("unit") not in [u["id"] for u in self.units]:
            self.violations.append(f"indicator unit {obj.get('unit')}")
        if not isinstance(obj.get("organization"), int):
            self.violations.append("indicator organization")
        if obj.get("time_resolution") != "year" or len(obj.get("name") or "") > 200:
            self.violations.append("indicator time_resolution/name")
        uuid.UUID(obj["uuid"])

    def check_series(self, kind: str, rows: Any) -> None:
        if not isinstance(rows, list):
            self.violations.append(f"{kind} is not a list")
            return
        dates = {r["date"] for r in rows}
        for r in rows:
            if not YEAR_END.match(r["date"]) or not isinstance(r["value"], (int, float)):
                self.violations.append(f"{kind} row {r}")
        if kind == "values":
            totals = {r["date"] for r in rows if r.get("categories") == []}
            if dates - totals:
                self.violations.append(f"values without a total: {sorted(dates - totals)}")
            keys = [(r["date"], tuple(r["categories"])) for r in rows]
        else:
            keys = [(r["date"],) for r in rows]
        if len(keys) != len(set(keys)):
            self.violations.append(f"{kind} duplicate dates")


def _handler(store: KausalStore) -> type[BaseHTTPRequestHandler]:
    routes = [
        ("categories", re.compile(r"^/v1/plan/p1/category-types/7/categories/(?:(\d+)/)?$")),
        ("actions", re.compile(r"^/v1/plan/p1/actions/(?:(\d+)/)?$")),
        ("indicators", re.compile(r"^/v1/plan/p1/indicators/(?:(\d+)/)?$")),
        ("values", re.compile(r"^/v1/plan/p1/indicators/(\d+)/values/$")),
        ("goals", re.compile(r"^/v1/plan/p1/indicators/(\d+)/goals/$")),
    ]
    static = {
        "/v1/plan/p1/category-types/": lambda: store.category_types,
        "/v1/plan/p1/action_status/": lambda: store.statuses,
        "/v1/plan/p1/action_implementation_phase/": lambda: store.phases,
        "/v1/unit/": lambda: store.units,
    }

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, code: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _route(self) -> tuple[str, int | None] | None:
            for name, rx in routes:
                m = rx.match(self.path)
                if m:
                    return name, int(m.group(1)) if m.group(1) else None
            return None

        def do_GET(self) -> None:
            store.calls.append(("GET", self.path))
            if self.path in static:
                return self._send(200, static[self.path]())
            r = self._route()
            if r is None:
                return self._send(404, {"detail": "not found"})
            name, oid = r
            if name in ("values", "goals"):
                return self._send(200, getattr(store, name).get(oid, []))
            table = getattr(store, name)
            if oid is None:
                return self._send(200, [table[k] for k in sorted(table)])
            return self._send(200, table[oid]) if oid in table else self._send(404, {})

        def _write(self, method: str) -> None:
            store.calls.append((method, self.path))
            if self.headers.get("Authorization") != f"Token {TOKEN}":
                return self._send(401, {"detail": "Authentication credentials were not provided."})
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            r = self._route()
            if r is None:
                return self._send(404, {"detail": "not found"})
            name, oid = r
            if name in ("values", "goals"):
                if method != "POST" or oid not in store.indicators:
                    return self._send(405, {})
                store.check_series(name, body)
                getattr(store, name)[oid] = body
                return self._send(201, body)
            table = getattr(store, name)
            if (method == "POST") == (oid is not None):
                return self._send(405, {})
            check = getattr(store, f"check_{name[:-1] if name != 'categories' else 'category'}")
            if name == "indicators":
                check(body)
            else:
                check(body, oid)
            if oid is None:
                store.next_id += 1
                oid = store.next_id
            elif oid not in table:
                return self._send(404, {})
            table[oid] = {**body, "id": oid}
            return self._send(200 if method == "PUT" else 201, table[oid])

        def do_POST(self) -> None:
            self._write("POST")

        def do_PUT(self) -> None:
            self._write("PUT")

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[str, KausalStore]]:
    store = KausalStore()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(store))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", store
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    """The fixture PDFs parsed by planparse into a folder, and as JSON dicts."""
    out = tmp_path_factory.mktemp("kausal-docs")
    parsed = []
    for name in PDFS:
        text = planparse.parse(FIXTURES / f"{name}.pdf").to_json()
        (out / f"{name}.json").write_text(text, encoding="utf-8")
        parsed.append(json.loads(text))
    return out, parsed


def _goals(doc: dict[str, Any]) -> list[dict[str, Any]]:
    out, stack = [], list(reversed(doc["goals"]))
    while stack:
        g = stack.pop()
        out.append(g)
        stack.extend(reversed(g["children"]))
    return out


def _load(url: str, docs: list[dict[str, Any]], **kw: Any) -> Any:
    client = KausalClient(url, TOKEN, "p1")
    options = {"organization": 5, "default_unit": "st"} | kw
    return load(docs, client, **options)


def test_first_load_creates_everything_in_order(server, docs) -> None:
    url, store = server
    _, parsed = docs
    report = _load(url, parsed)
    assert store.violations == []
    goals = [g for d in parsed for g in _goals(d)]
    activities = [a for g in goals for a in g["activities"]]
    assert report.created["category"] == len(store.categories) == len(goals)
    assert report.created["action"] == len(store.actions) == len(activities)
    # read before writing: the four lookups come first, each listing before its writes
    assert store.calls[:4] == [
        ("GET", "/v1/plan/p1/category-types/"),
        ("GET", "/v1/plan/p1/action_status/"),
        ("GET", "/v1/plan/p1/action_implementation_phase/"),
        ("GET", "/v1/unit/"),
    ]
    kinds = [
        (
            m,
            "values"
            if p.endswith("/values/")
            else "goals"
            if p.endswith("/goals/")
            else "categories"
            if "/categories/" in p
            else "actions"
            if "/actions/" in p
            else "indicators",
        )
        for m, p in store.calls[4:]
    ]
    first_post = {k: kinds.index(("POST", k)) for k in ("categories", "actions", "indicators")}
    last_post = {k: max(i for i, c in enumerate(kinds) if c == ("POST", k)) for k in first_post}
    assert kinds.index(("GET", "categories")) < first_post["categories"]
    assert last_post["categories"] < kinds.index(("GET", "actions")) < first_post["actions"]
    assert last_post["actions"] < kinds.index(("GET", "indicators")) < first_post["indicators"]
    # uuids are uuid5 of the planparse uids; top-level goals have an explicit null parent
    by_uuid = {c["uuid"]: c for c in store.categories.values()}
    for g in goals:
        assert str(uuid.uuid5(NAMESPACE, g["uid"])) in by_uuid
    solleftea = _goals(parsed[0])
    top = by_uuid[str(uuid.uuid5(NAMESPACE, solleftea[0]["uid"]))]
    assert top["parent"] is None
    # "3.1" is also a goal number in Vindeln's plan: both get their document's prefix
    assert top["identifier"] == f"2283-2024-{solleftea[0]['number']}"
    vindeln = _goals(parsed[1])
    assert by_uuid[str(uuid.uuid5(NAMESPACE, vindeln[0]["uid"]))]["identifier"] == "2404-2026-3.1"
    child = next(g for g in solleftea if g["number"] and g["number"].count(".") == 2)
    parent = next(g for g in solleftea if child in g["children"])
    assert by_uuid[str(uuid.uuid5(NAMESPACE, child["uid"]))]["parent"] == str(
        uuid.uuid5(NAMESPACE, parent["uid"])
    )
    # Luleå's goals have no numbers: valid generated identifiers
    lulea = [by_uuid[str(uuid.uuid5(NAMESPACE, g["uid"]))] for g in _goals(parsed[2])]
    assert all(c["identifier"].startswith("pp-") for c in lulea)


def test_status_maps_to_phase_status_and_reason(server, docs) -> None:
    url, store = server
    _, parsed = docs
    _load(url, parsed[:1])
    by_uuid = {a["uuid"]: a for a in store.actions.values()}
    expected = {  # planparse status → (phase id, status id)
        "not_started": (11, None),
        "in_progress": (13, 1),
        "in_progress_deviation": (13, 2),
        "completed": (14, None),
        "completed_deviation": (14, 2),
        "on_hold": (None, 3),
        "cancelled": (None, 3),
    }
    seen = set()
    for g in _goals(parsed[0]):
        for a in g["activities"]:
            sent = by_uuid[str(uuid.uuid5(NAMESPACE, a["uid"]))]
            value = a["status"]["value"]
            seen.add(value)
            assert (sent["implementation_phase"], sent["status"]) == expected[value], a["title"]
            assert a["status"]["raw"] in sent["manual_status_reason"]
            if value == "on_hold":
                assert "vilande" in sent["manual_status_reason"].lower()
            else:
                assert sent["manual_status_reason"] == a["status"]["raw"]
            assert sent["name"] == a["title"]
            if a["number"]:  # unique when Sollefteå is loaded alone
                assert sent["identifier"] == a["number"]
            else:
                assert re.match(r"^pp-[0-9a-f]{12}$", sent["identifier"])
            assert sent["categories"]["mal"] == [
                next(
                    c["id"]
                    for c in store.categories.values()
                    if c["uuid"] == str(uuid.uuid5(NAMESPACE, g["uid"]))
                )
            ]
    assert seen == set(expected)  # the fixture has every status


def test_indicator_values_and_goals(server, docs) -> None:
    url, store = server
    _, parsed = docs
    report = _load(url, parsed)
    assert store.violations == []
    by_name = {i["name"]: i for i in store.indicators.values()}
    fossil = by_name["Andel fossilfria fordon i den egna fordonsflottan"]
    assert fossil["unit"] == 21  # "%"
    assert store.values[fossil["id"]] == [
        {"date": "2025-12-31", "value": 12.0, "categories": []},
        {"date": "2026-12-31", "value": 19.0, "categories": []},
    ]
    hme = by_name["Medarbetarengagemang (HME), index"]
    assert hme["unit"] == 23  # no unit in the plan: the default
    assert store.goals[hme["id"]] == [{"date": "2019-12-31", "value": 80.0}]
    sick = by_name["Sjukfrånvaro i procent av arbetstiden"]
    assert store.values[sick["id"]] == [
        {"date": "2017-12-31", "value": 5.1, "categories": []},
        {"date": "2018-12-31", "value": 4.8, "categories": []},
    ]
    assert any("women value for 2017-12-31 left out" in n for n in report.notes)


def test_women_and_men_only_beside_a_total(server, docs) -> None:
    url, store = server
    _, parsed = docs
    _load(url, parsed[2:], sex_categories={"women": 31, "men": 32})
    assert store.violations == []
    by_name = {i["name"]: i for i in store.indicators.values()}
    assert store.values[by_name["Sjukfrånvaro i procent av arbetstiden"]["id"]] == [
        {"date": "2017-12-31", "value": 5.1, "categories": []},
        {"date": "2017-12-31", "value": 5.9, "categories": [31]},
        {"date": "2017-12-31", "value": 3.6, "categories": [32]},
        {"date": "2018-12-31", "value": 4.8, "categories": []},
        {"date": "2018-12-31", "value": 5.5, "categories": [31]},
        {"date": "2018-12-31", "value": 3.4, "categories": [32]},
    ]
    # Korttidssjukfrånvaro has no total for 2018: nothing for 2018 is sent
    short = store.values[by_name["Korttidssjukfrånvaro"]["id"]]
    assert {r["date"] for r in short} == {"2017-12-31"}


def test_second_run_changes_nothing(server, docs) -> None:
    url, store = server
    _, parsed = docs
    first = _load(url, parsed)
    assert first.writes > 0
    before, n_calls = store.state(), len(store.calls)
    second = _load(url, parsed)
    assert second.writes == 0
    assert store.state() == before
    assert {m for m, _ in store.calls[n_calls:]} == {"GET"}
    # one changed title: exactly one PUT, to that category
    parsed2 = copy.deepcopy(parsed)
    parsed2[0]["goals"][0]["title"] += " (reviderad)"
    n_calls = len(store.calls)
    third = _load(url, parsed2)
    writes = [(m, p) for m, p in store.calls[n_calls:] if m != "GET"]
    assert third.updated["category"] == 1 and len(writes) == 1
    assert writes[0][0] == "PUT" and "/categories/" in writes[0][1]
    assert len(store.categories) == len(before["categories"])


def test_wrong_token_and_missing_category_type(server, docs) -> None:
    url, store = server
    _, parsed = docs
    with pytest.raises(KausalError, match="HTTP 401"):
        load(parsed[:1], KausalClient(url, "wrong", "p1"), organization=5, default_unit="st")
    store.category_types.clear()
    with pytest.raises(KausalError, match="no category type 'mal'"):
        _load(url, parsed[:1])


def test_cli_loads_a_folder_and_skips_a_bad_file(server, docs, tmp_path) -> None:
    url, store = server
    folder, _ = docs
    work = tmp_path / "out"
    work.mkdir()
    for p in folder.glob("*.json"):
        (work / p.name).write_bytes(p.read_bytes())
    bad = json.loads((work / f"{PDFS[1]}.json").read_text(encoding="utf-8"))
    bad["uid"] = "broken"
    bad["document_type"] = "not-a-type"
    (work / "broken.json").write_text(json.dumps(bad), encoding="utf-8")
    args = [
        "migrate",
        "kausal",
        str(work),
        "--url",
        url,
        "--token",
        TOKEN,
        "--plan",
        "p1",
        "--organization",
        "5",
        "--default-unit",
        "st",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "skipped broken.json" in result.output
    assert "created:" in result.output and store.violations == []
    result = CliRunner().invoke(main, args)
    assert "created: nothing; updated: nothing" in result.output
    report = load_folder(work, KausalClient(url, TOKEN, "p1"), organization=5, default_unit="st")
    assert report.writes == 0


def test_identifiers_follow_kausal_rules() -> None:
    from planparse.migrate.kausal import identifier_for

    uid = "2283-tertialrapport-2024-t2-07a1d25b/goal:3.1"
    fallback = f"pp-{uuid.uuid5(NAMESPACE, uid).hex[:12]}"
    assert identifier_for("3.1", uid, set()) == "3.1"
    assert identifier_for("3. 1.", uid, set()) == "3.1"
    assert identifier_for("3.1", uid, {"3.1"}) == fallback  # taken
    assert identifier_for("3/1", uid, set()) == fallback  # "/" is not allowed
    assert identifier_for("1" * 51, uid, set()) == fallback  # longer than 50
    assert identifier_for(None, uid, set()) == fallback
    assert IDENT.match(fallback) and len(fallback) <= 50
