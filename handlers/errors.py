"""How a failure is reported: logged with its traceback, and apologised for to the person.

`@app.error` reports what Bolt catches. What a listener does after `ack()` (opening a modal)
reports through `after_ack` instead of raising into Bolt, because Bolt then replaces the
acknowledgement it already has with a 500 (in its default mode, after clearing it, waiting out
the 3-second ack timeout and answering 404): the person would see the command fail although it
was acknowledged and apologised for. Jobs report through `handlers/background.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from handlers.reply import apologise

logger = logging.getLogger("loop_coach")


def request_kind(body: dict[str, Any]) -> str:
    if "command" in body:
        return f"command {body['command']}"
    if isinstance(body.get("event"), dict):
        return f"event {body['event'].get('type')}"
    return str(body.get("type", "unknown"))


def report(error: BaseException, body: dict[str, Any]) -> None:
    logger.error("listener failed on a %s request", request_kind(body), exc_info=error)
    apologise(body)


@contextmanager
def after_ack(body: dict[str, Any]) -> Iterator[None]:
    try:
        yield
    except Exception as error:  # reported here, once; see the module docstring for why not re-raised
        report(error, body)
