"""Text repair of English-OCR'd lines (pure functions): a bullet read as "e =", "|" for the
word "I" in a heading in capitals, a sum's leading "1" read as "I", and quotes an OCR saw in
specks around a heading's words."""

from __future__ import annotations

from planparse.text.repair import (
    ocr_bullet,
    ocr_stray_close,
    ocr_stray_quote,
    ocr_thousands_one,
    repair_line_words,
)


def test_bullet_read_as_e_and_equals() -> None:
    assert ocr_bullet("e = Attraktiva boendemiljöer") == "• Attraktiva boendemiljöer"
    assert ocr_bullet("a = Bra") == "a = Bra"  # a letter that is a word is no bullet


def test_bar_between_words_of_a_numbered_heading_in_capitals_is_i() -> None:
    assert repair_line_words(["3.2.", "LIVSKVALITET", "|", "SORSELE"]) == ["3.2.", "LIVSKVALITET", "I", "SORSELE"]
    assert repair_line_words(["MÅL", "|", "INDIKATOR"]) == ["MÅL", "|", "INDIKATOR"]  # no heading: a rule
    assert repair_line_words(["3.2", "Mål", "|", "Indikator"]) == ["3.2", "Mål", "|", "Indikator"]


def test_leading_one_of_a_sum_read_as_i() -> None:
    words = ["• ", "Anslaget ", "för ", "kollektivtrafik ", "I ", "012 ", "tkr"]
    assert ocr_thousands_one(words)[4] == "1 "
    assert ocr_thousands_one(["Kommunen ", "I ", "200 ", "kommuner"])[1] == "I "
    assert ocr_thousands_one(["I ", "200 ", "tkr"]) == ["I ", "200 ", "tkr"]  # opening a line: the word


def test_stray_quotes_around_a_heading_s_words() -> None:
    assert ocr_stray_quote(["4.1 ", '"Sjukfrånvaron ', "ska", "minska"], "Bedömning") == ["4.1 ", "Sjukfrånvaron ", "ska", "minska"]
    assert ocr_stray_close(["balans'"], "3.2 Verksamheterna ska vara effektiva och ha en ekonomi i") == ["balans"]
    assert ocr_stray_close(["Målområde:", " Trygg", " och'", " hälsosam"]) == ["Målområde:", " Trygg", " och", " hälsosam"]
    assert ocr_stray_close(["och", "”sällan”"]) == ["och", "”sällan”"]  # opened with ”
    assert ocr_stray_close(["ansvar”"], "“Vi tar") == ["ansvar”"]  # opened on the line before
    assert ocr_stray_close(["Lars' ", "Bil"]) == ["Lars' ", "Bil"]  # a capital follows: no sentence going on


def test_closing_double_quote_of_a_wrapped_quotation_stays() -> None:
    """A quotation wrapped over two lines ("Medverka i projekt "Stärkt attraktionskraft och" /
    "mottagningskapacitet""): its closing double quote stays, whatever the line before."""
    assert ocr_stray_close(['mottagningskapacitet"'], "Ta fram en plan") == ['mottagningskapacitet"']
