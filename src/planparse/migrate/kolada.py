"""Kolada KPI links: propose Kolada KPIs for the indicators of planparse documents.

Links are *candidates* for a person to confirm, never silent links: every proposal carries a
score, and below :data:`THRESHOLD` nothing is proposed. ``confirmed`` is always written false.

Matching (:class:`Matcher`):

* Titles are tokenised with spaCy's blank Swedish pipeline (no downloaded model). Lemmas come
  from spaCy's lookup lemmatizer when the ``spacy-lookups-data`` package is installed (the
  ``kolada`` extra); a few domain overrides and suffix rules written here (definite and plural
  forms: "elevernas" → "elev", "behöriga" → "behörig") normalise what the table leaves, and
  are the whole lemmatisation when the tables are missing. The ``method`` column says which.
* Unit words (%, procent, kr, antal, index) and the measure (andel/antal/kostnad) are taken out
  of the text and scored as features: agreement adds to the score, disagreement subtracts.
* The rest is scored with rapidfuzz: each plan token is matched to the catalogue's tokens
  (exact, compound head such as "korttidssjukfrånvaro"/"sjukfrånvaro", or a close spelling),
  weighted by how rare the token is in the catalogue, in both directions, plus a token-set
  ratio of the normalised titles.
* Only municipal KPIs (``municipality_type`` K or A, not region-only L) and only KPIs of the
  municipality level (ids ``N…``, not the organisational-unit ``U…`` KPIs) are candidates.

Catalogue: ``--catalogue FILE`` (CSV with the columns of ``GET /v3/kpi``, or its JSON), else the
cache written by ``planparse kolada catalogue --update``, else the small subset packaged in
``planparse/data/kolada_kpi_subset.csv``.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import urllib.parse
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import click

__all__ = [
    "API_URL",
    "THRESHOLD",
    "Candidate",
    "CatalogueError",
    "KoladaError",
    "KPI",
    "Matcher",
    "compare",
    "default_catalogue",
    "fetch_catalogue",
    "fetch_values",
    "link",
    "load_catalogue",
]

API_URL = os.environ.get("PLANPARSE_KOLADA_API", "https://api.kolada.se")
THRESHOLD = 0.62
TOP_K = 3
MUNICIPAL_TYPES = ("K", "A")
LINK_COLUMNS = [
    "indicator_uid",
    "indicator_name",
    "document_uid",
    "municipality_code",
    "rank",
    "kpi_id",
    "kpi_title",
    "score",
    "method",
    "confirmed",
]
COMPARE_COLUMNS = [
    "indicator_uid",
    "indicator_name",
    "kpi_id",
    "municipality_code",
    "year",
    "group",
    "plan_kind",
    "plan_value",
    "kolada_value",
    "kolada_status",
]
CATALOGUE_COLUMNS = [
    "id",
    "title",
    "description",
    "municipality_type",
    "operating_area",
    "perspective",
    "is_divided_by_gender",
    "publ_period",
]
GENDER = {"T": "total", "K": "women", "M": "men"}


class KoladaError(Exception):
    """A Kolada problem the user can act on (network, API, input)."""


class CatalogueError(KoladaError):
    """A KPI catalogue file that cannot be read or has the wrong shape."""


@dataclass(frozen=True)
class KPI:
    id: str
    title: str
    municipality_type: str
    description: str = ""
    operating_area: str = ""
    perspective: str = ""
    is_divided_by_gender: bool = False
    publ_period: str = ""


@dataclass(frozen=True)
class Candidate:
    kpi: KPI
    score: float


# --------------------------------------------------------------------------- catalogue


def _kpi_from_row(row: dict[str, Any], where: str) -> KPI:
    try:
        kpi_id = str(row["id"]).strip()
        title = str(row["title"]).strip()
        mtype = str(row["municipality_type"]).strip()
    except KeyError as exc:
        raise CatalogueError(f"{where}: missing field {exc.args[0]!r}") from None
    if not kpi_id or not title:
        raise CatalogueError(f"{where}: empty id or title")
    if mtype not in ("K", "L", "A"):
        raise CatalogueError(f"{where}: municipality_type {mtype!r} is not K, L or A")
    gender = row.get("is_divided_by_gender", False)
    return KPI(
        id=kpi_id,
        title=title,
        municipality_type=mtype,
        description=str(row.get("description") or ""),
        operating_area=str(row.get("operating_area") or ""),
        perspective=str(row.get("perspective") or ""),
        is_divided_by_gender=str(gender).strip().lower() in ("true", "1"),
        publ_period=str(row.get("publ_period") or ""),
    )


def parse_catalogue(text: str, name: str) -> list[KPI]:
    """KPIs from catalogue text: CSV with at least id, title, municipality_type, or the JSON
    of ``GET /v3/kpi`` (``{"values": [...]}`` or a plain list). Raises CatalogueError."""
    stripped = text.lstrip("\ufeff").lstrip()
    if not stripped:
        raise CatalogueError(f"{name}: the catalogue is empty")
    rows: list[dict[str, Any]]
    if stripped[0] in "[{":
        try:
            data = json.loads(stripped)
        except ValueError as exc:
            raise CatalogueError(f"{name}: not valid JSON ({exc})") from None
        if isinstance(data, dict):
            data = data.get("values")
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise CatalogueError(
                f"{name}: JSON catalogue must be a list of KPI objects or {{'values': [...]}}"
            )
        rows = [r for r in data if not r.get("is_deleted")]
    else:
        reader = csv.DictReader(io.StringIO(stripped))
        missing = {"id", "title", "municipality_type"} - set(reader.fieldnames or [])
        if missing:
            raise CatalogueError(
                f"{name}: CSV catalogue lacks the column(s) {', '.join(sorted(missing))} "
                f"(header: {', '.join(reader.fieldnames or [])})"
            )
        rows = list(reader)
    kpis = [_kpi_from_row(r, f"{name}: KPI {i + 1}") for i, r in enumerate(rows)]
    if not kpis:
        raise CatalogueError(f"{name}: the catalogue has no KPIs")
    return kpis


def load_catalogue(path: str | os.PathLike[str]) -> list[KPI]:
    """Read a catalogue file (CSV or JSON); a clear CatalogueError names the file and reason."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot read the catalogue ({exc})") from None
    return parse_catalogue(text, str(path))


