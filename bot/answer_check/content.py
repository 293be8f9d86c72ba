"""What the answer says, beyond its shape: concrete or buzzwords, and on the question or beside it
(how it is told, real or hypothetical: mood.py; blame: blame.py; the lesson: lesson.py)."""

from __future__ import annotations

import re

from bot.answer_check.numbers import METRIC
from bot.answer_check.text import Clause, Form, normal, stem, stems, tokens, wordset
from bot.answer_check.topics import (
    THEMES,
    asks_about_failure,
    concepts,
    family,
    question_concepts,
    theme_stems,
)

_I = re.IGNORECASE


# -- vague: claims with no concrete detail
def lexicon(words: str) -> frozenset[str]:
    """Exact words and their plain plurals. Not stems: a stem joins "productive" to "product", "positive" to
    "position", "accountability" to "account", and so counts the concrete nouns of a story as judgements."""
    listed = wordset(words)
    return frozenset(listed | {word + "s" for word in listed if not word.endswith(("s", "ly", "ed"))})


BUZZ_STRONG = lexicon("""leverage leveraged leveraging synergy synergies alignment aligned holistic holistically
    spearheaded spearhead spearheading empower empowered empowering empowerment foster fostered fostering
    orchestrated orchestrate streamline streamlined streamlining proactive proactively seamless seamlessly paradigm
    ecosystem best-in-class world-class game-changer value-add visibility cross-functional crossfunctional
    cross-functionally stakeholder synergistic transformational transformation transform transformed championed
    champion championing mindset excellence initiative strategic strategically innovative innovation deliverable
    bandwidth""")
BUZZ_MILD = lexicon("""ensure ensured ensuring drive drove driven driving efficiency efficiencies effectiveness
    productivity improve improved improvement improving optimize optimized optimise optimised enhance enhanced
    facilitate facilitated collaboration collaborate collaborated collaborative communication communicated engagement
    various multiple significant significantly greatly substantially overall key processes framework solution
    outcome value impact culture ownership accountability transparency success successful successfully""")
# Stock phrases of business talk: each says a belief or a slogan, never what happened.
CLICHES = re.compile(
    r"\b(?:north star|move the needle|low-hanging fruit|circle back|game[- ]changer|paradigm shift|outside the box|"
    r"best practices?|thought leader\w*|value proposition|core values?|first principles|connect(?:ing)? the dots|"
    r"(?:break|breaking|broke) down (?:the )?silos|silos|fail fast|team sport|lean(?:ed|ing|t)? into|"
    r"(?:customer|user) journey|growth mindset|(?:customer|people|user)[- ](?:first|centric|centered|focused)|"
    r"outside-in|inside-out|(?:in|into|part of) (?:the|our|its|their) dna|data[- ]driven|quick wins|(?:big|bigger) "
    r"picture|heavy lifting|touch base|(?:add|adds|added|adding|deliver|drive|unlock|create) (?:real )?value|"
    r"double down|psychological safety|open[- ]door|walk the talk|lead(?:ing)? by example|servant leader\w*|"
    r"(?:culture|mindset) (?:of|shift)|operating model|future of work|disrupt\w*|next[- ]level|cutting[- ]edge|"
    r"state[- ]of[- ]the[- ]art|impactful|high[- ]performing|empathy|authentic\w*|intentional|passionate|"
    r"embedded in|at the (?:center|centre|heart) of|win-win|on the same page|hit the ground running|"
    r"in today's world|at the end of the day|"
    # the talk of inspiration: a vision and a mission, never what was built or changed
    r"best in class|(?:bold|big|clear|shared|compelling|inspiring|ambitious) (?:vision|mission)|the why\b|"
    r"(?:with )?no constraints|(?:rise|rises|rose|risen) to the (?:level|occasion)|(?:nobody|no one|no-one) "
    r"(?:\w+ )?(?:thought|believed|imagined) (?:was |were |would be )?possible|(?:energi[sz]ed|inspired) (?:the )?"
    r"(?:people|team|everyone|them)|people were (?:energi[sz]ed|inspired|excited)|the culture changed|"
    # the talk of self-praise: how one always works, never one thing done
    r"(?:go|goes|went|going) the extra mile|make things happen|go-to (?:person|guy|engineer)|team player|"
    r"(?:great|amazing|strong|excellent|outstanding) results|challenging situations|"
    # the talk of one's nature: what kind of person one is, never what one did once
    r"(?:lifelong|life-long|continuous|constant) learn\w*|(?:always|constantly) (?:looking|searching|striving) "
    r"(?:for ways )?to (?:grow|learn|improve|get better)|(?:i|i'm|i am) (?:\w+ ){0,3}?by (?:default|nature)|"
    r"(?:that's|that is|it's|it is) (?:just |kind of |sort of |really )?(?:my thing|who i am|how i'm wired)|"
    r"challeng\w* the status quo)\b",
    re.IGNORECASE,
)
ABSTRACT_VERBS = wordset("""drove led ensured aligned leveraged facilitated spearheaded championed streamlined optimized optimised
    enabled empowered fostered orchestrated managed handled worked helped supported coordinated collaborated
    communicated engaged improved oversaw executed owned partnered drove enhanced focused""")
