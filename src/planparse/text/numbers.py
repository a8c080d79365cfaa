"""Swedish numbers, amounts and dates as printed in municipal documents."""

from __future__ import annotations

import datetime as dt
import re

# Minus signs and dashes used as minus (hyphen-minus, minus sign, en dash, figure dash, the
# hyphens, small and full-width hyphen-minus); every Unicode space separator (no-break, narrow
# no-break, thin, figure, en … ideographic) as thousands separator.
_MINUS = "-\u2212\u2013\u2012\u2010\u2011\ufe63\uff0d"
_SPACES = " \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_APOSTROPHES = "'\u2019"  # thousands set apart by apostrophes, as some spreadsheets print them ("5'245'300")
_NUMBER = re.compile(
    rf"^(?P<sign>[{_MINUS}+])?\s*(?P<int>\d{{1,3}}(?:[{_SPACES}]\d{{3}})+|\d{{1,3}}(?:[{_APOSTROPHES}]\d{{3}})+|\d+)"
    rf"(?:[,.](?P<frac>\d+))?\s*(?P<pct>%)?$"
)
_FOOTNOTE_MARKS = "*†‡¹²³⁴⁵⁶⁷⁸⁹⁰"
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
_WORD_DATE = re.compile(
    r"(?:den\s+)?(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", re.IGNORECASE
)


def parse_number(text: str | None) -> int | float | None:
    """Parse a Swedish-formatted number: "41,5" → 41.5, "1 300" → 1300, "−2,5" → -2.5.

    Footnote marks ("12*", "52 300¹", a superscript figure or a dagger) and a trailing per cent
    sign are ignored; "(2,5)" is -2.5. Returns None for text that is not a number ("Öka", "Ja",
    "", "1,2,3").
    """
    if text is None:
        return None
    s = text.strip().rstrip(_FOOTNOTE_MARKS).strip()
    if len(s) > 2 and s[0] == "(" and s[-1] == ")":  # an accountant's minus: "(2,5)"
        inner = parse_number(s[1:-1])
        return -inner if inner is not None and inner > 0 else None
    m = _NUMBER.match(s)
    if not m:
        return None
    digits = re.sub(f"[{_SPACES}{_APOSTROPHES}]", "", m["int"])
    negative = m["sign"] is not None and m["sign"] != "+"
    if m["frac"] is not None:
        value: int | float = float(f"{digits}.{m['frac']}")
    else:
        value = int(digits)
    return -value if negative else value


_OCR_PERCENT = re.compile(r"(?<=\d)%$")
_OCR_LONG = re.compile(r"^([\u2212\u2013\u2012+-]?)(\d{5,})(?=(?:[,.]\d+)?\s*%?$)")


def ocr_spacing(text: str) -> str:
    """A number read by OCR, spaced the Swedish way: OCR drops the narrow spaces a number is
    set with ("14583" → "14 583", "24%" → "24 %"); four-digit numbers (years) stay as read."""
    m = _OCR_LONG.match(text)
    if m:
        text = m[1] + _thousands(m[2]) + text[m.end() :]
    return _OCR_PERCENT.sub(" %", text)


# What OCR makes of specks next to a number ("13:", "“42"): never part of it.
# Specks OCR reads around a figure ("5375:", "'6 350").
NUMBER_SPECKS = ".:;,'\"‘’“”`~°^*_|[]"  # (a cell's rules read as brackets: "[0]")
# A decimal part: a comma or point and one or two digits at the end ("4,3", "85,25 %").
_DECIMAL = re.compile(r"[,.](\d{1,2})\s*%?$")
# A whole number in groups of three set apart by spaces ("2 140", "-12 500").
_GROUPED = re.compile(r"[-\u2212\u2013]?\d{1,3}(?: \d{3})+")


def _number_shape(text: str) -> bool:
    """Whether ``text`` is a whole number as printed: sign, digits, separators, per cent."""
    return parse_number(text) is not None


