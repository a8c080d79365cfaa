"""Text assembly: the one set of wrap, hyphen, bullet and separator rules."""

from __future__ import annotations

import pytest

from planparse.text.assemble import clean, join_lines, list_item, sentences, strip_icon


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Informations-", "säkerhet"], "Informationssäkerhet"),
        (
            ["skydd av informations-", "tillgångar riskerar"],
            "skydd av informationstillgångar riskerar",
        ),
        (["offboarding-", "verktyget"], "offboarding-verktyget"),
        (["aktivt delta i 4K-", "initiativet"], "aktivt delta i 4K-initiativet"),
        (["det kommunala VA-", "bolaget."], "det kommunala VA-bolaget."),
        (["30 inkomna e-", "postärenden"], "30 inkomna e-postärenden"),
        (["Säkerhets-", "och beredskap"], "Säkerhets- och beredskap"),
        (["Mål 4 -", "Kramfors"], "Mål 4 - Kramfors"),
        (["två rader", "text"], "två rader text"),
        (["Utfall jan–", "aug"], "Utfall jan–aug"),  # a range broken after its dash
        (["Plan 2025–", "2027"], "Plan 2025–2027"),
        (["2026-12-", "31"], "2026-12-31"),  # a date broken after a hyphen (a narrow cell)
        (["Mål 4 -", "2027"], "Mål 4 - 2027"),  # a spaced hyphen is a separator
        (["Kultur –", "fritid"], "Kultur – fritid"),  # a spaced dash is a separator
        # a word broken inside itself by a typesetter's hyphenation: a piece is no word alone
        (["från grannkom-", "munen"], "från grannkommunen"),
        (["behövs för verk-", "samheten"], "behövs för verksamheten"),
        (["minus skatteutveckling, procen-", "tenhet"], "minus skatteutveckling, procentenhet"),
        # two words of their own keep the hyphen written between them
        (["kultur-", "skolan"], "kultur-skolan"),
    ],
)
def test_join_lines_hyphens(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined



@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("Mål\t1", "Mål 1"),
        ("Öka\u00a0andelen\u00a0elever", "Öka andelen elever"),
        ("Ansvar:  Ekonomichef ", "Ansvar: Ekonomichef"),
        ("Trygghet och | ", "Trygghet och"),
        ("rad\r\nbrytning", "rad brytning"),
        ("\u200bVatten i vår vardag", "Vatten i vår vardag"),
        ("soft\u00ad hyphen", "soft hyphen"),
        ("e-tjänster | IT-stöd", "e-tjänster IT-stöd"),
    ],
)
def test_clean(raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("• Göra utflykter", ("•", "Göra utflykter")),
        ("● Vi vill", ("●", "Vi vill")),
        ("- nyfikenhet", ("-", "nyfikenhet")),
        ("10.Utreda förutsättningarna", ("10.", "Utreda förutsättningarna")),
        ("2) Ta fram", ("2)", "Ta fram")),
        ("\uf0b7 Antal besök", ("\uf0b7", "Antal besök")),
        ("- 2,5 mnkr", None),
        ("3.1 Mål och uppdrag", None),
        ("Text utan punkt", None),
    ],
)
def test_list_item(text: str, item: tuple[str, str] | None) -> None:
    assert list_item(text) == item


def test_strip_icon() -> None:
    assert strip_icon("● Pågående enligt plan") == "Pågående enligt plan"
    assert strip_icon("\uf06c Klar") == "Klar"


def test_ends_open() -> None:
    from planparse.text.assemble import ends_open

    assert ends_open("Upphandlingsenheten genomför upphandlingar i samverkan med")
    assert ends_open("Skapa utbildning KRING")
    assert not ends_open("Gemensamma ordningsregler framtagna med elevråden")
    assert not ends_open("")


def test_a_bullet_left_at_the_end_is_no_part_of_the_text() -> None:
    assert join_lines(["Publiceras på intranätet, alternativt", "rörligt. •"]) == "Publiceras på intranätet, alternativt rörligt."
    assert join_lines(["rörligt. ●"]) == "rörligt."
    assert join_lines(["•"]) == "•"  # a cell of a lone bullet keeps it (an item's mark on its own line)
    assert join_lines(["Mål • Aktivitet"]) == "Mål • Aktivitet"  # inside a text it separates


def test_a_star_glued_to_a_word_is_a_footnote_mark_no_bullet() -> None:
    """"*Mätperioden är …" under a table is the footnote its "*" points to; "* Mätperioden" with a
    space after the star is a list item."""
    assert list_item("*Mätperioden är den första oktober") is None
    assert list_item("* Mätperioden är den första oktober") == ("*", "Mätperioden är den första oktober")


def test_a_paragraph_parts_into_sentences() -> None:
    assert sentences("Digital tillsyn nattetid. Tekniken används av 63 brukare.\nArbetet är avslutat.") == [
        "Digital tillsyn nattetid.", "Tekniken används av 63 brukare.", "Arbetet är avslutat."]
    assert sentences("Ökade med 3,5 procent. ") == ["Ökade med 3,5 procent."]
    assert sentences("Se bilaga 2. och 3.") == ["Se bilaga 2. och 3."]  # (no capital after the stop)

