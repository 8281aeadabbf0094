"""Benchmark: the accuracy of `supple run`'s timer on the real clock.

Runs a synthetic session of about 25 seconds (segments from 0.3 s to 2.5 s, with fractional
lengths, and segments of repetitions split into beats, as the steady strategy lays them out)
through the real runner: the monotonic clock, waits done with ``select`` on a file descriptor
exactly as when reading keys from a terminal (here a pipe nobody writes to), and the terminal
screen rendering every update (into memory). For every segment boundary it measures how late
the runner moved on after the planned deadline, and the end of the session against the plan.

    .venv/bin/python benchmarks/bench_timer.py [--seconds S] [--seed N]

Prints the number of boundaries, the median, 95th percentile and maximum lateness in
milliseconds, and the drift of the session's end. The budget (docs/guided-sessions.md) is
50 ms; the script exits with status 1 if any boundary is later than that.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys

import supple
from supple.guide.clock import MonotonicClock
from supple.guide.keys import TerminalKeys
from supple.guide.runner import Runner, planned_ends
from supple.guide.screen import TerminalScreen

BUDGET_S = 0.050


def synthetic_timeline(seconds: float, seed: int) -> supple.Timeline:
    """Segments of random lengths adding up to about ``seconds``; every fifth a segment of
    repetitions (split into beats by the runner)."""
    rng = random.Random(seed)
    exercise = supple.Exercise(
        id="bench-move", name="Bench move", summary="A synthetic exercise.", kind="mobility",
        position="supine", dose=supple.Dose(reps=3), sources=(supple.Source("bench"),),
    )
    steps, segments, total = [], [], 0.0
    kinds = ("transition", "hold", "rest", "switch")
    while total < seconds:
        position = len(steps)
        steps.append(supple.PlannedStep(number=position + 1, exercise=exercise, set_name="bench",
                                        dose=supple.Dose(reps=3, hold_s=0)))
        for n in range(5):
            if n == 4:
                length = 3 * round(rng.uniform(0.2, 0.7), 3)  # three repetitions
                segments.append(supple.Segment("work", length, position, "Bench move", set=1))
            else:
                length = round(rng.uniform(0.2, 1.5), 3)
                segments.append(supple.Segment(kinds[n], length, position, kinds[n].title()))
            total += length
            if total >= seconds:
                break
    return supple.Timeline(segments=tuple(segments), steps=tuple(steps))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=25.0, help="session length (default 25)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the synthetic session")
    args = parser.parse_args()
    timeline = synthetic_timeline(args.seconds, args.seed)
    clock = MonotonicClock()
    read_end, write_end = os.pipe()
    try:
        keys = TerminalKeys(read_end, clock)
        screen = TerminalScreen(timeline, io.StringIO(), ansi=True, colour=True, bell=True, columns=100)
        result = Runner(timeline, clock, keys, screen).run()
    finally:
        os.close(read_end)
        os.close(write_end)
    late = sorted(b.lateness * 1000 for b in result.boundaries)
    planned = planned_ends(timeline)[-1]
    drift = (result.ended - result.started - planned) * 1000
    p95 = late[min(len(late) - 1, int(0.95 * len(late)))]
    print(f"session: {planned:.3f} s planned, {len(timeline.segments)} segments, "
          f"{len(result.boundaries)} boundaries measured")
    print(f"lateness per boundary (ms): median {statistics.median(late):.3f}, "
          f"p95 {p95:.3f}, max {late[-1]:.3f}, min {late[0]:.3f}")
    print(f"end of session vs plan: {drift:+.3f} ms (budget {BUDGET_S * 1000:.0f} ms)")
    over = [x for x in late if x > BUDGET_S * 1000]
    if over:
        print(f"OVER BUDGET: {len(over)} boundaries later than {BUDGET_S * 1000:.0f} ms")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
