"""Coaching end to end, through signed HTTP and the real clock tick: a weak answer, its redo, the
change in `status` and App Home, the role setting, and milestones that agree with the questions."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from bot.models import Answer, Prompt
from bot.questions.bank import BY_KEY
from bot.questions.roles import Track
from schedules.jobs import tick
from tests.conftest import CANDIDATE, Harness
from tests.support.factories import local, make_candidate, prompts_of
from tests.test_answers_flow import Thread, message, reaction, twice

REVIEWER = "U0REVIEW01"
WEAK = "We kind of fixed it together, it went fine."
STRONG = (
    "At 8base our App Builder launch was slipping by three weeks and two enterprise customers were "
    "waiting on it. I was the engineering manager responsible for the release, and my goal was to ship "
    "the beta by the end of the quarter without cutting the accessibility work. First I mapped every "
    "open ticket with the leads and found that 40% of the remaining work was blocked on one flaky "
    "integration test suite. I proposed freezing new scope for two sprints, I moved two engineers onto "
    "the test harness, and I ran a daily fifteen-minute review of the burn-down with product. I also "
    "called both customers myself to agree which features they needed first. As a result we shipped "
    "the beta nine days before the deadline, the flaky failures fell from 30 a week to 2, and both "
    "customers signed renewals worth 180 thousand dollars. I learned to look for the single blocker "
    "behind a late project before adding people to it."
)


def sent_thread(app: Harness, day: int) -> Thread:
    app.clock.set(local(date(2026, 12, day), 9, 0))
    assert tick(app.deps).sent >= 1
    post = next(p for p in reversed(app.fake.posts()) if "Q: " in p.params["text"])
    channel = post.params["channel"]
    ts = next(m["ts"] for m in app.fake.history[channel] if m.get("text") == post.params["text"])
    return Thread(channel, ts)


def questions_asked(app: Harness) -> list[Prompt]:
    with app.deps.sessions.begin() as session:
        return list(session.scalars(select(Prompt).where(Prompt.kind == "question").order_by(Prompt.id)))


def answers(app: Harness) -> list[Answer]:
    with app.deps.sessions.begin() as session:
        return list(session.scalars(select(Answer).order_by(Answer.id)))


def test_a_weak_answer_is_redone_and_status_and_home_show_the_change(app: Harness) -> None:
    app.fake.add_user(REVIEWER)
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: backbone, earn trust, hire & develop")
    app.prep(f"reviewer add <@{REVIEWER}>")

    first = sent_thread(app, 1)
    twice(app, message(first, CANDIDATE, WEAK, "1790000100.000100"), "EvWeak1")
    [weak] = answers(app)
    assert weak.check_score is not None and weak.check_score <= 2
    assert {"too_short", "no_action"} <= set(weak.check_findings or [])
    twice(app, reaction("reaction_added", first, REVIEWER, "two", "1790000100.000100"), "EvTwo1")
    status = app.prep("status")
    assert "Weak: Have Backbone; Disagree and Commit" in status
    assert "Have Backbone; Disagree and Commit — 1 answer · 2.0/5 · 0 stories · readiness" in status

    redo = sent_thread(app, 2)
    text = app.fake.posts()[-1].params["text"]
    assert text.startswith("Have Backbone; Disagree and Commit — For Natesh")
    assert "Second try at this question. Last time: rated 2.0/5 · answer check" in text
    blocks = json.dumps(app.fake.posts()[-1].json_param("blocks"), ensure_ascii=False)
    assert "Second try: Have Backbone; Disagree and Commit" in blocks
    original, again = questions_asked(app)
    assert again.redo_of == original.id and again.question_text == original.question_text

    twice(app, message(redo, CANDIDATE, STRONG, "1790000200.000100"), "EvStrong1")
    twice(app, reaction("reaction_added", redo, REVIEWER, "five", "1790000200.000100"), "EvFive1")
    twice(app, message(redo, REVIEWER, "Much sharper: the numbers land.", "1790000201.000100"), "EvNote1")
    strong = answers(app)[-1]
    assert strong.check_score is not None and strong.check_score >= 4

    status = app.prep("status")
    assert (
        f"🔁 Have Backbone; Disagree and Commit — rated 2.0/5 → 5.0/5 · check {weak.check_score}/5 → {strong.check_score}/5"
        in status
    )
    assert f"💬 <@{REVIEWER}>: Much sharper: the numbers land." in status
    assert "Weak:" not in status

    home = {"type": "app_home_opened", "user": CANDIDATE, "channel": "D0HOME0001", "tab": "home"}
    assert app.event(home, event_id="EvHome1").status == 200
    view = json.dumps(app.fake.calls_to("views.publish")[-1].json_param("view"), ensure_ascii=False)
    assert "rated 2.0/5 → 5.0/5" in view and "Second tries" in view
    assert "Much sharper: the numbers land." in view and "readiness" in view


def test_an_edit_rechecks_the_answer(app: Harness) -> None:
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: backbone")
    thread = sent_thread(app, 1)
    twice(app, message(thread, CANDIDATE, WEAK, "1790000100.000100"), "EvWeak1")
    assert answers(app)[0].check_score == 1
    edited = {
        "type": "message",
        "subtype": "message_changed",
        "channel": thread.channel,
        "channel_type": "im",
        "message": {"type": "message", "user": CANDIDATE, "text": STRONG, "ts": "1790000100.000100"},
        "ts": "1790000150.000100",
        "event_ts": "1790000150.000100",
    }
    twice(app, edited, "EvEdit1")
    assert answers(app)[0].check_score >= 4  # type: ignore[operator]


def test_the_role_picks_manager_questions_and_is_shown(app: Harness) -> None:
    assert "No role set" in app.prep("role")
    assert (
        app.prep("role SDM L6")
        == "Role set: “SDM L6” — people-manager questions come first where the bank has them."
    )
    assert app.prep("role").startswith("Your role: “SDM L6”")
    assert "doesn't read as a role" in app.prep("role 42")
    assert app.prep("role").startswith("Your role: “SDM L6”"), "a refused role changes nothing"
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: hire & develop, earn trust")
    assert "Role: SDM L6" in app.prep("status")
    for day in (1, 2):
        sent_thread(app, day)
    keys = [p.question_key or "" for p in questions_asked(app)]
    assert all(BY_KEY[key].track == Track.MANAGER for key in keys), keys
    assert app.prep("role SDE II").startswith("Role set: “SDE II” — individual-contributor")
    sent_thread(app, 3)
    assert BY_KEY[questions_asked(app)[-1].question_key or ""].track == Track.IC


def test_two_candidates_do_not_get_the_same_questions(app: Harness) -> None:
    spec = [("Natesh", "ownership, dive deep"), ("Ayan", "think big, frugality")]
    first = make_candidate(app.deps, CANDIDATE, loop_date=date(2026, 12, 16), interviews_spec=spec)
    second = make_candidate(app.deps, "U0SECOND01", loop_date=date(2026, 12, 16), interviews_spec=spec)
    for day in range(1, 5):
        app.clock.set(local(date(2026, 12, day), 9, 0))
        tick(app.deps)
    sequences = [[p.question_key for p in prompts_of(app.deps, cid)] for cid in (first, second)]
    assert [p.principle for p in prompts_of(app.deps, first)] == [
        p.principle for p in prompts_of(app.deps, second)
    ]
    assert sequences[0] != sequences[1]


def test_the_week_out_summary_practise_next_is_what_is_then_asked(app: Harness) -> None:
    spec = [("Natesh", "backbone, earn trust"), ("John", "ownership, deliver results")]
    cid = make_candidate(app.deps, CANDIDATE, loop_date=date(2026, 12, 8), interviews_spec=spec)
    for day in range(1, 4):
        app.clock.set(local(date(2026, 12, day), 9, 0))
        tick(app.deps)
    ready = next(p for p in app.fake.posts() if p.params["text"].startswith("One week to go"))
    line = next(line for line in ready.params["text"].splitlines() if line.startswith("Practise next:"))
    asked = [p.principle for p in prompts_of(app.deps, cid) if p.kind == "question"]
    assert line == f"Practise next: {asked[0]} (today's question), then {asked[1]}, {asked[2]}"
