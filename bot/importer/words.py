"""What the words on a line mean: decoration to strip, labels, principles named, questions. Pure."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.importer.shorthand import loose_principle
from bot.principles import (
    ALIASES,
    PRINCIPLES,
    STOPWORDS,
    PrincipleError,
    match_principle,
    normalise,
    parse_principles,
)

# "1.", "1)", "(1)", "#1", "Q1:", "Q:", "Question 3 -", "LP 3:", "Category 2:", "[ ]", "[x]"
NUMBERING = re.compile(
    r"^\s*(?:"
    r"\[[ xX]?\]"
    r"|\(?\d{1,3}[.):]?\)?(?=\s|[A-Za-z*_])"
    r"|\d{1,3}\.(?=\S)"
    r"|[#№]\s?\d{1,3}\b"
    r"|(?:q|question|lp|principle|category|section|part|day|topic)\s*#?\s*\d{0,3}\s*(?:[:.)\-–—]|(?<=\d)\s)"
    r")\s*",
    re.IGNORECASE,
)
QUOTES = "\"'“”‘’«»`"
DASHES = re.compile(r"\s+[-–—|/]+\s+|\s*:\s+")
PARENTHESES = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
FILLER = frozenset(
    {
        "lp", "lps", "leadership", "principle", "principles", "amazon", "question", "questions",
        "example", "examples", "sample", "samples", "story", "stories", "star", "my", "notes", "note",
        "prep", "behavioral", "behavioural", "interview", "interviews", "practice", "common", "typical",
        "likely", "possible", "key", "top", "bank", "list", "section", "answers",
    }
)  # fmt: skip
STAR_WORDS = frozenset(
    {"situation", "task", "action", "actions", "activity", "result", "results", "learning", "learnings",
     "situación", "tarea", "acción", "resultado", "aprendizaje", "ausgangslage", "aufgabe", "aktion",
     "handlung", "ergebnis", "erkenntnis", "tâche", "résultat", "situação", "tarefa", "ação"}
)  # fmt: skip
_MEANINGFUL = {name: [w for w in normalise(name).split() if w not in STOPWORDS] for name in PRINCIPLES}


def strip_emoji(text: str) -> str:
    """The text without emoji; an arrow emoji ("➡️") stays an arrow, as it separates ("Ann ➡️ CO")."""
    if text.isascii() and "^" not in text and "`" not in text:
        return " ".join(text.split())  # most lines: nothing to strip
    kept = (
        "→" if ch in ARROWS else ch
        for ch in text
        if ch in ARROWS
        or (unicodedata.category(ch) not in ("So", "Sk", "Cs", "Co") and ch not in "\ufe0f\u200d")
    )
    return " ".join("".join(kept).split())


ARROWS = frozenset("➡⮕➔➜➝➞➟➠➢➣➤➥➦➧➨➩➪➫➬➭➮➯➱➲⇨⇾⟶⟹")


def undecorate(text: str) -> str:
    """The words of a heading, label or item without numbering, checkboxes, emoji and quotes."""
    text = strip_emoji(text)
    for _ in range(4):  # "1. [ ] - [ ] Tell me…"
        stripped = NUMBERING.sub("", text, count=1).strip().lstrip("-*•· ")
        if stripped == text:
            break
        text = stripped
    text = text.lstrip(" *_~>-–—•·:;,.").rstrip(" *_~:;,")
    if len(text) > 1 and text[0] in QUOTES:
        text = text[1:].rstrip()
        if text and text[-1] in QUOTES:
            text = text[:-1].rstrip()
    return text.strip()


def principles_named(text: str) -> list[str]:
    """The principles a heading or label names and nothing else: "### 1. **Customer Obsession** 👥",
    "## LP 3: Ownership", "Ownership & Bias for Action", "Dive Deep — questions". A line that only
    mentions one ("How I showed ownership at Acme") names none."""
    text = undecorate(text)
    if not text or len(text) > 120:
        return []
    bare = PARENTHESES.sub(" ", text)
    for candidate in [bare, *DASHES.split(bare)]:
        found = _named(candidate) or (principles_in(candidate) if LIST_SEPARATOR.search(candidate) else [])
        if found:
            return found
    return []


def _named(text: str) -> list[str]:
    words = [w for w in normalise(text).split() if w not in FILLER]
    if not words or len(words) > 8 or (len(words) == 1 and words[0] in STAR_WORDS):
        return []
    whole = _principle(" ".join(words))
    if whole:
        return [whole]
    # several at once: "Ownership, Bias for Action", "Dive Deep & Think Big", "Are Right, A Lot / Frugality"
    raw = re.split(r"\s*(?:[,/+&;]|\band\b)\s*", text)
    pieces = [" ".join(w for w in normalise(p).split() if w not in FILLER) for p in raw]
    pieces = [p for p in pieces if p]
    found: list[str] = []
    index = 0
    while index < len(pieces):
        for width in (3, 2, 1):
            name = (
                _principle(" ".join(pieces[index : index + width])) if index + width <= len(pieces) else None
            )
            if name:
                found.append(name)
                index += width
                break
        else:
            return []
    return list(dict.fromkeys(found))


@lru_cache(maxsize=4096)
def _principle(typed: str) -> str | None:
    try:
        name = match_principle(typed)
    except PrincipleError:
        return loose_principle(typed)
    return name if _covered(name, typed.split()) else loose_principle(typed)


def _covered(name: str, typed: list[str]) -> bool:
    """Loose, but not too loose for a heading: an alias, or at least half the principle's words."""
    from bot.principles import is_exact

    if is_exact(" ".join(typed)):
        return True
    meaningful = _MEANINGFUL[name]
    hit = sum(any(word.startswith(t) for t in typed if len(t) >= 3) for word in meaningful)
    return hit * 2 >= len(meaningful)


