"""gunicorn settings for the web process (`gunicorn -c python:bot.gunicorn_conf ...`).

Threads, not more processes: a Slack request mostly waits on the database and on Slack.
"""

import logging
import os
import sys
from typing import Any

from bot.migrate import require_current_schema
from bot.settings import Settings, load
from bot.web import configure_logging

# Fail here, once, with the one-line message, rather than in every worker with a traceback.
_settings = load(Settings)
require_current_schema(_settings.database_url)
configure_logging(_settings)
_logger = logging.getLogger("loop_coach.web")

bind = f"0.0.0.0:{_settings.port}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "8"))
# Slack gives up after 3 seconds; a request still running at 30 is stuck.
timeout = 30
graceful_timeout = 20
keepalive = 5
accesslog = "-"
errorlog = "-"
# gunicorn's own lifecycle chatter (booting, handling signal, worker exiting) only when debugging;
# the two lines that matter, ready and stopped, come from the hooks below. Its warnings and errors
# (a worker that timed out or died) always show.
loglevel = "debug" if _settings.log_level == "DEBUG" else "warning"


def when_ready(server: Any) -> None:
    _logger.info("web ready: listening on http://%s (%d processes × %d threads)", bind, workers, threads)


def post_fork(server: Any, worker: Any) -> None:
    # Acknowledging Slack is a few hundred microseconds of Python; the work handed off behind it
    # holds the GIL for longer. A waiting request thread otherwise waits up to 5 ms for its turn.
    sys.setswitchinterval(0.001)


def on_exit(server: Any) -> None:
    _logger.info("web stopped")


# Keep Slack's request bodies (which carry response URLs) out of the access log, and query strings
# too: the OAuth redirect's carries the one-time install code.
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'
