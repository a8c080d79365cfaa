"""A layout family as a declaration: what the engine needs to know that is the family's own.

The engine (:mod:`planparse.layouts.engine`) walks every document the same way; a
:class:`LayoutSpec` tells it how headings map to goal levels, which extra label variants the
family prints, and where its front matter is. The generic parser is the engine with
:data:`DEFAULT`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planparse.model import GoalLevel

if TYPE_CHECKING:
    from planparse.layouts.base import Builder
    from planparse.layouts.fingerprint import Fingerprint
    from planparse.reading.model import Document

FactsHook = Callable[["Document", "Builder"], None]


@dataclass(frozen=True)
class LayoutSpec:
    """How one layout family prints its plan.

    ``levels`` maps the depth of a heading number ("3" → 1, "3.1" → 2) to a goal level;
    deeper numbers than the map knows become sub-goals. Heading numbers from ``min_depth`` to
    ``max_depth`` open goals; shallower ones are chapters. ``labels`` adds printed label variants (folded text →
    canonical label of ``data/vocabulary.json``) to the shared vocabulary for this family only.
    ``facts`` reads the front matter (title, organ, dates) after the shared guess.
    """

    name: str
    description: str = ""
    version: str = "1"
    levels: dict[int, GoalLevel] = field(
        default_factory=lambda: {1: GoalLevel.goal_area, 2: GoalLevel.goal}
    )
    max_depth: int = 3
    min_depth: int = 1  # shallower heading numbers are chapters, never goals ("3 Mål och uppdrag")
    labels: dict[str, str] = field(default_factory=dict)
    # Chapters whose numbered headings never open goals ("1 Inledning"), folded prefixes.
    chapters: tuple[str, ...] = ()
    # Canonical labels the family's documents print ("priority_development"): a document that
    # lacks one is still parsed, with a ``section_missing`` warning naming it.
    expects: tuple[str, ...] = ()
    facts: FactsHook | None = None
    # After the walk: what the family reads from the parsed items (a year from activity dates).
    after: FactsHook | None = None
    # A vertical gap over this share of the font size starts a new paragraph in a field; with
    # None, a gap a quarter of the font size over the field's own line spacing does (up to 0.6).
    paragraph_gap: float | None = 0.6
    # Lines (folded prefixes) that close the open field and are not part of any text, such as
    # a caption over a row of icons ("Anknyter till FN:s globala mål").
    closes_field: tuple[str, ...] = ()
    # A numbered item in an activity list is numbered under its goal ("Mål 3", 2nd item → "3.2").
    item_numbers: bool = False
    # Chapters that hold the goals, folded title prefixes ("redovisning"), beside the engine's
    # own reading of chapter titles ("Mål och uppdrag", "Måluppföljning").
    goal_chapters: tuple[str, ...] = ()
    # Numbered headings with only prose under them stay goals when goals beside them have
    # content; False: they are report sections ("1.5 Avgränsning") and drop out.
    bare_goals: bool = True
    fingerprint: Fingerprint | None = None

    def level(self, depth: int) -> GoalLevel:
        return self.levels.get(depth, GoalLevel.sub_goal)


DEFAULT = LayoutSpec(
    name="generic",
    description="Any layout: numbered or styled headings, goal words, labels, tables by role.",
    version="3",
    # ("Prioriterat mål: Läsförståelsen ska öka"; only as printed: its plural heads a chapter of goals)
    labels={"prioriterat mal": "goal"},
)