def cache_path() -> Path:
    """Where ``kolada catalogue --update`` caches the full catalogue (user cache dir)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "planparse" / "kolada_kpi.csv"


def packaged_catalogue() -> list[KPI]:
    text = (resources.files("planparse") / "data" / "kolada_kpi_subset.csv").read_text("utf-8")
    return parse_catalogue(text, "planparse/data/kolada_kpi_subset.csv")


def default_catalogue(path: str | os.PathLike[str] | None = None) -> tuple[list[KPI], str]:
    """(KPIs, where they came from): the given file, else the cache, else the packaged subset."""
    if path is not None:
        return load_catalogue(path), str(path)
    cached = cache_path()
    if cached.is_file():
        return load_catalogue(cached), str(cached)
    return packaged_catalogue(), "packaged subset"


def catalogue_csv(kpis: Iterable[KPI]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CATALOGUE_COLUMNS)
    for k in sorted(kpis, key=lambda k: k.id):
        w.writerow(
            [
                k.id,
                k.title,
                k.description,
                k.municipality_type,
                k.operating_area,
                k.perspective,
                str(k.is_divided_by_gender),
                k.publ_period,
            ]
        )
    return out.getvalue()


# --------------------------------------------------------------------------- HTTP (v3)


def _get_json(url: str, timeout: float = 60.0) -> Any:
    import urllib.error  # here, not at import: keeps `planparse --help` fast
    import urllib.request

    req = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
    except urllib.error.HTTPError as exc:
        raise KoladaError(f"GET {url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise KoladaError(f"GET {url}: cannot reach Kolada ({reason})") from None
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise KoladaError(f"GET {url}: the response is not JSON ({exc})") from None


def _pages(url: str) -> Iterator[dict[str, Any]]:
    """Every row of a v3 listing, following ``next_url``."""
    seen: set[str] = set()
    next_url: str | None = url
    while next_url:
        if next_url in seen:
            raise KoladaError(f"GET {next_url}: next_url loops")
        seen.add(next_url)
        page = _get_json(next_url)
        if not isinstance(page, dict) or not isinstance(page.get("values"), list):
            raise KoladaError(f"GET {next_url}: expected {{'values': [...]}}")
        yield from page["values"]
        next_url = page.get("next_url") or None


def fetch_catalogue(api_url: str = API_URL, per_page: int = 5000) -> list[KPI]:
    """The whole KPI catalogue from ``GET /v3/kpi`` (deleted KPIs left out)."""
    per_page = max(1, min(per_page, 5000))
    url = f"{api_url.rstrip('/')}/v3/kpi?per_page={per_page}"
    rows = [r for r in _pages(url) if isinstance(r, dict) and not r.get("is_deleted")]
    if not rows:
        raise KoladaError(f"GET {url}: the catalogue is empty")
    return [_kpi_from_row(r, f"{url}: KPI {i + 1}") for i, r in enumerate(rows)]


def update_catalogue(api_url: str = API_URL, dest: Path | None = None) -> tuple[int, Path]:
    """Fetch the catalogue and write it atomically to the cache; (number of KPIs, path)."""
    from planparse.batch import atomic_write_text

    kpis = fetch_catalogue(api_url)
    target = dest or cache_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, catalogue_csv(kpis))
    return len(kpis), target


def fetch_values(
    kpi_id: str, municipality: str, years: Iterable[int], api_url: str = API_URL
) -> list[dict[str, Any]]:
    """Kolada's values for one KPI, municipality and years (``GET /v3/data/kpi/{id}/
    municipality/{code}/year/{y,…}``, at most 25 years per call): one dict per
    (year, group) with ``year``, ``group`` (total/women/men), ``value``, ``status``."""
    out: list[dict[str, Any]] = []
    ys = sorted(set(years))
    for i in range(0, len(ys), 25):
        chunk = ",".join(str(y) for y in ys[i : i + 25])
        url = (
            f"{api_url.rstrip('/')}/v3/data/kpi/{urllib.parse.quote(kpi_id)}"
            f"/municipality/{urllib.parse.quote(municipality)}/year/{chunk}"
        )
        for row in _pages(url):
            period = row.get("period")
            for v in row.get("values") or []:
                group = GENDER.get(str(v.get("gender")))
                if group is None or not isinstance(period, int):
                    continue
                out.append(
                    {
                        "year": period,
                        "group": group,
                        "value": v.get("value"),
                        "status": v.get("status") or "",
                    }
                )
    return sorted(out, key=lambda r: (r["year"], list(GENDER.values()).index(r["group"])))


# --------------------------------------------------------------------------- text analysis

# Words that only say which unit or measure; scored as features, not as text.
_UNIT_WORDS = {
    "%": "percent",
    "procent": "percent",
    "procentandel": "percent",
    "kr": "kr",
    "kronor": "kr",
    "tkr": "kr",
    "mnkr": "kr",
    "antal": "count",
    "index": "index",
    "totalindex": "index",
    "medelbetyg": "index",
}
_MEASURE_WORDS = {
    "andel": "andel",
    "procentandel": "andel",
    "%": "andel",
    "procent": "andel",
    "antal": "antal",
    "kostnad": "kostnad",
    "nettokostnad": "kostnad",
    "bruttokostnad": "kostnad",
}
# Lemma fixes where the lookup table picks a verb or misses a form.
_OVERRIDES = {
    "andelen": "andel",
    "anställda": "anställd",
    "anställde": "anställd",
    "anställdas": "anställd",
    "bilar": "bil",
    "elever": "elev",
    "eleverna": "elev",
    "elevernas": "elev",
    "inv": "invånare",
    "invånarna": "invånare",
    "årskurs": "åk",
    "åk": "åk",
    "inkl": "inklusive",
    "exkl": "exklusive",
    "pensionsåtag": "pensionsåtagande",
    "pensionsåtaganden": "pensionsåtagande",
    "kostnader": "kostnad",
    "bostäder": "bostad",
}
# Words that carry no meaning for matching: plan phrasing and catalogue boilerplate.
_FILLER = {
    "kolada",
    "kommun",
    "kommunen",
    "kommunens",
    "total",
    "totalt",
    "ska",
    "öka",
    "ökar",
    "minska",
    "minskar",
    "via",
    "samt",
    "både",
    "uppge",
    "uppger",
    "svara",
    "svarat",
}
_SUFFIXES = (
    "ernas",
    "arnas",
    "ornas",
    "erna",
    "arna",
    "orna",
    "ens",
    "ets",
    "an",
    "en",
    "et",
    "na",
    "er",
    "ar",
    "or",
    "a",
    "e",
)
_DASHED_RANGE = re.compile(r"\b([fF]|\d+)\s*-\s*(\d+)\b")
_THOUSANDS = re.compile(r"\b(\d{1,3})\s(\d{3})\b")
_NUMBER = re.compile(r"^\d[\d.,-]*$")
# Variants a municipality's own plan rarely means unless it says so.
_QUALIFIERS = ("lägeskommun", "fristående", "privat", "enskild")
_DISCONTINUED = re.compile(r"\(-\s*(?:19|20)\d\d\)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def rule_stem(word: str) -> str:
    """Strip one definite/plural/adjective ending, keeping a stem of at least three letters:
    "elevernas" → "elev", "behöriga" → "behörig", "skolan" → "skol"."""
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)]
    return word


def build_pipeline() -> tuple[Any, str]:
    """(spaCy blank Swedish pipeline, lemma source): with the lookup lemmatizer when
    ``spacy-lookups-data`` is installed, else the tokenizer only."""
    import spacy

    nlp = spacy.blank("sv")
    try:
        import spacy_lookups_data  # noqa: F401

        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        return nlp, "lookup"
    except (ImportError, ValueError, OSError):
        return spacy.blank("sv"), "rules"


@lru_cache(maxsize=1)
def _pipeline() -> tuple[Any, str]:
    """The pipeline, built once per process (loading the lookup tables takes seconds)."""
    return build_pipeline()


def lemma_source() -> str:
    """ "lookup" (spaCy's Swedish lookup table plus rules) or "rules" (rules only)."""
    return _pipeline()[1]


@dataclass(frozen=True)
class Features:
    """What the matcher compares: content stems, unit and measure."""

    stems: tuple[str, ...]
    unit: str | None = None
    measure: str | None = None
    discontinued: bool = False


def _norm_token(tok: Any, use_lemma: bool) -> str:
    low = tok.lower_
    if low in _OVERRIDES:
        return rule_stem(_OVERRIDES[low])
    lemma = tok.lemma_.lower() if use_lemma and tok.lemma_ else low
    return rule_stem(_OVERRIDES.get(lemma, lemma))


def analyse_many(texts: list[str], units: list[str | None] | None = None) -> list[Features]:
    """Features of each title (and optional unit text), with one spaCy pass."""
    from spacy.lang.sv.stop_words import STOP_WORDS

    nlp, source = _pipeline()
    use_lemma = source == "lookup"
    prepared = [
        _THOUSANDS.sub(r"\1\2", _DASHED_RANGE.sub(r"\1-\2", t.lower())).replace("/", " / ")
        for t in texts
    ]
    out = []
    unit_texts = units or [None] * len(texts)
    for text, doc, unit_text in zip(texts, nlp.pipe(prepared), unit_texts, strict=True):
        stems: list[str] = []
        unit = measure = None
        for tok in doc:
            low = tok.lower_
            if tok.is_punct and low != "%":
                continue
            if low in _UNIT_WORDS or _MEASURE_WORDS.get(low) == low or low in ("%", "procent"):
                unit = unit or _UNIT_WORDS.get(low)
                measure = measure or _MEASURE_WORDS.get(low)
                if low != "totalindex":  # a total index is also what is measured
                    continue
            norm = _norm_token(tok, use_lemma)
            if norm in _MEASURE_WORDS:
                measure = measure or _MEASURE_WORDS[norm]
                unit = unit or _UNIT_WORDS.get(norm)
                if norm in ("andel", "antal", "kostnad"):
                    continue  # nettokostnad, bruttokostnad stay as words too
            if (
                low in STOP_WORDS
                or norm in STOP_WORDS
                or low in _FILLER
                or _YEAR.match(low)
                or low.startswith("-")
                or not any(c.isalnum() for c in low)
            ):
                continue
            if norm not in stems:
                stems.append(norm)
        if unit_text:
            ul = unit_text.lower()
            for word, kind in _UNIT_WORDS.items():
                if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", ul):
                    unit = unit or kind
                    measure = measure or _MEASURE_WORDS.get(word)
            if measure is None and re.search(r"(?<!\w)andel(?!\w)", ul):
                measure = "andel"
        if measure == "andel" and unit is None:
            unit = "percent"
        if measure == "kostnad" and unit is None:
            unit = "kr"
        out.append(Features(tuple(stems), unit, measure, bool(_DISCONTINUED.search(text))))
    return out


# --------------------------------------------------------------------------- matching

_COMPATIBLE = {("andel", "percent"), ("kostnad", "kr"), ("antal", "count")}


def _token_sim(a: str, b: str) -> float:
    """Similarity of two stems: 1 exact, 0.8 compound head, 0.7 common prefix, else close
    spelling (rapidfuzz ratio ≥ 85) scaled."""
    from rapidfuzz import fuzz

    if a == b:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 5 and long_.endswith(short):
        return 0.55
    if len(short) >= 6 and long_.startswith(short):
        return 0.7
    r = fuzz.ratio(a, b)
    return 0.9 * r / 100 if r >= 85 else 0.0


@dataclass
class Matcher:
    """Scores plan indicator titles against a KPI catalogue (see the module docstring)."""

    kpis: list[KPI]
    types: tuple[str, ...] = MUNICIPAL_TYPES
    threshold: float = THRESHOLD
    top_k: int = TOP_K
    _pool: list[KPI] = field(init=False, repr=False)
    _features: list[Features] = field(init=False, repr=False)
    _described: list[frozenset[str]] = field(init=False, repr=False)
    _postings: dict[str, list[int]] = field(init=False, repr=False)
    _idf: dict[str, float] = field(init=False, repr=False)
    _unknown_idf: float = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._pool = [
            k for k in self.kpis if k.municipality_type in self.types and not k.id.startswith("U")
        ]
        self._features = analyse_many([k.title for k in self._pool])
        # the description's first sentence: words a plan may use that the title leaves out
        firsts = [_first_sentence(k.description) for k in self._pool]
        self._described = [frozenset(f.stems) for f in analyse_many(firsts)]
        self._postings = defaultdict(list)
        for i, f in enumerate(self._features):
            for s in f.stems:
                self._postings[s].append(i)
        n = len(self._pool)
        self._idf = {t: math.log((n + 1) / (len(p) + 1)) + 1 for t, p in self._postings.items()}
        self._unknown_idf = math.log(n + 1) + 1

    @property
    def method(self) -> str:
        return f"spacy-sv-{lemma_source()}+rapidfuzz"

    def _similar(self, stem: str) -> dict[str, float]:
        """Catalogue stems similar to ``stem`` with their similarity."""
        from rapidfuzz import fuzz, process

        out = {stem: 1.0} if stem in self._postings else {}
        for cand, _score, _i in process.extract(
            stem, list(self._postings), scorer=fuzz.ratio, score_cutoff=85, limit=None
        ):
            out[cand] = max(out.get(cand, 0.0), _token_sim(stem, cand))
        if len(stem) >= 5:
            for cand in self._postings:
                if cand != stem and (cand.endswith(stem) or stem.endswith(cand)):
                    sim = _token_sim(stem, cand)
                    if sim > out.get(cand, 0.0):
                        out[cand] = sim
        return {c: s for c, s in out.items() if s > 0}

    def candidates(self, name: str, unit: str | None = None) -> list[Candidate]:
        """Up to ``top_k`` KPIs scoring at least ``threshold``, best first."""
        return [c for c in self.score_all(name, unit)[: self.top_k] if c.score >= self.threshold]

    def score_all(self, name: str, unit: str | None = None) -> list[Candidate]:
        """Every KPI that shares a (similar) token with ``name``, scored, best first."""
        from rapidfuzz import fuzz

        q = analyse_many([name], [unit])[0]
        if not q.stems:
            return []
        sims = {s: self._similar(s) for s in q.stems}
        pool: set[int] = set()
        for m in sims.values():
            for cand in m:
                pool.update(self._postings[cand])
        qw = {s: self._idf.get(s, self._unknown_idf) for s in q.stems}
        q_text = " ".join(q.stems)
        out = []
        for i in pool:
            f = self._features[i]
            kset = set(f.stems)
            desc = self._described[i]
            q_hit = sum(
                w
                * max(
                    max((sims[s].get(k, 0.0) for k in kset), default=0.0),
                    0.5 * max((sims[s].get(d, 0.0) for d in desc), default=0.0),
                )
                for s, w in qw.items()
            )
            q_cov = q_hit / sum(qw.values())
            k_w = {k: self._idf[k] for k in kset}
            k_hit = sum(
                w * max((sims[s].get(k, 0.0) for s in q.stems), default=0.0) for k, w in k_w.items()
            )
            k_cov = k_hit / sum(k_w.values()) if k_w else 0.0
            fz = fuzz.token_sort_ratio(q_text, " ".join(f.stems)) / 100
            score = 0.5 * q_cov + 0.3 * k_cov + 0.2 * fz
            score += _feature_score(q, f)
            if f.discontinued:
                score -= 0.05
            q_nums = {s for s in q.stems if _NUMBER.match(s)}
            k_nums = {k for k in f.stems if _NUMBER.match(k)}
            if q_nums and k_nums and not q_nums & k_nums:
                score -= 0.15  # åk 7 is not åk 5; per 1000 is not per 100000
            score -= 0.03 * sum(1 for w in _QUALIFIERS if w in f.stems and w not in q.stems)
            out.append(Candidate(self._pool[i], round(max(0.0, min(1.0, score)), 4)))
        out.sort(key=lambda c: (-c.score, c.kpi.id))
        return out


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[a-zåäö0-9)])\.\s", text or "", maxsplit=1)[0][:300]


