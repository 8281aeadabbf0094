"""First-party timing strategies.

``steady``: every repetition takes a set tempo (the step's own ``tempo`` if it gives one),
holds are timed at the end position, sets are separated by their rest, both sides are done
in turn with a short switch between them, and a transition sets up each exercise.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

import supple


@attrs.frozen
class SteadyOptions:
    """Options of the ``steady`` strategy (``[timing]`` table; a step may override them in
    ``[steps.timing]``). Seconds throughout."""

    tempo: float = attrs.field(default=4.0, validator=[attrs.validators.gt(0), attrs.validators.le(60)])
    rest: int = attrs.field(default=30, validator=[attrs.validators.ge(0), attrs.validators.le(900)])
    transition: int = attrs.field(default=15, validator=[attrs.validators.ge(0), attrs.validators.le(300)])
    switch: int = attrs.field(default=5, validator=[attrs.validators.ge(0), attrs.validators.le(120)])


def lay_out(steps: Sequence[supple.PlannedStep], options: SteadyOptions) -> supple.Timeline:
    """Lay ``steps`` out as segments with ``options`` (a step's own options win)."""
    segments: list[supple.Segment] = []
    for position, step in enumerate(steps):
        opts = step.timing_options or options
        dose = step.dose
        name = step.exercise.name
        tempo = dose.tempo_s if dose.tempo_s else opts.tempo
        rest = dose.rest_s if dose.rest_s else opts.rest
        if opts.transition:
            segments.append(supple.Segment("transition", opts.transition, position, f"Get ready: {name}"))
        sides = ("left", "right") if dose.per_side else (None,)
        for set_number in range(1, dose.sets + 1):
            for side_index, side in enumerate(sides):
                if side_index:
                    segments.append(
                        supple.Segment("switch", opts.switch, position, "Switch sides", set=set_number)
                    )
                for rep in range(1, dose.reps_per_set + 1):
                    if dose.reps:
                        segments.append(supple.Segment(
                            "work", tempo, position, name, set=set_number, rep=rep, side=side))
                    if dose.hold_s:
                        segments.append(supple.Segment(
                            "hold", dose.hold_s, position, f"Hold: {name}", set=set_number,
                            rep=rep, side=side))
            if set_number < dose.sets and rest:
                segments.append(supple.Segment("rest", rest, position, "Rest", set=set_number))
    return supple.Timeline(segments=tuple(segments), steps=tuple(steps))


@supple.hookimpl
def supple_timing_strategies():
    yield supple.TimingStrategy(
        name="steady",
        summary="A set tempo per repetition, timed holds, rests between sets.",
        build=lay_out,
        options=SteadyOptions,
    )
