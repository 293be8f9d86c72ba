"""What GET /healthz and the queue metrics report: the database answers, the queue keeps up."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from bot.db import database_answers

# A job that could run but has waited longer than this means the workers are missing or stuck.
OLDEST_READY_LIMIT_SECONDS = 60.0

QUEUE_FIGURES = text(
    """
    SELECT j.queue_name,
           count(*) AS ready,
           coalesce(extract(epoch FROM now() - min(coalesce(j.scheduled_at, e.at))), 0) AS oldest
    FROM procrastinate_jobs j
    LEFT JOIN procrastinate_events e ON e.job_id = j.id AND e.type = 'deferred'
    WHERE j.status = 'todo' AND (j.scheduled_at IS NULL OR j.scheduled_at <= now())
    GROUP BY j.queue_name
    """
)


@dataclass(frozen=True)
class QueueFigures:
    ready: dict[str, int]  # jobs that could run now, by lane
    oldest_seconds: dict[str, float]  # how long the oldest of them has waited, by lane

    @property
    def oldest(self) -> float:
        return max(self.oldest_seconds.values(), default=0.0)


@dataclass(frozen=True)
class Health:
    database: bool
    queue: QueueFigures | None  # None on SQLite (no queue) or when it could not be read

    @property
    def ok(self) -> bool:
        return self.database and (self.queue is None or self.queue.oldest <= OLDEST_READY_LIMIT_SECONDS)

    def as_json(self) -> dict[str, object]:
        body: dict[str, object] = {"ok": self.ok, "database": "up" if self.database else "down"}
        if self.queue is not None:
            body["queue"] = {
                "ready": sum(self.queue.ready.values()),
                "oldest_ready_seconds": round(self.queue.oldest, 1),
            }
        return body


def queue_figures(engine: Engine) -> QueueFigures | None:
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as connection:
        rows = connection.execute(QUEUE_FIGURES).all()
    return QueueFigures(
        ready={str(row.queue_name): int(row.ready) for row in rows},
        oldest_seconds={str(row.queue_name): float(row.oldest) for row in rows},
    )


def check(engine: Engine) -> Health:
    if not database_answers(engine):
        return Health(database=False, queue=None)
    try:
        return Health(database=True, queue=queue_figures(engine))
    except Exception:  # the database answered SELECT 1 but not this: count it as down
        return Health(database=False, queue=None)