def _feature_score(q: Features, k: Features) -> float:
    """Agreement on unit and on andel/antal/kostnad: +0.05 each, disagreement −0.15/−0.1."""
    s = 0.0
    if q.unit and k.unit:
        s += 0.05 if q.unit == k.unit else -0.15
    if q.measure and k.measure:
        if q.measure == k.measure:
            s += 0.05
        elif (q.measure, k.unit) not in _COMPATIBLE and (k.measure, q.unit) not in _COMPATIBLE:
            s -= 0.1
    return s


# --------------------------------------------------------------------------- documents


@dataclass
class PlanIndicator:
    uid: str
    name: str
    unit: str | None
    document_uid: str
    municipality_code: str | None
    document_year: int | None
    values: list[dict[str, Any]]


@dataclass
class LinkReport:
    documents: int = 0
    indicators: int = 0
    linked: int = 0
    rows: int = 0
    skipped: list[str] = field(default_factory=list)
    catalogue: str = ""
    method: str = ""
    compared: int = 0
    errors: list[str] = field(default_factory=list)


def _walk_indicators(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    stack = list(reversed(doc.get("goals") or []))
    while stack:
        goal = stack.pop()
        yield from goal.get("indicators") or []
        for act in goal.get("activities") or []:
            yield from act.get("indicators") or []
        stack.extend(reversed(goal.get("children") or []))


def read_indicators(outdir: str | os.PathLike[str], report: LinkReport) -> list[PlanIndicator]:
    """Every indicator of every valid planparse JSON in ``outdir``; files failing the schema
    are skipped with the reason in ``report.skipped``."""
    from pydantic import ValidationError

    from planparse.export import ExportReport, scan
    from planparse.model import PlanDocument

    scan_report = ExportReport()
    out: list[PlanIndicator] = []
    for _uid, path in scan(outdir, scan_report):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            PlanDocument.model_validate(data)
        except (OSError, ValueError) as exc:
            first = (
                str(exc).splitlines()[0]
                if not isinstance(exc, ValidationError)
                else (
                    f"{exc.error_count()} schema error(s), first: "
                    f"{'.'.join(str(p) for p in exc.errors()[0]['loc'])}: {exc.errors()[0]['msg']}"
                )
            )
            report.skipped.append(f"{path.name}: {first}")
            continue
        report.documents += 1
        muni = (data.get("municipality") or {}).get("code")
        for ind in _walk_indicators(data):
            out.append(
                PlanIndicator(
                    uid=ind["uid"],
                    name=ind["name"],
                    unit=ind.get("unit"),
                    document_uid=data["uid"],
                    municipality_code=muni,
                    document_year=data.get("year"),
                    values=list(ind.get("values") or []),
                )
            )
    report.skipped.extend(f"{name}: not planparse JSON" for name in scan_report.skipped)
    return out


def _links_csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: "" if r.get(c) is None else r[c] for c in columns})
    return buf.getvalue()