def reference_number(word: str, reference: str) -> str | None:
    """The number a second OCR of the same place reads (``reference``) where it corrects the
    number an OCR layer has there (``word``); None where the layer's reading stands.

    The reference wins when it reads a well-formed number and the layer's word is no number
    but a short token in its place ("3F" for "37", "AS" for "13"), or the same digits without
    a decimal part: OCR drops a faint decimal comma ("43" for "4,3") and reads a thousands
    space as a comma ("1,377" for "1 377") far more often than it invents one. For the same
    reason a layer's figures in groups of three ("2 140", its space given back from the
    page's ink) stand against a reference that reads them run together ("2140"). A layer word
    with a decimal part, or other digits that are a number too, is kept: nothing tells which
    reading is right. A word of three or more letters is a word, never a damaged number."""
    ref = reference.strip().strip(NUMBER_SPECKS).strip()
    own = word.strip().strip(NUMBER_SPECKS).strip()
    if not ref or ref == own or not _number_shape(ref) or not any(ch.isdigit() for ch in ref):
        return None
    if not _number_shape(own):
        if not own or (own.isalpha() and len(own) >= 3) or abs(len(own) - len(ref)) > 1:
            return None
        return ref
    digits = [ch for ch in own if ch.isdigit()]
    if digits != [ch for ch in ref if ch.isdigit()] or _DECIMAL.search(own):
        return None
    if _GROUPED.fullmatch(own) and ref == own.replace(" ", ""):
        return None  # a thousands space OCR lost in the reference, not one the layer invented
    if (own[:1] in _MINUS) != (ref[:1] in _MINUS):
        return None
    return ref


# Letters OCR reads for digits inside a figure ("1O 078", "l5", "S3").
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5", "B": "8"})
# A minus OCR reads as a tilde, a long dash or an underscore.
_OCR_MINUS = re.compile(r"^[~—_¬]\s*(?=\d)")
_OCR_THOUSANDS = re.compile(r"^([-\u2212\u2013\u2012]?\d{1,3})[,.](\d{3})$")


def ocr_number(text: str) -> str:
    """A cell of a numeric column read by OCR, mended where that makes it a number: specks
    around it dropped ("5375:", "'6 350"), a minus read as "~" or "—" made "-", and letters
    read for digits inside a figure made digits ("1O 078" → "10 078"). Text that is still no
    number after that is returned as it was ("Öka", "Följs upp 2028")."""
    s = text.strip()
    if not s or parse_number(s) is not None:
        return text
    mended = _OCR_MINUS.sub("-", s)
    lead = mended[:1] if mended[:1] in _MINUS else ""
    mended = lead + mended[len(lead):].strip(NUMBER_SPECKS).strip()
    words = [
        w.translate(_DIGIT_LOOKALIKES) if any(ch.isdigit() for ch in w) else w
        for w in mended.split(" ")
    ]
    mended = " ".join(words)
    return mended if mended and parse_number(mended) is not None else text


def misread_figure(text: str) -> bool:
    """Whether an OCR'd cell of a numeric column may be a figure misread: no number, but
    digits among short tokens ("27 PN", "4,5t") or one short token of letters ("Slo", "DNE"
    for "51,2", "4 552"). Words ("Minska", "Följs upp 2028") and long text are not."""
    s = text.strip()
    if not s or parse_number(s) is not None or len(s.replace(" ", "")) > 10:
        return False
    words = s.split()
    if any(sum(ch.isalpha() for ch in w) >= 5 for w in words):
        return False
    if any(ch.isdigit() for ch in s):
        return True
    return len(words) == 1 and len(s) <= 4


def ocr_thousands(text: str) -> str:
    """An amount read by OCR with a comma or point for its thousands space ("22,669" →
    "22 669"); for columns of whole amounts, where three decimals never occur."""
    m = _OCR_THOUSANDS.match(text.strip())
    return f"{m[1]} {m[2]}" if m else text


def _thousands(digits: str) -> str:
    """Digits grouped by thousands with a space ("1300" → "1 300")."""
    head = len(digits) % 3 or 3
    return " ".join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


_YEAR_NOTE = re.compile(r"(?s)(.*?\S)\s*\(((?:19|20)\d\d)\)\s*")


def year_note(text: str) -> tuple[str, int | None]:
    """A figure and the year noted in brackets after it ("24 %\n(2027)" → ("24 %", 2027)): the
    figure alone (an OCR'd one perhaps with a space in it: "2 1 %") and the year, or the text
    unchanged and None."""
    m = _YEAR_NOTE.fullmatch(text)
    return (m[1], int(m[2])) if m and re.fullmatch(r"[-\u2212(]?\d[\d\s,.]*%?\)?", m[1]) else (text, None)


def format_number(value: int | float) -> str:
    """Format a number the Swedish way ("1 300", "41,5", "−2,5"); inverse of parse_number."""
    sign = "\u2212" if value < 0 else ""
    value = abs(value)
    if isinstance(value, int):
        whole, frac = str(value), None
    else:
        whole, _, frac = repr(value).partition(".")
        if "e" in whole or "e" in frac:
            raise ValueError(f"cannot format {value!r} in plain notation")
    out = _thousands(whole)
    return sign + (f"{out},{frac}" if frac is not None else out)


