from __future__ import annotations

import pytest

from planparse.municipalities import all_municipalities, by_code, find_in_text, lookup


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
    ],
)
def test_display_name_is_the_form_municipalities_write(code: str, display: str) -> None:
    k = by_code(code)
    assert k is not None and k.display_name == display
