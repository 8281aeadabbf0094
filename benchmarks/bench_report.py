"""Benchmark: `supple report` over a year of twice-daily history (730 logged sessions).

A five-step routine from the bundled catalogue, scheduled twice a day for 53 weeks (the first 365 days logged) with the
``linear`` progression, and a log of 730 sessions in a temporary data directory (every planned
session logged, with varied outcomes, pains and efforts; run-recorded sessions have five steps
with planned and done doses). What is timed is the whole command as a user runs it, wall clock,
in a fresh process: `supple report ROUTINE --to 2027-12-06` (text), with `--json`, and with
`--format csv`.

    .venv/bin/python benchmarks/bench_report.py [--runs N]

Prints the median, minimum and maximum of N runs (default 11) of each. The target: under 300 ms.
Unset PYTHONDONTWRITEBYTECODE for timing runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUTINE = """
[routine]
title = "A year, twice a day"
id = "bench-year"

[schedule]
start = 2026-12-07
weeks = 53
days = "daily"
times = ["07:30", "19:00"]
timezone = "Europe/Madrid"

[progression]
strategy = "linear"
reps = 1
max_reps = 30

[[steps]]
exercise = "pelvic-tilt"
reps = 8
hold = 3

[[steps]]
exercise = "cat-cow"
reps = 10

[[steps]]
exercise = "childs-pose"
hold = 30
sets = 2

[[steps]]
exercise = "side-lying-thoracic-rotation"
reps = 10
per_side = true

[[steps]]
exercise = "glute-bridge"
reps = 10
sets = 2
"""


def populate(routine: Path, data: Path) -> int:
    """Log every planned session of the year (730), in one transaction."""
    os.environ["SUPPLE_DATA_DIR"] = str(data)
    import attrs

    from supple.guide import log
    from supple.io.routine_file import load_routine
    from supple.pipeline.orchestrator import build_plan
    from supple.plugin.manager import load_registry

    loaded = load_routine(str(routine))
    plan = build_plan(loaded, load_registry(), None)
    entries = []
    for i, session in enumerate(plan.sessions[:730]):  # 2026-12-07 to 2027-12-06: 365 days
        outcome = ("done", "done", "done", "partial", "done", "skipped", "done")[i % 7]
        steps = []
        for j, step in enumerate(session.steps):
            if outcome == "done" or (outcome == "partial" and j < 3):
                steps.append(log.LoggedStep(step.number, step.ref, "done", step.dose, step.dose))
            elif outcome == "partial":
                steps.append(log.LoggedStep(step.number, step.ref, "skipped", step.dose,
                                            attrs.evolve(step.dose, sets=0)))
            else:
                steps.append(log.LoggedStep(step.number, step.ref, "not-reached", step.dose,
                                            attrs.evolve(step.dose, sets=0)))
        start = session.start.isoformat(timespec="seconds")
        entries.append(log.normalized(log.LoggedSession(
            started=start, ended=start, routine_id="bench-year", routine_title=loaded.info.title,
            routine_path=str(routine), week=session.week, timing=plan.timing, status="finished",
            steps_total=len(steps), pain_before=i % 5, pain_after=(i + 2) % 6,
            next_day_pain=(i % 4) if i % 2 else None, effort=("easy", "ok", "hard", None)[i % 4],
            steps=tuple(steps), outcome=outcome)))

    def work(connection):
        for entry in entries:
            log._insert(connection, entry)
        return len(entries)

    return log.transaction(work, "benchmark")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    supple = Path(sys.executable).with_name("supple")
    with tempfile.TemporaryDirectory() as tmp:
        routine = Path(tmp) / "year.toml"
        routine.write_text(ROUTINE)
        data = Path(tmp) / "data"
        count = populate(routine, data)
        env = {**os.environ, "SUPPLE_DATA_DIR": str(data), "SUPPLE_CONFIG_DIR": str(Path(tmp) / "cfg")}
        print(f"{count} sessions logged over 365 days; routine of 53 weeks, 5 steps")
        for extra in ([], ["--json"], ["--format", "csv"]):
            command = [str(supple), "report", str(routine), "--to", "2027-12-06", *extra]
            subprocess.run(command, env=env, check=True, capture_output=True)  # warm the caches
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                done = subprocess.run(command, env=env, check=True, capture_output=True)
                times.append((time.perf_counter() - t0) * 1000)
            label = " ".join(["report", *extra]) or "report"
            print(f"{label:<22} median {statistics.median(times):6.1f} ms  min {min(times):6.1f}  "
                  f"max {max(times):6.1f}  ({len(done.stdout)} bytes)")


if __name__ == "__main__":
    main()
