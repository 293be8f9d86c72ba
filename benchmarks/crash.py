"""crash: 10 rounds of a 200-event burst with kill -9 of the web and worker processes at random
moments; no acknowledged event may be lost, and none applied twice.

Each round: a candidate's 200 answers (distinct messages in a prompt's thread, each a Slack event
with its own id) are sent over 16 connections to gunicorn (2 workers) on PostgreSQL, with one
worker process. The web process tree is killed (SIGKILL) at a random moment during the burst, the
worker process tree at a random moment while it works through the burst. Both are started again; events that got no
200 are sent again with X-Slack-Retry-Num, as Slack does. Then, once the queue is empty:
  lost           events acknowledged (200) whose answer was never saved, or never got its check reply
  doubled        answers saved twice, or answer-check replies posted more than once per answer
Jobs of the killed worker are picked up after its heartbeats stop: here after 5 s (the production
default is 20 s; LOOP_COACH_WORKER_TIMINGS shortens it so a round takes seconds, not minutes).
"""

from __future__ import annotations

import asyncio
import json
import random
import signal
import sys
from typing import Any

from sqlalchemy import create_engine, func, select, text

from benchmarks import loadgen
from benchmarks.ack_latency import CANDIDATE, seed
from benchmarks.support import (
    ROOT,
    SIGNING_SECRET,
    FakeSlackProcess,
    drain,
    free_port,
    load_average,
    postgres_database,
    print_table,
    start_web,
    start_worker,
    stop,
    wait_until,
    write_results,
)
from bot.models import Answer
from tests.support.payloads import event_callback

ROUNDS = 10
EVENTS = 200
CONNECTIONS = 16
# Seconds after the burst starts: the web process within the burst (a quarter of a second), the
# worker within the seconds it takes to work through the burst's jobs.
WEB_KILL_WITHIN = (0.02, 0.25)
WORKER_KILL_WITHIN = (0.05, 3.0)
TIMINGS = "1,5,1"  # heartbeat, stalled after, recovery check (seconds)


def answer_event(channel: str, thread_ts: str, n: int, round_no: int) -> tuple[str, bytes]:
    event = {
        "type": "message",
        "channel": channel,
        "channel_type": "mpim",
        "user": CANDIDATE,
        "text": f"Answer {n}: I led the migration; errors fell 40% (round {round_no}).",
        "ts": f"{1790001000 + round_no}.{n:06d}",
        "thread_ts": thread_ts,
    }
    event_id = f"EvCrash{round_no:02d}{n:04d}"
    return event_id, json.dumps(event_callback(event, event_id=event_id)).encode()


async def send_all(port: int, bodies: list[bytes], retry: int = 0) -> set[int]:
    """Send each body; return the indexes answered 200 (a killed server answers nothing)."""
    acked: set[int] = set()
    pending = iter(range(len(bodies)))

    async def connection() -> None:
        reader = writer = None
        for n in pending:
            body = bodies[n].decode()
            data = loadgen.request_bytes(body, "application/json", SIGNING_SECRET)
            if retry:
                data = data.replace(b"\r\n\r\n", f"\r\nX-Slack-Retry-Num: {retry}\r\n\r\n".encode(), 1)
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(data)
                await writer.drain()
                assert reader is not None
                status = await asyncio.wait_for(loadgen.read_response(reader), timeout=3.0)
                if status == 200:
                    acked.add(n)
            except (TimeoutError, OSError, asyncio.IncompleteReadError):
                if writer is not None:
                    writer.close()
                reader = writer = None

    await asyncio.gather(*(connection() for _ in range(CONNECTIONS)))
    return acked


