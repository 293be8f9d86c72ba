"""How the answer is told, and so which parts of STAR can be heard in it.

A story is read part by part as it is told (star.py, task.py, outcome.py). A story told in the present
("In 2022 I work as…, I take the course…") has its steps and outcome in the present. What one would do
has no step or outcome that happened: only a named setting, and a task said in the past, count. Parts
the candidate labels ("Situation", "Result:") are heard under their labels whatever their grammar.
"""

from __future__ import annotations

from enum import StrEnum

from bot.answer_check.agents import DETERMINERS, NEGATIONS, OTHER_PRONOUNS, Agent, parts
from bot.answer_check.drills import SLOTS, Checklist
from bot.answer_check.findings import Finding
from bot.answer_check.headings import labelled
from bot.answer_check.mood import present_steps, told_in_the_present
from bot.answer_check.outcome import has_present_result, has_result
from bot.answer_check.star import a_step, has_action, has_situation, stance_verbs
from bot.answer_check.task import has_task
from bot.answer_check.text import STATIVE_PRESENT, Clause, Form, clauses, normal, sentences


class Telling(StrEnum):
    STORY = "story"  # what happened: every part is read as it is told
    AS_IF = "as if"  # what one would do: no step or outcome happened; a named setting, a task said, count
    IN_GENERAL = "in general"  # how one works, nothing in the past: no real setting or outcome is told
    VAGUE = "vague"  # a story in generalities: its scene counts only if it names a place, time or role
    PRESENT = "present"  # a real story told in the present ("In 2023 I am…, I move…"): its steps are steps


def how_told(
    text: str, told: list[str], said: list[Clause], content: set[Finding], checklist: Checklist | None
) -> Telling:
    if checklist is not None and not checklist.story:
        return Telling.STORY  # a design is told as a design: its checklist reads it as it is
    if Finding.HYPOTHETICAL in content:
        return Telling.AS_IF
    if told_in_the_present(text, told, said):
        return Telling.PRESENT
    if not any(part.past for sentence in told for part in parts(sentence)):
        return Telling.IN_GENERAL
    return Telling.VAGUE if Finding.VAGUE in content else Telling.STORY


def _a_step_in(section: str) -> bool:
    """One step of the candidate's, told in any tense or as a note dropping its "I" ("Built a tool…"); how one
    held the work ("I took it very seriously") is no step."""
    told = sentences(section)
    stance = [stance_verbs(sentence) for sentence in told]
    if any(
        c.form not in (Form.STATE, Form.OBLIGED)
        and c.verb not in STATIVE_PRESENT | NEGATIONS  # "I wasn't comfortable", "I didn't": no step
        and c.verb not in stance[c.sentence]
        for c in clauses(told)
        if c.verb
    ):
        return True
    return any(
        a_step(part) and part.verb not in stance[index]
        for index, sentence in enumerate(told)
        for part in parts(normal(sentence))
    )


def _only_the_world(section: str) -> bool:
    """Nothing but how things were ("This was a painful process and everyone complained"): every clause is
    someone or something else's, the first names a thing, and no goal, duty or deadline is said."""
    told = sentences(section)
    told_parts = [part for sentence in told for part in parts(normal(sentence))]
    if not told_parts or any(part.agent is not Agent.OTHER for part in told_parts):
        return False
    first = told_parts[0].subject
    if not first or first[0] not in DETERMINERS | OTHER_PRONOUNS:
        return False  # "Make sure the launch is safe": a goal told as an instruction
    return not has_task(told, clauses(told), acted=False)


def drill_items(text: str, told: list[str], said: list[Clause], checklist: Checklist) -> dict[str, bool]:
    return {slot: detect(text, told, said) for slot, detect in zip(SLOTS, checklist.detect, strict=True)}


def star_heard(
    text: str, told: list[str], said: list[Clause], checklist: Checklist | None, telling: Telling
) -> dict[str, bool]:
    if telling is Telling.AS_IF:
        return {
            "situation": has_situation(told, anchored_only=True),
            "task": has_task(told, said, evident=False),
            "action": False,
            "result": False,
        }
    if checklist is not None:
        star = drill_items(text, told, said, checklist)
    else:
        present = telling is Telling.PRESENT
        action = has_action(told, said) or (present and present_steps(said) >= 2)
        star = {
            "situation": has_situation(told, in_present=present),
            "task": has_task(told, said, acted=action, in_present=present),
            "action": action,
            "result": has_result(told) or (present and has_present_result(told)),
        }
        for slot, under in labelled(text).items():
            # a heading is heard by its layout whatever the grammar under it, but an "Action" with no step
            # of one's own under it ("This was a large cross-functional program…") tells no action, and a
            # "Task" over the problem told again tells no goal: the candidate put the task there and left it out
            if slot == "task" and _only_the_world(under):
                star[slot] = False
            else:
                star[slot] = star[slot] or slot != "action" or _a_step_in(under)
    if telling in (Telling.VAGUE, Telling.IN_GENERAL):
        star["situation"] = has_situation(told, anchored_only=True)
    if telling is Telling.IN_GENERAL:
        star["result"] = False
    return star
