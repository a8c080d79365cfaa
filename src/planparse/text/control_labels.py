"""The column labels that name a control plan (or its follow-up) and a risk analysis: the
table roles' test, and the unruled-table finder's."""

from __future__ import annotations

from planparse.text.fold import fold


def control_labels(header: list[str]) -> bool:
    """Folded column labels of a control plan, or of its follow-up (Process | Kontrollmoment |
    Ansvarig | Resultat | Åtgärd), or a plan whose first column is the risk ("Risk | Sannolikhet |
    Konsekvens | Kontrollmoment | Ansvarig", its processes group rows over the table)."""
    joined = " ".join(header)
    header = header[1:] if len(header) > 2 and header[0].strip(" .:") in _NUMBER_HEADS else header  # ("Nr | Process | …")
    return "kontrollmetod" in joined or (header[0].startswith(("rutin", "process")) and "risk" in joined) \
        or header[0].startswith(("kontrollmoment", "kontrollomrade")) \
        or (header[0].startswith(("rutin", "process", "risk")) and any(h.startswith("kontrollmoment") for h in header))


_NUMBER_HEADS = frozenset({"nr", "#", "id", "lopnr", "lop nr", "ref", "risknr", "risk nr"})  # a numbers' column first


def risk_labels(header: list[str]) -> bool:
    """Folded column labels of a risk analysis (Sannolikhet | Konsekvens)."""
    joined = " ".join(header).replace(" ", "").replace("-", "")  # (a narrow column's "Sanno-likhet")
    return "konsekvens" in joined and "sannolikhet" in joined


def control_header(words: list[str]) -> bool:
    """A row of column labels that opens a control plan or a risk analysis ("Rutin/process |
    Risk | Riskvärde | Kontrollmetod | Ansvarig"), three labels or more: the caller rebuilds an
    unruled table under it."""
    folded = [fold(w) for w in words if w.strip()]
    return len(folded) >= 3 and (control_labels(folded) or risk_labels(folded))
