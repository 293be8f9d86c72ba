"""`python -m benchmarks [NAME ...] [--quick]`: run the benchmarks (all by default), print their
tables, and write their figures to benchmarks/results/NAME.json. Needs a PostgreSQL server
(BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres)."""

from __future__ import annotations

import importlib
import sys

NAMES = ("tick_cost", "ack_latency", "fanout", "web_memory", "answer_check")


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    chosen = [name for name in argv if not name.startswith("--")] or list(NAMES)
    unknown = set(chosen) - set(NAMES)
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(sorted(unknown))}; choose from {', '.join(NAMES)}",
            file=sys.stderr,
        )
        return 2
    for name in chosen:
        importlib.import_module(f"benchmarks.{name}").main(quick=quick)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
