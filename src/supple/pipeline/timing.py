"""Stage 6, timing: each session laid out in time by its timing strategy, the engine's one rule
for an exercise's minimum interval within a session, and the longest session supple plans."""

from __future__ import annotations

from typing import Any

from supple.errors import InputError, PluginError
from supple.model.plan import Timeline
from supple.model.step import PlannedStep
from supple.plugin.guard import PLUGIN_FAULTS, describe_fault, plugin_output
from supple.plugin.registry import Registry

#: The longest session supple plans (4 hours): anything longer is a mistake in the file.
MAX_SESSION_S = 4 * 3600


#: One laid-out session: timeline, routine positions of its steps, notes, step end times, and
#: the session's length in seconds.
Layout = tuple[Timeline, tuple[int, ...], tuple[str, ...], list[float], int]


def moved_note(start: Any, schedule: Any) -> str:
    """Why a session is not at one of the schedule's times: that time does not exist on a
    spring-forward day (see :func:`supple.pipeline.schedule.local_datetime`)."""
    from supple.pipeline.schedule import local_datetime

    wanted = [
        t for t in schedule.times if local_datetime(start.date(), t, start.tzinfo) == start
    ]
    asked = f"{wanted[0].hour:02d}:{wanted[0].minute:02d}" if wanted else "The scheduled time"
    return (
        f"{asked} does not exist on this day because the clocks go forward, so this session "
        f"starts at {start:%H:%M} instead."
    )


def lay_out(
    progressed: tuple[PlannedStep, ...],
    left_out: tuple[int, ...],
    spaced: list[int],
    timing: Any,
    timing_options: Any,
    registry: Registry,
    week: int,
    file: str,
) -> Layout:
    """Lay one session out: the timeline, the routine position of each of its steps, the notes
    on steps left out because they would repeat too soon within the session, and when each
    step ends (seconds from the start)."""
    from supple.model.durations import format_seconds

    gone = set(left_out)
    notes: list[str] = []
    while True:
        positions = tuple(i for i in range(len(progressed)) if i not in gone)
        timeline = build_timeline(timing, tuple(progressed[i] for i in positions), timing_options, registry)
        if not spaced or len(timeline.steps) != len(positions):
            break
        # a step that repeats an exercise within its minimum interval in the same session
        ends = step_ends(timeline)
        starts = step_starts(timeline)
        finished: dict[str, float] = {}
        repeat = None
        for position, original in enumerate(positions):
            step = timeline.steps[position]
            if original in spaced:
                done = finished.get(step.ref)
                if done is not None and starts[position] - done < step.exercise.min_interval_s:
                    repeat = original
                    notes.append(
                        f"{step.exercise.name} (step {step.number}) is left out of this session: it "
                        f"comes less than {format_seconds(step.exercise.min_interval_s)} after the "
                        "same exercise earlier in the session."
                    )
                    break
                finished[step.ref] = ends[position]
        if repeat is None:
            break
        gone.add(repeat)
    total = timeline.total_s
    if total > MAX_SESSION_S:
        raise InputError.at(
            f"a session in week {week} would last {format_seconds(total)}; supple plans "
            f"sessions of at most {format_seconds(MAX_SESSION_S)}: use fewer sets, repetitions or "
            "steps, shorter holds, or a time-boxed timing strategy",
            file, "steps",
        )
    return timeline, positions, tuple(notes), step_ends(timeline) if spaced else [], total


def build_timeline(timing: Any, steps: tuple[PlannedStep, ...], options: Any, registry: Registry) -> Timeline:
    plugin = registry.provider("timing strategy", timing.name) or timing.name
    try:
        with plugin_output():
            timeline = timing.build(steps, options)
    except InputError:
        raise
    except PLUGIN_FAULTS as exc:
        raise PluginError(plugin, f"timing strategy {timing.name!r} raised {describe_fault(exc)}") from None
    if not isinstance(timeline, Timeline):
        raise PluginError(
            plugin, f"timing strategy {timing.name!r} returned {type(timeline).__name__}, not a Timeline"
        )
    return timeline


def step_ends(timeline: Timeline) -> list[float]:
    """Seconds from the session's start to the end of each step's last segment."""
    ends = [0.0] * len(timeline.steps)
    clock = 0.0
    for segment in timeline.segments:
        clock += segment.seconds
        if 0 <= segment.step < len(ends):
            ends[segment.step] = clock
    return ends


def step_starts(timeline: Timeline) -> list[float]:
    """Seconds from the session's start to each step's first segment."""
    starts: list[float | None] = [None] * len(timeline.steps)
    clock = 0.0
    for segment in timeline.segments:
        if 0 <= segment.step < len(starts) and starts[segment.step] is None:
            starts[segment.step] = clock
        clock += segment.seconds
    return [clock if value is None else value for value in starts]


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def clock_text(moment: Any, now: Any) -> str:
    """``07:33`` when ``moment`` is on the same local day as ``now`` (an aware datetime in the
    schedule's zone), ``07:33 the day before``, or ``07:33 on Mon 7 Dec`` (English whatever
    the locale)."""
    from supple.model.routine import WEEKDAYS

    local = moment.astimezone(now.tzinfo)
    days = (now.date() - local.date()).days
    if days == 0:
        return f"{local:%H:%M}"
    if days == 1:
        return f"{local:%H:%M} the day before"
    day = WEEKDAYS[local.weekday()].capitalize()
    return f"{local:%H:%M} on {day} {local.day} {_MONTHS[local.month - 1]}"
