"""The story modal's submission, the Edit / Delete buttons of the story bank, and "Save as story"
under a good answer (the modal opens pre-filled from the answer; only its candidate can use it)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot.blocks.coaching import SAVE_AS_STORY
from bot.blocks.dashboard import OPEN_STORY_FORM
from bot.blocks.kit import escape
from bot.blocks.stories import (
    DELETE_STORY,
    EDIT_STORY,
    STORY_FORM,
    answer_id_of,
    read_story_form,
    stories_message,
    story_form,
    story_id_of,
)
from bot.blocks.words import names, plural
from bot.deps import Deps
from bot.models import Candidate
from bot.parsing import InputError
from bot.services.candidates import Who, candidate_for, find_candidate
from bot.services.stories import (
    StoryInput,
    answer_to_save,
    delete_story,
    draft_from_answer,
    link_answer,
    owned_story,
    save_story,
    saved_from,
    stories_of,
)
from handlers.background import later, soon
from handlers.home import confirm_in_dm
from handlers.modals import save_submission
from handlers.people import deps_of, who_interacted
from handlers.reply import respond, respond_text


def register(app: App) -> None:
    app.view(STORY_FORM)(on_story_submitted)
    app.action(EDIT_STORY)(on_edit)
    app.action(DELETE_STORY)(on_delete)
    app.action(OPEN_STORY_FORM)(on_open_form)
    app.action(SAVE_AS_STORY)(on_save_as_story)


def on_story_submitted(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    metadata = body["view"].get("private_metadata", "")
    story_id, answer_id = story_id_of(metadata), answer_id_of(metadata)

    def save(session: Session, candidate: Candidate, values: StoryInput, now: datetime) -> tuple[str, int]:
        story = save_story(session, candidate, values, now=now, story_id=story_id)
        if answer_id is not None:
            link_answer(session, candidate, answer_id, story)
        return story.title, len(stories_of(session, candidate))

    submitted = save_submission(ack, body, context, read_story_form, save, error_block="title")
    if submitted:
        who, values, (title, count) = submitted
        text = (
            f"Saved “{escape(title)}” ({names(values.principles)}). "
            f"Your bank holds {plural(count, 'story', 'stories')}: `/prep stories` lists them."
        )
        later(context, body, confirm_story, who, text)


def on_open_form(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    ack()
    soon(context, body, lambda: client.views_open(trigger_id=body["trigger_id"], view=story_form()))


def on_save_as_story(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    """Acknowledge at once; the modal is opened from the job, with the button's trigger_id."""
    ack()
    who = who_interacted(body, context)
    later(
        context,
        body,
        open_story_from_answer,
        who.team_id,
        who.user_id,
        button_id(body) or 0,
        str(body.get("trigger_id", "")),
        str(body.get("response_url", "")),
    )


def open_story_from_answer(
    deps: Deps, team_id: str, user_id: str, answer_id: int, trigger_id: str, response_url: str
) -> None:
    """The story modal pre-filled from the answer, or the story already saved from it to edit."""
    try:
        with deps.sessions.begin() as session:
            answer = answer_to_save(session, find_candidate(session, Who(team_id, user_id)), answer_id)
            saved = saved_from(session, answer)
            view = (
                story_form(story=saved, answer_id=answer.id)
                if saved is not None
                else story_form(draft=draft_from_answer(session, answer), answer_id=answer.id)
            )
    except InputError as error:
        respond_text({"response_url": response_url}, str(error))
        return
    deps.slack.views_open(trigger_id=trigger_id, view=view)


def button_id(body: dict[str, Any]) -> int | None:
    """The id a button carries in its value: a story's, or an answer's for "Save as story"."""
    value = (body.get("actions") or [{}])[0].get("value", "")
    return int(value) if str(value).isdigit() else None


def on_edit(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    ack()
    soon(context, body, lambda: open_filled_form(body, context, client))


def open_filled_form(body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    deps = deps_of(context)
    who = who_interacted(body, context)
    found = button_id(body)
    try:
        with deps.sessions.begin() as session:
            story = owned_story(session, candidate_for(session, who, now=deps.clock.now()), found or 0)
            view = story_form(story=story)
    except InputError as error:
        respond_text(body, str(error))
        return
    client.views_open(trigger_id=body["trigger_id"], view=view)


def on_delete(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    ack()
    later(context, body, delete_and_relist, who_interacted(body, context), button_id(body) or 0, body)


def confirm_story(deps: Deps, who: Who, text: str) -> None:
    confirm_in_dm(deps, who, text)


def delete_and_relist(deps: Deps, who: Who, found: int, body: dict[str, Any]) -> None:
    try:
        remove_and_list(deps, who, found, body)
    except InputError as error:
        respond_text(body, str(error))


def remove_and_list(deps: Deps, who: Who, found: int, body: dict[str, Any]) -> None:
    """Delete the story, then replace the list the button sat in with the shorter one."""
    with deps.sessions.begin() as session:
        candidate = candidate_for(session, who, now=deps.clock.now())
        title = delete_story(session, candidate, found)
        listed = stories_message(stories_of(session, candidate), None)
    listed["text"] = f"Deleted “{title}”. " + listed["text"]
    respond(body, listed, replace=True)
