"""Benchmark: expand a twice-daily, 12-step routine into its plan, in-process.

The routine is synthetic: twelve exercises from a tiny in-script exercise plugin (a mix of
repetitions, holds, both sides and several sets, like a real routine) with the first-party
``linear`` progression adding a repetition a week to every step counted in repetitions (no cap
is reached), so every week's doses differ and every week needs its own timeline (the worst case
for the per-week cache). The registry holds the first-party plugins (safety filters included)
and is built once; what is
timed is ``supple.build_plan(routine, registry)``: resolve, safety, schedule, progression and
timing.

    .venv/bin/python benchmarks/bench_plan.py [--repeat N]

Prints, for 4, 12 and 52 weeks, the median, minimum and maximum of N runs (default 21) and the
median cost per session, which stays flat if the cost grows linearly with the number of
sessions. The target: 52 weeks in under 50 ms, also with a profile that triggers several rules
(osteoporosis, hypermobility, a birth year, so the age of the day is worked
out, and a dated amber pain score that makes two days gentle), where the safety filters judge
every session of the week's doses.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib

from content import EXERCISES, bench_set

import supple


def _dose(n: int) -> supple.Dose:
    if n % 3 == 0:  # a held stretch, twice, both sides
        return supple.Dose(sets=2, hold_s=30, per_side=True, rest_s=15)
    if n % 3 == 1:  # slow repetitions with a short hold
        return supple.Dose(reps=8, hold_s=3)
    return supple.Dose(sets=2, reps=10, per_side=n % 2 == 0, rest_s=30)  # strength, two sets


class BenchContent:
    """Twelve exercises, as a content plugin has them."""

    @supple.hookimpl
    def supple_exercise_sets(self):
        yield bench_set(_dose, cues=("Move slowly; stop short of pain.",))


def routine_text(weeks: int) -> str:
    return "\n".join([
        "[routine]",
        f'title = "Benchmark: {weeks} weeks of twice-daily sessions"',
        "[schedule]",
        "start = 2026-12-07",
        f"weeks = {weeks}",
        'days = "daily"',
        'times = ["07:30", "19:00"]',
        'timezone = "Europe/Madrid"',
        "[progression]",
        'strategy = "linear"',
        "reps = 1",
        "max_reps = 200",
        *[f'[[steps]]\nexercise = "bench/{ident}"' for ident in EXERCISES],
    ]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args(argv)

    from supple.io.routine_file import routine_from_dict
    from supple.testing import make_registry

    registry = make_registry(BenchContent(), builtins=True)
    import datetime as dt

    profiles = {
        "none": None,
        "several rules": supple.Profile(
            conditions=("osteoporosis", "hypermobility"), birth_year=1954,
            pain=4, pain_date=dt.date(2026, 12, 8), path="several.toml"),
    }
    print(f"python {sys.version.split()[0]}, {args.repeat} runs each; timed: supple.build_plan()")
    for name, person in profiles.items():
        print(f"profile: {name}")
        _table(registry, person, args.repeat, routine_from_dict)
    return 0


def _table(registry: object, person: supple.Profile | None, repeat: int, routine_from_dict: object) -> None:
    print(f"{'weeks':>5} {'sessions':>8} {'timelines':>9} {'median':>9} {'min':>9} {'max':>9} {'per session':>12}")
    for weeks in (4, 12, 52):
        routine = routine_from_dict(tomllib.loads(routine_text(weeks)), f"bench-{weeks}.toml")
        plan = supple.build_plan(routine, registry, person)  # warm-up, and check the plan is real
        sessions = len(plan.sessions) + len(plan.postponed)
        assert sessions == weeks * 7 * 2, sessions
        assert all(s.steps for s in plan.sessions)
        if person is not None:
            assert any(f.action == "removed" for f in plan.safety), "the profile's rules must act"
        timelines = len({id(s.timeline) for s in plan.sessions})
        assert plan.sessions[-1].steps[0].dose != plan.sessions[0].steps[0].dose
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            supple.build_plan(routine, registry, person)
            runs.append((time.perf_counter() - start) * 1000)
        median = statistics.median(runs)
        print(
            f"{weeks:>5} {sessions:>8} {timelines:>9} {median:>7.2f}ms {min(runs):>7.2f}ms "
            f"{max(runs):>7.2f}ms {median / sessions * 1000:>9.1f} us"
        )


if __name__ == "__main__":
    sys.exit(main())
