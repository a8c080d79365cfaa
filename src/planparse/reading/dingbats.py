"""ZapfDingbats and Wingdings text as the shapes it draws.

PyMuPDF gives a glyph of the base-14 ZapfDingbats font with its built-in encoding (no
/Encoding, no ToUnicode) as the character whose code is the number in the glyph's name: ``l``
draws ``a71``, the filled circle, and comes out as ``chr(71)``, "G"; with an /Encoding in the
font's dictionary it gives the character code itself ("l"), as pdfminer (the pdfplumber
backend) always does. A coloured circle, square or check mark in that font (a status or
assessment drawn as text, its legend beside it) is read as the shape from Adobe's
ZapfDingbats glyph list, so the icon and legend code see "●" as Word's glyphs give it; other
dingbats are kept as extracted.

Web tools print their status icons in icon fonts (Font Awesome, Material Icons): each icon a
private-use character, or in Material Icons a ligature's name ("check_circle"), coloured as the
status is. Such an icon is read as "●" in its colour, whatever shape it draws.

Word sets its traffic lights and check marks in Wingdings (Insert → Symbol): the text layer
gives each glyph as its character code, or that code in the private use area (U+F06C for
"l", the filled circle). The status shapes among them are read the same way.
"""

from __future__ import annotations

import re

# Adobe's zapfdingbats.txt: glyph name number → Unicode, for the shapes that carry a status.
_SHAPES: dict[int, str] = {
    19: "✓", 20: "✔", 21: "✕", 22: "✖", 23: "✗", 24: "✘",
    35: "★", 71: "●", 72: "❍", 73: "■", 74: "❏", 203: "❐", 75: "❑", 204: "❒",
    76: "▲", 77: "▼", 78: "◆", 79: "❖", 81: "◗",
}
# The font's built-in encoding: character code → the same shapes.
_BY_CODE = {
    "3": "✓", "4": "✔", "5": "✕", "6": "✖", "7": "✗", "8": "✘", "H": "★", "l": "●", "m": "❍",
    "n": "■", "o": "❏", "p": "❐", "q": "❑", "r": "❒", "s": "▲", "t": "▼", "u": "◆", "v": "❖",
    "w": "◗",
}
_CODES = str.maketrans(_BY_CODE)
# PyMuPDF's either way: the glyph numbers and the codes share no character but "H" (a72, the
# empty circle, by glyph number: the reading without /Encoding, base-14's own).
_EITHER = str.maketrans({**_BY_CODE, **{chr(k): v for k, v in _SHAPES.items()}})


def is_dingbats(font: str) -> bool:
    """Whether ``font`` is ZapfDingbats (or a subset or substitute named so)."""
    return "dingbats" in font.lower()


def dingbat_text(text: str) -> str:
    """``text`` of a ZapfDingbats span as PyMuPDF extracts it, its status shapes restored."""
    return text.translate(_EITHER)


def dingbat_codes(text: str) -> str:
    """``text`` as character codes of ZapfDingbats's built-in encoding, its status shapes
    restored."""
    return text.translate(_CODES)


# Wingdings: character code → the shapes that carry a status (Microsoft's Wingdings table).
_WINGDINGS = {
    "l": "●", "m": "❍", "n": "■", "o": "□", "q": "❑", "r": "❒", "u": "◆", "v": "❖", "\xa1": "○",
    "\xa7": "▪", "\xa8": "◻", "\xfb": "✘", "\xfc": "✔", "\xfd": "☒", "\xfe": "☑",
}
_WINGDINGS_BOTH = str.maketrans({**_WINGDINGS, **{chr(0xF000 + ord(k)): v for k, v in _WINGDINGS.items()}})


def is_wingdings(font: str) -> bool:
    """Whether ``font`` is Wingdings (or a subset or substitute named so)."""
    return "wingdings" in font.lower()


def wingding_text(text: str) -> str:
    """``text`` of a Wingdings span, as its code or its private-use character, its status
    shapes restored."""
    return text.translate(_WINGDINGS_BOTH)


# Colour emoji that mark a status (a traffic light typed in Word or a web form, set in a colour
# emoji font): the shape the icon code reads and the emoji's own colour (Noto's and Twemoji's
# are alike), the colour a text glyph would be printed in.
EMOJI_MARKERS: dict[str, tuple[str, int]] = {
    "\U0001F7E2": ("●", 0x43A047), "\U0001F7E1": ("●", 0xFDD835), "\U0001F534": ("●", 0xE53935),
    "\U0001F7E0": ("●", 0xFB8C00), "\U0001F535": ("●", 0x1E88E5), "\u26AA": ("●", 0xE0E0E0),
    "\u26AB": ("●", 0x212121), "\U0001F7E3": ("●", 0x8E24AA),
    "\U0001F7E9": ("■", 0x43A047), "\U0001F7E8": ("■", 0xFDD835), "\U0001F7E5": ("■", 0xE53935),
    "\U0001F7E7": ("■", 0xFB8C00), "\U0001F7E6": ("■", 0x1E88E5), "\u2B1C": ("■", 0xE0E0E0),
}


def emoji_marker(text: str) -> tuple[str, int] | None:
    """The shape and colour of a colour emoji that marks a status (see :data:`EMOJI_MARKERS`),
    alone in ``text`` (spaces and the emoji presentation selector U+FE0F aside); else None."""
    return EMOJI_MARKERS.get(text.strip().replace("\ufe0f", ""))


# An icon font by its name; a Type3 font of private-use characters (a browser's subset) too.
_ICON_FONT = re.compile(r"awesome|material|icons|glyphicon|ionicon|feather|octicon", re.IGNORECASE)
_LIGATURE = re.compile(r"[a-z]+(?:_[a-z]+)*")


def _private_use(text: str) -> bool:
    return bool(text) and all("\ue000" <= ch <= "\uf8ff" for ch in text)


def icon_font_text(text: str, font: str) -> str | None:
    """A span of an icon font (see the module's doc) as "●", its spaces kept; None for a span
    of another font, or text no icon (a symbol font's private-use bullet, U+F0B7, is a bullet)."""
    icon = text.strip()
    if not icon or "symbol" in font.lower():
        return None
    if _private_use(icon) and (_ICON_FONT.search(font) or font.startswith("Type3")) \
            or _ICON_FONT.search(font) and _LIGATURE.fullmatch(icon):
        return text.replace(icon, "●")
    return None
