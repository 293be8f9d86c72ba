"""Who did what: every clause of a sentence with its subject (I, we, or someone or something else)
and its verb, read without a tagger model.

A clause starts at a clause break (a comma or semicolon, or a linking word such as "and", "but",
"so", "which", "because") and its verb is the first finite verb after the break: a past form, an
auxiliary or modal, or a present form after a pronoun. What stands before the verb is the subject;
a clause with nothing before its verb shares the subject of the clause before ("I checked the logs
and found…"). The reading is shallow on purpose: it only needs to tell the candidate's own steps
from what happened to the world (the situation before, the outcome after).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from bot.answer_check.text import IRREGULAR_PAST, NOT_PAST_ED, tokens, wordset


class Agent(StrEnum):
    I = "i"  # noqa: E741 - the pronoun itself
    WE = "we"
    OTHER = "other"  # a person, a team, a thing, a number: anyone but the candidate


@dataclass(frozen=True)
class Part:
    agent: Agent
    subject: tuple[str, ...]  # the words before the verb ("the", "error", "rate")
    verb: str
    words: tuple[str, ...]  # the whole clause, verb included
    negated: bool
    modal: bool  # would, could, will, might…: not something that happened
    past: bool  # told as having happened ("was", "fell", "had grown"), not as how things are
    link: str = ""  # the linking word that opened the clause ("and", "which"…), "" after a comma or none


LINKS = wordset("""and but so which who that because while whereas although though when after until once since
    then or""")
DETERMINERS = wordset("""the a an my our your their his her its this that these those every each all some any no
    another other both either neither few many several most one two three""")
AUXILIARIES = wordset("""was were is are am be been being had has have did does do got gets get became becomes kept
    keeps went goes didn't doesn't don't wasn't weren't isn't aren't hasn't haven't hadn't""")
PAST_AUXILIARIES = wordset("was were had did got became kept went didn't wasn't weren't hadn't")
MODALS = wordset("would could should might will shall may must can 'd 'll wouldn't couldn't won't can't")
NEGATIONS = wordset("not never no didn't don't doesn't wasn't weren't isn't aren't hadn't haven't hasn't n't")
PRONOUNS = {
    "i": Agent.I,
    "we": Agent.WE,
    "i've": Agent.I,
    "we've": Agent.WE,
    "i'd": Agent.I,
    "we'd": Agent.WE,
    "i'm": Agent.I,
    "we're": Agent.WE,
    "i'll": Agent.I,
    "we'll": Agent.WE,
}
EXPERIENCE = wordset(
    "many several multiple numerous countless dozens hundreds times career years always often"
)
OTHER_PRONOUNS = wordset("""you you're you've you'll you'd he she they it this that someone somebody nobody everyone everybody everything nothing
    people he'd she'd they'd it's they're he's she's they've""")
PRESENT_AFTER_PRONOUN = re.compile(r"^[a-z]+$")
NOT_VERBS = DETERMINERS | LINKS
BREAK = re.compile(r"[,;:](?=\s|$)|[()\u2013\u2014]|\s-\s")  # not the comma in "20,000"


def _is_past(word: str, before: str) -> bool:
    if word in IRREGULAR_PAST:
        return before not in DETERMINERS or word in ("was", "were", "had")
    if len(word) > 4 and word.endswith("ed") and word not in NOT_PAST_ED:
        return before not in DETERMINERS  # "the affected users" is an adjective, not a verb
    return False


def _verb_at(words: list[str]) -> int | None:
    """Where the clause's finite verb is; None for a clause with no verb."""
    for position, word in enumerate(words):
        before = words[position - 1] if position > 0 else ""
        if word in PRONOUNS:
            continue
        if word == "sat" and words[position + 1 : position + 2] in (["night"], ["morning"], ["evening"]):
            continue  # "sat night ~11pm got paged": Saturday, typed short, not a verb
        if word in MODALS or word in AUXILIARIES or _is_past(word, before):
            return position
        after_pronoun = before in PRONOUNS or before in OTHER_PRONOUNS
        if after_pronoun and PRESENT_AFTER_PRONOUN.match(word) and word not in NOT_VERBS:
            return position  # "they use", "I think": a present verb right after its pronoun
    return None


@lru_cache(maxsize=4096)  # a check reads each sentence several times (situation, result, metric)
def parts(sentence: str) -> tuple[Part, ...]:
    found: list[Part] = []
    previous: Agent | None = None
    for chunk in BREAK.split(sentence):
        words = tokens(chunk)
        # split further at linking words, keeping each piece's words and the word that linked it
        pieces: list[list[str]] = [[]]
        linked_by = [""]
        for word in words:
            if word in LINKS:
                if pieces[-1]:
                    pieces.append([])
                    linked_by.append(word)
                else:
                    linked_by[-1] = word
                continue
            pieces[-1].append(word)
        for piece, link in zip(pieces, linked_by, strict=True):
            if not piece:
                continue
            verb_at = _verb_at(piece)
            if verb_at is None:
                continue
            subject = tuple(w for w in piece[:verb_at] if w not in NEGATIONS)
            agent = _agent(subject, previous, verb=piece[verb_at], link=link)
            if agent is None:
                continue
            rest = piece[verb_at:]
            modal = (
                piece[verb_at] in MODALS
                or any(w in ("'d", "'ll") for w in piece[: verb_at + 1])
                or (bool(subject) and subject[-1] in ("i'd", "we'd", "i'll", "we'll"))
            )
            negated = any(w in NEGATIONS or w.endswith("n't") for w in piece[: verb_at + 3])
            verb = piece[verb_at]
            past = not modal and (verb in PAST_AUXILIARIES or _is_past(verb, ""))
            done = rest[1] if len(rest) > 1 and verb in ("have", "has") else ""
            if not modal and done and done != "been" and _is_past(done, "") and not set(rest) & EXPERIENCE:
                # "I have made the analysis", "she has left": the present perfect tells what was done (but "I
                # have launched many products in my career" tells a career, not one time)
                verb, past = done, True
            found.append(Part(agent, subject, verb, tuple(rest), negated, modal, past, link))
            previous = agent
    return tuple(found)


def _agent(
    subject: tuple[str, ...], previous: Agent | None, *, verb: str = "", link: str = ""
) -> Agent | None:
    if not subject:
        if previous is None and link in ("which", "who", "that"):
            return Agent.OTHER  # "daily users, which had dipped, …": the noun before the comma, not "I"
        if previous is None and _is_past(verb, ""):
            return Agent.I  # "grabbed a heap dump and opened it": a note dropping its "I"
        return previous
    last = subject[-1]
    if last in PRONOUNS:
        return PRONOUNS[last]
    if "i" in subject[-2:] or "we" in subject[-2:]:  # "then I", "so we", "me and my lead we"
        return Agent.I if "i" in subject[-2:] else Agent.WE
    return Agent.OTHER