def link(
    outdir: str | os.PathLike[str],
    catalogue: str | os.PathLike[str] | None = None,
    *,
    dest: str | os.PathLike[str] | None = None,
    threshold: float = THRESHOLD,
    top_k: int = TOP_K,
    compare_values: bool = False,
    api_url: str = API_URL,
) -> LinkReport:
    """Write ``kolada_links.csv`` (and with ``compare_values`` ``kolada_compare.csv``) into
    ``dest`` (default ``outdir``); both atomically."""
    from planparse.batch import atomic_write_text

    kpis, where = default_catalogue(catalogue)
    report = LinkReport(catalogue=where)
    indicators = read_indicators(outdir, report)
    matcher = Matcher(kpis, threshold=threshold, top_k=top_k)
    report.method = matcher.method
    report.indicators = len(indicators)
    rows: list[dict[str, Any]] = []
    best: list[tuple[PlanIndicator, Candidate]] = []
    for ind in indicators:
        cands = matcher.candidates(ind.name, ind.unit)
        if cands:
            report.linked += 1
            best.append((ind, cands[0]))
        for rank, c in enumerate(cands, 1):
            rows.append(
                {
                    "indicator_uid": ind.uid,
                    "indicator_name": ind.name,
                    "document_uid": ind.document_uid,
                    "municipality_code": ind.municipality_code,
                    "rank": rank,
                    "kpi_id": c.kpi.id,
                    "kpi_title": c.kpi.title,
                    "score": f"{c.score:.4f}",
                    "method": matcher.method,
                    "confirmed": "false",
                }
            )
    rows.sort(key=lambda r: (r["document_uid"], r["indicator_uid"], r["rank"]))
    report.rows = len(rows)
    target = Path(dest or outdir)
    target.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target / "kolada_links.csv", _links_csv(rows, LINK_COLUMNS))
    if compare_values:
        cmp_rows = compare(best, api_url, report)
        atomic_write_text(target / "kolada_compare.csv", _links_csv(cmp_rows, COMPARE_COLUMNS))
    return report


