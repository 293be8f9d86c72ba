"""The loop-day kit, the reminder before each interview, the one-tap debrief after it and the wrap-up,
through the real clock tick at chosen instants and the real HTTP endpoint."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from bot.models import Candidate, CandidateNote, Debrief, Interview, NoteKind
from bot.services.notes import save_note
from schedules.jobs import tick
from tests.conftest import CANDIDATE, Harness
from tests.support.factories import candidate_row, local, prompts_of
from tests.support.payloads import block_action, view_submission
from tests.support.sample_answers import WE_ONLY
from tests.test_answers_flow import Thread, message, twice

REVIEWER = "U0REVIEW01"
LOOP = date(2026, 12, 16)
WHY = "Amazon's scale: what I build would reach millions of customers."
ASK = "- What does a great first 90 days look like?\n- How does the team decide what to build?"
ASKED = "Tell me about a time you disagreed with your manager.\nHow do you hire?"


def dec(day: int, hour: int, minute: int = 0) -> datetime:
    return local(date(2026, 12, day), hour, minute)


def at(app: Harness, moment: datetime) -> int:
    app.clock.set(moment)
    return tick(app.deps).sent


def set_up(app: Harness) -> int:
    """Loop tomorrow: Natesh at 08:30 (before the 09:00 prompt time), Keesha at 11:00; a story, the
    note's sections, and yesterday's answer, weak on "I"."""
    app.fake.add_user(REVIEWER)
    app.clock.set(dec(15, 7, 0))
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: backbone, earn trust at 2026-12-16 08:30")
    app.prep("interview add Keesha: dive deep at 2026-12-16 11:00 focus system design")
    app.prep(f"reviewer add <@{REVIEWER}>")
    with app.deps.sessions.begin() as session:
        # what the importer stores from the note's own sections (bot/services/notes.py)
        candidate = session.scalars(select(Candidate)).one()
        now = app.clock.now()
        assert save_note(
            session, candidate, kind=NoteKind.QUESTIONS_TO_ASK, title="Questions to ask", text=ASK, now=now
        )
        assert save_note(
            session, candidate, kind=NoteKind.WHY_COMPANY, title="Why Amazon?", text=WHY, now=now
        )
        assert not save_note(
            session, candidate, kind=NoteKind.WHY_COMPANY, title="Why Amazon?", text=WHY, now=now
        )
        assert session.scalars(select(CandidateNote)).all()[0].kind == NoteKind.QUESTIONS_TO_ASK
        candidate_id = candidate.id
    story = {
        "title": {"value": {"type": "plain_text_input", "value": "Pushed back on the launch date"}},
        "principles": {
            "value": {
                "type": "multi_static_select",
                "selected_options": [{"value": "Have Backbone; Disagree and Commit"}],
            }
        },
        "action": {"value": {"type": "plain_text_input", "value": "I brought the defect data to my VP."}},
        "result": {"value": {"type": "plain_text_input", "value": "We moved the launch a week."}},
        "metrics": {"value": {"type": "plain_text_input", "value": "0 Sev-1s at launch"}},
    }
    app.driver.post_form(view_submission("story_form", story, user=CANDIDATE))
    assert at(app, dec(15, 9, 0)) == 2  # the eve's question and the one-day summary
    question = next(p for p in app.fake.posts() if "Q: " in p.params["text"])
    thread = Thread(question.params["channel"], posted_ts(app, question))
    twice(app, message(thread, CANDIDATE, WE_ONLY, "1790000100.000100"), "EvEve")
    return candidate_id


def interviews_of(app: Harness) -> list[Interview]:
    with app.deps.sessions.begin() as session:
        return list(session.scalars(select(Interview).order_by(Interview.position)))


def tap(app: Harness, where: tuple[str, str], action_id: str, user: str, value: str = "") -> None:
    """Press a button on the message at (channel, ts)."""
    channel, ts = where
    fields = block_action(
        {"action_id": action_id, "value": value or "x"},
        user=user,
        response_url=app.fake.response_url("tap"),
        channel=channel,
    )
    payload = json.loads(fields["payload"])
    payload["container"]["message_ts"] = ts
    payload["message"] = {"ts": ts, "type": "message"}
    app.driver.post_form({"payload": json.dumps(payload)})


def posted_ts(app: Harness, post: Any) -> str:
    channel = post.params["channel"]
    return next(m["ts"] for m in app.fake.history[channel] if m.get("text") == post.params["text"])


def test_kit_reminders_debriefs_and_wrap_up_each_exactly_once(app: Harness) -> None:
    candidate_id = set_up(app)
    # the loop morning comes an hour before the first interview, not at 09:00
    assert candidate_row(app.deps, candidate_id).next_prompt_at == dec(16, 7, 30)
    assert at(app, dec(16, 7, 29)) == 0
    assert at(app, dec(16, 7, 30)) == 1
    kit = app.fake.posts()[-1].params["text"]
    assert kit.startswith("Loop day cheat sheet")
    for fact in (
        "08:30 · Natesh",
        "Principles: Have Backbone; Disagree and Commit, Earn Trust",
        "Have Backbone; Disagree and Commit: “Pushed back on the launch date” — We moved the launch a week "
        "(0 Sev-1s at launch)",
        "Earn Trust: no story yet",
        "11:00 · Keesha · focus System Design",
        "⚠️ Watch: Dive Deep: readiness 0/100 (not practised)",
        "Why Amazon?",
        WHY,
        "Questions to ask",
        "How does the team decide what to build?",
    ):
        assert fact in kit, kit
    assert kit.index("Why Amazon?") < kit.index("Questions to ask"), "the note's sections, the known kinds first"
    # yesterday's answer, a checkout story told in "we" to a trust question: its principle is
    # flagged with what it lacked
    assert "(weak); last answer: off topic, “We”, not “I”" in kit

    slots = sorted(p.slot for p in prompts_of(app.deps, candidate_id) if p.due_at is not None)
    natesh, keesha = interviews_of(app)
    assert slots == sorted(
        [f"reminder-{natesh.id}", f"debrief-{natesh.id}", f"reminder-{keesha.id}", f"debrief-{keesha.id}"]
    )

    # the reminder: 30 minutes before, once, however often the clock ticks or restarts
    assert at(app, dec(16, 7, 59)) == 0
    assert at(app, dec(16, 8, 0)) == 1
    reminder = app.fake.posts()[-1].params["text"]
    assert reminder.startswith("⏰ In 30 minutes: Natesh at 08:30")
    assert "“Pushed back on the launch date”" in reminder and "Keesha" not in reminder
    assert at(app, dec(16, 8, 0)) == 0 and at(app, dec(16, 8, 1)) == 0

    # the debrief at Natesh's end (09:30: an hour after the start; Keesha starts later)
    assert at(app, dec(16, 9, 29)) == 0
    assert at(app, dec(16, 9, 30)) == 1
    debrief = app.fake.posts()[-1]
    assert debrief.params["text"].startswith("Debrief: Natesh")
    where = (debrief.params["channel"], posted_ts(app, debrief))

    tap(app, where, "debrief_how_2", REVIEWER)
    assert app.fake.calls_to("chat.update") == []
    assert "Only the person whose interview it was" in app.fake.last_response_text()
    tap(app, where, "debrief_how_4", CANDIDATE)
    tap(app, where, "debrief_how_4", CANDIDATE)
    [first, again] = app.fake.calls_to("chat.update")  # a second tap changes nothing but the message
    assert again.params["text"] == first.params["text"]
    assert "How it went: 🙂 4/5" in first.params["text"] and first.params["ts"] == where[1]

    tap(app, where, "debrief_questions", CANDIDATE)
    view = app.fake.calls_to("views.open")[-1].json_param("view")
    assert view["callback_id"] == "debrief_form"
    values = {"questions": {"value": {"type": "plain_text_input", "value": ASKED}}}
    result = app.driver.post_form(
        view_submission("debrief_form", values, user=CANDIDATE, private_metadata=view["private_metadata"])
    )
    assert result.status == 200
    assert (
        "Questions you noted: Tell me about a time you disagreed"
        in app.fake.calls_to("chat.update")[-1].params["text"]
    )
    with app.deps.sessions.begin() as session:
        [kept] = session.scalars(select(Debrief)).all()
        assert (kept.interviewer, kept.how_it_went, kept.questions) == ("Natesh", 4, ASKED)

    assert at(app, dec(16, 10, 30)) == 1  # Keesha's reminder
    assert at(app, dec(16, 12, 0)) == 1  # Keesha's debrief, left unanswered
    assert at(app, dec(16, 18, 0)) == 0

    assert at(app, dec(17, 9, 0)) == 1
    wrap = app.fake.posts()[-1].params["text"]
    assert wrap.startswith("Your loop is done.")
    assert "How your readiness moved over the prep:" in wrap
    assert "Dive Deep: not practised" in wrap
    assert re.search(r"Earn Trust: \d+ → \d+/100 \([+-]\d+\)", wrap), wrap
    assert "The questions you were asked:" in wrap
    assert "Natesh (🙂 4/5): Tell me about a time you disagreed with your manager. How do you hire?" in wrap
    assert "Keesha" not in wrap.split("The questions you were asked:")[1]
    assert candidate_row(app.deps, candidate_id).next_prompt_at is None
    kinds = [p.kind for p in prompts_of(app.deps, candidate_id)]
    assert kinds.count("reminder") == 2 and kinds.count("debrief") == 2 and kinds.count("wrap-up") == 1
    # every row of the loop day went out (the day before's evening nudge had no tick in its evening)
    assert [(p.kind, p.status) for p in prompts_of(app.deps, candidate_id) if p.status != "sent"] == []


def test_a_reminder_for_an_interview_already_under_way_is_not_sent(app: Harness) -> None:
    candidate_id = set_up(app)
    # the clock was down all morning and comes back at 08:45, after Natesh started
    assert at(app, dec(16, 8, 45)) == 1  # the kit only; Natesh's debrief waits for 09:30
    _natesh, keesha = interviews_of(app)
    reminders = [p.slot for p in prompts_of(app.deps, candidate_id) if p.slot.startswith("reminder")]
    assert reminders == [f"reminder-{keesha.id}"]
    assert at(app, dec(16, 9, 30)) == 1