# A name, an acronym or a figure; a capital that opens a sentence, a line or a paragraph names nothing.
PROPER = re.compile(r"(?<![.!?:\n]\s)(?<![\n])(?<!^)\b[A-Z][a-zA-Z0-9&]+|\b[A-Z]{2,}\b|\b\w*\d\w*\b")
QUOTED = re.compile(r"\"[^\"]{6,}\"|(?<!\w)'[^']{12,}'(?!\w)")


def vagueness(text: str, clauses: list[Clause]) -> tuple[float, float]:
    """(buzzwords, concrete details), each per 100 words."""
    words = tokens(text)
    total = max(1, len([w for w in words if w.isalpha() or "'" in w]))
    buzz = sum(1.0 for w in words if w in BUZZ_STRONG) + sum(0.5 for w in words if w in BUZZ_MILD)
    buzz += len(CLICHES.findall(normal(text)))
    done = [c for c in clauses if c.form is Form.DONE]
    buzz += sum(0.5 for c in done if c.verb in ABSTRACT_VERBS)
    concrete = checkable(text) + 0.5 * sum(1 for c in done if c.verb not in ABSTRACT_VERBS)
    return 100 * buzz / total, 100 * concrete / total


def checkable(text: str) -> float:
    """Details a listener could check: names, acronyms, figures, and words quoted (a quote counts two)."""
    plain = normal(text)
    names = {m.group(0) for m in PROPER.finditer(plain) if m.group(0) not in ("I", "I'm", "I've", "I'd")}
    return float(len(names) + len(METRIC.findall(plain)) + 2 * len(QUOTED.findall(plain)))


# Words that judge or generalise rather than tell ("important", "clear", "always", "culture"): dense in
# an answer that says how things should be, sparse in one that says what happened.
CLAIMS = lexicon("""important importance key essential critical crucial vital safe safely open openly honest honestly
    honesty positive great good clear clearly strong strongly right best quality effective effectively successful
    successfully smooth smoothly efficient efficiently proactive proactively transparent transparently regularly always
    everyone everybody together valuable value valued meaningful appropriate appropriately proper properly relevant
    necessary attitude mindset culture trust trusted respect respected supportive collaborative collaboration
    communication aligned alignment environment growth opportunity opportunities approach well expectation
    perspective feedback happy love loved nice amazing awesome excellent fantastic wonderful rewarding proud success
    inclusion inclusive diverse diversity belong belonging passionate awareness equitable fair fairly voice heard
    comfortable engaged motivated motivation productive atmosphere reliable reliability consistency consistent
    consistently humble genuinely genuine really""")


def claim_density(text: str) -> float:
    words = tokens(text)
    return 100 * sum(1 for word in words if word in CLAIMS) / max(1, len(words))


def is_vague(text: str, clauses: list[Clause]) -> bool:
    """Buzzwords outweighing the details, or judgements and generalities with almost no detail at all
    (no numbers, names or concrete steps): either way the listener learns nothing they could check.
    Steps alone can hide it ("we created a safe space, we revamped our practices"): an answer of
    judgements and buzzwords with hardly a name or a figure (under one per hundred words) is vague too."""
    buzz, concrete = vagueness(text, clauses)
    if buzz >= 4.0 and concrete < buzz * 1.5:
        return True
    count = len(tokens(text))
    if count < 30:
        return False
    claims = claim_density(text)
    return (concrete < 2.5 and claims >= 7.5) or (
        100 * checkable(text) / count < 1.0 and buzz + claims >= 7.0
    )


# -- off topic
GENERIC = frozenset(
    stem(word)
    for word in wordset("""team project work change plan problem company job result goal need way help improve issue
    success difficult hard important big handle deal approach role better best good bad situation process
    product person people long short first last""")
)


def off_topic(text: str, *, question: str | None, principle: str | None) -> bool:
    """A story for another question: none of the question's own topic words, none of what a story for the
    principle cannot do without (topics.THEMES), and at least two of another principle's.

    Word overlap is a weak sign on its own (a good answer may share no word with its question), so this
    fires only when every sign agrees; a failure question is answered by any failure, so it never fires
    there. Without a principle, a question with at least three topic words, none of them heard, decides.
    """
    if not question or asks_about_failure(question):
        return False
    said = concepts(text)
    generic = {family(word) for word in GENERIC}
    core = {c for c in question_concepts(question) if c not in generic}
    if core & said:
        return False
    if principle is None:
        return len(core) >= 3
    words = stems(text)
    if theme_stems(principle) & words:
        return False
    return max(len(theme_stems(other) & words) for other in THEMES if other != principle) >= 2
