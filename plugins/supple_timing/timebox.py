"""``time-boxed``: fit a session into ``minutes`` by trimming sets, then repetitions.

1. While the session is too long, take one set off the step with the most sets (ties: the
   step whose set takes longest, then the later step), never going below one set.
2. If it is still too long, scale the repetitions of every rep-counted step by the same
   factor (the largest that fits), rounding down and never going below one repetition.
3. Holds, rests, switches and transitions are never shortened, and no step is left out: if
   the session still does not fit, it is kept at its trimmed length and a note says so.

A step with ``trim = false`` in its ``[steps.timing]`` table keeps its dose whole. Every change
is listed in the timeline's notes; the timeline's steps carry the trimmed doses.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

import supple

from .layout import build_timeline, steady_pace, step_seconds
from .options import _between, _number, seconds_field, tempo_field


@attrs.frozen
class TimeBoxOptions:
    """Options of ``time-boxed``: ``minutes`` the session must fit in, the ``steady`` keys for
    the layout, and ``trim`` (a step may set ``trim = false`` in ``[steps.timing]`` to keep its
    dose whole). ``minutes`` is read from the ``[timing]`` table only."""

    minutes: float = attrs.field(default=10.0, converter=_number, validator=_between(1, 240, " min"))
    tempo: float = tempo_field(4.0)
    rest: int | str = seconds_field(30, 900)
    transition: int | str = seconds_field(15, 300)
    switch: int | str = seconds_field(5, 120)
    trim: bool = True


def time_boxed(steps: Sequence[supple.PlannedStep], options: TimeBoxOptions) -> supple.Timeline:
    paces = [steady_pace(step, options) for step in steps]
    doses = [step.dose for step in steps]
    costs = [step_seconds(dose, pace) for dose, pace in zip(doses, paces)]
    budget = options.minutes * 60
    untrimmed = sum(costs)
    if untrimmed <= budget:
        return build_timeline(steps, paces)

    trimmable = [i for i, step in enumerate(steps) if (step.timing_options or options).trim]

    # 1. sets, from the step with the most
    total = untrimmed
    while total > budget:
        candidates = [i for i in trimmable if doses[i].sets > 1]
        if not candidates:
            break

        def saving(i: int) -> float:
            return costs[i] - step_seconds(supple.evolve(doses[i], sets=doses[i].sets - 1), paces[i])

        chosen = max(candidates, key=lambda i: (doses[i].sets, saving(i), i))
        doses[chosen] = supple.evolve(doses[chosen], sets=doses[chosen].sets - 1)
        costs[chosen] = step_seconds(doses[chosen], paces[chosen])
        total = sum(costs)

    # 2. repetitions, all rep-counted steps by the same factor
    if total > budget:
        counted = [i for i in trimmable if doses[i].reps > 1]
        if counted:
            fixed = sum(cost for i, cost in enumerate(costs) if i not in counted)

            def scaled(factor: float) -> dict[int, supple.Dose]:
                return {
                    i: supple.evolve(doses[i], reps=max(1, math.floor(doses[i].reps * factor)))
                    for i in counted
                }

            def length(candidate: dict[int, supple.Dose]) -> float:
                return fixed + sum(step_seconds(dose, paces[i]) for i, dose in candidate.items())

            low, high = 0.0, 1.0  # low always fits or is the floor; high never fits
            for _ in range(40):
                middle = (low + high) / 2
                if length(scaled(middle)) <= budget:
                    low = middle
                else:
                    high = middle
            for i, dose in scaled(low).items():
                doses[i] = dose
                costs[i] = step_seconds(dose, paces[i])
            total = sum(costs)

    trimmed = [supple.evolve(step, dose=dose) if dose != step.dose else step for step, dose in zip(steps, doses)]
    changes = [
        f"{step.exercise.name} {step.dose.describe()} -> {dose.describe()}"
        for step, dose in zip(steps, doses)
        if dose != step.dose
    ]
    minutes = f"{options.minutes:g} min"
    notes = []
    if changes:
        notes.append(
            f"Time-boxed to {minutes} (about {supple.format_seconds(untrimmed)} in full): "
            + "; ".join(changes)
            + "."
        )
    if total > budget:
        kept = len(steps) - len(trimmable)
        notes.append(
            f"Still about {supple.format_seconds(total)}, longer than {minutes}: sets and "
            "repetitions are at their lowest"
            + (f" (or kept whole in {kept} step{'s' if kept != 1 else ''} marked trim = false)" if kept else "")
            + ", and holds, rests and transitions are never shortened. Allow more minutes or "
            "leave an exercise out."
        )
    return build_timeline(trimmed, paces, notes)
