"""The daily plan: which principle (or focus drill) today's question is about, and whether it is a
second try. Pure: the situation on a day in, one pick out.

The rules, in the order they apply:
1. Coverage. With days left ≥ 2 × the loop's principles, every principle is owed two asks; else,
   with days ≥ principles, one. When the asks still owed fill every remaining day, today goes to a
   principle still owed (a weak one first). So no principle is left unasked when days allow.
2. A principle whose latest answer was weak (rated ≤ 2, or failed the check) is asked again within
   two days, as a redo of the same question unless that answer was already a redo.
3. When the upcoming interviews fall on different days, the next one's principles come first
   until each has been asked and none is weak.
4. Weak answers are redone before anything new; then principles never asked, the earliest
   interview's first and its weakest first.
5. Otherwise the largest readiness gap, weighted by order: the earlier the interview, the heavier.
   Drills for an interview's focus compete here on their own gap (so never before an unasked
   principle), and are not drilled more often than each of the interview's principles is asked.
Ties go by interview order, then the order listed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

REDO_WITHIN = timedelta(days=2)
ORDER_STEP = 0.1  # each interview later in the calendar weighs a tenth less


class Reason(StrEnum):
    COVERAGE = "still owed"
    REDO = "weak last time"
    NEXT_INTERVIEW = "next interview"
    UNASKED = "not asked yet"
    DRILL = "focus drill"
    GAP = "largest gap"


@dataclass(frozen=True)
class Slot:
    """An upcoming interview as the plan sees it (interview_id None: general practice)."""

    interview_id: int | None
    day: date | None
    principles: tuple[str, ...]
    drill: str | None = None  # the focus area the bank drills, if any


@dataclass(frozen=True)
class Weak:
    """The latest answer on a principle, weak, and the principle not asked since."""

    prompt_id: int
    day: date  # the candidate's local date of the answer
    was_redo: bool = False


@dataclass(frozen=True)
class TopicState:
    asks: int = 0
    readiness: int = 0  # 0-100, see bot.readiness
    weak: Weak | None = None


@dataclass(frozen=True)
class Situation:
    today: date
    days_left: int | None  # question days left, today included; None without a loop date
    interviews: tuple[Slot, ...]  # upcoming, in calendar order
    topics: Mapping[str, TopicState]  # per principle, and per drilled focus

    def state(self, topic: str) -> TopicState:
        return self.topics.get(topic, TopicState())


@dataclass(frozen=True)
class Pick:
    topic: str
    is_focus: bool
    interview_id: int | None
    reason: Reason
    redo_of: int | None = None  # the prompt whose question is asked again


def loop_order(situation: Situation) -> dict[str, int]:
    """Each principle of the upcoming interviews, with the calendar index of its first interview."""
    order: dict[str, int] = {}
    for index, slot in enumerate(situation.interviews):
        for principle in slot.principles:
            order.setdefault(principle, index)
    return order


def owed(situation: Situation, order: Mapping[str, int]) -> dict[str, int]:
    """Asks still owed per principle, at the highest coverage the days left allow."""
    if situation.days_left is None:
        return {}
    for level in (2, 1):
        deficits = {p: max(0, level - situation.state(p).asks) for p in order}
        if sum(deficits.values()) <= situation.days_left:
            return {p: d for p, d in deficits.items() if d}
    return {}


def weighted(situation: Situation, principle: str, order: Mapping[str, int]) -> tuple[float, int]:
    """Sort key: the largest readiness gap first, weighted by the calendar order of its interview."""
    gap = 100 - situation.state(principle).readiness
    return -gap / (1 + ORDER_STEP * order[principle]), order[principle]


def first_day_group(situation: Situation) -> list[Slot]:
    first = situation.interviews[0].day if situation.interviews else None
    return [slot for slot in situation.interviews if slot.day == first]


def interview_for(situation: Situation, principle: str) -> int | None:
    return next((s.interview_id for s in situation.interviews if principle in s.principles), None)


def pick_principle(situation: Situation, principle: str, reason: Reason) -> Pick:
    weak = situation.state(principle).weak
    redo_of = weak.prompt_id if weak is not None and not weak.was_redo else None
    return Pick(
        principle, False, interview_for(situation, principle), Reason.REDO if weak else reason, redo_of
    )


def drills_due(situation: Situation) -> dict[str, tuple[int, int | None]]:
    """Focus drills drilled less often than each of their interview's principles was asked, with
    the calendar index and id of the interview."""
    due: dict[str, tuple[int, int | None]] = {}
    for index, slot in enumerate(situation.interviews):
        if slot.drill and slot.principles and slot.drill not in due:
            fewest = min(situation.state(p).asks for p in slot.principles)
            if situation.state(slot.drill).asks < fewest:
                due[slot.drill] = (index, slot.interview_id)
    return due


def choose_topic(situation: Situation) -> Pick:
    order = loop_order(situation)
    if not order:
        raise ValueError("no principles to choose from")

    def best(pool: Sequence[str], reason: Reason) -> Pick:
        return pick_principle(situation, min(pool, key=lambda p: weighted(situation, p, order)), reason)

    def earliest(pool: Sequence[str], reason: Reason) -> Pick:
        """Never asked: the earliest interview's first, its weakest first."""
        gap = {p: 100 - situation.state(p).readiness for p in pool}
        return pick_principle(situation, min(pool, key=lambda p: (order[p], -gap[p])), reason)

    def weak_day(principle: str) -> date:
        weak = situation.state(principle).weak
        assert weak is not None
        return weak.day

    weak = sorted(
        (p for p in order if situation.state(p).weak), key=lambda p: (weak_day(p), order[p])
    )  # stable: ties keep the listed order
    still_owed = owed(situation, order)
    if situation.days_left is not None and still_owed and sum(still_owed.values()) >= situation.days_left:
        owed_weak = [p for p in weak if p in still_owed]
        if owed_weak:
            return pick_principle(situation, owed_weak[0], Reason.REDO)
        never = [p for p in still_owed if situation.state(p).asks == 0]
        return earliest(never, Reason.COVERAGE) if never else best(list(still_owed), Reason.COVERAGE)
    overdue = [p for p in weak if situation.today >= weak_day(p) + REDO_WITHIN]
    if overdue:
        return pick_principle(situation, overdue[0], Reason.REDO)

    next_group = first_day_group(situation)
    if len(next_group) < len(situation.interviews):
        principles = [p for slot in next_group for p in slot.principles]
        group_weak = [p for p in weak if p in principles]
        if group_weak:
            return pick_principle(situation, group_weak[0], Reason.REDO)
        unasked = [p for p in principles if situation.state(p).asks == 0]
        if unasked:
            return earliest(unasked, Reason.NEXT_INTERVIEW)

    if weak:
        return pick_principle(situation, weak[0], Reason.REDO)
    unasked = [p for p in order if situation.state(p).asks == 0]
    if unasked:
        return earliest(unasked, Reason.UNASKED)
    # Every principle asked and none weak: the largest weighted gap, drills competing on theirs.
    drills = drills_due(situation)
    chosen = min(
        [*order, *drills],
        key=lambda t: weighted(situation, t, {**order, **{d: i for d, (i, _) in drills.items()}}),
    )
    if chosen in drills:
        return Pick(chosen, True, drills[chosen][1], Reason.DRILL)
    return pick_principle(situation, chosen, Reason.GAP)


def asked(situation: Situation, pick: Pick) -> Situation:
    """The situation the next morning, if today's pick is asked and nothing is answered meanwhile."""
    topics = dict(situation.topics)
    state = situation.state(pick.topic)
    topics[pick.topic] = replace(state, asks=state.asks + 1, weak=None)
    tomorrow = situation.today + timedelta(days=1)
    return replace(
        situation,
        today=tomorrow,
        days_left=None if situation.days_left is None else situation.days_left - 1,
        interviews=tuple(s for s in situation.interviews if s.day is None or s.day >= tomorrow),
        topics=topics,
    )


def coming_picks(situation: Situation, count: int) -> Iterator[Pick]:
    """Today's pick and the ones after it, as long as nothing new is answered: what "Practise next"
    promises. Stops at the loop (no question is asked on the loop day)."""
    for _ in range(count):
        if (situation.days_left is not None and situation.days_left < 1) or not loop_order(situation):
            return
        pick = choose_topic(situation)
        yield pick
        situation = asked(situation, pick)
