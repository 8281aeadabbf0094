"""``phased``: an explicit table of phases, each lasting some weeks with its own dose.

Each phase gives ``weeks`` (how long it lasts) and any of ``sets``, ``reps``, ``hold`` and
``rest``; what a phase leaves out is the step's base dose. Phases follow each other from week
1; after the last one the last phase's dose continues. Weight is not part of a phase: adding
load is the ``load`` strategy's job, because it must check the person's pain first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

import supple

from .fields import between, number, seconds


@attrs.frozen
class Phase:
    """One row of the table."""

    weeks: int = attrs.field(validator=between(1, 156, " weeks"))
    sets: int | None = number(None, 1, 20)
    reps: int | None = number(None, 1, 500)
    hold: int | str | None = seconds(None, 0, 600)
    rest: int | str | None = seconds(None, 0, 900)


def _phases(instance: object, attribute: attrs.Attribute[Any], value: tuple[Phase, ...]) -> None:
    if not 1 <= len(value) <= 156:
        raise ValueError(f"{attribute.name}: give between 1 and 156 phases; got {len(value)}")


@attrs.frozen
class PhasedOptions:
    """Options of ``phased``: ``phases``, a list of tables (``[[progression.phases]]`` or
    ``phases = [{ weeks = 2, reps = 10 }, ...]``)."""

    phases: tuple[Phase, ...] = attrs.field(validator=_phases)


def phase_of(week: int, options: PhasedOptions) -> tuple[int, Phase]:
    """The phase (numbered from 1) that week ``week`` falls in."""
    end = 0
    for number_, phase in enumerate(options.phases, start=1):
        end += phase.weeks
        if week <= end:
            return number_, phase
    return len(options.phases), options.phases[-1]


def dose_for(
    base: supple.Dose, week: int, options: PhasedOptions, context: supple.ProgressionContext
) -> supple.Dose:
    _, phase = phase_of(week, options)
    changes = {
        attribute: value
        for attribute, value in (
            ("sets", phase.sets),
            ("reps", phase.reps),
            ("hold_s", phase.hold),
            ("rest_s", phase.rest),
        )
        if value is not None
    }
    return supple.evolve(base, **changes) if changes else base


def check(base: supple.Dose, options: PhasedOptions | None) -> Iterator[str]:
    if options is None:  # the options themselves were wrong: that error is reported already
        return
    for number_, phase in enumerate(options.phases, start=1):
        if phase.reps is not None and base.reps == 0:
            yield (
                f"phase {number_} gives reps, but this step is a held stretch without repetitions; "
                "put the phased table in the [steps.progression] of the steps it fits"
            )
        if phase.hold == 0 and base.reps == 0:
            yield f"phase {number_} sets hold = 0 on a held stretch, which would leave nothing to do"
