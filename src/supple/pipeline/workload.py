"""The total work a routine asks for, bounded before anything is planned.

Each size in :mod:`supple.limits` bounds one dimension (steps, weeks, times a day, characters
of a note), but the exports repeat the steps and their notes in every session: 100 steps with
2,000-character notes, six times a day for three years, is an 811 KB file that would need
gigabytes to export. :func:`check_workload` multiplies the dimensions out and refuses a routine
over :data:`~supple.limits.MAX_SESSION_STEPS` or :data:`~supple.limits.MAX_PLAN_TEXT`, naming
the limit, before planning starts (benchmarks/bench_limits.py measures the largest accepted
routine's memory).
"""

from __future__ import annotations

import datetime as dt

from supple import limits
from supple.errors import InputError
from supple.model.routine import Routine


def session_count(routine: Routine) -> int:
    """How many sessions the schedule asks for at most (one with no schedule): each day from
    start to until on a chosen weekday, times each time of day."""
    schedule = routine.schedule
    if schedule is None:
        return 1
    total_days = (schedule.until - schedule.start).days + 1
    weeks, rest = divmod(total_days, 7)
    chosen = set(schedule.days)
    days = weeks * len(chosen) + sum(
        1 for i in range(rest)
        if (schedule.start + dt.timedelta(days=weeks * 7 + i)).weekday() in chosen)
    return days * len(schedule.times)


def check_workload(routine: Routine) -> None:
    """Raise :class:`InputError` when ``routine`` would make a plan larger than the limits
    allow: sessions x steps, or the routine text every session repeats (title and notes)."""
    sessions = session_count(routine)
    steps = len(routine.steps)
    if sessions * steps > limits.MAX_SESSION_STEPS:
        raise InputError.at(
            f"{sessions:,} sessions x {steps} steps is {sessions * steps:,} planned steps; the "
            f"limit (MAX_SESSION_STEPS) is {limits.MAX_SESSION_STEPS:,}: plan fewer weeks, "
            "days or times a day, or fewer steps", routine.path, "schedule")
    per_session = len(routine.info.title) + sum(len(step.note) for step in routine.steps)
    text = sessions * per_session + len(routine.info.summary)
    if text > limits.MAX_PLAN_TEXT:
        raise InputError.at(
            f"{sessions:,} sessions each repeat {per_session:,} characters of title and notes, "
            f"{text:,} in all; the limit (MAX_PLAN_TEXT) is {limits.MAX_PLAN_TEXT:,}: shorten "
            "the notes or plan fewer sessions", routine.path, "steps")
