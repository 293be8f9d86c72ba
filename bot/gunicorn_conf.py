"""gunicorn settings for the web process (`gunicorn -c python:bot.gunicorn_conf ...`).

Threads, not more processes: a Slack request mostly waits on the database and on Slack.
"""

import os
import sys

from bot.settings import Settings, load

# Fail here, once, with the one-line message, rather than in every worker with a traceback.
_settings = load(Settings)

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
loglevel = _settings.log_level.lower()


def post_fork(server: object, worker: object) -> None:
    # Acknowledging Slack is a few hundred microseconds of Python; the work handed off behind it
    # holds the GIL for longer. A waiting request thread otherwise waits up to 5 ms for its turn.
    sys.setswitchinterval(0.001)


# Keep Slack's request bodies (which carry response URLs) out of the access log.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
