"""The evening nudge and the rating nudge, through the real tick at chosen instants: each once, and
dropped unsent when its reason is gone by the time it falls due."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

from bot.models import Prompt
from schedules.jobs import tick
from tests.conftest import CANDIDATE, Harness
from tests.support.factories import local
from tests.support.practice import REVIEWER, STORY, answer, latest_prompt, rate, set_up

DEC = lambda day: date(2026, 12, day)  # noqa: E731 - Tuesday 1 December 2026 is DEC(1)


def at(app: Harness, day: int, hour: int, minute: int = 0) -> list[str]:
    """Tick at that New York wall-clock time; the texts of the top-level posts it made."""
    before = len(app.fake.posts())
    app.clock.set(local(DEC(day), hour, minute))
    tick(app.deps)
    return [str(c.params.get("text", "")) for c in app.fake.posts()[before:]]


def rows(app: Harness, kind: str) -> list[Prompt]:
    with app.deps.sessions.begin() as session:
        return list(session.query(Prompt).filter(Prompt.kind == kind).order_by(Prompt.id))


def test_an_unanswered_question_gets_one_gentle_evening_nudge(app: Harness) -> None:
    set_up(app, reviewer=False)
    assert len(at(app, 1, 9)) == 1
    assert at(app, 1, 17, 59) == []
    [nudge] = at(app, 1, 18)
    assert nudge.startswith(
        f"<@{CANDIDATE}> a gentle nudge: this morning's Have Backbone; Disagree and Commit"
    )
    channel, _ = latest_prompt(app)
    assert app.fake.posts()[-1].params["channel"] == channel, "in the question's conversation"
    assert at(app, 1, 18, 1) == [] and at(app, 1, 21) == []
    assert [r.status for r in rows(app, "evening-nudge")] == ["sent"]


def test_an_answer_before_the_evening_drops_the_nudge(app: Harness) -> None:
    set_up(app, reviewer=False)
    at(app, 1, 9)
    channel, prompt_ts = latest_prompt(app)
    app.clock.set(local(DEC(1), 12))
    answer(app, channel, prompt_ts, "1795000000.000100", STORY)
    assert at(app, 1, 18) == []
    assert [r.status for r in rows(app, "evening-nudge")] == ["dropped"]


def test_pause_and_days_off_stop_the_nudges(app: Harness) -> None:
    set_up(app, reviewer=False)
    at(app, 1, 9)
    app.clock.set(local(DEC(1), 10))
    app.prep("pause until 2026-12-03")
    assert at(app, 1, 18) == []  # planned this morning, dropped when due: paused meanwhile
    assert at(app, 2, 9) == [] and at(app, 2, 18) == []
    assert len(at(app, 3, 9)) == 1 and len(at(app, 3, 18)) == 1  # back by itself
    app.clock.set(local(DEC(3), 19))
    app.prep("days mon-fri")
    assert at(app, 5, 9) == [] and at(app, 5, 18) == []  # Saturday
    assert [r.status for r in rows(app, "evening-nudge")] == ["dropped", "sent"]


def test_an_unrated_answer_reminds_the_reviewers_once_after_a_day(app: Harness) -> None:
    set_up(app)
    at(app, 1, 9)
    channel, prompt_ts = latest_prompt(app)
    app.clock.set(local(DEC(1), 12))
    answer(app, channel, prompt_ts, "1795000000.000100", STORY)
    assert len(at(app, 2, 9)) == 1  # the next question; the nudge is planned for noon
    assert at(app, 2, 11, 59) == []
    [nudge] = at(app, 2, 12, 1)  # a day after the answer (which took its job a moment past noon)
    assert nudge.startswith(f"<@{REVIEWER}>: <@{CANDIDATE}>'s answer on Have Backbone; Disagree and Commit")
    assert "from Tue 1 Dec is waiting for a rating" in nudge
    assert app.fake.posts()[-1].params["channel"] == channel
    assert at(app, 2, 12, 5) == []
    assert len(at(app, 3, 9)) == 1 and at(app, 3, 12) == []  # the question only
    assert [r.status for r in rows(app, "rating-nudge")] == ["sent"]


def test_a_rating_in_time_or_a_deleted_answer_drops_the_reminder(app: Harness) -> None:
    set_up(app)
    at(app, 1, 9)
    channel, prompt_ts = latest_prompt(app)
    app.clock.set(local(DEC(1), 12))
    answer(app, channel, prompt_ts, "1795000000.000100", STORY)
    at(app, 2, 9)
    channel2, prompt2 = latest_prompt(app)
    app.clock.set(local(DEC(2), 10))
    answer(app, channel2, prompt2, "1795000000.000200", STORY)
    app.clock.set(local(DEC(2), 11))
    rate(app, channel, "1795000000.000100", 4)
    assert at(app, 2, 12, 1) == []
    app.event({"type": "message", "subtype": "message_deleted", "channel": channel2, "channel_type": "mpim",
               "deleted_ts": "1795000000.000200", "ts": "1795000900.000001"})  # fmt: skip
    assert at(app, 3, 9) != [] and at(app, 3, 10) == []
    assert [r.status for r in rows(app, "rating-nudge")] == ["dropped"]


def test_an_answer_late_at_night_is_nudged_in_the_morning_not_at_night(app: Harness) -> None:
    set_up(app)
    at(app, 1, 9)
    channel, prompt_ts = latest_prompt(app)
    app.clock.set(local(DEC(1), 22, 30))
    answer(app, channel, prompt_ts, "1795000000.000100", STORY)
    at(app, 2, 9)
    assert at(app, 2, 22, 30) == []  # 24 hours later is night time
    texts = at(app, 3, 9)
    assert len(texts) == 2 and "is waiting for a rating" in texts[0]  # with the morning's question


def test_two_clocks_at_once_send_each_nudge_and_digest_once(app: Harness) -> None:
    set_up(app)
    for day in range(1, 7):
        at(app, day, 9)
    channel, prompt_ts = latest_prompt(app)
    app.clock.set(local(DEC(6), 12))
    answer(app, channel, prompt_ts, "1795000000.000100", STORY)  # Sunday's answer, not rated
    before = len(app.fake.posts())
    for hour in (9, 12, 18):  # Monday: the digests, the rating nudge, the evening nudge
        app.clock.set(local(DEC(7), hour))
        with ThreadPoolExecutor(max_workers=2) as clocks:
            list(clocks.map(lambda _: tick(app.deps), range(2)))
    texts = [str(c.params.get("text", "")) for c in app.fake.posts()[before:]]
    assert sum("Your week of practice" in t for t in texts) == 1
    assert sum("waiting for your rating" in t for t in texts) == 1  # the reviewer's digest
    assert sum("is waiting for a rating" in t for t in texts) == 1  # the nudge at noon
    assert sum("a gentle nudge" in t for t in texts) == 1
    assert len(texts) == 5  # with Monday's question
