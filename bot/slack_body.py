"""What a Slack request body may look like, checked before Bolt parses it. Pure: text in, verdict out.

Bolt parses a body it cannot read by raising, which the web server turns into a 500 and a traceback
in the log. `read_body` parses it the way Bolt will (slack_bolt.request.internals.parse_body) and
refuses what Slack never sends: text that is not JSON or a form, a JSON body that is not an object,
and nesting far deeper than any Slack payload (a modal's state is about ten levels).
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