def compare(
    pairs: list[tuple[PlanIndicator, Candidate]], api_url: str, report: LinkReport
) -> list[dict[str, Any]]:
    """Rows setting each indicator's values beside Kolada's for the same municipality, year and
    group (the best candidate per indicator). A failed request is reported, the rest goes on."""
    rows: list[dict[str, Any]] = []
    for ind, cand in pairs:
        if not ind.municipality_code:
            continue
        plan = [
            v
            for v in ind.values
            if v.get("kind") in ("outcome", "baseline")
            and (v.get("year") or ind.document_year) is not None
        ]
        years = {int(v.get("year") or ind.document_year or 0) for v in plan}
        if not years:
            continue
        try:
            official = fetch_values(cand.kpi.id, ind.municipality_code, years, api_url)
        except KoladaError as exc:
            report.errors.append(f"{ind.uid}: {exc}")
            continue
        report.compared += 1
        by_key = {(o["year"], o["group"]): o for o in official}
        for v in plan:
            year = int(v.get("year") or ind.document_year or 0)
            group = v.get("group") or "total"
            o = by_key.get((year, group), {})
            rows.append(
                {
                    "indicator_uid": ind.uid,
                    "indicator_name": ind.name,
                    "kpi_id": cand.kpi.id,
                    "municipality_code": ind.municipality_code,
                    "year": year,
                    "group": group,
                    "plan_kind": v.get("kind"),
                    "plan_value": v.get("value"),
                    "kolada_value": o.get("value"),
                    "kolada_status": o.get("status"),
                }
            )
    return rows


