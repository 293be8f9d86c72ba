"""Pacing Slack calls to Slack's published limits, so a big morning is not a storm of 429s.

A 429 costs a whole Retry-After (whole seconds) per thread that hits it; staying just under the
limit costs nothing. Deliveries are paced with token buckets: per workspace and method (Slack's
tiers, which count per app per workspace) and, for chat.postMessage, per channel too. Workers on
many machines share the workspace buckets through PostgreSQL (SharedPacer: one UPDATE per call);
channel buckets stay in the process, as one delivery job holds a channel's morning prompt. A 429
that still happens is handled by the retry handler.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk.web import SlackResponse
from sqlalchemy import Engine, text

from bot.metered_client import MeteredWebClient


@dataclass(frozen=True)
class Rate:
    per_second: float
    burst: int = 1

    def scaled(self, factor: float) -> Rate:
        return Rate(self.per_second * factor, self.burst)


# Slack's limits per app per workspace: Tier 3 conversations.open (50 a minute), Tier 4 users.info
# and files.info (100); chat.postMessage one a second per channel and a workspace-wide limit that
# Slack does not publish: 600 a minute is our assumption. Slack welcomes short bursts; a bucket
# holds half a minute's quota, so a quiet clock starts a morning at speed.
# We pace at 97% of each limit: requests reach Slack with jitter, and a 429 costs a whole second.
HEADROOM = 0.97
SLACK_RATES: dict[str, Rate] = {
    "conversations.open": Rate(50 / 60 * HEADROOM, burst=25),
    "users.info": Rate(100 / 60 * HEADROOM, burst=50),
    "files.info": Rate(100 / 60 * HEADROOM, burst=50),
    "conversations.history": Rate(50 / 60 * HEADROOM, burst=25),
    "chat.postMessage": Rate(600 / 60 * HEADROOM, burst=300),
}
PER_CHANNEL_RATES: dict[str, Rate] = {"chat.postMessage": Rate(1.0 * HEADROOM)}


class TokenBucket:
    def __init__(self, rate: Rate, clock: Callable[[], float] = time.monotonic) -> None:
        self._rate = rate
        self._clock = clock
        self._lock = threading.Lock()
        self._tokens = float(rate.burst)
        self._stamp = clock()

    def reserve(self) -> float:
        """Take a token; return how long to wait before using it (0 if one was free)."""
        with self._lock:
            now = self._clock()
            self._tokens = min(self._rate.burst, self._tokens + (now - self._stamp) * self._rate.per_second)
            self._stamp = now
            self._tokens -= 1
            return 0.0 if self._tokens >= 0 else -self._tokens / self._rate.per_second

    @property
    def idle(self) -> bool:
        with self._lock:
            return self._tokens >= self._rate.burst - 1e-9 or self._clock() - self._stamp > 60


class Pacer:
    def __init__(
        self,
        rates: dict[str, Rate] | None = None,
        per_channel: dict[str, Rate] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._rates = SLACK_RATES if rates is None else rates
        self._per_channel = PER_CHANNEL_RATES if per_channel is None else per_channel
        self._sleep = sleep
        self._lock = threading.Lock()
        self._buckets: dict[tuple[str, ...], TokenBucket] = {}

    @classmethod
    def scaled(cls, factor: float) -> Pacer:
        """Slack's limits with time compressed `factor` times (for benchmarks against a fake)."""
        return cls(
            {m: r.scaled(factor) for m, r in SLACK_RATES.items()},
            {m: r.scaled(factor) for m, r in PER_CHANNEL_RATES.items()},
        )

    def _bucket(self, key: tuple[str, ...], rate: Rate) -> TokenBucket:
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) > 10_000:  # forget channels not posted to lately
                    self._buckets = {k: b for k, b in self._buckets.items() if not k[-1] or not b.idle}
                bucket = self._buckets[key] = TokenBucket(rate)
            return bucket

    def wait(self, method: str, channel: str | None = None, team: str = "") -> None:
        waits = []
        if method in self._rates:
            waits.append(self.workspace_wait(team, method, self._rates[method]))
        if channel and method in self._per_channel:
            waits.append(self._bucket((team, method, channel), self._per_channel[method]).reserve())
        longest = max(waits, default=0.0)
        if longest > 0:
            self._sleep(longest)

    def workspace_wait(self, team: str, method: str, rate: Rate) -> float:
        return self._bucket((team, method, ""), rate).reserve()

    @property
    def rates(self) -> dict[str, Rate]:
        return self._rates


# One statement takes a token (or reserves the next) from a bucket kept in PostgreSQL; tokens may
# go negative, and -tokens / rate is how long the caller waits, as in TokenBucket.reserve().
TAKE_TOKEN = text(
    """
    INSERT INTO slack_pacing (team_id, method, tokens, stamp)
    VALUES (:team, :method, :burst - 1, clock_timestamp() AT TIME ZONE 'UTC')
    ON CONFLICT (team_id, method) DO UPDATE SET
        tokens = least(:burst, slack_pacing.tokens + :rate * extract(epoch FROM
                 (clock_timestamp() AT TIME ZONE 'UTC') - slack_pacing.stamp)) - 1,
        stamp = clock_timestamp() AT TIME ZONE 'UTC'
    RETURNING tokens
    """
)


class SharedPacer(Pacer):
    """Workspace buckets in PostgreSQL, shared by every worker on every machine."""

    def __init__(self, engine: Engine, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._engine = engine

    @classmethod
    def scaled_shared(cls, engine: Engine, factor: float) -> SharedPacer:
        base = Pacer.scaled(factor)
        return cls(engine, base._rates, base._per_channel)

    def workspace_wait(self, team: str, method: str, rate: Rate) -> float:
        with self._engine.begin() as connection:
            tokens = float(
                connection.execute(
                    TAKE_TOKEN, {"team": team, "method": method, "burst": rate.burst, "rate": rate.per_second}
                ).scalar_one()
            )
        return 0.0 if tokens >= 0 else -tokens / rate.per_second


class PacedWebClient(MeteredWebClient):
    """A WebClient that waits for its pacer before every call."""

    def __init__(self, *args: Any, pacer: Pacer, team: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pacer = pacer
        self.team = team

    def api_call(self, api_method: str, **kwargs: Any) -> SlackResponse:
        fields = kwargs.get("json") or kwargs.get("data") or kwargs.get("params") or {}
        channel = fields.get("channel") if isinstance(fields, dict) else None
        self.pacer.wait(api_method, str(channel) if channel else None, self.team)
        return super().api_call(api_method, **kwargs)
