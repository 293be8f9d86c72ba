"""GET /metrics: the counters of every web process, plus the queue as the database sees it now."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from prometheus_client import CollectorRegistry
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.health import queue_figures
from bot.metrics import exposition

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.deps import Deps


class QueueCollector(Collector):
    """Queue depth and the oldest ready job's age, read at scrape time (not per process)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def collect(self) -> Iterable[GaugeMetricFamily]:
        try:
            figures = queue_figures(self._engine)
        except Exception:  # the database is away: /healthz says so; the page still serves counters
            figures = None
        if figures is None:
            return
        depth = GaugeMetricFamily("loop_coach_queue_ready_jobs", "Jobs that could run now", labels=["lane"])
        oldest = GaugeMetricFamily(
            "loop_coach_queue_oldest_ready_seconds",
            "Age of the oldest job that could run now",
            labels=["lane"],
        )
        for lane, count in figures.ready.items():
            depth.add_metric([lane], count)
            oldest.add_metric([lane], figures.oldest_seconds[lane])
        yield depth
        yield oldest


def queue_registry(engine: Engine) -> CollectorRegistry:
    registry = CollectorRegistry()
    registry.register(QueueCollector(engine))
    return registry


def metrics_page(environ: dict[str, Any], start_response: Callable[..., Any], deps: Deps) -> Iterable[bytes]:
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        start_response("405 Method Not Allowed", [("Content-Type", "text/plain"), ("Allow", "GET")])
        return [b"use GET\n"]
    body, content_type = exposition(queue_registry(deps.engine))
    start_response("200 OK", [("Content-Type", content_type), ("Cache-Control", "no-store")])
    return [body] if environ.get("REQUEST_METHOD") == "GET" else [b""]
