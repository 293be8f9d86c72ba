"""create_app(deps): the Bolt app, with deps reaching every listener through `context`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from slack_bolt import App, BoltContext

from bot.deps import Deps
from handlers import register_all
from handlers.background import WorkerProcesses, warm_up
from handlers.errors import VERIFIED, report_in_request

logger = logging.getLogger("loop_coach")


class WithoutTokenNotice(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment by itself, then warns at every start that it
    is unused because we hand it a ready client (retries, base URL). The warning says nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def create_app(
    deps: Deps, *, listener_executor: Executor | None = None, work_executor: Executor | None = None
) -> App:
    """`work_executor` runs what listeners hand off after acknowledging (see handlers/background.py)."""
    work = work_executor or WorkerProcesses()
    warm_up(work)
    app = App(
        client=deps.slack,
        signing_secret=deps.settings.slack_signing_secret.get_secret_value(),
        # auth.test runs on the first request instead of at boot, so a worker starts even while
        # Slack is unreachable, and /healthz can say so.
        token_verification_enabled=False,
        # Listeners only acknowledge and hand their work to our pool (handlers/background.py), so
        # running them in the request thread answers Slack at once; Bolt's default would run them on
        # its executor and poll for the ack every 10 ms.
        process_before_response=True,
        listener_executor=listener_executor,
        logger=bolt_logger(),
    )

    @app.middleware
    def provide_deps(context: BoltContext, next: Callable[[], Any]) -> Any:
        # Custom middleware runs after Bolt's signature check (skipped only for Socket Mode, whose
        # requests arrive over the app's own authenticated connection): this request is genuine.
        context[VERIFIED] = True
        context["deps"] = deps
        context["work"] = work
        return next()

    @app.error
    def on_error(error: Exception, body: dict[str, Any], context: BoltContext) -> None:
        report_in_request(error, body, context)

    register_all(app)
    return app


def bolt_logger() -> logging.Logger:
    bolt = logging.getLogger("loop_coach.bolt")
    if not any(isinstance(f, WithoutTokenNotice) for f in bolt.filters):
        bolt.addFilter(WithoutTokenNotice())
    return bolt
