"""tick_cost: one tick with 100 candidates due, among 1,000, 10,000 and 100,000.

A tick's cost should follow the number of candidates due, not the number stored: the due query
reads the index on next_prompt_at. Key: ratio_100k_vs_1k (median tick time). Target: at most 1.5.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import create_engine, delete, select, text, update

from benchmarks.support import (
    BOT_TOKEN,
    ROOT,
    SIGNING_SECRET,
    FakeSlackProcess,
    postgres_database,
    print_table,
    seed_candidates,
    write_results,
)
from bot.clock import FixedClock
from bot.deps import build_deps
from bot.job_queue import InProcessQueue
from bot.models import Candidate, Prompt
from bot.settings import Settings
from schedules.jobs import tick

AT = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
DUE = 100
SIZES = (1_000, 10_000, 100_000)
RUNS = 7


def due_query_plan(engine: Any) -> str:
    query = (
        select(Candidate.id)
        .where(Candidate.next_prompt_at <= AT)
        .order_by(Candidate.next_prompt_at)
        .limit(200)
    )
    compiled = query.compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as connection:
        rows = connection.execute(text(f"EXPLAIN {compiled} FOR UPDATE SKIP LOCKED")).all()
    return " / ".join(row[0].strip() for row in rows)


def measure(size: int, fake: FakeSlackProcess) -> dict[str, Any]:
    with postgres_database("tick") as url:
        engine = create_engine(url)
        seed_candidates(engine, size, due_at=AT, due=DUE, warm=True)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
        due_ids = [
            row[0]
            for row in engine.connect().execute(select(Candidate.id).where(Candidate.next_prompt_at <= AT))
        ]
        settings = Settings(
            _env_file=None,
            slack_bot_token=BOT_TOKEN,
            slack_signing_secret=SIGNING_SECRET,  # type: ignore[call-arg]
            slack_api_url=fake.api_url,
            database_url=url,
        )
        # The tick posts what it claims itself (as `tick --at` does), so its cost includes delivery.
        deps = build_deps(settings, clock=FixedClock(AT), queue=InProcessQueue())
        timings = []
        for run in range(RUNS + 1):
            with engine.begin() as connection:  # the same 100 are due again, with no history
                connection.execute(delete(Prompt))
                connection.execute(
                    update(Candidate).where(Candidate.id.in_(due_ids)).values(next_prompt_at=AT)
                )
            started = time.perf_counter()
            report = tick(deps)
            elapsed = time.perf_counter() - started
            assert report.sent == DUE, report
            if run:  # the first run warms caches and connection pools
                timings.append(elapsed * 1000)
        plan = due_query_plan(engine)
        deps.engine.dispose()
        engine.dispose()
    return {
        "candidates": size,
        "due": DUE,
        "median_ms": round(statistics.median(timings), 1),
        "min_ms": round(min(timings), 1),
        "max_ms": round(max(timings), 1),
        "uses_index": "ix_candidates_next_prompt_at" in plan,
        "plan": plan,
    }


def main(quick: bool = False) -> dict[str, Any]:
    fake = FakeSlackProcess()
    try:
        sizes = SIZES[:2] if quick else SIZES
        results = [measure(size, fake) for size in sizes]
    finally:
        fake.stop()
    print_table(
        f"tick_cost: one tick, {DUE} candidates due (median of {RUNS} ticks)",
        ["candidates", "due", "median ms", "min ms", "max ms", "index"],
        [
            [r["candidates"], r["due"], r["median_ms"], r["min_ms"], r["max_ms"], r["uses_index"]]
            for r in results
        ],
    )
    ratio = round(results[-1]["median_ms"] / results[0]["median_ms"], 3)
    key = f"ratio_{results[-1]['candidates'] // 1000}k_vs_1k"
    figures = {"ratio_100k_vs_1k" if not quick else key: ratio, "results": results}
    path = write_results("tick_cost", figures, quick=quick)
    print(
        f"\n{key} {ratio} (target ≤ 1.5); due query plan at {results[-1]['candidates']:,}: "
        f"{results[-1]['plan']} -> {path.relative_to(ROOT)}"
    )
    return figures


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