def principles_in(text: str) -> list[str]:
    """A comma-separated list typed in a note ("Ownership, Are Right, A Lot", "CO / DD", "bias 4
    action + Ownership"), or [] if any piece is no principle."""
    found, rest = principles_and_rest(text)
    return [] if rest else found


# "&" between words only: "D&C" and "I&S" are one principle each
LIST_SEPARATOR = re.compile(r"\s*(?:[,;/+|→·•]|\s&\s|\band\b|\by\b|\s-\s)\s*", re.IGNORECASE)


MAX_LIST = 400  # a list of principles is a line, not a page
LIST_LEAD = re.compile(r"^(?:lps?|leadership principles?|principles?|tags?)\s*[:：]\s*", re.IGNORECASE)


def principles_and_rest(text: str) -> tuple[list[str], list[str]]:
    """The principles in a list, and the pieces that are none ("Customer Obsession, coding (arrays)"
    → (["Customer Obsession"], ["coding (arrays)"]))."""
    text = LIST_LEAD.sub("", " ".join(undecorate(text).split()), count=1)  # "LP : Ownership, Dive Deep"
    if not text or len(text) > MAX_LIST:
        return [], [text] if text else []
    try:
        return parse_principles(text), []
    except PrincipleError:
        pass
    pieces = [p for p in LIST_SEPARATOR.split(PARENTHESES.sub(" ", text)) if p.strip(" .:")]
    found: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(pieces):
        for width in (3, 2, 1):
            words = " ".join(pieces[index : index + width])
            name = _principle(normalise(words)) if index + width <= len(pieces) and normalise(words) else None
            if name and (width == 1 or len(normalise(words).split()) <= 6):
                found.append(name)
                index += width
                break
        else:
            rest.append(pieces[index].strip())
            index += 1
    return list(dict.fromkeys(found)), rest


