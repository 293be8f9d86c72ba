"""What a Slack request body may look like, checked before Bolt parses it. Pure: text in, verdict out.

Bolt meets a body it cannot read by raising, which the web server turns into a 500 and a traceback
in the log; so do Bolt's routing and our listeners when a field has a type Slack never sends (an
`event` that is a list, a `user` that is a number). `read_body` parses the body the way Bolt will
(slack_bolt.request.internals.parse_body) and refuses what Slack would not send: text that is not
JSON or a form, JSON that is not an object, nesting far deeper than any Slack payload (a modal's
state is about ten levels), and, where Bolt and the listeners look, fields of the wrong type or
missing from the payload types that always carry them.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

MAX_DEPTH = 64
MAX_FORM_FIELDS = 1000


class MalformedBody(ValueError):
    """A body Slack would not send; the message says why, without quoting it."""


def read_body(text: str, content_type: str | None) -> dict[str, Any]:
    if not text:
        return {}
    if content_type == "application/json" or text.startswith("{"):
        return _object(text, "the JSON body")
    try:
        fields = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS)
    except ValueError:
        raise MalformedBody(f"a form with more than {MAX_FORM_FIELDS} fields") from None
    form = dict(fields)
    if "payload" in text:  # Bolt's own test: interactions come as a form with one JSON `payload`
        return _object(form["payload"], "the payload field") if "payload" in form else {}
    check_shape(form)
    return form


def _object(text: str, what: str) -> dict[str, Any]:
    try:
        parsed = json.loads(text)
    except RecursionError:
        raise MalformedBody(f"{what} is nested too deeply") from None
    except ValueError:
        raise MalformedBody(f"{what} is not JSON") from None
    if not isinstance(parsed, dict):
        raise MalformedBody(f"{what} is not a JSON object")
    if depth_exceeds(parsed, MAX_DEPTH):
        raise MalformedBody(f"{what} is nested more than {MAX_DEPTH} levels deep")
    check_shape(parsed)
    return parsed


def depth_exceeds(value: Any, limit: int) -> bool:
    """True when containers nest more than `limit` deep; iterative, so depth itself cannot hurt it."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values() if isinstance(child, dict | list))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item if isinstance(child, dict | list))
    return False


# The types Slack sends for these names, wherever Bolt or a listener reads them (see PLACES).
NONE = type(None)
TEXT = (str,)
FIELD_TYPES: dict[str, tuple[type, ...]] = {
    **dict.fromkeys(
        ("type", "subtype", "id", "user_id", "channel_id", "file_id", "event_id", "api_app_id", "ts",
         "thread_ts", "event_ts", "deleted_ts", "message_ts", "action_ts", "command", "response_url",
         "trigger_id", "callback_id", "private_metadata", "action_id", "block_id", "reaction",
         "channel_type", "tab", "user_team", "source_team", "context_team_id", "function_execution_id",
         "bot_access_token", "challenge", "hash", "external_id"),
        TEXT,
    ),
    **dict.fromkeys(("team_id", "enterprise_id", "bot_id", "tz", "value", "context_enterprise_id"), (str, NONE)),
    **dict.fromkeys(("user", "channel"), (str, dict)),
    **dict.fromkeys(("team", "enterprise"), (str, dict, NONE)),
    **dict.fromkeys(
        ("event", "item", "message", "previous_message", "view", "state", "container", "function_data",
         "assistant_thread"),
        (dict,),
    ),
    **dict.fromkeys(("actions", "authorizations", "response_urls"), (list,)),
    "text": (str, dict),
    "is_enterprise_install": (bool, str),
    "is_ext_shared_channel": (bool, str),
}  # fmt: skip
# Where the table applies: the body, and the objects under it that Bolt and the listeners open.
PLACES = (
    (), ("event",), ("event", "item"), ("event", "message"), ("event", "previous_message"), ("event", "user"),
    ("user",), ("team",), ("channel",), ("container",), ("view",), ("message",), ("function_data",),
)  # fmt: skip
LISTS_OF_OBJECTS = ("actions", "authorizations", "response_urls")
# What every payload of these types carries (Slack's reference), and the listeners rely on.
REQUIRED = {
    "event_callback": ("event",),
    "block_actions": ("user", "actions"),
    "view_submission": ("user", "view"),
    "view_closed": ("user", "view"),
    "url_verification": ("challenge",),
}
REQUIRED_IN_EVENT = {
    "message": ("channel",),
    "reaction_added": ("user", "reaction", "item"),
    "reaction_removed": ("user", "reaction", "item"),
    "app_home_opened": ("user",),
    "user_change": ("user",),
    "file_shared": ("file_id", "user_id"),
}
REQUIRED_IN_PLACE = {
    ("event",): ("type",),
    ("user",): ("id",),
    ("view",): ("type",),
    ("event", "item"): ("type",),
}


def check_shape(body: dict[str, Any]) -> None:
    for place in PLACES:
        found = _at(body, place)
        if isinstance(found, dict):
            _check_fields(found, ".".join(place) or "the payload")
            _require(found, REQUIRED_IN_PLACE.get(place, ()), ".".join(place))
    for name in LISTS_OF_OBJECTS:
        for item in body.get(name) or ():
            if not isinstance(item, dict):
                raise MalformedBody(f"{name} holds something other than objects")
            _check_fields(item, f"an item of {name}")
    _require(body, REQUIRED.get(str(body.get("type")), ()), "the payload")
    if body.get("type") == "block_actions" and not body["actions"]:
        # A click is one action; Bolt reads the first without looking (an IndexError, a 500).
        raise MalformedBody("block_actions carries no action")
    if "command" in body:
        _require(body, ("team_id", "user_id", "trigger_id", "response_url"), "the command")
    url = body.get("response_url")
    if url and not url.startswith(("https://", "http://")):
        raise MalformedBody("response_url is not a URL")
    event = body.get("event")
    if isinstance(event, dict):
        _check_event(event)


def _check_fields(found: dict[str, Any], where: str) -> None:
    for name, value in found.items():
        expected = FIELD_TYPES.get(name)
        if expected and not isinstance(value, expected):
            raise MalformedBody(f"{name} in {where} is a {type(value).__name__}")


def _check_event(event: dict[str, Any]) -> None:
    kind = event.get("type")
    _require(event, REQUIRED_IN_EVENT.get(str(kind), ()), "the event")
    if kind == "user_change":
        if not isinstance(event["user"], dict):
            raise MalformedBody("user_change carries no profile")
        return
    item: dict[str, Any] = event["item"] if isinstance(event.get("item"), dict) else {}
    for found, name in ((event, "user"), (event, "channel"), (item, "channel")):
        if name in found and not isinstance(found[name], str):
            raise MalformedBody(f"a {kind} event's {name} is a {type(found[name]).__name__}")


def _at(body: dict[str, Any], place: tuple[str, ...]) -> Any:
    found: Any = body
    for name in place:
        found = found.get(name) if isinstance(found, dict) else None
    return found


def _require(found: dict[str, Any], names: tuple[str, ...], what: str) -> None:
    missing = [name for name in names if name not in found]
    if missing:
        raise MalformedBody(f"{what} has no {', '.join(missing)}")
