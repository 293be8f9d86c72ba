"""What Prometheus scrapes at GET /metrics: acknowledgements, jobs, the queue, Slack calls, prompts.

Under gunicorn several processes serve /metrics; prometheus_client's multiprocess mode (the
directory in PROMETHEUS_MULTIPROC_DIR, set by bot/gunicorn_conf.py) adds their figures up. The
worker and clock processes keep their own figures and serve them on METRICS_PORT when it is set.
Defining a metric does nothing at import: they are plain counters until scraped.
"""

from __future__ import annotations

import os
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
