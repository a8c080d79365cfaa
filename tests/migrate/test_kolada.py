"""Kolada KPI links: Swedish normalisation, scoring, catalogue files, the v3 API (served from
recorded responses by a local HTTP server), the CLI. Uses only the packaged catalogue subset."""

from __future__ import annotations

import csv
import io
import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

import planparse
from planparse.cli import main
from planparse.migrate import kolada
from planparse.migrate.kolada import (
    LINK_COLUMNS,
    CatalogueError,
    KoladaError,
    Matcher,
    analyse_many,
    fetch_catalogue,
    fetch_values,
    load_catalogue,
    packaged_catalogue,
    rule_stem,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
RECORDED = Path(__file__).resolve().parent / "data" / "kolada"
RECORDED_HOST = "https://api.kolada.se"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(packaged_catalogue())


# --------------------------------------------------------------------------- Swedish text


def test_rule_stems_of_definite_and_plural_forms() -> None:
    assert {rule_stem(w) for w in ("elev", "eleverna", "elevernas")} == {"elev"}
    assert rule_stem("behöriga") == rule_stem("behörig") == "behörig"
    assert rule_stem("kostnader") == "kostnad"
    assert rule_stem("år") == "år"  # too short to strip


@pytest.mark.parametrize("source", ["lookup", "rules"])
def test_the_issue_example_meets_its_kpi(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Andelen elever som är behöriga" shares lemmas and the measure with the KPI title,
    with spaCy's lookup lemmas and with the suffix rules alone."""
    if source == "rules":
        monkeypatch.setitem(sys.modules, "spacy_lookups_data", None)  # its import fails
        rules_only = kolada.build_pipeline()
        monkeypatch.setattr(kolada, "_pipeline", lambda: rules_only)
    assert kolada.lemma_source() == source
    plan, kpi = analyse_many(
        [
            "Andelen elever som är behöriga till yrkesprogram",
            "Elever i åk 9 som är behöriga till yrkesprogram, hemkommun, andel (%)",
        ]
    )
    assert {"elev", "behörig", "yrkesprogram"} <= set(plan.stems) & set(kpi.stems)
    assert plan.measure == kpi.measure == "andel"
    assert plan.unit == kpi.unit == "percent"
    assert "andel" not in plan.stems and "som" not in plan.stems


def test_units_and_measures_are_features() -> None:
    cost, count, share = analyse_many(
        ["Kostnad grundskola åk 1 - 9/invånare", "Antal arbetsskador", "Sjukfrånvaro i %"],
        [None, None, None],
    )
    assert (cost.measure, cost.unit) == ("kostnad", "kr")
    assert "1-9" in cost.stems and "invånar" in cost.stems  # "åk 1 - 9" as Kolada writes it
    assert (count.measure, count.unit) == ("antal", "count")
    assert (share.measure, share.unit) == ("andel", "percent")
    (unit_only,) = analyse_many(["Nettokostnadsavvikelse för äldreomsorg"], ["mnkr"])
    assert unit_only.unit == "kr"


# --------------------------------------------------------------------------- matching


def test_known_matches(matcher: Matcher) -> None:
    cases = {
        "Andelen elever som är behöriga till yrkesprogram": "N15428",
        "Sjukfrånvaro totalt bland anställda, andel % Kolada": "N00090",
        "Soliditet inklusive pensionsåtaganden": "N03002",
        "Andel föräldrapenningdagar som tas ut av män.": "N00943",
        "Kostnad för lokaler kr/elev årskurs f- 9": "N15061",
    }
    for title, kpi in cases.items():
        cands = matcher.candidates(title)
        assert cands and cands[0].kpi.id == kpi, (title, cands[:2])
        assert 0 < cands[0].score <= 1


def test_no_candidate_below_the_threshold(matcher: Matcher) -> None:
    for title in ("Antal tillbud", "Budgetföljsamhet", "Andel chefer med 10-30 medarbetare"):
        assert matcher.candidates(title) == []
        assert all(c.score < matcher.threshold for c in matcher.score_all(title))
    # the åk 7 question with the opposite answers has no KPI (Kolada asks åk 5 and åk 8)
    title = "Andelen elever i åk 7 som svarat sällan eller ibland på frågan om de känner sig trygga"
    assert matcher.candidates(title) == []


def test_unit_agreement_decides_between_variants(matcher: Matcher) -> None:
    pct = matcher.candidates(
        "Nettokostnadsavvikelse för äldreomsorg", "Kostnadsavvikelse i procent"
    )
    assert pct[0].kpi.id == "N20900"  # (%)
    mkr = matcher.candidates("Nettokostnadsavvikelse för äldreomsorg", "mnkr")
    assert mkr[0].kpi.id == "N20029"  # miljoner kronor


def test_only_municipal_kpis(matcher: Matcher) -> None:
    region = {k.id for k in packaged_catalogue() if k.municipality_type == "L"}
    assert {"N60030", "N60404"} <= region  # the subset holds the region look-alikes
    for title in ("Sjukfrånvaro totalt bland anställda", "Resor med kollektivtrafik per invånare"):
        assert not {c.kpi.id for c in matcher.score_all(title)} & region
    regional = Matcher(packaged_catalogue(), types=("L",))
    assert regional.candidates("Sjukfrånvaro totalt bland anställda")[0].kpi.id == "N60030"


# --------------------------------------------------------------------------- catalogue files


def test_catalogue_in_the_wrong_shape(tmp_path: Path) -> None:
    cases = {
        "no_type.csv": ("id,title\nN1,Något\n", "lacks the column"),
        "bad_type.csv": ("id,title,municipality_type\nN1,Något,X\n", "is not K, L or A"),
        "object.json": ('{"kpis": []}', "must be a list of KPI objects"),
        "broken.json": ('{"values": [', "not valid JSON"),
        "empty.csv": ("", "is empty"),
        "no_rows.csv": ("id,title,municipality_type\n", "has no KPIs"),
    }
    for name, (text, reason) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(CatalogueError, match=reason) as err:
            load_catalogue(path)
        assert str(path) in str(err.value)
    result = CliRunner().invoke(
        main, ["kolada", "link", str(tmp_path), "--catalogue", str(tmp_path / "no_type.csv")]
    )
    assert result.exit_code == 1
    assert "no_type.csv: CSV catalogue lacks the column(s) municipality_type" in result.output


def test_json_catalogue_as_the_api_returns_it(tmp_path: Path) -> None:
    path = tmp_path / "kpi.json"
    path.write_bytes((RECORDED / "kpi_page1.json").read_bytes())
    kpis = load_catalogue(path)
    assert [k.id for k in kpis] == ["N00090"]  # the deleted KPI is left out
    assert kpis[0].is_divided_by_gender and kpis[0].municipality_type == "K"


# --------------------------------------------------------------------------- the v3 API


class Recorded(BaseHTTPRequestHandler):
    """Replays recorded Kolada v3 responses; unknown data paths answer an empty listing as
    Kolada does for a municipality and year without data."""

    base = ""
    seen: list[str] = []
    routes: dict[str, str] = {}

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        type(self).seen.append(self.path)
        parts = urlsplit(self.path)
        key = unquote(parts.path) + (f"?{parts.query}" if parts.query else "")
        if key in self.routes:
            body = (RECORDED / self.routes[key]).read_text(encoding="utf-8")
            body = body.replace(RECORDED_HOST, self.base)
            code = 200
        elif parts.path.startswith("/v3/data/"):
            body, code = '{"count": 0, "values": []}', 200
        else:
            body, code = '{"error": "not found"}', 404
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def api() -> Iterator[tuple[str, list[str]]]:
    seen: list[str] = []
    handler = type(
        "Handler",
        (Recorded,),
        {
            "seen": seen,
            "routes": {
                "/v3/kpi?per_page=2": "kpi_page1.json",
                "/v3/kpi?per_page=2&page=2": "kpi_page2.json",
                "/v3/kpi?per_page=5000": "kpi_page2.json",
                "/v3/data/kpi/N00090/municipality/2580/year/2017,2018": (
                    "data_N00090_2580_2017-2018.json"
                ),
            },
        },
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield handler.base, seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_fetch_catalogue_follows_next_url(api: tuple[str, list[str]]) -> None:
    base, seen = api
    kpis = fetch_catalogue(base, per_page=2)
    assert [k.id for k in kpis] == ["N00090", "N60030"]
    assert seen == ["/v3/kpi?per_page=2", "/v3/kpi?per_page=2&page=2"]
    fetch_catalogue(base, per_page=20000)  # capped at the API's maximum
    assert seen[-1] == "/v3/kpi?per_page=5000"


def test_catalogue_update_caches_and_is_used(
    api: tuple[str, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, _ = api
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = CliRunner().invoke(main, ["kolada", "catalogue", "--update", "--api-url", base])
    assert result.exit_code == 0, result.output
    cached = tmp_path / "cache" / "planparse" / "kolada_kpi.csv"
    assert [k.id for k in load_catalogue(cached)] == ["N60030"]
    result = CliRunner().invoke(main, ["kolada", "catalogue"])
    assert f"1 KPIs from {cached}" in result.output
    # no network: a clear error, the cache is kept
    result = CliRunner().invoke(
        main, ["kolada", "catalogue", "--update", "--api-url", "http://127.0.0.1:9"]
    )
    assert result.exit_code == 1 and "cannot reach Kolada" in result.output
    assert cached.exists()


def test_fetch_values_maps_gender_codes(api: tuple[str, list[str]]) -> None:
    base, seen = api
    rows = fetch_values("N00090", "2580", [2018, 2017], base)
    assert seen == ["/v3/data/kpi/N00090/municipality/2580/year/2017,2018"]
    assert rows == [
        {"year": 2017, "group": "total", "value": 5.4, "status": ""},
        {"year": 2017, "group": "women", "value": 6.2, "status": ""},
        {"year": 2017, "group": "men", "value": 3.5, "status": ""},
        {"year": 2018, "group": "total", "value": 5.1, "status": "B"},
        {"year": 2018, "group": "women", "value": 5.8, "status": ""},
        {"year": 2018, "group": "men", "value": 3.3, "status": ""},
    ]
    fetch_values("N00090", "2580", range(1990, 2030), base)  # 40 years: two calls of ≤ 25
    assert [p.rsplit("/", 1)[1].count(",") + 1 for p in seen[1:]] == [25, 15]
    with pytest.raises(KoladaError, match="HTTP 404"):
        fetch_catalogue(base + "/nowhere")


# --------------------------------------------------------------------------- the command


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kolada-docs")
    for name in ("lulea-plan-budget-2019", "vindeln-verksamhetsplan-2026"):
        (out / f"{name}.json").write_text(
            planparse.parse(FIXTURES / f"{name}.pdf").to_json(), encoding="utf-8"
        )
    return out


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_link_writes_scored_candidates(folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["kolada", "link", str(folder), "--dest", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "kolada_links.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(LINK_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["confirmed"] for r in rows} == {"false"}
    assert all(float(r["score"]) >= kolada.THRESHOLD for r in rows)
    assert {r["method"] for r in rows} == {f"spacy-sv-{kolada.lemma_source()}+rapidfuzz"}
    best = {r["indicator_name"]: r["kpi_id"] for r in rows if r["rank"] == "1"}
    assert best["Sjukfrånvaro totalt bland anställda"] == "N00090"
    assert best["Soliditet inklusive pensionsåtaganden"] == "N03002"
    assert best["Självfinansieringsgrad av investeringar"] == "N03103"
    assert "Egenproducerad solel" not in best and "Styrningsindex" not in best
    # deterministic, and no temp files left behind
    CliRunner().invoke(main, ["kolada", "link", str(folder), "--dest", str(tmp_path)])
    assert (tmp_path / "kolada_links.csv").read_text(encoding="utf-8") == text
    assert not list(tmp_path.glob(".*.tmp"))


def test_link_skips_a_file_that_fails_the_schema(folder: Path, tmp_path: Path) -> None:
    for p in folder.glob("*.json"):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    doc = json.loads((folder / "vindeln-verksamhetsplan-2026.json").read_text(encoding="utf-8"))
    doc["uid"], doc["year"] = "other", "next year"
    (tmp_path / "bad.json").write_text(json.dumps(doc), encoding="utf-8")
    result = CliRunner().invoke(main, ["kolada", "link", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "skipped bad.json: 1 schema error(s), first: year" in result.output
    assert "2 documents" in result.output


def test_compare_sets_plan_values_beside_kolada(
    folder: Path, tmp_path: Path, api: tuple[str, list[str]]
) -> None:
    base, seen = api
    (tmp_path / "in").mkdir()
    src = folder / "lulea-plan-budget-2019.json"
    (tmp_path / "in" / src.name).write_bytes(src.read_bytes())
    result = CliRunner().invoke(
        main, ["kolada", "link", str(tmp_path / "in"), "--compare", "--api-url", base]
    )
    assert result.exit_code == 0, result.output
    assert "/v3/data/kpi/N00090/municipality/2580/year/2017,2018" in seen
    rows = _rows(tmp_path / "in" / "kolada_compare.csv")
    sick = [
        (r["year"], r["group"], r["plan_kind"], r["plan_value"], r["kolada_value"])
        for r in rows
        if r["indicator_name"] == "Sjukfrånvaro i procent av arbetstiden"
    ]
    # plan values from the gold (fixtures/expected/lulea-plan-budget-2019.json), Kolada's from
    # the recorded response; gender K/M → women/men
    assert sick == [
        ("2017", "total", "outcome", "5.1", "5.4"),
        ("2018", "total", "outcome", "4.8", "5.1"),
        ("2017", "women", "outcome", "5.9", "6.2"),
        ("2018", "women", "outcome", "5.5", "5.8"),
        ("2017", "men", "outcome", "3.6", "3.5"),
        ("2018", "men", "outcome", "3.4", "3.3"),
    ]
    assert {r["municipality_code"] for r in rows} == {"2580"}
    # unreachable API: errors named, exit 1, the links file is still written
    result = CliRunner().invoke(
        main,
        ["kolada", "link", str(tmp_path / "in"), "--compare", "--api-url", "http://127.0.0.1:9"],
    )
    assert result.exit_code == 1 and "cannot reach Kolada" in result.output
    assert (tmp_path / "in" / "kolada_links.csv").exists()
