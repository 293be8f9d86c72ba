"""Planning stories onto interviews: maximum coverage, no story told to two interviewers."""

from __future__ import annotations

from bot.story_plan import StoryCard, plan_stories

OWN, DIVE, BIG, TRUST = "Ownership", "Dive Deep", "Think Big", "Earn Trust"


def story(id: int, *principles: str) -> StoryCard:
    return StoryCard(id, f"S{id}", principles)


def titles(plan, interview: int) -> list[str | None]:
    return [a.story.title if a.story else None for a in plan.for_interview(interview)]


def test_each_slot_gets_its_own_story() -> None:
    plan = plan_stories([[OWN, DIVE], [BIG]], [story(1, OWN), story(2, DIVE), story(3, BIG)])
    assert titles(plan, 0) == ["S1", "S2"] and titles(plan, 1) == ["S3"]
    assert plan.lacking == []


def test_augmenting_moves_a_story_so_both_interviews_are_covered() -> None:
    # Greedy would give S1 to the first Ownership slot and leave the second interview without.
    plan = plan_stories([[OWN], [DIVE]], [story(1, OWN, DIVE), story(2, OWN)])
    assert titles(plan, 0) == ["S2"] and titles(plan, 1) == ["S1"]
    assert all(a.repeat_of is None for a in plan.assignments)


def test_no_story_goes_to_two_interviewers_where_the_bank_allows() -> None:
    stories = [story(1, OWN, TRUST), story(2, OWN), story(3, TRUST, BIG), story(4, BIG)]
    plan = plan_stories([[OWN, TRUST], [OWN, BIG]], stories)
    used = [a.story.id for a in plan.assignments if a.story]
    assert len(used) == len(set(used)) == 4


def test_impossible_when_a_principle_has_no_story() -> None:
    plan = plan_stories([[OWN, DIVE]], [story(1, OWN)])
    assert titles(plan, 0) == ["S1", None]
    assert plan.lacking == [DIVE]


def test_impossible_when_one_story_must_serve_two_interviewers() -> None:
    plan = plan_stories([[OWN], [OWN]], [story(1, OWN)])
    first, second = plan.assignments
    assert first.story and first.story.id == 1 and first.repeat_of is None
    assert second.story and second.story.id == 1 and second.repeat_of == 0
    assert plan.lacking == [OWN]


def test_empty_inputs() -> None:
    assert plan_stories([], []).assignments == ()
    assert plan_stories([[OWN]], []).lacking == [OWN]