def tag_principles(tags: tuple[str, ...]) -> list[str]:
    """`#ownership`, `#bias-for-action`, `#CustomerObsession`, `[[LPs#Earn Trust]]`."""
    found = []
    for tag in tags:
        words = re.sub(r"([a-z])([A-Z])", r"\1 \2", tag).replace("-", " ").replace("_", " ")
        name = _principle(normalise(words)) if normalise(words) not in FILLER else None
        if name:
            found.append(name)
    return list(dict.fromkeys(found))


# -- labels ----------------------------------------------------------------------------------------
LABEL = re.compile(r"^([A-Za-z][\w'’ /&(),.-]{0,40}?)\s*[:：]\s*(.*)$", re.DOTALL)  # "CO, DD: …" too
LETTER = re.compile(
    r"^[(\[]?([STARL](?:/[STARL])?)[)\]]?\s*(?:[:：.)\]–—-]|\s-)\s*(.*)$|^[(\[]?([star](?:/[star])?)[)\]]?\s*[:：]\s*(.*)$",
    re.DOTALL,
)


DASH_LABEL = re.compile(r"^([A-Za-z][A-Za-z ]{0,24}?)\s+[–—-]\s+(.*)$", re.DOTALL)
DOT_LABEL = re.compile(r"^([^\W\d_][^\W\d_ ]{0,24}(?: [^\W\d_]+){0,2})\.\s+(.*)$", re.DOTALL)
DASH_KEYS = STAR_WORDS | {
    "situación",
    "situacion",
    "tarea",
    "acción",
    "accion",
    "resultado",
    "aprendizaje",
    "aufgabe",
    "aktion",
    "ergebnis",
    "context",
    "outcome",
    "impact",
    "lesson",
    "lessons",
    "lessons learned",
    "takeaway",
}


def split_label(text: str, *, bold: bool = False) -> tuple[str, str] | None:
    """("situation", "We were…") for "**Situation**: We were…"; a whole bold line is a label alone."""
    text = strip_emoji(text).replace("**", "").replace("__", "").lstrip("*_>-–—•· ")
    letter = LETTER.match(text)
    if letter:
        return (letter.group(1) or letter.group(3)).lower(), (
            letter.group(2) or letter.group(4) or ""
        ).strip()
    found = LABEL.match(text)
    if found and len(found.group(1).split()) <= 5:
        return normalise(found.group(1)), found.group(2).strip()
    dashed = DASH_LABEL.match(text) or DOT_LABEL.match(text)  # "Situation – …", "Situation. We…"
    if dashed and normalise(dashed.group(1)) in DASH_KEYS:
        return normalise(dashed.group(1)), dashed.group(2).strip()
    if bold and len(text.split()) <= 6:
        return normalise(text), ""
    return None


# -- questions -------------------------------------------------------------------------------------
OPENERS = re.compile(
    r"^(?:tell (?:me|us)|describe|give (?:me|us)?\s*(?:an?|one|some)?\s*(?:example|instance|time)|give an?|"
    r"walk (?:me|us) thr(?:ough|u)|share|talk (?:me|us )?(?:about|through)|explain|recall|discuss|provide|"
    r"think (?:of|about) a time|have you|can you|could you|would you|did you|do you|were you|are you|"
    r"how|what|when|why|which|who|where|is there|if you|in your|imagine|suppose|"
    r"(?:an? |the )?(?:time|situation|example|instance|case|occasion)s? (?:when|where|that|you|in which|of)|"
    r"(?:a|an|one) (?:time|example|situation|decision|project|mistake|failure|goal)|"
    r"(?:your|the) (?:biggest|greatest|hardest|toughest|most|best|worst)|biggest|greatest|hardest|toughest|"
    r"most (?:\w+ )?(?:thing|project|decision|difficult|challenging|innovative|complex|significant)|"
    r"name a|pick a|identify|convince|help me understand|"
    # Spanish: "Cuéntame una vez que…", "Háblame de…", "Dame un ejemplo…", "Describe una situación…"
    r"cu[ée]nta(?:me|nos)|h[áa]bla(?:me|nos)|d[áa](?:me|nos) un ejemplo|describ[ea]|expl[íi]ca(?:me|nos)?|"
    r"comparte|relata|recuerda|plat[íi]ca(?:me|nos)|menciona|una vez (?:que|en que)|alguna vez|"
    r"(?:una?|el|la) (?:vez|situaci[óo]n|momento|ejemplo|ocasi[óo]n|decisi[óo]n|proyecto|error|conflicto)|"
    r"(?:en )?qu[ée]|c[óo]mo|cu[áa]ndo|cu[áa]l|por qu[ée]|d[óo]nde|qui[ée]n)\b",
    re.IGNORECASE,
)
SENTENCE = re.compile(r"(?<=[.?!])\s+")
DASH_HEAD = re.compile(r"^[^-–—]{2,40}?\s+[-–—]\s+")