# --------------------------------------------------------------------------- command line


@click.group("kolada")
def cli() -> None:
    """Link indicators to Kolada KPIs (candidates to confirm, never silent links)."""


@cli.command("link")
@click.argument("outdir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--catalogue",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="KPI catalogue (CSV or v3 JSON) [default: the cache of 'kolada catalogue --update', "
    "else the packaged subset].",
)
@click.option(
    "--threshold",
    type=float,
    default=THRESHOLD,
    show_default=True,
    help="Propose nothing scoring below this.",
)
@click.option(
    "--top", "top_k", type=int, default=TOP_K, show_default=True, help="Candidates per indicator."
)
@click.option(
    "--dest",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder for the CSV files [default: OUTDIR].",
)
@click.option(
    "--compare",
    "compare_values",
    is_flag=True,
    help="Also write kolada_compare.csv: the plan's values beside Kolada's official "
    "values (needs the network).",
)
@click.option("--api-url", default=API_URL, show_default=True, help="Kolada API base URL.")
def link_cmd(
    outdir: str,
    catalogue: str | None,
    threshold: float,
    top_k: int,
    dest: str | None,
    compare_values: bool,
    api_url: str,
) -> None:
    """Write OUTDIR/kolada_links.csv: up to --top scored KPI candidates per indicator."""
    try:
        report = link(
            outdir,
            catalogue,
            dest=dest,
            threshold=threshold,
            top_k=top_k,
            compare_values=compare_values,
            api_url=api_url,
        )
    except KoladaError as exc:
        click.echo(f"planparse: {exc}", err=True)
        raise SystemExit(1) from None
    for s in report.skipped:
        click.echo(f"skipped {s}", err=True)
    for e in report.errors:
        click.echo(f"error: {e}", err=True)
    click.echo(
        f"{report.documents} documents, {report.indicators} indicators, "
        f"{report.linked} with candidates ({report.rows} rows); catalogue: {report.catalogue}; "
        f"method: {report.method}" + (f"; compared {report.compared}" if compare_values else ""),
        err=True,
    )
    if report.documents == 0 or report.errors:
        raise SystemExit(1)


@cli.command("catalogue")
@click.option("--update", is_flag=True, help="Fetch GET /v3/kpi and cache it.")
@click.option("--api-url", default=API_URL, show_default=True, help="Kolada API base URL.")
@click.option(
    "--dest",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the catalogue here instead of the user cache.",
)
def catalogue_cmd(update: bool, api_url: str, dest: str | None) -> None:
    """Show which catalogue 'kolada link' uses; with --update, refresh it from the API."""
    if update:
        try:
            n, path = update_catalogue(api_url, Path(dest) if dest else None)
        except KoladaError as exc:
            click.echo(f"planparse: {exc}", err=True)
            raise SystemExit(1) from None
        click.echo(f"cached {n} KPIs in {path}")
        return
    try:
        kpis, where = default_catalogue(None)
    except KoladaError as exc:
        click.echo(f"planparse: {exc}", err=True)
        raise SystemExit(1) from None
    click.echo(f"{len(kpis)} KPIs from {where}")
