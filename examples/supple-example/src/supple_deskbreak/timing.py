"""The ``microbreak`` timing strategy: how long each part of a desk break takes."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

import supple


@attrs.frozen
class MicrobreakOptions:
    """The ``[timing]`` table's options when ``strategy = "microbreak"``, in seconds."""

    tempo: float = attrs.field(default=3.0, validator=[attrs.validators.gt(0), attrs.validators.le(20)])
    rest: int = attrs.field(default=10, validator=[attrs.validators.ge(0), attrs.validators.le(120)])
    switch: int = attrs.field(default=3, validator=[attrs.validators.ge(0), attrs.validators.le(30)])


def lay_out(steps: Sequence[supple.PlannedStep], options: MicrobreakOptions) -> supple.Timeline:
    """One session: each repetition takes ``tempo`` seconds (or the step's own tempo), holds
    are timed, sets are ``rest`` seconds apart, and there is no set-up time between steps."""
    segments = []
    for position, step in enumerate(steps):
        opts = step.timing_options or options  # a step's [steps.timing] table wins
        dose = step.dose
        name = step.exercise.name
        tempo = dose.tempo_s or opts.tempo
        rest = dose.rest_s or opts.rest
        sides = ("left", "right") if dose.per_side else (None,)
        for set_number in range(1, dose.sets + 1):
            for side in sides:
                if side == "right":
                    segments.append(supple.Segment("switch", opts.switch, position, "Switch sides",
                                                   set=set_number))
                for rep in range(1, dose.reps_per_set + 1):
                    if dose.reps:
                        segments.append(supple.Segment("work", tempo, position, name,
                                                       set=set_number, rep=rep, side=side))
                    if dose.hold_s:
                        segments.append(supple.Segment("hold", dose.hold_s, position, f"Hold: {name}",
                                                       set=set_number, rep=rep, side=side))
            if set_number < dose.sets and rest:
                segments.append(supple.Segment("rest", rest, position, "Rest", set=set_number))
    return supple.Timeline(segments=tuple(segments), steps=tuple(steps))
