"""Plain-text plumbing for the answer check: words, sentences, clauses and the tense they are told in.

No tagger model is needed: in a spoken answer the word after "I" or "we" is almost always the verb
(or an adverb before it), so the clause's subject and verb form are read from that position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

import snowballstemmer

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’%$.,-]*")
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[$€£%]")
# A sentence ends at . ! ? followed by space and a capital, digit or quote, or at a line break that ends a
# paragraph or a list item. A lone line break inside a sentence is wrapping (editors and e-mail wrap at
# ~80 columns), so it is read as a space.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(A-Za-z0-9])|\s*\n+\s*")  # typed lower case too
WRAPPED = re.compile(r"(?<=[^\s.!?:;])[ \t]*\n[ \t]*(?![\s\-*•#>]|\d+[.)]\s)")
ABBREVIATIONS = re.compile(
    r"\b(e\.g|i\.e|etc|vs|mr|mrs|ms|dr|approx|no|inc|ltd|co|st|jr|sr|dept|est|min|max|fig|cf|a\.m|p\.m|u\.s)\.\s+",
    re.IGNORECASE,
)

WORDS_PER_MINUTE = 150


def wordset(text: str) -> frozenset[str]:
    """A word list written as one string, the way people read lists."""
    return frozenset(text.split())


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def normal(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


# A line this short that goes on in the next is broken on purpose (chat messages typed line by line, "so we
# had an outage / i jumped on it"), not wrapped: editors and e-mail wrap at 70–110 columns.
SHORT_LINE = 45
BROKEN_SHORT = re.compile(rf"^([^\n]{{1,{SHORT_LINE}}}[^\s.!?:;,])[ \t]*\n(?=[ \t]*\S)", re.MULTILINE)


def sentences(text: str) -> list[str]:
    unwrapped = WRAPPED.sub(" ", BROKEN_SHORT.sub(r"\1\n\n", normal(text)))
    shielded = ABBREVIATIONS.sub(lambda match: match.group(0).replace(". ", "·_"), unwrapped)
    parts = (part.replace("·_", ". ").strip(" -*•\t") for part in SENTENCE_END.split(shielded))
    return [part for part in parts if WORD.search(part) and not part.startswith("#")]  # headings say nothing


def tokens(text: str) -> list[str]:
    return TOKEN.findall(normal(text).lower())


_STEMMER = snowballstemmer.stemmer("english")


@cache
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word.lower().strip("'")))


def stems(text: str) -> set[str]:
    return {stem(token) for token in tokens(text) if len(token) > 2}


class Form(StrEnum):
    """How a clause with "I" or "we" as its subject is told."""

    DONE = "done"  # past or perfect: something that happened ("I rewrote", "we've cut")
    STATE = "state"  # past of being, having, thinking: context rather than action ("I was", "we had")
    OBLIGED = "obliged"  # what had to happen ("I had to", "we needed to"): the task
    CONDITIONAL = "conditional"  # what would or will happen ("I would", "I'd", "I'll", "I'm going to")
    HABITUAL = "habitual"  # what one does in general ("I usually", "I always", "I tend to")
    PRESENT = "present"  # anything else in the present


@dataclass(frozen=True)
class Clause:
    subject: str  # "i" or "we"
    verb: str
    form: Form
    sentence: int  # index of the sentence it is in


IRREGULAR_PAST = wordset("""arose awoke was were bore beat became began bent bet bid bit bled blew broke bred brought built burnt
    burst bought cast caught chose clung came cost crept cut dealt dug did drew dreamt drank drove ate fell fed
    felt fought found fled flew forbade forgot forgave froze got gave went ground grew hung had heard hid hit held
    hurt kept knelt knew laid led leapt learnt left lent let lay lit lost made meant met mistook misread misled
    overcame overheard oversaw overtook paid proved put quit read rebuilt redid rewrote rethought reran reset
    rode rang rose ran said saw sought sold sent set shook shed shone shot showed shrank shut sang sank sat slept
    slid spoke sped spent spun split spread sprang stood stole stuck stung struck strove swore swept swam swung
    took taught tore told thought threw understood undertook underwent undid upheld upset woke wore wove wept won
    wound withdrew withheld withstood wrung wrote been done gone taken given written spoken shown known grown
    driven chosen broken seen begun run become forgotten gotten fallen drawn eaten hidden ridden risen shaken
    stolen sworn thrown torn woken worn overseen undertaken withdrawn""")
NOT_PAST_ED = frozenset(
    [
        "need",
        "feed",
        "speed",
        "seed",
        "bleed",
        "breed",
        "proceed",
        "succeed",
        "exceed",
        "indeed",
        "shed",
        "red",
        "bed",
        "hundred",
        "embed",
        "wed",
        "greed",
    ]
)
STATIVE = wordset("""was were had felt thought knew believed wanted liked loved hoped wished seemed cared been enjoyed
    preferred assumed expected guessed hated feared worried understood""")
# Present verbs of being, having and thinking: context in a present-tense story, not its steps ("I am working
# as…", "we are having a plan", "the call I think about most…").
STATIVE_PRESENT = wordset("""am is are have has think know feel believe want need like love prefer hope see
    mean guess wish seem understand remember having thinking knowing feeling believing wanting needing liking
    loving hoping wishing working""")
MODALS = wordset("would could should might will shall may must can 'd 'll")
CONDITIONAL_MODALS = wordset("would could should might will shall 'd 'll wouldn't won't shouldn't")
HABIT_WORDS = wordset(
    "usually always typically generally normally often tend"
)  # "I try", "I prefer": any tense's
ADVERB = re.compile(
    r"^(?:\w+ly|then|also|first|next|just|still|soon|later|together|even|again|both|all|"
    r"immediately|personally|quickly|never|not|already|eventually|myself|ourselves|once|instead)$"
)
SUBJECTS = {
    "i": "i",
    "we": "we",
    "i've": "i",
    "we've": "we",
    "i'd": "i",
    "we'd": "we",
    "i'll": "i",
    "we'll": "we",
    "i'm": "i",
    "we're": "we",
}


def is_past(word: str) -> bool:
    if word in IRREGULAR_PAST:
        return True
    return len(word) > 4 and word.endswith("ed") and word not in NOT_PAST_ED


def clauses(sentence_texts: list[str]) -> list[Clause]:
    found: list[Clause] = []
    for index, sentence in enumerate(sentence_texts):
        words = tokens(sentence)
        for position, word in enumerate(words):
            if word in SUBJECTS:
                # "my team and I rewrote…", "our designer and I…": a shared subject is "we", not one's own step
                shared = word == "i" and words[max(0, position - 3) : position] in TEAM_AND
                subject = "we" if shared else SUBJECTS[word]
                clause = _clause(subject, word, words[position + 1 : position + 6], index)
                found.append(clause)
                if clause.form is Form.DONE:
                    found.extend(_coordinated(clause, words[position + 2 :]))
    return _in_the_tense_around(found)


TEAMMATES = wordset("""team teams manager lead colleague colleagues peer peers partner boss engineer engineers designer
    pm director intern report reports cofounder co-founder analyst architect counterpart""")
TEAM_AND = [[owner, mate, "and"] for owner in ("my", "our", "the") for mate in TEAMMATES]


# Verbs whose past is their present ("I put", "I cut", "I read"): the form alone does not say when.
SAME_FORM = wordset(
    "put set let read shut cost hurt quit spread bet split burst cut hit upset reset shed fit"
)
# Participles that look past but are present after a bare subject: "I run a weekly meeting", "we come in".
PRESENT_LOOKALIKE = wordset("run come become overcome")


def _in_the_tense_around(found: list[Clause]) -> list[Clause]:
    """A verb whose form does not say its tense takes the tense of the nearest clause that does: "I keep a
    risk log and review it weekly, and I put dependencies at the top" is present, "I found the bug and I put
    a fix in" is past."""
    settled: list[Clause] = []
    for index, clause in enumerate(found):
        if clause.form is Form.DONE and clause.verb in PRESENT_LOOKALIKE:
            clause = Clause(clause.subject, clause.verb, Form.PRESENT, clause.sentence)
        elif clause.form is Form.DONE and clause.verb in SAME_FORM:
            before = [c.form for c in found[:index] if c.verb not in SAME_FORM]
            after = [c.form for c in found[index + 1 :] if c.verb not in SAME_FORM]
            near = next((f for f in reversed(before) if f in TENSED), None) or next(
                (f for f in after if f in TENSED), Form.DONE
            )
            if near in (Form.PRESENT, Form.HABITUAL):
                clause = Clause(clause.subject, clause.verb, near, clause.sentence)
        settled.append(clause)
    return settled


