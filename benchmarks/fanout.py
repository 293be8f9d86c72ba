"""fanout: a morning's prompts, due in the same minute, delivered on the queue against a fake Slack
that enforces Slack's limits.

The clock (`benchmarks.fanout_clock`, the same tick as `python -m schedules`) claims the due
candidates and queues delivery jobs, a job per workspace and 100 rows; `python -m bot worker`
processes post them, pacing each workspace in PostgreSQL (bot/pacing.SharedPacer).

Limits assumed (benchmarks/fake_slack_server.py), per workspace: chat.postMessage 1/s per channel
and 600/min (burst 300; Slack does not publish this one), conversations.open 50/min (burst 25),
users.info 100/min (burst 50). Workers pace at 97% of them. Time is compressed by `scale` (fake and
pacer alike) where real time would take hours: each run's floor is what the limits alone require:
    warm (conversations cached):  (posts − 300 burst) / (10/s × scale), per workspace
    cold:                          (opens − 25 burst) / (50/min × scale)
time_vs_floor = (last post − clock start) / floor. Target: ≤ 1.1 (with 4 workers across workspaces).

Scenarios: one workspace warm and cold; cold with every worker killed (SIGKILL) halfway and started
again; cold with two clocks at once; and 10 workspaces (warm, real-time limits) with 1, 2 and 4
workers. Per-workspace tokens come with the OAuth issue; here the workspaces are seeded directly
(team ids, and channels whose names the fake maps to a workspace) and share the bot token.
In the kill scenario, rows the killed workers held mid-post stay `sending` until their lease (5
minutes) runs out; the run then ticks at the morning's instant + 6 minutes (the lease passes in
the clock's time, not in wall time), and those rows are either found in the conversation's history
(marked sent, not posted again) or posted then. Its reported time includes that recovery.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import create_engine, func, select

from benchmarks.support import (
    BOT_TOKEN,
    ROOT,
    SIGNING_SECRET,
    FakeSlackProcess,
    drain,
    load_average,
    postgres_database,
    print_table,
    process_env,
    seed_candidates,
    start_worker,
    stop,
    wait_until,
    write_results,
)
from bot.models import Prompt

CANDIDATES = 10_000
AT = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)  # 09:00 in New York
TIMINGS = "1,5,1"  # a killed worker's jobs are picked up after 5 s (production: 20 s)


@dataclass(frozen=True)
class Scenario:
    name: str
    cache: str  # warm | cold
    scale: float
    workers: int = 1
    clocks: int = 1
    kill_halfway: bool = False
    workspaces: int = 1
    per_workspace: int = CANDIDATES


SCENARIOS = [
    Scenario("warm cache", "warm", 20.0),
    Scenario("cold cache", "cold", 120.0),
    Scenario("cold, workers killed halfway", "cold", 120.0, kill_halfway=True),
    Scenario("cold, two clocks at once", "cold", 120.0, clocks=2),
    Scenario("10 workspaces, 1 worker", "warm", 1.0, workers=1, workspaces=10, per_workspace=600),
    Scenario("10 workspaces, 2 workers", "warm", 1.0, workers=2, workspaces=10, per_workspace=600),
    Scenario("10 workspaces, 4 workers", "warm", 1.0, workers=4, workspaces=10, per_workspace=600),
]


def floor_seconds(per_workspace: int, cache: str, scale: float) -> float:
    posts = max(0, per_workspace - 300) / (600 / 60 * scale)
    opens = max(0, per_workspace - 25) / (50 / 60 * scale) if cache == "cold" else 0.0
    return max(posts, opens)


def count(engine: Any, status: str) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(
                select(func.count()).select_from(Prompt).where(Prompt.status == status)
            ).scalar()
            or 0
        )


def run_scenario(scenario: Scenario, shrink: int = 1) -> dict[str, Any]:
    per_workspace = scenario.per_workspace // shrink
    total = per_workspace * scenario.workspaces
    fake = FakeSlackProcess(limits="slack", scale=scenario.scale)
    workers: list[subprocess.Popen[bytes]] = []
    try:
        with postgres_database("fanout") as url:
            engine = create_engine(url)
            for w in range(scenario.workspaces):
                seed_candidates(
                    engine,
                    per_workspace,
                    due_at=AT,
                    warm=scenario.cache == "warm",
                    start=w * per_workspace,
                    team=f"T0BENCH{w:03d}",
                    channel_prefix=f"DW{w}" if scenario.workspaces > 1 else "D",
                )
            env = process_env(
                SLACK_BOT_TOKEN=BOT_TOKEN,
                SLACK_SIGNING_SECRET=SIGNING_SECRET,
                SLACK_API_URL=fake.api_url,
                DATABASE_URL=url,
                LOG_LEVEL="WARNING",
            )

            def worker() -> subprocess.Popen[bytes]:
                return start_worker(
                    database_url=url,
                    fake=fake,
                    LOOP_COACH_PACE_SCALE=str(scenario.scale),
                    LOOP_COACH_WORKER_TIMINGS=TIMINGS,
                )

            def clock(at: datetime) -> subprocess.Popen[bytes]:
                command = [sys.executable, "-m", "benchmarks.fanout_clock", "--at", at.isoformat()]
                return subprocess.Popen(
                    command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, start_new_session=True
                )

            workers = [worker() for _ in range(scenario.workers)]
            started = time.time()
            clocks = [clock(AT) for _ in range(scenario.clocks)]
            recovery: dict[str, Any] = {}
            if scenario.kill_halfway:
                wait_until(
                    lambda: (fake.stats() or {}).get("channels_posted", 0) >= total // 2,
                    what="half the posts",
                    timeout=1800,
                )
                for process in workers:
                    stop(process, signal.SIGKILL)
                killed_at = time.time() - started
                workers = [worker() for _ in range(scenario.workers)]
            for process in clocks:
                process.wait(timeout=3600)
            drain(url, timeout=3600)
            if scenario.kill_halfway:
                in_flight = count(engine, "sending")
                posts_before = (fake.stats() or {}).get("calls", {}).get("chat.postMessage", 0)
                recovered_at = time.time() - started
                clock(AT + timedelta(minutes=6)).wait(timeout=600)
                drain(url, timeout=600)
                reposted = (fake.stats() or {}).get("calls", {}).get("chat.postMessage", 0) - posts_before
                recovery = {
                    "killed_at_s": round(killed_at, 1),
                    "rows_in_flight_at_kill": in_flight,
                    "found_in_history": in_flight - reposted,
                    "reposted": reposted,
                    "recovery_tick_at_s": round(recovered_at, 1),
                }
            stats = fake.stats() or {}
            sent = count(engine, "sent")
            engine.dispose()
    finally:
        for process in workers:
            stop(process)
        fake.stop()
    elapsed = (stats.get("last_post") or started) - started
    floor = floor_seconds(per_workspace, scenario.cache, scenario.scale)
    calls = stats.get("calls", {})
    slack_calls = sum(
        calls.get(m, 0)
        for m in ("chat.postMessage", "conversations.open", "users.info", "conversations.history")
    )
    return {
        "scenario": scenario.name,
        "cache": scenario.cache,
        "scale": scenario.scale,
        "workers": scenario.workers,
        "clocks": scenario.clocks,
        "workspaces": scenario.workspaces,
        "candidates": total,
        "delivery_seconds": round(elapsed, 2),
        "floor_seconds": round(floor, 2),
        "time_vs_floor": round(elapsed / floor, 3) if floor else None,
        "posted_channels": stats.get("channels_posted", 0),
        "duplicates": stats.get("duplicate_posts", 0),
        "lost": total - stats.get("channels_posted", 0),
        "rows_sent": sent,
        "slack_calls_per_prompt": round(slack_calls / total, 3),
        "throttled_429": stats.get("throttled", 0),
        "calls": calls,
        **recovery,
    }


def main(quick: bool = False) -> dict[str, Any]:
    shrink = 10 if quick else 1
    load_before = load_average()
    results = []
    for scenario in SCENARIOS:
        results.append(run_scenario(scenario, shrink))
        print(results[-1], flush=True)
    print_table(
        "fanout: a morning's prompts on the queue, Slack limits enforced per workspace (time compressed by scale)",
        [
            "scenario",
            "scale",
            "prompts",
            "seconds",
            "floor",
            "time_vs_floor",
            "dupl.",
            "lost",
            "calls/prompt",
            "429s",
        ],
        [
            [
                r["scenario"],
                r["scale"],
                r["candidates"],
                r["delivery_seconds"],
                r["floor_seconds"],
                r["time_vs_floor"],
                r["duplicates"],
                r["lost"],
                r["slack_calls_per_prompt"],
                r["throttled_429"],
            ]
            for r in results
        ],
    )
    killed = next(r for r in results if "rows_in_flight_at_kill" in r)
    figures = {
        "time_vs_floor": max(
            r["time_vs_floor"]
            for r in results
            if r["workspaces"] == 1 and r["clocks"] == 1 and "rows_in_flight_at_kill" not in r
        ),
        "time_vs_floor_10_workspaces": {
            r["workers"]: r["time_vs_floor"] for r in results if r["workspaces"] > 1
        },
        "duplicates": sum(r["duplicates"] for r in results),
        "lost": sum(r["lost"] for r in results),
        "kill": {
            k: killed[k]
            for k in (
                "killed_at_s",
                "rows_in_flight_at_kill",
                "found_in_history",
                "reposted",
                "recovery_tick_at_s",
                "delivery_seconds",
            )
        },
        "load_average_1m_before": round(load_before, 2),
        "scenarios": results,
    }
    path = write_results("fanout", figures, quick=quick)
    print(
        f"\ntime_vs_floor {figures['time_vs_floor']}; 10 workspaces by workers {figures['time_vs_floor_10_workspaces']}; "
        f"duplicates {figures['duplicates']}; lost {figures['lost']} -> {path.relative_to(ROOT)}"
    )
    return figures


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
