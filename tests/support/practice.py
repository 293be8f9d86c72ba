"""A prep played through the real endpoint and the real tick: a question each morning, the
candidate's answer in its thread at noon, a reviewer's 1️⃣–5️⃣ in the afternoon."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from schedules.jobs import tick
from tests.conftest import CANDIDATE, Harness
from tests.support.factories import local

REVIEWER = "U0REVIEW01"
FIRST_DAY = date(2026, 12, 1)  # a Tuesday; the loop is on the 16th
STORY = (  # about 300 words, two minutes spoken: a full STAR answer with numbers and a lesson
    "At 8base in 2023 our checkout service timed out for 8% of customers during the holiday sale, and "
    "the launch of our new payments page was three weeks away. I owned the payments service, so my task "
    "was to find the cause and fix it before the launch without slipping the date. I started by pulling "
    "the traces for the slowest thousand requests, and I found that we fetched tax rates from a partner "
    "API on every request. I wrote a one-page proposal with two options, a cache or a nightly copy of "
    "the rates, and I compared them on cost, risk and effort. My manager preferred to wait for the "
    "partner's fix; I showed her the numbers, explained the risk to the launch, and we agreed on the "
    "cache with a five-minute expiry and a fallback to the live call. I built it in four days, tested "
    "it against last year's peak traffic in staging, and rolled it out behind a flag to 5% of traffic, "
    "then 50%, then everyone, watching errors and latency at each step. I also wrote a runbook and an "
    "alarm so the on-call engineer could switch the cache off in one command. As a result p99 latency "
    "fell from 2.4 seconds to 300 milliseconds, timeouts dropped from 8% to 0.1%, and abandoned carts "
    "fell by 12% that month, about $40,000 in recovered sales. We launched the payments page on the "
    "planned date. I learned to measure before I guess, and to bring data, not opinions, when I "
    "disagree; since then I start every performance problem with a trace, and I share the numbers "
    "early so the team can decide quickly."
)
# A good answer to whatever was asked: the story, introduced with the question's own words (so the
# answer check hears it on topic). `play` writes it for each question.
GOOD = "<a good answer to the question asked>"
WEAK = "We fixed it."
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


@dataclass(frozen=True)
class Answered:
    day: date
    channel: str
    prompt_ts: str
    answer_ts: str


def set_up(app: Harness, *, reviewer: bool = True) -> None:
    app.fake.add_user(REVIEWER, name="maria")
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: backbone, earn trust")
    app.prep("interview add John: ownership, deliver results")
    if reviewer:
        app.prep(f"reviewer add <@{REVIEWER}|maria>")


def latest_prompt(app: Harness) -> tuple[str, str]:
    """The conversation and ts of the newest top-level message the bot posted."""
    for call in reversed(app.fake.posts()):
        if not call.params.get("thread_ts"):
            channel = str(call.params["channel"])
            top = [m for m in app.fake.history[channel] if not m.get("thread_ts")]
            return channel, str(top[-1]["ts"])
    raise AssertionError("no question was posted")


def latest_question(app: Harness) -> str:
    from bot.models import Prompt

    with app.deps.sessions.begin() as session:
        found = (
            session.query(Prompt).filter(Prompt.question_text.is_not(None)).order_by(Prompt.id.desc()).first()
        )
        assert found is not None and found.question_text
        return found.question_text


def good_answer(question: str) -> str:
    return f"You asked: {question} {STORY}"


def answer(app: Harness, channel: str, thread_ts: str, ts: str, text: str) -> None:
    event = {
        "type": "message",
        "channel": channel,
        "channel_type": "mpim" if channel.startswith("G") else "im",
        "user": CANDIDATE,
        "text": text,
        "ts": ts,
        "thread_ts": thread_ts,
        "event_ts": ts,
    }
    assert app.event(event).status == 200


def rate(app: Harness, channel: str, ts: str, score: int, user: str = REVIEWER) -> None:
    event = {
        "type": "reaction_added",
        "user": user,
        "reaction": WORDS[score],
        "item_user": CANDIDATE,
        "item": {"type": "message", "channel": channel, "ts": ts},
        "event_ts": "1790000999.000100",
    }
    assert app.event(event).status == 200


def play(app: Harness, days: Sequence[tuple[str, int | None]], *, first: date = FIRST_DAY) -> list[Answered]:
    """One day per (answer text, rating or None): question at 09:00, answer at 12:00, rating at 15:00."""
    played = []
    for n, (text, score) in enumerate(days):
        day = first + timedelta(days=n)
        app.clock.set(local(day, 9, 0))
        report = tick(app.deps)
        assert report.sent >= 1, f"no question on {day}: {report}"
        channel, prompt_ts = latest_prompt(app)
        if text is GOOD:
            text = good_answer(latest_question(app))
        app.clock.set(local(day, 12, 0))
        answer_ts = f"{1_795_000_000 + n * 86_400}.000{n:03d}"
        answer(app, channel, prompt_ts, answer_ts, text)
        if score is not None:
            app.clock.set(local(day, 15, 0))
            rate(app, channel, answer_ts, score)
        played.append(Answered(day, channel, prompt_ts, answer_ts))
    return played