def reads_as_question(text: str) -> bool:
    """An interview question: "Tell me about…", "Describe…", "Give me an example…", "How do you…",
    "A time you failed", or any first sentence ending in "?"."""
    text = undecorate(text)
    words = text.split()
    if len(words) < 3 or len(text) > 1500:
        return False
    sentences = SENTENCE.split(text)
    if sentences[0].rstrip(' )"”').endswith("?"):
        return True
    headed = [
        h for h in DASH_HEAD.split(text, maxsplit=1)[1:] if len(h.split()) >= 4
    ]  # "bias 4 action — Tell me…"
    return any(OPENERS.match(sentence.lstrip(' "“(')) for sentence in sentences[:3] + headed)


FIRST_PERSON_START = re.compile(r"^(?:i|i'm|i've|we|we're|my|our|me|us)\b", re.IGNORECASE)


def reads_as_prompt(text: str) -> bool:
    """A practice prompt written tersely ("most demanding customer", "code review you blocked"): a few
    words, and not the writer's own account ("I led the migration")."""
    text = undecorate(text)
    return 2 <= len(text.split()) <= 30 and not FIRST_PERSON_START.match(text) and len(text) <= 300


def titled_principles(text: str) -> list[str]:
    """The principles after a title that is not one: "Priya (Earn Trust / Dive Deep)", "capstone
    story — Ownership, Deliver Results", "Buffering spike [Dive Deep]"; [] for "Dive Deep — questions"."""
    if len(text) > 300:
        return []
    text = undecorate(text)
    if not text or len(text.split()) > 14:
        return []
    inside = re.findall(r"[(\[]([^()\[\]]*)[)\]]", text)
    bare = PARENTHESES.sub(" ", text).strip()
    parts = DASHES.split(bare, maxsplit=1)
    head = parts[0].strip()
    if not head or principles_named(head) or not [w for w in normalise(head).split() if w not in FILLER]:
        return []
    found = [p for group in inside for p in principles_in(group)]
    if len(parts) > 1 and not found:
        found = principles_in(parts[1])
    return list(dict.fromkeys(found))


_FORM_NAMES = {normalise(name): name for name in PRINCIPLES} | {
    normalise(form): name for form, name in ALIASES.items()
}
_FORMS = sorted(_FORM_NAMES, key=len, reverse=True)


def principles_mentioned(text: str) -> list[str]:
    """The principles a sentence names in passing, in the order it names them: "I'd use it as Bias for
    Action if it comes up". The longest forms are looked for first, and blanked once found, so that
    "Hire and Develop the Best" is not also read as something shorter inside it."""
    words = f" {normalise(text)} "
    found: list[tuple[int, str]] = []
    for form in _FORMS:
        at = words.find(f" {form} ")
        if at >= 0:
            found.append((at, _FORM_NAMES[form]))
            words = words.replace(f" {form} ", " " + "_" * (len(form)) + " ")  # keeps later positions
    return list(dict.fromkeys(name for _, name in sorted(found)))
