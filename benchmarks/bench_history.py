"""Benchmark: planning with a year of twice-daily history (730 logged sessions), in process.

The routine of bench_report.py (five steps, twice a day for 53 weeks) with the ``responsive``
progression, and the same log of 730 sessions in a temporary data directory. Timed, in one
process after a warm-up (the registry loaded once, as a long-running script would):

* ``build_plan`` without history (the floor);
* ``build_plan(history=records)`` with the 730 records already read (the target: < 100 ms);
* ``load_history`` (reading the 730 sessions from SQLite) plus ``build_plan``, as `supple plan`
  does.

    .venv/bin/python benchmarks/bench_history.py [--runs N]

Prints the median, minimum and maximum of N runs (default 11). Unset PYTHONDONTWRITEBYTECODE
for timing runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_report import ROUTINE, populate  # noqa: E402

RESPONSIVE = ROUTINE.replace('strategy = "linear"\nreps = 1\nmax_reps = 30', 'strategy = "responsive"')


def timed(work: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    work()  # warm-up
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - t0) * 1000)
    return times, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    assert 'strategy = "responsive"' in RESPONSIVE
    with tempfile.TemporaryDirectory() as tmp:
        routine_file = Path(tmp) / "year.toml"
        routine_file.write_text(RESPONSIVE)
        count = populate(routine_file, Path(tmp) / "data")
        os.environ["SUPPLE_DATA_DIR"] = str(Path(tmp) / "data")
        import supple

        registry = supple.load_registry()
        routine = supple.load_routine(str(routine_file))
        records = supple.load_history("bench-year")
        print(f"{count} sessions logged, {len(records)} read back; routine of 53 weeks, 5 steps, responsive")
        cases: list[tuple[str, Callable[[], Any]]] = [
            ("build_plan, no history", lambda: supple.build_plan(routine, registry)),
            ("build_plan, 730 records", lambda: supple.build_plan(routine, registry, history=records)),
            ("load_history + build_plan", lambda: supple.build_plan(
                routine, registry, history=supple.load_history("bench-year"))),
        ]
        for label, work in cases:
            times, plan = timed(work, args.runs)
            print(f"{label:<28} median {statistics.median(times):6.1f} ms  min {min(times):6.1f}  "
                  f"max {max(times):6.1f}  ({len(plan.sessions)} sessions, {len(plan.status)} past, "
                  f"{len(plan.postponed)} paused)")


if __name__ == "__main__":
    main()
