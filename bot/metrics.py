"""What Prometheus scrapes at GET /metrics: acknowledgements, jobs, the queue, Slack calls, prompts.

Under gunicorn several processes serve /metrics; prometheus_client's multiprocess mode adds their
figures up (share_between_gunicorn_workers). The worker process keeps its own figures (jobs, Slack
calls, prompts sent) and serves them on METRICS_PORT when that is set.
Defining a metric does nothing at import: they are plain counters until scraped.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

FAST = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
SLOW = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 1800.0)

ACK_SECONDS = Histogram(
    "loop_coach_ack_seconds", "Time to answer Slack's HTTP request, by kind", ["kind"], buckets=FAST
)
JOBS_ENQUEUED = Counter("loop_coach_jobs_enqueued_total", "Jobs handed to the queue", ["lane"])
JOBS = Counter("loop_coach_jobs_total", "Jobs run, by outcome", ["lane", "outcome"])
JOB_SECONDS = Histogram("loop_coach_job_seconds", "Time running one job", ["lane"], buckets=SLOW)
REQUEST_TO_DONE = Histogram(
    "loop_coach_request_to_done_seconds",
    "From receiving a request (or the clock queueing a delivery) to its job finishing: the reply's delay",
    ["lane"],
    buckets=SLOW,
)
SLACK_CALLS = Counter(
    "loop_coach_slack_calls_total", "Slack Web API calls, by method and HTTP status", ["method", "status"]
)
PROMPTS_SENT = Counter("loop_coach_prompts_sent_total", "Daily prompts delivered to Slack")


def share_between_gunicorn_workers() -> None:
    """In a gunicorn worker: count into files shared with the other workers of the same master,
    so that whichever worker serves /metrics reports them all (prometheus_client's multiprocess
    mode). Must run before the first label is used; the directory belongs to this master's run."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return
    from prometheus_client import values

    directory = os.path.join(tempfile.gettempdir(), f"loop-coach-metrics-{os.getppid()}")
    os.makedirs(directory, exist_ok=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
    values.ValueClass = values.get_value_class()


def serve_own(port: int) -> None:
    """A process outside gunicorn (the worker, the clock) serves its own figures on `port`."""
    from prometheus_client import start_http_server

    start_http_server(port)


def registry() -> CollectorRegistry:
    """Every process's figures under gunicorn's multiprocess mode, else this process's."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        combined = CollectorRegistry()
        MultiProcessCollector(combined)
        return combined
    from prometheus_client import REGISTRY

    return REGISTRY


def exposition(extra: CollectorRegistry | None = None) -> tuple[bytes, str]:
    body = generate_latest(registry())
    if extra is not None:
        body += generate_latest(extra)
    return body, CONTENT_TYPE_LATEST


def observe_slack_call(method: str, status: Any) -> None:
    SLACK_CALLS.labels(method=method, status=str(status)).inc()
