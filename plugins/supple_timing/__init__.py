"""First-party timing strategies (docs/strategies.md has the full reference).

``steady``: every repetition takes a set tempo (the step's own ``tempo`` if it gives one),
holds are timed at the end position, sets are separated by their rest, both sides are done
in turn with a short switch between them, and a transition sets up each exercise.

``gentle``: the same layout, slower and with longer rests and transitions, for a bad day (a
safety filter's pain gate switches a plan to it by name).

``time-boxed``: the ``steady`` layout fitted into ``minutes`` by trimming sets, then
repetitions, never below one set or one repetition, with a note saying what it trimmed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import supple

if TYPE_CHECKING:
    from .gentle_options import GentleOptions
    from .options import SteadyOptions
    from .timebox import TimeBoxOptions

def lay_out(steps: Sequence[supple.PlannedStep], options: SteadyOptions) -> supple.Timeline:
    """The ``steady`` layout of ``steps`` with ``options`` (a step's own options win)."""
    from .layout import build_timeline, steady_pace

    return build_timeline(steps, [steady_pace(step, options) for step in steps])


def gentle(steps: Sequence[supple.PlannedStep], options: GentleOptions) -> supple.Timeline:
    """The ``gentle`` layout: never faster, nor with shorter rests, than ``options``."""
    from .layout import build_timeline, gentle_pace

    return build_timeline(steps, [gentle_pace(step, options) for step in steps])


def time_boxed(steps: Sequence[supple.PlannedStep], options: TimeBoxOptions) -> supple.Timeline:
    """The ``time-boxed`` layout (see :mod:`supple_timing.timebox`)."""
    from .timebox import time_boxed as fit

    return fit(steps, options)


@supple.hookimpl
def supple_timing_strategies() -> Iterator[supple.TimingStrategy]:
    yield supple.TimingStrategy(
        name="steady",
        summary="A set tempo per repetition, timed holds, rests between sets.",
        build=lay_out,
        options="supple_timing.options:SteadyOptions",
    )
    yield supple.TimingStrategy(
        name="gentle",
        summary="Slower repetitions, longer rests and transitions, for a bad day.",
        build=gentle,
        options="supple_timing.gentle_options:GentleOptions",
    )
    yield supple.TimingStrategy(
        name="time-boxed",
        summary="Fits the session into N minutes by trimming sets, then repetitions, and says what it trimmed.",
        build=time_boxed,
        options="supple_timing.timebox:TimeBoxOptions",
    )
