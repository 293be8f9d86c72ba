"""`/prep pause until` and `/prep days`, through the real HTTP endpoint and the real tick."""

from __future__ import annotations

from datetime import date

from schedules.jobs import tick
from tests.conftest import CANDIDATE, Harness
from tests.support.factories import candidate_row, local, prompts_of

DEC = lambda day: date(2026, 12, day)  # noqa: E731 - Tuesday 1 December 2026 is DEC(1)


def start(app: Harness, loop: str = "2026-12-16") -> int:
    app.prep(f"loop {loop}")
    app.prep("interview add Natesh: backbone, earn trust, ownership")
    with app.deps.sessions.begin() as session:
        from bot.models import Candidate

        return session.query(Candidate).one().id


def mornings(app: Harness, days: range) -> list[int]:
    """Tick each day at 09:00 and 09:01 (New York); the days that brought a daily question."""
    asked = []
    for day in days:
        before = len(app.fake.posts())
        for minute in (0, 1):
            app.clock.set(local(DEC(day), 9, minute))
            tick(app.deps)
        if len(app.fake.posts()) > before:
            asked.append(day)
    return asked


def test_pause_until_a_day_skips_the_days_between_and_resumes_by_itself(app: Harness) -> None:
    cid = start(app)
    reply = app.prep("pause until 2026-12-04")
    assert reply.startswith("Paused until Friday 4 December 2026: no questions or reminders till then.")
    assert "start again that morning by themselves" in reply
    assert "paused until Fri 4 Dec" in app.prep("status")
    assert "paused until Friday 4 December 2026" in app.prep("loop")

    assert mornings(app, range(1, 7)) == [4, 5, 6]
    assert candidate_row(app.deps, cid).paused is False, "the pause lifted itself on the 4th"
    assert "paused" not in app.prep("status").split("Daily question", 1)[1].splitlines()[0]


def test_a_pause_end_that_is_not_ahead_changes_nothing(app: Harness) -> None:
    cid = start(app)
    for typed, says in [
        ("pause until 2026-12-01", "2026-12-01 is not ahead (today is 2026-12-01 where you are)"),
        ("pause until 2026-11-20", "2026-11-20 is not ahead"),
        ("pause until 2026-02-30", "2026-02-30 is not a date on the calendar"),
        ("pause until soon", "“soon” is not a date"),
    ]:
        reply = app.prep(typed)
        assert says in reply and "\n" not in reply
    row = candidate_row(app.deps, cid)
    assert (row.paused, row.paused_until) == (False, None)
    assert mornings(app, range(1, 3)) == [1, 2]


def test_resume_ends_a_dated_pause_early(app: Harness) -> None:
    start(app)
    app.prep("pause until 2026-12-10")
    assert mornings(app, range(1, 3)) == []
    app.clock.set(local(DEC(2), 12, 0))
    assert "Next question: Thu 3 Dec at 09:00" in app.prep("resume")
    assert mornings(app, range(3, 5)) == [3, 4]


def test_days_mon_fri_skips_the_weekend_and_all_brings_it_back(app: Harness) -> None:
    cid = start(app)
    reply = app.prep("days mon-fri")
    assert reply.startswith("Daily questions come Monday to Friday only")
    assert "Daily question at 09:00 (America/New_York), Monday to Friday" in app.prep("status")
    assert mornings(app, range(1, 9)) == [1, 2, 3, 4, 7, 8]  # the 5th and 6th are a weekend

    app.clock.set(local(DEC(8), 12, 0))
    assert app.prep("days all").startswith("Daily questions come every day.")
    assert mornings(app, range(12, 14)) == [12, 13]
    assert candidate_row(app.deps, cid).prompt_days == 127


def test_on_a_friday_the_next_question_is_mondays(app: Harness) -> None:
    start(app)
    app.clock.set(local(DEC(4), 12, 0))  # Friday, after the morning
    assert "Next question: Mon 7 Dec at 09:00" in app.prep("days weekdays")
    assert "Daily questions come Monday to Friday only" in app.prep("days")


def test_bad_days_change_nothing(app: Harness) -> None:
    cid = start(app)
    for typed in ("days funday", "days mon-funday", "days none"):
        reply = app.prep(typed)
        assert "\n" not in reply
    assert "“funday” is not a day of the week" in app.prep("days funday")
    assert candidate_row(app.deps, cid).prompt_days == 127
    assert mornings(app, range(5, 7)) == [5, 6]


def test_the_loop_day_kit_comes_on_a_day_off(app: Harness) -> None:
    cid = start(app, loop="2026-12-05")  # a Saturday
    app.prep("days mon-fri")
    assert mornings(app, range(4, 7)) == [4, 5, 6]
    kinds = [p.kind for p in prompts_of(app.deps, cid) if p.status == "sent"]
    assert kinds == ["question", "ready-1", "cheat-sheet", "wrap-up"]
    assert CANDIDATE in app.fake.calls_to("conversations.open")[0].params["users"]
