"""The `/prep` slash command: ack, parse, run the use case, reply through the response_url."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot import commands as c
from bot.blocks import replies, rhythm
from bot.blocks.dashboard import status_message
from bot.blocks.data_messages import delete_form
from bot.blocks.forms import interview_form
from bot.blocks.help import help_message
from bot.blocks.stories import stories_message, story_form
from bot.blocks.words import clock
from bot.deps import Deps
from bot.models import Candidate
from bot.parsing import InputError
from bot.questions.roles import role_reply
from bot.services import interviews, loop, questions, reviewers, stories
from bot.services.candidates import Who, candidate_for
from bot.services.status import dashboard
from handlers import asking, data, progress, reviewing
from handlers.asking import send_extra_question
from handlers.background import later, soon
from handlers.people import ensure_timezone
from handlers.reply import respond, respond_text


@dataclass(frozen=True)
class Invocation:
    deps: Deps
    who: Who
    body: dict[str, Any]
    bot_user_id: str | None


def register(app: App) -> None:
    app.command("/prep")(on_prep)


def on_prep(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    ack()
    try:
        command = c.parse_command(body.get("text") or "")
    except InputError as error:
        later(context, body, refuse, body, str(error))
        return
    if isinstance(command, c.OpenInterviewForm | c.OpenStoryForm | c.ConfirmDelete):
        # A modal must open within three seconds of the trigger: not worth queueing.
        view = form_for(command)
        soon(context, body, lambda: client.views_open(trigger_id=body["trigger_id"], view=view))
        return
    if isinstance(command, c.Export):  # not through run_prep: exporting must not create a candidate
        later(context, body, data.send_export, body["team_id"], body["user_id"], body)
        return
    if isinstance(command, c.LeaveReview):  # nor must a reviewer leaving
        leaving = list(command.candidate_ids)
        later(context, body, reviewing.leave_by_command, body["team_id"], body["user_id"], leaving, body)
        return
    later(context, body, run_prep, Who(body["team_id"], body["user_id"]), body, command, context.bot_user_id)


def form_for(command: c.OpenInterviewForm | c.OpenStoryForm | c.ConfirmDelete) -> dict[str, Any]:
    if isinstance(command, c.ConfirmDelete):
        return delete_form()
    return interview_form() if isinstance(command, c.OpenInterviewForm) else story_form(title=command.title)


def refuse(deps: Deps, body: dict[str, Any], refusal: str) -> None:
    respond_text(body, refusal)


def run_prep(deps: Deps, who: Who, body: dict[str, Any], command: c.Command, bot_user_id: str | None) -> None:
    """The work of a command, in a worker process (see handlers/background.py)."""
    invocation = Invocation(deps, who, body, bot_user_id)
    if isinstance(command, c.Help):
        respond(invocation.body, help_message())
        return
    ensure_timezone(invocation.deps, invocation.who)
    try:
        ROUTES[type(command)](invocation, command)
    except InputError as error:
        respond_text(invocation.body, str(error))


def in_transaction(invocation: Invocation, use_case: Callable[..., Any], *args: Any) -> Any:
    """Run a use case on the caller's candidate inside one transaction, at the clock's now."""
    deps = invocation.deps
    now = deps.clock.now()
    with deps.sessions.begin() as session:
        candidate = candidate_for(session, invocation.who, now=now)
        return use_case(session, candidate, *args, now=now)


def set_loop(i: Invocation, command: c.SetLoop) -> None:
    view = in_transaction(i, loop.set_loop, command.day)
    respond_text(i.body, replies.loop_reply(view, just_set=True))


def show_loop(i: Invocation, command: c.ShowLoop) -> None:
    view = in_transaction(i, lambda session, candidate, now: loop.loop_view(candidate, now=now))
    respond_text(i.body, replies.loop_reply(view))


def add_interview(i: Invocation, command: c.AddInterview) -> None:
    row = in_transaction(i, interviews.add_interview, command)
    respond_text(i.body, replies.interview_added(row))


def list_interviews(i: Invocation, command: c.ListInterviews) -> None:
    rows = in_transaction(i, lambda session, candidate, now: interviews.numbered(candidate))
    respond(i.body, replies.interviews_message(rows))


def remove_interview(i: Invocation, command: c.RemoveInterview) -> None:
    row = in_transaction(
        i,
        lambda session, candidate, now: interviews.remove_interview(
            session, candidate, command.position_text
        ),
    )
    respond_text(i.body, replies.interview_removed(row))


def add_reviewers(i: Invocation, command: c.AddReviewers) -> None:
    change = in_transaction(
        i,
        lambda session, candidate, now: reviewers.add_reviewers(
            session, candidate, command.user_ids, bot_user_id=i.bot_user_id, now=now
        ),
    )
    for reviewer in change.changed:
        channel = i.deps.slack.conversations_open(users=reviewer)["channel"]["id"]
        i.deps.slack.chat_postMessage(channel=channel, **replies.intro_for_reviewer(i.who.user_id))
    respond_text(i.body, replies.reviewers_added(change))


def remove_reviewers(i: Invocation, command: c.RemoveReviewers) -> None:
    change = in_transaction(
        i, lambda session, candidate, now: reviewers.remove_reviewers(session, candidate, command.user_ids)
    )
    respond_text(i.body, replies.reviewers_removed(change))


def list_reviewers(i: Invocation, command: c.ListReviewers) -> None:
    ids = in_transaction(i, lambda session, candidate, now: reviewers.reviewer_ids(candidate))
    respond_text(i.body, replies.reviewers_list(ids))


def set_time(i: Invocation, command: c.SetTime) -> None:
    view = in_transaction(i, loop.set_prompt_time, command.at)
    respond_text(i.body, replies.time_set(view, clock(command.at)))


def pause(i: Invocation, command: c.Pause) -> None:
    respond_text(i.body, rhythm.paused(in_transaction(i, loop.pause, command.until)))


def resume(i: Invocation, command: c.Resume) -> None:
    respond_text(i.body, replies.resumed(in_transaction(i, loop.resume)))


def skip(i: Invocation, command: c.Skip) -> None:
    respond_text(i.body, replies.skipped(in_transaction(i, loop.skip_today)))


def ask_question(i: Invocation, command: c.AskQuestion) -> None:
    outcome = send_extra_question(i.deps, i.who)
    respond_text(i.body, asking.SENT if outcome.status == "sent" else asking.DELAYED)


def add_question(i: Invocation, command: c.AddQuestion) -> None:
    added = in_transaction(
        i,
        lambda session, candidate, now: questions.add_question(
            session, candidate, command.principle, command.text, now=now
        ),
    )
    if added:
        respond_text(
            i.body,
            f"Added to your {command.principle} questions. Your own questions come up before the bank's.",
        )
    else:
        respond_text(i.body, f"You already have that {command.principle} question, so nothing changed.")


def list_stories(i: Invocation, command: c.ListStories) -> None:
    def listed(session: Session, candidate: Candidate, now: datetime) -> dict[str, Any]:
        stories_found = stories.stories_of(session, candidate, command.principle)
        plan = (
            stories.loop_plan(candidate, stories_found if command.principle is None else [])[0]
            if command.principle is None and candidate.interviews
            else None
        )
        return stories_message(stories_found, command.principle, plan)

    respond(i.body, in_transaction(i, listed))


def set_role(i: Invocation, command: c.SetRole) -> None:
    role = in_transaction(i, questions.set_role, command.role)
    respond_text(i.body, role_reply(role, just_set=True))


def show_role(i: Invocation, command: c.ShowRole) -> None:
    role = in_transaction(i, lambda session, candidate, now: candidate.role)
    respond_text(i.body, role_reply(role))


def status(i: Invocation, command: c.Status) -> None:
    respond(i.body, status_message(in_transaction(i, dashboard)))


def set_days(i: Invocation, command: c.SetDays) -> None:
    respond_text(i.body, rhythm.days_set(in_transaction(i, loop.set_days, command.days)))


def show_days(i: Invocation, command: c.ShowDays) -> None:
    view = in_transaction(i, lambda session, candidate, now: loop.loop_view(candidate, now=now))
    respond_text(i.body, rhythm.days_shown(view))


def set_digest(i: Invocation, command: c.SetDigest) -> None:
    view, at = in_transaction(
        i,
        lambda session, candidate, now: (
            loop.set_digest_day(session, candidate, command.day, now=now),
            clock(candidate.prompt_time),
        ),
    )
    respond_text(i.body, rhythm.digest_set(view, at))


def show_digest(i: Invocation, command: c.ShowDigest) -> None:
    view, at = in_transaction(
        i, lambda session, candidate, now: (loop.loop_view(candidate, now=now), clock(candidate.prompt_time))
    )
    respond_text(i.body, rhythm.digest_shown(view, at))


def show_progress(i: Invocation, command: c.ShowProgress) -> None:
    progress.send_progress_chart(i.deps, i.who, i.body)


def history(i: Invocation, command: c.History) -> None:
    progress.send_history(i.deps, i.who.team_id, i.who.user_id, command.topic, 0, i.body, False)


ROUTES: dict[type, Callable[[Invocation, Any], None]] = {
    c.SetLoop: set_loop,
    c.ShowLoop: show_loop,
    c.AddInterview: add_interview,
    c.ListInterviews: list_interviews,
    c.RemoveInterview: remove_interview,
    c.AddReviewers: add_reviewers,
    c.RemoveReviewers: remove_reviewers,
    c.ListReviewers: list_reviewers,
    c.SetTime: set_time,
    c.Pause: pause,
    c.Resume: resume,
    c.Skip: skip,
    c.Status: status,
    c.AskQuestion: ask_question,
    c.AddQuestion: add_question,
    c.ListStories: list_stories,
    c.SetRole: set_role,
    c.ShowRole: show_role,
    c.SetDays: set_days,
    c.ShowDays: show_days,
    c.SetDigest: set_digest,
    c.ShowDigest: show_digest,
    c.ShowProgress: show_progress,
    c.History: history,
}
