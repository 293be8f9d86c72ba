"""create_app(deps): the Bolt app, with deps reaching every listener through `context`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from slack_bolt import App, BoltContext

from bot.deps import Deps
from handlers import register_all
from handlers.errors import report

logger = logging.getLogger("loop_coach")


def create_app(deps: Deps, *, listener_executor: Executor | None = None) -> App:
    app = App(
        client=deps.slack,
        signing_secret=deps.settings.slack_signing_secret.get_secret_value(),
        # auth.test runs on the first request instead of at boot, so a worker starts even while
        # Slack is unreachable, and /healthz can say so.
        token_verification_enabled=False,
        listener_executor=listener_executor,
        logger=logging.getLogger("loop_coach.bolt"),
    )

    @app.middleware
    def provide_deps(context: BoltContext, next: Callable[[], Any]) -> Any:
        context["deps"] = deps
        return next()

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        report(error, body)

    register_all(app)
    return app
