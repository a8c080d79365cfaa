"""pdfplumber backend (selectable): words with font attributes, rules and rects.

Slower than PyMuPDF (``extract_words`` costs tens of milliseconds a page) but built on
pdfminer's independent interpreter, so it is a second opinion on hard files.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pdfplumber

from planparse.reading.dingbats import dingbat_codes, is_dingbats, is_wingdings, wingding_text
from planparse.reading.model import Drawing, Image, Line, RawPage, Span, nfc
from planparse.reading.pymupdf_backend import OCR_FONTS, _font_style, _rect, _segment

# pdfminer prints glyphs it cannot map to Unicode as "(cid:N)". WinAnsi 127 and 149 are the
# bullet that Word and reportlab use; other unmapped glyphs carry no text.
_CID = re.compile(r"\(cid:(\d+)\)")
_CID_TEXT = {"127": "•", "149": "•", "150": "–", "151": "—"}


def _cid_text(text: str) -> str:
    return _CID.sub(lambda m: _CID_TEXT.get(m[1], ""), text)


def _color(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        value = (value,)
    value = tuple(value)
    if len(value) == 1:
        value = value * 3
    if len(value) == 4:
        c, m, y, k = value
        value = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    if len(value) != 3 or not all(isinstance(v, int | float) for v in value):
        return None
    r, g, b = (max(0, min(255, round(float(v) * 255))) for v in value)
    return (r << 16) | (g << 8) | b


def read_pages(data: bytes, name: str) -> list[RawPage]:
    out: list[RawPage] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for i, page in enumerate(pdf.pages):
            out.append(_read_page(page, i + 1))
            page.close()  # release the page's cached objects; keeps memory flat
    return out


def _read_page(page: Any, number: int) -> RawPage:
    words = page.extract_words(
        keep_blank_chars=False,
        use_text_flow=True,
        extra_attrs=["fontname", "size", "non_stroking_color"],
        x_tolerance=1.5,
    )
    # Group words into runs as PyMuPDF reports them: same baseline, at most a font size apart.
    # Runs further apart on one baseline are joined later by merge_baselines, as for PyMuPDF.
    rows: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(w["bottom"], 0), w["x0"])):
        prev = rows[-1][-1] if rows else None
        if (
            prev is not None
            and abs(prev["bottom"] - w["bottom"]) <= 2
            and 0 <= w["x0"] - prev["x1"] <= float(w.get("size", 10))
        ):
            rows[-1].append(w)
        else:
            rows.append([w])
    lines: list[Line] = []
    ocr_font = False
    for row in rows:
        spans: list[Span] = []
        for w in sorted(row, key=lambda w: w["x0"]):
            font = str(w.get("fontname", ""))
            font = font.split("+", 1)[-1]
            ocr_font = ocr_font or font.startswith(OCR_FONTS)
            bold, italic = _font_style(font, 0)
            color = _color(w.get("non_stroking_color")) or 0
            word = nfc(_cid_text(w["text"]))
            if is_dingbats(font):
                word = dingbat_codes(word)  # (base-14 ZapfDingbats: "l" is its "●")
            elif is_wingdings(font):
                word = wingding_text(word)  # (Word's symbols: "l" is its "●")
            if not word:
                continue
            text = word if not spans else " " + word
            spans.append(
                Span(
                    text=text,
                    bbox=(round(w["x0"], 2), round(w["top"], 2), round(w["x1"], 2), round(w["bottom"], 2)),
                    font=font,
                    size=round(float(w.get("size", 0)), 2),
                    bold=bold,
                    italic=italic,
                    color=color,
                )
            )
        lines.append(Line(spans=_merge_same_font(spans), page=number))
    lines.sort(key=lambda ln: (ln.y0, ln.x0))

    drawings: list[Drawing] = []
    for ln in page.lines:
        drawings.append(_segment(ln["x0"], ln["top"], ln["x1"], ln["bottom"], _color(ln.get("stroking_color"))))
    for r in page.rects:
        fill = _color(r.get("non_stroking_color")) if r.get("fill") else None
        stroke = _color(r.get("stroking_color")) if r.get("stroke") else None
        drawings.append(_rect(r["x0"], r["top"], r["x1"], r["bottom"], fill, stroke))
    for c in page.curves:
        fill = _color(c.get("non_stroking_color")) if c.get("fill") else None
        stroke = _color(c.get("stroking_color")) if c.get("stroke") else None
        drawings.append(
            Drawing(bbox=(c["x0"], c["top"], c["x1"], c["bottom"]), kind="shape", fill=fill, stroke=stroke)
        )
    images = [
        Image(bbox=(im["x0"], im["top"], im["x1"], im["bottom"]), width=int(im["srcsize"][0]), height=int(im["srcsize"][1]))
        for im in page.images
    ]
    return RawPage(
        number=number,
        width=float(page.width),
        height=float(page.height),
        lines=lines,
        drawings=drawings,
        images=images,
        ocr_font=ocr_font,
    )


def _merge_same_font(spans: list[Span]) -> list[Span]:
    """Adjacent words in the same font, one space apart, become one span as PyMuPDF reports them.

    Words further apart stay separate spans so that table cells never share a span."""
    out: list[Span] = []
    for s in spans:
        if (
            out
            and out[-1].font == s.font
            and out[-1].size == s.size
            and out[-1].color == s.color
            and s.bbox[0] - out[-1].bbox[2] <= 0.4 * max(s.size, 1)
        ):
            prev = out[-1]
            prev.text += s.text
            prev.bbox = (prev.bbox[0], min(prev.bbox[1], s.bbox[1]), s.bbox[2], max(prev.bbox[3], s.bbox[3]))
        else:
            out.append(s)
    return out
