"""Planning stories onto interviews for the loop day, so no interviewer hears a story twice told.

The algorithm
-------------
Every interview needs one story for each of its principles: call each (interview, principle)
pair a *slot*. A story can fill a slot when it is tagged with that slot's principle, and each
story is told once in the whole loop: to one interviewer, for one principle.

That is a bipartite matching between slots and stories, and the plan is a *maximum* matching:
as many slots covered as the bank allows. It is found with augmenting paths (Kuhn's algorithm):
slots are taken in calendar order; each tries the stories tagged for it in bank order, and when
a story is already taken, the slot holding it is asked, recursively, to move to another story it
could use. A slot that finds no path stays uncovered. Processing in a fixed order makes the plan
deterministic. Sizes are tiny (a loop has under 20 slots, a bank under 50 stories), so the
O(slots × edges) bound is instant.

Uncovered slots are reported with the principle that lacks a story. When a story for that
principle exists but is planned elsewhere, it is named as a fallback (telling it twice beats
telling nothing), marked as a repeat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class StoryCard:
    id: int
    title: str
    principles: tuple[str, ...]


@dataclass(frozen=True)
class Slot:
    interview: int  # index into the interviews given
    principle: str


@dataclass(frozen=True)
class Assignment:
    slot: Slot
    story: StoryCard | None
    repeat_of: int | None = None  # the interview index that also hears this story, if a fallback


@dataclass(frozen=True)
class StoryPlan:
    assignments: tuple[Assignment, ...]

    def for_interview(self, index: int) -> list[Assignment]:
        return [a for a in self.assignments if a.slot.interview == index]

    @property
    def lacking(self) -> list[str]:
        """Principles with no story of their own in the plan, once each, in plan order."""
        return list(
            dict.fromkeys(
                a.slot.principle for a in self.assignments if a.story is None or a.repeat_of is not None
            )
        )


def plan_stories(interviews: Sequence[Sequence[str]], stories: Sequence[StoryCard]) -> StoryPlan:
    """`interviews` is each interview's principles, in calendar order."""
    slots = [
        Slot(index, principle) for index, principles in enumerate(interviews) for principle in principles
    ]
    usable = [[s for s in stories if slot.principle in s.principles] for slot in slots]
    holder: dict[int, int] = {}  # story id -> slot index

    def place(slot_index: int, seen: set[int]) -> bool:
        for story in usable[slot_index]:
            if story.id in seen:
                continue
            seen.add(story.id)
            if story.id not in holder or place(holder[story.id], seen):
                holder[story.id] = slot_index
                return True
        return False

    for slot_index in range(len(slots)):
        place(slot_index, set())

    given = {slot_index: story_id for story_id, slot_index in holder.items()}
    by_id = {story.id: story for story in stories}
    assignments = []
    for slot_index, slot in enumerate(slots):
        if slot_index in given:
            assignments.append(Assignment(slot, by_id[given[slot_index]]))
        elif usable[slot_index]:
            fallback = usable[slot_index][0]
            assignments.append(Assignment(slot, fallback, repeat_of=slots[holder[fallback.id]].interview))
        else:
            assignments.append(Assignment(slot, None))
    return StoryPlan(tuple(assignments))
