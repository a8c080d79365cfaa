"""What a document's title says it is not: a steering document or record (no plan nor
follow-up), a taxa, an audit, or a plan of another kind than a goal plan (folded text)."""

from __future__ import annotations

import re

from planparse.text.fold import fold

# A title naming a document of another kind: a steering document, a record or a report that
# is no plan nor follow-up (folded text; a protokoll's extract opens with its §)
RULES = re.compile(r"(?:riktlinje[rn]?|riktlinjerna|policy|reglemente|arbetsordning|delegationsordning"
                   r"|dokumenthanteringsplan|tjansteskrivelse|revisionsrapport|granskningsrapport"
                   r"|sammantradesplan|handlingsplan|rutin(?:er)?|protokoll(?:sutdrag)?)\b|§\s*\d")
# A fee schedule's title ("Taxa för …", "Avgiftstaxa", "Plan- och bygglovstaxa", "Taxor och
# avgifter"; folded text): a steering document, no plan, and its fee tables are no budget.
_FEE_SCHEDULE = re.compile(r"\b\w*tax(?:a|an|or|orna)\b")
# Title words of plans of another kind: no goal tree, whatever their tables hold (folded text):
# plans against discrimination, the physical plans of the plan- och bygglagen, and the plans of
# crisis preparedness and record keeping (their mål and åtgärder are routines).
OTHER_PLANS = re.compile(r"likabehandling|krankande behandling|diskriminering|trakasseri"
                         r"|planbeskrivning|detaljplan|oversiktsplan|planprogram|omradesbestammelser"
                         r"|krisberedskap|beredskapsplan|krisledningsplan|sakerhetsskyddsplan|dokumenthanteringsplan"
                         r"|remissvar|remissyttrande|\byttrande\b|upphandlingsunderlag|forfragningsunderlag|delegationsordning"
                         r"|redovisning av (?:\w+)?bidrag|bidragsredovisning|ansokan om (?:\w+)?bidrag"  # (a förening's grant report)
                         r"|personalekonomisk|personalbokslut|personalredovisning|lonekartlaggning"  # (staff statistics)
                         r"|statistikrapport|statistiksammanstallning|\bi siffror\b"  # (a municipality in figures)
                         r"|\bstyrmodell(?:en)?\b|^mall\b")  # (how goals are set and followed up; a blank form)
# ... unless the title names a gender-equality plan ("Jämställdhets- och likabehandlingsplan för
# medarbetare"): its goals, actions and their follow-up are a goal plan's
_GOAL_PLAN = re.compile(r"jamstalldhet")


def other_plan(folded: str) -> bool:
    """Whether a folded title names a plan of another kind (:data:`OTHER_PLANS`)."""
    return OTHER_PLANS.search(folded) is not None and _GOAL_PLAN.search(folded) is None


def fee_schedule(title: str) -> bool:
    """Whether a document's title names a taxa (a schedule of fees)."""
    return bool(_FEE_SCHEDULE.search(fold(title)))


_AUDIT = re.compile(r"revisionsrapport|granskningsrapport|revisionsberattelse|granskning av")


def keeps_no_budget(title: str) -> bool:
    """Whether a document's money tables are no budget: a taxa's fees, a physical plan's cost
    estimate ("Kostnad | Belopp, kr" in a planbeskrivning), an audit's table of the projects it
    looked at."""
    return fee_schedule(title) or other_plan(folded := fold(title)) or bool(_AUDIT.search(folded))
