"""STAR parts the candidate labels themselves: "Situation", "Context:", "My task:", "What I did:",
"Result," on a line of their own or opening one, with something said under them.

A written answer laid out under plain headings (often as bullets with the "I" dropped) tells its parts
by its layout; a fair reader finds the situation under "Situation" whatever its grammar.
"""

from __future__ import annotations

import re

from bot.answer_check.text import count_words, normal

# Each also as its bare initial before a colon ("S: …", "**A:** …"), and the Challenge or Problem that opens
# the CAR and PAR layouts as the situation.
LABELS: dict[str, str] = {
    "situation": r"(?:the )?(?:situation|context|background|setting|challenge|problem)|s(?=[*_]*\s*:)",
    "task": r"(?:(?:my|the) )?(?:task|goal|objective|mission|responsibility)|t(?=[*_]*\s*:)",
    "action": r"(?:(?:my|the) )?actions?|what i (?:did|do|have done)|(?:my|the) (?:approach|steps)|a(?=[*_]*\s*:)",
    "result": r"(?:(?:the|my) )?(?:results?|outcomes?|impact)|r(?=[*_]*\s*:)",
}
HEADING = re.compile(
    r"^[\s>*_#\-•]*(" + "|".join(f"(?P<{slot}>{label})" for slot, label in LABELS.items()) + r")[*_]*"
    r"\s*(?:[:,\-\u2013\u2014]\s*(?P<rest>.*)|$)",
    re.IGNORECASE,
)
ENOUGH = 4  # words under a heading before the next one: a label with nothing said under it tells nothing


def labelled(text: str) -> dict[str, str]:
    """The STAR slots with a heading of their own and at least a few words under it, with those words."""
    found: dict[str, str] = {}
    current: str | None = None
    under: list[str] = []
    for line in normal(text).splitlines():
        match = HEADING.match(line)
        if match:
            if current and count_words(" ".join(under)) >= ENOUGH:
                found[current] = "\n".join(under)
            current = next(slot for slot in LABELS if match.group(slot))
            under = [match.group("rest") or ""]
        else:
            under.append(line)
    if current and count_words(" ".join(under)) >= ENOUGH:
        found[current] = "\n".join(under)
    return found
