"""The story modal's submission and the Edit / Delete buttons of the story bank."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot.blocks.dashboard import OPEN_STORY_FORM
from bot.blocks.kit import escape
from bot.blocks.stories import (
    DELETE_STORY,
    EDIT_STORY,
    STORY_FORM,
    read_story_form,
    stories_message,
    story_form,
    story_id_of,
)
from bot.blocks.words import names, plural
from bot.deps import Deps
from bot.models import Candidate
from bot.parsing import InputError
from bot.services.candidates import Who, candidate_for
from bot.services.stories import StoryInput, delete_story, owned_story, save_story, stories_of
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


def on_story_submitted(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    story_id = story_id_of(body["view"].get("private_metadata", ""))

    def save(session: Session, candidate: Candidate, values: StoryInput, now: datetime) -> tuple[str, int]:
        story = save_story(session, candidate, values, now=now, story_id=story_id)
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


def story_id(body: dict[str, Any]) -> int | None:
    value = (body.get("actions") or [{}])[0].get("value", "")
    return int(value) if str(value).isdigit() else None


def on_edit(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    ack()
    soon(context, body, lambda: open_filled_form(body, context, client))


def open_filled_form(body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    deps = deps_of(context)
    who = who_interacted(body, context)
    found = story_id(body)
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
    later(context, body, delete_and_relist, who_interacted(body, context), story_id(body) or 0, body)


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
