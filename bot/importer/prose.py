"""A note written as prose (an email to oneself, a recruiter's message): the rounds it names in
sentences ("Round 1 is with Gwen Halvorsen (the hiring manager) who'll focus on Think Big and Hire and
Develop the Best") and the questions it quotes ("Gwen always asks “Tell me about someone you
developed…”"). Pure."""

from __future__ import annotations

import re

from bot.importer.fit import best_fit
from bot.importer.interviews import NOT_A_NAME, ROLE_WORDS, InterviewDraft, clean_name
from bot.importer.words import principles_mentioned, reads_as_question

ORDINALS = r"one|two|three|four|five|six|first|second|third|fourth|fifth|sixth|last|final|next"
ROUND = re.compile(
    rf"\b(?:round|interview|session)\s*#?\s*(?:\d{{1,2}}|{ORDINALS})\b|\b(?:{ORDINALS})\s+(?:round|interview)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")
# A person's name in a sentence: two to four capitalised words ("Gwen Halvorsen", "Ana de Souza")
NAME = re.compile(
    r"\b([A-Z][\w'’-]+(?:\s+(?:(?:de|da|van|von|der|la|le|del|di|bin|al)\s+)?[A-Z][\w'’-]+){1,3})"
)
QUOTE = re.compile(r"[\"“]([^\"“”\n]{15,400}?)[\"”]")
MIN_WORDS = 12  # a sentence that names a round and its principles is not a fragment


def interview_in_sentences(text: str) -> InterviewDraft | None:
    """The round a paragraph opens with: its interviewer (the first name after the round's number)
    and the principles named in its first two sentences."""
    if len(text.split()) < MIN_WORDS:
        return None
    found = ROUND.search(text)
    if not found or found.start() > len(text) // 2:
        return None
    opening = " ".join(SENTENCE_END.split(text[found.start() :])[:2])
    principles = principles_mentioned(opening)
    if not principles:
        return None
    for candidate in NAME.finditer(opening[found.end() - found.start() :]):
        name = candidate.group(1)
        if (
            principles_mentioned(name)
            or NOT_A_NAME.search(name)
            or ROLE_WORDS.match(name)
            or ROUND.search(name)
        ):
            continue
        return InterviewDraft(title="", name=clean_name(name), principles=principles)
    return None


def quoted_questions(text: str, context: list[str]) -> list[tuple[str, str | None]]:
    """The interview questions a paragraph quotes, each with its principle: the one its own sentence
    names, else the one of `context` (the round's principles, or all the paragraph names) it reads as."""
    found = []
    for quote in QUOTE.finditer(text):
        question = quote.group(1).strip()
        if not reads_as_question(question):
            continue
        start = text.rfind(".", 0, quote.start()) + 1
        named = principles_mentioned(text[start : quote.start()])
        choices = named or context or principles_mentioned(text)
        found.append((question, best_fit(question, choices) if choices else None))
    return found
