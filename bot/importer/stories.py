"""STAR stories in a note: blocks that carry Situation/Task/Action/Result labels, and "Story N"
sections. A heading alone is never a story, nor is a STAR template that explains the method. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.importer.note import ImportedStory
from bot.importer.words import principles_in, tag_principles, undecorate

PARTS = {
    "s": "situation", "situation": "situation", "context": "situation", "background": "situation",
    "challenge": "situation", "problem": "situation",
    "t": "task", "task": "task", "tasks": "task", "goal": "task", "objective": "task",
    "a": "action", "action": "action", "actions": "action", "activity": "action", "activities": "action",
    "what i did": "action", "approach": "action",
    "r": "result", "result": "result", "results": "result", "outcome": "result", "outcomes": "result",
    "impact": "result",
    "l": "learning", "learning": "learning", "learnings": "learning", "lesson": "learning",
    "lessons": "learning", "lesson learned": "learning", "lessons learned": "learning",
    "lessons learnt": "learning", "takeaway": "learning", "takeaways": "learning", "reflection": "learning",
    "what i learned": "learning", "what i d do differently": "learning",
    "metrics": "metrics", "metric": "metrics", "numbers": "metrics", "data": "metrics",
    "notes": "notes", "note": "notes",
    # Spanish
    "situación": "situation", "situacion": "situation", "contexto": "situation", "tarea": "task",
    "acción": "action", "accion": "action", "acciones": "action", "resultado": "result",
    "resultados": "result", "aprendizaje": "learning", "aprendizajes": "learning", "lección": "learning",
    # two parts told together ("S/T:", "Situation & Task:"): kept as the first of them
    "s t": "situation", "s/t": "situation", "a/r": "action", "situation task": "situation", "situation and task": "situation",
    "context and task": "situation", "a r": "action", "action result": "action", "action and result": "action",
    # German
    "ausgangslage": "situation", "aufgabe": "task", "ziel": "task", "aktion": "action", "handlung": "action",
    "maßnahmen": "action", "massnahmen": "action", "vorgehen": "action", "ergebnis": "result",
    "resultat": "result", "erkenntnis": "learning", "gelernt": "learning", "lektion": "learning",
    # French
    "contexte": "situation", "tâche": "task", "tache": "task", "objectif": "task", "résultat": "result",
    "résultats": "result", "leçon": "learning", "leçons": "learning", "apprentissage": "learning",
    # Portuguese
    "situação": "situation", "situacao": "situation", "tarefa": "task", "ação": "action", "acao": "action",
    "ações": "action", "aprendizado": "learning", "lição": "learning",
}  # fmt: skip
CORE = ("situation", "task", "action", "result", "learning")
TITLE_KEYS = frozenset(
    {"story", "title", "story title", "example", "star example", "star story", "project", "name"}
)
STORY_HEADING = re.compile(
    r"^\W*(?:(?:my\s+)?story|star\s+(?:example|story)|example\s+story|historia|hist[óo]ria|geschichte|histoire)"
    r"\s*#?\s*"
    r"(\d*|[A-Z](?=\s*[-–—:.)]))\s*"
    r"(?:(?<=\d)\s*$|(?<=\d)\s+(?=\w)|[-–—:.)]\s*|$)(.*)$",
    re.IGNORECASE,
)
GENERIC_TITLES = frozenset(
    {"stories", "story", "my stories", "star stories", "story bank", "examples", "star examples", "star",
     "star format", "star method", "answer", "answers", "my answer", "notes", "example"}
)  # fmt: skip
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|we|We|my|My|our|Our|me|us)\b")
INSTRUCTION = re.compile(
    r"^(?:describe|explain|what|how|why|set the scene|give|share|state|provide|outline|summari[sz]e|"
    r"list|quantify|talk about|the (?:situation|task|action|result|context|outcome))\b",
    re.IGNORECASE,
)
MAX_TITLE = 150
MAX_PART = 4000


def part_of(key: str) -> str | None:
    return PARTS.get(key)


def story_heading(text: str) -> re.Match[str] | None:
    """ "Story 2 - Disagreed…", "STAR Example: Security Dashboard", "Story: Billing"; not "Stories"."""
    return STORY_HEADING.match(text)


@dataclass
class StoryDraft:
    title: str = ""
    heading: str = ""
    principles: list[str] = field(default_factory=list)
    parts: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    current: str | None = None
    depth: int = 0  # the depth of its first label: a line outside it ends the story
    letters_only: bool = True
    section: bool = False  # a "Story N" section: everything under the heading belongs to it
    raw: str = ""  # a section's own Markdown, kept as its notes when nothing is labelled
    reference: str = ""  # "story a" for "## Story A: The migration": what questions call it
    prose: bool = False  # told as a paragraph under its title, without STAR labels: its notes are it

    def label(self, part: str, value: str, *, letter: bool) -> None:
        self.current = part
        self.letters_only = self.letters_only and letter
        self.parts.setdefault(part, [])
        if value:
            self.parts[part].append(value)

    def add(self, text: str) -> None:
        if self.current and self.current in self.parts:
            self.parts[self.current].append(text)
        else:
            self.notes.append(text)

    def has(self, part: str) -> bool:
        return part in self.parts

    def finish(self, used_titles: set[str]) -> ImportedStory | None:
        texts = {name: "\n".join(lines).strip()[:MAX_PART] for name, lines in self.parts.items()}
        filled = [name for name in CORE if texts.get(name)]
        if self.section or self.prose:
            if not filled and not (self.raw.strip() or self.notes):
                return None
        elif len(filled) < (3 if self.letters_only else 2) or template(texts, filled):
            return None
        notes = "\n".join(self.notes).strip() if filled or not self.raw else self.raw
        if texts.get("notes"):
            notes = "\n".join(part for part in (notes, texts["notes"]) if part)
        title = self.choose_title(texts, used_titles)
        used_titles.add(title.casefold())
        return ImportedStory(
            title=title,
            principles=list(dict.fromkeys(self.principles)),
            situation=texts.get("situation", ""),
            task=texts.get("task", ""),
            action=texts.get("action", ""),
            result=texts.get("result", ""),
            learning=texts.get("learning", ""),
            metrics=texts.get("metrics", ""),
            notes=notes[: MAX_PART * 4],
        )

    def choose_title(self, texts: dict[str, str], used: set[str]) -> str:
        for candidate in (self.title, self.heading):
            title = clean_title(candidate)
            if title and title.casefold() not in used and normalise_title(title) not in GENERIC_TITLES:
                return title
        first = next((texts[p] for p in CORE if texts.get(p)), "") or (self.notes[0] if self.notes else "")
        sentence = re.split(r"(?<=[.!?])\s|\n", undecorate(first), maxsplit=1)[0]
        if len(sentence) > 80:
            sentence = sentence[:80].rsplit(" ", 1)[0] + "…"
        title = sentence or "Story"
        number = 2
        unique = title
        while unique.casefold() in used:
            unique, number = f"{title} ({number})", number + 1
        return unique


def normalise_title(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", title.casefold()).split())


def clean_title(text: str) -> str:
    """ "STAR Example: Security Dashboard (Ownership)" → "Security Dashboard"."""
    text = re.sub(r"^\s*\[![\w-]+\][+-]?\s*|(?:^|\s)#[A-Za-z][\w/-]*", " ", text)  # callouts, #tags
    text = undecorate(text)
    found = STORY_HEADING.match(text)
    if found:
        text = found.group(2) or ""
    text = re.sub(r"\s*[(\[][^()\[\]]*[)\]]\s*$", "", text).strip(" -–—:.")
    text = TAGGED_TAIL.sub("", text).strip(" -–—:.")  # "Outage — tags: #ownership" (the tags went above)
    tail = TITLE_TAIL.split(text)
    if len(tail) > 1 and principles_in(tail[-1]):  # "capstone story — Ownership, Deliver Results"
        text = text[: len(text) - len(tail[-1])].rstrip(" -–—|")
    return text.strip("\"“”'")[:MAX_TITLE]


# "capstone story — Ownership, Deliver Results", "Cutting shrink -- frugality" (a dash typed as two)
TITLE_TAIL = re.compile(r"\s(?:--|[-–—|])\s")
# "Outage — tags: #ownership #dive-deep", "Billing | LPs: Ownership, Deliver Results"
TAGGED_TAIL = re.compile(
    r"\s*(?:[,;|–—-]\s*(?:tags?|lps?|principles?|labels?)\s*(?::.*)?|\s(?:tags?|lps?|principles?)\s*:.*)$",
    re.IGNORECASE,
)
HASHTAG = re.compile(r"(?:^|\s)#([A-Za-z][\w/-]*)")


# A paragraph that opens with its title and principles: "(2) Priya's promotion -- hire & develop. …"
OPENING_TITLE = re.compile(
    r"^\W{0,3}(?:\(?\d{1,2}[.)]\s*)?([^.!?\n]{3,80}?\s(?:--|[-–—|])\s[^.!?\n]{2,80}?)[.:]\s+(?=\S)"
)


def opening_title(text: str) -> tuple[str, str] | None:
    """(title, the rest) for a paragraph that starts with a title tagged with principles."""
    found = OPENING_TITLE.match(text)
    if not found or not title_principles(found.group(1)):
        return None
    return found.group(1), text[found.end() :]


def title_principles(text: str) -> list[str]:
    """Principles a title carries: "Billing migration (Ownership, Deliver Results)", "Outage — tags:
    #ownership #earn-trust"."""
    found: list[str] = tag_principles(tuple(HASHTAG.findall(text)))
    tagged = TAGGED_TAIL.search(text)
    if tagged and ":" in tagged.group(0):  # ", tags" alone at the end names none
        found += principles_in(HASHTAG.sub(" ", tagged.group(0).split(":", 1)[1]))
    for inside in re.findall(r"[(\[]([^()\[\]]*)[)\]]", text):
        found += principles_in(inside)
    tail = TITLE_TAIL.split(text)
    if len(tail) > 1:
        found += principles_in(tail[-1])
    return found


def template(texts: dict[str, str], filled: list[str]) -> bool:
    """A STAR template or an explanation of the method ("Situation: set the scene"), not a story:
    nobody did anything in it (no I/we/my, no number), or most parts are instructions."""
    values = [texts[name] for name in filled]
    words = sum(len(value.split()) for value in values)
    lived = any(FIRST_PERSON.search(value) or re.search(r"\d", value) for value in values)
    instructions = sum(bool(INSTRUCTION.match(value) or value.rstrip().endswith("?")) for value in values)
    if instructions * 2 >= len(values) and words < 25 * len(values):
        return True
    return not lived and words < 40
