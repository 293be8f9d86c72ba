"""The sixteen Leadership Principles, and a forgiving matcher for what people type.

Case, punctuation and `&`/`and` never matter; an unambiguous prefix or a distinctive word is
enough ("backbone", "highest standards"); common variants map to the canonical name ("Earn Trust
of Others"). Anything unknown or ambiguous is refused with a message that quotes it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.parsing import InputError, quote

PRINCIPLES: tuple[str, ...] = (
    "Customer Obsession",
    "Ownership",
    "Invent and Simplify",
    "Are Right, A Lot",
    "Learn and Be Curious",
    "Hire and Develop the Best",
    "Insist on the Highest Standards",
    "Think Big",
    "Bias for Action",
    "Frugality",
    "Earn Trust",
    "Dive Deep",
    "Have Backbone; Disagree and Commit",
    "Deliver Results",
    "Strive to be Earth's Best Employer",
    "Success and Scale Bring Broad Responsibility",
)

# Variants people write, by normalised form. Prefixes and distinctive words need no entry here.
ALIASES: dict[str, str] = {
    "earn trust of others": "Earn Trust",
    "earning trust": "Earn Trust",
    "customer obsessed": "Customer Obsession",
    "customer first": "Customer Obsession",
    "invent simplify": "Invent and Simplify",
    "are right a lot": "Are Right, A Lot",
    "be right a lot": "Are Right, A Lot",
    "right a lot": "Are Right, A Lot",
    "learn be curious": "Learn and Be Curious",
    "hire develop the best": "Hire and Develop the Best",
    "hire and develop": "Hire and Develop the Best",
    "hiring and developing the best": "Hire and Develop the Best",
    "insist on highest standards": "Insist on the Highest Standards",
    "highest standards": "Insist on the Highest Standards",
    "high standards": "Insist on the Highest Standards",
    "bias to action": "Bias for Action",
    "frugal": "Frugality",
    "deep dive": "Dive Deep",
    "disagree and commit": "Have Backbone; Disagree and Commit",
    "have backbone disagree commit": "Have Backbone; Disagree and Commit",
    "backbone": "Have Backbone; Disagree and Commit",
    "earths best employer": "Strive to be Earth's Best Employer",
    "best employer": "Strive to be Earth's Best Employer",
    "success and scale": "Success and Scale Bring Broad Responsibility",
    "broad responsibility": "Success and Scale Bring Broad Responsibility",
}

# Words too common to tell principles apart on their own.
STOPWORDS = frozenset({"a", "an", "and", "the", "be", "to", "of", "for", "on", "in", "is", "are", "lot"})
MIN_PREFIX = 3


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("&", " and ").replace("’", "").replace("'", "")
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


_CANONICAL = {normalise(name): name for name in PRINCIPLES}
_EXACT = {**_CANONICAL, **{normalise(alias): name for alias, name in ALIASES.items()}}


class PrincipleError(InputError):
    """An unknown or ambiguous principle: the message quotes it and lists the valid names."""

    def __init__(self, typed: str, candidates: tuple[str, ...] = ()) -> None:
        self.typed = typed
        self.candidates = candidates
        if candidates:
            options = " or ".join(candidates)
            problem = f"{quote(typed)} could be {options}: say which."
        else:
            problem = f"{quote(typed)} is not a Leadership Principle I know."
        super().__init__(f"{problem} Valid names: {', '.join(PRINCIPLES)}.")


@dataclass(frozen=True)
class _Guess:
    names: tuple[str, ...]


def _guess(typed: str) -> _Guess:
    key = normalise(typed)
    if not key:
        return _Guess(())
    if key in _EXACT:
        return _Guess((_EXACT[key],))
    words = key.split()
    if all(word in STOPWORDS for word in words):
        return _Guess(())
    # An unambiguous prefix of a name or variant, or a distinctive part: every meaningful word typed
    # starts a word of the name. Both are pooled, so "best" is ambiguous rather than first-found.
    meaningful = [word for word in words if word not in STOPWORDS]
    matches = _unique(
        name
        for form, name in _EXACT.items()
        if (len(key) >= MIN_PREFIX and form.startswith(key))
        or (
            all(any(part.startswith(word) for part in form.split()) for word in meaningful)
            and all(len(word) >= MIN_PREFIX or word in form.split() for word in meaningful)
        )
    )
    return _Guess(matches)


def _unique(names: object) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for name in names:  # type: ignore[attr-defined]
        seen.setdefault(name, None)
    return tuple(sorted(seen, key=PRINCIPLES.index))


def match_principle(typed: str) -> str:
    """The canonical name for what was typed, or PrincipleError."""
    guess = _guess(typed)
    if len(guess.names) == 1:
        return guess.names[0]
    raise PrincipleError(typed.strip(), guess.names)


def is_exact(typed: str) -> bool:
    return normalise(typed) in _EXACT


def parse_principles(text: str) -> list[str]:
    """A comma-separated list of principles, canonical and de-duplicated, in the order typed.

    Commas separate principles, but "Are Right, A Lot" holds one: at each position the longest run
    of up to three comma-separated pieces that names a principle exactly wins. A piece that is no
    principle on its own may be two joined by "and"/"&" ("dive deep and think big").
    """
    pieces = [piece.strip() for piece in re.split(r"[,\n]", text)]
    pieces = [piece for piece in pieces if piece]
    found: list[str] = []
    index = 0
    while index < len(pieces):
        for width in (3, 2):
            joined = ", ".join(pieces[index : index + width])
            if index + width <= len(pieces) and is_exact(joined):
                found.append(_EXACT[normalise(joined)])
                index += width
                break
        else:
            found.extend(_match_piece(pieces[index]))
            index += 1
    return list(dict.fromkeys(found))


def _match_piece(piece: str) -> list[str]:
    try:
        return [match_principle(piece)]
    except PrincipleError as whole_failed:
        parts = [p for p in re.split(r"\s+(?:and|&)\s+", piece, flags=re.IGNORECASE) if p.strip()]
        if len(parts) < 2:
            raise
        try:
            return [match_principle(part) for part in parts]
        except PrincipleError:
            raise whole_failed from None
