"""The daily question, driven by the real tick against the fake Slack, with time moved by hand."""

from __future__ import annotations

import json
from datetime import date, time, timedelta

import pytest
from sqlalchemy import update

from bot.clock import FixedClock
from bot.deps import Deps
from bot.models import Candidate, Prompt
from bot.questions.bank import BANK
from bot.questions.selection import shuffled
from schedules.jobs import tick
from tests.conftest import CANDIDATE
from tests.support.factories import answer_latest, candidate_row, local, make_candidate, prompts_of
from tests.support.fake_slack import TEAM_ID, FakeSlack

LOOP = date(2026, 12, 16)
DEC = lambda day: date(2026, 12, day)  # noqa: E731 - reads better than a function here
REVIEWER = "U0REVIEW01"
TWO_ON_LOOP_DAY = [
    ("Natesh", "backbone, earn trust, hire & develop"),
    ("John Lyon Smith", "ownership, deliver results"),
]


def post_texts(fake: FakeSlack) -> list[str]:
    return [call.params["text"] for call in fake.posts()]


def test_nothing_before_nine_one_at_nine_nothing_more_after(
    deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    make_candidate(deps, CANDIDATE, loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY, reviewer_ids=[REVIEWER])

    clock.set(local(DEC(1), 8, 58))
    assert tick(deps).sent == 0
    assert fake_slack.posts() == []

    clock.set(local(DEC(1), 9, 0))
    assert tick(deps).sent == 1
    [post] = fake_slack.posts()
    # The prep conversation is a group DM of the candidate and the reviewer.
    assert fake_slack.calls_to("conversations.open")[0].params["users"] == f"{CANDIDATE},{REVIEWER}"
    assert post.params["channel"] == fake_slack.conversations[tuple(sorted([CANDIDATE, REVIEWER]))]
    text = post.params["text"]
    # The bank in this candidate's own order (see bot.questions.selection.shuffled).
    first_question = shuffled(BANK["Have Backbone; Disagree and Commit"], f"{TEAM_ID}:{CANDIDATE}")[0].text
    assert text.startswith(
        "Have Backbone; Disagree and Commit — For Natesh (interview 1, Wed 16 Dec (loop day)) "
        "· 15 days to your loop"
    )
    assert first_question in text
    assert "Answer in this thread" in text and "1️⃣" in text and "5️⃣" in text
    blocks = json.dumps(post.json_param("blocks"), ensure_ascii=False)
    for fact in (
        "Have Backbone; Disagree and Commit",
        first_question,
        "Natesh",
        "15 days to your loop",
        "Answer in this thread",
        "5️⃣",
    ):
        assert fact in blocks, f"the blocks lack {fact!r}"
    assert post.json_param("metadata")["event_type"] == "loop_coach_prompt"

    clock.set(local(DEC(1), 9, 5))
    assert tick(deps).sent == 0
    assert len(fake_slack.posts()) == 1


def test_next_day_asks_the_next_unasked_principle_of_the_loop_day_one_day_fewer(
    deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    make_candidate(deps, CANDIDATE, loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY)
    texts = []
    for day in range(1, 6):
        clock.set(local(DEC(day), 9, 0))
        tick(deps)
        texts.append(post_texts(fake_slack)[-1])
    assert "For Natesh (interview 1" in texts[0] and "15 days to your loop" in texts[0]
    assert texts[1].startswith("Earn Trust — For Natesh (interview 1") and "14 days to your loop" in texts[1]
    # Unasked principles first, the earlier interview first among equals.
    assert [t.split(" — ")[0] for t in texts] == [
        "Have Backbone; Disagree and Commit",
        "Earn Trust",
        "Hire and Develop the Best",
        "Ownership",
        "Deliver Results",
    ]
    # Without reviewers the prep conversation is the 1:1 DM.
    assert fake_slack.calls_to("conversations.open")[0].params["users"] == CANDIDATE
    assert len(fake_slack.calls_to("conversations.open")) == 1, "the DM channel is cached"


def test_an_answer_rated_two_gets_a_redo_the_next_morning_then_the_plan_moves_on(
    deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    cid = make_candidate(
        deps, CANDIDATE, loop_date=LOOP, interviews_spec=[("Ayan", "ownership, dive deep, think big")]
    )
    topics = []
    for day, scores in [(1, [2]), (2, [5]), (3, [4]), (4, [4]), (5, [])]:
        clock.set(local(DEC(day), 9, 0))
        tick(deps)
        topics.append(prompts_of(deps, cid)[-1].principle)
        answer_latest(deps, cid, scores=scores)
    # Then each principle once; then the largest readiness gap: Dive Deep's 4/5 is the older one.
    assert topics == ["Ownership", "Ownership", "Dive Deep", "Think Big", "Dive Deep"]
    first, redo = prompts_of(deps, cid)[:2]
    assert redo.redo_of == first.id and redo.question_key == first.question_key
    assert "Second try" in post_texts(fake_slack)[1] and "rated 2.0/5" in post_texts(fake_slack)[1]
    assert "Second try" not in post_texts(fake_slack)[2]


def test_a_late_tick_sends_the_same_day_and_a_missed_day_is_not_sent_late(
    deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    cid = make_candidate(deps, CANDIDATE, loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY)
    clock.set(local(DEC(1), 15, 30))  # the clock was down at 09:00
    assert tick(deps).sent == 1
    clock.set(local(DEC(3), 8, 0))  # down all of 2 December
    assert tick(deps).sent == 0
    clock.set(local(DEC(3), 9, 1))
    assert tick(deps).sent == 1
    assert [p.local_date for p in prompts_of(deps, cid)] == [DEC(1), DEC(3)]
    assert "13 days to your loop" in post_texts(fake_slack)[-1]


def test_paused_and_skipped_candidates_get_nothing(
    deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    from bot.services import loop

    paused = make_candidate(deps, CANDIDATE, loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY)
    skipping = make_candidate(deps, "U0SKIPPER1", loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY)
    with deps.sessions.begin() as session:
        loop.pause(session, session.get_one(Candidate, paused), now=clock.now())
        loop.skip_today(session, session.get_one(Candidate, skipping), now=clock.now())
    clock.set(local(DEC(1), 9, 0))
    assert tick(deps).sent == 0
    clock.set(local(DEC(2), 9, 0))
    assert tick(deps).sent == 1  # the skip was for one day only
    assert prompts_of(deps, paused) == []


def test_milestones_cheat_sheet_and_wrap_up_each_exactly_once(
    deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    cid = make_candidate(deps, CANDIDATE, loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY)
    for day in range(1, 20):
        for hour, minute in ((9, 0), (9, 1), (17, 0), (18, 0)):
            clock.set(local(DEC(day), hour, minute))
            tick(deps)
    kinds = [(p.local_date.day, p.kind) for p in prompts_of(deps, cid)]
    assert [k for k in kinds if k[1].startswith("ready")] == [(9, "ready-7"), (15, "ready-1")]
    assert [k for k in kinds if k[1] == "cheat-sheet"] == [(16, "cheat-sheet")]
    # interviews without a time: no reminder, and a debrief each at 18:00
    assert [k for k in kinds if k[1] in ("reminder", "debrief")] == [(16, "debrief"), (16, "debrief")]
    assert [k for k in kinds if k[1] == "wrap-up"] == [(16, "wrap-up")]  # kept under the loop's date
    questions = [day for day, kind in kinds if kind == "question"]
    assert questions == list(range(1, 16)), "one question a day up to the eve of the loop"
    texts = post_texts(fake_slack)
    sent = [p for p in prompts_of(deps, cid, digests_and_nudges=True) if p.status == "sent"]
    assert len(texts) == len(sent)  # every row posted once: these, Monday digests and evening nudges
    assert texts[-1].startswith("Your loop is done.")
    assert candidate_row(deps, cid).next_prompt_at is None
    cheat = next(t for t in texts if t.startswith("Loop day cheat sheet"))
    assert "Natesh" in cheat and "John Lyon Smith" in cheat and "no story yet" in cheat
    ready = next(t for t in texts if t.startswith("One week to go"))
    assert "9 days" not in ready and "7 days to your loop" in ready


def test_daylight_saving_moves_the_utc_instant(deps: Deps, fake_slack: FakeSlack, clock: FixedClock) -> None:
    clock.set(local(date(2027, 3, 12), 12, 0))
    cid = make_candidate(deps, CANDIDATE, loop_date=date(2027, 3, 30), interviews_spec=TWO_ON_LOOP_DAY)
    for day in (12, 13, 14, 15):
        for hour in range(0, 24):
            clock.set(local(date(2027, 3, day), hour, 0, tz="UTC"))
            tick(deps)
    sent_at = [p.sent_at for p in prompts_of(deps, cid) if p.sent_at]
    # 09:00 New York: 14:00 UTC before the change on 14 March, 13:00 UTC after.
    assert [(t.day, t.hour) for t in sent_at] == [(13, 14), (14, 13), (15, 13)]


def test_a_429_is_honoured_and_the_prompt_is_sent_once(
    deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    make_candidate(deps, CANDIDATE, loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY)
    fake_slack.fail("chat.postMessage", 429, retry_after=1)
    clock.set(local(DEC(1), 9, 0))
    assert tick(deps).sent == 1
    attempts = fake_slack.posts()
    assert len(attempts) == 2 and attempts[1].at - attempts[0].at >= 1.0
    assert len(fake_slack.history[attempts[1].params["channel"]]) == 1


def test_one_candidates_slack_error_does_not_stop_the_others(
    deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    broken = make_candidate(deps, "U0BROKEN01", loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY)
    fine = make_candidate(deps, CANDIDATE, loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY)
    fake_slack.unreachable_users.add("U0BROKEN01")
    clock.set(local(DEC(1), 9, 0))
    report = tick(deps)
    assert report.sent == 1 and report.failed == 1
    assert prompts_of(deps, fine)[0].status == "sent"
    assert prompts_of(deps, broken)[0].status == "pending"
    fake_slack.unreachable_users.clear()
    clock.set(local(DEC(1), 9, 1))
    assert tick(deps).sent == 1, "the failed one is retried at the next tick"
    assert len(fake_slack.posts()) == 2


def test_a_row_left_sending_by_a_dead_clock_is_not_sent_twice(
    deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    posted = make_candidate(deps, CANDIDATE, loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY)
    lost = make_candidate(deps, "U0LOSTONE1", loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY)
    clock.set(local(DEC(1), 9, 0))
    tick(deps)
    assert len(fake_slack.posts()) == 2
    # Rewind both rows to "sending", as a clock killed after posting (first) or before (second) leaves them.
    with deps.sessions.begin() as session:
        for cid in (posted, lost):
            session.execute(
                update(Prompt)
                .where(Prompt.candidate_id == cid, Prompt.slot == "daily")
                .values(status="sending", claimed_at=clock.now(), message_ts=None)
            )
        lost_row = session.query(Prompt).filter_by(candidate_id=lost, slot="daily").one()
        fake_slack.history[lost_row.channel_id].clear()  # Slack never got the second one
    clock.set(local(DEC(1), 9, 2))
    tick(deps)
    assert len(fake_slack.posts()) == 2, "inside the lease nothing is touched"
    clock.set(local(DEC(1), 9, 6))
    tick(deps)
    assert len(fake_slack.posts()) == 3, "only the one Slack never got is sent again"
    assert [p.status for p in prompts_of(deps, posted)] == ["sent"]
    assert prompts_of(deps, posted)[0].message_ts is not None
    assert [p.status for p in prompts_of(deps, lost)] == ["sent"]


def test_extra_question_now_does_not_move_the_rotation(app) -> None:
    make_candidate(app.deps, CANDIDATE, loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY)
    assert "one more question" in app.prep("question")
    extra = app.fake.posts()[-1].params["text"]
    assert extra.startswith("Extra: ") or "Natesh" in extra
    app.clock.set(local(DEC(1), 9, 0))
    tick(app.deps)
    daily = app.fake.posts()[-1].params["text"]
    assert "For Natesh (interview 1" in daily, "the extra did not use up Natesh's turn"
    assert app.prep("question")
    app.clock.set(local(DEC(2), 9, 0))
    tick(app.deps)
    assert "For John Lyon Smith (interview 2" in app.fake.posts()[-1].params["text"]
    texts = [call.params["text"] for call in app.fake.posts()]
    questions = [t.split("Q: ")[1].split("\n")[0] for t in texts]
    assert len(set(questions)) == len(questions), "never the same question twice while others are unasked"


def test_own_questions_come_before_the_bank(app) -> None:
    make_candidate(app.deps, CANDIDATE, loop_date=LOOP, interviews_spec=[("Natesh", "backbone")])
    reply = app.prep("question add disagree & commit: Tell me about the agency strategy the CEO rejected.")
    assert reply.startswith("Added to your Have Backbone; Disagree and Commit questions")
    assert "nothing changed" in app.prep(
        "question add backbone: tell me about the agency strategy the CEO rejected"
    )
    app.clock.set(local(DEC(1), 9, 0))
    tick(app.deps)
    assert "Q: Tell me about the agency strategy the CEO rejected." in app.fake.posts()[-1].params["text"]


def test_stories_tagged_with_the_principle_are_suggested(
    deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    from bot.models import Story

    cid = make_candidate(deps, CANDIDATE, loop_date=LOOP, interviews_spec=[("Natesh", "backbone")])
    with deps.sessions.begin() as session:
        for n, principles in enumerate(
            [
                ["Have Backbone; Disagree and Commit"],
                ["Ownership"],
                ["Have Backbone; Disagree and Commit", "Earn Trust"],
            ]
            * 2
        ):
            session.add(
                Story(
                    candidate_id=cid,
                    title=f"Story {n}",
                    principles=principles,
                    created_at=clock.now(),
                    updated_at=clock.now() + timedelta(minutes=n),
                )
            )
    clock.set(local(DEC(1), 9, 0))
    tick(deps)
    text = post_texts(fake_slack)[0]
    assert "Stories you could tell: Story 5; Story 3; Story 2" in text
    assert "Story 1" not in text and "Story 4" not in text


@pytest.mark.parametrize("prompt_time", [time(6, 30), time(21, 45)])
def test_custom_prompt_time(deps: Deps, fake_slack: FakeSlack, clock: FixedClock, prompt_time: time) -> None:
    make_candidate(deps, CANDIDATE, loop_date=LOOP, interviews_spec=TWO_ON_LOOP_DAY, prompt_time=prompt_time)
    clock.set(local(DEC(2), prompt_time.hour, prompt_time.minute) - timedelta(minutes=1))
    tick(deps)
    before = len(fake_slack.posts())
    clock.advance(timedelta(minutes=1))
    tick(deps)
    assert len(fake_slack.posts()) == before + 1
