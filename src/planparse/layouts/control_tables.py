"""The readers of internal-control and risk tables: a control plan's points (process, risk,
risk value, how it is checked, who checks it) and a risk analysis's risks."""

from __future__ import annotations

from planparse.layouts.base import Builder, provenance
from planparse.layouts.roles import as_int, column, label_column, name_text, none_if_empty, text
from planparse.model import ControlPoint, Risk
from planparse.reading.model import Table
from planparse.text.control_labels import risk_labels
from planparse.text.fold import fold


def controls(table: Table, out: Builder) -> list[ControlPoint]:
    header = [fold(h).replace("-", "") for h in table.header]  # "Risk-värde" is "Riskvärde"
    # "Risk | Sannolikhet | … | Kontrollmoment" with no process column: its processes are the
    # group rows over the table, each the process of the rows under it
    grouped = header[0].startswith("risk") and column(header, "rutin process", "rutin", "process") is None
    process = 0 if grouped else column(header, "rutin process", "rutin", "process", "kontrollmoment") or 0
    risk, value = column(header, "risk"), column(header, "riskvarde", "riskbedomning")
    if risk is None and process + 1 < len(header) and not header[process + 1]:
        risk = process + 1  # (an OCR'd header that lost its "Risk": the unlabelled column after the process)
    # beside a "Process/rutin" column, "Kontrollmoment" says how the process is checked; a
    # "Kontrollmetod" says it better, a bare "Metod" beside it only names the kind ("Stickprov")
    method = next((m for m in (column(header, "kontrollmetod"), column(header, "kontrollmoment"), column(header, "metod"))
                   if m is not None and m != process), None)
    # no group row over a row: its check ("Kontrollmoment") is its process, a "Metod" beside it the method
    checked = column(header, "kontrollmoment") if grouped else None
    plain = next((m for m in (column(header, "kontrollmetod"), column(header, "metod")) if m is not None and m != checked), method)
    owner = label_column(table, "owner")
    found: list[ControlPoint] = []
    group = None  # (the group row over the rows read)
    for row in table.body:
        name = name_text(row, process)
        # a group row over the whole width ("Ekonomi"), or its title in the first column with
        # the others empty (rules read across it): no control of its own
        if (row.full_width and table.n_cols > 2) or (table.n_cols > 3 and not any(c.text.strip() for c in row.cells if c.col != process)):
            group = name or group
            continue
        if not name and found and table.n_cols > 3 and all(text(row, i) for i in range(table.n_cols) if i != process):
            name = found[-1].process  # every cell but the process filled: the process cell above spans this row too
        if not name:
            if any(c.text for c in row.cells):
                out.warn("unplaced_row", f"control row without process: {row.texts}", row.page)
            continue
        ungrouped = grouped and group is None and checked is not None and bool(text(row, checked))
        found.append(ControlPoint(
            uid="", process=text(row, checked) if ungrouped else group if grouped and group else name,
            risk=none_if_empty(text(row, risk)), risk_value=as_int(text(row, value)),
            method=none_if_empty(text(row, plain if ungrouped else method)), responsible=none_if_empty(text(row, owner)),
            provenance=provenance(row),
        ))
    return found


def rated_risks(table: Table) -> list[Risk]:
    """The risks of a control plan led by the risks it rates ("Risk | Sannolikhet | Konsekvens
    | … | Kontrollmoment"): its rows are risks too; none for other control plans."""
    header = [fold(h) for h in table.header]
    return risks(table) if header[:1] and header[0].startswith("risk") and risk_labels(header) else []


def risks(table: Table) -> list[Risk]:
    header = [fold(h).replace("-", "") for h in table.header]
    area = column(header, "omrade", "risk") or 0
    cons, prob = column(header, "konsekvens"), column(header, "sannolikhet")
    score = column(header, "totalpoang", "riskvarde", "poang")
    return [
        Risk(uid="", area=name, consequence=as_int(text(row, cons)), probability=as_int(text(row, prob)),
             score=as_int(text(row, score)), provenance=provenance(row))
        for row in table.body
        if (name := name_text(row, area)) and not (row.full_width and table.n_cols > 2)  # (a group row)
    ]
