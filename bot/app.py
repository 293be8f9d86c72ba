"""create_app(deps): the Bolt app, with deps reaching every listener through `context`."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from functools import partial
from typing import Any

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse

from bot import metrics
from bot.deps import Deps
from bot.job_queue import InProcessQueue, JobQueue
from bot.oauth_install import bind_workspace, bolt_options
from bot.slack_client import web_client
from handlers import register_all
from handlers.background import request_key, run_in_process
from handlers.errors import VERIFIED, report_in_request, request_kind

logger = logging.getLogger("loop_coach")


class WithoutTokenNotice(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment by itself, then warns at every start that it
    is unused because we hand it a ready client (retries, base URL). The warning says nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def create_app(
    deps: Deps, *, listener_executor: Executor | None = None, queue: JobQueue | None = None
) -> App:
    """`queue` takes what listeners hand off (handlers/background.py); by default deps.queue."""
    queue = queue or deps.queue
    soon = listener_executor or ThreadPoolExecutor(max_workers=4, thread_name_prefix="soon")
    if isinstance(queue, InProcessQueue):
        queue.attach(partial(run_in_process, deps, queue))
    app = App(
        signing_secret=deps.settings.slack_signing_secret.get_secret_value(),
        # auth.test runs on the first request instead of at boot, so a worker starts even while
        # Slack is unreachable, and /healthz can say so.
        token_verification_enabled=False,
        **token_options(deps),
        # Listeners only acknowledge and queue their work (handlers/background.py), so running them
        # in the request thread answers Slack at once, after the job is saved; Bolt's default would
        # run them on its executor and poll for the ack every 10 ms. What must reach Slack within
        # its 3 seconds (opening a modal) runs on a thread after the response (background.soon).
        process_before_response=True,
        listener_executor=listener_executor,
        logger=bolt_logger(),
    )

    @app.middleware
    def provide_deps(
        req: BoltRequest, resp: BoltResponse, context: BoltContext, next: Callable[[], Any]
    ) -> Any:
        started = time.perf_counter()
        # Custom middleware runs after Bolt's signature check (skipped only for Socket Mode, whose
        # requests arrive over the app's own authenticated connection): this request is genuine.
        context[VERIFIED] = True
        context["deps"] = bind_workspace(deps, context)
        context["queue"] = queue
        context["soon"] = soon
        signatures = req.headers.get("x-slack-signature") or []
        signature = signatures[0] if signatures else None
        context["request_key"] = request_key(req.body, signature)
        try:
            return next()
        finally:
            kind = request_kind(req.body).split(" ")[0]
            metrics.ACK_SECONDS.labels(kind=kind).observe(time.perf_counter() - started)

    @app.error
    def on_error(error: Exception, body: dict[str, Any], context: BoltContext) -> None:
        report_in_request(error, body, context)

    register_all(app)
    return app


def token_options(deps: Deps) -> dict[str, Any]:
    """One bot token: Bolt uses our client as is. Installed with OAuth: Bolt's OAuth flow and an
    authorize that finds each workspace's bot in the installation store (bot/oauth_install.py)."""
    if not deps.settings.multi_workspace:
        return {"client": deps.slack}
    return bolt_options(deps, web_client(None, deps.settings.slack_api_url))


def bolt_logger() -> logging.Logger:
    bolt = logging.getLogger("loop_coach.bolt")
    if not any(isinstance(f, WithoutTokenNotice) for f in bolt.filters):
        bolt.addFilter(WithoutTokenNotice())
    return bolt
