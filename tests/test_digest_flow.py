"""The weekly digest, on the candidate's weekday in their time zone: through the real tick, and as
a real `python -m schedules tick --at` process."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.models import Answer, Prompt
from schedules.jobs import tick
from tests.conftest import CANDIDATE, Harness
from tests.support.factories import local, make_candidate
from tests.support.practice import GOOD, REVIEWER, WEAK, answer, play, set_up
from tests.test_clock_processes import INTERVIEWS, LOOP, World, world  # noqa: F401 - the fixture

DEC = lambda day: date(2026, 12, day)  # noqa: E731 - Tuesday 1 December 2026 is DEC(1)


def tick_at(app: Harness, day: int, hour: int, minute: int = 0) -> list[tuple[str, str]]:
    before = len(app.fake.posts())
    app.clock.set(local(DEC(day), hour, minute))
    tick(app.deps)
    return [(str(c.params["channel"]), str(c.params.get("text", ""))) for c in app.fake.posts()[before:]]


def digests(app: Harness) -> list[Prompt]:
    with app.deps.sessions.begin() as session:
        return list(session.query(Prompt).filter(Prompt.kind.like("%digest")).order_by(Prompt.id))


def test_monday_digest_to_the_prep_conversation_and_each_reviewer(app: Harness) -> None:
    set_up(app)
    played = play(app, [(GOOD, 5), (WEAK, 1), (GOOD, 4), (GOOD, None), (GOOD, 3), (WEAK, 2)])
    prep = played[0].channel

    posted = tick_at(app, 7, 9)  # Monday
    texts = {channel: text for channel, text in posted if "week" in text or "waiting for your rating" in text}
    digest = texts[prep]
    assert digest.startswith("Your week of practice (Mon 30 Nov – Sun 6 Dec, 9 days to your loop):")
    assert "6 answers this week:" in digest
    assert "Average rating 3.0/5 from 5 ratings." in digest
    assert "1 answer still waiting for a rating; I've reminded your reviewers." in digest
    assert "Improved: " in digest and "Practise next: " in digest
    reviewer_dm = app.fake.conversations[(REVIEWER,)]
    waiting = texts[reviewer_dm]
    assert waiting.startswith(f"1 answer from <@{CANDIDATE}> is waiting for your rating.")
    assert "Fri 4 Dec · " in waiting
    assert [(d.slot, d.status) for d in digests(app)] == [("digest", "sent"), (f"digest-{REVIEWER}", "sent")]

    assert tick_at(app, 7, 9, 5) == [] and tick_at(app, 7, 12) == []
    assert len(digests(app)) == 2, "each digest exactly once"


def test_no_reviewer_message_when_nothing_waits(app: Harness) -> None:
    set_up(app)
    play(app, [(GOOD, 5), (GOOD, 4), (GOOD, 4)], first=DEC(2))
    posted = tick_at(app, 7, 9)
    assert len(posted) == 2  # the question and the digest
    assert [(d.slot, d.status) for d in digests(app)] == [
        ("digest", "sent"),
        (f"digest-{REVIEWER}", "dropped"),
    ]
    assert len(app.fake.posts(app.fake.conversations[(REVIEWER,)])) == 1  # the intro, no more


def test_the_digest_day_is_the_candidates_choice(app: Harness) -> None:
    set_up(app, reviewer=False)
    app.prep("digest wed")
    play(app, [(GOOD, None)] * 2)
    assert not digests(app), "Wednesday the 2nd: a first week of one day is too short to tell"
    reply = app.prep("digest fri")
    assert reply.startswith("Your weekly digest comes on Fridays at 09:00 (America/New_York)")
    assert "Fridays" in app.prep("digest")
    tick_at(app, 3, 9)
    assert any("week of practice" in t for _, t in tick_at(app, 4, 9))
    tick_at(app, 7, 9)  # Monday: not the day
    assert any("week of practice" in t for _, t in tick_at(app, 11, 9))
    assert len(digests(app)) == 2
    assert app.prep("digest off").startswith("Your weekly digest is off.")
    tick_at(app, 18, 9)
    assert len(digests(app)) == 2
    assert "“someday” is not a day of the week" in app.prep("digest someday")


def test_a_paused_candidate_gets_no_digest(app: Harness) -> None:
    set_up(app)
    play(app, [(GOOD, 4)] * 3)
    app.clock.set(local(DEC(4), 12))
    app.prep("pause until 2026-12-08")
    assert tick_at(app, 7, 9) == []
    assert not digests(app)


@pytest.mark.processes
def test_tick_at_sends_the_digest_at_nine_on_monday_in_tokyo(world: World) -> None:  # noqa: F811
    make_candidate(world.deps, CANDIDATE, loop_date=LOOP, interviews_spec=INTERVIEWS, tz="Asia/Tokyo",
                   prompt_time=time(9, 0))  # fmt: skip
    sunday_nine = local(DEC(6), 9, tz="Asia/Tokyo")
    monday_nine = local(DEC(7), 9, tz="Asia/Tokyo")  # Sunday 7 p.m. in New York: Tokyo's clock counts
    for at, digests_sent in [(sunday_nine, 0), (monday_nine, 1), (monday_nine.replace(minute=3), 1)]:
        result = world.tick(at)
        assert result.returncode == 0, result.stderr
        sent = [c for c in world.fake.posts() if "Your week of practice" in str(c.params.get("text"))]
        assert len(sent) == digests_sent, f"at {at}: {result.stdout}"
    assert "No answers this week" in str(sent[0].params["text"])


def test_a_reply_under_the_digest_is_not_an_answer(app: Harness) -> None:
    set_up(app)
    played = play(app, [(GOOD, 5)] * 3, first=DEC(2))
    tick_at(app, 7, 9)
    prep = played[0].channel
    [digest] = [m for m in app.fake.history[prep] if str(m["text"]).startswith("Your week of practice")]
    before = len(app.fake.posts())
    answer(app, prep, str(digest["ts"]), "1796000000.000100", "Thanks, that helps!")
    with app.deps.sessions.begin() as session:
        assert session.query(Answer).count() == 3
    assert len(app.fake.posts()) == before, "no answer check under the digest"
