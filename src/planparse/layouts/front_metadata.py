"""Metadata the front matter prints as a label and its value in running text: "Diarienummer
RV2025/01874", "Dnr SBN/2026:47", "Beslutad av bildningsnämnden 2026-12-09", "Antagen av
kommunfullmäktige 2026-11-16" (on a line of their own or between " · " separators). A value
must have its shape (letters and a number with a year, a date), so a label alone in a table's
cell (its value in the next cell) gives nothing here.
"""

from __future__ import annotations

import datetime as dt
import re

from planparse.model import Metadata
from planparse.reading.model import Line
from planparse.text.assemble import join_lines

_DNR = re.compile(r"\b(?:diarienummer|diarienr|dnr)\.?:?\s+(?P<v>[A-ZÅÄÖ]{1,8}\s?/?\s?\d{2,4}(?:[/:.-]\d{1,6})+)",
                  re.IGNORECASE)
_DECIDED = re.compile(r"\b(?:beslutad(?:e)?|antagen|antaget|antagna) av:?\s+(?P<by>[A-Za-zÅÄÖåäö][^\d·|,;]{2,60}?),?\s+(?P<on>(?:19|20)\d{2}-\d{2}-\d{2})\b",
                      re.IGNORECASE)


def front_metadata(lines: list[Line], meta: Metadata) -> None:
    """Fill ``meta``'s diarienummer, decided_by and decided_on from ``lines`` where unset."""
    for ln in lines:
        if meta.diarienummer is None and (m := _DNR.search(ln.text)):
            meta.diarienummer = m["v"]
        if meta.decided_on is None and (d := _DECIDED.search(ln.text)):
            try:
                on = dt.date.fromisoformat(d["on"])
            except ValueError:
                continue
            by = d["by"].strip()
            meta.decided_on, meta.decided_by = on, meta.decided_by or by[:1].upper() + by[1:]


_VISION = re.compile(r"^(?:var |nämndens |namndens )?vision(?: (?:19|20)\d{2})?:?$", re.IGNORECASE)


# A vision run in after its label on its own line ("Vision: Alla invånare ska …")
_VISION_RUNIN = re.compile(r"^(?:v[åa]r |n[äa]mndens )?vision(?: (?:19|20)\d{2})?\s*:\s*(?P<text>[A-ZÅÄÖ\"”“].{15,})$", re.IGNORECASE)


def vision_under_heading(pages: list[list[Line]]) -> str | None:
    """The vision run in after its label ("Vision: Alla invånare …"), or printed as a heading of
    its own ("Vision", "Vår vision") over a short paragraph: the paragraph's lines, each close under the one before in the paragraph's type,
    up to the next heading or a blank line. Without fonts (an OCR'd layer) the heading is told
    by standing alone on its line."""
    for lines in pages:
        for k, head in enumerate(lines):
            if (runin := _VISION_RUNIN.match(" ".join(head.text.split()))) is not None:
                para = [head]  # "Vision: Alla invånare …", and the lines it wraps onto
                for ln in lines[k + 1:k + 4]:
                    height = max(para[-1].bbox[3] - para[-1].bbox[1], 1.0)
                    if ln.y0 - para[-1].bbox[3] > 0.5 * height or ln.x0 > head.x0 + 2 or abs(ln.size - head.size) > 0.5:
                        break
                    para.append(ln)
                text = join_lines([runin["text"], *(ln.text for ln in para[1:])])
                if len(text.split()) >= 4:
                    return text
            if k + 1 == len(lines) or not _VISION.match(" ".join(head.text.split())):
                continue
            first = lines[k + 1]
            fonts = bool(head.spans and head.spans[0].font)
            if fonts and not (head.bold and not first.bold or head.size > first.size + 1):
                continue
            para = [first]
            for ln in lines[k + 2:k + 8]:
                prev = para[-1]
                height = max(prev.bbox[3] - prev.bbox[1], 1.0)
                if ln.y0 - prev.bbox[3] > 0.8 * height or (fonts and (ln.bold != first.bold or abs(ln.size - first.size) > 0.5)):
                    break
                para.append(ln)
            text = join_lines([ln.text for ln in para])
            if len(text.split()) >= 4 and len(para) <= 4:
                return text
    return None
