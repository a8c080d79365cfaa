from __future__ import annotations

from pathlib import Path

import pytest

from planparse import parse
from planparse.municipalities import (
    all_municipalities,
    by_code,
    find_in_text,
    find_region,
    lookup,
    named_most,
)

HOLDOUT2 = Path(__file__).resolve().parents[1] / "fixtures" / "holdout-generic2"


def test_all_290_municipalities_with_unique_codes() -> None:
    ms = all_municipalities()
    assert len(ms) == 290
    assert len({m.code for m in ms}) == 290
    assert by_code("2409").name == "Robertsfors"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Robertsfors kommun", "Robertsfors", "2409"),
        ("ROBERTSFORS KOMMUN", "Robertsfors", "2409"),
        ("Örebro kommun", "Örebro", "1880"),
        ("Ange kommun", "Ånge", "2260"),  # OCR without Swedish
        ("Ånge kommuns", "Ånge", "2260"),
        ("Kramfors", "Kramfors", "2282"),
        ("Ale", "Ale", "1440"),
        ("Åre", "Åre", "2321"),
        ("Are kommun", "Åre", "2321"),  # no municipality is called Are
        ("Mora", "Mora", "2062"),
        ("Nora", "Nora", "1884"),
        ("Habo", "Habo", "0643"),
        ("Håbo", "Håbo", "0305"),
        ("Robertsfrs kommun", "Robertsfors", "2409"),  # one letter lost, still unambiguous
    ],
)
def test_lookup(text: str, name: str, code: str) -> None:
    k = lookup(text)
    assert k is not None, text
    assert (k.name, k.code) == (name, code)


@pytest.mark.parametrize("text", ["", "kommun", "Kommunstyrelsen", "Mxra", "Stockholmsvägen", "Ore"])
def test_lookup_refuses_to_guess(text: str) -> None:
    assert lookup(text) is None


def test_find_in_text() -> None:
    k = find_in_text("Figuren ovan visar den politiska organisationen i Ange kommun.")
    assert k is not None and k.code == "2260"
    assert find_in_text("Inget kommunnamn här.") is None


def test_find_in_text_stad_in_any_case() -> None:
    """Cities write "Göteborgs Stad", "Stockholms stad", "MALMÖ STAD" about themselves."""
    assert [k.code if (k := find_in_text(t)) else None for t in ("Göteborgs Stad", "Stockholms stad", "MALMÖ STAD")] \
        == ["1480", "0180", "1280"]
    assert find_in_text("Idrott i Staden") is None


@pytest.mark.parametrize(
    ("code", "display"),
    [
        ("2409", "Robertsfors kommun"),  # ends in s: no genitive s
        ("2404", "Vindelns kommun"),
        ("2260", "Ånge kommun"),  # ends in a vowel
        ("1291", "Simrishamns kommun"),
        ("2514", "Kalix kommun"),
        ("2080", "Falu kommun"),  # Falun's own form
        ("1480", "Göteborgs Stad"),
        ("1980", "Västerås stad"),
        ("1490", "Borås Stad"),
    ],
)
def test_display_name_is_the_form_municipalities_write(code: str, display: str) -> None:
    k = by_code(code)
    assert k is not None and k.display_name == display


def test_a_municipality_by_its_own_form_of_name() -> None:
    assert find_in_text("Omsorgsnämnden, Falu kommun") == by_code("2080")
    assert lookup("Västerås stad") == by_code("1980")


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Årsredovisning 2025\nRegion Västerbotten", "Region Västerbotten"),
        ("REGION SKÅNE", "Region Skåne"),
        ("Hälso- och sjukvårdsnämnden, Västra Götalandsregionen", "Västra Götalandsregionen"),
        ("Region Jönköpings län och Region Kalmar län", "Region Jönköpings län"),
        ("Regionens mål", None),
    ],
)
def test_regions_are_found_by_their_own_names(text: str, region: str | None) -> None:
    assert find_region(text) == region


def test_a_municipality_named_only_bare_must_be_named_most_and_twice() -> None:
    assert named_most("Ett hållbart Västerås\nVästerås ska vara en stad där människor vill bo.") == by_code("1980")
    assert named_most("Växjö – Europas grönaste stad") is None  # once is not enough
    assert named_most("Umeå och Luleå samarbetar. Umeå och Luleå") is None  # a tie
    assert named_most("Vara en del av. Mark och vatten. Vara med. Mark.") is None  # common words


def test_documents_that_never_write_kommun_get_their_municipality() -> None:
    ocr = parse(HOLDOUT2 / "verksamhetsberattelse" / "falun-omsorgsnamnden-verksamhetsberattelse-2025-ocr.pdf")
    assert (ocr.municipality.name, ocr.municipality.code) == ("Falu kommun", "2080")
    region = parse(HOLDOUT2 / "arsredovisning" / "region-vasterbotten-arsredovisning-2025.pdf")
    assert (region.municipality.name, region.municipality.code) == ("Region Västerbotten", None)
    bare = parse(HOLDOUT2 / "budgetskrivelse" / "kristianstad-tn-budgetskrivelse-2027.pdf")
    assert (bare.municipality.name, bare.municipality.code) == ("Kristianstads kommun", "1290")


def test_name_as_printed() -> None:
    """The name as the document writes it, most often; the register's rule where it never does."""
    from planparse.municipalities import lookup, name_as_printed

    kalmar, nykoping, vaxholm, falun = (lookup(n) for n in ("Kalmar", "Nyköping", "Vaxholm", "Falun"))
    assert kalmar and nykoping and vaxholm and falun
    assert name_as_printed(kalmar, "Björkskolan · KALMAR KOMMUN · Sida 1") == "Kalmar kommun"
    assert name_as_printed(nykoping, "Nyköpings kommun\nNyköpings kommuns mål") == "Nyköpings kommun"
    assert name_as_printed(nykoping, "Nyköping kommun och Nyköping kommun, Nyköpings kommun") == "Nyköping kommun"
    assert name_as_printed(vaxholm, "Vaxholms stad") == "Vaxholms stad"
    assert name_as_printed(vaxholm, "Vaxholm kommun") == "Vaxholm kommun"
    assert name_as_printed(nykoping, "Nyk6pings kommun") == "Nyköpings kommun"  # never whole: the register's
    assert name_as_printed(falun, "Falu kommun") == "Falu kommun"


def test_municipality_name_is_the_documents() -> None:
    """Kalmar's arbetsplan prints "Kalmar kommun" (as Kalmar writes itself), no "Kalmars kommun"."""
    folder = Path(__file__).resolve().parent.parent / "fixtures" / "holdout-generic10" / "arbetsplan"
    doc = parse(next(folder.glob("kalmar-*.pdf")))
    assert (doc.municipality.name, doc.municipality.code) == ("Kalmar kommun", "0880")
