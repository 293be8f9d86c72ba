"""The web process: Bolt at POST /slack/events behind the request guard, GET /healthz, GET /privacy,
GET /metrics for Prometheus, and, installed with OAuth, Bolt's GET /slack/install and
GET /slack/oauth_redirect."""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from typing import Any

from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.app import create_app
from bot.deps import Deps, build_deps
from bot.health import check
from bot.job_queue import JobQueue
from bot.logs import configure
from bot.metrics import share_between_gunicorn_workers
from bot.metrics_page import metrics_page
from bot.privacy import PATH as PRIVACY_PATH
from bot.privacy import privacy_page
from bot.request_guard import RequestGuard, SeenSignatures
from bot.settings import Settings, load

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
EVENTS_PATH = "/slack/events"


def create_web_app(
    deps: Deps,
    *,
    listener_executor: Executor | None = None,
    queue: JobQueue | None = None,
    wall_clock: Callable[[], float] = time.time,
) -> WSGIApp:
    """`wall_clock`: what request timestamps are checked against (Slack's clock, not `deps.clock`)."""
    app = create_app(deps, listener_executor=listener_executor, queue=queue)
    slack = SlackRequestHandler(app, path=EVENTS_PATH)
    guarded = RequestGuard(
        slack,
        signing_secret=deps.settings.slack_signing_secret.get_secret_value(),
        first_sighting=SeenSignatures(deps.engine, now=wall_clock),
        now=wall_clock,
    )

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO")
        if path == "/healthz":
            return health(environ, start_response, deps)
        if path == EVENTS_PATH:
            return guarded(environ, start_response)
        if path == PRIVACY_PATH:  # public: not behind Slack's signature check
            return privacy_page(environ, start_response)
        if path == "/metrics":
            return metrics_page(environ, start_response, deps)
        # GET /slack/install and /slack/oauth_redirect (OAuth mode): a browser's, not Slack's, so
        # not signed; Bolt's OAuth flow checks the redirect's `state` instead.
        return slack(environ, start_response)

    return application


def health(environ: dict[str, Any], start_response: Callable[..., Any], deps: Deps) -> Iterable[bytes]:
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        start_response("405 Method Not Allowed", [("Content-Type", "text/plain"), ("Allow", "GET")])
        return [b"use GET\n"]
    state = check(deps.engine)
    status = "200 OK" if state.ok else "503 Service Unavailable"
    body = json.dumps(state.as_json()).encode() + b"\n"
    start_response(status, [("Content-Type", "application/json"), ("Cache-Control", "no-store")])
    return [body] if environ.get("REQUEST_METHOD") == "GET" else [b""]


def wsgi_app() -> WSGIApp:
    """gunicorn's entry point (`bot.web:wsgi_app()`): one app per worker, built after the fork."""
    settings = load(Settings)
    configure_logging(settings)
    share_between_gunicorn_workers()
    application = create_web_app(build_deps(settings))
    # Everything built so far lives as long as the worker: keep it out of the garbage collector's
    # full collections, which otherwise scan it all and stall requests for tens of milliseconds.
    gc.freeze()
    return application


def configure_logging(settings: Settings) -> None:
    configure(settings.log_level, settings.secrets())
