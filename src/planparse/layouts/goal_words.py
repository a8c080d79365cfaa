"""Goal words: the words that name a level of goals ("Nämndmål", "Fokusområde",
"Kommunfullmäktiges mål"), folded, with the level their goals take."""

from __future__ import annotations

from functools import lru_cache

from planparse.model import GoalLevel
from planparse.text.fold import fold

# Words that name a goal level, folded, with the level their goals take.
GOAL_WORDS: tuple[tuple[str, GoalLevel], ...] = (
    ("kommunfullmaktiges mal", GoalLevel.goal_area),
    ("kommunfullmaktiges malomrade", GoalLevel.goal_area),
    ("kommunfullmaktiges inriktningsmal", GoalLevel.goal_area),
    ("kommunfullmaktiges strategiska mal", GoalLevel.goal_area),
    ("kommunfullmaktiges prioriterade mal", GoalLevel.goal_area),
    ("regionfullmaktiges mal", GoalLevel.goal_area),
    ("inriktningsmal", GoalLevel.goal_area),
    ("strategiska mal", GoalLevel.goal_area),
    ("strategiskt mal", GoalLevel.goal_area),
    ("overgripande mal", GoalLevel.goal_area),
    ("kommunmal", GoalLevel.goal_area),
    ("kf mal", GoalLevel.goal_area),
    ("kf-mal", GoalLevel.goal_area),
    ("malomraden", GoalLevel.goal_area),
    ("malomrade", GoalLevel.goal_area),
    ("fokusomraden", GoalLevel.focus_area),
    ("fokusomrade", GoalLevel.focus_area),
    ("utvecklingsomraden", GoalLevel.focus_area),
    ("utvecklingsomrade", GoalLevel.focus_area),
    ("prioriterade omraden", GoalLevel.focus_area),
    ("prioriterat omrade", GoalLevel.focus_area),
    ("namndmal", GoalLevel.goal),
    ("namndsmal", GoalLevel.goal),
    ("namndens mal", GoalLevel.goal),
    ("verksamhetsmal", GoalLevel.goal),
    ("lokala mal", GoalLevel.goal),
    ("lokalt mal", GoalLevel.goal),
    ("forvaltningsmal", GoalLevel.goal),
    ("enhetsmal", GoalLevel.goal),
    ("effektmal", GoalLevel.goal),
    ("delmal", GoalLevel.sub_goal),
    ("tema", GoalLevel.goal_area),
)
_GOAL_WORD_STARTS = tuple(word for word, _ in GOAL_WORDS)
LEVEL_DEPTH = {GoalLevel.goal_area: 1, GoalLevel.focus_area: 2, GoalLevel.goal: 2, GoalLevel.sub_goal: 3}


@lru_cache(maxsize=8192)  # (a line is asked by the heading reader, the walk and the title joiner)
def goal_word(text: str) -> tuple[GoalLevel, str] | None:
    """(level, rest) when ``text`` starts with a goal word ("Nämndmål 2: Trygghet")."""
    folded = fold(text)
    if not folded.startswith(_GOAL_WORD_STARTS):  # (each match below starts with its word)
        return None
    for word, level in GOAL_WORDS:
        if folded == word or folded.startswith(word + " "):
            n_words = len(word.split())
            rest = " ".join(text.split()[n_words:]).lstrip(":–—- ").strip()
            return level, rest
    return None
