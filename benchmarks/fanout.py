"""fanout: 10,000 candidates due in the same minute, against a fake Slack that enforces Slack's limits.

Limits (benchmarks/fake_slack_server.py): chat.postMessage 1/s per channel and 600/min per
workspace (burst 300), conversations.open 50/min (burst 25), users.info 100/min (burst 50). Real
time would make a cold morning take over three hours, so time is compressed: the fake's limits and
the clock's pacer are both multiplied by SCALE (20× with a warm cache, 120× with a cold one), so
each run's floor is about 50 s (warm) or 100 s (cold). The clock paces at 97% of each limit. The floor is the time those limits alone require:
    cold: (10,000 − 25 burst) conversations.open at 50/min × scale
    warm: (10,000 − 300 burst) posts at 600/min × scale
time_vs_floor = (last post − clock start) / floor. Target: at most 1.1.
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
    postgres_database,
    print_table,
    process_env,
    seed_candidates,
    stop,
    wait_until,
    write_results,
)
from bot.models import Prompt

CANDIDATES = 10_000
AT = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)  # 09:00 in New York
SCALES = {"warm": 20.0, "cold": 120.0}


@dataclass(frozen=True)
class Scenario:
    name: str
    cache: str  # warm | cold
    clocks: int = 1
    kill_halfway: bool = False


SCENARIOS = [
    Scenario("warm cache", "warm"),
    Scenario("cold cache", "cold"),
    Scenario("cold, clock killed halfway", "cold", kill_halfway=True),
    Scenario("cold, two clocks at once", "cold", clocks=2),
]


def floor_seconds(candidates: int, cache: str, scale: float) -> float:
    posts = max(0, candidates - 300) / (600 / 60 * scale)
    opens = max(0, candidates - 25) / (50 / 60 * scale) if cache == "cold" else 0.0
    return max(posts, opens)


def run_scenario(scenario: Scenario, candidates: int = CANDIDATES) -> dict[str, Any]:
    scale = SCALES[scenario.cache]
    fake = FakeSlackProcess(limits="slack", scale=scale)
    try:
        with postgres_database("fanout") as url:
            engine = create_engine(url)
            seed_candidates(engine, candidates, due_at=AT, warm=scenario.cache == "warm")
            env = process_env(
                SLACK_BOT_TOKEN=BOT_TOKEN,
                SLACK_SIGNING_SECRET=SIGNING_SECRET,
                SLACK_API_URL=fake.api_url,
                DATABASE_URL=url,
                LOG_LEVEL="WARNING",
            )

            def clock(at: datetime) -> subprocess.Popen[bytes]:
                command = [
                    sys.executable,
                    "-m",
                    "benchmarks.fanout_clock",
                    "--at",
                    at.isoformat(),
                    "--scale",
                    str(scale),
                ]
                return subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )

            started = time.time()
            clocks = [clock(AT) for _ in range(scenario.clocks)]
            restarts = 0
            if scenario.kill_halfway:
                wait_until(
                    lambda: (fake.stats() or {}).get("channels_posted", 0) >= candidates // 2,
                    what="half the posts",
                    timeout=1800,
                )
                stop(clocks[0], signal.SIGKILL)
                clocks = [clock(AT)]
                restarts = 1
            for process in clocks:
                process.wait(timeout=3600)
            finished_stats = fake.stats() or {}
            with engine.connect() as connection:
                in_flight = (
                    connection.execute(
                        select(func.count()).select_from(Prompt).where(Prompt.status == "sending")
                    ).scalar()
                    or 0
                )
            settled_by_lease = 0
            if in_flight:  # rows the killed clock had in hand: the next tick after the lease settles them
                lease_tick = clock(AT + timedelta(minutes=6))
                lease_tick.wait(timeout=600)
                settled_by_lease = in_flight
            stats = fake.stats() or {}
            with engine.connect() as connection:
                sent = (
                    connection.execute(
                        select(func.count()).select_from(Prompt).where(Prompt.status == "sent")
                    ).scalar()
                    or 0
                )
            engine.dispose()
    finally:
        fake.stop()
    elapsed = (finished_stats.get("last_post") or started) - started
    floor = floor_seconds(candidates, scenario.cache, scale)
    calls = stats.get("calls", {})
    slack_calls = sum(
        calls.get(m, 0)
        for m in ("chat.postMessage", "conversations.open", "users.info", "conversations.history")
    )
    return {
        "scenario": scenario.name,
        "cache": scenario.cache,
        "scale": scale,
        "clocks": scenario.clocks,
        "restarts": restarts,
        "candidates": candidates,
        "delivery_seconds": round(elapsed, 2),
        "floor_seconds": round(floor, 2),
        "time_vs_floor": round(elapsed / floor, 3),
        "posted_channels": stats.get("channels_posted", 0),
        "duplicates": stats.get("duplicate_posts", 0),
        "lost": candidates - stats.get("channels_posted", 0),
        "rows_sent": sent,
        "in_flight_at_kill_settled_after_lease": settled_by_lease,
        "slack_calls_per_prompt": round(slack_calls / candidates, 3),
        "calls": calls,
        "throttled_429": stats.get("throttled", 0),
    }


def main(quick: bool = False) -> dict[str, Any]:
    candidates = 1_000 if quick else CANDIDATES
    results = [run_scenario(scenario, candidates) for scenario in SCENARIOS]
    print_table(
        f"fanout: {candidates:,} candidates due at once, Slack limits enforced (time compressed, see scale)",
        [
            "scenario",
            "scale",
            "seconds",
            "floor",
            "time_vs_floor",
            "duplicates",
            "lost",
            "calls/prompt",
            "429s",
        ],
        [
            [
                r["scenario"],
                r["scale"],
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
    figures = {
        "time_vs_floor": max(r["time_vs_floor"] for r in results if r["clocks"] == 1 and not r["restarts"]),
        "duplicates": sum(r["duplicates"] for r in results),
        "lost": sum(r["lost"] for r in results),
        "calls_per_prompt_cold": next(
            r["slack_calls_per_prompt"] for r in results if r["scenario"] == "cold cache"
        ),
        "calls_per_prompt_warm": next(
            r["slack_calls_per_prompt"] for r in results if r["scenario"] == "warm cache"
        ),
        "scenarios": results,
    }
    path = write_results("fanout", figures, quick=quick)
    print(
        f"\ntime_vs_floor {figures['time_vs_floor']} (target ≤ 1.1); duplicates {figures['duplicates']}; "
        f"lost {figures['lost']} -> {path.relative_to(ROOT)}"
    )
    return figures


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
