"""`python -m benchmarks [NAME ...] [--quick]`: run the benchmarks (all by default), print their
tables, and write their figures to benchmarks/results/NAME.json. Needs a PostgreSQL server
(BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres)."""

from __future__ import annotations

import argparse
import importlib
import sys

NAMES = (
    "tick_cost",
    "ack_latency",
    "reply_latency",
    "crash",
    "outage",
    "fanout",
    "web_memory",
    "answer_check",
    "coverage",
    "importer_accuracy",
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run Loop Coach's benchmarks, print their tables and write benchmarks/results/NAME.json.",
        epilog="All of them take about half an hour and need PostgreSQL (BENCH_DATABASE_URL, else "
        "TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres).",
    )
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help=f"which to run (default: all): {', '.join(NAMES)}"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a short smoke run; figures go to NAME.quick.json, not the results",
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(NAMES))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(NAMES)}")
    for name in args.names or NAMES:
        importlib.import_module(f"benchmarks.{name}").main(quick=args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
