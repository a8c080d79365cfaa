"""A key of text symbols: "Symbol | Betydelse" with "▲ | Genomfört", "► | Pågår enligt plan",
"▼ | Försenat eller avvikelse" (or its lines "▲ Genomfört"). A status cell holding one of its
symbols alone has the status the key names; without a key a symbol says nothing."""

from __future__ import annotations

from planparse import vocabulary
from planparse.model import Status, StatusValue
from planparse.reading.model import Document, Row


def symbol_key(doc: Document) -> dict[str, StatusValue]:
    """The document's symbols and the statuses its key names (worked out once per document)."""
    found = doc.derived.get(symbol_key)
    if found is None:
        found = doc.derived[symbol_key] = _read_key(doc)
    return found  # type: ignore[no-any-return]


def _read_key(doc: Document) -> dict[str, StatusValue]:
    out: dict[str, StatusValue] = {}
    pairs: list[tuple[str, str]] = []
    for page in doc.pages:
        for table in page.tables:
            for row in table.body:
                texts = [c.text.strip() for c in row.cells if c.text.strip()]
                if len(texts) == 2:
                    pairs.append((texts[0], texts[1]))
        for line in page.lines:
            symbol, _, name = line.text.strip().partition(" ")
            pairs.append((symbol, name.lstrip("=:–- ")))
    for symbol, name in pairs:
        if _symbol(symbol) and (m := vocabulary.match_legend("statuses", name)) is not None and m.confidence >= 0.85:
            out.setdefault(symbol, StatusValue(m.value))
    return out if len(out) >= 2 else {}  # (one "▲ Ökning" is a trend's note, no key)


def _symbol(text: str) -> bool:
    return 1 <= len(text) <= 2 and not any(ch.isalnum() for ch in text)


def symbol_status(doc: Document, row: Row | None) -> Status | None:
    """The status of a row with a cell holding a symbol of the document's key alone, else None."""
    if row is None:
        return None
    key = symbol_key(doc)
    for cell in row.cells:
        text = cell.text.strip()
        if text in key:
            return Status(value=key[text], raw=text, confidence=0.9)
    return None