TENSED = (Form.DONE, Form.PRESENT, Form.HABITUAL)


def _coordinated(first: Clause, rest: list[str]) -> list[Clause]:
    """Verbs sharing the subject: "I dug into traces and proposed caching" is two steps."""
    more = []
    for position, word in enumerate(rest):
        if word in SUBJECTS:
            break
        if word in ("and", "then") and position + 1 < len(rest):
            verb = rest[position + 1]
            if verb in ("then", "also") and position + 2 < len(rest):
                verb = rest[position + 2]
            if is_past(verb) and verb not in STATIVE:
                more.append(Clause(first.subject, verb, Form.DONE, first.sentence))
    return more


def _progressive(following: list[str]) -> str:
    """The -ing verb of "am/are (not, personally…) doing", or "" ("I am happy", "we are a team")."""
    rest = list(following)
    while rest and ADVERB.match(rest[0]) and not rest[0].endswith("ing"):
        rest.pop(0)
    word = rest[0] if rest else ""
    return word if len(word) > 4 and word.endswith("ing") and word not in NOT_ING else ""


NOT_ING = wordset("going thing nothing something anything everything during morning evening string king")


def _clause(subject: str, pronoun: str, after: list[str], sentence: int) -> Clause:
    contraction = pronoun.split("'")[1] if "'" in pronoun else ""
    if contraction == "d":
        after = ["'d", *after]
    elif contraction == "ll":
        after = ["will", *after]
    elif contraction == "ve":
        after = ["have", *after]
    elif contraction in ("m", "re"):
        after = ["am", *after]
    habitual = False
    rest = list(after)
    while rest and (ADVERB.match(rest[0]) or rest[0] in HABIT_WORDS):
        habitual = habitual or rest[0] in HABIT_WORDS
        rest.pop(0)
    if not rest:
        return Clause(subject, "", Form.PRESENT, sentence)
    if rest[0] in ("am", "are") and rest[1:2] and rest[1] in HABIT_WORDS:  # "I'm always learning"
        return Clause(subject, rest[2] if rest[2:] else "", Form.HABITUAL, sentence)
    verb, following = rest[0], rest[1:]
    nxt = following[0] if following else ""
    if verb == "'d":  # "I'd" is "I had" before a past participle, else "I would" ("I'd run", "I'd put")
        if nxt and is_past(nxt) and nxt not in ("been",) and nxt not in SAME_FORM | PRESENT_LOOKALIKE:
            return Clause(subject, nxt, Form.DONE, sentence)
        return Clause(subject, nxt, Form.CONDITIONAL, sentence)
    if verb in CONDITIONAL_MODALS:
        return Clause(subject, nxt, Form.CONDITIONAL, sentence)
    if verb in ("am", "are") and following[:2] == ["going", "to"]:
        return Clause(subject, "", Form.CONDITIONAL, sentence)
    progressive = _progressive(following) if verb in ("am", "are") else ""
    if progressive:
        # "I am checking the logs", "we are fixing both": many second-language speakers tell a past story
        # in the present progressive; the step is the -ing verb, not "am" (mood.py decides whether the
        # present tells one real time or a routine)
        return Clause(subject, progressive, Form.HABITUAL if habitual else Form.PRESENT, sentence)
    if verb in ("had", "needed", "have", "has", "need") and nxt == "to":
        form = Form.OBLIGED if verb in ("had", "needed") else (Form.HABITUAL if habitual else Form.PRESENT)
        return Clause(subject, verb, form, sentence)
    if verb in ("was", "were") and nxt == "able":
        return Clause(subject, verb, Form.DONE, sentence)
    if verb in ("have", "has", "had") and nxt and is_past(nxt) and nxt not in STATIVE:
        return Clause(subject, nxt, Form.DONE, sentence)
    if verb == "tend":
        return Clause(subject, verb, Form.HABITUAL, sentence)
    if is_past(verb):
        return Clause(subject, verb, Form.STATE if verb in STATIVE else Form.DONE, sentence)
    return Clause(subject, verb, Form.HABITUAL if habitual else Form.PRESENT, sentence)
