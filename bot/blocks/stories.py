"""The story modal, reading it back, and the story bank list with Edit and Delete."""

from __future__ import annotations

import json
from typing import Any

from bot.blocks.forms import FormErrors, modal, principle_picker, read_principles, read_text, text_input
from bot.blocks.kit import Block, actions, button, clip, context, divider, header, message, section
from bot.blocks.words import names, plural
from bot.models import Story
from bot.services.stories import PlannedInterview, PlannedStory, StoryInput
from bot.story_gist import gist

STORY_FORM = "story_form"
EDIT_STORY = "edit_story"
DELETE_STORY = "delete_story"
LIMITS = {
    "title": 150,
    "situation": 3000,
    "task": 3000,
    "action": 3000,
    "result": 3000,
    "metrics": 1000,
    "notes": 3000,
}
SHOWN_STORIES = 15  # two blocks each, inside Slack's 50-block message limit


def story_form(
    *, title: str = "", story: Story | None = None, draft: StoryInput | None = None, answer_id: int | None = None
) -> dict[str, Any]:
    """The story modal: empty, filled with a saved `story` to edit, or pre-filled with a `draft`
    (a story taken from an answer, whose id travels in the metadata so the answer links to it)."""
    filled: Story | StoryInput | None = story or draft

    def initial(field: str) -> str:
        return str(getattr(filled, field) or "")[: LIMITS[field]] if filled else ""

    blocks = [
        text_input(
            "title",
            "Title",
            max_length=LIMITS["title"],
            initial=initial("title") or title,
            placeholder="Cut checkout latency before Black Friday",
        ),
        principle_picker(
            "principles", "Leadership Principles it shows", initial=list(filled.principles) if filled else None
        ),
        text_input(
            "situation",
            "Situation",
            multiline=True,
            optional=True,
            max_length=LIMITS["situation"],
            initial=initial("situation"),
            placeholder="Where, when, what was at stake",
        ),
        text_input(
            "task",
            "Task",
            multiline=True,
            optional=True,
            max_length=LIMITS["task"],
            initial=initial("task"),
            placeholder="What you had to achieve, and why it was yours",
        ),
        text_input(
            "action",
            "Action",
            multiline=True,
            optional=True,
            max_length=LIMITS["action"],
            initial=initial("action"),
            placeholder="What you did, step by step: say “I”",
        ),
        text_input(
            "result",
            "Result",
            multiline=True,
            optional=True,
            max_length=LIMITS["result"],
            initial=initial("result"),
            placeholder="What changed, by how much; what you learned",
        ),
        text_input(
            "metrics",
            "Metrics (optional)",
            optional=True,
            max_length=LIMITS["metrics"],
            initial=initial("metrics"),
            placeholder="-35% latency, 9 of 10 customers",
        ),
        text_input(
            "notes",
            "Notes (optional)",
            multiline=True,
            optional=True,
            max_length=LIMITS["notes"],
            initial=initial("notes"),
        ),
    ]
    known = {"story_id": story.id if story else None, "answer_id": answer_id}
    metadata = json.dumps({key: value for key, value in known.items() if value is not None}) if any(
        known.values()
    ) else ""
    return modal(
        STORY_FORM, "Edit story" if story else "Add a story", "Save", blocks, private_metadata=metadata
    )


def _id_in(private_metadata: str, key: str) -> int | None:
    try:
        value = json.loads(private_metadata or "{}").get(key)
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def story_id_of(private_metadata: str) -> int | None:
    return _id_in(private_metadata, "story_id")


def answer_id_of(private_metadata: str) -> int | None:
    """The answer a story is being saved from ("Save as story"), if it is."""
    return _id_in(private_metadata, "answer_id")


def read_story_form(values: dict[str, Any]) -> StoryInput:
    errors: dict[str, str] = {}
    texts = {name: read_text(values, name) for name in LIMITS}
    if not texts["title"]:
        errors["title"] = "Give the story a title you'll recognise."
    for name, limit in LIMITS.items():
        if len(texts[name]) > limit:
            errors[name] = f"Keep this under {limit} characters (it has {len(texts[name])})."
    principles = read_principles(values, "principles")
    if not principles:
        errors["principles"] = "Pick at least one principle this story shows."
    if errors:
        raise FormErrors(errors)
    return StoryInput(
        title=texts["title"],
        principles=tuple(principles),
        situation=texts["situation"],
        task=texts["task"],
        action=texts["action"],
        result=texts["result"],
        metrics=texts["metrics"],
        notes=texts["notes"],
    )


def story_line(story: Story) -> str:
    star = " · ".join(
        f"{part[0].upper()}: {clip(getattr(story, part), 80)}"
        for part in ("situation", "task", "action", "result")
        if getattr(story, part)
    )
    said = gist(story)
    numbers = f"\n📊 {clip(story.metrics, 200)}" if story.metrics and story.metrics not in said else ""
    line = f"*{story.title}* — {names(story.principles)}" + (f"\n_{said}_" if said else "")
    return line + (f"\n{star}" if star else "") + numbers


def stories_message(
    stories: list[Story], principle: str | None, plan: list[PlannedInterview] | None = None
) -> dict[str, Any]:
    title = f"Stories for {principle}" if principle else "Your story bank"
    if not stories:
        empty = f"No stories tagged {principle} yet." if principle else "Your story bank is empty."
        text = f"{empty} Add one with `/prep story add TITLE`, or send me your prep note as a Markdown file."
        return {"text": text}
    blocks: list[Block] = [header(f"{title} ({len(stories)})")]
    lines = [f"{title}: {plural(len(stories), 'story', 'stories')}"]
    for story in stories[:SHOWN_STORIES]:
        blocks.append(section(story_line(story)))
        blocks.append(
            actions(
                button("Edit", EDIT_STORY, value=str(story.id)),
                {
                    **button("Delete", DELETE_STORY, value=str(story.id), style="danger"),
                    "confirm": {
                        "title": {"type": "plain_text", "text": "Delete this story?"},
                        "text": {
                            "type": "mrkdwn",
                            "text": f"“{clip(story.title, 200)}” will be gone for good.",
                        },
                        "confirm": {"type": "plain_text", "text": "Delete"},
                        "deny": {"type": "plain_text", "text": "Keep it"},
                        "style": "danger",
                    },
                },
                block_id=f"story-{story.id}",
            )
        )
        lines.append(f"• {story.title} ({names(story.principles)})")
    if len(stories) > SHOWN_STORIES:
        more = f"…and {len(stories) - SHOWN_STORIES} more: `/prep stories PRINCIPLE` narrows the list."
        blocks.append(context(more))
        lines.append(more)
    if plan:
        plan_lines = plan_text(plan)
        blocks += [divider(), section("*Plan for your loop*\n" + "\n".join(plan_lines))]
        lines += ["Plan for your loop:", *plan_lines]
    return message("\n".join(lines), blocks)


def planned_line(planned: PlannedStory, *, with_gist: bool = False) -> str:
    """A principle and its planned story; `with_gist` adds what the story says and its numbers."""
    if planned.story is None:
        return f"{planned.principle}: no story yet"
    also = f" (also planned for {planned.also_for})" if planned.also_for else ""
    line = f"{planned.principle}: “{planned.story}”{also}"
    if with_gist and planned.gist:
        line += f" — {planned.gist}"
    if with_gist and planned.metrics and planned.metrics not in planned.gist:
        line += f" · 📊 {planned.metrics}"
    return line


def plan_text(plan: list[PlannedInterview]) -> list[str]:
    return [f"{i.interviewer} — " + "; ".join(planned_line(p) for p in i.stories) for i in plan]
