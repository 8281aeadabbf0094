"""``load``: add a light weight, only when the person's pain is known to be low.

Article 000 (Vitia, 2026) asks for a light weight, about 1 kg, only once
the exercise is easy and causes no pain. supple reads "no pain" from the profile: weight is
added only when the profile gives today's pain and it is at most ``max_pain`` (default 3, the
green zone of the pain traffic light, Silbernagel 2007). Without a profile, or without a pain
score in it, pain is not known to be low and no weight is added.

Two ways to say when weight is added (give exactly one):

* ``after_week = N``: ``kg`` is added from week N + 1, then again every ``every`` weeks;
* ``max_reps = N`` (the top of a rep range, "double progression"): repetitions grow by
  ``reps`` a week from the step's own count up to N; the week after reaching N, ``kg`` is
  added and the repetitions go back to the step's count, and the climb starts again.

The total weight never exceeds ``max_kg`` (default: the step's own weight plus one ``kg``).
When no more weight may be added (the cap, or pain not known to be low), repetitions stay at
the top of the range. Steps without repetitions (held stretches) are left as they are.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import attrs

import supple

from .fields import as_float, between, number
from .fields import kg as show_kg


@attrs.frozen
class LoadOptions:
    """Options of ``load``."""

    kg: float = attrs.field(default=1.0, converter=as_float, validator=between(0.25, 10, " kg"))
    max_kg: float | None = number(None, 0, 50, " kg")
    after_week: int | None = number(None, 1, 155)
    every: int = number(2, 1, 52, " weeks")
    max_reps: int | None = number(None, 1, 500)
    reps: int = number(1, 1, 50)
    max_pain: int = number(3, 0, 10)


def pain_is_low(options: LoadOptions, context: supple.ProgressionContext) -> bool:
    """True only when the profile gives a pain score and it is at most ``max_pain``."""
    return context.pain is not None and context.pain <= options.max_pain


def additions_allowed(base: supple.Dose, options: LoadOptions) -> int:
    """How many times ``kg`` may be added before reaching the cap."""
    cap = options.max_kg if options.max_kg is not None else base.load_kg + options.kg
    return max(0, math.floor((cap - base.load_kg) / options.kg + 1e-9))


def dose_for(
    base: supple.Dose, week: int, options: LoadOptions, context: supple.ProgressionContext
) -> supple.Dose:
    if base.reps == 0:
        return base
    allowed = additions_allowed(base, options) if pain_is_low(options, context) else 0
    if options.max_reps is not None:
        climb = max(0, math.ceil((options.max_reps - base.reps) / options.reps))
        cycle = climb + 1
        added, position = divmod(week - 1, cycle)
        if added > allowed:
            added, reps = allowed, options.max_reps
        else:
            reps = min(base.reps + position * options.reps, options.max_reps)
    else:
        after = options.after_week or 0
        added = 0 if week <= after else 1 + (week - after - 1) // options.every
        added = min(added, allowed)
        reps = base.reps
    load = round(base.load_kg + added * options.kg, 3)
    if reps == base.reps and load == base.load_kg:
        return base
    return supple.evolve(base, reps=reps, load_kg=load)


def check(base: supple.Dose, options: LoadOptions | None) -> Iterator[str]:
    if options is None:  # the options themselves were wrong: that error is reported already
        return
    if options.after_week is None and options.max_reps is None:
        yield (
            "say when weight is added: after_week = N (from the week after N) or max_reps = N "
            "(once the top of the rep range is reached)"
        )
    if options.after_week is not None and options.max_reps is not None:
        yield "give after_week or max_reps, not both"
    if options.max_reps is not None and base.reps and options.max_reps < base.reps:
        yield f"max_reps ({options.max_reps}) is below the starting dose ({base.reps} reps)"
    if options.max_kg is not None:
        if options.max_kg < base.load_kg:
            yield f"max_kg ({show_kg(options.max_kg)}) is below the starting weight ({show_kg(base.load_kg)})"
        elif base.reps and options.max_kg < base.load_kg + options.kg:
            yield (
                f"max_kg ({show_kg(options.max_kg)}) leaves no room to add {show_kg(options.kg)} to the "
                f"starting {show_kg(base.load_kg)}"
            )
