"""Benchmark: export a 52-week, twice-daily, 12-step routine to ICS, in-process.

The routine is synthetic (twelve exercises and a one-more-rep-a-week progression from a small
in-script plugin, so every week's doses and descriptions differ) and the plan is built once; what is timed is the
``ics`` exporter's ``render(plan, options)`` call, the part ``supple export --to ics`` adds to
planning. Planning plus export is timed too, for context.

    .venv/bin/python benchmarks/bench_ics.py [--repeat N]

Prints the median, minimum and maximum wall-clock time of N runs (default 15), the median CPU
time of the process (less affected by other programs on a busy machine), and the output's size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib

from content import EXERCISES, bench_set

import supple


class BenchContent:
    """Twelve exercises with names, cues and sources, as a content plugin has them."""

    @supple.hookimpl
    def supple_exercise_sets(self):
        yield bench_set(
            lambda n: supple.Dose(reps=4, hold_s=2, per_side=n % 2 == 0),
            cues=("Move slowly; stop short of pain.", "Breathe out as you move.",
                  "A third cue that the calendar leaves out."),
            name="Benchmark move {n}, slow and controlled",
        )

    @supple.hookimpl
    def supple_progression_strategies(self):
        yield supple.ProgressionStrategy(
            name="bench-weekly",
            summary="One more repetition each week.",
            dose_for=lambda base, week, options, context: supple.evolve(base, reps=base.reps + week - 1),
        )


ROUTINE = "\n".join([
    "[routine]",
    'id = "bench-ics"',
    'title = "Benchmark: a year of twice-daily sessions"',
    'summary = "Twelve steps, morning and evening, 52 weeks."',
    "revised = 2026-11-01",
    "[schedule]",
    "start = 2026-12-07",
    "weeks = 52",
    'days = "daily"',
    'times = ["07:30", "19:00"]',
    'timezone = "Europe/Madrid"',
    "[progression]",
    'strategy = "bench-weekly"',
    *[f'[[steps]]\nexercise = "{ident}"\nnote = "Step {n}: keep it gentle, ✓ easy."'
      for n, ident in enumerate(EXERCISES, start=1)],
]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)

    import supple_ics
    import supple_timing
    from supple.io.routine_file import routine_from_dict

    registry = supple.registry_from_plugins({
        "timing": supple_timing, "ics": supple_ics,
        "bench": BenchContent(),
    })
    routine = routine_from_dict(tomllib.loads(ROUTINE), "bench-ics.toml")
    exporter = registry.get("exporter", "ics")
    options = supple_ics.IcsOptions()

    def plan():
        return supple.build_plan(routine, registry)

    built = plan()
    assert len(built.sessions) == 52 * 7 * 2, len(built.sessions)
    assert all(len(s.steps) == 12 for s in built.sessions)
    data = exporter.render(built, options)  # warm-up: imports icalendar
    assert data.count(b"BEGIN:VEVENT") == len(built.sessions)

    def timed(fn, repeat):
        wall, cpu = [], []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        return wall, cpu

    export_runs = timed(lambda: exporter.render(built, options), args.repeat)
    both_runs = timed(lambda: exporter.render(plan(), options), max(3, args.repeat // 3))
    print(f"sessions: {len(built.sessions)}, steps per session: 12, output: {len(data):,} bytes")
    for label, (wall, cpu) in (("export (render only)", export_runs), ("plan + export", both_runs)):
        print(f"{label:22s} median {statistics.median(wall):6.1f} ms   min {min(wall):6.1f} ms   "
              f"max {max(wall):6.1f} ms   CPU median {statistics.median(cpu):6.1f} ms   "
              f"({len(wall)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
