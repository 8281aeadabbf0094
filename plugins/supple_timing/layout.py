"""Laying a session's steps out in time: the segments every first-party strategy produces.

Each step starts with a ``transition`` (getting into position). Then, for every set and every
side, one ``work`` segment holds all the repetitions of that set on that side (each repetition
takes the tempo plus its hold at the end position), or one ``hold`` segment for a held stretch
without repetitions; ``switch`` separates the left side from the right, and ``rest`` separates
the sets; a dose that alternates sides (``Dose.alternate``) has one segment per repetition and
side instead (left, right, left...), without switches. A set of a pyramid (``Dose.set_reps``)
takes its own count; a dose with a continuous ``duration_s`` has one work segment of that length
per set and side. Segments are per set and side rather
than per repetition so that a year-long plan stays small; a timer can split a work segment by
the step's dose (``reps``, ``tempo_s``, ``hold_s``).

:func:`step_seconds` gives the same total as the segments, by arithmetic, so a strategy can
weigh doses (time-boxing) without building segments.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

import supple


@attrs.frozen
class Pace:
    """The times one step is laid out with, after options and the step's own dose are
    reconciled."""

    tempo: float
    rest: float
    transition: float
    switch: float


def steady_pace(step: supple.PlannedStep, options: Any) -> Pace:
    """The step's own tempo and rest when it gives them, else the options'."""
    opts = step.timing_options or options
    dose = step.dose
    return Pace(
        tempo=dose.tempo_s if dose.tempo_s else opts.tempo,
        rest=dose.rest_s if dose.rest_s else opts.rest,
        transition=opts.transition,
        switch=opts.switch,
    )


def gentle_pace(step: supple.PlannedStep, options: Any) -> Pace:
    """Never faster or with shorter rests than the options; slower steps keep their pace."""
    opts = step.timing_options or options
    dose = step.dose
    return Pace(
        tempo=max(dose.tempo_s or 0.0, opts.tempo),
        rest=max(dose.rest_s, opts.rest),
        transition=opts.transition,
        switch=opts.switch,
    )


def _set_side_seconds(dose: supple.Dose, pace: Pace, set_number: int = 1) -> float:
    if dose.duration_s:  # continuous work: one phase as long as the duration
        return dose.duration_s
    if dose.reps:
        return dose.reps_in_set(set_number) * (pace.tempo + dose.hold_s)
    return dose.hold_s if dose.hold_s else pace.tempo


def _alternating(dose: supple.Dose) -> bool:
    """The sides take turns repetition by repetition (``Dose.alternate``)."""
    return bool(dose.per_side and dose.alternate and dose.reps > 1 and not dose.duration_s)


def step_seconds(dose: supple.Dose, pace: Pace) -> float:
    """The seconds one step takes with ``dose`` at ``pace``: exactly the sum of the segments
    :func:`step_segments` makes for it."""
    sides = 2 if dose.per_side else 1
    total = pace.transition + sides * sum(_set_side_seconds(dose, pace, n) for n in range(1, dose.sets + 1))
    if not _alternating(dose):  # alternating sides turn as they go: no switch
        total += dose.sets * (sides - 1) * pace.switch
    total += (dose.sets - 1) * pace.rest
    return total


def step_segments(position: int, step: supple.PlannedStep, pace: Pace) -> list[supple.Segment]:
    """The segments of one step (see the module's docstring for their shape)."""
    dose = step.dose
    name = step.exercise.name
    Segment = supple.Segment
    segments: list[supple.Segment] = []
    if pace.transition:
        segments.append(Segment("transition", pace.transition, position, f"Get ready: {name}"))
    sides = ("left", "right") if dose.per_side else (None,)
    for set_number in range(1, dose.sets + 1):
        seconds = _set_side_seconds(dose, pace, set_number)
        reps = dose.reps_in_set(set_number)
        if dose.duration_s:
            kind, label = "work", f"{name}: {supple.format_seconds(dose.duration_s)}"
        elif dose.reps:
            kind = "work"
            label = f"{name}: {reps} reps" + (
                f", hold {supple.format_seconds(dose.hold_s)} each" if dose.hold_s else ""
            )
        elif dose.hold_s:
            kind, label = "hold", f"Hold: {name}"
        else:
            kind, label = "work", name
        if _alternating(dose):  # one segment per repetition and side: left, right, left...
            for rep in range(1, reps + 1):
                for side in sides:
                    segments.append(Segment(kind, seconds / reps, position, label, set=set_number,
                                            rep=rep, side=side))
            if set_number < dose.sets and pace.rest:
                segments.append(Segment("rest", pace.rest, position, "Rest", set=set_number))
            continue
        for side_index, side in enumerate(sides):
            if side_index:
                segments.append(Segment("switch", pace.switch, position, "Switch sides", set=set_number))
            segments.append(Segment(kind, seconds, position, label, set=set_number, side=side))
        if set_number < dose.sets and pace.rest:
            segments.append(Segment("rest", pace.rest, position, "Rest", set=set_number))
    return segments


def build_timeline(
    steps: Sequence[supple.PlannedStep], paces: Sequence[Pace], notes: Sequence[str] = ()
) -> supple.Timeline:
    """The timeline of ``steps``, each at its pace."""
    segments: list[supple.Segment] = []
    for position, (step, pace) in enumerate(zip(steps, paces)):
        segments.extend(step_segments(position, step, pace))
    return supple.Timeline(segments=tuple(segments), steps=tuple(steps), notes=tuple(notes))


def step_durations(timeline: supple.Timeline) -> list[float]:
    """Seconds spent on each step of ``timeline``, by position (any strategy's timeline)."""
    out = [0.0] * len(timeline.steps)
    for segment in timeline.segments:
        if 0 <= segment.step < len(out):
            out[segment.step] += segment.seconds
    return out