def run_round(
    round_no: int, url: str, fake: FakeSlackProcess, channel: str, thread_ts: str
) -> dict[str, Any]:
    port = free_port()
    bodies = [answer_event(channel, thread_ts, n, round_no)[1] for n in range(EVENTS)]
    checks_before = (fake.stats() or {}).get("calls", {}).get("chat.postMessage", 0)
    web = start_web("bot.web:wsgi_app()", database_url=url, fake=fake, port=port)
    worker = start_worker(database_url=url, fake=fake, LOOP_COACH_WORKER_TIMINGS=TIMINGS)
    kill_web, kill_worker = random.uniform(*WEB_KILL_WITHIN), random.uniform(*WORKER_KILL_WITHIN)

    async def burst_with_kills() -> set[int]:
        async def kill(process: Any, after: float) -> None:
            await asyncio.sleep(after)
            stop(process, signal.SIGKILL)

        results = await asyncio.gather(send_all(port, bodies), kill(web, kill_web), kill(worker, kill_worker))
        return results[0]

    acked = asyncio.run(burst_with_kills())
    # Everything starts again; Slack retries what it got no 200 for.
    web = start_web("bot.web:wsgi_app()", database_url=url, fake=fake, port=port)
    worker = start_worker(database_url=url, fake=fake, LOOP_COACH_WORKER_TIMINGS=TIMINGS)
    unacked = [n for n in range(EVENTS) if n not in acked]
    for attempt in (1, 2, 3):
        if not unacked:
            break
        retried = asyncio.run(send_all(port, [bodies[n] for n in unacked], retry=attempt))
        acked |= {unacked[i] for i in retried}
        unacked = [n for n in range(EVENTS) if n not in acked]
    engine = create_engine(url)
    try:
        drain(url, timeout=300)
        wait_until(lambda: answers_checked(engine, round_no) >= len(acked), what="answer checks", timeout=60)
    except RuntimeError:
        pass  # counted as lost below
    finally:
        stop(web)
        stop(worker)
    checks = (fake.stats() or {}).get("calls", {}).get("chat.postMessage", 0) - checks_before
    with engine.connect() as connection:
        prefix = f"{1790001000 + round_no}.%"
        saved = connection.execute(
            select(Answer.message_ts, func.count())
            .where(Answer.message_ts.like(prefix))
            .group_by(Answer.message_ts)
        ).all()
        checked = answers_checked(engine, round_no)
    engine.dispose()
    saved_ts = {ts for ts, _ in saved}
    acked_ts = {f"{1790001000 + round_no}.{n:06d}" for n in acked}
    return {
        "round": round_no,
        "killed_web_at_s": round(kill_web, 2),
        "killed_worker_at_s": round(kill_worker, 2),
        "acknowledged": len(acked),
        "never_acknowledged": len(unacked),
        "lost": len(acked_ts - saved_ts) + max(0, len(saved_ts) - checked),
        "doubled": sum(count - 1 for _, count in saved if count > 1) + max(0, checks - checked),
        "check_replies": checks,
    }


def answers_checked(engine: Any, round_no: int) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(
                text("SELECT count(*) FROM answers WHERE message_ts LIKE :p AND check_ts IS NOT NULL"),
                {"p": f"{1790001000 + round_no}.%"},
            ).scalar()
            or 0
        )


def main(quick: bool = False) -> dict[str, Any]:
    rounds = 2 if quick else ROUNDS
    fake = FakeSlackProcess()
    results = []
    load_before = load_average()
    try:
        with postgres_database("crash") as url:
            seed(url, fake)
            engine = create_engine(url)
            with engine.connect() as connection:
                channel, thread_ts = connection.execute(
                    text(
                        "SELECT channel_id, message_ts FROM prompts WHERE status = 'sent' ORDER BY id LIMIT 1"
                    )
                ).one()
            engine.dispose()
            for round_no in range(rounds):
                results.append(run_round(round_no, url, fake, channel, thread_ts))
                print(f"round {round_no}: {results[-1]}", flush=True)
    finally:
        fake.stop()
    print_table(
        f"crash: {EVENTS}-event bursts, web and worker killed (SIGKILL) at random moments",
        ["round", "web killed at s", "worker killed at s", "acked", "never acked", "lost", "doubled"],
        [
            [
                r["round"],
                r["killed_web_at_s"],
                r["killed_worker_at_s"],
                r["acknowledged"],
                r["never_acknowledged"],
                r["lost"],
                r["doubled"],
            ]
            for r in results
        ],
    )
    figures = {
        "rounds": len(results),
        "lost": sum(r["lost"] for r in results),
        "doubled": sum(r["doubled"] for r in results),
        "rounds_clean": sum(1 for r in results if not r["lost"] and not r["doubled"]),
        "events_per_round": EVENTS,
        "worker_timings": TIMINGS,
        "load_average_1m_before": round(load_before, 2),
        "results": results,
    }
    path = write_results("crash", figures, quick=quick)
    print(
        f"\nlost {figures['lost']}, doubled {figures['doubled']} over {len(results)} rounds "
        f"({figures['rounds_clean']} clean) -> {path.relative_to(ROOT)}"
    )
    return figures


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
