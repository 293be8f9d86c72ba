"""How a failure is reported: logged with its traceback, and apologised for to the person.

`@app.error` reports what Bolt catches. What a listener does after `ack()` (opening a modal)
reports through `after_ack` instead of raising into Bolt, because Bolt then replaces the
acknowledgement it already has with a 500 (in its default mode, after clearing it, waiting out
the 3-second ack timeout and answering 404): the person would see the command fail although it
was acknowledged and apologised for. Jobs report through `handlers/background.py`.

An apology is an outbound call to the body's `response_url`, so it is only ever made for a
request whose signature was checked (bot/request_guard.py, then Bolt's own check, which is why the
app's middleware marks the context `verified`). From a request thread it is handed to the job
processes like any other work: a slow or failing response_url never holds a web thread.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from slack_bolt import BoltContext

from bot.deps import Deps
from handlers.reply import apologise

logger = logging.getLogger("loop_coach")

VERIFIED = "verified"  # the context key bot/app.py sets once Bolt's signature check has passed


def request_kind(body: dict[str, Any]) -> str:
    if "command" in body:
        return f"command {body['command']}"
    if isinstance(body.get("event"), dict):
        return f"event {body['event'].get('type')}"
    return str(body.get("type", "unknown"))


def report(error: BaseException, body: dict[str, Any]) -> None:
    """From a job process: log, and apologise right here (no web thread is waiting)."""
    logger.error("listener failed on a %s request", request_kind(body), exc_info=error)
    apologise(body)


def report_in_request(error: BaseException, body: dict[str, Any], context: BoltContext) -> None:
    """From a request thread: log, and queue the apology, if the request was verified at all."""
    logger.error("listener failed on a %s request", request_kind(body), exc_info=error)
    if not context.get(VERIFIED) or not body.get("response_url"):
        return
    from handlers.background import later  # background reports through this module

    try:
        later(context, body, send_apology, body)
    except Exception:  # the apology is best-effort; the failure itself is logged above
        logger.warning("could not queue the apology", exc_info=True)


def send_apology(deps: Deps, body: dict[str, Any]) -> None:
    apologise(body)


@contextmanager
def after_ack(body: dict[str, Any], context: BoltContext) -> Iterator[None]:
    try:
        yield
    except Exception as error:  # reported here, once; see the module docstring for why not re-raised
        report_in_request(error, body, context)
