"""outage: the database goes away for 5 minutes (connections refused), then is cut off by a
partition for 90 seconds (packets held, nothing refused), while Slack keeps sending events.

The web process (gunicorn) and a worker reach PostgreSQL through a proxy (tests/support/tcp_proxy.py)
that can refuse or partition. Throughout, an answer event arrives every half second; an event that
gets no 200 is sent again (X-Slack-Retry-Num) every 30 s, as Slack retries. After each fault the
processes must recover by themselves (nothing is restarted), and every acknowledged event must be
applied once: lost = acknowledged but never saved; doubled = saved twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
import time
from typing import Any

from sqlalchemy import create_engine, func, make_url, select, text

from benchmarks.ack_latency import seed
from benchmarks.crash import answer_event, send_all
from benchmarks.support import (
    ROOT,
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
from tests.support.app_server import http_request
from tests.support.tcp_proxy import TcpProxy

EVERY = 0.5  # seconds between new events
RETRY_EVERY = 30.0


class PartitionProxy(TcpProxy):
    """A proxy that can also partition: bytes stop flowing both ways, nothing is refused."""

    def __init__(self, host: str, port: int) -> None:
        self.flowing = threading.Event()
        self.flowing.set()
        super().__init__(host, port)

    def partition(self) -> None:
        self.flowing.clear()

    def heal(self) -> None:
        self.flowing.set()

    def _pipe(self, source: Any, sink: Any) -> None:
        try:
            while data := source.recv(65536):
                self.flowing.wait()  # a partition: the bytes wait, as lost packets would be resent
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.close()


def health(port: int) -> int:
    try:
        return http_request(port, "GET", "/healthz", timeout=5).status
    except OSError:
        return 0


def phase(
    name: str, fault: Any, heal: Any, seconds: float, port: int, bodies: list[bytes], state: dict[str, Any]
) -> dict[str, Any]:
    """Events every EVERY s before, during and after the fault; retries of unacknowledged ones."""
    first = state["next"]
    fault_at = time.monotonic()
    fault()
    healed_at: float | None = None
    healthy_at: float | None = None
    last_retry = time.monotonic()
    while True:
        now = time.monotonic()
        if healed_at is None and now - fault_at >= seconds:
            heal()
            healed_at = now
        n = state["next"]
        state["next"] += 1
        state["acked"] |= {n + i for i in asyncio.run(send_all(port, [bodies[n]]))}
        if now - last_retry >= RETRY_EVERY:
            unacked = [i for i in range(first, state["next"]) if i not in state["acked"]]
            retried = asyncio.run(send_all(port, [bodies[i] for i in unacked], retry=1))
            state["acked"] |= {unacked[i] for i in retried}
            last_retry = now
        if healed_at is not None and healthy_at is None and health(port) == 200:
            healthy_at = time.monotonic()
        if healthy_at is not None and now - healthy_at > 20:  # 20 s of ordinary traffic after
            break
        time.sleep(EVERY)
    recovered = (healthy_at or time.monotonic()) - (healed_at or fault_at)
    unacked = [i for i in range(first, state["next"]) if i not in state["acked"]]
    for attempt in (2, 3):  # Slack's last retries
        retried = asyncio.run(send_all(port, [bodies[i] for i in unacked], retry=attempt))
        state["acked"] |= {unacked[i] for i in retried}
        unacked = [i for i in unacked if i not in state["acked"]]
    return {
        "phase": name,
        "fault_seconds": seconds,
        "events": state["next"] - first,
        "healthy_again_after_s": round(recovered, 1),
        "never_acknowledged": len(unacked),
    }


def main(quick: bool = False) -> dict[str, Any]:
    outage_s, partition_s = (30.0, 15.0) if quick else (300.0, 90.0)
    fake = FakeSlackProcess()
    load_before = load_average()
    try:
        with postgres_database("outage") as url:
            seed(url, fake)
            engine = create_engine(url)
            with engine.connect() as connection:
                channel, thread_ts = connection.execute(
                    text(
                        "SELECT channel_id, message_ts FROM prompts WHERE status = 'sent' ORDER BY id LIMIT 1"
                    )
                ).one()
            real = make_url(url)
            proxy = PartitionProxy(real.host or "127.0.0.1", real.port or 5432)
            proxied = real.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
            port = free_port()
            web = start_web("bot.web:wsgi_app()", database_url=proxied, fake=fake, port=port)
            worker = start_worker(database_url=proxied, fake=fake)
            bodies = [answer_event(channel, thread_ts, n, 50)[1] for n in range(5000)]
            state: dict[str, Any] = {"next": 0, "acked": set()}
            phases = []
            try:
                phases.append(
                    phase("outage (refused)", proxy.cut, proxy.restore, outage_s, port, bodies, state)
                )
                print(phases[-1], flush=True)
                phases.append(
                    phase("partition (held)", proxy.partition, proxy.heal, partition_s, port, bodies, state)
                )
                print(phases[-1], flush=True)
                drain(url, timeout=600)
                acked_ts = {f"{1790001050}.{n:06d}" for n in state["acked"]}
                wait_until(lambda: saved(engine) >= acked_ts, what="every acknowledged answer", timeout=300)
            except RuntimeError:
                pass
            finally:
                stop(web)
                stop(worker)
                proxy.close()
            with engine.connect() as connection:
                counts = connection.execute(
                    select(Answer.message_ts, func.count())
                    .where(Answer.message_ts.like("1790001050.%"))
                    .group_by(Answer.message_ts)
                ).all()
            engine.dispose()
    finally:
        fake.stop()
    saved_ts = {ts for ts, _ in counts}
    lost = len({f"{1790001050}.{n:06d}" for n in state["acked"]} - saved_ts)
    doubled = sum(c - 1 for _, c in counts if c > 1)
    print_table(
        "outage: the database refused for a while, then partitioned; events every 0.5 s, Slack's retries every 30 s",
        ["phase", "fault s", "events", "healthy again after s", "never acknowledged"],
        [
            [p["phase"], p["fault_seconds"], p["events"], p["healthy_again_after_s"], p["never_acknowledged"]]
            for p in phases
        ],
    )
    figures = {
        "lost": lost,
        "doubled": doubled,
        "acknowledged": len(state["acked"]),
        "phases": phases,
        "load_average_1m_before": round(load_before, 2),
    }
    path = write_results("outage", figures, quick=quick)
    print(
        f"\nlost {lost}, doubled {doubled} of {len(state['acked'])} acknowledged -> {path.relative_to(ROOT)}"
    )
    return figures


def saved(engine: Any) -> set[str]:
    with engine.connect() as connection:
        return set(
            connection.execute(
                text("SELECT message_ts FROM answers WHERE message_ts LIKE '1790001050.%'")
            ).scalars()
        )


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