def parse_date(text: str | None) -> dt.date | None:
    """Parse "2025-03-31" or "den 16 januari 2018"; None when the text is not a valid date."""
    if not text:
        return None
    s = text.strip()
    m = _ISO_DATE.match(s)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = _WORD_DATE.fullmatch(s)
        if m:
            return dt.date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    except ValueError:
        return None
    return None


_SPECK_QUOTES = "\"'“”‘’„`´"
# A date with what OCR read from specks or a rule after it: marks, or one letter or figure each.
_DATE_THEN_SPECKS = re.compile(r"(\d{4}-\d{2}-\d{2})(?:\s+(?:[^\w\s]+|\w))+")
_SPECKS_THEN_DATE = re.compile(r"(?:[^\w\s]+\s+)+(\d{4}-\d{2}-\d{2})")  # "- 2028-11-30"


def cell_date(text: str, end: bool = False) -> dt.date | None:
    """A date cell's date, a table rule OCR read beside it left out ("| 2026-11-30") and
    specks read after it ("2026-06-10 =— 1") or before it ("- 2028-11-30") or a quote mark read from one before it
    ("\"2027-04-15"); an ``end`` date may be a month or a tertial, its last day
    (:func:`parse_end_date`)."""
    parse = parse_end_date if end else parse_date
    t = text.strip().strip("|[]").strip()
    if t[:1] in _SPECK_QUOTES and t[1:2].isdigit():
        t = t[1:]
    got = parse(t)
    if got is None and (m := _DATE_THEN_SPECKS.fullmatch(t) or _SPECKS_THEN_DATE.fullmatch(t)) is not None:
        got = parse(m[1])
    return got


# A month or a period of the year named with its year, as a deadline column prints it:
# "juni 2026", "jun 2026", "T2 2026", "tertial 2 2026", "Q3 2026", "kvartal 3 2026".
_MONTH_YEAR = re.compile(r"(?:(?:i\s+)?slutet\s+av\s+|senast\s+)?([a-zåäö]{3,9})\.?\s+(\d{4})", re.IGNORECASE)
_PERIOD_YEAR = re.compile(r"(t|tertial|q|kv|kvartal)\s*([1-4])\s*[/,-]?\s*(\d{4})", re.IGNORECASE)
# A span of months from January, no year ("jan–aug", folded): a report's period so far, of
# the report's own year.
MONTHS_SO_FAR = re.compile(r"\bjan(?:uari)?\s*[-–]?\s*(?:feb|mar|apr|maj|jun|jul|aug|sep|okt|nov)")
_PERIOD_MONTHS = {"t": 4, "tertial": 4, "q": 3, "kv": 3, "kvartal": 3}  # months a period spans


def _month(word: str) -> int | None:
    """A Swedish month's number from its name or its first three letters or more ("sept")."""
    w = word.lower()
    hits = {n for name, n in MONTHS.items() if name.startswith(w)} if len(w) >= 3 else set()
    return hits.pop() if len(hits) == 1 else None


def _last_day(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def parse_end_date(text: str | None) -> dt.date | None:
    """A deadline as a date: a full date as :func:`parse_date` reads it; a month ("juni 2026")
    → the month's last day; a tertial ("T2 2026", "tertial 2 2026") → its last day (04-30,
    08-31, 12-31); a quarter ("Q3 2026", "kvartal 3 2026") → its last day. None otherwise."""
    if not text:
        return None
    s = text.strip().rstrip(".").strip()
    if (d := parse_date(s)) is not None:
        return d
    if (m := _PERIOD_YEAR.fullmatch(s)) is not None:
        span = _PERIOD_MONTHS[m[1].lower()]
        if span == 4 and int(m[2]) > 3:
            return None
        return _last_day(int(m[3]), int(m[2]) * span)
    if (m := _MONTH_YEAR.fullmatch(s)) is not None and (month := _month(m[1])) is not None:
        return _last_day(int(m[2]), month)
    return None


def find_dates(text: str) -> list[dt.date]:
    """All ISO or written dates in running text, in order."""
    found: list[tuple[int, dt.date]] = []
    for m in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        d = parse_date(m[0])
        if d:
            found.append((m.start(), d))
    for m in _WORD_DATE.finditer(text):
        d = parse_date(m[0])
        if d:
            found.append((m.start(), d))
    return [d for _, d in sorted(found, key=lambda x: x[0])]
